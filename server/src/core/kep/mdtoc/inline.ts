/**
 * gomarkdown's inline parser (parser/inline.go) for heading content, with the inline callbacks that
 * `parser.CommonExtensions` registers. Emphasis and links live here because they recurse into the parser.
 */
import { type Container, type Inline, type InlineResult, type LinkRef, MAX_NESTING, NONE, text } from './ast';
import { autoLink, hasPrefixCaseInsensitive, leftAngle, PROTOCOL_PREFIXES } from './autolinks';
import { type Bytes, str } from './bytes';
import { isPunctuation, isSpace, skipSpace, skipUntilChar } from './goCompat';
import { codeSpan, entity, escape, math, maybeLineBreak, unescapeText } from './inlineSpans';
import { goToLower } from '../../gostrings';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32;

export class InlineParser {
  private nesting = 0;
  private insideLink = false;

  constructor(private readonly refs: Map<string, LinkRef>) {}

  parse(content: Bytes): Inline[] {
    const root: Container = { children: [] };
    this.inline(root, content);
    return root.children;
  }

  private inline(parent: Container, data: Bytes): void {
    if (this.nesting >= MAX_NESTING || data.length === 0) return;
    this.nesting++;
    let beg = 0;
    let end = 0;
    const n = data.length;
    while (end < n) {
      const [consumed, node] = this.trigger(data, end);
      if (consumed === 0) {
        end++;
        continue;
      }
      parent.children.push(text(data.subarray(beg, end)));
      if (node) parent.children.push(node);
      beg = end + consumed;
      end = beg;
    }
    if (beg < n) {
      if (data[end - 1] === NL) end--;
      parent.children.push(text(data.subarray(beg, end)));
    }
    this.nesting--;
  }

  /** The handler registered for data[offset] (gomarkdown's inlineCallback table for CommonExtensions). */
  private trigger(data: Bytes, offset: number): InlineResult {
    switch (data[offset]) {
      case 0x2a: // *
      case 0x5f: // _
      case 0x7e: // ~ (Strikethrough)
        return this.emphasis(data, offset);
      case 0x60: // `
        return codeSpan(data.subarray(offset));
      case 0x20: // space: only a hard break before a newline, which a heading never has
        return maybeLineBreak(data, offset);
      case 0x5b: // [
        return this.link(data, offset);
      case 0x3c: // <
        return leftAngle(data.subarray(offset));
      case 0x5c: // backslash
        return escape(data.subarray(offset));
      case 0x26: // &
        return entity(data.subarray(offset));
      case 0x21: // !
        return offset < data.length - 1 && data[offset + 1] === 0x5b ? this.link(data, offset) : NONE;
      case 0x5e: // ^ (SuperSubscript is off: only `^[` reaches the link parser)
        return offset < data.length - 1 && data[offset + 1] === 0x5b ? this.link(data, offset) : NONE;
      case 0x68: case 0x6d: case 0x66: case 0x48: case 0x4d: case 0x46: // h m f H M F
        return this.maybeAutoLink(data, offset);
      case 0x24: // $ (MathJax)
        return math(data.subarray(offset));
      default:
        return NONE;
    }
  }

  private emphasis(data: Bytes, offset: number): InlineResult {
    data = data.subarray(offset);
    const c = data[0];
    const n = data.length;
    if (n > 2 && data[1] !== c) {
      if (isSpace(data[1])) return NONE;
      const [ret, node] = this.helperEmphasis(data.subarray(1), c);
      return ret === 0 ? NONE : [ret + 1, node];
    }
    if (n > 3 && data[1] === c && data[2] !== c) {
      if (isSpace(data[2])) return NONE;
      const [ret, node] = this.helperDoubleEmphasis(data.subarray(2), c);
      return ret === 0 ? NONE : [ret + 2, node];
    }
    if (n > 4 && data[1] === c && data[2] === c && data[3] !== c) {
      if (c === 0x7e || isSpace(data[3])) return NONE;
      const [ret, node] = this.helperTripleEmphasis(data, 3, c);
      return ret === 0 ? NONE : [ret + 3, node];
    }
    return NONE;
  }

