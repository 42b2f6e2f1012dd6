/**
 * "Files owned by …": the inverse of Prow's ownership query. Given a subject — a GitHub login, an OWNERS_ALIASES
 * alias, or a SIG (sigs.yaml) — list the OWNERS files whose approvers or reviewers name it, with how (directly, or
 * through which alias), under which filter regex, and where the entry is written.
 *
 * Prow semantics (owners.md §3): an OWNERS file's approvers/reviewers apply to its directory and everything below
 * it, until a deeper OWNERS file with `no_parent_owners` stops the walk; a filter restricts them to the files whose
 * path relative to the OWNERS directory matches. Aliases are expanded as Prow's ExpandAliases does (non-recursive),
 * so membership is decided on RepoOwners' expanded cells, never re-derived. Emeritus lists are not read by Prow:
 * they are reported apart and never count. Pure: the caller passes the repository's file list and the sigs.yaml model.
 */
import { canonicalize, goRel } from '../gopath';
import { goCompare, goSort, normLogin } from '../gostrings';
import type { Node } from '../goyaml/nodes';
import { compileGoRegexp, type GoRegexp } from '../re2';
import { groupFromAliasName, type SubprojectIndex } from '../sigs/owningSig';
import type { SigGroup, SigsModel } from '../sigs/sigsModel';
import type { ConfigLists, Entry, OwnersFile } from './ownersFile';
import { emeritusItems } from './emeritus';
import { ownersKeyOf, type RepoOwners } from './repoOwners';

export type SubjectKind = 'login' | 'alias' | 'sig';
export type OwnedRole = 'approvers' | 'reviewers';
const OWNED_ROLES: readonly OwnedRole[] = ['approvers', 'reviewers'];

export interface OwnedByInput {
  owners: RepoOwners;
  /** Every file of the repository (repository-relative), to list the files an entry covers. */
  files?: Iterable<string>;
  /** sigs.yaml, for SIG subjects (its leads aliases are recognised by name even without it). */
  model?: SigsModel | null;
  /** sigs.yaml subprojects whose OWNERS URLs point into this repository. */
  subprojects?: SubprojectIndex;
  /** Most files listed per entry (the count is always exact). */
  maxFiles?: number;
  /** Prow's OWNERS file name (sigs.yaml subprojects name directories through it); default `OWNERS`. */
  ownersFilename?: string;
}

export interface SubjectQuery {
  /** As typed: `alice`, `@alice`, `sig-node-leads`, `sig-node`, `Node`, `sig/node`. */
  name: string;
  /** Omitted: an alias name if OWNERS_ALIASES defines it, else a SIG if sigs.yaml names one, else a login. */
  kind?: SubjectKind;
}

export interface OwnedEntry {
  role: OwnedRole;
  /** OWNERS key: the directory ("" = the repository root), or a markdown file with md-yaml. */
  key: string;
  /** Repository-relative path of the OWNERS source. */
  file: string;
  /** The entry as written. */
  value: string;
  /** The alias through which the subject is named; undefined when the entry names the subject directly. */
  via?: string;
  /** Members of the alias the entry names (when it is one). */
  members?: string[];
  /** The filter regex the entry sits under; undefined when it applies to every file (no filter, or `.*`). */
  filter?: string;
  /** 0-based position of the entry (-1 when unknown). */
  line: number;
  character: number;
  /**
   * Nearest OWNERS directories below `key` whose `no_parent_owners` stops this role from being inherited (they name
   * people of their own for the role). Where they name them only under a filter, the stop is partial.
   */
  stoppedAt: string[];
  /** Files the entry covers: under `key`, not below a `stoppedAt` directory, matching the filter if any. */
  fileCount: number;
  /** Those files, sorted, at most `maxFiles` of them (listed for filtered entries; others are whole subtrees). */
  files: string[];
}

export interface SubprojectOwnership {
  key: string;
  file: string;
  subproject: string;
  /** 0-based line of the OWNERS URL in sigs.yaml. */
  sigsYamlLine: number;
  url: string;
}

export interface EmeritusMention {
  role: 'approver' | 'reviewer';
  key: string;
  file: string;
  line: number;
}

