/**
 * The raw shape of an OWNERS / OWNERS_ALIASES file as written (keys Prow drops included), read from the yaml.v2 tree:
 * every key with where it sits, every list entry with the list it belongs to. Rules and editor features take
 * positions from here, never from searching the text.
 */
import type { MapNode, Node, ScalarNode } from '../../goyaml/nodes';
import { jsonFoldKey, normLogin } from '../../gostrings';

export const ROLE_KEYS = ['approvers', 'reviewers', 'required_reviewers', 'labels'] as const;
export const TOP_KEYS = [...ROLE_KEYS, 'options', 'filters'] as const;
export const OPTION_KEYS = ['no_parent_owners', 'auto_approve_unowned_subfolders'] as const;
export const EMERITUS_KEYS = ['emeritus_approvers', 'emeritus_reviewers'] as const;
/** Lists of logins (as opposed to labels). */
export const LOGIN_LISTS = new Set(['approvers', 'reviewers', 'required_reviewers', 'emeritus_approvers', 'emeritus_reviewers']);

export type KeyPlace = 'top' | 'options' | 'filters' | 'filter';

export interface KeyRef {
  place: KeyPlace;
  key: ScalarNode;
  value: Node;
  /** Key text as written. */
  text: string;
  /** The Prow key it matches by encoding/json case folding (or the emeritus convention key), if any. */
  canonical?: string;
  /** For place 'filter' (a key inside one filter's config): the filter pattern. For 'filters': the pattern itself. */
  pattern?: string;
}

export interface EntryRef {
  /** Canonical list name (approvers, labels, emeritus_approvers, …) or the raw key text when unknown. */
  list: string;
  place: 'top' | 'filter';
  pattern?: string;
  node: Node;
  /** Scalar text ('' for non-scalars). */
  text: string;
  keyRef: KeyRef;
  /** The list was written as a scalar (`approvers: alice`). */
  scalarValue: boolean;
}

export interface OwnersOutline {
  keys: KeyRef[];
  entries: EntryRef[];
  /** `filters:` value when it is a mapping (the last one written, as yaml.v2 keeps the last). */
  filtersMap?: MapNode;
}

export function canonicalOf(text: string, known: readonly string[]): string | undefined {
  const f = jsonFoldKey(text);
  for (const k of known) if (k === text) return k;
  for (const k of known) if (jsonFoldKey(k) === f) return k;
  return undefined;
}

function scalarText(n: Node): string {
  return n.kind === 'scalar' ? n.text : '';
}

export function ownersOutline(root: Node | null): OwnersOutline {
  const out: OwnersOutline = { keys: [], entries: [] };
  if (!root || root.kind !== 'map') return out;
  for (const e of root.entries) {
    if (e.merge || e.key.kind !== 'scalar') continue;
    const canonical = canonicalOf(e.key.text, [...TOP_KEYS, ...EMERITUS_KEYS]);
    const ref: KeyRef = { place: 'top', key: e.key, value: e.value, text: e.key.text, canonical };
    out.keys.push(ref);
    if (canonical === 'options' && e.value.kind === 'map') {
      for (const o of e.value.entries) {
        if (o.key.kind !== 'scalar') continue;
        out.keys.push({ place: 'options', key: o.key, value: o.value, text: o.key.text, canonical: canonicalOf(o.key.text, OPTION_KEYS) });
      }
    } else if (canonical === 'filters' && e.value.kind === 'map') {
      out.filtersMap = e.value;
      for (const f of e.value.entries) {
        if (f.key.kind !== 'scalar') continue;
        const pattern = f.key.text;
        out.keys.push({ place: 'filters', key: f.key, value: f.value, text: pattern, pattern });
        if (f.value.kind !== 'map') continue;
        for (const c of f.value.entries) {
          if (c.key.kind !== 'scalar') continue;
          const cref: KeyRef = {
            place: 'filter',
            key: c.key,
            value: c.value,
            text: c.key.text,
            canonical: canonicalOf(c.key.text, [...ROLE_KEYS, ...EMERITUS_KEYS]),
            pattern,
          };
          out.keys.push(cref);
          pushEntries(out, cref, 'filter', pattern);
        }
      }
    } else {
      pushEntries(out, ref, 'top', undefined);
    }
  }
  return out;
}

function pushEntries(out: OwnersOutline, ref: KeyRef, place: 'top' | 'filter', pattern: string | undefined): void {
  const list = ref.canonical ?? ref.text;
  if (ref.canonical === 'options' || ref.canonical === 'filters') return;
  if (ref.value.kind === 'seq') {
    for (const item of ref.value.items) out.entries.push({ list, place, pattern, node: item, text: scalarText(item), keyRef: ref, scalarValue: false });
  } else if (ref.value.kind === 'scalar' && !(ref.value.value.t === 'null')) {
    out.entries.push({ list, place, pattern, node: ref.value, text: ref.value.text, keyRef: ref, scalarValue: true });
  }
}

export interface AliasMemberRef {
  node: Node;
  text: string;
  group: AliasGroupRef;
}

export interface AliasGroupRef {
  key: ScalarNode;
  value: Node;
  /** As written. */
  text: string;
  /** NormLogin of the name. */
  name: string;
  members: AliasMemberRef[];
}

export interface AliasesOutline {
  /** The `aliases:` key, if any. */
  aliasesKey?: ScalarNode;
  otherKeys: ScalarNode[];
  groups: AliasGroupRef[];
}

export function aliasesOutline(root: Node | null): AliasesOutline {
  const out: AliasesOutline = { otherKeys: [], groups: [] };
  if (!root || root.kind !== 'map') return out;
  for (const e of root.entries) {
    if (e.key.kind !== 'scalar') continue;
    if (canonicalOf(e.key.text, ['aliases']) !== 'aliases') {
      out.otherKeys.push(e.key);
      continue;
    }
    out.aliasesKey = e.key;
    if (e.value.kind !== 'map') continue;
    for (const g of e.value.entries) {
      if (g.key.kind !== 'scalar') continue;
      const group: AliasGroupRef = { key: g.key, value: g.value, text: g.key.text, name: normLogin(g.key.text), members: [] };
      if (g.value.kind === 'seq') for (const m of g.value.items) group.members.push({ node: m, text: scalarText(m), group });
      else if (g.value.kind === 'map') for (const m of g.value.entries) group.members.push({ node: m.key, text: scalarText(m.key), group });
      out.groups.push(group);
    }
  }
  return out;
}

/** Does [start, end] contain offset (end inclusive, so a cursor right after a word still hits it)? */
export function within(n: { range: [number, number] }, offset: number): boolean {
  return offset >= n.range[0] && offset <= n.range[1];
}
