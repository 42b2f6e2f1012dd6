/** Fenced code blocks (``` and ~~~): their opening and closing lines, and how far a block runs. */
import { type Bytes } from './bytes';
import { isSpace, skipChar, skipUntilChar } from './goCompat';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32;

/**
 * A fence line (``` or ~~~, 3+ chars, up to 3 spaces before). With oldMarker set it must be exactly that marker
 * (a closing fence of another length does not close). Returns the end index (after the newline) or 0.
 */
export function isFenceLine(data: Bytes, oldMarker: string): { end: number; marker: string } {
  const n = data.length;
  let i = 0;
  while (i < n && i < 3 && data[i] === SP) i++;
  if (i >= n) return { end: 0, marker: '' };
  const c = data[i];
  if (c !== 0x7e && c !== 0x60) return { end: 0, marker: '' };
  let size = 0;
  while (i < n && data[i] === c) {
    size++;
    i++;
  }
  if (size < 3) return { end: 0, marker: '' };
  const marker = String.fromCharCode(c).repeat(size);
  if (oldMarker !== '' && marker !== oldMarker) return { end: 0, marker: '' };
  if (oldMarker === '') {
    i = skipChar(data, i, SP);
    if (i >= n) return i === n ? { end: i, marker } : { end: 0, marker: '' };
    const syntax = syntaxRange(data, i);
    if (syntax.start === 0 && syntax.len === 0) return { end: 0, marker: '' };
    i = syntax.next;
  }
  i = skipChar(data, i, SP);
  if (i >= n || data[i] !== NL) return i === n ? { end: i, marker } : { end: 0, marker: '' };
  return { end: i + 1, marker };
}

/** The info string after an opening fence: `{…}` on the line, or a run of non-space bytes. */
function syntaxRange(data: Bytes, i: number): { start: number; len: number; next: number } {
  const n = data.length;
  let syn = 0;
  let start = i;
  if (data[i] === 0x7b) {
    i++;
    start++;
    while (i < n && data[i] !== 0x7d && data[i] !== NL) {
      syn++;
      i++;
    }
    if (i >= n || data[i] !== 0x7d) return { start: 0, len: 0, next: i };
    while (syn > 0 && isSpace(data[start])) {
      start++;
      syn--;
    }
    while (syn > 0 && isSpace(data[start + syn - 1])) syn--;
    i++;
  } else {
    while (i < n && !isSpace(data[i])) {
      syn++;
      i++;
    }
  }
  return { start, len: syn, next: i };
}

/** Cheap pre-test for isFenceLine at data[at] (up to 3 spaces, then ` or ~), to avoid a slice per byte. */
export function mayStartFence(data: Bytes, at: number): boolean {
  let i = at;
  while (i < at + 3 && data[i] === SP) i++;
  return data[i] === 0x60 || data[i] === 0x7e;
}

/** Length of a fenced code block at the start of data, or 0 (also 0 when it is never closed). */
export function fencedCodeBlock(data: Bytes): number {
  const open = isFenceLine(data, '');
  let beg = open.end;
  if (beg === 0 || beg >= data.length) return 0;
  for (;;) {
    const close = isFenceLine(data.subarray(beg), open.marker).end;
    if (close !== 0) return beg + close;
    const end = skipUntilChar(data, beg, NL) + 1;
    if (end >= data.length) return 0;
    beg = end;
  }
}
