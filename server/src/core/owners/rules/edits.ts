/** Text edits for quick fixes, computed from tree ranges (never by searching the text). */
import type { TextEdit } from '../../diagnostics';
import type { Node, SeqNode } from '../../goyaml/nodes';
import type { FileContext } from './context';

export function replaceNode(ctx: FileContext, node: { range: [number, number] }, newText: string): TextEdit {
  return { range: ctx.range(node.range), newText };
}

/** YAML-quote a scalar's text (double quotes, JSON escaping is valid YAML). */
export function quoted(text: string): string {
  return JSON.stringify(text);
}

/** Is the item written as a block entry (`- item` alone on its line, maybe with a comment)? */
function blockItemLine(ctx: FileContext, range: [number, number]): { start: number; end: number } | undefined {
  const pos = ctx.lines.position(range[0]);
  const lineStart = ctx.lines.lineStart(pos.line);
  const before = ctx.text.slice(lineStart, range[0]);
  if (!/^\s*-\s*$/.test(before)) return undefined;
  const endLine = ctx.lines.position(range[1]).line;
  const after = ctx.text.slice(range[1], ctx.lines.lineEnd(endLine));
  if (!/^\s*(#.*)?$/.test(after)) return undefined;
  const next = endLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(endLine + 1) : ctx.text.length;
  return { start: lineStart, end: next };
}

/** Where a node is written: the `*name` reference for a node reached through an alias, else its own range. */
export function writtenRange(n: Node): [number, number] {
  return n.aliasAt ?? n.range;
}

/** Does this span define an anchor (`&name`)? Deleting it would break every `*name` that refers to it. */
function definesAnchor(text: string): boolean {
  return /(^|[\s[{,:-])&[^\s,[\]{}]/.test(text);
}

/**
 * Remove item `index` of a sequence (block or flow style), or undefined when no safe edit exists: the sequence is
 * itself reached through an alias (its text is the anchor's, shared with other uses), or the removed text holds an
 * anchor that other entries refer to.
 */
export function removeSeqItem(ctx: FileContext, seq: SeqNode, index: number): TextEdit | undefined {
  const item = seq.items[index];
  if (!item || seq.aliasAt) return undefined;
  const at = (n: Node) => writtenRange(n);
  // The items must lie, in order, inside the sequence's own text (anything else is not an edit of this list).
  for (let i = 0; i < seq.items.length; i++) {
    const r = at(seq.items[i]);
    if (r[0] < seq.range[0] || r[1] > seq.range[1] || (i > 0 && r[0] < at(seq.items[i - 1])[1])) return undefined;
  }
  const edit = removalSpan(ctx, seq, index, at);
  if (!edit || definesAnchor(ctx.text.slice(edit[0], edit[1]))) return undefined;
  return { range: ctx.range(edit), newText: '' };
}

function removalSpan(ctx: FileContext, seq: SeqNode, index: number, at: (n: Node) => [number, number]): [number, number] | undefined {
  const item = seq.items[index];
  const block = blockItemLine(ctx, at(item));
  if (block) {
    if (seq.items.length === 1) return undefined; // would leave an empty key: not a safe automatic edit
    return [block.start, block.end];
  }
  if (ctx.text[seq.range[0]] !== '[') return undefined;
  if (index > 0) return [at(seq.items[index - 1])[1], at(item)[1]];
  if (seq.items.length > 1) return [at(item)[0], at(seq.items[1])[0]];
  return [at(item)[0], at(item)[1]];
}

/** Offsets of the lines holding a `key: value` block (the key's line start through the value's last line break). */
export function keyBlockOffsets(ctx: FileContext, key: Node, value: Node): [number, number] {
  const startLine = ctx.lines.position(key.range[0]).line;
  const end = Math.max(key.range[1], value.range[1]);
  let endLine = ctx.lines.position(end).line;
  // A block value's range may end at the start of the following line.
  if (endLine > startLine && ctx.lines.position(end).character === 0) endLine--;
  const from = ctx.lines.lineStart(startLine);
  const to = endLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(endLine + 1) : ctx.text.length;
  return [from, to];
}

/** Remove a whole `key: value` block. */
export function removeKeyBlock(ctx: FileContext, key: Node, value: Node): TextEdit {
  return { range: ctx.range(keyBlockOffsets(ctx, key, value)), newText: '' };
}

/** The text of a `key: value` block (ending with a line break). */
export function keyBlockText(ctx: FileContext, key: Node, value: Node): string {
  const [from, to] = keyBlockOffsets(ctx, key, value);
  const text = ctx.text.slice(from, to);
  return text.endsWith('\n') ? text : text + '\n';
}

export function reindent(block: string, by: number): string {
  const pad = ' '.repeat(by);
  return block
    .split('\n')
    .map((l) => (l.length > 0 ? pad + l : l))
    .join('\n');
}
