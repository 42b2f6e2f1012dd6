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
function blockItemLine(ctx: FileContext, item: Node): { start: number; end: number } | undefined {
  const pos = ctx.lines.position(item.range[0]);
  const lineStart = ctx.lines.lineStart(pos.line);
  const before = ctx.text.slice(lineStart, item.range[0]);
  if (!/^\s*-\s*$/.test(before)) return undefined;
  const endLine = ctx.lines.position(item.range[1]).line;
  const after = ctx.text.slice(item.range[1], ctx.lines.lineEnd(endLine));
  if (!/^\s*(#.*)?$/.test(after)) return undefined;
  const next = endLine + 1 < ctx.lines.lineCount ? ctx.lines.lineStart(endLine + 1) : ctx.text.length;
  return { start: lineStart, end: next };
}

/** Remove item `index` of a sequence (block or flow style). */
export function removeSeqItem(ctx: FileContext, seq: SeqNode, index: number): TextEdit | undefined {
  const item = seq.items[index];
  if (!item) return undefined;
  const block = blockItemLine(ctx, item);
  if (block) {
    if (seq.items.length === 1) return undefined; // would leave an empty key: not a safe automatic edit
    return { range: ctx.range([block.start, block.end]), newText: '' };
  }
  if (ctx.text[seq.range[0]] !== '[') return undefined;
  if (index > 0) return { range: ctx.range([seq.items[index - 1].range[1], item.range[1]]), newText: '' };
  if (seq.items.length > 1) return { range: ctx.range([item.range[0], seq.items[1].range[0]]), newText: '' };
  return { range: ctx.range([item.range[0], item.range[1]]), newText: '' };
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