  private helperEmphasis(data: Bytes, c: number): InlineResult {
    let i = 0;
    if (data.length > 1 && data[0] === c && data[1] === c) i = 1;
    while (i < data.length) {
      const length = helperFindEmphChar(data.subarray(i), c);
      if (length === 0) return NONE;
      i += length;
      if (i >= data.length) return NONE;
      if (i + 1 < data.length && data[i + 1] === c) {
        i++;
        continue;
      }
      if (data[i] === c && !isSpace(data[i - 1])) {
        // NoIntraEmphasis: the closing char must end a word.
        if (!(i + 1 === data.length || isSpace(data[i + 1]) || isPunctuation(data[i + 1]))) continue;
        const emph: Inline & Container = { t: 'emph', children: [] };
        this.inline(emph, data.subarray(0, i));
        return [i + 1, emph];
      }
    }
    return NONE;
  }

  private helperDoubleEmphasis(data: Bytes, c: number): InlineResult {
    let i = 0;
    while (i < data.length) {
      const length = helperFindEmphChar(data.subarray(i), c);
      if (length === 0) return NONE;
      i += length;
      if (i + 1 < data.length && data[i] === c && data[i + 1] === c && i > 0 && !isSpace(data[i - 1])) {
        const node: Inline & Container = { t: c === 0x7e ? 'del' : 'strong', children: [] };
        this.inline(node, data.subarray(0, i));
        return [i + 2, node];
      }
      i++;
    }
    return NONE;
  }

  private helperTripleEmphasis(orig: Bytes, offset: number, c: number): InlineResult {
    let i = 0;
    const data = orig.subarray(offset);
    while (i < data.length) {
      const length = helperFindEmphChar(data.subarray(i), c);
      if (length === 0) return NONE;
      i += length;
      if (data[i] !== c || isSpace(data[i - 1])) continue;
      if (i + 2 < data.length && data[i + 1] === c && data[i + 2] === c) {
        const em: Inline & Container = { t: 'emph', children: [] };
        this.inline(em, data.subarray(0, i));
        return [i + 3, { t: 'strong', children: [em] }];
      }
      if (i + 1 < data.length && data[i + 1] === c) {
        const [len, node] = this.helperEmphasis(orig.subarray(offset - 2), c);
        return len === 0 ? NONE : [len - 2, node];
      }
      const [len, node] = this.helperDoubleEmphasis(orig.subarray(offset - 1), c);
      return len === 0 ? NONE : [len - 1, node];
    }
    return NONE;
  }

  /** `[text](url "title")`, `[text][ref]`, `[ref]`, `![alt](src)`; also reached from `^[` as a plain link. */
  private link(data: Bytes, offset: number): InlineResult {
    if (this.insideLink && ((offset > 0 && data[offset - 1] === 0x5b) || (data.length - 1 > offset && data[offset + 1] === 0x5e))) return NONE;
    const isImage = data[offset] === 0x21;
    if (isImage) offset++;
    data = data.subarray(offset);

    let i = 1;
    let textHasNl = false;
    for (let level = 1; level > 0 && i < data.length; i++) {
      if (data[i] === NL) textHasNl = true;
      else if (data[i - 1] === 0x5c) continue;
      else if (data[i] === 0x5b) level++;
      else if (data[i] === 0x5d) {
        level--;
        if (level <= 0) i--;
      }
    }
    if (i >= data.length) return NONE;
    const txtE = i;
    i++;
    i = skipSpace(data, i);

    let link: Bytes | undefined;
    // undefined = Go nil title; a reference always yields a (possibly empty) non-nil title.
    let title: Bytes | undefined;
    if (i < data.length && data[i] === 0x28) {
      i++;
      i = skipSpace(data, i);
      let linkB = i;
      let brace = 0;
      findLinkEnd: while (i < data.length) {
        switch (data[i]) {
          case 0x5c:
            i += 2;
            break;
          case 0x28:
            brace++;
            i++;
            break;
          case 0x29:
            if (brace <= 0) break findLinkEnd;
            brace--;
            i++;
            break;
          case 0x27:
          case 0x22:
            break findLinkEnd;
          default:
            i++;
        }
      }
      if (i >= data.length) return NONE;
      let linkE = i;
      let titleB = 0;
      let titleE = 0;
      if (data[i] === 0x27 || data[i] === 0x22) {
        i++;
        titleB = i;
        let titleEndCharFound = false;
        while (i < data.length) {
          if (data[i] === 0x5c) i++;
          else if (data[i] === data[titleB - 1]) titleEndCharFound = true;
          else if (titleEndCharFound && data[i] === 0x29) break;
          i++;
        }
        if (i >= data.length) return NONE;
        titleE = i - 1;
        while (titleE > titleB && isSpace(data[titleE])) titleE--;
        if (data[titleE] !== 0x27 && data[titleE] !== 0x22) {
          titleB = 0;
          titleE = 0;
          linkE = i;
        }
      }
      while (linkE > linkB && isSpace(data[linkE - 1])) linkE--;
      if (data[linkB] === 0x3c) linkB++;
      if (data[linkE - 1] === 0x3e) linkE--;
      if (linkE > linkB) link = data.subarray(linkB, linkE);
      if (titleE > titleB) title = data.subarray(titleB, titleE);
      i++;
    } else if (i < data.length - 1 && data[i] === 0x5b && data[i + 1] !== 0x5e) {
      // [text][id] or [text][]
      i++;
      const linkB = i;
      i = skipUntilChar(data, i, 0x5d);
      if (i >= data.length) return NONE;
      const id = linkB === i ? (textHasNl ? joinLines(data, txtE) : data.subarray(1, txtE)) : data.subarray(linkB, i);
      const ref = this.refs.get(goToLower(str(id)));
      if (!ref) return NONE;
      link = ref.link;
      title = ref.title;
      i++;
    } else {
      // shortcut [id]
      const id = textHasNl ? joinLines(data, txtE) : data.subarray(1, txtE);
      const ref = this.refs.get(goToLower(str(id)));
      if (!ref) return NONE;
      link = ref.link;
      title = ref.title;
      i = txtE + 1;
    }

    const dest = link && link.length > 0 ? unescapeText(link) : '';
    const titleStr = title ? str(title) : '';
    if (isImage) return [i + 1, { t: 'image', dest, title: title ? titleStr : undefined, alt: str(data.subarray(1, txtE)) }];
    const node: Inline & Container = { t: 'link', dest, title: titleStr, children: [] };
    // Links cannot contain links: parse the text with link parsing off.
    const inside = this.insideLink;
    this.insideLink = true;
    this.inline(node, data.subarray(1, txtE));
    this.insideLink = inside;
    return [i, node];
  }

