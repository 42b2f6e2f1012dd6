/**
 * A fast reader for the plain block YAML that nearly every kep.yaml and PRR file is written in: block mappings and
 * sequences, single-line plain and quoted scalars, one-line flow sequences of scalars, `{}`, comments. It builds
 * exactly the tree parseV3 builds through the `yaml` package (same values, styles and offsets, including where the
 * library's parser ends a collection followed by comment lines), at a small fraction of the cost (the library's
 * parse was most of a whole-tree `check`).
 *
 * It is an optimisation only: anything outside that subset — tabs, CRs, flow mappings with content, nested flow,
 * block scalars, anchors, tags, aliases, multi-line scalars, escapes, quoted or explicit keys, document markers, odd
 * indentation — makes it answer undefined, and parseV3 takes the library's path. A differential test
 * (test/unit/kep-fastYamlV3.test.ts) keeps both paths equal.
 */
import type { V3Map, V3Node, V3Scalar, V3Seq } from './goYamlV3';

interface Line {
  /** Offset of the line's first character. */
  start: number;
  /** Offset of its end (the `\n`, or the text's length). */
  end: number;
  /** Column of the first non-space character. */
  indent: number;
  /** The comment lines between the previous content line and this one: [from, to) in Reader.comments. */
  commentsFrom: number;
  commentsTo: number;
}

interface CommentLine {
  /** Its column. */
  indent: number;
  /** Offset after its line break (or the text's end). */
  end: number;
}

/** What the node read last was: the library attaches the comment lines after a collection's last node by this. */
type LastKind = 'inline' | 'empty' | 'block';

const MAX_DEPTH = 200;

/** Thrown (and caught below) when the text leaves the subset. */
class OutOfSubset extends Error {}
const OUT = new OutOfSubset();

function out(): never {
  throw OUT;
}

/** The tree, or undefined when the text is not in the subset (the caller then parses it with the library). */
export function fastParseV3(text: string): V3Node | undefined {
  // Cheap whole-text refusals first: characters and markers the subset never handles.
  if (text.length === 0 || /[\t\r\uFEFF]/.test(text)) return undefined;
  try {
    return new Reader(text).document();
  } catch (e) {
    if (e === OUT) return undefined;
    throw e;
  }
}

class Reader {
  private readonly lines: Line[] = [];
  private i = 0;
  private depth = 0;
  /**
   * The library's third offset of the node read last (the end of what follows it on its line, and of comments it
   * keeps), which becomes the second offset of a collection it ends.
   */
  private end = 0;
  private lastKind: LastKind = 'block';
  /**
   * The highest column of the comment lines left after the collections that ended last, which the library moves up
   * to the enclosing collection while they are all left of its column; -1 when there are none.
   */
  private restMax = -1;
  private readonly comments: CommentLine[] = [];
  /** The comment lines after the last content line: [from, to) in comments. */
  private readonly tailFrom: number;

  constructor(private readonly text: string) {
    let start = 0;
    let from = 0;
    while (start < text.length) {
      const nl = text.indexOf('\n', start);
      const end = nl < 0 ? text.length : nl;
      let col = start;
      while (col < end && text.charCodeAt(col) === 32) col++;
      if (col === end) {
        // Blank lines (spaces only included) are skipped.
      } else if (text.charCodeAt(col) === 35 /* # */) {
        this.comments.push({ indent: col - start, end: end < text.length ? end + 1 : end });
      } else {
        if (text.startsWith('---', start) || text.startsWith('...', start)) out();
        this.lines.push({ start, end, indent: col - start, commentsFrom: from, commentsTo: this.comments.length });
        from = this.comments.length;
      }
      start = end + 1;
    }
    this.tailFrom = from;
  }

  /** Whether comment lines come right before content line `line` (or the end of the text). */
  private commentsBefore(line: Line | undefined): boolean {
    return line ? line.commentsTo > line.commentsFrom : this.comments.length > this.tailFrom;
  }

  /**
   * Ends the collection at column `indent` before the current content line (or the end of the text); this.end holds
   * its last node's end. Returns the collection's second offset and leaves its third in this.end, following where
   * the library's parser puts the comment lines in between: comments further right than the collection's column
   * after its last inline value extend that value; an empty last value keeps every comment up to the next content;
   * the others move to the enclosing collection while they are all left of its column, and end the collection that
   * keeps them at the next content (its indentation included).
   */
  private finish(indent: number): number {
    const next = this.lines[this.i];
    const from = next ? next.commentsFrom : this.tailFrom;
    const to = next ? next.commentsTo : this.comments.length;
    const contentAt = next ? next.start + next.indent : this.text.length;
    if (this.lastKind === 'inline') {
      let k = from;
      for (; k < to && this.comments[k].indent > indent; k++) this.end = this.comments[k].end;
      this.restMax = -1;
      for (; k < to; k++) this.restMax = Math.max(this.restMax, this.comments[k].indent);
    } else if (this.lastKind === 'empty') {
      if (to > from) this.end = contentAt;
      this.restMax = -1;
    }
    this.lastKind = 'block';
    const second = this.end;
    if (this.restMax >= 0 && indent > 0 && this.restMax >= indent) {
      this.end = contentAt;
      this.restMax = -1;
    }
    return second;
  }

