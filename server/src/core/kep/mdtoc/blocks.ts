/**
 * gomarkdown's block parser (parser/block.go), reduced to what decides which headings exist: every block kind is
 * still recognised, because a heading-looking line inside a code block, HTML block, table or list paragraph is not
 * a heading, but only headings and link reference definitions are kept.
 */
import { MAX_NESTING, type Heading, type LinkRef } from './ast';
import { type Bytes, concat, str } from './bytes';
import {
  blockMath,
  codeBlock,
  codePrefix,
  headingEnd,
  isEmpty,
  isHRule,
  isPrefixSpecialHeading,
  isUnderlinedHeading,
  quotePrefix,
  terminateBlockquote,
} from './blockSyntax';
import { fencedCodeBlock, isFenceLine, mayStartFence } from './fences';
import { backUntilChar, skipChar, skipCharN, skipUntilChar } from './goCompat';
import { htmlComment, htmlFindEnd, htmlFindTag, htmlHr } from './htmlBlocks';
import { scanLinkRef } from './linkRefs';
import {
  dliPrefix,
  ITEM_BEGINNING,
  ITEM_CONTAINS_BLOCK,
  ITEM_END,
  LIST_DEFINITION,
  LIST_ORDERED,
  LIST_TERM,
  listTypeChanged,
  oliPrefix,
  uliPrefix,
} from './lists';
import { mmarkHook } from './mmark';
import { table, tableHeader } from './tables';
import { goToLower } from '../../gostrings';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32, TAB = 9;

const NEWLINE = new Uint8Array([NL]);

/** For 0 < i < data.length: the first i' >= i with data[i' - 1] === NL, or data.length (a native search). */
function lineEndAfter(data: Bytes, i: number): number {
  const nl = data.indexOf(NL, i - 1);
  return nl < 0 ? data.length : nl + 1;
}

/** The chunks as one byte slice; a single chunk is used as is (nothing writes to the bytes, so no copy is needed). */
function joinChunks(chunks: Bytes[]): Bytes {
  return chunks.length === 1 ? chunks[0] : concat(chunks);
}

/** A document's top-level blocks as scanned: block k starts at starts[k]; its headings and references begin at
 * headings[headingAt[k]] and refLog[refAt[k]] (and run to the next block's). */
export interface TopBlocks {
  bytes: Bytes;
  starts: number[];
  headingAt: number[];
  refAt: number[];
  headings: Heading[];
  refLog: [string, LinkRef][];
}

export class BlockScanner {
  readonly headings: Heading[] = [];
  readonly refs = new Map<string, LinkRef>();
  private nesting = 0;

  private addHeading(level: number, content: Bytes): void {
    this.headings.push({ level, content, children: [] });
  }

  /**
   * Every link reference definition in document order (id, ref): the incremental parser replays those of the blocks
   * it reuses, so the final map ends up exactly as a full parse leaves it (a later definition overwrites).
   */
  readonly refLog: [string, LinkRef][] = [];

  block(data: Bytes): void {
    if (this.nesting >= MAX_NESTING) return;
    this.nesting++;
    while (data.length > 0) data = data.subarray(this.step(data));
    this.nesting--;
  }

