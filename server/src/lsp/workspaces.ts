/** Maps document URIs to the repository (workspace folder) that owns them and their repository-relative path. */
import * as path from 'node:path';
import { URI } from 'vscode-uri';
import { Repository } from '../workspace/repository';

export interface Located {
  repo: Repository;
  rel: string;
}

export class Workspaces {
  private readonly repos: Repository[] = [];

  add(rootFsPath: string): Repository {
    const repo = Repository.open(rootFsPath, { alwaysSkip: ['node_modules'] });
    this.repos.push(repo);
    // Deepest roots first so nested folders win.
    this.repos.sort((a, b) => b.root.length - a.root.length);
    return repo;
  }

  all(): readonly Repository[] {
    return this.repos;
  }

  locate(uri: string): Located | undefined {
    let fsPath: string;
    try {
      const u = URI.parse(uri);
      if (u.scheme !== 'file') return undefined;
      fsPath = path.resolve(u.fsPath);
    } catch {
      return undefined;
    }
    for (const repo of this.repos) {
      const rel = repo.rel(fsPath);
      if (rel !== undefined && rel !== '') return { repo, rel };
    }
    return undefined;
  }

  uriOf(repo: Repository, rel: string): string {
    return URI.file(repo.abs(rel)).toString();
  }
}