  private maybeAutoLink(data: Bytes, offset: number): InlineResult {
    if (this.insideLink || data.length < offset + 6) return NONE;
    const head = data.subarray(offset, Math.min(offset + 8, data.length));
    for (const prefix of PROTOCOL_PREFIXES) if (hasPrefixCaseInsensitive(head, prefix)) return autoLink(data, offset);
    return NONE;
  }
}

/** The link id of a text spanning lines: newlines become a space unless one precedes them. */
function joinLines(data: Bytes, txtE: number): Bytes {
  const out: number[] = [];
  for (let j = 1; j < txtE; j++) {
    if (data[j] !== NL) out.push(data[j]);
    else if (data[j - 1] !== SP) out.push(SP);
  }
  return new Uint8Array(out);
}

/** The position of the next emphasis char c, skipping code spans and link texts; 0 when none. */
function helperFindEmphChar(data: Bytes, c: number): number {
  let i = 0;
  while (i < data.length) {
    while (i < data.length && data[i] !== c && data[i] !== 0x60 && data[i] !== 0x5b) i++;
    if (i >= data.length) return 0;
    if (i !== 0 && data[i - 1] === 0x5c) {
      i++;
      continue;
    }
    if (data[i] === c) return i;
    if (data[i] === 0x60) {
      let tmpI = 0;
      i++;
      while (i < data.length && data[i] !== 0x60) {
        if (tmpI === 0 && data[i] === c) tmpI = i;
        i++;
      }
      if (i >= data.length) return tmpI;
      i++;
    } else {
      let tmpI = 0;
      i++;
      while (i < data.length && data[i] !== 0x5d) {
        if (tmpI === 0 && data[i] === c) tmpI = i;
        i++;
      }
      i++;
      while (i < data.length && (data[i] === SP || data[i] === NL)) i++;
      if (i >= data.length) return tmpI;
      if (data[i] !== 0x5b && data[i] !== 0x28) {
        if (tmpI > 0) return tmpI;
        continue;
      }
      const cc = data[i];
      i++;
      while (i < data.length && data[i] !== cc) {
        if (tmpI === 0 && data[i] === c) return i;
        i++;
      }
      if (i >= data.length) return tmpI;
      i++;
    }
  }
  return 0;
}