export interface OwnedByResult {
  subject: { kind: SubjectKind; name: string; display: string };
  /** For an alias: its members; for a SIG: the aliases recognised as the SIG's. */
  members?: string[];
  aliases?: string[];
  entries: OwnedEntry[];
  /** SIG subjects: OWNERS files that sigs.yaml subprojects of the SIG list. */
  subprojects: SubprojectOwnership[];
  /** Emeritus lists naming the subject (Prow ignores them: they grant nothing). */
  emeritus: EmeritusMention[];
  /** Why the answer may be empty or partial (unknown alias, no OWNERS_ALIASES, SIG not in sigs.yaml, …). */
  notes: string[];
}

export interface OwnerSubject {
  kind: SubjectKind;
  name: string;
  /** Number of OWNERS files naming the subject (SIGs: plus the subproject OWNERS files). */
  count: number;
  detail?: string;
}

interface EntryGroup {
  filter: string | null;
  config: ConfigLists;
}

/** Which sources and lists Prow reads: simple lists, or each filter (invalid patterns are dropped by Prow). */
function groupsOf(f: OwnersFile): EntryGroup[] {
  if (f.mode === 'simple' && f.simple) return [{ filter: null, config: f.simple }];
  if (f.mode === 'full' && f.filters) return f.filters.map((x) => ({ filter: x.pattern, config: x.config }));
  return [];
}

function positionOf(f: OwnersFile, src: Node | null): { line: number; character: number } {
  if (!src) return { line: -1, character: -1 };
  const p = f.yaml.lineCounter.linePos(src.range[0]);
  return { line: p.line - 1, character: p.col - 1 };
}

/** The expanded login set Prow stored for (key, role, filter): the authority on who the entry grants. */
function cellLogins(owners: RepoOwners, role: OwnedRole, key: string, filter: string | null): ReadonlySet<string> | undefined {
  return owners.cells(role, key).find((c) => c.pattern === filter)?.logins;
}

/** Resolve a typed subject to its kind and canonical name. */
export function resolveSubject(q: SubjectQuery, owners: RepoOwners, model?: SigsModel | null): { kind: SubjectKind; name: string; group?: SigGroup } {
  const name = q.name.trim();
  const aliases = owners.getAliases();
  const looksLikeGroup = () => findGroup(name, model) !== undefined || groupAliases(name.toLowerCase(), owners, model).length > 0;
  const kind = q.kind ?? (aliases?.has(normLogin(name)) ? 'alias' : looksLikeGroup() ? 'sig' : 'login');
  if (kind === 'sig') {
    const group = findGroup(name, model);
    return { kind, name: group ? group.dir : name.toLowerCase(), group };
  }
  return { kind, name: normLogin(name) };
}

/** A SIG (or WG, UG, committee) by dir (`sig-node`), name (`Node`) or label (`sig/node`), case-insensitively. */
export function findGroup(name: string, model?: SigsModel | null): SigGroup | undefined {
  if (!model) return undefined;
  const n = name.trim().toLowerCase();
  return model.groups.find((g) => g.dir.toLowerCase() === n || g.label?.toLowerCase() === n) ?? model.groups.find((g) => g.name.toLowerCase() === n);
}

/** Alias names that belong to the group by Kubernetes' naming (`sig-node-leads`, `sig-node-reviewers`, …). */
function groupAliases(sigDir: string, owners: RepoOwners, model?: SigsModel | null): string[] {
  const aliases = owners.getAliases();
  if (!aliases) return [];
  return goSort([...aliases.keys()].filter((a) => groupFromAliasName(a, model)?.id === sigDir));
}

