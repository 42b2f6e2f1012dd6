/** Runs every rule that applies to a repository (or to some of its files) and collects the diagnostics. */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics';
import { aliasesFileDiagnostics, aliasesNotAtRootDiagnostics, denylistedOwnersDiagnostics, ownersFileDiagnostics } from '../core/owners/rules';
import { DEFAULT_OWNERS_RULE_SETTINGS, type OwnersRepoContext, type OwnersRuleSettings } from '../core/owners/rules/context';
import { parseLabelsYaml, type KnownLabel } from '../core/owners/labelsYaml';
import { parseSigsYaml, type SigsModel } from '../core/owners/sigsLeadership';
import { basename } from '../core/snapshot';
import type { Repository } from './repository';

export interface DiagnoseOptions {
  owners?: Partial<OwnersRuleSettings>;
}

// ---- OWNERS / OWNERS_ALIASES ----

/** Parse results of repository-wide inputs, re-parsed only when their text changes. */
const memo = new Map<string, { text: string; value: unknown }>();
function cached<T>(slot: string, text: string, parse: (t: string) => T): T {
  const hit = memo.get(slot);
  if (hit && hit.text === text) return hit.value as T;
  const value = parse(text);
  memo.set(slot, { text, value });
  return value;
}

export const LABELS_YAML_PATHS = ['label_sync/labels.yaml', 'labels.yaml'];
export const SIGS_YAML_PATH = 'sigs.yaml';

export function ownersLabels(repo: Repository): ReadonlyMap<string, KnownLabel> | undefined {
  const p = LABELS_YAML_PATHS.find((f) => repo.files.has(f));
  const t = p ? repo.text(p) : undefined;
  return t === undefined ? undefined : cached(`${repo.root}\0labels`, t, parseLabelsYaml);
}

export function ownersSigs(repo: Repository): SigsModel | undefined {
  const t = repo.files.has(SIGS_YAML_PATH) ? repo.text(SIGS_YAML_PATH) : undefined;
  return t === undefined ? undefined : cached(`${repo.root}\0sigs`, t, parseSigsYaml);
}

/** The label names of a parsed labels.yaml, built once per parse (every keystroke asks for a context). */
const labelNames = new WeakMap<ReadonlyMap<string, KnownLabel>, ReadonlySet<string>>();
function knownLabelNames(labels: ReadonlyMap<string, KnownLabel>): ReadonlySet<string> {
  let names = labelNames.get(labels);
  if (!names) labelNames.set(labels, (names = new Set(labels.keys())));
  return names;
}

export function ownersContext(repo: Repository, opts: DiagnoseOptions = {}): OwnersRepoContext {
  const labels = ownersLabels(repo);
  return {
    owners: repo.index.owners,
    aliases: repo.index.aliases?.file,
    knownLabels: labels ? knownLabelNames(labels) : undefined,
    labels,
    sigs: ownersSigs(repo),
    files: repo.files,
    denylist: repo.index.denylist,
    aliasesFilename: repo.opts.aliasesFilename ?? 'OWNERS_ALIASES',
    settings: { ...DEFAULT_OWNERS_RULE_SETTINGS, ...opts.owners },
  };
}

/** OWNERS-family files Prow does not read but we still report on (denylisted OWNERS, OWNERS_ALIASES below the root). */
export function isIgnoredOwnersFile(repo: Repository, rel: string): boolean {
  const name = basename(rel);
  if (name !== (repo.opts.ownersFilename ?? 'OWNERS') && name !== (repo.opts.aliasesFilename ?? 'OWNERS_ALIASES')) return false;
  return !repo.index.isTracked(rel);
}

function ignoredOwnersFileDiagnostics(repo: Repository, rel: string): Diagnostic[] {
  const text = repo.text(rel) ?? '';
  if (basename(rel) === (repo.opts.aliasesFilename ?? 'OWNERS_ALIASES')) return aliasesNotAtRootDiagnostics(rel, text);
  const i = rel.lastIndexOf('/');
  const denied = repo.index.denylist.deniedAncestor(i < 0 ? '' : rel.slice(0, i));
  return denied === undefined ? [] : denylistedOwnersDiagnostics(rel, text, denied);
}

// ---- all files ----

/** Diagnostics of one file of the repository (the keystroke path). */
export function diagnoseFile(repo: Repository, rel: string, ctx: OwnersRepoContext = ownersContext(repo)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const idx = repo.index;
  if (idx.aliases && rel === idx.aliases.path) {
    if (idx.aliases.file && idx.aliases.text !== undefined) out.push(...aliasesFileDiagnostics(rel, idx.aliases.text, idx.aliases.file, ctx));
  } else if (idx.files.has(rel)) {
    const entry = idx.files.get(rel);
    if (entry?.file && entry.text !== undefined) out.push(...ownersFileDiagnostics({ path: rel, text: entry.text, file: entry.file }, ctx));
    else if (entry?.problem) out.push(unreadable(rel, entry.problem));
  } else if (repo.files.has(rel) && isIgnoredOwnersFile(repo, rel)) {
    out.push(...ignoredOwnersFileDiagnostics(repo, rel));
  }
  return out.sort(compareDiagnostics);
}

/** Diagnostics of every OWNERS source of the repository. */
export function diagnoseRepository(repo: Repository, opts: DiagnoseOptions = {}): Diagnostic[] {
  const ctx = ownersContext(repo, opts);
  const out: Diagnostic[] = [];
  const paths = new Set<string>(repo.index.files.keys());
  if (repo.index.aliases) paths.add(repo.index.aliases.path);
  for (const f of repo.files) if (isIgnoredOwnersFile(repo, f)) paths.add(f);
  for (const p of paths) out.push(...diagnoseFile(repo, p, ctx));
  return out.sort(compareDiagnostics);
}

function unreadable(file: string, problem: string): Diagnostic {
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    code: 'owners/unreadable',
    message: `This OWNERS file cannot be read as text (${problem}); Kube Shepherd skips it.`,
  };
}
