/**
 * Byte-slice plumbing. The parser works on UTF-8 bytes, as Go does, so that every length and bounds test behaves
 * like gomarkdown's; strings only appear where a node's text is produced.
 */

export type Bytes = Uint8Array;

// NL (10), SP (32) and TAB (9) are declared again in each module that scans bytes rather than imported from here:
// under per-file CommonJS (tsx, mocha, the conformance script) every use of an imported binding is a getter call,
// and in the scanning loops that made a check about five times slower than with module-local constants.

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** UTF-8 → string; short ASCII slices (most heading words) skip TextDecoder, whose per-call cost dominates. */
export function str(b: Bytes): string {
  if (b.length > 32) return decoder.decode(b);
  let s = '';
  for (let k = 0; k < b.length; k++) {
    if (b[k] >= 0x80) return decoder.decode(b);
    s += String.fromCharCode(b[k]);
  }
  return s;
}
export const bytesOf = (s: string): Bytes => encoder.encode(s);

export function concat(chunks: Bytes[]): Bytes {
  let n = 0;
  for (const c of chunks) n += c.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const c of chunks) {
    out.set(c, o);
    o += c.length;
  }
  return out;
}

export function startsWith(data: Bytes, prefix: Bytes): boolean {
  if (data.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (data[k] !== prefix[k]) return false;
  return true;
}

/** True when data[i - s.length, i) equals s. */
export function endsWithAt(data: Bytes, i: number, s: Bytes): boolean {
  const from = i - s.length;
  if (from < 0) return false;
  for (let k = 0; k < s.length; k++) if (data[from + k] !== s[k]) return false;
  return true;
}
