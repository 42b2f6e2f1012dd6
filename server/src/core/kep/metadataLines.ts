/**
 * How kepval turns a kep.yaml (or PRR file) into the bytes it hands to yaml.v3: `bufio.Scanner` line by line, then,
 * for kep.yaml, KEPHandler.Parse's `---` quirk. Every line that *contains* `---` anywhere bumps a counter and is
 * dropped; lines read while the counter is exactly 1 are the YAML; with no such line at all the whole file is YAML.
 *
 * The result keeps a map from each line of the YAML text back to the original file, so positions found by the parser
 * land on the right line of the user's file.
 */
import type { Range } from '../diagnostics';
import { LineIndex } from '../text';

/** bufio.MaxScanTokenSize: a line (without its `\n`) of this many bytes or more stops the scanner. */
export const MAX_LINE_BYTES = 64 * 1024;

export interface ScannedLines {
  /** The text yaml.v3 decodes. */
  yaml: string;
  /** For line i of `yaml` (split at `\n`): the 0-based line of the original file. */
  lineMap: number[];
  /** 0-based original lines dropped because they contain `---`. */
  dashLines: number[];
  /** First original line the scanner cannot read (bufio.ErrTooLong), if any. */
  tooLongLine?: number;
  /** Original-text offset of the start of each original line (split at `\n` only, as bufio does). */
  lineStarts: number[];
}

/** Splits like bufio.ScanLines: at `\n`, dropping one `\r` before it; no empty token after a final `\n`. */
function scanLines(text: string): { lines: string[]; starts: number[] } {
  const lines: string[] = [];
  const starts: number[] = [];
  let start = 0;
  while (start < text.length) {
    const nl = text.indexOf('\n', start);
    const end = nl < 0 ? text.length : nl;
    lines.push(text.slice(start, end));
    starts.push(start);
    start = nl < 0 ? text.length : nl + 1;
  }
  return { lines, starts };
}

function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) { n += 4; i++; }
    else n += 3;
  }
  return n;
}

/**
 * @param splitDashes true for kep.yaml (KEPHandler.Parse), false for PRR files (PRRHandler.Parse keeps every line).
 */
export function scanMetadata(text: string, splitDashes: boolean): ScannedLines {
  const { lines, starts } = scanLines(text);
  const yamlParts: string[] = [];
  const lineMap: number[] = [];
  const bodyParts: string[] = [];
  const bodyMap: number[] = [];
  const dashLines: number[] = [];
  let tooLongLine: number | undefined;
  let count = 0;
  for (let i = 0; i < lines.length; i++) {
    let line = lines[i];
    // The scanner fails on a line that does not fit its 64 KiB buffer (the bytes before `\n`, `\r` included).
    if (line.length * 3 >= MAX_LINE_BYTES && utf8Length(line) >= MAX_LINE_BYTES) {
      tooLongLine = i;
      break;
    }
    if (line.endsWith('\r')) line = line.slice(0, -1);
    if (splitDashes && line.includes('---')) {
      count++;
      dashLines.push(i);
      continue;
    }
    if (count === 1) {
      yamlParts.push(line);
      lineMap.push(i);
    } else {
      bodyParts.push(line);
      bodyMap.push(i);
    }
  }
  const useBody = count === 0;
  const parts = useBody ? bodyParts : yamlParts;
  const map = useBody ? bodyMap : lineMap;
  const yaml = parts.length ? parts.join('\n') + '\n' : '';
  return { yaml, lineMap: map, dashLines, tooLongLine, lineStarts: starts };
}

/** Converts offsets in the scanned YAML text back to a range in the original file. */
export class ScannedPositions {
  private readonly yamlLineStarts: number[];
  constructor(private readonly scanned: ScannedLines, private readonly original: LineIndex) {
    const starts = [0];
    const y = scanned.yaml;
    for (let i = 0; i < y.length; i++) if (y.charCodeAt(i) === 10) starts.push(i + 1);
    this.yamlLineStarts = starts;
  }

  /** Original-text offset for an offset in the YAML text. */
  originalOffset(offset: number): number {
    const starts = this.yamlLineStarts;
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    const origLine = this.scanned.lineMap[lo];
    if (origLine === undefined) return this.original.text.length;
    const col = offset - starts[lo];
    return Math.min(this.scanned.lineStarts[origLine] + col, this.original.text.length);
  }

  range(start: number, end: number): Range {
    const s = this.originalOffset(start);
    // An end at the start of the next YAML line belongs to the end of the previous one.
    let e = end > start ? this.originalOffset(end - 1) + 1 : s;
    // A YAML line break maps onto the original's `\r\n`: never end between the `\r` and the `\n` (no such position).
    const t = this.original.text;
    if (e > s && t.charCodeAt(e - 1) === 13 && t.charCodeAt(e) === 10) e--;
    return this.original.range(s, Math.max(s, e));
  }
}
