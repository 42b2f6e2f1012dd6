/**
 * A light line-based view of a KEP README: ATX headings, and which lines are inside fenced code or HTML comments.
 * Enough for the non-TOC README lints (the TOC check has its own mdtoc-exact parser).
 */

export interface Heading {
  level: number;
  text: string;
  /** 0-based line. */
  line: number;
}

export interface Outline {
  /** Number of lines (as `text.split(/\r\n|\r|\n/)` counts them). */
  lineCount: number;
  headings: Heading[];
  /** For each line: 1 when it is inside fenced code or an HTML comment (wholly or partly), else 0. */
  hidden: ArrayLike<number>;
  /** Text of line `i`, without its line break. */
  line(i: number): string;
  /** Length of line `i` (0 past the end). */
  lineLength(i: number): number;
  /** The lines holding `needle`, in order, each once. */
  linesContaining(needle: string): number[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/**
 * Cheap pre-test for FENCE / ATX on the line starting at `start` (both start with up to 3 spaces, then `, ~ or #):
 * skips the regex (and making the line's string) on most lines.
 */
function startsFenceOrAtx(text: string, start: number, end: number, atx: boolean): boolean {
  let k = start;
  while (k < start + 3 && k < end && text.charCodeAt(k) === 32) k++;
  if (k >= end) return false;
  const c = text.charCodeAt(k);
  return atx ? c === 35 : c === 96 || c === 126;
}

/**
 * The last few outlines, by text: a keystroke in kep.yaml re-checks its README (a dependent) with the same text, and
 * the README rules only read an outline. Callers must not modify the result.
 */
const recent: { text: string; outline: Outline }[] = [];

export function outlineOf(text: string): Outline {
  for (const r of recent) if (r.text === text) return r.outline;
  const outline = computeOutline(text);
  if (recent.length >= 4) recent.shift();
  recent.push({ text, outline });
  return outline;
}

/**
 * Line offsets into the text rather than a string per line: a whole-tree check outlines every KEP README (tens of
 * megabytes), and only heading, fence and comment lines are ever needed as strings.
 */
class TextOutline implements Outline {
  readonly headings: Heading[] = [];
  readonly hidden: number[] = [];
  /** Start offset of each line, and its end (before the line break). */
  readonly starts: number[] = [];
  readonly ends: number[] = [];
  constructor(readonly text: string) {}
  get lineCount(): number {
    return this.starts.length;
  }
  line(i: number): string {
    return this.text.slice(this.starts[i], this.ends[i]);
  }
  lineLength(i: number): number {
    return i < this.starts.length ? this.ends[i] - this.starts[i] : 0;
  }
  linesContaining(needle: string): number[] {
    const out: number[] = [];
    let line = 0;
    for (let at = this.text.indexOf(needle); at >= 0; at = this.text.indexOf(needle, at + 1)) {
      while (this.ends[line] < at + needle.length) line++;
      if (out[out.length - 1] !== line) out.push(line);
    }
    return out;
  }
}

function computeOutline(text: string): TextOutline {
  const o = new TextOutline(text);
  const { headings, hidden, starts, ends } = o;
  // CommonMark (and LSP) line endings: \r\n, \n and a lone \r; splitting at \n only shifts every later line.
  const cr = text.includes('\r');
  let fence: string | undefined;
  let inComment = false;
  // The next `-->` / `<!--` at or after the current line (searched once per occurrence, not once per line).
  let close = -2;
  let open = -2;
  let nextCr = cr ? -2 : -1;
  for (let start = 0, i = 0; ; i++) {
    let end = text.indexOf('\n', start);
    if (end < 0) end = text.length;
    if (nextCr !== -1 && nextCr < start) nextCr = text.indexOf('\r', start);
    if (nextCr >= 0 && nextCr < end) end = nextCr;
    starts.push(start);
    ends.push(end);
    hidden.push(0);
    const lineStart = start;
    start = end + (text.charCodeAt(end) === 13 && text.charCodeAt(end + 1) === 10 ? 2 : 1);
    const last = end >= text.length;
    if (fence) {
      hidden[i] = 1;
      if (startsFenceOrAtx(text, lineStart, end, false)) {
        const line = text.slice(lineStart, end);
        const m = FENCE.exec(line);
        if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      }
    } else if (inComment) {
      hidden[i] = 1;
      if (close !== -1 && close < lineStart) close = text.indexOf('-->', lineStart);
      if (close >= 0 && close < end) inComment = false;
    } else {
      const f = startsFenceOrAtx(text, lineStart, end, false) ? FENCE.exec(text.slice(lineStart, end)) : null;
      if (f) {
        fence = f[1];
        hidden[i] = 1;
      } else {
        // The last `<!--` of the line, and whether a `-->` follows it on the line.
        if (open !== -1 && open < lineStart) open = text.indexOf('<!--', lineStart);
        let lastOpen = -1;
        if (open >= 0 && open < end) {
          lastOpen = open;
          for (let next = text.indexOf('<!--', open + 1); next >= 0 && next < end; next = text.indexOf('<!--', next + 1)) lastOpen = next;
        }
        let skip = false;
        if (lastOpen >= 0) {
          const c = text.indexOf('-->', lastOpen + 4);
          if (c < 0 || c >= end) {
            inComment = true;
            if (text.slice(lineStart, end).trimStart().startsWith('<!--')) {
              hidden[i] = 1;
              skip = true;
            }
          }
        }
        if (!skip && startsFenceOrAtx(text, lineStart, end, true)) {
          const h = ATX.exec(text.slice(lineStart, end));
          if (h) {
            const t = (h[2] ?? '').replace(/[ \t]+#+$/, '').trim();
            headings.push({ level: h[1].length, text: t, line: i });
          }
        }
      }
    }
    if (last) break;
  }
  return o;
}

/** Text of a line with inline HTML comments removed. */
export function withoutInlineComments(line: string): string {
  return line.replace(/<!--.*?-->/g, '');
}
