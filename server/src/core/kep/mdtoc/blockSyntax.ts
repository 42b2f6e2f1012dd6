/**
 * Recognisers for the block starts that need no state: ATX / setext / mmark special headings, blank lines, rules,
 * block quotes, indented code and display math. Each returns a length (0 = no match) or a boolean, as in Go.
 */
import { type Bytes } from './bytes';
import { isBackslashEscaped, skipChar, skipCharN, skipUntilChar } from './goCompat';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32, TAB = 9;

/** End of an ATX heading's text: strips a `{#id}` (and resumes parsing after its `}`), closing #s and spaces. */
export function headingEnd(data: Bytes, i: number): { end: number; skip: number } {
  let end = skipUntilChar(data, i, NL);
  let skip = end;
  let j = i;
  while (j < end - 1 && (data[j] !== 0x7b || data[j + 1] !== 0x23)) j++;
  let k = j + 1;
  while (k < end && data[k] !== 0x7d) k++;
  if (j < end && k < end) {
    end = j;
    skip = k + 1;
    while (end > 0 && data[end - 1] === SP) end--;
  }
  while (end > 0 && data[end - 1] === 0x23) {
    if (isBackslashEscaped(data, end - 1)) break;
    end--;
  }
  while (end > 0 && data[end - 1] === SP) end--;
  return { end, skip };
}

export function isPrefixSpecialHeading(data: Bytes): boolean {
  return data.length >= 4 && data[0] === 0x2e && data[1] === 0x23 && data[2] !== 0x23 && data[2] === SP;
}

export function isUnderlinedHeading(data: Bytes): number {
  const c = data[0];
  if (c !== 0x3d && c !== 0x2d) return 0;
  let i = skipChar(data, 1, c);
  i = skipChar(data, i, SP);
  return i < data.length && data[i] === NL ? (c === 0x3d ? 1 : 2) : 0;
}

/** Length of a blank line (spaces/tabs and its newline) at the start of data, or 0. */
export function isEmpty(data: Bytes): number {
  if (data.length === 0) return 0;
  let i = 0;
  for (; i < data.length && data[i] !== NL; i++) if (data[i] !== SP && data[i] !== TAB) return 0;
  return skipCharN(data, i, NL, 1);
}

export function isHRule(data: Bytes): boolean {
  let i = 0;
  while (i < 3 && data[i] === SP) i++;
  const c = data[i];
  if (c !== 0x2a && c !== 0x2d && c !== 0x5f) return false;
  let n = 0;
  for (; i < data.length && data[i] !== NL; i++) {
    if (data[i] === c) n++;
    else if (data[i] !== SP) return false;
  }
  return n >= 3;
}

export function quotePrefix(data: Bytes): number {
  const n = data.length;
  let i = 0;
  while (i < 3 && i < n && data[i] === SP) i++;
  if (i < n && data[i] === 0x3e) return i + 1 < n && data[i + 1] === SP ? i + 2 : i + 1;
  return 0;
}

export function terminateBlockquote(data: Bytes, beg: number, end: number): boolean {
  if (isEmpty(data.subarray(beg)) <= 0) return false;
  if (end >= data.length) return true;
  return quotePrefix(data.subarray(end)) === 0 && isEmpty(data.subarray(end)) === 0;
}

export function codePrefix(data: Bytes): number {
  const n = data.length;
  if (n >= 1 && data[0] === TAB) return 1;
  if (n >= 4 && data[0] === SP && data[1] === SP && data[2] === SP && data[3] === SP) return 4;
  return 0;
}

/** Length of an indented code block: indented or blank lines. */
export function codeBlock(data: Bytes): number {
  let i = 0;
  while (i < data.length) {
    const beg = i;
    i = skipUntilChar(data, i, NL);
    i = skipCharN(data, i, NL, 1);
    const line = data.subarray(beg, i);
    if (codePrefix(line) === 0 && isEmpty(line) === 0) return beg;
  }
  return i;
}

/** `$$ … $$` display math: everything up to the next `$$`, anywhere. */
export function blockMath(data: Bytes): number {
  if (data.length <= 4 || data[0] !== 0x24 || data[1] !== 0x24 || data[2] === 0x24) return 0;
  let end = 2;
  while (end + 1 < data.length && (data[end] !== 0x24 || data[end + 1] !== 0x24)) end++;
  if (end + 1 === data.length) return 0;
  return end + 2;
}
