/**
 * The table-of-contents check of `hack/verify-toc.sh` (kubernetes-sigs/mdtoc v1.4.0 with `--inplace --dryrun
 * --max-depth=5`), reproduced byte for byte as a pure function of a file's text. See docs in kep.md §3.2.
 *
 * mdtoc finds headings with gomarkdown (commit 4d01890c35c0, `parser.CommonExtensions`) plus mmark v2.0.40's parser
 * hook, renders each heading's inline content with gomarkdown's HTML renderer and derives an anchor from its text.
 * Matching its verdict on every real KEP means matching gomarkdown's quirks too, not CommonMark or GitHub: e.g. a
 * `---` line swallows everything up to the next `---` (mmark's title hook), `$…$` in a heading is math, a list item
 * can hold a heading, `.# x` is a level-1 heading. So this file contains an independent re-implementation of just
 * the parts of that parser that decide *which* headings exist and *what* their inline content is.
 *
 * The parser works on UTF-8 bytes, as Go does: every length and bounds test then behaves like gomarkdown's.
 * Layout: 1. public API · 2. block scanner (collects headings and link reference definitions) · 3. inline parser
 * (heading content → nodes) · 4. HTML renderer and anchors · 5. small Go-compatible helpers.
 */
import { goToLower } from '../gostrings';

// ───────────────────────────────────────── 1. Public API ─────────────────────────────────────────

/** mdtoc's tags, as it writes them; it finds them with a case-insensitive regex (`(?i)<!-- toc -->`). */
export const TOC_START_TAG = '<!-- toc -->';
export const TOC_END_TAG = '<!-- /toc -->';
/** `hack/verify-toc.sh` passes `--max-depth=5` (mdtoc's own default would be 6). */
export const VERIFY_TOC_MAX_DEPTH = 5;

export interface TocOptions {
  /** Deepest heading level listed; 0 or less = no limit. Default 5, as in `hack/verify-toc.sh`. */
  maxDepth?: number;
  /** Only headings after the closing tag count (mdtoc's `--skip-prefix`, default true). */
  skipPrefix?: boolean;
}

export type TocTagError = 'missing-start' | 'missing-end' | 'end-before-start';

/** Offsets are UTF-16 offsets into the text (like JS strings and LSP). */
export interface TocTags {
  /** Offset of the first `<!-- toc -->` match, or -1. */
  start: number;
  /** Offset of the first `<!-- /toc -->` match, or -1. */
  end: number;
}

export type TocCheck =
  | { kind: 'ok'; tags: TocTags; generated: string }
  | {
      kind: 'stale';
      tags: TocTags;
      /** The TOC mdtoc generates (each line ends with "\n"; empty when there is no heading). */
      generated: string;
      /** The text between the tags, i.e. from just after `<!-- toc -->` to the start of `<!-- /toc -->`. */
      existingRange: { start: number; end: number };
    }
  | { kind: 'error'; error: TocTagError; message: string; tags: TocTags };

/** A replacement of text[start, end) by newText. */
export interface TocEdit {
  start: number;
  end: number;
  newText: string;
}

const START_RE = /<!-- toc -->/i;
const END_RE = /<!-- \/toc -->/i;

/** The first match of each tag anywhere in the raw text: a plain regex search, so tags inside code blocks count. */
export function findTocTags(text: string): TocTags {
  const s = START_RE.exec(text);
  const e = END_RE.exec(text);
  return { start: s ? s.index : -1, end: e ? e.index : -1 };
}

/** mdtoc's error strings (`WriteTOC`), kept verbatim so users can match them with CI logs. */
export const TOC_ERROR_MESSAGES: Record<TocTagError, string> = {
  'missing-start': 'missing opening TOC tag',
  'missing-end': 'missing closing TOC tag',
  'end-before-start': 'TOC closing tag before start tag',
};

/** mdtoc `GenerateTOC`: the TOC of a whole markdown document (every heading in it counts). */
export function generateToc(markdown: string, opts: TocOptions = {}): string {
  const maxDepth = opts.maxDepth ?? VERIFY_TOC_MAX_DEPTH;
  const headings = parseHeadings(markdown);
  let baseLvl = Number.MAX_SAFE_INTEGER;
  for (const h of headings) if (h.level < baseLvl) baseLvl = h.level;
  const anchors = new Map<string, number>();
  let toc = '';
  for (const h of headings) {
    if (maxDepth > 0 && h.level > maxDepth) continue;
    // Anchors are de-duplicated only among listed headings: mdtoc makes them after the depth filter.
    const anchor = makeAnchor(anchors, headingText(h.children));
    toc += '  '.repeat(h.level - baseLvl) + '- [' + goTrimSpace(renderInlines(h.children)) + '](#' + anchor + ')\n';
  }
  return toc;
}

/** The document mdtoc takes its headings from: with skip-prefix, everything from the closing tag on. */
function headingSource(text: string, tags: TocTags, opts: TocOptions): string {
  return opts.skipPrefix === false ? text : text.slice(tags.end);
}

/** mdtoc `WriteTOC` in `--dryrun` mode: ok, stale (with what it would write) or a tag error. */
export function checkToc(text: string, opts: TocOptions = {}): TocCheck {
  const tags = findTocTags(text);
  const error: TocTagError | undefined =
    tags.start === -1 ? 'missing-start' : tags.end === -1 ? 'missing-end' : tags.end < tags.start ? 'end-before-start' : undefined;
  if (error) return { kind: 'error', error, message: TOC_ERROR_MESSAGES[error], tags };
  const generated = generateToc(headingSource(text, tags, opts), opts);
  const existingRange = { start: tags.start + TOC_START_TAG.length, end: tags.end };
  // mdtoc compares after strings.TrimSpace on both sides, so blank lines around the list never matter.
  if (goTrimSpace(text.slice(existingRange.start, existingRange.end)) === goTrimSpace(generated)) {
    return { kind: 'ok', tags, generated };
  }
  return { kind: 'stale', tags, generated, existingRange };
}