  /**
   * The document's top-level blocks, recorded as {@link TopBlocks} (what a later parse of an edited text reuses).
   * `reuse(pos)` is asked at each top-level block start: when it hands back an earlier parse and its block index,
   * that parse's blocks from there on are taken as they are (their headings and references included) and scanning
   * stops. It must only do so where the rest of the text is byte-identical to that parse's rest: the blocks from a
   * top-level start on depend on nothing but the bytes from there to the end.
   */
  scanTop(root: Bytes, reuse?: (pos: number) => { from: TopBlocks; index: number } | undefined): TopBlocks {
    const out: TopBlocks = { bytes: root, starts: [], headingAt: [], refAt: [], headings: this.headings, refLog: this.refLog };
    if (this.nesting >= MAX_NESTING) return out;
    this.nesting++;
    let pos = 0;
    while (pos < root.length) {
      const hit = reuse?.(pos);
      if (hit) {
        const { from, index } = hit;
        const shift = pos - from.starts[index];
        for (let k = index; k < from.starts.length; k++) {
          out.starts.push(from.starts[k] + shift);
          out.headingAt.push(this.headings.length + from.headingAt[k] - from.headingAt[index]);
          out.refAt.push(this.refLog.length + from.refAt[k] - from.refAt[index]);
        }
        // Byte slices of the earlier text move onto this one (same bytes, shifted), so no old text stays alive
        // through them; slices of joined nested content (list items, quotes) are buffers of their own and stay.
        const rebase = (b: Bytes): Bytes => {
          if (b.buffer !== from.bytes.buffer) return b;
          const at = b.byteOffset - from.bytes.byteOffset + shift;
          return root.subarray(at, at + b.length);
        };
        // Fresh heading objects: inline parsing writes their children, and the earlier result may still be in use.
        for (let k = from.headingAt[index]; k < from.headings.length; k++) {
          const h = from.headings[k];
          this.headings.push({ level: h.level, content: rebase(h.content), children: [] });
        }
        for (let k = from.refAt[index]; k < from.refLog.length; k++) {
          const [id, ref] = from.refLog[k];
          const moved: LinkRef = { link: rebase(ref.link), title: rebase(ref.title) };
          this.refs.set(id, moved);
          this.refLog.push([id, moved]);
        }
        break;
      }
      out.starts.push(pos);
      out.headingAt.push(this.headings.length);
      out.refAt.push(this.refLog.length);
      pos += this.step(root.subarray(pos));
    }
    this.nesting--;
    return out;
  }

  /** One iteration of gomarkdown's block loop: the length of the block at the start of data. */
  private step(data: Bytes): number {
    let i = mmarkHook(data);
    if (i > 0) return i;
    if (this.isPrefixHeading(data)) return this.prefixHeading(data);
    if (isPrefixSpecialHeading(data)) return this.prefixSpecialHeading(data);
    if (data[0] === 0x3c /* < */ && (i = this.html(data)) > 0) return i;
    if ((i = isEmpty(data)) > 0) return i;
    if (codePrefix(data) > 0) return codeBlock(data);
    if ((i = fencedCodeBlock(data)) > 0) return i;
    if (isHRule(data)) return skipUntilChar(data, 0, NL);
    if (quotePrefix(data) > 0) return this.quote(data);
    if ((i = table(data)) > 0) return i;
    if (uliPrefix(data) > 0) return this.list(data, 0);
    if (oliPrefix(data) > 0) return this.list(data, LIST_ORDERED);
    if (dliPrefix(data) > 0) return this.list(data, LIST_DEFINITION);
    if ((i = blockMath(data)) > 0) return i;
    return this.paragraph(data);
  }

  /** `#`…`######` followed by a space (SpaceHeadings): no space, a tab or seven #s is not a heading. */
  isPrefixHeading(data: Bytes): boolean {
    if (data.length > 0 && data[0] !== 0x23) return false;
    const level = skipCharN(data, 0, 0x23, 6);
    return !(level === data.length || data[level] !== SP);
  }

  private prefixHeading(data: Bytes): number {
    const level = skipCharN(data, 0, 0x23, 6);
    const i = skipChar(data, level, SP);
    const { end, skip } = headingEnd(data, i);
    if (end > i) this.addHeading(level, data.subarray(i, end));
    return skip;
  }

  private prefixSpecialHeading(data: Bytes): number {
    const i = skipChar(data, 2, SP);
    const { end, skip } = headingEnd(data, i);
    // `.# Abstract` is an mmark "special" heading; gomarkdown's guard for the Mmark extension is always true, so it
    // is parsed (always level 1) even though mdtoc does not enable Mmark.
    if (end > i) this.addHeading(1, data.subarray(i, end));
    return skip;
  }

  /** Block-level HTML: a block tag up to its closing tag followed by a blank line, a comment, or an `<hr>`. */
  private html(data: Bytes): number {
    const tag = htmlFindTag(data.subarray(1));
    if (tag === undefined) {
      const c = htmlComment(data);
      if (c > 0) return c;
      return htmlHr(data);
    }
    // `ins` and `del` never close (Markdown.pl compatibility), so they are not HTML blocks at all.
    if (tag === 'ins' || tag === 'del') return 0;
    let i = 1;
    while (i < data.length) {
      i++;
      while (i < data.length && !(data[i - 1] === 0x3c && data[i] === 0x2f)) i++;
      if (i + 2 + tag.length >= data.length) break;
      const j = htmlFindEnd(tag, data.subarray(i - 1));
      if (j > 0) return i + j - 1;
    }
    return 0;
  }

