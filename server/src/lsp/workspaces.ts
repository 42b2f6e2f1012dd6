/**
 * Maps document URIs to the repository that owns them and their repository-relative path. A workspace folder's
 * repository is rooted at its git root when the OWNERS chain starts above the folder (core/repoPath.ts says when);
 * folders of the same repository share one; a repository nested inside one (its own `.git`) is opened on first use.
 * `.git` is only looked at (stat), git never runs: safe in untrusted workspaces.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { repositoryPathOf, repositoryRootOfFolder, workingTreeUriOf, type RepoProbe } from '../core/repoPath';
import { isGitRoot } from '../workspace/gitInfo';
import { Repository } from '../workspace/repository';

export interface Located {
  repo: Repository;
  rel: string;
}

const REPO_OPTIONS = { alwaysSkip: ['node_modules'] };

/** Absolute path with `/` separators, as core/repoPath.ts wants it. */
function slashed(abs: string): string {
  return path.resolve(abs).split(path.sep).join('/');
}

export class Workspaces {
  private readonly repos: Repository[] = [];
  /** Their roots, slashed, in the same order. */
  private roots: string[] = [];
  /** Repositories nested in a workspace repository, by slashed root. */
  private readonly nested = new Map<string, Repository>();
  private readonly gitRoots = new Map<string, boolean>();
  private readonly probe: RepoProbe = {
    // Asked for every directory above each located path (each keystroke): remember the answers.
    isGitRoot: (dir) => {
      let hit = this.gitRoots.get(dir);
      if (hit === undefined) {
        if (this.gitRoots.size > 20_000) this.gitRoots.clear();
        this.gitRoots.set(dir, (hit = isGitRoot(dir)));
      }
      return hit;
    },
    isFile: (file) => {
      try {
        return fs.statSync(file).isFile();
      } catch {
        return false;
      }
    },
  };

  /** Opens the repository of a workspace folder (or returns the one already open at the same root). */
  add(folderFsPath: string): Repository {
    const root = repositoryRootOfFolder(slashed(folderFsPath), this.probe);
    const known = this.roots.indexOf(root);
    if (known >= 0) return this.repos[known];
    const repo = Repository.open(root, REPO_OPTIONS);
    this.repos.push(repo);
    // Deepest roots first so nested folders win.
    this.repos.sort((a, b) => b.root.length - a.root.length);
    this.roots = this.repos.map((r) => slashed(r.root));
    return repo;
  }

  /** The workspace repositories (not the nested ones opened on demand). */
  all(): readonly Repository[] {
    return this.repos;
  }

  /** A `file:` URI's repository and path (document sync, diagnostics, editor features). */
  locate(uri: string): Located | undefined {
    let fsPath: string;
    try {
      const u = URI.parse(uri);
      if (u.scheme !== 'file') return undefined;
      fsPath = u.fsPath;
    } catch {
      return undefined;
    }
    const hit = repositoryPathOf(slashed(fsPath), this.roots, this.probe);
    if (!hit) return undefined;
    return { repo: this.repoAt(hit.root), rel: hit.rel };
  }

  /**
   * Any document URI that shows a working-tree file (`file:`, `git:` diff/staged, `review:`) → its repository and
   * path; for ownership, which depends on the path only. Other schemes (untitled, output, …) → undefined.
   */
  locateDocument(uri: string): Located | undefined {
    const file = workingTreeUriOf(uri);
    return file === undefined ? undefined : this.locate(file);
  }

  private repoAt(root: string): Repository {
    const ws = this.roots.indexOf(root);
    if (ws >= 0) return this.repos[ws];
    let repo = this.nested.get(root);
    if (!repo) this.nested.set(root, (repo = Repository.open(root, REPO_OPTIONS)));
    return repo;
  }

  uriOf(repo: Repository, rel: string): string {
    return URI.file(repo.abs(rel)).toString();
  }
}
