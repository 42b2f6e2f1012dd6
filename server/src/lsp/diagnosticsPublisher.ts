/**
 * Publishes diagnostics: every OWNERS source when the workspace opens, the edited file at each keystroke, and the
 * OWNERS files that depend on OWNERS_ALIASES (or labels.yaml / sigs.yaml) when it changes. Only files whose
 * diagnostics changed are re-sent, plus the edited file itself.
 */
import type { Connection } from 'vscode-languageserver/node';
import { REPO_CONFIG_PATH } from '../core/config/repoConfig';
import type { Diagnostic } from '../core/diagnostics';
import { aliasesPath } from '../core/owners/discovery';
import { aliasUsage, changedAliasNames } from '../core/owners/rules/aliasLookups';
import { diagnoseRepository, isIgnoredOwnersFile, LABELS_YAML_PATHS, SIGS_YAML_PATH } from '../workspace/diagnose';
import { dependentsOf, fileDiagnostics, finish, isChecked, ownersOptions, repositoryDiagnostics } from '../workspace/pipeline';
import type { Repository } from '../workspace/repository';
import { toLspDiagnostic } from './convert';
import type { Workspaces } from './workspaces';

export class DiagnosticsPublisher {
  /** What we last sent per file (a fingerprint), per repository root; absent = nothing or empty. */
  private readonly published = new Map<string, Map<string, string>>();
  /** The alias map the published OWNERS diagnostics were computed with, per repository root (null: no aliases file). */
  private readonly aliasesSeen = new Map<string, ReadonlyMap<string, ReadonlySet<string>> | null>();
  /**
   * OWNERS files published with another alias map than `aliasesSeen` (edited while a broken OWNERS_ALIASES waited for
   * its pass), per repository root: the next alias edit re-checks them too.
   */
  private readonly publishedWithOtherAliases = new Map<string, Set<string>>();

  /** `versionOf`: the version of an open document, so a client can drop a publish made for older text. */
  constructor(
    private readonly connection: Connection,
    private readonly workspaces: Workspaces,
    private readonly versionOf: (uri: string) => number | undefined = () => undefined,
  ) {}

  /** Workspace open: every rule family, every file. */
  publishAll(): void {
    for (const repo of this.workspaces.all()) {
      this.aliasesSeen.set(repo.root, currentAliases(repo));
      this.publishedWithOtherAliases.delete(repo.root);
      const byFile = groupByFile(repositoryDiagnostics(repo));
      for (const [f, ds] of byFile) this.send(repo, f, ds);
    }
  }

  private sent(repo: Repository): Map<string, string> {
    let m = this.published.get(repo.root);
    if (!m) this.published.set(repo.root, (m = new Map()));
    return m;
  }

  /** Re-diagnose every OWNERS-family file; send what changed (and always `force`, the file being edited). */
  private publishRepository(repo: Repository, force?: string): void {
    this.aliasesSeen.set(repo.root, currentAliases(repo));
    this.publishedWithOtherAliases.delete(repo.root);
    const raw = groupByFile(diagnoseRepository(repo, ownersOptions(repo)));
    const byFile = new Map<string, Diagnostic[]>();
    for (const [f, ds] of raw) {
      const done = finish(repo, f, ds);
      if (done.length > 0) byFile.set(f, done);
    }
    const sent = this.sent(repo);
    // Only OWNERS-family files were re-diagnosed: leave the others' diagnostics alone.
    for (const f of [...sent.keys()]) if (!byFile.has(f) && f !== force && (repo.index.files.has(f) || isIgnoredOwnersFile(repo, f))) this.send(repo, f, []);
    for (const [f, ds] of byFile) this.send(repo, f, ds, f === force);
    if (force !== undefined && !byFile.has(force)) this.send(repo, force, [], true);
  }

  /** Re-diagnose every file of the repository (rule settings changed); send what changed, and always `force`. */
  private publishWholeRepository(repo: Repository, force: string): void {
    this.aliasesSeen.set(repo.root, currentAliases(repo));
    this.publishedWithOtherAliases.delete(repo.root);
    const byFile = groupByFile(repositoryDiagnostics(repo));
    const sent = this.sent(repo);
    for (const f of [...sent.keys()]) if (!byFile.has(f) && f !== force) this.send(repo, f, []);
    for (const [f, ds] of byFile) this.send(repo, f, ds, f === force);
    if (!byFile.has(force)) this.send(repo, force, [], true);
  }