  private quote(data: Bytes): number {
    const raw: Bytes[] = [];
    let beg = 0;
    let end = 0;
    while (beg < data.length) {
      end = beg;
      // A fenced code block inside the quote is taken whole, whatever its lines look like.
      while (end < data.length && data[end] !== NL) {
        const i = mayStartFence(data, end) ? fencedCodeBlock(data.subarray(end)) : 0;
        if (i > 0) {
          end += i - 1;
          break;
        }
        end++;
      }
      end = skipCharN(data, end, NL, 1);
      const pre = quotePrefix(data.subarray(beg));
      if (pre > 0) beg += pre;
      else if (terminateBlockquote(data, beg, end)) break;
      raw.push(data.subarray(beg, end));
      beg = end;
    }
    this.block(joinChunks(raw));
    return end;
  }

  private list(data: Bytes, listType: number): number {
    let i = 0;
    const flags = { v: listType | ITEM_BEGINNING };
    while (i < data.length) {
      const skip = this.listItem(data.subarray(i), flags);
      i += skip;
      if (skip === 0 || (flags.v & ITEM_END) !== 0) break;
      flags.v &= ~ITEM_BEGINNING;
    }
    return i;
  }

  private listItem(data: Bytes, flags: { v: number }): number {
    let itemIndent = 0;
    if (data[0] === TAB) itemIndent += 4;
    else while (itemIndent < 3 && data[itemIndent] === SP) itemIndent++;

    let i = uliPrefix(data);
    if (i === 0) i = oliPrefix(data);
    if (i === 0) {
      i = dliPrefix(data);
      if (i > 0) flags.v &= ~LIST_TERM;
    }
    if (i === 0) {
      if ((flags.v & LIST_DEFINITION) !== 0) flags.v |= LIST_TERM;
      else return 0;
    }

    i = skipChar(data, i, SP);
    let line = i;
    // First i' >= i with data[i' - 1] === NL (else data.length), found natively.
    if (i > 0 && i < data.length) i = lineEndAfter(data, i);
    const raw: Bytes[] = [data.subarray(line, i)];
    let rawLen = i - line;
    line = i;

    let containsBlankLine = false;
    let sublist = 0;
    gather: while (line < data.length) {
      i++;
      if (i < data.length) i = lineEndAfter(data, i);

      // A blank line may still belong to this item: decided by the next non-blank line.
      if (isEmpty(data.subarray(line, i)) > 0) {
        containsBlankLine = true;
        line = i;
        continue;
      }

      let indent = 0;
      let indentIndex = 0;
      if (data[line] === TAB) {
        indentIndex++;
        indent += 4;
      } else {
        while (indent < 4 && line + indent < i && data[line + indent] === SP) {
          indent++;
          indentIndex++;
        }
      }
      let chunk = data.subarray(line + indentIndex, i);

      // An unindented fence line ends the list.
      if (isFenceLine(chunk, '').end > 0 && indent === 0) {
        flags.v |= ITEM_END;
        break gather;
      }

      if ((uliPrefix(chunk) > 0 && !isHRule(chunk)) || oliPrefix(chunk) > 0 || dliPrefix(chunk) > 0) {
        // A nested item indented 4+ keeps (leading spaces + 1) of its indentation.
        if (indentIndex >= 4 && dliPrefix(chunk) <= 0) {
          const leadingWhiteSpaces = skipChar(chunk, 0, SP);
          chunk = data.subarray(line + indentIndex - (leadingWhiteSpaces + 1), i);
        }
        if (indent <= itemIndent) {
          if (listTypeChanged(chunk, flags.v)) flags.v |= ITEM_END;
          else if (containsBlankLine) flags.v |= ITEM_CONTAINS_BLOCK;
          break gather;
        }
        if (containsBlankLine) flags.v |= ITEM_CONTAINS_BLOCK;
        if (sublist === 0) {
          sublist = rawLen;
          if (dliPrefix(chunk) > 0) {
            const joined = concat(raw);
            sublist = backUntilChar(joined, joined.length - 1, NL);
          }
        }
      } else if (this.isPrefixHeading(chunk) || isPrefixSpecialHeading(chunk)) {
        // A heading line inside an item makes the item's content a block (so the heading is a real heading),
        // unless it follows a blank line unindented, which ends the list.
        if (containsBlankLine && indent < 4) {
          flags.v |= ITEM_END;
          break gather;
        }
        flags.v |= ITEM_CONTAINS_BLOCK;
      } else if (containsBlankLine && indent < 4) {
        if ((flags.v & LIST_DEFINITION) !== 0 && i < data.length - 1) {
          let next = skipUntilChar(data, i, NL);
          while (next < data.length - 1 && data[next] === NL) next++;
          if (i < data.length - 1 && data[i] !== 0x3a && next < data.length - 1 && data[next] !== 0x3a) flags.v |= ITEM_END;
        } else {
          flags.v |= ITEM_END;
        }
        break gather;
      } else if (containsBlankLine) {
        raw.push(NEWLINE);
        rawLen++;
        flags.v |= ITEM_CONTAINS_BLOCK;
      }

      if (containsBlankLine) {
        containsBlankLine = false;
        raw.push(NEWLINE);
        rawLen++;
      }
      raw.push(chunk);
      rawLen += chunk.length;
      line = i;
    }

    if ((flags.v & ITEM_CONTAINS_BLOCK) !== 0 && (flags.v & LIST_TERM) === 0) {
      const rawBytes = joinChunks(raw);
      if (sublist > 0) {
        this.block(rawBytes.subarray(0, sublist));
        this.block(rawBytes.subarray(sublist));
      } else {
        this.block(rawBytes);
      }
    } else if (sublist > 0) {
      // The item's own text is a paragraph (never a heading); only a nested list is parsed as blocks.
      this.block(joinChunks(raw).subarray(sublist));
    }
    return line;
  }