/**
 * The edit that makes the text byte-identical to what `mdtoc --inplace` writes: everything between the tags becomes
 * "\n" + generated TOC (whose lines each end in "\n", so `<!-- /toc -->` starts a line). Null when mdtoc would not
 * write (the TOC is up to date, or the tags are missing or out of order).
 */
export function regenerateTocEdit(text: string, opts: TocOptions = {}): TocEdit | null {
  const check = checkToc(text, opts);
  if (check.kind !== 'stale') return null;
  return { start: check.existingRange.start, end: check.existingRange.end, newText: '\n' + check.generated };
}

// ───────────────────────────── 2. Block scanner (gomarkdown parser/block.go) ─────────────────────────────

type Bytes = Uint8Array;

interface Heading {
  level: number;
  content: Bytes;
  children: Inline[];
}

interface LinkRef {
  link: Bytes;
  title: Bytes;
}

const NL = 10;
const SP = 32;
const TAB = 9;
const MAX_NESTING = 16; // gomarkdown's maxNesting, shared by block and inline recursion

// List flags (ast.ListType); the values only need to be distinct bits.
const LIST_ORDERED = 1 << 0;
const LIST_DEFINITION = 1 << 1;
const LIST_TERM = 1 << 2;
const ITEM_CONTAINS_BLOCK = 1 << 3;
const ITEM_BEGINNING = 1 << 4;
const ITEM_END = 1 << 5;

/** gomarkdown's blockTags: an HTML block starts only with one of these (lower-case, exact). */
const BLOCK_TAGS = new Set(
  (
    'blockquote del dd div dl dt fieldset form h1 h2 h3 h4 h5 h6 iframe ins li math noscript ol pre p script style ' +
    'table ul address article aside canvas details dialog figcaption figure footer header hgroup main nav output ' +
    'progress section video'
  ).split(' '),
);

const encoder = new TextEncoder();
const decoder = new TextDecoder();
/** UTF-8 → string; short ASCII slices (most heading words) skip TextDecoder, whose per-call cost dominates. */
function str(b: Bytes): string {
  if (b.length > 32) return decoder.decode(b);
  let s = '';
  for (let k = 0; k < b.length; k++) {
    if (b[k] >= 0x80) return decoder.decode(b);
    s += String.fromCharCode(b[k]);
  }
  return s;
}
const bytesOf = (s: string): Bytes => encoder.encode(s);

