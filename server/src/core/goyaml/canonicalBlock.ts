/**
 * A fast path for the shapes almost every OWNERS and OWNERS_ALIASES file has: top-level keys holding block
 * sequences of plain scalars, or block mappings whose values are such sequences or one plain scalar
 *
 *   approvers:            aliases:                  options:
 *   - alice               sig-foo-leads:              no_parent_owners: true
 *   - bob   # comment       - alice   # comment
 *
 * Re-parsing with the `yaml` package costs several milliseconds per keystroke on a 500-line file, and most of an
 * index build over thousands of OWNERS files; this line scanner builds the very same tree (node kinds, yaml.v2
 * typing, source ranges, line starts) as `parseGoYaml` in a fraction of that. Also accepted: an empty group written
 * `name: []`, a comment after a key, keys with inner spaces. Anything else (other flow collections, quotes, anchors,
 * tabs, some indented comment lines, odd indentation, …) returns undefined and the caller falls back to
 * `parseGoYaml`. The differential test (test/unit/owners-canonical-yaml.test.ts) checks tree equality against
 * `parseGoYaml` on many random inputs of both shapes.
 */
import { LineCounter } from 'yaml';
import type { MapEntry, MapNode, Node, ParsedYaml, ScalarNode, SeqNode } from './nodes';
import { resolvePlainScalar } from './resolve';

/** Plain scalars that mean the same to every YAML reader and need no quoting; longer keys are left to the real parser. */
const SCALAR = /^[A-Za-z0-9_][A-Za-z0-9_./-]{0,999}$/;
/** Keys may also hold inner spaces (`new  group:` mid-edit): a one-line plain scalar keeps them. */
const KEY = /^[A-Za-z0-9_][A-Za-z0-9_. -]{0,999}$/;
/** Only printable ASCII and LF: no tabs, CR, BOM or non-ASCII (their handling belongs to the real parser). */
const OUTSIDE_CHARSET = /[^\n\x20-\x7e]/;

interface Line {
  start: number;
  /** Offset of the line's newline (or of EOF). */
  end: number;
  indent: number;
}

export function parseCanonicalBlockYaml(text: string): ParsedYaml | undefined {
  if (OUTSIDE_CHARSET.test(text)) return undefined;
  const lineCounter = new LineCounter();
  lineCounter.addNewLine(0);
  const root: MapNode = { kind: 'map', entries: [], range: [0, 0] };
  let top: MapEntry | undefined; // current top-level entry
  let groups: MapNode | undefined; // its value when it is a mapping
  let groupIndent = -1;
  let group: MapEntry | undefined; // current group entry
  const groupList = newList(); // its value when it is a sequence
  let lastContentEnd = 0; // end of the last content line, newline included (where ranges of open collections end)
  let afterEmptyKey = false; // the last content line was a `key:` whose value is still empty
  const topList = newList(); // the current top-level entry's value when it is a sequence (OWNERS lists)
  let closedGroup = false; // the current group's value is on its key line (`[]`, a scalar): no items may follow
  let closedLineEnd = -1; // when the last group is such a one: the end of its line (newline included), where the groups end
  // The last key's value is still empty and a comment follows its colon: if that key ends its collection, the
  // collection's range stretches over the comment, which only the real parser reproduces.
  let nullWithComment = false;
  // Deepest indented comment line since the last content line (-1: none). Such comments can extend the range of the
  // collection before them, so they are accepted only where the next content line shows they cannot.
  let pendingComment = -1;

  for (let start = 0; start <= text.length; ) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    const next = end < text.length ? end + 1 : end;
    if (end < text.length) lineCounter.addNewLine(end + 1);
    const line: Line = { start, end, indent: 0 };
    while (line.indent < end - start && text.charCodeAt(start + line.indent) === 32) line.indent++;
    const body = start + line.indent;
    const first = body < end ? text[body] : '';

    if (first === '') {
      // blank line: no node, no range change
    } else if (first === '#') {
      // A comment after an empty value may extend the ranges of the collections before it: leave it to the real parser.
      if (afterEmptyKey && line.indent === 0) return undefined;
      if (line.indent > 0) pendingComment = Math.max(pendingComment, line.indent);
    } else if (first === '-') {
      // `- scalar`, optionally followed by a comment: an item of the current group's list, or of a list right under a
      // top-level key (OWNERS: `approvers:` then `- alice`, indented or not).
      if (group ? closedGroup || line.indent < groupIndent : !top || groups) return undefined;
      const list = group ? groupList : topList;
      if (list.indent < 0) list.indent = line.indent;
      else if (line.indent !== list.indent) return undefined;
      const scalar = itemAt(text, body, end);
      if (!scalar) return undefined;
      if (!list.seq) {
        list.seq = { kind: 'seq', items: [], range: [body, 0] };
        (group ?? top!).value = list.seq;
      }
      list.seq.items.push(scalar);
      nullWithComment = false;
      lastContentEnd = next;
      afterEmptyKey = false;
      pendingComment = -1;
    } else if (line.indent === 0) {
      // top-level `key:`
      if (pendingComment >= 0 || nullWithComment) return undefined;
      const key = keyAt(text, body, end);
      if (!key || key.emptyFlow || key.inline) return undefined;
      closeGroup();
      closeGroups();
      closeList(topList);
      nullWithComment = key.comment;
      top = { key: key.node, value: nullAt(key.valueAt), merge: false };
      root.entries.push(top);
      groups = undefined;
      groupIndent = -1;
      lastContentEnd = key.valueAt;
      afterEmptyKey = true;
    } else {
      // group `name:`
      if (!top || topList.seq) return undefined;
      if (groupIndent < 0) groupIndent = line.indent;
      if (line.indent !== groupIndent) return undefined;
      // Comments between groups are fine unless deeper than the previous group's items (they would join its list).
      // (After `name: []` or `name: value` nothing can join the previous group.)
      if (pendingComment >= 0 && !closedGroup && !(groupList.seq && pendingComment <= groupList.indent) && !(afterEmptyKey && !group)) return undefined;
      pendingComment = -1;
      const key = keyAt(text, body, end);
      if (!key) return undefined;
      closeGroup();
      if (!groups) {
        groups = { kind: 'map', entries: [], range: [body, 0] };
        top.value = groups;
      }
      group = { key: key.node, value: key.emptyFlow ?? key.inline ?? nullAt(key.valueAt), merge: false };
      groups.entries.push(group);
      closedGroup = key.emptyFlow !== undefined || key.inline !== undefined;
      closedLineEnd = closedGroup ? next : -1;
      nullWithComment = key.comment && !closedGroup;
      lastContentEnd = closedGroup ? next : key.valueAt;
      afterEmptyKey = !closedGroup;
    }
    if (next === start || end === text.length) break;
    start = next;
  }
  if (pendingComment >= 0 || nullWithComment) return undefined;
  closeGroup();
  closeGroups();
  closeList(topList);
  if (root.entries.length === 0) return undefined;
  root.range = [root.entries[0].key.range[0], endOf(root.entries[root.entries.length - 1].value)];
  return { root, lineCounter };

  function closeGroup(): void {
    closeList(groupList);
    group = undefined;
    closedGroup = false;
  }
  function closeList(list: List): void {
    if (list.seq) list.seq.range[1] = lastContentEnd;
    list.seq = undefined;
    list.indent = -1;
  }
  function closeGroups(): void {
    if (groups) groups.range[1] = closedLineEnd >= 0 ? closedLineEnd : endOf(groups.entries[groups.entries.length - 1].value);
    closedLineEnd = -1;
  }
}

