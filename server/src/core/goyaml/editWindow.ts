/**
 * The syntax error of a mid-edit OWNERS_ALIASES, found by parsing only the lines around the edit.
 *
 * While a group name is typed, most intermediate texts (`  new-gr`) do not parse, so the canonical fast path declines
 * and the whole file would go through the `yaml` package at every keystroke. But when the last text that parsed
 * canonically differs from the new one only in a few lines inside one top-level mapping of groups, the real parser
 * reaches the edited lines in the same state whatever the untouched groups before them hold, and — since no quote,
 * flow collection, block scalar, anchor or tag is typed there — its lookahead ends at the next `key:` line. So the
 * error of the new text is the error of a much shorter text: the top-level key line, the last group that starts
 * before the edit, the edited lines, and the next two group key lines after them. Offsets are mapped back.
 *
 * Returns undefined whenever that reasoning does not apply, or when the short text parses (then the caller needs the
 * whole tree anyway). test/unit/owners-edit-window.test.ts checks it against a full parse on random edits.
 */
import { lineCounterFor, parseGoYaml, type MapNode, type ParsedYaml } from './nodes';

export interface CanonicalText {
  text: string;
  yaml: ParsedYaml;
}

/** What may be typed in the edited lines: printable ASCII without the characters that open multi-line constructs. */
const PLAIN_EDIT = /^[\n\x20-\x7e]*$/;
const OPENS_CONSTRUCT = /[[\]{}"'|>&*!%@`?\\]/;

export function parseErrorNearEdit(text: string, last: CanonicalText): ParsedYaml | undefined {
  const prev = last.text;
  const root = last.yaml.root;
  if (!root || root.kind !== 'map' || last.yaml.error) return undefined;
  const { start, prevEnd, newEnd } = changedSpan(prev, text);
  if (start === undefined) return undefined;
  const editFrom = lineStart(text, start);
  const editTo = lineEnd(text, Math.max(start, newEnd - 1));
  const edited = text.slice(editFrom, editTo);
  // (`[]` is a whole empty sequence wherever it stands, e.g. a group typed in front of `name: []`.)
  if (!PLAIN_EDIT.test(edited) || OPENS_CONSTRUCT.test(edited.replaceAll('[]', ''))) return undefined;
  // Top-level content (a key, a comment, a document marker) changes the root: leave it to the full parse.
  for (const line of edited.split('\n')) if (line.length > 0 && line[0] !== ' ') return undefined;

  // The top-level entry whose groups hold the edit, and the group key line at or before the edit.
  const delta = text.length - prev.length;
  for (let t = 0; t < root.entries.length; t++) {
    const groups = root.entries[t].value;
    if (groups.kind !== 'map' || groups.entries.length === 0) continue;
    const keyLine = lineStart(prev, root.entries[t].key.range[0]);
    const keyLineEnd = lineEnd(prev, keyLine);
    const nextTop = root.entries[t + 1] ? lineStart(prev, root.entries[t + 1].key.range[0]) : undefined;
    if (editFrom <= keyLineEnd || (nextTop !== undefined && editFrom >= nextTop)) continue;
    const from = windowStart(prev, groups, editFrom) ?? keyLineEnd + 1;
    // Lines that start at or after prevEnd are untouched; in the new text they sit `delta` further on.
    const to = windowEnd(prev, groups, prevEnd, nextTop, (at) => at + delta === 0 || text.charCodeAt(at + delta - 1) === 10);
    if (to === 'edited') return undefined;
    const top = prev.slice(keyLine, keyLineEnd) + '\n';
    const windowEndNew = to === undefined ? text.length : to + delta;
    if (windowEndNew < editTo) return undefined;
    const body = text.slice(from, windowEndNew);
    const short = parseGoYaml(top + body);
    if (!short.error) return undefined;
    const at = short.error.offset < top.length ? keyLine + short.error.offset : from + (short.error.offset - top.length);
    return { root: null, error: { message: short.error.message, offset: at }, lineCounter: lineCounterFor(text) };
  }
  return undefined;
}

/** Common prefix and suffix: the edit is [start, prevEnd) in the old text and [start, newEnd) in the new one. */
function changedSpan(prev: string, text: string): { start?: number; prevEnd: number; newEnd: number } {
  const max = Math.min(prev.length, text.length);
  let a = 0;
  while (a < max && prev.charCodeAt(a) === text.charCodeAt(a)) a++;
  if (a === max && prev.length === text.length) return { prevEnd: 0, newEnd: 0 };
  let b = 0;
  while (b < max - a && prev.charCodeAt(prev.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
  return { start: a, prevEnd: prev.length - b, newEnd: text.length - b };
}

/**
 * Start of the line of the last group key wholly before the edited line `at`, so that the short text, like the full
 * one, has a mapping of groups under way when it reaches the edit; undefined when the edit comes before every group
 * (then the short text starts right after the top-level key, like the full one). Offsets before the edit are the
 * same in both texts.
 */
function windowStart(prev: string, groups: MapNode, at: number): number | undefined {
  let best: number | undefined;
  for (const e of groups.entries) {
    const ls = lineStart(prev, e.key.range[0]);
    if (lineEnd(prev, ls) < at) best = ls;
    else break;
  }
  return best;
}

/**
 * End (in the old text) of the second group key line wholly after the edit, or of the next top-level key line, so
 * the short text ends with lines that close whatever the edited lines opened; undefined: the end of the text;
 * 'edited': the edit reaches into the next top-level key line (or joins it to an edited one), so nothing untouched
 * closes the window.
 */
function windowEnd(prev: string, groups: MapNode, prevEnd: number, nextTop: number | undefined, stillLineStart: (at: number) => boolean): number | undefined | 'edited' {
  let seen = 0;
  for (const e of groups.entries) {
    const ls = lineStart(prev, e.key.range[0]);
    // Untouched, and still a line of its own (the edit may have removed the newline before it).
    if (ls < prevEnd || !stillLineStart(ls)) continue;
    if (++seen === 2) return lineEnd(prev, ls);
  }
  if (nextTop === undefined) return undefined;
  return nextTop < prevEnd || !stillLineStart(nextTop) ? 'edited' : lineEnd(prev, nextTop);
}

function lineStart(text: string, at: number): number {
  return at <= 0 ? 0 : text.lastIndexOf('\n', at - 1) + 1;
}

function lineEnd(text: string, at: number): number {
  const i = text.indexOf('\n', at);
  return i < 0 ? text.length : i;
}