function concat(chunks: Bytes[]): Bytes {
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

/** All headings of a document in tree order, with their inline content parsed. Title blocks never occur here. */
function parseHeadings(markdown: string): Heading[] {
  const parser = new BlockScanner();
  // Parse() normalises CR and CRLF to LF before anything else.
  parser.block(bytesOf(markdown.replace(/\r\n?/g, '\n')));
  // Inline content is parsed after all blocks, so link references defined later in the file already resolve.
  const inline = new InlineParser(parser.refs);
  for (const h of parser.headings) h.children = inline.parse(h.content);
  return parser.headings;
}

class BlockScanner {
  readonly headings: Heading[] = [];
  readonly refs = new Map<string, LinkRef>();
  private nesting = 0;

  private addHeading(level: number, content: Bytes): void {
    this.headings.push({ level, content, children: [] });
  }

  block(data: Bytes): void {
    if (this.nesting >= MAX_NESTING) return;
    this.nesting++;
    while (data.length > 0) {
      let i = mmarkHook(data);
      if (i > 0) {
        data = data.subarray(i);
        continue;
      }
      if (this.isPrefixHeading(data)) {
        data = data.subarray(this.prefixHeading(data));
        continue;
      }
      if (isPrefixSpecialHeading(data)) {
        data = data.subarray(this.prefixSpecialHeading(data));
        continue;
      }
      if (data[0] === 0x3c /* < */ && (i = this.html(data)) > 0) {
        data = data.subarray(i);
        continue;
      }
      if ((i = isEmpty(data)) > 0) {
        data = data.subarray(i);
        continue;
      }
      if (codePrefix(data) > 0) {
        data = data.subarray(codeBlock(data));
        continue;
      }
      if ((i = fencedCodeBlock(data)) > 0) {
        data = data.subarray(i);
        continue;
      }
      if (isHRule(data)) {
        data = data.subarray(skipUntilChar(data, 0, NL));
        continue;
      }
      if (quotePrefix(data) > 0) {
        data = data.subarray(this.quote(data));
        continue;
      }
      if ((i = table(data)) > 0) {
        data = data.subarray(i);
        continue;
      }
      if (uliPrefix(data) > 0) {
        data = data.subarray(this.list(data, 0));
        continue;
      }
      if (oliPrefix(data) > 0) {
        data = data.subarray(this.list(data, LIST_ORDERED));
        continue;
      }
      if (dliPrefix(data) > 0) {
        data = data.subarray(this.list(data, LIST_DEFINITION));
        continue;
      }
      if ((i = blockMath(data)) > 0) {
        data = data.subarray(i);
        continue;
      }
      data = data.subarray(this.paragraph(data));
    }
    this.nesting--;
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
    this.block(concat(raw));
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
    while (i > 0 && i < data.length && data[i - 1] !== NL) i++;
    const raw: Bytes[] = [data.subarray(line, i)];
    let rawLen = i - line;
    line = i;

    let containsBlankLine = false;
    let sublist = 0;
    gather: while (line < data.length) {
      i++;
      while (i < data.length && data[i - 1] !== NL) i++;

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

    const rawBytes = concat(raw);
    if ((flags.v & ITEM_CONTAINS_BLOCK) !== 0 && (flags.v & LIST_TERM) === 0) {
      if (sublist > 0) {
        this.block(rawBytes.subarray(0, sublist));
        this.block(rawBytes.subarray(sublist));
      } else {
        this.block(rawBytes);
      }
    } else if (sublist > 0) {
      // The item's own text is a paragraph (never a heading); only a nested list is parsed as blocks.
      this.block(rawBytes.subarray(sublist));
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
    this.refs.set(goToLower(str(data.subarray(idOffset, idEnd))), {
      link: data.subarray(r.linkOffset, r.linkEnd),
      title: data.subarray(r.titleOffset, r.titleEnd),
    });
    return r.lineEnd;
  }
}

const NEWLINE = new Uint8Array([NL]);

/**
 * mmark's parser hook, tried at the start of every block. TitleHook: a block starting with `---` or `%%%` runs to
 * the next occurrence of the same three characters *anywhere* (mid-line too) and everything between is dropped.
 * ReferenceHook: `<reference ` runs to `</reference>` (or to the end). Returns the bytes consumed.
 */
function mmarkHook(data: Bytes): number {
  if (data.length >= 3) {
    const c = data[0];
    if ((c === 0x25 || c === 0x2d) && data[1] === c && data[2] === c) {
      for (let i = 3; i < data.length; i++) {
        if (data[i] === c) {
          // Go reads data[i+1] and data[i+2] unguarded: past the end it would panic (mdtoc crashes).
          if (i + 1 >= data.length || (data[i + 1] === c && i + 2 >= data.length)) throw new GoPanic('index out of range in mmark TitleHook');
          if (data[i + 1] === c && data[i + 2] === c) return i + 3;
        }
      }
    }
  }
  if (startsWith(data, REFERENCE_OPEN)) {
    let i = 12;
    while (i < data.length && !endsWithAt(data, i, REFERENCE_CLOSE)) i++;
    if (i <= data.length) return i;
  }
  return 0;
}

const REFERENCE_OPEN = bytesOf('<reference ');
const REFERENCE_CLOSE = bytesOf('</reference>');

function startsWith(data: Bytes, prefix: Bytes): boolean {
  if (data.length < prefix.length) return false;
  for (let k = 0; k < prefix.length; k++) if (data[k] !== prefix[k]) return false;
  return true;
}

/** True when data[i - s.length, i) equals s. */
function endsWithAt(data: Bytes, i: number, s: Bytes): boolean {
  const from = i - s.length;
  if (from < 0) return false;
  for (let k = 0; k < s.length; k++) if (data[from + k] !== s[k]) return false;
  return true;
}

/** Thrown where gomarkdown would panic; checkToc callers see it as an mdtoc crash. */
export class GoPanic extends Error {}

/** End of an ATX heading's text: strips a `{#id}` (and resumes parsing after its `}`), closing #s and spaces. */
function headingEnd(data: Bytes, i: number): { end: number; skip: number } {
  let end = skipUntilChar(data, i, NL);
  let skip = end;
  let j = i;
  while (j < end - 1 && (data[j] !== 0x7b || data[j + 1] !== 0x23)) j++;
  let k = j + 1;
  while (k < end && data[k] !== 0x7d) k++;
  if (j < end && k < end) {
    end = j;
    skip = k + 1;
    while (end > 0 && data[end - 1] === SP) end--;
  }
  while (end > 0 && data[end - 1] === 0x23) {
    if (isBackslashEscaped(data, end - 1)) break;
    end--;
  }
  while (end > 0 && data[end - 1] === SP) end--;
  return { end, skip };
}

function isPrefixSpecialHeading(data: Bytes): boolean {
  return data.length >= 4 && data[0] === 0x2e && data[1] === 0x23 && data[2] !== 0x23 && data[2] === SP;
}

function isUnderlinedHeading(data: Bytes): number {
  const c = data[0];
  if (c !== 0x3d && c !== 0x2d) return 0;
  let i = skipChar(data, 1, c);
  i = skipChar(data, i, SP);
  return i < data.length && data[i] === NL ? (c === 0x3d ? 1 : 2) : 0;
}

function htmlFindTag(data: Bytes): string | undefined {
  const i = skipAlnum(data, 0);
  const key = str(data.subarray(0, i));
  return BLOCK_TAGS.has(key) ? key : undefined;
}

/** `</tag>` alone on its line and followed by a blank line (or the end). */
function htmlFindEnd(tag: string, data: Bytes): number {
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
function htmlComment(data: Bytes): number {
  const i = inlineHTMLComment(data);
  const j = isEmpty(data.subarray(i));
  return j > 0 ? i + j : 0;
}

function inlineHTMLComment(data: Bytes): number {
  if (data.length < 5) return 0;
  if (data[0] !== 0x3c || data[1] !== 0x21 || data[2] !== 0x2d || data[3] !== 0x2d) return 0;
  let i = 5;
  while (i < data.length && !(data[i - 2] === 0x2d && data[i - 1] === 0x2d && data[i] === 0x3e)) i++;
  if (i >= data.length) return 0;
  return i + 1;
}

function htmlHr(data: Bytes): number {
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

/** Length of a blank line (spaces/tabs and its newline) at the start of data, or 0. */
function isEmpty(data: Bytes): number {
  if (data.length === 0) return 0;
  let i = 0;
  for (; i < data.length && data[i] !== NL; i++) if (data[i] !== SP && data[i] !== TAB) return 0;
  return skipCharN(data, i, NL, 1);
}

function isHRule(data: Bytes): boolean {
  let i = 0;
  while (i < 3 && data[i] === SP) i++;
  const c = data[i];
  if (c !== 0x2a && c !== 0x2d && c !== 0x5f) return false;
  let n = 0;
  for (; i < data.length && data[i] !== NL; i++) {
    if (data[i] === c) n++;
    else if (data[i] !== SP) return false;
  }
  return n >= 3;
}

/**
 * A fence line (``` or ~~~, 3+ chars, up to 3 spaces before). With oldMarker set it must be exactly that marker
 * (a closing fence of another length does not close). Returns the end index (after the newline) or 0.
 */
function isFenceLine(data: Bytes, oldMarker: string): { end: number; marker: string } {
  const n = data.length;
  let i = 0;
  while (i < n && i < 3 && data[i] === SP) i++;
  if (i >= n) return { end: 0, marker: '' };
  const c = data[i];
  if (c !== 0x7e && c !== 0x60) return { end: 0, marker: '' };
  let size = 0;
  while (i < n && data[i] === c) {
    size++;
    i++;
  }
  if (size < 3) return { end: 0, marker: '' };
  const marker = String.fromCharCode(c).repeat(size);
  if (oldMarker !== '' && marker !== oldMarker) return { end: 0, marker: '' };
  if (oldMarker === '') {
    i = skipChar(data, i, SP);
    if (i >= n) return i === n ? { end: i, marker } : { end: 0, marker: '' };
    const syntax = syntaxRange(data, i);
    if (syntax.start === 0 && syntax.len === 0) return { end: 0, marker: '' };
    i = syntax.next;
  }
  i = skipChar(data, i, SP);
  if (i >= n || data[i] !== NL) return i === n ? { end: i, marker } : { end: 0, marker: '' };
  return { end: i + 1, marker };
}

/** The info string after an opening fence: `{…}` on the line, or a run of non-space bytes. */
function syntaxRange(data: Bytes, i: number): { start: number; len: number; next: number } {
  const n = data.length;
  let syn = 0;
  let start = i;
  if (data[i] === 0x7b) {
    i++;
    start++;
    while (i < n && data[i] !== 0x7d && data[i] !== NL) {
      syn++;
      i++;
    }
    if (i >= n || data[i] !== 0x7d) return { start: 0, len: 0, next: i };
    while (syn > 0 && isSpace(data[start])) {
      start++;
      syn--;
    }
    while (syn > 0 && isSpace(data[start + syn - 1])) syn--;
    i++;
  } else {
    while (i < n && !isSpace(data[i])) {
      syn++;
      i++;
    }
  }
  return { start, len: syn, next: i };
}

/** Cheap pre-test for isFenceLine at data[at] (up to 3 spaces, then ` or ~), to avoid a slice per byte. */
function mayStartFence(data: Bytes, at: number): boolean {
  let i = at;
  while (i < at + 3 && data[i] === SP) i++;
  return data[i] === 0x60 || data[i] === 0x7e;
}

/** Length of a fenced code block at the start of data, or 0 (also 0 when it is never closed). */
function fencedCodeBlock(data: Bytes): number {
  const open = isFenceLine(data, '');
  let beg = open.end;
  if (beg === 0 || beg >= data.length) return 0;
  for (;;) {
    const close = isFenceLine(data.subarray(beg), open.marker).end;
    if (close !== 0) return beg + close;
    const end = skipUntilChar(data, beg, NL) + 1;
    if (end >= data.length) return 0;
    beg = end;
  }
}

function quotePrefix(data: Bytes): number {
  const n = data.length;
  let i = 0;
  while (i < 3 && i < n && data[i] === SP) i++;
  if (i < n && data[i] === 0x3e) return i + 1 < n && data[i + 1] === SP ? i + 2 : i + 1;
  return 0;
}

function terminateBlockquote(data: Bytes, beg: number, end: number): boolean {
  if (isEmpty(data.subarray(beg)) <= 0) return false;
  if (end >= data.length) return true;
  return quotePrefix(data.subarray(end)) === 0 && isEmpty(data.subarray(end)) === 0;
}

function codePrefix(data: Bytes): number {
  const n = data.length;
  if (n >= 1 && data[0] === TAB) return 1;
  if (n >= 4 && data[0] === SP && data[1] === SP && data[2] === SP && data[3] === SP) return 4;
  return 0;
}

/** Length of an indented code block: indented or blank lines. */
function codeBlock(data: Bytes): number {
  let i = 0;
  while (i < data.length) {
    const beg = i;
    i = skipUntilChar(data, i, NL);
    i = skipCharN(data, i, NL, 1);
    const line = data.subarray(beg, i);
    if (codePrefix(line) === 0 && isEmpty(line) === 0) return beg;
  }
  return i;
}

function uliPrefix(data: Bytes): number {
  const i = skipCharN(data, 0, SP, 3);
  if (i >= data.length - 1) return 0;
  const c = data[i];
  if ((c !== 0x2a && c !== 0x2b && c !== 0x2d) || (data[i + 1] !== SP && data[i + 1] !== TAB)) return 0;
  return i + 2;
}

function oliPrefix(data: Bytes): number {
  let i = skipCharN(data, 0, SP, 3);
  const start = i;
  while (i < data.length && data[i] >= 0x30 && data[i] <= 0x39) i++;
  if (start === i || i >= data.length - 1) return 0;
  if ((data[i] !== 0x2e && data[i] !== 0x29) || !(data[i + 1] === SP || data[i + 1] === TAB)) return 0;
  return i + 2;
}

function dliPrefix(data: Bytes): number {
  if (data.length < 2) return 0;
  if (data[0] !== 0x3a || !(data[1] === SP || data[1] === TAB)) return 0;
  return 2;
}

function listTypeChanged(data: Bytes, flags: number): boolean {
  if (dliPrefix(data) > 0 && (flags & LIST_DEFINITION) === 0) return true;
  if (oliPrefix(data) > 0 && (flags & LIST_ORDERED) === 0) return true;
  return uliPrefix(data) > 0 && ((flags & LIST_ORDERED) !== 0 || (flags & LIST_DEFINITION) !== 0);
}

/** `$$ … $$` display math: everything up to the next `$$`, anywhere. */
function blockMath(data: Bytes): number {
  if (data.length <= 4 || data[0] !== 0x24 || data[1] !== 0x24 || data[2] === 0x24) return 0;
  let end = 2;
  while (end + 1 < data.length && (data[end] !== 0x24 || data[end + 1] !== 0x24)) end++;
  if (end + 1 === data.length) return 0;
  return end + 2;
}

/** Length of a pipe table (header, delimiter row, rows with a `|`, optional `Table: ` caption), or 0. */
function table(data: Bytes): number {
  let i = tableHeader(data);
  if (i === 0) return 0;
  while (i < data.length) {
    let pipes = 0;
    const rowStart = i;
    for (; i < data.length && data[i] !== NL; i++) if (data[i] === 0x7c) pipes++;
    if (pipes === 0) {
      i = rowStart;
      break;
    }
    i = skipCharN(data, i, NL, 1);
  }
  return i + tableCaption(data.subarray(i));
}

const TABLE_CAPTION = bytesOf('Table: ');

function tableCaption(data: Bytes): number {
  if (!startsWith(data, TABLE_CAPTION)) return 0;
  const rest = data.subarray(TABLE_CAPTION.length);
  let line = 0;
  let i = 0;
  while (line < rest.length) {
    i++;
    while (i < rest.length && rest[i - 1] !== NL) i++;
    if (isEmpty(rest.subarray(line, i)) === 0) {
      line = i;
      continue;
    }
    break;
  }
  return i + TABLE_CAPTION.length;
}

/** Length of a table's header and delimiter rows, or 0 if data does not start a table. */
function tableHeader(data: Bytes): number {
  let i = 0;
  let colCount = 1;
  let headerIsUnderline = true;
  let headerIsWithEmptyFields = true;
  for (i = 0; i < data.length && data[i] !== NL; i++) {
    if (data[i] === 0x60) {
      const code = codeSpanEnd(data.subarray(i));
      if (code > 0) i += code - 1;
    }
    const c = data[i];
    if (c === 0x7c && !isBackslashEscaped(data, i)) colCount++;
    if (c !== 0x2d && c !== SP && c !== 0x3a && c !== 0x7c) headerIsUnderline = false;
    if (c !== SP && c !== 0x7c) headerIsWithEmptyFields = false;
  }
  if (colCount === 1) return 0;
  const j = skipCharN(data, i, NL, 1);
  if (data[0] === 0x7c) colCount--;
  let n = j;
  while (n > 0 && (data[n - 1] === NL || data[n - 1] === SP)) n--;
  if (n > 2 && data[n - 1] === 0x7c && !isBackslashEscaped(data, n - 1)) colCount--;
  // A first line that is itself a delimiter row makes a header-less table.
  if (headerIsUnderline && !headerIsWithEmptyFields) i = 0;
  else i++;
  if (i >= data.length) return 0;

  if (data[i] === 0x7c && !isBackslashEscaped(data, i)) i++;
  i = skipChar(data, i, SP);
  let col = 0;
  const len = data.length;
  while (i < len && data[i] !== NL) {
    let dashes = 0;
    if (data[i] === 0x3a) {
      if (col >= colCount) throw new GoPanic('index out of range in table header');
      i++;
      dashes++;
    }
    while (i < len && data[i] === 0x2d) {
      i++;
      dashes++;
    }
    if (i < len && data[i] === 0x3a) {
      if (col >= colCount) throw new GoPanic('index out of range in table header');
      i++;
      dashes++;
    }
    while (i < len && data[i] === SP) i++;
    if (i === len) return 0;
    if (dashes < 1) return 0;
    if (data[i] === 0x7c && !isBackslashEscaped(data, i)) {
      col++;
      i++;
      while (i < len && data[i] === SP) i++;
      if (col >= colCount && i < len && data[i] !== NL) return 0;
    } else if ((data[i] !== 0x7c || isBackslashEscaped(data, i)) && col + 1 < colCount) {
      return 0;
    } else if (data[i] === NL) {
      col++;
    } else {
      return 0;
    }
  }
  if (col !== colCount) return 0;
  return skipCharN(data, i, NL, 1);
}

/** Link reference definition body: `url` or `<url>`, then an optional title on the same or the next line. */
function scanLinkRef(data: Bytes, i: number) {
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

// ───────────────────────────── 3. Inline parser (gomarkdown parser/inline.go) ─────────────────────────────

type Inline =
  | { t: 'text'; s: string }
  | { t: 'code'; s: string }
  | { t: 'html'; s: string }
  | { t: 'math'; s: string }
  | { t: 'break' }
  | { t: 'emph' | 'strong' | 'del'; children: Inline[] }
  | { t: 'link'; dest: string; title: string; children: Inline[] }
  /** title is undefined for an inline image without title (Go: nil), '' for a reference without one. */
  | { t: 'image'; dest: string; title: string | undefined; alt: string };

type Container = { children: Inline[] };
type InlineResult = [consumed: number, node: Inline | null];

const NONE: InlineResult = [0, null];
const text = (b: Bytes): Inline => ({ t: 'text', s: str(b) });

class InlineParser {
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

/** End of the code span opened by the backtick run at data[0] (it may cross lines), or 0 when never closed. */
function codeSpanEnd(data: Bytes): number {
  const nb = skipChar(data, 0, 0x60);
  let i = 0;
  let end = nb;
  for (; end < data.length && i < nb; end++) {
    if (data[end] === 0x60) i++;
    else i = 0;
  }
  return i < nb && end >= data.length ? 0 : end;
}

function codeSpan(data: Bytes): InlineResult {
  const end = codeSpanEnd(data);
  if (end === 0) return NONE;
  const nb = skipChar(data, 0, 0x60);
  let fBegin = nb;
  while (fBegin < end && data[fBegin] === SP) fBegin++;
  let fEnd = end - nb;
  while (fEnd > fBegin && data[fEnd - 1] === SP) fEnd--;
  if (fBegin === fEnd) return [end, null];
  // (A ``` span spanning lines would be a code block; heading content is a single line.)
  return [end, { t: 'code', s: str(data.subarray(fBegin, fEnd)) }];
}

function maybeLineBreak(data: Bytes, offset: number): InlineResult {
  const orig = offset;
  offset = skipChar(data, offset, SP);
  if (offset < data.length && data[offset] === NL) {
    return offset - orig >= 2 ? [offset - orig + 1, { t: 'break' }] : [offset - orig, null];
  }
  return NONE;
}

const ESCAPABLE = new Set(Array.from('\\`*_{}[]()#+-.!:|&<>~^$', (ch) => ch.charCodeAt(0)));

function escape(data: Bytes): InlineResult {
  // A trailing backslash is consumed together with the (absent) next byte: it disappears.
  if (data.length <= 1) return [2, null];
  if (data[1] === NL) return [2, { t: 'break' }]; // BackslashLineBreak
  if (!ESCAPABLE.has(data[1])) return NONE;
  return [2, text(data.subarray(1, 2))];
}

/** `&name;` / `&#n;` / `&#xh;`: `&amp;` becomes "&", numeric references their rune, other names stay literal. */
function entity(data: Bytes): InlineResult {
  let end = skipCharN(data, 1, 0x23, 1);
  end = skipAlnum(data, end);
  if (!(end < data.length && data[end] === 0x3b)) return NONE;
  end++;
  const ent = data.subarray(0, end);
  const s = str(ent);
  if (s === '&amp;') return [end, { t: 'text', s: '&' }];
  if (ent.length < 4) return [end, { t: 'text', s }];
  // gomarkdown looks at ent[2] (not ent[1]) for the 'x', and parses what follows as a number whatever ent[1] is.
  const hex = ent[2] === 0x78 || ent[2] === 0x58;
  const digits = hex ? s.slice(3, -1) : s.slice(2, -1);
  const cp = goParseUint(digits, hex ? 16 : 10);
  if (cp !== undefined) return [end, { t: 'text', s: goRuneString(Number(BigInt.asIntN(32, cp))) }];
  return [end, { t: 'text', s }];
}

function math(data: Bytes): InlineResult {
  if (data.length <= 2 || data[1] === 0x24) return NONE;
  let end = 1;
  while (end < data.length && data[end] !== 0x24) end++;
  if (end === data.length) return NONE;
  return [end + 1, { t: 'math', s: str(data.subarray(1, end)) }];
}

const AUTOLINK_NONE = 0;
const AUTOLINK_NORMAL = 1;
const AUTOLINK_EMAIL = 2;

/** `<`: an autolink `<http://…>` / `<a@b>`, an HTML comment, or raw inline HTML (which gomarkdown keeps verbatim). */
function leftAngle(data: Bytes): InlineResult {
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

const PROTOCOL_PREFIXES = ['http://', 'https://', 'ftp://', 'file://', 'mailto:'].map(bytesOf);

function hasPrefixCaseInsensitive(s: Bytes, prefix: Bytes): boolean {
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
function autoLink(data: Bytes, offset: number): InlineResult {
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

/** Drops each backslash and keeps the byte after it (a trailing backslash is dropped). */
function unescapeText(src: Bytes): string {
  const out: Bytes[] = [];
  let i = 0;
  while (i < src.length) {
    const org = i;
    while (i < src.length && src[i] !== 0x5c) i++;
    if (i > org) out.push(src.subarray(org, i));
    if (i + 1 >= src.length) break;
    out.push(src.subarray(i + 1, i + 2));
    i += 2;
  }
  return str(concat(out));
}

// ───────────────────────────── 4. HTML rendering and anchors (gomarkdown html/renderer.go, mdtoc) ─────────────────────────────

/** gomarkdown's HTML for a heading's inline nodes (RendererOptions{}: no smartypants, no safelink). */
function renderInlines(nodes: Inline[], parentIsLink = false): string {
  let out = '';
  for (const n of nodes) {
    switch (n.t) {
      case 'text':
        // Text directly inside a link is entity-decoded first (EscLink), elsewhere only escaped.
        out += parentIsLink ? escapeHTML(goHtmlUnescape(n.s)) : escapeHTML(n.s);
        break;
      case 'code':
        out += '<code>' + escapeHTML(n.s) + '</code>';
        break;
      case 'html':
        out += n.s;
        break;
      case 'math':
        out += '<span class="math inline">\\(' + escapeHTML(n.s) + '\\)</span>';
        break;
      case 'break':
        out += '<br>\n';
        break;
      case 'emph':
      case 'strong':
      case 'del': {
        const tag = n.t === 'emph' ? 'em' : n.t;
        out += '<' + tag + '>' + renderInlines(n.children) + '</' + tag + '>';
        break;
      }
      case 'link':
        out += '<a href="' + escapeHTML(goHtmlUnescape(n.dest)) + '"';
        if (n.title.length > 0) out += ' title="' + escapeHTML(n.title) + '"';
        out += '>' + renderInlines(n.children, true) + '</a>';
        break;
      case 'image':
        out += '<img src="' + escapeHTML(goHtmlUnescape(n.dest)) + '" alt="' + escapeHTML(n.alt) + '"';
        // Unlike links, images test the title for nil, not for emptiness.
        if (n.title !== undefined) out += ' title="' + escapeHTML(n.title) + '"';
        out += ' />';
        break;
    }
  }
  return out;
}

/** mdtoc's asText: the literals of Text and Code nodes at any depth (link and image text included). */
function headingText(nodes: Inline[]): string {
  let s = '';
  for (const n of nodes) {
    if (n.t === 'text' || n.t === 'code') s += n.s;
    else if (n.t === 'emph' || n.t === 'strong' || n.t === 'del' || n.t === 'link') s += headingText(n.children);
    else if (n.t === 'image') s += n.alt;
  }
  return s;
}

/** mdtoc's mkAnchor: lower-case, drop `[^\w\- ]` (ASCII \w), spaces → '-', then -1, -2 … for repeats. */
function makeAnchor(seen: Map<string, number>, headingTextValue: string): string {
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

function escapeHTML(s: string): string {
  if (!/[&<>"]/.test(s)) return s;
  return s.replace(/[&<>"]/g, (c) => (c === '&' ? '&amp;' : c === '<' ? '&lt;' : c === '>' ? '&gt;' : '&quot;'));
}

// ───────────────────────────── 5. Go-compatible helpers ─────────────────────────────

function skipChar(data: Bytes, i: number, c: number): number {
  while (i < data.length && data[i] === c) i++;
  return i;
}

function skipCharN(data: Bytes, i: number, c: number, max: number): number {
  while (i < data.length && max > 0 && data[i] === c) {
    i++;
    max--;
  }
  return i;
}

function skipUntilChar(data: Bytes, i: number, c: number): number {
  while (i < data.length && data[i] !== c) i++;
  return i;
}

function skipAlnum(data: Bytes, i: number): number {
  while (i < data.length && isAlnum(data[i])) i++;
  return i;
}

function skipSpace(data: Bytes, i: number): number {
  while (i < data.length && isSpace(data[i])) i++;
  return i;
}

function backUntilChar(data: Bytes, i: number, c: number): number {
  while (i > 0 && data[i - 1] !== c) i--;
  return i;
}

function isBackslashEscaped(data: Bytes, i: number): boolean {
  let n = 0;
  while (i - n - 1 >= 0 && data[i - n - 1] === 0x5c) n++;
  return (n & 1) === 1;
}

/** gomarkdown's IsSpace (ASCII only): space, \t, \n, \r, \f, \v. */
function isSpace(c: number): boolean {
  return c === SP || c === TAB || c === NL || c === 13 || c === 12 || c === 11;
}

function isLetter(c: number): boolean {
  return (c >= 0x61 && c <= 0x7a) || (c >= 0x41 && c <= 0x5a);
}

function isAlnum(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || isLetter(c);
}

function isPunctuation(c: number): boolean {
  return (c >= 0x21 && c <= 0x2f) || (c >= 0x3a && c <= 0x40) || (c >= 0x5b && c <= 0x60) || (c >= 0x7b && c <= 0x7e);
}

const asciiLower = (c: number) => (c >= 0x41 && c <= 0x5a ? c + 32 : c);

/** Go strconv.ParseUint(s, base, 64) for base 10 or 16: undefined on any error (empty, bad digit, overflow). */
function goParseUint(s: string, base: 10 | 16): bigint | undefined {
  if (s.length === 0) return undefined;
  if (!(base === 16 ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(s)) return undefined;
  const v = BigInt(base === 16 ? '0x' + s : s);
  return v > 0xffffffffffffffffn ? undefined : v;
}

/** Go string(rune(x)): invalid code points (negative, surrogates, > U+10FFFF) become U+FFFD. */
function goRuneString(x: number): string {
  if (x < 0 || x > 0x10ffff || (x >= 0xd800 && x <= 0xdfff)) return '\ufffd';
  return String.fromCodePoint(x);
}

/** Go strings.TrimSpace: trims Unicode White_Space (not U+FEFF, unlike String.prototype.trim). */
export function goTrimSpace(s: string): string {
  let a = 0;
  let b = s.length;
  while (a < b && isGoSpace(s.charCodeAt(a))) a++;
  while (b > a && isGoSpace(s.charCodeAt(b - 1))) b--;
  return s.slice(a, b);
}

function isGoSpace(c: number): boolean {
  if (c <= 0xff) return c === 0x20 || (c >= 0x09 && c <= 0x0d) || c === 0x85 || c === 0xa0;
  return c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000;
}

/** Windows-1252 meanings of numeric references 0x80–0x9F (HTML spec), as Go's html.UnescapeString applies them. */
const C1_REPLACEMENTS = [
  0x20ac, 0x81, 0x201a, 0x192, 0x201e, 0x2026, 0x2020, 0x2021, 0x2c6, 0x2030, 0x160, 0x2039, 0x152, 0x8d, 0x17d, 0x8f,
  0x90, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x2dc, 0x2122, 0x161, 0x203a, 0x153, 0x9d, 0x17e, 0x178,
];

/**
 * Named character references. The HTML spec's legacy names (valid without ';') are the Latin-1 block U+00A0–U+00FF
 * plus amp/lt/gt/quot and a few upper-case aliases; a handful of common ';'-only names follow. The full HTML table
 * (2,231 names) is not reproduced: a rarer name in a heading *link* is left undecoded where Go would decode it.
 */
const LATIN1_NAMES =
  'nbsp iexcl cent pound curren yen brvbar sect uml copy ordf laquo not shy reg macr deg plusmn sup2 sup3 acute micro ' +
  'para middot cedil sup1 ordm raquo frac14 frac12 frac34 iquest Agrave Aacute Acirc Atilde Auml Aring AElig Ccedil ' +
  'Egrave Eacute Ecirc Euml Igrave Iacute Icirc Iuml ETH Ntilde Ograve Oacute Ocirc Otilde Ouml times Oslash Ugrave ' +
  'Uacute Ucirc Uuml Yacute THORN szlig agrave aacute acirc atilde auml aring aelig ccedil egrave eacute ecirc euml ' +
  'igrave iacute icirc iuml eth ntilde ograve oacute ocirc otilde ouml divide oslash ugrave uacute ucirc uuml yacute ' +
  'thorn yuml';
const LEGACY_EXTRA: [string, number][] = [
  ['amp', 0x26], ['AMP', 0x26], ['lt', 0x3c], ['LT', 0x3c], ['gt', 0x3e], ['GT', 0x3e], ['quot', 0x22], ['QUOT', 0x22],
  ['COPY', 0xa9], ['REG', 0xae],
];
const SEMICOLON_ONLY: [string, number][] = [
  ['apos', 0x27], ['hellip', 0x2026], ['mdash', 0x2014], ['ndash', 0x2013], ['lsquo', 0x2018], ['rsquo', 0x2019],
  ['ldquo', 0x201c], ['rdquo', 0x201d], ['bull', 0x2022], ['trade', 0x2122], ['euro', 0x20ac], ['larr', 0x2190],
  ['rarr', 0x2192], ['uarr', 0x2191], ['darr', 0x2193], ['harr', 0x2194], ['rArr', 0x21d2], ['lArr', 0x21d0],
  ['hArr', 0x21d4], ['le', 0x2264], ['ge', 0x2265], ['ne', 0x2260], ['minus', 0x2212], ['infin', 0x221e],
  ['check', 0x2713], ['emsp', 0x2003], ['ensp', 0x2002], ['thinsp', 0x2009], ['zwj', 0x200d], ['zwnj', 0x200c],
  ['dagger', 0x2020], ['Dagger', 0x2021], ['permil', 0x2030], ['prime', 0x2032], ['Prime', 0x2033], ['sim', 0x223c],
  ['asymp', 0x2248], ['equiv', 0x2261], ['sum', 0x2211], ['prod', 0x220f], ['radic', 0x221a], ['lowast', 0x2217],
  ['alpha', 0x3b1], ['beta', 0x3b2], ['gamma', 0x3b3], ['delta', 0x3b4], ['lambda', 0x3bb], ['mu', 0x3bc], ['pi', 0x3c0],
  ['sigma', 0x3c3], ['Delta', 0x394], ['Omega', 0x3a9], ['star', 0x2606], ['starf', 0x2605], ['quest', 0x3f],
  ['excl', 0x21], ['num', 0x23], ['dollar', 0x24], ['percnt', 0x25], ['lpar', 0x28], ['rpar', 0x29], ['ast', 0x2a],
  ['plus', 0x2b], ['comma', 0x2c], ['period', 0x2e], ['sol', 0x2f], ['colon', 0x3a], ['semi', 0x3b], ['equals', 0x3d],
  ['commat', 0x40], ['lsqb', 0x5b], ['bsol', 0x5c], ['rsqb', 0x5d], ['lowbar', 0x5f], ['grave', 0x60], ['lcub', 0x7b],
  ['verbar', 0x7c], ['rcub', 0x7d], ['tilde', 0x2dc], ['circ', 0x2c6],
];
const LONGEST_ENTITY_WITHOUT_SEMICOLON = 6;
const ENTITIES: Map<string, number> = (() => {
  const m = new Map<string, number>();
  const legacy: [string, number][] = LATIN1_NAMES.split(' ').map((name, k) => [name, 0xa0 + k] as [string, number]);
  for (const [name, cp] of [...legacy, ...LEGACY_EXTRA]) {
    m.set(name, cp);
    m.set(name + ';', cp);
  }
  for (const [name, cp] of SEMICOLON_ONLY) m.set(name + ';', cp);
  return m;
})();

/** Go html.UnescapeString (numeric references exact; named ones per the table above). */
function goHtmlUnescape(s: string): string {
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
  const cp = ENTITIES.get(name);
  if (cp !== undefined) return [String.fromCodePoint(cp), i];
  const maxLen = Math.min(name.length - 1, LONGEST_ENTITY_WITHOUT_SEMICOLON);
  for (let j = maxLen; j > 1; j--) {
    const legacy = ENTITIES.get(name.slice(0, j));
    if (legacy !== undefined) return [String.fromCodePoint(legacy), j + 1];
  }
  return ['&', 1];
}
