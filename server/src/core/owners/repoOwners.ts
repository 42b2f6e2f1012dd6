/**
 * Prow's RepoOwners (pkg/repoowners) rebuilt over parsed OWNERS files: who approves, reviews and labels a path,
 * exactly as Prow decides it (owners.md §3). Incremental: files and aliases can be replaced one at a time.
 */
import { canonicalize, goDir, goRel } from '../gopath';
import { normLogin, goSort } from '../gostrings';
import { compileGoRegexp, type GoRegexp } from '../re2';
import { LayeredSet } from './layered';
import type { ConfigLists, DirOptions, OwnersFile, Role } from './ownersFile';
import type { OwnersQueries } from './queries';

/** One (regex → set) cell of Prow's map[dir]map[*regexp.Regexp]sets.Set[string]. */
export interface RoleCell {
  /** null = applies to every file (simple config or the `.*` filter). */
  re: GoRegexp | null;
  pattern: string | null;
  logins: Set<string>;
  sorted: string[];
}

type RoleMap = Map<string, RoleCell[]>;

export interface RepoOwnersOptions {
  /** Prow's owners.mdyamlrepos: `*.md` front matter applies to the file itself. */
  mdYaml?: boolean;
}

/** A source of owners data: an OWNERS file (key = its directory) or, with md-yaml, a markdown file (key = itself). */
export interface OwnersSource {
  /** Repository-relative path of the OWNERS (or .md) file. */
  path: string;
  file: OwnersFile;
}

export function ownersKeyOf(path: string, mdYaml: boolean): string {
  if (mdYaml && path.endsWith('.md')) return path;
  return canonicalize(goDir(path));
}

export class RepoOwners implements OwnersQueries {
  private readonly sources = new Map<string, OwnersSource>();
  private aliases: Map<string, Set<string>> | null = null;
  private readonly roles: Record<Role, RoleMap> = {
    approvers: new Map(),
    reviewers: new Map(),
    required_reviewers: new Map(),
    labels: new Map(),
  };
  private readonly options = new Map<string, DirOptions>();
  /** Invalid filter patterns per source path (skipped, as Prow does). */
  readonly invalidFilters = new Map<string, { pattern: string; error: string }[]>();

  constructor(readonly opts: RepoOwnersOptions = {}) {}

  static build(sources: Iterable<OwnersSource>, aliases: Map<string, Set<string>> | null, opts: RepoOwnersOptions = {}): RepoOwners {
    const o = new RepoOwners(opts);
    o.aliases = aliases;
    for (const s of sources) o.setSource(s);
    return o;
  }

  get mdYaml(): boolean {
    return this.opts.mdYaml === true;
  }

  /** Bumped whenever a source is added, replaced or removed (lets derived indexes know when to catch up). */
  private sourcesVersion = 0;
  get version(): number {
    return this.sourcesVersion;
  }

  /** Add or replace one OWNERS source. */
  setSource(source: OwnersSource): void {
    this.sourcesVersion++;
    this.removeSource(source.path);
    this.sources.set(source.path, source);
    this.apply(source);
  }

  removeSource(path: string): void {
    const old = this.sources.get(path);
    if (!old) return;
    this.sourcesVersion++;
    this.sources.delete(path);
    const key = ownersKeyOf(path, this.mdYaml);
    for (const r of Object.keys(this.roles) as Role[]) this.roles[r].delete(key);
    this.options.delete(key);
    this.invalidFilters.delete(path);
  }

  /** Replace the alias map (null = no OWNERS_ALIASES file: no expansion at all); re-expands every source. */
  setAliases(aliases: Map<string, Set<string>> | null): void {
    const before = this.aliases;
    this.aliases = aliases;
    // Only sources that mention an alias whose expansion changed need re-expanding (an OWNERS_ALIASES keystroke
    // must not redo every OWNERS file of a large repository). Appearing/disappearing the whole file changes all.
    const changed = before === null || aliases === null ? undefined : changedAliasNames(before, aliases);
    for (const s of [...this.sources.values()]) {
      if (changed && !mentionsAny(s, changed)) continue;
      this.removeSource(s.path);
      this.sources.set(s.path, s);
      this.apply(s);
    }
  }

  getAliases(): Map<string, Set<string>> | null {
    return this.aliases;
  }

