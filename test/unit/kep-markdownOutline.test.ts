/**
 * The README outline (markdownOutline.ts) scans line offsets instead of splitting the text into a string per line.
 * Checked here against the straightforward split-based reading it replaced (kept below as the oracle), on documents
 * mixing every line ending, fences, HTML comments (open/closed on one line, several per line) and ATX headings.
 */
import * as assert from 'node:assert/strict';
import { outlineOf } from '../../server/src/core/kep/markdownOutline';

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const ATX = /^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*$/;

function oracle(text: string) {
  const lines = text.includes('\r') ? text.split(/\r\n|\r|\n/) : text.split('\n');
  const headings: { level: number; text: string; line: number }[] = [];
  const hidden = lines.map(() => false);
  let fence: string | undefined;
  let inComment = false;
  lines.forEach((line, i) => {
    if (fence) {
      hidden[i] = true;
      const m = FENCE.exec(line);
      if (m && m[1][0] === fence[0] && m[1].length >= fence.length && line.trim() === m[1]) fence = undefined;
      return;
    }
    if (inComment) {
      hidden[i] = true;
      if (line.includes('-->')) inComment = false;
      return;
    }
    const f = FENCE.exec(line);
    if (f) {
      fence = f[1];
      hidden[i] = true;
      return;
    }
    const open = line.lastIndexOf('<!--');
    if (open >= 0 && line.indexOf('-->', open + 4) < 0) {
      inComment = true;
      hidden[i] = line.trimStart().startsWith('<!--');
      if (hidden[i]) return;
    }
    const h = ATX.exec(line);
    if (h) headings.push({ level: h[1].length, text: (h[2] ?? '').replace(/[ \t]+#+$/, '').trim(), line: i });
  });
  return { lines, headings, hidden };
}

function sameAsOracle(text: string): void {
  const o = outlineOf(text);
  const want = oracle(text);
  assert.equal(o.lineCount, want.lines.length, JSON.stringify(text));
  assert.deepEqual(o.headings, want.headings, JSON.stringify(text));
  for (let i = 0; i < want.lines.length; i++) {
    assert.equal(o.line(i), want.lines[i]);
    assert.equal(o.lineLength(i), want.lines[i].length);
    assert.equal(!!o.hidden[i], want.hidden[i], `hidden line ${i} of ${JSON.stringify(text)}`);
  }
  assert.equal(o.lineLength(want.lines.length), 0);
  const marked = want.lines.flatMap((l, i) => (l.includes('<<[UNRESOLVED') ? [i] : []));
  assert.deepEqual(o.linesContaining('<<[UNRESOLVED'), marked);
}

describe('KEP README outline (line offsets, same reading as splitting into lines)', () => {
  it('agrees on headings, hidden lines and line texts for every line ending and block kind', () => {
    const docs = [
      '',
      '\n',
      '# Title\n\n## A ##\ntext\n',
      'a\r\nb\rc\n\r\n# h\r',
      '# h\r\n<!--\r\nx\r-->\r# j #\r\n```\r\n# no\r\n```\n## k',
      '<!-- a --> <!-- b\n# hidden?\n-->\n# shown',
      '   # x\n    # y\n~~~\n# z\n~~~~\n# w',
      'x <!-- y\n# h\n--> <!-- z -->\n# h2\n',
      '````\n```\n# in code\n````\n# after\n',
      '<<[UNRESOLVED a]>> <<[UNRESOLVED b]>>\n<!-- <<[UNRESOLVED c]>> -->\ntext\n<<[UNRESOLVED d]>>',
      '  <!-- open\n# in comment\nstill -->\n#no space\n####### seven\n#\tTab\n',
    ];
    for (const d of docs) sameAsOracle(d);
  });

  it('agrees on generated documents', () => {
    const parts = ['# H', '## H2 #', '```', '~~~', '<!--', '-->', '<!-- c -->', 'text', '', '   ### deep', '<<[UNRESOLVED x]>>', '-', 'a <!-- b'];
    const breaks = ['\n', '\r\n', '\r'];
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let n = 0; n < 500; n++) {
      let text = '';
      const count = Math.floor(next() * 12);
      for (let k = 0; k < count; k++) text += parts[Math.floor(next() * parts.length)] + breaks[next() < 0.8 ? 0 : Math.floor(next() * 3)];
      sameAsOracle(text);
    }
  });
});
