/** Raw HTML at block level: which `<…>` starts an HTML block, and where it ends (gomarkdown parser/block_html.go). */
import { type Bytes, bytesOf, startsWith, str } from './bytes';
import { isEmpty } from './blockSyntax';
import { skipAlnum } from './goCompat';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32;

/** gomarkdown's blockTags: an HTML block starts only with one of these (lower-case, exact). */
const BLOCK_TAGS = new Set(
  (
    'blockquote del dd div dl dt fieldset form h1 h2 h3 h4 h5 h6 iframe ins li math noscript ol pre p script style ' +
    'table ul address article aside canvas details dialog figcaption figure footer header hgroup main nav output ' +
    'progress section video'
  ).split(' '),
);

export function htmlFindTag(data: Bytes): string | undefined {
  const i = skipAlnum(data, 0);
  const key = str(data.subarray(0, i));
  return BLOCK_TAGS.has(key) ? key : undefined;
}

/** `</tag>` alone on its line and followed by a blank line (or the end). */
export function htmlFindEnd(tag: string, data: Bytes): number {
  const close = bytesOf('</' + tag + '>');
  if (!startsWith(data, close)) return 0;
  let i = close.length;
  let skip = isEmpty(data.subarray(i));
  if (skip === 0) return 0;
  i += skip;
  if (i >= data.length) return i;
  skip = isEmpty(data.subarray(i));
  if (skip === 0) return 0;
  return i + skip;
}

/** `<!-- … -->` (possibly over many lines) with nothing but blanks after it on its last line. */
export function htmlComment(data: Bytes): number {
  const i = inlineHTMLComment(data);
  const j = isEmpty(data.subarray(i));
  return j > 0 ? i + j : 0;
}

export function inlineHTMLComment(data: Bytes): number {
  if (data.length < 5) return 0;
  if (data[0] !== 0x3c || data[1] !== 0x21 || data[2] !== 0x2d || data[3] !== 0x2d) return 0;
  let i = 5;
  while (i < data.length && !(data[i - 2] === 0x2d && data[i - 1] === 0x2d && data[i] === 0x3e)) i++;
  if (i >= data.length) return 0;
  return i + 1;
}

export function htmlHr(data: Bytes): number {
  if (data.length < 4) return 0;
  if (data[0] !== 0x3c || (data[1] !== 0x68 && data[1] !== 0x48) || (data[2] !== 0x72 && data[2] !== 0x52)) return 0;
  if (data[3] !== SP && data[3] !== 0x2f && data[3] !== 0x3e) return 0;
  let i = 3;
  while (i < data.length && data[i] !== 0x3e && data[i] !== NL) i++;
  if (i < data.length && data[i] === 0x3e) {
    i++;
    const j = isEmpty(data.subarray(i));
    if (j > 0) return i + j;
  }
  return 0;
}