  fileChanged(repo: Repository, rel: string): void {
    const idx = repo.index;
    if (rel === REPO_CONFIG_PATH) {
      // Severities and rule switches apply to every file of the repository.
      this.publishWholeRepository(repo, rel);
      return;
    }
    // (Compared by name, not with idx.aliases: after a deletion the index no longer has it.)
    const isAliases = rel === aliasesPath(repo.opts);
    if (isAliases || LABELS_YAML_PATHS.includes(rel) || rel === SIGS_YAML_PATH) {
      if (isAliases && idx.aliases && !this.publishAliasesEdit(repo, rel)) {
        // The aliases do not parse (mid-typing, mostly): the file's own findings now, and the whole-repository pass
        // (every alias reference changes meaning) once typing pauses, so a keystroke never waits for it.
        this.send(repo, rel, fileDiagnostics(repo, rel), true);
        this.whenIdle(repo, `${rel}\0owners`, () => this.publishRepository(repo));
      } else if (!isAliases || !idx.aliases) {
        // Aliases, labels and groups feed every OWNERS file's diagnostics.
        this.clearIdle(repo, `${rel}\0owners`);
        this.publishRepository(repo);
        if (isAliases && this.sent(repo).has(rel)) this.send(repo, rel, []);
      } else {
        this.clearIdle(repo, `${rel}\0owners`);
      }
      // Other rule families read these files too (the SIG Node checks read the tech-leads alias). Their re-check can
      // touch every SIG Node KEP, so it waits until typing pauses instead of delaying the next keystroke.
      this.deferDependents(repo, rel);
      return;
    }
    const deps = dependentsOf(repo, rel);
    // OWNERS_ALIASES reports the groups no OWNERS file uses: an OWNERS edit (or deletion) can change that.
    if (idx.aliases && (idx.files.has(rel) || idx.isOwnersFileName(rel))) deps.add(idx.aliases.path);
    if (!isChecked(repo, rel) && !isIgnoredOwnersFile(repo, rel) && !idx.files.has(rel)) {
      if (this.sent(repo).has(rel)) this.send(repo, rel, []);
    } else {
      this.send(repo, rel, fileDiagnostics(repo, rel), true);
      if (idx.files.has(rel) && currentAliases(repo) !== (this.aliasesSeen.get(repo.root) ?? null)) {
        let s = this.publishedWithOtherAliases.get(repo.root);
        if (!s) this.publishedWithOtherAliases.set(repo.root, (s = new Set()));
        s.add(rel);
      }
    }
    for (const d of deps) this.send(repo, d, fileDiagnostics(repo, d));
  }

  /**
   * An OWNERS_ALIASES edit: re-diagnose it and only the OWNERS files whose diagnostics can change — those that
   * mention a name whose definition changed, and (when names were added or removed) those with an undefined
   * alias-like name near an added or removed one (its did-you-mean may change). False when a whole-repository pass is
   * needed instead (no alias map to compare with, or a file that does not parse).
   */
  private publishAliasesEdit(repo: Repository, rel: string): boolean {
    const before = this.aliasesSeen.get(repo.root);
    const after = currentAliases(repo);
    // A YAML syntax error mid-typing empties the alias map for Prow: re-checking every OWNERS file that uses an alias
    // for a state that lasts one keystroke would only delay the next one, so that pass waits for a pause.
    if (!before || !after || repo.index.aliases?.file?.syntaxError) return false;
    this.aliasesSeen.set(repo.root, after);
    const change = changedAliasNames(before, after);
    this.send(repo, rel, fileDiagnostics(repo, rel), true);
    const affected = change.names.size === 0 ? new Set<string>() : aliasUsage(repo.index.owners).affectedBy(change, after);
    for (const f of this.publishedWithOtherAliases.get(repo.root) ?? []) affected.add(f);
    this.publishedWithOtherAliases.delete(repo.root);
    for (const f of affected) this.send(repo, f, fileDiagnostics(repo, f));
    return true;
  }

  /** Work postponed until typing pauses, by key: its timer and the work itself (for flush). */
  private readonly idle = new Map<string, { timer: NodeJS.Timeout; run: () => void }>();

  private whenIdle(repo: Repository, what: string, run: () => void): void {
    const key = `${repo.root}\0${what}`;
    this.clearIdle(repo, what);
    const timer = setTimeout(() => {
      this.idle.delete(key);
      run();
    }, IDLE_MS);
    this.idle.set(key, { timer, run });
  }

  private clearIdle(repo: Repository, what: string): void {
    const key = `${repo.root}\0${what}`;
    const p = this.idle.get(key);
    if (p) clearTimeout(p.timer);
    this.idle.delete(key);
  }

  /** Runs the postponed work now (tests; the same answers as waiting for the pause). */
  flush(): void {
    for (const [key, p] of [...this.idle]) {
      clearTimeout(p.timer);
      this.idle.delete(key);
      p.run();
    }
  }

  private deferDependents(repo: Repository, rel: string): void {
    this.whenIdle(repo, `${rel}\0dependents`, () => {
      for (const d of dependentsOf(repo, rel)) this.send(repo, d, fileDiagnostics(repo, d));
    });
  }

  private send(repo: Repository, rel: string, ds: Diagnostic[], force = false): void {
    const sent = this.sent(repo);
    const lsp = ds.map(toLspDiagnostic);
    const fp = lsp.length === 0 ? '' : JSON.stringify(lsp);
    if (!force && (sent.get(rel) ?? '') === fp) return;
    if (fp === '') sent.delete(rel);
    else sent.set(rel, fp);
    const uri = this.workspaces.uriOf(repo, rel);
    void this.connection.sendDiagnostics({ uri, version: this.versionOf(uri), diagnostics: lsp });
  }
}

/** Typing pause after which postponed re-checks run (cross-family dependents; a pass over a broken OWNERS_ALIASES). */
const IDLE_MS = 150;

/** The alias map OWNERS diagnostics see (null when there is no usable OWNERS_ALIASES). */
function currentAliases(repo: Repository): ReadonlyMap<string, ReadonlySet<string>> | null {
  return repo.index.aliases?.file?.aliases ?? null;
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