export function filesOwnedBy(q: SubjectQuery, input: OwnedByInput): OwnedByResult {
  const { owners, model } = input;
  const subject = resolveSubject(q, owners, model);
  const aliases = owners.getAliases();
  const notes: string[] = [];
  const display = subject.group ? `${subject.group.name} (${subject.group.dir})` : subject.name;
  const result: OwnedByResult = { subject: { kind: subject.kind, name: subject.name, display }, entries: [], subprojects: [], emeritus: [], notes };

  // Which entries of a list name the subject, and through what.
  let match: (e: Entry, cell: ReadonlySet<string> | undefined) => { via?: string } | undefined;
  if (subject.kind === 'login') {
    const login = subject.name;
    match = (e, cell) => {
      // The cell is Prow's expanded set: an entry that looks right but was expanded away (an alias named like the
      // login, or an alias member that a sibling alias replaced) grants nothing.
      if (!cell?.has(login)) return undefined;
      const v = normLogin(e.value);
      const members = aliases?.get(v);
      if (members) return members.has(login) ? { via: v } : undefined;
      return v === login ? {} : undefined;
    };
  } else {
    const names = new Set(subject.kind === 'alias' ? [subject.name] : groupAliases(subject.name, owners, model));
    if (subject.kind === 'alias') {
      if (!aliases) notes.push('The repository has no OWNERS_ALIASES file: Prow expands no aliases, so the name is read as a login.');
      else if (!aliases.has(subject.name)) notes.push(`OWNERS_ALIASES defines no alias "${subject.name}".`);
      else result.members = goSort(aliases.get(subject.name)!);
    } else {
      result.aliases = [...names];
      if (!subject.group) notes.push(model ? `sigs.yaml names no group "${q.name.trim()}": only aliases named after it are used.` : 'No sigs.yaml: only aliases named after the group are used.');
    }
    match = (e, cell) => {
      const v = normLogin(e.value);
      // No cell: Prow did not read this list (e.g. an md-yaml header it decodes as SimpleConfig only). Without
      // OWNERS_ALIASES nothing expands: an alias-looking entry is only a (non-existent) login.
      if (!cell || !names.has(v) || !aliases?.has(v)) return undefined;
      return subject.kind === 'alias' ? {} : { via: v };
    };
  }

  const keys = ownersKeys(owners);
  const fileList = input.files ? goSort(input.files) : [];
  const maxFiles = input.maxFiles ?? 200;
  for (const path of goSort(owners.sourcePaths())) {
    const src = owners.source(path)!;
    const f = src.file;
    const key = ownersKeyOf(path, owners.mdYaml);
    for (const g of groupsOf(f)) {
      const re = g.filter === null || g.filter === '.*' ? null : compileGoRegexp(g.filter);
      if (re && !re.ok) continue;
      for (const role of OWNED_ROLES) {
        const cell = cellLogins(owners, role, key, g.filter);
        for (const e of g.config[role] ?? []) {
          const m = match(e, cell);
          if (!m) continue;
          const pos = positionOf(f, e.src);
          const members = aliases?.get(normLogin(e.value));
          const stoppedAt = stopsBelow(owners, keys, key, role);
          const covered = coveredFiles(fileList, key, owners.mdYaml, stoppedAt, re ? re.re : null);
          result.entries.push({
            role,
            key,
            file: path,
            value: e.value,
            via: m.via,
            members: members ? goSort(members) : undefined,
            filter: re ? g.filter! : undefined,
            line: pos.line,
            character: pos.character,
            stoppedAt,
            fileCount: covered.length,
            files: re ? covered.slice(0, maxFiles) : [],
          });
        }
      }
    }
    if (subject.kind === 'login' && f.mode !== 'ignored') result.emeritus.push(...emeritusMentions(f, path, key, subject.name));
  }

  if (subject.kind === 'sig') {
    for (const [dir, matches] of input.subprojects?.byDir ?? []) {
      for (const m of matches) {
        if (m.group.dir !== subject.name) continue;
        const name = input.ownersFilename ?? 'OWNERS';
        const file = dir === '' ? name : `${dir}/${name}`;
        result.subprojects.push({ key: dir, file, subproject: m.subproject.name, sigsYamlLine: m.sigsYamlLine, url: m.url });
      }
    }
    result.subprojects.sort((a, b) => goCompare(a.key, b.key));
  }
  return result;
}

/** All OWNERS keys that carry options or people, sorted (the walk's stops live among them). */
function ownersKeys(owners: RepoOwners): string[] {
  return goSort(new Set(owners.sourcePaths().map((p) => ownersKeyOf(p, owners.mdYaml))));
}

function isBelow(key: string, ancestor: string): boolean {
  return ancestor === '' ? key !== '' : key.startsWith(ancestor + '/');
}

