/** The pipeline from a document to its headings: block scan first, then inline parsing of each heading. */
import { type Heading } from './ast';
import { BlockScanner, type TopBlocks } from './blocks';
import { bytesOf, type Bytes } from './bytes';
import { InlineParser } from './inline';

/**
 * All headings of a document in tree order, with their inline content parsed. Title blocks never occur here.
 * `bytes`, when given, must be the UTF-8 encoding of the (CR-free) markdown.
 */
export function parseHeadings(markdown: string, bytes?: Bytes): Heading[] {
  return headingsOf(new BlockScanner().scanTop(bytes ?? bytesOf(normalizedText(markdown))));
}

/** Parse() normalises CR and CRLF to LF before anything else. */
function normalizedText(markdown: string): string {
  return markdown.includes('\r') ? markdown.replace(/\r\n?/g, '\n') : markdown;
}

function headingsOf(blocks: TopBlocks): Heading[] {
  // Inline content is parsed after all blocks, so link references defined later in the file already resolve.
  const refs = new Map(blocks.refLog);
  const inline = new InlineParser(refs);
  for (const h of blocks.headings) h.children = inline.parse(h.content);
  return blocks.headings;
}

/**
 * parseHeadings for a document that is edited again and again (the editor's keystroke path): it keeps the last
 * parse and, for the next text, re-scans only from the start up to where the blocks line up again after the edit.
 * Reuse is exact: the top-level blocks from a block start on depend only on the bytes from there to the end, so once
 * a block start of the new text lies in the unchanged tail and is, shifted by the edit's length change, a block start
 * of the last parse, the rest of that parse is the rest of this one. (Blocks before the edit are re-scanned, since a
 * block may look arbitrarily far ahead: an unclosed fence, an HTML block searching for its closing tag.)
 */
export class IncrementalHeadings {
  private last: { text: string; blocks: TopBlocks } | undefined;
  /** Top-level blocks the last parse scanned itself (the rest it took from the parse before). */
  scannedBlocks = 0;

  parse(markdown: string): Heading[] {
    const text = normalizedText(markdown);
    const prev = this.last;
    let bytes: Bytes;
    let reuse: Parameters<BlockScanner['scanTop']>[1];
    if (!prev) {
      bytes = bytesOf(text);
    } else {
      // Found on the strings (native compares) and carried over to the bytes: the shared head and tail are copied
      // from the last encoding, only the edited middle is encoded again.
      const old = prev.text;
      let head = commonPrefixOfStrings(old, text);
      if (head > 0 && isHighSurrogate(text.charCodeAt(head - 1))) head--;
      let tail = commonSuffixOfStrings(old, text, Math.min(old.length, text.length) - head);
      if (tail > 0 && isLowSurrogate(text.charCodeAt(text.length - tail))) tail--;
      const oldBytes = prev.blocks.bytes;
      // The old text's bytes are head + old middle + tail: measure the old middle and the shorter of head and tail.
      const oldMiddleBytes = utf8Length(old, head, old.length - tail);
      let headBytes: number, tailBytes: number;
      if (head <= tail) {
        headBytes = utf8Length(text, 0, head);
        tailBytes = oldBytes.length - oldMiddleBytes - headBytes;
      } else {
        tailBytes = utf8Length(text, text.length - tail, text.length);
        headBytes = oldBytes.length - oldMiddleBytes - tailBytes;
      }
      const middle = bytesOf(text.slice(head, text.length - tail));
      bytes = new Uint8Array(headBytes + middle.length + tailBytes);
      bytes.set(oldBytes.subarray(0, headBytes), 0);
      bytes.set(middle, headBytes);
      bytes.set(oldBytes.subarray(oldBytes.length - tailBytes), headBytes + middle.length);
      const tailStart = bytes.length - tailBytes;
      const delta = bytes.length - oldBytes.length;
      const starts = prev.blocks.starts;
      let k = 0;
      reuse = (pos) => {
        if (pos < tailStart) return undefined;
        const target = pos - delta;
        while (k < starts.length && starts[k] < target) k++;
        return k < starts.length && starts[k] === target ? { from: prev.blocks, index: k } : undefined;
      };
    }
    let scanned = 0;
    const counted: typeof reuse = (pos) => {
      const hit = reuse?.(pos);
      if (!hit) scanned++;
      return hit;
    };
    const blocks = new BlockScanner().scanTop(bytes, counted);
    this.last = { text, blocks };
    this.scannedBlocks = scanned;
    return headingsOf(blocks);
  }
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

const NON_ASCII = /[^\x00-\x7f]/g;

/** UTF-8 length of s[from, to) (what TextEncoder makes of it; a lone surrogate becomes U+FFFD, 3 bytes). */
export function utf8Length(s: string, from: number, to: number): number {
  const part = s.slice(from, to);
  let n = part.length;
  // Only the non-ASCII code units add bytes; the regex finds them natively (KEPs are mostly ASCII).
  NON_ASCII.lastIndex = 0;
  while (NON_ASCII.test(part)) {
    const i = NON_ASCII.lastIndex - 1;
    const c = part.charCodeAt(i);
    if (c < 0x800) n += 1;
    else if (isHighSurrogate(c) && isLowSurrogate(part.charCodeAt(i + 1))) {
      n += 2; // 4 bytes for 2 code units
      NON_ASCII.lastIndex = i + 2;
    } else n += 2;
  }
  return n;
}

/** Longest common prefix of two strings, by binary search over native slice comparisons. */
export function commonPrefixOfStrings(a: string, b: string): number {
  let lo = 0;
  let hi = Math.min(a.length, b.length);
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(lo, mid) === b.slice(lo, mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Longest common suffix of two strings, at most max. */
export function commonSuffixOfStrings(a: string, b: string, max: number): number {
  let lo = 0;
  let hi = max;
  const la = a.length, lb = b.length;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (a.slice(la - mid, la - lo) === b.slice(lb - mid, lb - lo)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}
