/**
 * The table-of-contents check of `hack/verify-toc.sh` (kubernetes-sigs/mdtoc v1.4.0 with `--inplace --dryrun
 * --max-depth=5`), reproduced byte for byte as a pure function of a file's text. See docs in kep.md §3.2.
 *
 * mdtoc finds headings with gomarkdown (commit 4d01890c35c0, `parser.CommonExtensions`) plus mmark v2.0.40's parser
 * hook, renders each heading's inline content with gomarkdown's HTML renderer and derives an anchor from its text.
 * Matching its verdict on every real KEP means matching gomarkdown's quirks too, not CommonMark or GitHub: e.g. a
 * `---` line swallows everything up to the next `---` (mmark's title hook), `$…$` in a heading is math, a list item
 * can hold a heading, `.# x` is a level-1 heading. So this directory holds an independent re-implementation of just
 * the parts of that parser that decide *which* headings exist and *what* their inline content is.
 *
 * Flow: parse.ts runs blocks.ts (which headings exist) then inline.ts (what each contains); render.ts turns that into
 * the TOC entry's label and anchors.ts into its `#fragment`. Everything works on UTF-8 bytes, as Go does (bytes.ts).
 */
import { headingText, makeAnchor } from './anchors';
import { goTrimSpace } from './goCompat';
import { type Heading } from './ast';
import { IncrementalHeadings, parseHeadings, utf8Length } from './parse';
import { renderInlines } from './render';

export { GoPanic, goTrimSpace } from './goCompat';
export { IncrementalHeadings } from './parse';

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
  /** Parses with this parser's last result at hand (same answers, faster for a text edited again and again). */
  incremental?: IncrementalHeadings;
  /**
   * The UTF-8 encoding of exactly the text being checked, when the caller has it (a file read from disk whose text
   * has no CR and lost no byte-order mark): spares encoding the text again. Ignored with `incremental`.
   */
  textBytes?: Uint8Array;
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
  const headings: Heading[] = opts.incremental ? opts.incremental.parse(markdown) : parseHeadings(markdown, opts.textBytes);
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

/** Where the document mdtoc takes its headings from starts: with skip-prefix, at the closing tag. */
function headingStart(tags: TocTags, opts: TocOptions): number {
  return opts.skipPrefix === false ? 0 : tags.end;
}

/** mdtoc `WriteTOC` in `--dryrun` mode: ok, stale (with what it would write) or a tag error. */
export function checkToc(text: string, opts: TocOptions = {}): TocCheck {
  const tags = findTocTags(text);
  const error: TocTagError | undefined =
    tags.start === -1 ? 'missing-start' : tags.end === -1 ? 'missing-end' : tags.end < tags.start ? 'end-before-start' : undefined;
  if (error) return { kind: 'error', error, message: TOC_ERROR_MESSAGES[error], tags };
  const from = headingStart(tags, opts);
  // The tag is ASCII, so its offset never splits a character: the bytes from there are the source's encoding.
  const textBytes = opts.textBytes && (from === 0 ? opts.textBytes : opts.textBytes.subarray(utf8Length(text, 0, from)));
  const generated = generateToc(from === 0 ? text : text.slice(from), { ...opts, textBytes });
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
 * write (the TOC is up to date, or the tags are missing or out of order), and when that write would not settle the
 * file (see {@link tocFix}: then mdtoc itself changes the file again on every run).
 */
export function regenerateTocEdit(text: string, opts: TocOptions = {}): TocEdit | null {
  const check = checkToc(text, opts);
  if (check.kind !== 'stale') return null;
  const fix = tocFix(text, check, opts);
  return fix?.kind === 'regenerate' ? fix.edits[0] : null;
}

/**
 * How to repair a stale TOC so the check passes afterwards:
 * - 'regenerate': exactly mdtoc's `--inplace` write (one edit);
 * - 'split-end-tag': mdtoc's write would not settle the file. That happens when a heading after the TOC contains
 *   `<!-- /toc -->`, typically text right after the closing tag on its line (`<!-- /toc -->Title` over `===`): the
 *   regenerated TOC then holds the tag, the next run finds the closing tag inside the TOC, and every run adds a
 *   line. The fix starts a new line after the closing tag (so the comment stands alone and the text is its own
 *   block) and writes the TOC mdtoc generates for that text: from then on mdtoc's runs change nothing.
 * Null when neither settles the file (a heading further down spells out the closing tag).
 */
export function tocFix(
  text: string,
  check: Extract<TocCheck, { kind: 'stale' }>,
  opts: TocOptions = {},
): { kind: 'regenerate' | 'split-end-tag'; edits: TocEdit[] } | null {
  const regenerate = { start: check.existingRange.start, end: check.existingRange.end, newText: '\n' + check.generated };
  if (settledBy(text, regenerate, check.generated, opts)) return { kind: 'regenerate', edits: [regenerate] };
  const at = check.tags.end + TOC_END_TAG.length;
  if (at >= text.length || text[at] === '\n' || text[at] === '\r') return null;
  const split = text.slice(0, at) + '\n' + text.slice(at);
  const again = checkToc(split, { ...opts, incremental: undefined, textBytes: undefined });
  if (again.kind === 'error') return null;
  const insert = { start: at, end: at, newText: '\n' };
  if (again.kind === 'ok') return { kind: 'split-end-tag', edits: [insert] };
  const rewrite = { start: again.existingRange.start, end: again.existingRange.end, newText: '\n' + again.generated };
  if (!settledBy(split, rewrite, again.generated, opts)) return null;
  // The TOC lies before the closing tag, so the same offsets hold in the original text.
  return { kind: 'split-end-tag', edits: [rewrite, insert] };
}

/** Does applying `edit` (a regeneration writing `generated`) leave a text whose check passes? */
function settledBy(text: string, edit: TocEdit, generated: string, opts: TocOptions): boolean {
  // The start tag and everything after the closing tag stay; only a closing tag inside the new TOC can move the
  // closing tag mdtoc finds next time. Without one the check passes by construction (no second parse needed).
  if (!END_RE.test(generated)) return true;
  const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return checkToc(fixed, { ...opts, incremental: undefined, textBytes: undefined }).kind === 'ok';
}