  sourcePaths(): string[] {
    return [...this.sources.keys()];
  }

  /** Every source (no copy: do not modify the repository while iterating). */
  allSources(): IterableIterator<OwnersSource> {
    return this.sources.values();
  }

  source(path: string): OwnersSource | undefined {
    return this.sources.get(path);
  }

  private apply(source: OwnersSource): void {
    const key = ownersKeyOf(source.path, this.mdYaml);
    const f = source.file;
    if (this.mdYaml && source.path.endsWith('.md')) {
      // RO:539-551: the front matter is decoded as a SimpleConfig only (no FullConfig fallback, filters never
      // apply); a decode error drops it; otherwise its lists and options apply to the file itself.
      if (f.syntaxError || f.simpleError || !f.simpleOptions) return;
      if (f.mode === 'simple' && f.simple) this.applyConfig(key, null, null, f.simple);
      if (f.simpleOptions.noParentOwners || f.simpleOptions.autoApproveUnownedSubfolders) this.options.set(key, f.simpleOptions);
      return;
    }
    if (f.mode === 'simple' && f.simple) {
      this.applyConfig(key, null, null, f.simple);
    } else if (f.mode === 'full' && f.filters) {
      for (const filter of f.filters) {
        let re: GoRegexp | null = null;
        if (filter.pattern !== '.*') {
          const c = compileGoRegexp(filter.pattern);
          if (!c.ok) {
            const list = this.invalidFilters.get(source.path) ?? [];
            list.push({ pattern: filter.pattern, error: c.error });
            this.invalidFilters.set(source.path, list);
            continue;
          }
          re = c.re;
        }
        this.applyConfig(key, re, filter.pattern, filter.config);
      }
    }
    if (f.mode !== 'ignored' && (f.options.noParentOwners || f.options.autoApproveUnownedSubfolders)) {
      this.options.set(key, f.options);
    }
  }

  private applyConfig(key: string, re: GoRegexp | null, pattern: string | null, config: ConfigLists): void {
    for (const role of ['approvers', 'reviewers', 'required_reviewers'] as const) {
      const list = config[role];
      if (list && list.length > 0) this.putCell(role, key, re, pattern, this.expandAliases(normLogins(list.map((e) => e.value))));
    }
    const labels = config.labels;
    if (labels && labels.length > 0) this.putCell('labels', key, re, pattern, new Set(labels.map((e) => e.value)));
  }

  private putCell(role: Role, key: string, re: GoRegexp | null, pattern: string | null, logins: Set<string>): void {
    const map = this.roles[role];
    let cells = map.get(key);
    if (!cells) map.set(key, (cells = []));
    // Prow keys cells by *regexp pointer: the nil key is shared, each compiled filter is its own key.
    if (re === null) {
      const i = cells.findIndex((c) => c.re === null);
      if (i >= 0) cells.splice(i, 1);
    }
    cells.push({ re, pattern, logins, sorted: goSort(logins) });
  }

  /** Prow's ExpandAliases: non-recursive, iterating the original logins in sorted order over the growing set. */
  expandAliases(logins: Set<string>): Set<string> {
    const aliases = this.aliases;
    if (aliases === null) return logins;
    let out = new Set(logins);
    for (const login of goSort(logins)) {
      const expanded = aliases.get(normLogin(login));
      if (expanded) {
        out.delete(login);
        out = new Set([...out, ...expanded]);
      }
    }
    return out;
  }

  // ---- queries (owners.md §3.2–3.3) ----

  cells(role: Role, key: string): readonly RoleCell[] {
    return this.roles[role].get(key) ?? [];
  }

  private entriesForFile(path: string, role: Role, leafOnly: boolean): LayeredSet {
    const people = this.roles[role];
    let d = path;
    if (!this.mdYaml || !path.endsWith('.md')) d = canonicalize(d);
    const out = new LayeredSet();
    let layer = 0;
    for (;;) {
      const rel = goRel(d, path);
      if (rel === undefined) return new LayeredSet();
      const cells = people.get(d);
      if (cells) {
        for (const c of cells) if (c.re === null || c.re.matchString(rel)) out.insert(layer, c.sorted);
      }
      if (leafOnly && out.size > 0) break;
      if (d === '') break;
      if (this.options.get(d)?.noParentOwners && out.size > 0) break;
      d = canonicalize(goDir(d));
      layer++;
    }
    return out;
  }

