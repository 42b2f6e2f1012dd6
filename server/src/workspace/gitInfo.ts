/**
 * Repository facts read from `.git` files directly — never by running git, so it is safe in untrusted workspaces:
 * the current branch and the GitHub owner/name of the remotes.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface GitRemote {
  name: string;
  url: string;
  /** GitHub (or GitHub Enterprise) owner/repo when the URL names one. */
  owner?: string;
  repo?: string;
  host?: string;
}

export interface GitInfo {
  /** Directory holding the git metadata (worktrees and submodules resolved). */
  gitDir: string;
  branch?: string;
  remotes: GitRemote[];
}

/** Parses `https://host/owner/repo(.git)`, `git@host:owner/repo(.git)`, `ssh://git@host/owner/repo`. */
export function parseRemoteUrl(url: string): Pick<GitRemote, 'owner' | 'repo' | 'host'> {
  const m =
    /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url) ??
    /^(?:[^@/]+@)?([^/:]+):([^/]+)\/([^/]+?)(?:\.git)?\/?$/.exec(url);
  return m ? { host: m[1], owner: m[2], repo: m[3] } : {};
}

/** `dir` holds a `.git` directory or file (worktree, submodule): it is a repository root. Never runs git. */
export function isGitRoot(dir: string): boolean {
  try {
    const st = fs.statSync(path.join(dir, '.git'));
    return st.isDirectory() || st.isFile();
  } catch {
    return false;
  }
}

/** The innermost repository root at or above `start` (walking up for `.git`), if any. */
export function findGitRoot(start: string): string | undefined {
  for (let dir = path.resolve(start); ; dir = path.dirname(dir)) {
    if (isGitRoot(dir)) return dir;
    if (path.dirname(dir) === dir) return undefined;
  }
}

function findGitDir(root: string): string | undefined {
  let dir = path.resolve(root);
  for (;;) {
    const found = findGitRoot(dir);
    if (!found) return undefined;
    const dotGit = path.join(found, '.git');
    try {
      if (fs.statSync(dotGit).isDirectory()) return dotGit;
      const m = /^gitdir:\s*(.+)\s*$/m.exec(fs.readFileSync(dotGit, 'utf8'));
      if (m) return path.resolve(found, m[1]);
    } catch {
      // unreadable `.git` file: keep walking up
    }
    const parent = path.dirname(found);
    if (parent === found) return undefined;
    dir = parent;
  }
}

export function readGitInfo(root: string): GitInfo | undefined {
  const gitDir = findGitDir(root);
  if (!gitDir) return undefined;
  let branch: string | undefined;
  try {
    const head = fs.readFileSync(path.join(gitDir, 'HEAD'), 'utf8').trim();
    const m = /^ref:\s*refs\/heads\/(.+)$/.exec(head);
    branch = m?.[1];
  } catch {
    // detached or unreadable: no branch
  }
  // Worktrees keep the config in the common dir.
  let configDir = gitDir;
  try {
    const common = fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim();
    configDir = path.resolve(gitDir, common);
  } catch {
    // not a worktree
  }
  const remotes: GitRemote[] = [];
  try {
    const cfg = fs.readFileSync(path.join(configDir, 'config'), 'utf8');
    let current: string | undefined;
    for (const line of cfg.split(/\r?\n/)) {
      const sec = /^\s*\[remote\s+"([^"]+)"\]\s*$/.exec(line);
      if (sec) {
        current = sec[1];
        continue;
      }
      if (/^\s*\[/.test(line)) {
        current = undefined;
        continue;
      }
      const url = current ? /^\s*url\s*=\s*(.+?)\s*$/.exec(line) : null;
      if (current && url) remotes.push({ name: current, url: url[1], ...parseRemoteUrl(url[1]) });
    }
  } catch {
    // no config
  }
  return { gitDir, branch, remotes };
}

/** The upstream repository: the `upstream` remote if any, else `origin`, else the first GitHub one. */
export function upstreamRemote(info: GitInfo | undefined): GitRemote | undefined {
  if (!info) return undefined;
  const gh = info.remotes.filter((r) => r.owner && r.repo);
  return gh.find((r) => r.name === 'upstream') ?? gh.find((r) => r.name === 'origin') ?? gh[0];
}

/** The remote the branch was pushed to (the fork): `origin` when upstream is separate. */
export function forkRemote(info: GitInfo | undefined): GitRemote | undefined {
  if (!info) return undefined;
  const gh = info.remotes.filter((r) => r.owner && r.repo);
  return gh.find((r) => r.name === 'origin') ?? gh[0];
}
