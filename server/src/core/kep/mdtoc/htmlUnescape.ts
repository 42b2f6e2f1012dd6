/**
 * Go's `html.UnescapeString`, which gomarkdown's renderer applies to link text and destinations before escaping
 * them again (EscLink). Named references are decoded only inside links; everywhere else they stay literal text.
 */
import { LONGEST_ENTITY_WITHOUT_SEMICOLON, lookupEntity } from './entities';
import { isAlnum } from './goCompat';

/** Windows-1252 meanings of numeric references 0x80–0x9F (HTML spec), as Go's html.UnescapeString applies them. */
const C1_REPLACEMENTS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

export function goHtmlUnescape(s: string): string {
  const amp = s.indexOf('&');
  if (amp < 0) return s;
  let out = s.slice(0, amp);
  let i = amp;
  while (i < s.length) {
    if (s.charCodeAt(i) !== 0x26) {
      const next = s.indexOf('&', i);
      const stop = next < 0 ? s.length : next;
      out += s.slice(i, stop);
      i = stop;
      continue;
    }
    const [decoded, consumed] = unescapeEntity(s, i);
    out += decoded;
    i += consumed;
  }
  return out;
}

/** One reference at s[at] (which is '&'): [replacement, chars consumed]; ['&', 1] when it is not a reference. */
function unescapeEntity(s: string, at: number): [string, number] {
  const rest = s.length - at;
  let i = 1;
  if (rest <= 1) return ['&', 1];
  if (s.charCodeAt(at + 1) === 0x23) {
    if (rest <= 3) return ['&', 1];
    i++;
    let c = s.charCodeAt(at + i);
    let hex = false;
    if (c === 0x78 || c === 0x58) {
      hex = true;
      i++;
    }
    let x = 0;
    while (i < rest) {
      c = s.charCodeAt(at + i);
      i++;
      if (c >= 0x30 && c <= 0x39) {
        x = (Math.imul(x, hex ? 16 : 10) + c - 0x30) | 0;
        continue;
      }
      if (hex && ((c >= 0x61 && c <= 0x66) || (c >= 0x41 && c <= 0x46))) {
        x = (Math.imul(x, 16) + (c | 0x20) - 0x61 + 10) | 0;
        continue;
      }
      if (c !== 0x3b) i--;
      break;
    }
    if (i <= 3) return ['&', 1];
    if (x >= 0x80 && x <= 0x9f) x = C1_REPLACEMENTS[x - 0x80];
    else if (x === 0 || (x >= 0xd800 && x <= 0xdfff) || x > 0x10ffff || x < 0) x = 0xfffd;
    return [String.fromCodePoint(x), i];
  }
  while (i < rest) {
    const c = s.charCodeAt(at + i);
    i++;
    if (isAlnum(c)) continue;
    if (c !== 0x3b) i--;
    break;
  }
  const name = s.slice(at + 1, at + i);
  if (name.length === 0) return ['&', 1];
  const whole = lookupEntity(name);
  if (whole !== undefined) return [whole, i];
  // `&notit;` is `¬it;`: HTML lets a legacy name end without ';', so the longest legacy prefix wins.
  const maxLen = Math.min(name.length - 1, LONGEST_ENTITY_WITHOUT_SEMICOLON);
  for (let j = maxLen; j > 1; j--) {
    const legacy = lookupEntity(name.slice(0, j));
    if (legacy !== undefined) return [legacy, j + 1];
  }
  return ['&', 1];
}
