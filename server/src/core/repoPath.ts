/**
 * Which repository a document belongs to, and its path there — pure (the file system is asked through `RepoProbe`).
 *
 * Documents come with many URI schemes: `file:` for the working tree, `git:` for the Source Control diff / staged
 * versions (VS Code's git extension puts the working-tree path in the query: `{"path": "/repo/a.go", "ref": "HEAD"}`),
 * `review:` for the GitHub Pull Requests extension (same query shape). Ownership is a function of the path only, so
 * all of them map to the working-tree file. Everything else (untitled, output, settings, …) maps to nothing.
 *
 * Prow resolves OWNERS from the repository root, so the root is the git root (the innermost directory holding a
 * `.git` directory or file — a nested repository or submodule wins over the one around it), not the workspace folder.
 * A folder that merely sits inside an unrelated checkout (a dotfiles repository in $HOME) must not drag that checkout
 * in: a git root above a folder is used only when Prow would read something there or on the way down (OWNERS,
 * OWNERS_ALIASES, .kube-shepherd.yaml).
 *
 * Paths here are absolute with `/` separators (`/a/b`, `C:/a/b`); the adapter converts.
 */
import { URI } from 'vscode-uri';

export interface RepoProbe {
  /** `dir` holds a `.git` entry (a directory, or a file as in worktrees and submodules). */
  isGitRoot(dir: string): boolean;
  /** `file` exists and is a regular file. */
  isFile(file: string): boolean;
}

export interface RepoPath {
  /** Repository root (absolute, `/`-separated). */
  root: string;
  /** Path inside the repository, `/`-separated, never empty. */
  rel: string;
}

/** Schemes whose query carries the working-tree path as `path` (git extension, GitHub Pull Requests `review:`). */
const QUERY_PATH_SCHEMES = new Set(['git', 'review']);

/** Files Prow (or Kube Shepherd's repository settings) reads that make a git root above a folder matter. */
const ROOT_MARKERS = ['OWNERS', 'OWNERS_ALIASES', '.kube-shepherd.yaml'];

/** The `file:` URI of the working-tree file a document shows, or undefined when it shows none. */
export function workingTreeUriOf(uri: string): string | undefined {
  let u: URI;
  try {
    u = URI.parse(uri, true);
  } catch {
    return undefined;
  }
  if (u.scheme === 'file') return u.with({ query: '', fragment: '' }).toString();
  if (!QUERY_PATH_SCHEMES.has(u.scheme)) return undefined;
  const fromQuery = queryPath(u.query);
  if (fromQuery !== undefined) return URI.file(fromQuery).toString();
  // No usable query: the URI's own path is the file's (both extensions build it from the file URI).
  return u.path.startsWith('/') ? URI.file(u.path).toString() : undefined;
}

function queryPath(query: string): string | undefined {
  if (!query.startsWith('{')) return undefined;
  try {
    const q = JSON.parse(query) as unknown;
    const p = typeof q === 'object' && q !== null ? (q as { path?: unknown }).path : undefined;
    // Absolute only: a relative path would need a root the URI does not name.
    return typeof p === 'string' && (p.startsWith('/') || /^[A-Za-z]:[\\/]/.test(p)) ? p : undefined;
  } catch {
    return undefined;
  }
}

/** Parent directory; a root (`/`, `C:/`) is its own parent. */
export function parentDir(p: string): string {
  const i = p.lastIndexOf('/');
  if (i < 0) return p;
  const head = p.slice(0, i);
  if (head === '') return '/';
  return /^[A-Za-z]:$/.test(head) ? `${head}/` : head;
}

/** `child` is `dir` or below it. */
export function isWithin(child: string, dir: string): boolean {
  return child === dir || child.startsWith(dir.endsWith('/') ? dir : `${dir}/`);
}

function join(dir: string, name: string): string {
  return dir.endsWith('/') ? dir + name : `${dir}/${name}`;
}

/** The innermost git root at or above `dir`. */
export function gitRootAbove(dir: string, probe: RepoProbe): string | undefined {
  for (let d = dir; ; d = parentDir(d)) {
    if (probe.isGitRoot(d)) return d;
    if (parentDir(d) === d) return undefined;
  }
}

/**
 * The repository root for a workspace folder: the folder's git root when the folder is that root or a subfolder
 * of a repository whose OWNERS chain starts above the folder; else the folder itself (no git, or an unrelated
 * checkout around it).
 */
export function repositoryRootOfFolder(folder: string, probe: RepoProbe): string {
  const git = gitRootAbove(folder, probe);
  if (git === undefined || git === folder) return folder;
  if (ROOT_MARKERS.some((m) => probe.isFile(join(git, m)))) return git;
  for (let d = parentDir(folder); d !== git && isWithin(d, git); d = parentDir(d)) {
    if (probe.isFile(join(d, 'OWNERS'))) return git;
  }
  return folder;
}

/**
 * Repository and repository-relative path of an absolute path, given the roots of the workspace repositories
 * (from `repositoryRootOfFolder`). A repository nested in one of them (its own `.git`) wins; a path outside every
 * workspace repository, or a repository root itself, has none.
 */
export function repositoryPathOf(absPath: string, workspaceRoots: readonly string[], probe: RepoProbe): RepoPath | undefined {
  const roots = new Set(workspaceRoots);
  let nested: string | undefined;
  for (let d = parentDir(absPath); ; d = parentDir(d)) {
    // Walking up, the first workspace root met is the deepest one around the path.
    if (roots.has(d)) return relativeTo(absPath, nested ?? d);
    if (nested === undefined && probe.isGitRoot(d)) nested = d;
    if (parentDir(d) === d) return undefined;
  }
}

function relativeTo(absPath: string, root: string): RepoPath | undefined {
  if (absPath === root || !isWithin(absPath, root)) return undefined;
  const rel = absPath.slice(root.endsWith('/') ? root.length : root.length + 1);
  return rel === '' ? undefined : { root, rel };
}

/** A document URI (any scheme) → repository and path: `workingTreeUriOf`, then `repositoryPathOf`. */
export function repositoryPathOfUri(uri: string, workspaceRoots: readonly string[], probe: RepoProbe): RepoPath | undefined {
  const file = workingTreeUriOf(uri);
  return file === undefined ? undefined : repositoryPathOf(slashedFsPath(file), workspaceRoots, probe);
}

/** A `file:` URI's path with `/` separators (`C:/a/b` on Windows). */
export function slashedFsPath(fileUri: string): string {
  return URI.parse(fileUri).fsPath.replace(/\\/g, '/');
}
