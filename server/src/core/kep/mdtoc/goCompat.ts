/**
 * Go and gomarkdown helpers whose exact semantics the parser depends on: ASCII-only character classes (gomarkdown
 * never consults Unicode), byte-skipping loops, and the strconv / strings / rune conversions behind entities and
 * TrimSpace. JS built-ins differ from them at the edges (Unicode \s, U+FEFF in trim, lone surrogates).
 */
import { type Bytes } from './bytes';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32, TAB = 9;

/** Thrown where gomarkdown would panic; checkToc callers see it as an mdtoc crash. */
export class GoPanic extends Error {}

export function skipChar(data: Bytes, i: number, c: number): number {
  while (i < data.length && data[i] === c) i++;
  return i;
}

export function skipCharN(data: Bytes, i: number, c: number, max: number): number {
  while (i < data.length && max > 0 && data[i] === c) {
    i++;
    max--;
  }
  return i;
}

export function skipUntilChar(data: Bytes, i: number, c: number): number {
  while (i < data.length && data[i] !== c) i++;
  return i;
}

export function skipAlnum(data: Bytes, i: number): number {
  while (i < data.length && isAlnum(data[i])) i++;
  return i;
}

export function skipSpace(data: Bytes, i: number): number {
  while (i < data.length && isSpace(data[i])) i++;
  return i;
}

export function backUntilChar(data: Bytes, i: number, c: number): number {
  while (i > 0 && data[i - 1] !== c) i--;
  return i;
}

export function isBackslashEscaped(data: Bytes, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && data[i - n - 1] === 0x5c) n++;
  return (n & 1) === 1;
}

/** gomarkdown's IsSpace (ASCII only): space, \t, \n, \r, \f, \v. */
export function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === NL || c === 13 || c === 12 || c === 11;
}

export function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

export function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || isLetter(c);
}

export function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

export const asciiLower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

/** Go strconv.ParseUint(s, base, 64) for base 10 or 16: undefined on any error (empty, bad digit, overflow). */
export function goParseUint(s: string, base: 10 | 16): bigint | undefined {
  if (s.length === 0) return undefined;
  if (!(base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(s)) return undefined;
  const v = BigInt(base === 16 ? '0x' + s : s);
  return v > 0xffffffffffffffffn ? undefined : v;
}

/** Go string(rune(x)): invalid code points (negative, surrogates, > U+10FFFF) become U+FFFD. */
export function goRuneString(x: number): string {
  if (x < 0 || x > 0x10ffff || (x >= 0xd800 && x <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(x);
}

/** Go strings.TrimSpace: trims Unicode White_Space (not U+FEFF, unlike String.prototype.trim). */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}
