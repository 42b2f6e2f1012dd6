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
  lines: string[];
  headings: Heading[];
  /** For each line: true when it is inside fenced code or an HTML comment (wholly or partly). */
  hidden: boolean[];
}

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

/** Cheap pre-test for FENCE / ATX (both start with up to 3 spaces, then `, ~ or #): skips the regex on most lines. */
function startsFenceOrAtx(line: string, atx: boolean): boolean {
  let k = 0;
  while (k < 3 && line.charCodeAt(k) === 32) k++;
  const c = line.charCodeAt(k);
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

function computeOutline(text: string): Outline {
  // CommonMark (and LSP) line endings: \r\n, \n and a lone \r; splitting at \n only shifts every later line.
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const headings: Heading[] = [];
  const hidden: boolean[] = new Array(lines.length).fill(false);
  let fence: string | undefined;
  let inComment = false;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      hidden[i] = true;
      const m = startsFenceOrAtx(line, false) ? FENCE.exec(line) : null;
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      continue;
    }
    if (inComment) {
      hidden[i] = true;
      if (line.includes('-->')) inComment = false;
      continue;
    }
    const f = startsFenceOrAtx(line, false) ? FENCE.exec(line) : null;
    if (f) {
      fence = f[1];
      hidden[i] = true;
      continue;
    }
    // The last `<!--` of the line; indexOf first, as most lines have none (lastIndexOf has no fast path in V8).
    let open = line.indexOf('<!--');
    if (open >= 0) for (let next = line.indexOf('<!--', open + 1); next >= 0; next = line.indexOf('<!--', next + 1)) open = next;
    if (open >= 0 && line.indexOf('-->', open + 4) < 0) {
      inComment = true;
      hidden[i] = line.trimStart().startsWith('<!--');
      if (hidden[i]) continue;
    }
    const h = startsFenceOrAtx(line, true) ? ATX.exec(line) : null;
    if (h) {
      const text = (h[2] ?? '').replace(/[ \t]+#+$/, '').trim();
      headings.push({ level: h[1].length, text, line: i });
    }
  }
  return { lines, headings, hidden };
}

/** Text of a line with inline HTML comments removed. */
export function withoutInlineComments(line: string): string {
  return line.replace(/<!--.*?-->/g, '');
}
