/**
 * What the OWNERS editor features see: the current file, every OWNERS file Prow loads, the root OWNERS_ALIASES and
 * the repository context; plus the cursor's target in the tree and a usage index of logins and aliases.
 */
import type { Range } from '../../diagnostics';
import type { Node } from '../../goyaml/nodes';
import { normLogin } from '../../gostrings';
import { LineIndex } from '../../text';
import type { AliasesFile } from '../aliasesFile';
import type { OwnersFile } from '../ownersFile';
import type { OwnersRepoContext } from '../rules/context';
import { aliasesOutline, LOGIN_LISTS, ownersOutline, within, type AliasesOutline, type AliasGroupRef, type AliasMemberRef, type EntryRef, type KeyRef, type OwnersOutline } from '../rules/syntax';

export interface OwnersDoc {
  path: string;
  text: string;
  file: OwnersFile;
}

export interface OwnersView {
  /** The document the request is about. */
  path: string;
  text: string;
  kind: 'owners' | 'aliases';
  /** Parse of the document (OwnersFile for 'owners', AliasesFile for 'aliases'). */
  owners?: OwnersFile;
  aliasesFile?: AliasesFile;
  /** Every OWNERS file Prow loads (path → doc). */
  all: () => Iterable<OwnersDoc>;
  /** The root OWNERS_ALIASES. */
  rootAliases?: { path: string; text: string; file: AliasesFile };
  ctx: OwnersRepoContext;
}

const outlineCache = new WeakMap<object, OwnersOutline | AliasesOutline>();
export function outlineOf(file: OwnersFile): OwnersOutline {
  let o = outlineCache.get(file) as OwnersOutline | undefined;
  if (!o) outlineCache.set(file, (o = ownersOutline(file.yaml.root)));
  return o;
}
export function aliasesOutlineOf(file: AliasesFile): AliasesOutline {
  let o = outlineCache.get(file) as AliasesOutline | undefined;
  if (!o) outlineCache.set(file, (o = aliasesOutline(file.yaml.root)));
  return o;
}

export type Target =
  | { kind: 'entry'; entry: EntryRef }
  | { kind: 'key'; key: KeyRef }
  | { kind: 'pattern'; key: KeyRef }
  | { kind: 'group'; group: AliasGroupRef }
  | { kind: 'member'; member: AliasMemberRef }
  | { kind: 'aliasesKey'; node: Node };

export function targetAt(view: OwnersView, offset: number): Target | undefined {
  if (view.kind === 'owners' && view.owners) {
    const o = outlineOf(view.owners);
    const e = o.entries.find((x) => x.node.kind === 'scalar' && within(x.node, offset));
    if (e) return { kind: 'entry', entry: e };
    const k = o.keys.find((x) => within(x.key, offset));
    if (k) return k.place === 'filters' ? { kind: 'pattern', key: k } : { kind: 'key', key: k };
    return undefined;
  }
  if (view.kind === 'aliases' && view.aliasesFile) {
    const o = aliasesOutlineOf(view.aliasesFile);
    if (o.aliasesKey && within(o.aliasesKey, offset)) return { kind: 'aliasesKey', node: o.aliasesKey };
    for (const g of o.groups) {
      if (within(g.key, offset)) return { kind: 'group', group: g };
      const m = g.members.find((x) => within(x.node, offset));
      if (m) return { kind: 'member', member: m };
    }
  }
  return undefined;
}

/** One place a login or alias name is written. */
export interface Usage {
  path: string;
  /** approvers, reviewers, …, or `alias:<group>` for an OWNERS_ALIASES membership, `alias-definition` for a group key. */
  list: string;
  pattern?: string;
  node: Node;
  text: string;
}

export function rangeIn(text: string, node: { range: [number, number] }, lines?: LineIndex): Range {
  const li = lines ?? new LineIndex(text);
  return li.range(node.range[0], node.range[1]);
}

/** Every place a (normalised) login or alias name is written in OWNERS files and the root OWNERS_ALIASES. */
export function usagesOf(view: OwnersView, name: string, opts: { lists?: 'logins' | 'all'; aliasesFile?: boolean } = {}): Usage[] {
  const norm = normLogin(name);
  const out: Usage[] = [];
  for (const d of view.all()) {
    for (const e of outlineOf(d.file).entries) {
      if (e.node.kind !== 'scalar') continue;
      if (opts.lists !== 'all' && !LOGIN_LISTS.has(e.list)) continue;
      if (normLogin(e.text) === norm) out.push({ path: d.path, list: e.list, pattern: e.pattern, node: e.node, text: d.text });
    }
  }
  if (opts.aliasesFile !== false && view.rootAliases) {
    const ra = view.rootAliases;
    for (const g of aliasesOutlineOf(ra.file).groups) {
      if (g.name === norm) out.push({ path: ra.path, list: 'alias-definition', node: g.key, text: ra.text });
      for (const m of g.members) if (m.node.kind === 'scalar' && normLogin(m.text) === norm) out.push({ path: ra.path, list: `alias:${g.text}`, node: m.node, text: ra.text });
    }
  }
  return out;
}

export function aliasGroup(view: OwnersView, name: string): AliasGroupRef | undefined {
  if (!view.rootAliases) return undefined;
  const norm = normLogin(name);
  return aliasesOutlineOf(view.rootAliases.file).groups.find((g) => g.name === norm);
}

export function isDefinedAlias(view: OwnersView, name: string): boolean {
  return view.ctx.aliases?.aliases.has(normLogin(name)) === true;
}
