/**
 * Go string semantics that Prow's behaviour depends on: byte-order comparison (UTF-8), strings.ToLower with
 * Unicode simple case mapping, and encoding/json's case-insensitive key folding.
 */

/** Compare as Go compares strings: by UTF-8 bytes. For BMP-only strings this equals UTF-16 order except around surrogates. */
export function goCompare(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const ca = a.charCodeAt(i);
    const cb = b.charCodeAt(i);
    if (ca !== cb) {
      // Surrogates (astral code points) sort after U+E000..U+FFFF in UTF-8 but before them in UTF-16.
      const sa = ca >= 0xd800 && ca <= 0xdfff;
      const sb = cb >= 0xd800 && cb <= 0xdfff;
      if (sa !== sb) return sa ? 1 : -1;
      return ca < cb ? -1 : 1;
    }
  }
  return a.length - b.length;
}

export function goSort(items: Iterable<string>): string[] {
  return [...items].sort(goCompare);
}

/** Go strings.ToLower: per code point simple lower-case mapping (no context-sensitive final sigma, İ → i). */
export function goToLower(s: string): string {
  let ascii = true;
  for (let i = 0; i < s.length; i++) if (s.charCodeAt(i) >= 0x80) { ascii = false; break; }
  if (ascii) return s.toLowerCase();
  let out = '';
  for (const ch of s) {
    if (ch === '\u0130') { out += 'i'; continue; }
    const lower = ch.toLowerCase();
    out += [...lower].length === 1 ? lower : ch;
  }
  return out;
}

/** Prow's github.NormLogin: lower-case, strip ONE leading '@'; no trimming. */
export function normLogin(login: string): string {
  const l = goToLower(login);
  return l.startsWith('@') ? l.slice(1) : l;
}

/**
 * Go encoding/json key folding (Go ≥ 1.21 foldName): ASCII upper-cased, other runes mapped to the smallest rune of
 * their simple-fold orbit. Only ſ (U+017F → S) and K (U+212A → K) reach ASCII, which is all that matters for
 * matching ASCII field names.
 */
export function jsonFoldKey(key: string): string {
  let out = '';
  for (const ch of key) {
    if (ch === '\u017f') out += 'S';
    else if (ch === '\u212a') out += 'K';
    else if (ch.length === 1 && ch.charCodeAt(0) < 0x80) out += ch.toUpperCase();
    else out += ch;
  }
  return out;
}