  private findOwnersForFile(path: string, role: Role): string {
    const map = this.roles[role];
    for (let d = path; d !== ''; d = canonicalize(goDir(d))) {
      const rel = goRel(d, path);
      if (rel === undefined) return '';
      const cells = map.get(d);
      if (!cells) continue;
      for (const c of cells) {
        if (c.re !== null && !c.re.matchString(rel)) continue;
        if (c.logins.size !== 0) return d;
      }
    }
    return '';
  }

  approvers(path: string): LayeredSet {
    return this.entriesForFile(path, 'approvers', false);
  }
  leafApprovers(path: string): Set<string> {
    return this.entriesForFile(path, 'approvers', true).toSet();
  }
  reviewers(path: string): LayeredSet {
    return this.entriesForFile(path, 'reviewers', false);
  }
  leafReviewers(path: string): Set<string> {
    return this.entriesForFile(path, 'reviewers', true).toSet();
  }
  requiredReviewers(path: string): Set<string> {
    return this.entriesForFile(path, 'required_reviewers', false).toSet();
  }
  findLabelsForFile(path: string): Set<string> {
    return this.entriesForFile(path, 'labels', false).toSet();
  }
  findApproverOwnersForFile(path: string): string {
    return this.findOwnersForFile(path, 'approvers');
  }
  findReviewersOwnersForFile(path: string): string {
    return this.findOwnersForFile(path, 'reviewers');
  }
  isNoParentOwners(dir: string): boolean {
    return this.options.get(dir)?.noParentOwners === true;
  }
  isAutoApproveUnownedSubfolders(dir: string): boolean {
    return this.options.get(dir)?.autoApproveUnownedSubfolders === true;
  }
  topLevelApprovers(): Set<string> {
    return this.entriesForFile('.', 'approvers', true).toSet();
  }
  allApprovers(): Set<string> {
    return this.all('approvers');
  }
  allReviewers(): Set<string> {
    return this.all('reviewers');
  }
  allOwners(): Set<string> {
    return new Set([...this.allApprovers(), ...this.allReviewers()]);
  }
  private all(role: Role): Set<string> {
    const out = new Set<string>();
    for (const cells of this.roles[role].values()) for (const c of cells) for (const l of c.logins) out.add(l);
    return out;
  }

  /** The OWNERS keys (directories, or md files) walked for `path`, nearest first, as entriesForFile visits them. */
  ancestorKeys(path: string): string[] {
    const keys: string[] = [];
    let d = path;
    if (!this.mdYaml || !path.endsWith('.md')) d = canonicalize(d);
    for (;;) {
      keys.push(d);
      if (d === '') break;
      d = canonicalize(goDir(d));
    }
    return keys;
  }
}

/** Alias names (normalised) added, removed, or whose members differ. */
function changedAliasNames(a: Map<string, Set<string>>, b: Map<string, Set<string>>): Set<string> {
  const out = new Set<string>();
  for (const [k, v] of a) {
    const w = b.get(k);
    if (!w || w.size !== v.size || [...v].some((x) => !w.has(x))) out.add(k);
  }
  for (const k of b.keys()) if (!a.has(k)) out.add(k);
  return out;
}

/** NormLogin of every approver / reviewer / required reviewer entry of a file (cached: alias edits ask per keystroke). */
const prowLoginNames = new WeakMap<OwnersFile, Set<string>>();
function loginNamesOf(f: OwnersFile): Set<string> {
  let names = prowLoginNames.get(f);
  if (names) return names;
  names = new Set<string>();
  const lists = f.mode === 'simple' && f.simple ? [f.simple] : (f.filters ?? []).map((x) => x.config);
  for (const c of lists) {
    for (const role of ['approvers', 'reviewers', 'required_reviewers'] as const) for (const e of c[role] ?? []) names.add(normLogin(e.value));
  }
  prowLoginNames.set(f, names);
  return names;
}

/** Does any approver/reviewer/required-reviewer entry of the source name one of these aliases? */
function mentionsAny(source: OwnersSource, names: Set<string>): boolean {
  if (names.size === 0) return false;
  const own = loginNamesOf(source.file);
  for (const n of names) if (own.has(n)) return true;
  return false;
}

export function normLogins(logins: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const l of logins) out.add(normLogin(l));
  return out;
}
