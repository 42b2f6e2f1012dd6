/** Link reference definitions: a heading's `[text][id]` or `[id]` resolves through one defined anywhere in the file. */
import { type Bytes } from './bytes';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32, TAB = 9;

/** Link reference definition body: `url` or `<url>`, then an optional title on the same or the next line. */
export function scanLinkRef(data: Bytes, i: number) {
  const r = { linkOffset: 0, linkEnd: 0, titleOffset: 0, titleEnd: 0, lineEnd: 0 };
  if (data[i] === 0x3c) i++;
  r.linkOffset = i;
  while (i < data.length && data[i] !== SP && data[i] !== TAB && data[i] !== NL && data[i] !== 13) i++;
  r.linkEnd = i;
  if (r.linkEnd < data.length && data[r.linkOffset] === 0x3c && data[r.linkEnd - 1] === 0x3e) {
    r.linkOffset++;
    r.linkEnd--;
  }
  while (i < data.length && (data[i] === SP || data[i] === TAB)) i++;
  if (i < data.length && data[i] !== NL && data[i] !== 13 && data[i] !== 0x27 && data[i] !== 0x22 && data[i] !== 0x28) return r;
  if (i >= data.length || data[i] === 13 || data[i] === NL) r.lineEnd = i;
  if (i + 1 < data.length && data[i] === 13 && data[i + 1] === NL) r.lineEnd++;
  if (r.lineEnd > 0) {
    i = r.lineEnd + 1;
    while (i < data.length && (data[i] === SP || data[i] === TAB)) i++;
  }
  if (i + 1 < data.length && (data[i] === 0x27 || data[i] === 0x22 || data[i] === 0x28)) {
    i++;
    r.titleOffset = i;
    while (i < data.length && data[i] !== NL && data[i] !== 13) i++;
    if (i + 1 < data.length && data[i] === NL && data[i + 1] === 13) r.titleEnd = i + 1;
    else r.titleEnd = i;
    i--;
    while (i > r.titleOffset && (data[i] === SP || data[i] === TAB)) i--;
    if (i > r.titleOffset && (data[i] === 0x27 || data[i] === 0x22 || data[i] === 0x29)) {
      r.lineEnd = r.titleEnd;
      r.titleEnd = i;
    }
  }
  return r;
}