  document(): V3Node {
    if (this.lines.length === 0) out();
    const root = this.block(this.lines[0].indent);
    if (this.i < this.lines.length) out();
    return root;
  }

  private emptyScalar(at: number): V3Scalar {
    this.end = at;
    this.lastKind = 'empty';
    return { kind: 'scalar', value: '', style: 'plain', tag: undefined, range: [at, at] };
  }

  /** End of line `line` including its line break: where the library ends a node written on that line. */
  private lineEnd(line: Line): number {
    return line.end < this.text.length ? line.end + 1 : line.end;
  }

  /** A block collection whose first line is the current one, at column `indent`. */
  private block(indent: number): V3Node {
    const line = this.lines[this.i];
    if (line.indent !== indent) out();
    // Deep nesting is left to the library (and its own limit), not to this reader's recursion.
    if (++this.depth > MAX_DEPTH) out();
    const at = line.start + indent;
    const node = this.isDash(at, line.end) ? this.seq(indent) : this.map(indent, at);
    this.depth--;
    return node;
  }

  private isDash(at: number, end: number): boolean {
    return this.text.charCodeAt(at) === 45 /* - */ && (at + 1 === end || this.text.charCodeAt(at + 1) === 32);
  }

  private seq(indent: number): V3Seq {
    const first = this.lines[this.i];
    const s: V3Seq = { kind: 'seq', items: [], range: [first.start + indent, 0] };
    while (this.i < this.lines.length) {
      const line = this.lines[this.i];
      if (line.indent < indent) break;
      if (line.indent > indent) out();
      const dash = line.start + indent;
      if (!this.isDash(dash, line.end)) break;
      this.restMax = -1;
      let item: V3Node;
      if (dash + 1 === line.end) {
        this.i++;
        const next = this.lines[this.i];
        if (next && next.indent > indent) {
          item = this.block(next.indent);
        } else {
          // The library gives an empty item next to comment lines an end of its own; not worth following.
          if (this.commentsBefore(line) || this.commentsBefore(next)) out();
          item = this.emptyScalar(dash + 1);
        }
      } else {
        let col = dash + 1;
        while (col < line.end && this.text.charCodeAt(col) === 32) col++;
        if (col === line.end) out();
        const inner = col - line.start;
        if (this.keyColon(col, line.end) >= 0) {
          // A compact mapping's column is its key's only with one space after the dash (else leave it).
          if (col !== dash + 2) out();
          item = this.map(inner, col);
        } else {
          item = this.inlineValue(col, line, indent);
          this.i++;
        }
      }
      s.items.push(item);
    }
    s.range[1] = this.finish(indent);
    return s;
  }

  /** A block mapping at column `indent` whose first key starts at offset `at` of the current line. */
  private map(indent: number, at: number): V3Map {
    const m: V3Map = { kind: 'map', pairs: [], range: [at, 0] };
    let keyAt = at;
    for (;;) {
      this.restMax = -1;
      const line = this.lines[this.i];
      const colon = this.keyColon(keyAt, line.end);
      if (colon < 0) out();
      const key = plainScalar(this.text.slice(keyAt, colon), keyAt);
      let value: V3Node;
      let col = colon + 1;
      while (col < line.end && this.text.charCodeAt(col) === 32) col++;
      if (col === line.end) {
        this.i++;
        const next = this.lines[this.i];
        if (next && next.indent > indent) {
          value = this.block(next.indent);
        } else if (next && next.indent === indent && this.isDash(next.start + indent, next.end)) {
          value = this.seq(indent);
        } else {
          // The library places an empty value after the spaces that follow the colon.
          value = this.emptyScalar(col);
        }
      } else {
        value = this.inlineValue(col, line, indent);
        this.i++;
      }
      m.pairs.push({ key, value });
      const next = this.lines[this.i];
      if (!next || next.indent < indent) break;
      if (next.indent > indent) out();
      keyAt = next.start + indent;
      // A sequence item at a mapping's own column (not as a key's value) is an error the library reports.
      if (this.isDash(keyAt, next.end)) out();
    }
    m.range[1] = this.finish(indent);
    return m;
  }

  /**
   * The offset of the `:` ending a plain key that starts at `at` (followed by a space or the end of the line), or -1
   * when the line holds no such key. Keys the subset does not read (quoted, with a comment, spaces before the colon,
   * odd first characters) leave the subset.
   */
  private keyColon(at: number, end: number): number {
    const t = this.text;
    const c = t.charCodeAt(at);
    if (c === 34 || c === 39) {
      // A quoted scalar: a key when a colon follows it; the subset leaves such keys to the library.
      let j = quotedEnd(t, at, end) + 1;
      while (j < end && t.charCodeAt(j) === 32) j++;
      return t.charCodeAt(j) === 58 ? out() : -1;
    }
    for (let j = at; j < end; j++) {
      const d = t.charCodeAt(j);
      if (d === 58 /* : */ && (j + 1 === end || t.charCodeAt(j + 1) === 32)) {
        if (j === at || t.charCodeAt(j - 1) === 32) out();
        if (!plainStart(t, at)) out();
        return j;
      }
      if (d === 35 /* # */ && t.charCodeAt(j - 1) === 32) return -1;
    }
    return -1;
  }

