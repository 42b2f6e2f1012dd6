/** Pipe tables (gomarkdown's Tables extension): a heading-looking line inside a table row is no heading. */
import { type Bytes, bytesOf, startsWith } from './bytes';
import { isEmpty } from './blockSyntax';
import { GoPanic, isBackslashEscaped, skipChar, skipCharN } from './goCompat';
import { codeSpanEnd } from './inlineSpans';

// Byte values are module-local on purpose: see bytes.ts.
const NL = 10, SP = 32;

/** Length of a pipe table (header, delimiter row, rows with a `|`, optional `Table: ` caption), or 0. */
export function table(data: Bytes): number {
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
export function tableHeader(data: Bytes): number {
  // Fast exit (most lines): a first line without '|' has one column, unless a code span opened by a '`' on it runs
  // past its end, so a line with neither byte is never a header. Native searches bounded by the line's end.
  // (A plain loop: the typed-array searches cost more per call than a short line costs to walk.)
  let k = 0;
  for (; k < data.length; k++) {
    const c = data[k];
    if (c === NL) return 0;
    if (c === 0x7c || c === 0x60) break;
  }
  if (k === data.length) return 0;
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
