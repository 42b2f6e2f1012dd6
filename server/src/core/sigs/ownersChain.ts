/**
 * The OWNERS chain of a path, explained: which OWNERS files Prow walks for it (nearest first, as `entriesForFile`
 * does, owners.md §3.2), which entries of each file apply to it (filters matched against the relative path), where
 * they are written, what aliases they expand to, whether the walk still reaches them for each role
 * (`no_parent_owners`), and the emeritus people of those files. Read-only over RepoOwners; pure.
 */
import { canonicalize, goRel } from '../gopath';
import type { Node } from '../goyaml/nodes';
import { normLogin } from '../gostrings';
import { compileGoRegexp } from '../re2';
import { ROLES, type ConfigLists, type OwnersFile, type Role } from '../owners/ownersFile';
import type { RepoOwners } from '../owners/repoOwners';
import { emeritusItems } from '../owners/emeritus';

export interface ChainEntry {
  role: Role;
  /** As written (an alias name, a login, a label). */
  value: string;
  /** 0-based line and character of the entry; -1 when unknown. */
  line: number;
  character: number;
  /** The filter pattern the entry sits under (full config), null for top-level lists. */
  filter: string | null;
  /** For an alias: the logins it expands to. */
  members?: string[];
  /** False when `no_parent_owners` of a nearer directory stops the walk for this role before this file. */
  counts: boolean;
}

export interface EmeritusEntry {
  login: string;
  role: 'approver' | 'reviewer';
  line: number;
  /** Still an approver/reviewer of the path (listed in both lists, or through another file): Prow ignores emeritus. */
  stillCounts: boolean;
}

export interface ChainLink {
  /** The OWNERS key (directory, "" = root; or an md file with md-yaml). */
  key: string;
  /** Repository-relative path of the OWNERS source. */
  file: string;
  /** Layer of the layered results this file contributes to (0 = the path itself). */
  layer: number;
  noParentOwners: boolean;
  /** Per role: does Prow's walk for the path still reach this file (no nearer no_parent_owners stopped it)? */
  reached: Record<Role, boolean>;
  /** Prow ignores the file (it decodes neither as SimpleConfig nor as FullConfig). */
  ignored: boolean;
  entries: ChainEntry[];
  emeritus: EmeritusEntry[];
  /** 0-based line of the first entry that applies (0 when none). */
  line: number;
}

export interface LineOf {
  (file: OwnersFile, offset: number): { line: number; character: number };
}

const defaultLineOf: LineOf = (file, offset) => {
  const p = file.yaml.lineCounter.linePos(offset);
  return { line: p.line - 1, character: p.col - 1 };
};

/**
 * Walks the OWNERS chain of `path`. `sourceOf(key)` gives the OWNERS source path of a key (undefined when the
 * directory has no OWNERS file).
 */
export function ownersChain(owners: RepoOwners, path: string, ownersFilename = 'OWNERS', lineOf: LineOf = defaultLineOf): ChainLink[] {
  const keys = owners.ancestorKeys(path);
  const links: ChainLink[] = [];
  const stopped: Record<Role, boolean> = { approvers: false, reviewers: false, required_reviewers: false, labels: false };
  const collected: Record<Role, boolean> = { approvers: false, reviewers: false, required_reviewers: false, labels: false };
  const aliases = owners.getAliases();
  keys.forEach((key, layer) => {
    const src = sourceFor(owners, key, ownersFilename);
    const rel = goRel(key, path);
    const noParentOwners = owners.isNoParentOwners(key);
    if (src) {
      const f = src.file;
      const entries: ChainEntry[] = [];
      const groups: { filter: string | null; config: ConfigLists }[] = [];
      if (f.mode === 'simple' && f.simple) groups.push({ filter: null, config: f.simple });
      else if (f.mode === 'full' && f.filters) {
        for (const flt of f.filters) {
          if (flt.pattern !== '.*') {
            const re = compileGoRegexp(flt.pattern);
            if (!re.ok || rel === undefined || !re.re.matchString(rel)) continue;
          }
          groups.push({ filter: flt.pattern, config: flt.config });
        }
      }
      for (const g of groups) {
        for (const role of ROLES) {
          for (const e of g.config[role] ?? []) {
            const pos = e.src ? lineOf(f, e.src.range[0]) : { line: -1, character: -1 };
            const entry: ChainEntry = { role, value: e.value, line: pos.line, character: pos.character, filter: g.filter, counts: !stopped[role] };
            if (role !== 'labels' && aliases) {
              const m = aliases.get(normLogin(e.value));
              if (m) entry.members = [...m].sort();
            }
            entries.push(entry);
          }
        }
      }
      const emeritus = f.mode === 'ignored' ? [] : emeritusOf(f, lineOf);
      const first = entries.find((e) => e.line >= 0);
      links.push({ key, file: src.path, layer, noParentOwners, reached: { ...notStopped(stopped) }, ignored: f.mode === 'ignored', entries, emeritus, line: first ? first.line : 0 });
    }
    // Prow's per-role stop: the option of a directory at which something was collected (so far) ends the walk.
    for (const role of ROLES) {
      if (owners.cells(role, key).some((c) => c.re === null || (rel !== undefined && c.re.matchString(rel)))) collected[role] = true;
      if (noParentOwners && collected[role]) stopped[role] = true;
    }
  });
  return links;
}

function notStopped(stopped: Record<Role, boolean>): Record<Role, boolean> {
  return { approvers: !stopped.approvers, reviewers: !stopped.reviewers, required_reviewers: !stopped.required_reviewers, labels: !stopped.labels };
}

function sourceFor(owners: RepoOwners, key: string, ownersFilename: string) {
  if (owners.mdYaml && key.endsWith('.md')) return owners.source(key);
  return owners.source(key === '' ? ownersFilename : `${canonicalize(key)}/${ownersFilename}`);
}

/** Top-level `emeritus_approvers` / `emeritus_reviewers` (Prow reads neither; inside filters they are dropped too). */
function emeritusOf(f: OwnersFile, lineOf: LineOf): EmeritusEntry[] {
  return emeritusItems(f)
    .filter(({ item }) => item.text !== '')
    .map(({ role, item }) => ({ login: normLogin(item.text), role, line: lineOf(f, item.range[0]).line, stillCounts: false }));
}
