/**
 * The diagnostics pipeline shared by the language server and the CLI: every rule family's raw diagnostics for a
 * file, then the repository's rule settings (`.kube-shepherd.yaml`), then in-file suppressions.
 */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics';
import { REPO_CONFIG_PATH, applyRuleSettings } from '../core/config/repoConfig';
import { applySuppressions } from '../core/suppressions';
import { diagnoseFile, diagnoseRepository, ownersContext } from './diagnose';
import { repoSettings } from './repoSettings';
import type { Repository } from './repository';

/** A family of rules beyond OWNERS (KEPs, …): which files it covers and their diagnostics. */
export interface RuleProvider {
  name: string;
  /** Files this provider reports on, for the whole-repository pass. */
  files(repo: Repository): Iterable<string>;
  /** Is this file one the provider checks (for the keystroke path)? */
  covers(repo: Repository, rel: string): boolean;
  /** Diagnostics of one file. */
  diagnose(repo: Repository, rel: string): Diagnostic[];
  /** Files whose diagnostics may change when `rel` changes (besides `rel` itself). */
  dependents?(repo: Repository, rel: string): Iterable<string>;
  /** The whole repository in one pass, when that is cheaper than file by file. */
  diagnoseAll?(repo: Repository): Diagnostic[];
}

const providers: RuleProvider[] = [];

export function registerRuleProvider(p: RuleProvider): void {
  if (!providers.some((x) => x.name === p.name)) providers.push(p);
}

export interface PipelineOptions {
  /**
   * CI mode (the CLI): suppressions cannot hide an Error that mirrors upstream CI, because upstream CI will still fail.
   * In the editor they can, and a note on the suppression says so.
   */
  ci?: boolean;
  /**
   * Whole-repository pass only: providers (by name) to run after all the others, with `beforeLate` called first. The
   * CLI has the TOC check computed on another thread meanwhile and collects it there; the output is sorted, so the
   * order of the passes changes nothing.
   */
  late?: ReadonlySet<string>;
  beforeLate?: () => void;
}

/** OWNERS rule settings from `.kube-shepherd.yaml`. */
export function ownersOptions(repo: Repository) {
  const banned = repoSettings(repo).config.bannedLabels;
  return banned ? { owners: { bannedLabels: banned } } : {};
}

function isMarkdown(rel: string): boolean {
  return rel.endsWith('.md');
}

/** Post-processing of one file's raw diagnostics: rule settings then suppressions. */
export function finish(repo: Repository, rel: string, raw: Diagnostic[], opts: PipelineOptions = {}): Diagnostic[] {
  const settings = repoSettings(repo);
  // In CI mode an Error that mirrors upstream CI stays an Error whatever the settings say: CI will fail on it.
  const pinned = opts.ci ? raw.filter((d) => d.severity === 'error' && d.upstream) : [];
  const configured = [...pinned, ...applyRuleSettings(opts.ci ? raw.filter((d) => !pinned.includes(d)) : raw, settings.config)];
  const text = repo.text(rel);
  if (text === undefined) return configured.sort(compareDiagnostics);
  const { kept, suppressed, unused } = applySuppressions(rel, text, configured, isMarkdown(rel));
  const out = [...kept, ...applyRuleSettings(unused, settings.config)];
  for (const d of suppressed) {
    if (d.severity !== 'error' || !d.upstream) continue;
    if (opts.ci) out.push(d);
    else {
      out.push({
        ...d,
        severity: 'information',
        code: 'suppression/upstream-still-fails',
        message: `${d.code} is suppressed here, but ${d.upstream} will still fail in CI: ${d.message}`,
        fixes: undefined,
      });
    }
  }
  return out.sort(compareDiagnostics);
}

/** Every diagnostic of one file (the keystroke path). */
export function fileDiagnostics(repo: Repository, rel: string, opts: PipelineOptions = {}): Diagnostic[] {
  const raw: Diagnostic[] = [];
  if (rel === REPO_CONFIG_PATH) raw.push(...repoSettings(repo).diagnostics);
  raw.push(...diagnoseFile(repo, rel, ownersContext(repo, ownersOptions(repo))));
  for (const p of providers) if (p.covers(repo, rel)) raw.push(...p.diagnose(repo, rel));
  return finish(repo, rel, raw, opts);
}

/** Is `rel` a file any rule reports on? */
export function isChecked(repo: Repository, rel: string): boolean {
  if (rel === REPO_CONFIG_PATH || repo.index.isTracked(rel)) return true;
  return providers.some((p) => p.covers(repo, rel));
}

/** Files to re-check when `rel` changes (besides itself). */
export function dependentsOf(repo: Repository, rel: string): Set<string> {
  const out = new Set<string>();
  for (const p of providers) for (const d of p.dependents?.(repo, rel) ?? []) if (d !== rel) out.add(d);
  return out;
}

/** Every registered provider (for the publisher's bookkeeping). */
export function ruleProviders(): readonly RuleProvider[] {
  return providers;
}

/** Every diagnostic of the repository, sorted. */
export function repositoryDiagnostics(repo: Repository, opts: PipelineOptions = {}): Diagnostic[] {
  const byFile = new Map<string, Diagnostic[]>();
  const add = (f: string, ds: Diagnostic[]) => {
    let l = byFile.get(f);
    if (!l) byFile.set(f, (l = []));
    l.push(...ds);
  };
  // Every checked file gets a pass, even without findings: its unused suppressions must still be reported.
  for (const f of repo.index.files.keys()) add(f, []);
  if (repo.index.aliases) add(repo.index.aliases.path, []);
  for (const d of diagnoseRepository(repo, ownersOptions(repo))) add(d.file, [d]);
  const pass = (p: RuleProvider) => {
    if (p.diagnoseAll) {
      for (const f of p.files(repo)) add(f, []);
      for (const d of p.diagnoseAll(repo)) add(d.file, [d]);
    } else for (const f of p.files(repo)) add(f, p.diagnose(repo, f));
  };
  const late = opts.late ?? new Set<string>();
  for (const p of providers) if (!late.has(p.name)) pass(p);
  if (providers.some((p) => late.has(p.name))) opts.beforeLate?.();
  for (const p of providers) if (late.has(p.name)) pass(p);
  if (repo.files.has(REPO_CONFIG_PATH)) add(REPO_CONFIG_PATH, repoSettings(repo).diagnostics);
  const out: Diagnostic[] = [];
  for (const [f, ds] of byFile) out.push(...finish(repo, f, ds, opts));
  return out.sort(compareDiagnostics);
}
