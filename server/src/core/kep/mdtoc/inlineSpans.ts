/** Inline handlers that need no parser state: code spans, escapes, entities, inline math, hard breaks. */
import { type InlineResult, NONE, text } from './ast';
import { type Bytes, concat, str } from './bytes';
import { goParseUint, goRuneString, skipAlnum, skipChar, skipCharN } from './goCompat';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32;

/** End of the code span opened by the backtick run at data[0] (it may cross lines), or 0 when never closed. */
export function codeSpanEnd(data: Bytes): number {
  const nb = skipChar(data, 0, 0x60);
  let i = 0;
  let end = nb;
  for (; end < data.length && i < nb; end++) {
    if (data[end] === 0x60) i++;
    else i = 0;
  }
  return i < nb && end >= data.length ? 0 : end;
}

export function codeSpan(data: Bytes): InlineResult {
  const end = codeSpanEnd(data);
  if (end === 0) return NONE;
  const nb = skipChar(data, 0, 0x60);
  let fBegin = nb;
  while (fBegin < end && data[fBegin] === SP) fBegin++;
  let fEnd = end - nb;
  while (fEnd > fBegin && data[fEnd - 1] === SP) fEnd--;
  if (fBegin === fEnd) return [end, null];
  // (A ``` span spanning lines would be a code block; heading content is a single line.)
  return [end, { t: 'code', s: str(data.subarray(fBegin, fEnd)) }];
}

export function maybeLineBreak(data: Bytes, offset: number): InlineResult {
  const orig = offset;
  offset = skipChar(data, offset, SP);
  if (offset < data.length && data[offset] === NL) {
    return offset - orig >= 2 ? [offset - orig + 1, { t: 'break' }] : [offset - orig, null];
  }
  return NONE;
}

const ESCAPABLE = new Set(Array.from('\\`*_{}[]()#+-.!:|&<>~^$', (ch) => ch.charCodeAt(0)));

export function escape(data: Bytes): InlineResult {
  // A trailing backslash is consumed together with the (absent) next byte: it disappears.
  if (data.length <= 1) return [2, null];
  if (data[1] === NL) return [2, { t: 'break' }]; // BackslashLineBreak
  if (!ESCAPABLE.has(data[1])) return NONE;
  return [2, text(data.subarray(1, 2))];
}

/**
 * `&name;` / `&#n;` / `&#xh;`: `&amp;` becomes "&", numeric references their rune, other names stay literal here;
 * the renderer decodes those later, but only inside a link (htmlUnescape.ts), so the anchor keeps the raw name.
 */
export function entity(data: Bytes): InlineResult {
  let end = skipCharN(data, 1, 0x23, 1);
  end = skipAlnum(data, end);
  if (!(end < data.length && data[end] === 0x3b)) return NONE;
  end++;
  const ent = data.subarray(0, end);
  const s = str(ent);
  if (s === '&amp;') return [end, { t: 'text', s: '&' }];
  if (ent.length < 4) return [end, { t: 'text', s }];
  // gomarkdown looks at ent[2] (not ent[1]) for the 'x', and parses what follows as a number whatever ent[1] is.
  const hex = ent[2] === 0x78 || ent[2] === 0x58;
  const digits = hex ? s.slice(3, -1) : s.slice(2, -1);
  const cp = goParseUint(digits, hex ? 16 : 10);
  if (cp !== undefined) return [end, { t: 'text', s: goRuneString(Number(BigInt.asIntN(32, cp))) }];
  return [end, { t: 'text', s }];
}

export function math(data: Bytes): InlineResult {
  if (data.length <= 2 || data[1] === 0x24) return NONE;
  let end = 1;
  while (end < data.length && data[end] !== 0x24) end++;
  if (end === data.length) return NONE;
  return [end + 1, { t: 'math', s: str(data.subarray(1, end)) }];
}

/** Drops each backslash and keeps the byte after it (a trailing backslash is dropped). */
export function unescapeText(src: Bytes): string {
  const out: Bytes[] = [];
  let i = 0;
  while (i < src.length) {
    const org = i;
    while (i < src.length && src[i] !== 0x5c) i++;
    if (i > org) out.push(src.subarray(org, i));
    if (i + 1 >= src.length) break;
    out.push(src.subarray(i + 1, i + 2));
    i += 2;
  }
  return str(concat(out));
}