/** Where the line's content ends (before trailing spaces). */
function lineEndOf(text: string, from: number, end: number): number {
  let e = end;
  while (e > from && text.charCodeAt(e - 1) === 32) e--;
  return e;
}

/** A block sequence being read: its node (once it has an item) and its items' indentation (-1: none yet). */
interface List {
  seq: SeqNode | undefined;
  indent: number;
}

function newList(): List {
  return { seq: undefined, indent: -1 };
}

/** The plain scalar of a `- item` line whose dash is at `dash` (the dash must be followed by a space). */
function itemAt(text: string, dash: number, end: number): ScalarNode | undefined {
  if (text[dash + 1] !== ' ') return undefined;
  let s = dash + 1;
  while (s < end && text.charCodeAt(s) === 32) s++;
  return scalarAt(text, s, end, true);
}

function endOf(n: Node): number {
  return n.range[1];
}

function nullAt(at: number): ScalarNode {
  return { kind: 'scalar', value: { t: 'null' }, text: '', plain: true, range: [at, at] };
}

/** A plain scalar from `s` to the end of the line (or to a ` #` comment when `comment` is allowed). */
function scalarAt(text: string, s: number, end: number, comment: boolean): ScalarNode | undefined {
  let e = s;
  while (e < end && text.charCodeAt(e) !== 32) e++;
  const word = text.slice(s, e);
  if (!SCALAR.test(word)) return undefined;
  let r = e;
  while (r < end && text.charCodeAt(r) === 32) r++;
  if (r < end && !(comment && text[r] === '#' && r > e)) return undefined;
  return { kind: 'scalar', value: resolvePlainScalar(word), text: word, plain: true, range: [s, e] };
}

interface KeyLine {
  node: ScalarNode;
  /** Where the (empty) value sits: after the spaces that follow the colon (at the comment, if any). */
  valueAt: number;
  /** A ` # comment` follows the colon (or the `[]`). */
  comment: boolean;
  /** `key: []`: the empty flow sequence. */
  emptyFlow?: SeqNode;
  /** `key: value`: a plain scalar on the key's line (OWNERS `options`). */
  inline?: ScalarNode;
}

/** `key:`, optionally followed by `[]` and/or a ` # comment`, nothing else. */
function keyAt(text: string, s: number, end: number): KeyLine | undefined {
  const colon = text.indexOf(':', s);
  if (colon < 0 || colon >= end) return undefined;
  const word = text.slice(s, colon).trimEnd();
  if (!KEY.test(word)) return undefined;
  const node: ScalarNode = { kind: 'scalar', value: resolvePlainScalar(word), text: word, plain: true, range: [s, s + word.length] };
  let r = colon + 1;
  while (r < end && text.charCodeAt(r) === 32) r++;
  if (r === end) return { node, valueAt: r, comment: false };
  if (r === colon + 1) return undefined; // `key:x` is not a mapping key
  if (text[r] === '#') return { node, valueAt: r, comment: true };
  if (text[r] !== '[') {
    const inline = scalarAt(text, r, end, true);
    return inline ? { node, valueAt: r, comment: inline.range[1] < lineEndOf(text, r, end), inline } : undefined;
  }
  if (text[r + 1] !== ']') return undefined;
  const emptyFlow: SeqNode = { kind: 'seq', items: [], range: [r, r + 2] };
  let t = r + 2;
  while (t < end && text.charCodeAt(t) === 32) t++;
  if (t === end) return { node, valueAt: r, comment: false, emptyFlow };
  if (text[t] === '#' && t > r + 2) return { node, valueAt: r, comment: true, emptyFlow };
  return undefined;
}