  private paragraph(data: Bytes): number {
    let prev = 0;
    let line = 0;
    let i = 0;
    while (i < data.length) {
      prev = line;
      const current = data.subarray(i);
      line = i;

      const refEnd = this.isReference(current);
      if (refEnd > 0) return i + refEnd;

      const n = isEmpty(current);
      if (n > 0) {
        // A blank line followed by ':' turns the previous line into a definition term.
        if (i < data.length - 1 && data[i + 1] === 0x3a) return prev + this.list(data.subarray(prev), LIST_DEFINITION);
        return i + n;
      }

      if (i > 0) {
        const level = isUnderlinedHeading(current);
        if (level > 0) {
          let eol = i - 1;
          while (prev < eol && data[prev] === SP) prev++;
          while (eol > prev && data[eol - 1] === SP) eol--;
          this.addHeading(level, data.subarray(prev, eol));
          return skipUntilChar(data, i, NL);
        }
      }

      if (this.isPrefixHeading(current) || isPrefixSpecialHeading(current) || isHRule(current)) return i;
      if (quotePrefix(current) > 0) return i;
      if (fencedCodeBlock(current) > 0) return i;
      if (tableHeader(current) > 0) return i;
      if (dliPrefix(current) !== 0) return prev + this.list(data.subarray(prev), LIST_DEFINITION);

      const nl = data.indexOf(NL, i);
      i = nl >= 0 ? nl + 1 : data.length;
    }
    return i;
  }

  /** A link reference definition `[id]: url "title"` at the start of data; records it and returns its length. */
  private isReference(data: Bytes): number {
    if (data.length < 4) return 0;
    let i = 0;
    while (i < 3 && data[i] === SP) i++;
    if (data[i] !== 0x5b) return 0;
    i++;
    const idOffset = i;
    while (i < data.length && data[i] !== NL && data[i] !== 13 && data[i] !== 0x5d) i++;
    if (i >= data.length || data[i] !== 0x5d) return 0;
    const idEnd = i;
    if (idOffset === idEnd) return 0;
    i++;
    if (i >= data.length || data[i] !== 0x3a) return 0;
    i++;
    while (i < data.length && (data[i] === SP || data[i] === TAB)) i++;
    if (i < data.length && (data[i] === NL || data[i] === 13)) {
      i++;
      if (i < data.length && data[i] === NL && data[i - 1] === 13) i++;
    }
    while (i < data.length && (data[i] === SP || data[i] === TAB)) i++;
    if (i >= data.length) return 0;

    const r = scanLinkRef(data, i);
    if (r.lineEnd === 0) return 0;
    const id = goToLower(str(data.subarray(idOffset, idEnd)));
    const ref: LinkRef = { link: data.subarray(r.linkOffset, r.linkEnd), title: data.subarray(r.titleOffset, r.titleEnd) };
    this.refs.set(id, ref);
    this.refLog.push([id, ref]);
    return r.lineEnd;
  }
}
