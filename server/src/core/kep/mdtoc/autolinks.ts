/**
 * Links that need no brackets: `<http://…>` / `<a@b>` autolinks and raw inline HTML after `<`, and bare URLs in
 * running text (the Autolink extension), with gomarkdown's rules for where such a URL ends.
 */
import { type InlineResult, NONE } from './ast';
import { type Bytes, bytesOf, startsWith, str } from './bytes';
import { asciiLower, isAlnum, isLetter, isSpace } from './goCompat';
import { inlineHTMLComment } from './htmlBlocks';
import { unescapeText } from './inlineSpans';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10;

const AUTOLINK_NONE = 0;
const AUTOLINK_NORMAL = 1;
const AUTOLINK_EMAIL = 2;

/** `<`: an autolink `<http://…>` / `<a@b>`, an HTML comment, or raw inline HTML (which gomarkdown keeps verbatim). */
export function leftAngle(data: Bytes): InlineResult {
  let [kind, end] = tagLength(data);
  const comment = inlineHTMLComment(data);
  if (comment > 0) end = comment;
  if (end <= 2) return [end, null];
  if (kind === AUTOLINK_NONE) return [end, { t: 'html', s: str(data.subarray(0, end)) }];
  const link = unescapeText(data.subarray(1, end + 1 - 2));
  if (link.length === 0) return [end, null];
  const dest = kind === AUTOLINK_EMAIL ? 'mailto:' + link : link;
  const label = link.startsWith('mailto://') ? link.slice(9) : link.startsWith('mailto:') ? link.slice(7) : link;
  return [end, { t: 'link', dest, title: '', children: [{ t: 'text', s: label }] }];
}

/** [kind, length] of a tag or autolink at data[0]; quirk kept: an unclosed `<tag` still yields a length. */
function tagLength(data: Bytes): [number, number] {
  if (data.length < 3 || data[0] !== 0x3c) return [AUTOLINK_NONE, 0];
  let i = data[1] === 0x2f ? 2 : 1;
  if (!isAlnum(data[i])) return [AUTOLINK_NONE, 0];
  let kind = AUTOLINK_NONE;
  while (i < data.length && (isAlnum(data[i]) || data[i] === 0x2e || data[i] === 0x2b || data[i] === 0x2d)) i++;
  if (i > 1 && i < data.length && data[i] === 0x40) {
    const j = isMailtoAutoLink(data.subarray(i));
    if (j !== 0) return [AUTOLINK_EMAIL, i + j];
  }
  if (i > 2 && i < data.length && data[i] === 0x3a) {
    kind = AUTOLINK_NORMAL;
    i++;
  }
  if (i >= data.length) {
    kind = AUTOLINK_NONE;
  } else if (kind !== AUTOLINK_NONE) {
    const j = i;
    while (i < data.length) {
      if (data[i] === 0x5c) i += 2;
      else if (data[i] === 0x3e || data[i] === 0x27 || data[i] === 0x22 || isSpace(data[i])) break;
      else i++;
    }
    if (i >= data.length) return [kind, 0];
    if (i > j && data[i] === 0x3e) return [kind, i + 1];
    kind = AUTOLINK_NONE;
  }
  i += data.subarray(i).indexOf(0x3e);
  if (i < 0) return [kind, 0];
  return [kind, i + 1];
}

function isMailtoAutoLink(data: Bytes): number {
  let nb = 0;
  for (let i = 0; i < data.length; i++) {
    const c = data[i];
    if (isAlnum(c)) continue;
    if (c === 0x40) nb++;
    else if (c === 0x2d || c === 0x2e || c === 0x5f) continue;
    else if (c === 0x3e) return nb === 1 ? i + 1 : 0;
    else return 0;
  }
  return 0;
}

export const PROTOCOL_PREFIXES = ['http://', 'https://', 'ftp://', 'file://', 'mailto:'].map(bytesOf);

