/** List item markers and list kinds; the list structure itself is walked by the block scanner. */
import { type Bytes } from './bytes';
import { skipCharN } from './goCompat';

// Byte values are module-local on purpose: see bytes.ts.
const SP = 32, TAB = 9;

// List flags (ast.ListType); the values only need to be distinct bits.
export const LIST_ORDERED = 1 << 0;
export const LIST_DEFINITION = 1 << 1;
export const LIST_TERM = 1 << 2;
export const ITEM_CONTAINS_BLOCK = 1 << 3;
export const ITEM_BEGINNING = 1 << 4;
export const ITEM_END = 1 << 5;

export function uliPrefix(data: Bytes): number {
  const i = skipCharN(data, 0, SP, 3);
  if (i >= data.length - 1) return 0;
  const c = data[i];
  if ((c !== 0x2a && c !== 0x2b && c !== 0x2d) || (data[i + 1] !== SP && data[i + 1] !== TAB)) return 0;
  return i + 2;
}

export function oliPrefix(data: Bytes): number {
  let i = skipCharN(data, 0, SP, 3);
  const start = i;
  while (i < data.length && data[i] >= 0x30 && data[i] <= 0x39) i++;
  if (start === i || i >= data.length - 1) return 0;
  if ((data[i] !== 0x2e && data[i] !== 0x29) || !(data[i + 1] === SP || data[i + 1] === TAB)) return 0;
  return i + 2;
}

export function dliPrefix(data: Bytes): number {
  if (data.length < 2) return 0;
  if (data[0] !== 0x3a || !(data[1] === SP || data[1] === TAB)) return 0;
  return 2;
}

export function listTypeChanged(data: Bytes, flags: number): boolean {
  if (dliPrefix(data) > 0 && (flags & LIST_DEFINITION) === 0) return true;
  if (oliPrefix(data) > 0 && (flags & LIST_ORDERED) === 0) return true;
  return uliPrefix(data) > 0 && ((flags & LIST_ORDERED) !== 0 || (flags & LIST_DEFINITION) !== 0);
}
