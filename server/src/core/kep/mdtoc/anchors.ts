/** mdtoc's anchors: the `#fragment` of each TOC entry, derived from the heading's text rather than its HTML. */
import { type Inline } from './ast';
import { isAlnum } from './goCompat';
import { goToLower } from '../../gostrings';

// Byte values are module-local on purpose: see bytes.ts.
const SP = 32;

/** mdtoc's asText: the literals of Text and Code nodes at any depth (link and image text included). */
export function headingText(nodes: Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text' || n.t === 'code') s += n.s;
    else if (n.t === 'emph' || n.t === 'strong' || n.t === 'del' || n.t === 'link') s += headingText(n.children);
    else if (n.t === 'image') s += n.alt;
  }
  return s;
}

/** mdtoc's mkAnchor: lower-case, drop `[^\w\- ]` (ASCII \w), spaces → '-', then -1, -2 … for repeats. */
export function makeAnchor(seen: Map<string, number>, headingTextValue: string): string {
  const lower = goToLower(headingTextValue);
  let anchor = '';
  for (let k = 0; k < lower.length; k++) {
    const c = lower.charCodeAt(k);
    if (c === SP) anchor += '-';
    else if (isAlnum(c) || c === 0x5f || c === 0x2d) anchor += lower[k];
  }
  const idx = seen.get(anchor) ?? 0;
  seen.set(anchor, idx + 1);
  return idx > 0 ? anchor + '-' + idx : anchor;
}