export function hasPrefixCaseInsensitive(s: Bytes, prefix: Bytes): boolean {
  if (s.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (prefix[k] !== s[k] && prefix[k] !== ((s[k] + 32) & 0xff)) return false;
  return true;
}

const URL_CHARS = "[-A-Za-z0-9+&@#\\/%?=~_|!:,.;\\(\\)]+";
const URL_RE = '((https?|ftp):\\/\\/|\\/)' + URL_CHARS;
// Go's \s is [\t\n\f\r ]; JS's is wider, so spell it out.
const ANCHOR_RE = new RegExp('^(<a[\\t\\n\\f\\r ]href="' + URL_RE + '"([\\t\\n\\f\\r ]title="[^"<>]+")?[\\t\\n\\f\\r ]?>' + URL_RE + '<\\/a>)');
const ENTITY_END_RE = /&[a-z]{2,5};/g;

/** A bare URL (http://, https://, ftp://, file://, mailto:) in running text. */
export function autoLink(data: Bytes, offset: number): InlineResult {
  // Inside `<a href="…">…</a>` the URL is part of that HTML, not a new link.
  let anchorStart = offset;
  let offsetFromAnchor = 0;
  while (anchorStart > 0 && data[anchorStart] !== 0x3c) {
    anchorStart--;
    offsetFromAnchor++;
  }
  // Byte-level regex on ASCII-only syntax: latin1 decoding keeps byte offsets equal to string offsets.
  const m = ANCHOR_RE.exec(Buffer.from(data.buffer, data.byteOffset + anchorStart, data.length - anchorStart).toString('latin1'));
  if (m) {
    const anchor = data.subarray(anchorStart, anchorStart + m[0].length);
    return [m[0].length - offsetFromAnchor, { t: 'html', s: str(anchor.subarray(offsetFromAnchor)) }];
  }
  let rewind = 0;
  while (offset - rewind > 0 && rewind <= 7 && isLetter(data[offset - rewind - 1])) rewind++;
  if (rewind > 6) return NONE;
  const orig = data;
  data = data.subarray(offset - rewind);
  if (!isSafeURL(data)) return NONE;
  let linkEnd = 0;
  while (linkEnd < data.length && !isEndOfLink(data[linkEnd])) linkEnd++;
  if ((data[linkEnd - 1] === 0x2e || data[linkEnd - 1] === 0x2c) && data[linkEnd - 2] !== 0x5c) linkEnd--;
  if (data[linkEnd - 1] === 0x3b && data[linkEnd - 2] !== 0x5c && !linkEndsWithEntity(data, linkEnd)) linkEnd--;
  const last = data[linkEnd - 1];
  const copen = last === 0x22 ? 0x22 : last === 0x27 ? 0x27 : last === 0x29 ? 0x28 : last === 0x5d ? 0x5b : last === 0x7d ? 0x7b : 0;
  if (copen !== 0) {
    // A closing bracket ending the URL belongs to it only if its opener is inside the URL.
    let bufEnd = offset - rewind + linkEnd - 2;
    let openDelim = 1;
    while (bufEnd >= 0 && orig[bufEnd] !== NL && openDelim !== 0) {
      if (orig[bufEnd] === data[linkEnd - 1]) openDelim++;
      if (orig[bufEnd] === copen) openDelim--;
      bufEnd--;
    }
    if (openDelim === 0) linkEnd--;
  }
  const link = unescapeText(data.subarray(0, linkEnd));
  if (link.length > 0) return [linkEnd, { t: 'link', dest: link, title: '', children: [{ t: 'text', s: link }] }];
  return [linkEnd, null];
}

function linkEndsWithEntity(data: Bytes, linkEnd: number): boolean {
  const s = Buffer.from(data.buffer, data.byteOffset, linkEnd).toString('latin1');
  let lastEnd = -1;
  ENTITY_END_RE.lastIndex = 0;
  for (let m = ENTITY_END_RE.exec(s); m; m = ENTITY_END_RE.exec(s)) lastEnd = m.index + m[0].length;
  return lastEnd === linkEnd;
}

const isEndOfLink = (c: number) => isSpace(c) || c === 0x3c;

const SAFE_PATHS = ['/', './', '../'].map(bytesOf);
const SAFE_URIS = ['http://', 'https://', 'ftp://', 'mailto:'].map(bytesOf);

function isSafeURL(url: Bytes): boolean {
  for (const p of SAFE_PATHS) {
    if (url.length >= p.length && startsWith(url, p)) {
      if (url.length === p.length || isAlnum(url[p.length])) return true;
    }
  }
  for (const p of SAFE_URIS) {
    if (url.length > p.length) {
      let same = true;
      for (let k = 0; k < p.length && same; k++) same = asciiLower(url[k]) === p[k];
      if (same && isAlnum(url[p.length])) return true;
    }
  }
  return false;
}
