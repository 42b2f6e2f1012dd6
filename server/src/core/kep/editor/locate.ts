/**
 * Where the cursor is in a kep.yaml / PRR file, read from the YAML tree of the `yaml` package (which keeps a tree for
 * incomplete documents): the key path and whether the cursor is on a key, a value or a list item, with the node's
 * range. Empty lines use the columns of the keys above them (also from the tree).
 */
import { isMap, isPair, isScalar, isSeq, parseDocument, type Node as YNode, type Pair } from 'yaml';
import { LineIndex } from '../../text';

export type SlotRole = 'key' | 'value' | 'item';

export interface Slot {
  role: SlotRole;
  /** Keys from the root to the pair (list indexes are omitted): ['milestone', 'alpha'], ['feature-gates', 'components']. */
  path: string[];
  /** Offsets of the scalar under the cursor (or an empty span at the cursor). */
  range: [number, number];
  /** The scalar's value (string form), '' when empty. */
  value: string;
  /** Whether the scalar is quoted. */
  quoted: boolean;
}

export interface YamlView {
  text: string;
  lines: LineIndex;
  root: YNode | null;
}

export function yamlView(text: string): YamlView {
  const doc = parseDocument(text, { uniqueKeys: false, strict: false });
  return { text, lines: new LineIndex(text), root: (doc.contents as YNode | null) ?? null };
}

interface Cand {
  slot: Slot;
  span: number;
}

function scalarSlot(node: YNode, role: SlotRole, path: string[]): Slot | undefined {
  if (!isScalar(node) || !node.range) return undefined;
  const v = node.value;
  return {
    role,
    path,
    range: [node.range[0], node.range[1]],
    value: v === null || v === undefined ? '' : String(v),
    quoted: node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE',
  };
}

/** Every scalar slot of the tree (keys, values, list items). */
export function allSlots(view: YamlView): Slot[] {
  const out: Slot[] = [];
  const visit = (node: YNode | null | undefined, path: string[], role: SlotRole) => {
    if (!node) return;
    if (isMap(node)) {
      for (const p of node.items as Pair<YNode, YNode | null>[]) {
        if (!isPair(p) || !isScalar(p.key)) continue;
        const key = String(p.key.value ?? '');
        const ks = scalarSlot(p.key, 'key', [...path, key]);
        if (ks) out.push(ks);
        if (p.value) visit(p.value, [...path, key], 'value');
      }
    } else if (isSeq(node)) {
      for (const i of node.items as YNode[]) visit(i, path, 'item');
    } else {
      const s = scalarSlot(node, role, path);
      if (s) out.push(s);
    }
  };
  visit(view.root, [], 'value');
  return out;
}

/** The slot at `offset` (a scalar containing it, an empty value after `key:`), or the keys of the mapping an empty line belongs to. */
export function slotAt(view: YamlView, offset: number): Slot | undefined {
  const line = view.lines.position(offset).line;
  const cands: Cand[] = [];
  for (const s of allSlots(view)) {
    const [a, b] = s.range;
    if (offset < a || offset > b) continue;
    // A slot on another line (an empty scalar's range can sit at the next line start) does not count.
    if (view.lines.position(a).line !== line) continue;
    cands.push({ slot: s, span: b - a });
  }
  if (cands.length) {
    cands.sort((x, y) => x.span - y.span || (x.slot.role === 'key' ? 1 : -1));
    return cands[0].slot;
  }
  // Cursor after `key:` on the same line with nothing parsed as a value, or on an empty / partial line.
  const lineStart = view.lines.lineStart(line);
  const before = view.text.slice(lineStart, offset);
  if (/\S/.test(before.replace(/^\s*-\s*/, ''))) return undefined;
  const indent = /^\s*/.exec(before)![0].length;
  const isItem = /^\s*-/.test(before);
  const parent = parentAt(view, line, indent, isItem);
  if (!parent) return undefined;
  return { role: parent.role, path: parent.path, range: [offset, offset], value: '', quoted: false };
}

/** For an empty line at `indent`: the mapping whose keys sit at that column (key completion) or the list key it continues. */
function parentAt(view: YamlView, line: number, indent: number, isItem: boolean): { role: SlotRole; path: string[] } | undefined {
  // Keys written on earlier lines, with their columns (from the tree).
  let best: { col: number; path: string[]; line: number; hasValue: boolean } | undefined;
  const keys: { col: number; path: string[]; line: number }[] = [];
  for (const s of allSlots(view)) {
    if (s.role !== 'key') continue;
    const p = view.lines.position(s.range[0]);
    if (p.line >= line) continue;
    keys.push({ col: p.character, path: s.path, line: p.line });
  }
  keys.sort((a, b) => a.line - b.line);
  // The nearest key above with a smaller column is the parent; one with the same column is a sibling.
  for (let i = keys.length - 1; i >= 0; i--) {
    const k = keys[i];
    if (isItem ? k.col <= indent : k.col < indent) {
      best = { ...k, hasValue: false };
      break;
    }
    if (!isItem && k.col === indent) return { role: 'key', path: k.path.slice(0, -1).concat(['']) };
  }
  if (isItem) return best ? { role: 'item', path: best.path } : undefined;
  if (indent === 0) return { role: 'key', path: [''] };
  return best ? { role: 'key', path: [...best.path, ''] } : undefined;
}

/** Keys present in the mapping at `path` (without its last element). */
export function siblingKeys(view: YamlView, path: string[]): Set<string> {
  const parentPath = path.slice(0, -1).join('\u0000');
  const out = new Set<string>();
  for (const s of allSlots(view)) if (s.role === 'key' && s.path.slice(0, -1).join('\u0000') === parentPath) out.add(s.path[s.path.length - 1]);
  return out;
}

/** Top-level `key: value` scalars (for the document's own kep-number, owning-sig, …). */
export function topScalars(view: YamlView): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of allSlots(view)) if (s.role === 'value' && s.path.length === 1 && !out.has(s.path[0])) out.set(s.path[0], s.value);
  return out;
}

/** Top-level list values (authors, approvers, …). */
export function topLists(view: YamlView): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const s of allSlots(view)) {
    if (s.role !== 'item' || s.path.length !== 1) continue;
    const l = out.get(s.path[0]) ?? [];
    l.push(s.value);
    out.set(s.path[0], l);
  }
  return out;
}