  /**
   * A value written after `- ` or `key: ` on its own line, starting at `col`; `owner` is the column of the sequence or
   * mapping it belongs to.
   */
  private inlineValue(col: number, line: Line, owner: number): V3Node {
    const t = this.text;
    const c = t.charCodeAt(col);
    let node: V3Node;
    let after: number;
    if (c === 34 /* " */ || c === 39 /* ' */) {
      const close = quotedEnd(t, col, line.end);
      node = quoted(t, col, close);
      after = close + 1;
    } else if (c === 123 /* { */ && t.charCodeAt(col + 1) === 125) {
      node = { kind: 'map', pairs: [], range: [col, col + 2] };
      after = col + 2;
    } else if (c === 91 /* [ */) {
      node = flowSeq(t, col, line.end);
      after = node.range[1];
    } else {
      if (!plainStart(t, col)) out();
      let j = col;
      let last = col;
      for (; j < line.end; j++) {
        const d = t.charCodeAt(j);
        if (d === 32) continue;
        if (d === 35 /* # */ && t.charCodeAt(j - 1) === 32) break;
        // `: ` inside a value is a nested mapping the library rejects; let it say so.
        if (d === 58 && (j + 1 === line.end || t.charCodeAt(j + 1) === 32)) out();
        last = j + 1;
      }
      node = plainScalar(t.slice(col, last), col);
      after = last;
    }
    // After the value: spaces, then the end of the line or a comment (which needs a space before it).
    let j = after;
    while (j < line.end && t.charCodeAt(j) === 32) j++;
    if (j < line.end && !(t.charCodeAt(j) === 35 && j > after)) out();
    // The next line must not continue the value (a more indented line would be a multi-line scalar or an error).
    const next = this.lines[this.i + 1];
    if (next && next.indent > owner) out();
    this.end = this.lineEnd(line);
    this.lastKind = 'inline';
    return node;
  }
}

/** Whether a plain scalar may start at `at` (YAML's indicators may not start one; `-` only when glued to more). */
function plainStart(t: string, at: number): boolean {
  const c = t[at];
  if (c === '-') return at + 1 < t.length && t[at + 1] !== ' ' && t[at + 1] !== '\n';
  return !'[]{},#&*!|>\'"%@`?:'.includes(c);
}

/** A one-line flow sequence of scalars opened at `open` (`[a, "b", c]`, `[]`, a trailing comma allowed). */
function flowSeq(t: string, open: number, end: number): V3Seq {
  const items: V3Node[] = [];
  let j = open + 1;
  for (;;) {
    while (j < end && t.charCodeAt(j) === 32) j++;
    if (j >= end) out();
    const c = t.charCodeAt(j);
    if (c === 93 /* ] */) break;
    if (c === 34 || c === 39) {
      const close = quotedEnd(t, j, end);
      items.push(quoted(t, j, close));
      j = close + 1;
    } else {
      if (!plainStart(t, j)) out();
      let last = j;
      let k = j;
      for (; k < end; k++) {
        const d = t.charCodeAt(k);
        if (d === 44 /* , */ || d === 93 /* ] */) break;
        if (d === 32) continue;
        // Nested flow, `:` and `#` (pairs, comments) and quotes inside a flow scalar are left to the library.
        if (d === 91 || d === 123 || d === 125 || d === 58 || d === 35 || d === 34 || d === 39) out();
        last = k + 1;
      }
      items.push(plainScalar(t.slice(j, last), j));
      j = last;
    }
    while (j < end && t.charCodeAt(j) === 32) j++;
    if (t.charCodeAt(j) === 44) {
      j++;
      continue;
    }
    if (t.charCodeAt(j) === 93) break;
    out();
  }
  return { kind: 'seq', items, range: [open, j + 1] };
}

function quoted(t: string, open: number, close: number): V3Scalar {
  const q = t.charCodeAt(open);
  const inner = t.slice(open + 1, close);
  return { kind: 'scalar', value: q === 39 ? inner.replace(/''/g, "'") : inner, style: q === 39 ? 'single' : 'double', tag: undefined, range: [open, close + 1] };
}

/** The closing quote of a single-line quoted scalar opened at `open`. */
function quotedEnd(t: string, open: number, end: number): number {
  const q = t.charCodeAt(open);
  for (let j = open + 1; j < end; j++) {
    // Escapes are left to the library.
    if (q === 34 && t.charCodeAt(j) === 92) out();
    if (t.charCodeAt(j) !== q) continue;
    if (q === 39 && t.charCodeAt(j + 1) === 39) {
      j++;
      continue;
    }
    return j;
  }
  return out();
}

function plainScalar(value: string, at: number): V3Scalar {
  return { kind: 'scalar', value, style: 'plain', tag: undefined, range: [at, at + value.length] };
}
