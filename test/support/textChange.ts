/** Text edits as an editor sends them to a language server. */
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver/node';

/** The smallest single-range change turning `a` into `b` (what an editor sends for a keystroke). */
export function diffChange(a: string, b: string): TextDocumentContentChangeEvent {
  let s = 0;
  while (s < a.length && s < b.length && a.charCodeAt(s) === b.charCodeAt(s)) s++;
  let ea = a.length;
  let eb = b.length;
  while (ea > s && eb > s && a.charCodeAt(ea - 1) === b.charCodeAt(eb - 1)) {
    ea--;
    eb--;
  }
  // Never split a \r\n pair or a surrogate pair: widen to whole units.
  const pos = (o: number) => {
    let line = 0;
    let ls = 0;
    for (let i = 0; i < o; i++) {
      const c = a.charCodeAt(i);
      if (c === 10 || (c === 13 && a.charCodeAt(i + 1) !== 10)) {
        line++;
        ls = i + 1;
      }
    }
    return { line, character: o - ls };
  };
  while (s > 0 && (a.charCodeAt(s - 1) === 13 || (a.charCodeAt(s) >= 0xdc00 && a.charCodeAt(s) < 0xe000))) s--;
  while (ea < a.length && (a.charCodeAt(ea - 1) === 13 || (a.charCodeAt(ea) >= 0xdc00 && a.charCodeAt(ea) < 0xe000))) {
    ea++;
    eb++;
  }
  return { range: { start: pos(s), end: pos(ea) }, text: b.slice(s, eb) };
}
