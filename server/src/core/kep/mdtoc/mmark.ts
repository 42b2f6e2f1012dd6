/** mmark v2.0.40's parser hook: mdtoc installs it, so gomarkdown tries it before any other block rule. */
import { bytesOf, type Bytes, endsWithAt, startsWith } from './bytes';
import { GoPanic } from './goCompat';

const REFERENCE_OPEN = bytesOf('<reference ');
const REFERENCE_CLOSE = bytesOf('</reference>');

/**
 * mmark's parser hook, tried at the start of every block. TitleHook: a block starting with `---` or `%%%` runs to
 * the next occurrence of the same three characters *anywhere* (mid-line too) and everything between is dropped.
 * ReferenceHook: `<reference ` runs to `</reference>` (or to the end). Returns the bytes consumed.
 */
export function mmarkHook(data: Bytes): number {
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
