/** Document outline for OWNERS and OWNERS_ALIASES. */
import type { Range } from '../../diagnostics';
import type { Node } from '../../goyaml/nodes';
import { LineIndex } from '../../text';
import type { AliasesFile } from '../aliasesFile';
import type { OwnersFile } from '../ownersFile';
import { aliasesOutline } from '../rules/syntax';

export type SymbolKind = 'key' | 'list' | 'entry' | 'filter' | 'option' | 'group';

export interface OutlineSymbol {
  name: string;
  detail?: string;
  kind: SymbolKind;
  range: Range;
  selectionRange: Range;
  children: OutlineSymbol[];
}

function span(lines: LineIndex, a: Node, b: Node): Range {
  return lines.range(Math.min(a.range[0], b.range[0]), Math.max(a.range[1], b.range[1]));
}

function listChildren(lines: LineIndex, value: Node): OutlineSymbol[] {
  if (value.kind !== 'seq') return [];
  return value.items
    .filter((i) => i.kind === 'scalar')
    .map((i) => ({ name: (i as { text: string }).text || '""', kind: 'entry' as const, range: lines.range(i.range[0], i.range[1]), selectionRange: lines.range(i.range[0], i.range[1]), children: [] }));
}

function mapSymbols(lines: LineIndex, node: Node, depth: number): OutlineSymbol[] {
  if (node.kind !== 'map') return [];
  const out: OutlineSymbol[] = [];
  for (const e of node.entries) {
    if (e.key.kind !== 'scalar') continue;
    const value = e.value;
    const children = value.kind === 'seq' ? listChildren(lines, value) : value.kind === 'map' && depth < 4 ? mapSymbols(lines, value, depth + 1) : [];
    const detail = value.kind === 'seq' ? `${value.items.length} entr${value.items.length === 1 ? 'y' : 'ies'}` : value.kind === 'scalar' ? value.text : undefined;
    out.push({
      name: e.key.text,
      detail,
      kind: value.kind === 'seq' ? 'list' : value.kind === 'map' ? 'key' : 'option',
      range: span(lines, e.key, value),
      selectionRange: lines.range(e.key.range[0], e.key.range[1]),
      children,
    });
  }
  return out;
}

export function ownersSymbols(text: string, file: OwnersFile): OutlineSymbol[] {
  const lines = new LineIndex(text);
  const root = file.yaml.root;
  if (!root) return [];
  const syms = mapSymbols(lines, root, 0);
  for (const s of syms) if (s.name.toLowerCase() === 'filters') for (const c of s.children) c.kind = 'filter';
  return syms;
}

export function aliasesSymbols(text: string, file: AliasesFile): OutlineSymbol[] {
  const lines = new LineIndex(text);
  const o = aliasesOutline(file.yaml.root);
  if (!o.aliasesKey) return [];
  const groups: OutlineSymbol[] = o.groups.map((g) => ({
    name: g.text,
    detail: `${g.members.length} member${g.members.length === 1 ? '' : 's'}`,
    kind: 'group',
    range: span(lines, g.key, g.value),
    selectionRange: lines.range(g.key.range[0], g.key.range[1]),
    children: g.members.map((m) => ({ name: m.text || '""', kind: 'entry' as const, range: lines.range(m.node.range[0], m.node.range[1]), selectionRange: lines.range(m.node.range[0], m.node.range[1]), children: [] })),
  }));
  const last = o.groups[o.groups.length - 1];
  return [{ name: o.aliasesKey.text, kind: 'key', range: lines.range(o.aliasesKey.range[0], last ? Math.max(last.value.range[1], last.key.range[1]) : o.aliasesKey.range[1]), selectionRange: lines.range(o.aliasesKey.range[0], o.aliasesKey.range[1]), detail: `${groups.length} groups`, children: groups }];
}
