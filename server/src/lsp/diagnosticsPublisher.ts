/**
 * Publishes diagnostics: every OWNERS source when the workspace opens, the edited file at each keystroke, and the
 * OWNERS files that depend on OWNERS_ALIASES when it changes.
 */
import type { Connection } from 'vscode-languageserver/node';
import type { Diagnostic } from '../core/diagnostics';
import { diagnoseFile, diagnoseRepository, ownersContext } from '../workspace/diagnose';
import type { Repository } from '../workspace/repository';
import { toLspDiagnostic } from './convert';
import type { Workspaces } from './workspaces';

export class DiagnosticsPublisher {
  /** Files we last published non-empty diagnostics for, per repository root. */
  private readonly published = new Map<string, Set<string>>();

  constructor(private readonly connection: Connection, private readonly workspaces: Workspaces) {}

  publishAll(): void {
    for (const repo of this.workspaces.all()) this.publishRepository(repo);
  }

  private publishRepository(repo: Repository): void {
    const diags = diagnoseRepository(repo);
    const byFile = groupByFile(diags);
    const before = this.published.get(repo.root) ?? new Set<string>();
    for (const f of before) if (!byFile.has(f)) this.send(repo, f, []);
    for (const [f, ds] of byFile) this.send(repo, f, ds);
    this.published.set(repo.root, new Set(byFile.keys()));
  }

  fileChanged(repo: Repository, rel: string): void {
    const idx = repo.index;
    if (idx.aliases && rel === idx.aliases.path) {
      // An alias edit can change every OWNERS file's diagnostics.
      this.publishRepository(repo);
      return;
    }
    if (!idx.isTracked(rel)) return;
    const ds = diagnoseFile(repo, rel, ownersContext(repo));
    this.send(repo, rel, ds);
    const set = this.published.get(repo.root) ?? new Set<string>();
    if (ds.length > 0) set.add(rel);
    else set.delete(rel);
    this.published.set(repo.root, set);
  }

  private send(repo: Repository, rel: string, ds: Diagnostic[]): void {
    void this.connection.sendDiagnostics({ uri: this.workspaces.uriOf(repo, rel), diagnostics: ds.map(toLspDiagnostic) });
  }
}

function groupByFile(diags: Diagnostic[]): Map<string, Diagnostic[]> {
  const m = new Map<string, Diagnostic[]>();
  for (const d of diags) {
    let l = m.get(d.file);
    if (!l) m.set(d.file, (l = []));
    l.push(d);
  }
  return m;
}