/**
 * The nearest directories below `key` where Prow's walk for `role` stops before reaching `key`: `no_parent_owners`
 * ends the walk once something was collected, so a stop counts where that directory names people for the role.
 */
function stopsBelow(owners: RepoOwners, keys: string[], key: string, role: OwnedRole): string[] {
  const out: string[] = [];
  for (const k of keys) {
    if (!isBelow(k, key) || out.some((s) => isBelow(k, s))) continue;
    if (owners.isNoParentOwners(k) && owners.cells(role, k).some((c) => c.logins.size > 0)) out.push(k);
  }
  return out;
}

/** Files under `key` (not below a stop) that the filter, matched against the path relative to `key`, selects. */
function coveredFiles(files: string[], key: string, mdYaml: boolean, stops: string[], re: GoRegexp | null): string[] {
  if (mdYaml && key.endsWith('.md')) return files.includes(key) ? [key] : [];
  const out: string[] = [];
  for (const f of files) {
    if (key !== '' && !f.startsWith(key + '/')) continue;
    if (stops.some((s) => f.startsWith(s + '/'))) continue;
    if (re) {
      const rel = goRel(key, f);
      if (rel === undefined || !re.matchString(rel)) continue;
    }
    out.push(f);
  }
  return out;
}

function emeritusMentions(f: OwnersFile, path: string, key: string, login: string): EmeritusMention[] {
  return emeritusItems(f)
    .filter(({ item }) => normLogin(item.text) === login)
    .map(({ role, item }) => ({ role, key, file: path, line: positionOf(f, item).line }));
}

/** Everyone and everything the quick pick offers, with how many OWNERS files name each. */
export function ownerSubjects(input: Pick<OwnedByInput, 'owners' | 'model' | 'subprojects'>): OwnerSubject[] {
  const { owners, model } = input;
  const aliases = owners.getAliases();
  const loginFiles = new Map<string, Set<string>>();
  const aliasFiles = new Map<string, Set<string>>();
  const add = (m: Map<string, Set<string>>, k: string, file: string) => {
    let s = m.get(k);
    if (!s) m.set(k, (s = new Set()));
    s.add(file);
  };
  for (const path of owners.sourcePaths()) {
    const key = ownersKeyOf(path, owners.mdYaml);
    const f = owners.source(path)!.file;
    for (const g of groupsOf(f)) {
      for (const role of OWNED_ROLES) {
        const cell = cellLogins(owners, role, key, g.filter);
        if (!cell) continue;
        for (const l of cell) add(loginFiles, l, path);
        for (const e of g.config[role] ?? []) {
          const v = normLogin(e.value);
          if (aliases?.has(v)) add(aliasFiles, v, path);
        }
      }
    }
  }
  const out: OwnerSubject[] = [];
  for (const [name, files] of loginFiles) out.push({ kind: 'login', name, count: files.size });
  for (const [name, members] of aliases ?? []) out.push({ kind: 'alias', name, count: aliasFiles.get(name)?.size ?? 0, detail: `${members.size} member${members.size === 1 ? '' : 's'}` });
  const sigFiles = new Map<string, Set<string>>();
  for (const [name, files] of aliasFiles) {
    const id = groupFromAliasName(name, model)?.id;
    if (id) for (const f of files) add(sigFiles, id, f);
  }
  for (const [dir, matches] of input.subprojects?.byDir ?? []) for (const m of matches) add(sigFiles, m.group.dir, dir === '' ? 'OWNERS' : `${dir}/OWNERS`);
  const groups = new Map<string, string | undefined>();
  for (const g of model?.groups ?? []) groups.set(g.dir, g.name);
  for (const id of sigFiles.keys()) if (!groups.has(id)) groups.set(id, undefined);
  for (const [dir, name] of groups) out.push({ kind: 'sig', name: dir, count: sigFiles.get(dir)?.size ?? 0, detail: name });
  const order: Record<SubjectKind, number> = { sig: 0, alias: 1, login: 2 };
  return out.sort((a, b) => order[a.kind] - order[b.kind] || b.count - a.count || goCompare(a.name, b.name));
}

/** Directory of an OWNERS key for display ("" → "."). */
export function keyLabel(key: string): string {
  return key === '' ? '.' : canonicalize(key);
}
