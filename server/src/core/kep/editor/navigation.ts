/**
 * Go-to-definition and the outline of kep.yaml: see-also / replaces / superseded-by → that KEP's kep.yaml; kep.yaml
 * `kep-number` / `owning-sig` → its PRR file; a PRR file's `kep-number` → the kep.yaml it approves.
 */
import type { Range } from '../../diagnostics';
import { basename, dirname } from '../../snapshot';
import { isMap, isPair, isScalar, isSeq, type Node as YNode, type Pair } from 'yaml';
import type { KepDocKind } from './completion';
import { slotAt, topScalars, yamlView, type YamlView } from './locate';
import { linkDir, prrPath, type KepWorld } from './world';

export interface KepLocation {
  path: string;
  range: Range;
}

const ZERO: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
const LINK_LISTS = new Set(['see-also', 'replaces', 'superseded-by']);

export function kepDefinition(kind: KepDocKind, path: string, text: string, offset: number, world: KepWorld): KepLocation[] {
  const view = yamlView(text);
  const slot = slotAt(view, offset);
  if (!slot) return [];
  const key = slot.path[0];
  if (kind === 'kep-yaml') {
    if (LINK_LISTS.has(key) && slot.role === 'item') {
      const dir = linkDir(slot.value);
      return dir && world.files.has(`${dir}/kep.yaml`) ? [{ path: `${dir}/kep.yaml`, range: ZERO }] : [];
    }
    if ((key === 'kep-number' || key === 'owning-sig') && slot.path.length === 1) {
      const top = topScalars(view);
      const sig = top.get('owning-sig');
      const num = top.get('kep-number');
      if (!sig || !num) return [];
      const p = prrPath(sig, num);
      return world.files.has(p) ? [{ path: p, range: ZERO }] : [];
    }
    return [];
  }
  if (key === 'kep-number' && slot.path.length === 1) {
    const num = topScalars(view).get('kep-number') ?? basename(path).replace(/\.yaml$/, '');
    const sig = basename(dirname(path));
    const same = world.keps().filter((k) => k.number === num);
    const exact = same.filter((k) => k.owningSig === sig);
    return (exact.length ? exact : same).map((k) => ({ path: k.path, range: ZERO }));
  }
  return [];
}

export type KepSymbolKind = 'key' | 'list' | 'map' | 'entry';

export interface KepSymbol {
  name: string;
  detail?: string;
  kind: KepSymbolKind;
  range: Range;
  selectionRange: Range;
  children: KepSymbol[];
}

/** Outline: top-level keys with their value as detail; lists and mappings with children. */
export function kepSymbols(text: string): KepSymbol[] {
  const view = yamlView(text);
  return isMap(view.root) ? mapSymbols(view, view.root.items as Pair<YNode, YNode | null>[]) : [];
}

function mapSymbols(view: YamlView, pairs: Pair<YNode, YNode | null>[]): KepSymbol[] {
  const out: KepSymbol[] = [];
  for (const p of pairs) {
    if (!isPair(p) || !isScalar(p.key) || !p.key.range) continue;
    const name = String(p.key.value ?? '');
    const start = p.key.range[0];
    const v = p.value;
    const end = v?.range ? Math.max(v.range[1], p.key.range[1]) : p.key.range[1];
    const sel = view.lines.range(p.key.range[0], p.key.range[1]);
    const range = view.lines.range(start, trimEnd(view.text, start, end));
    if (isMap(v)) out.push({ name, kind: 'map', range, selectionRange: sel, children: mapSymbols(view, v.items as Pair<YNode, YNode | null>[]) });
    else if (isSeq(v)) {
      const children: KepSymbol[] = [];
      (v.items as YNode[]).forEach((it, i) => {
        if (!it?.range) return;
        const r = view.lines.range(it.range[0], trimEnd(view.text, it.range[0], it.range[1]));
        if (isScalar(it)) children.push({ name: String(it.value ?? '') || '""', kind: 'entry', range: r, selectionRange: r, children: [] });
        else if (isMap(it)) {
          const first = (it.items as Pair<YNode, YNode | null>[])[0];
          const label = first && isScalar(first.value) ? String(first.value.value ?? '') : `[${i}]`;
          children.push({ name: label || `[${i}]`, kind: 'map', range: r, selectionRange: r, children: mapSymbols(view, it.items as Pair<YNode, YNode | null>[]) });
        }
      });
      out.push({ name, detail: `${children.length} item${children.length === 1 ? '' : 's'}`, kind: 'list', range, selectionRange: sel, children });
    } else out.push({ name, detail: isScalar(v) && v.value !== null ? String(v.value) : undefined, kind: 'key', range, selectionRange: sel, children: [] });
  }
  return out;
}

/** An end offset without trailing whitespace / line breaks (node ranges include the line break after them). */
function trimEnd(text: string, start: number, end: number): number {
  let e = end;
  while (e > start && /\s/.test(text[e - 1])) e--;
  return e;
}
