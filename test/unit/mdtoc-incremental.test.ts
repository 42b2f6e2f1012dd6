import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { checkToc, IncrementalHeadings } from '../../server/src/core/kep/mdtoc';
import type { Heading } from '../../server/src/core/kep/mdtoc/ast';
import { str } from '../../server/src/core/kep/mdtoc/bytes';
import { commonPrefixOfStrings, commonSuffixOfStrings, parseHeadings, utf8Length } from '../../server/src/core/kep/mdtoc/parse';

const FIXTURE = fs.readFileSync(path.join(__dirname, '..', 'fixtures', 'mdtoc', 'edited-readme.md'), 'utf8');

/** What a parse says, as plain data (heading bytes as text). */
function view(hs: Heading[]): unknown {
  return hs.map((h) => ({ level: h.level, content: str(h.content), children: h.children }));
}

/** Snippets that open or close the constructs whose extent decides which headings exist. */
const SNIPPETS = ['\n', '\n\n', '# ', '## H ', 'x', ' ', '```', '```\n', '~~~\n', '<div>\n', '</div>\n', '<!--', '-->', '|', '| a | b |\n|---|---|\n', '---\n', '===\n', '- ', '1. ', '> ', '    ', '`', '[ref-a]: /moved\n', ': ', '\r\n', '$$', 'é', '😀'];

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  del: fc.nat(40),
  ins: fc.oneof(fc.constantFrom(...SNIPPETS), fc.string({ maxLength: 6 })),
});

function apply(text: string, e: { at: number; del: number; ins: string }): string {
  const at = Math.floor(e.at * text.length);
  return text.slice(0, at) + e.ins + text.slice(Math.min(text.length, at + e.del));
}

describe('mdtoc: incremental heading parse', function () {
  // Hundreds of random editing sessions; a loaded machine can take a while (this is not a speed test).
  this.timeout(180_000);

  it('equals a parse from scratch after every edit of a random editing session', () => {
    fc.assert(
      fc.property(fc.array(editArb, { minLength: 1, maxLength: 25 }), (edits) => {
        const inc = new IncrementalHeadings();
        let text = FIXTURE;
        assert.deepEqual(view(inc.parse(text)), view(parseHeadings(text)));
        for (const e of edits) {
          text = apply(text, e);
          assert.deepEqual(view(inc.parse(text)), view(parseHeadings(text)), `after editing to ${JSON.stringify(text)}`);
        }
      }),
      { numRuns: 200, seed: 20261124 },
    );
  });

  it('gives checkToc the same verdict and TOC as a parse from scratch', () => {
    const inc = new IncrementalHeadings();
    let text = FIXTURE;
    for (let i = 0; i < 40; i++) {
      text = text.replace('## Motivation', `## Motivation ${i}`).replace('Some text', `Some text ${i}\n\n## Added ${i}\n`);
      assert.deepEqual(checkToc(text, { incremental: inc }), checkToc(text));
    }
  });

  it('re-scans only up to the edited block when the rest lines up again', () => {
    const inc = new IncrementalHeadings();
    inc.parse(FIXTURE);
    const full = inc.scannedBlocks;
    const at = FIXTURE.indexOf('Some text');
    inc.parse(FIXTURE.slice(0, at) + 'Typed. ' + FIXTURE.slice(at));
    assert.ok(inc.scannedBlocks < full / 4, `scanned ${inc.scannedBlocks} of ${full} blocks`);
    // An edit that changes every later block's extent (an unclosed fence) falls back to scanning to the end.
    inc.parse(FIXTURE.slice(0, at) + '```\n' + FIXTURE.slice(at));
    assert.deepEqual(view(inc.parse(FIXTURE.slice(0, at) + '```\n' + FIXTURE.slice(at))), view(parseHeadings(FIXTURE.slice(0, at) + '```\n' + FIXTURE.slice(at))));
  });

  it('keeps no earlier text alive: reused headings point into the latest text', () => {
    const inc = new IncrementalHeadings();
    let text = FIXTURE;
    let headings = inc.parse(text);
    // Edits walking down the file: each re-scans a little more and reuses the rest.
    for (let at = 0; at < FIXTURE.length; at += 97) {
      const i = text.indexOf('\n', at) + 1;
      text = text.slice(0, i) + 'x\n' + text.slice(i);
      headings = inc.parse(text);
    }
    const docSized = new Set(headings.map((h) => h.content.buffer).filter((b) => b.byteLength >= FIXTURE.length));
    assert.equal(docSized.size, 1);
    assert.deepEqual(view(headings), view(parseHeadings(text)));
  });

  it('finds common prefixes and suffixes of strings, and UTF-8 lengths as TextEncoder counts them', () => {
    const enc = new TextEncoder();
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), fc.string({ unit: 'binary', maxLength: 20 }), (a, b, c) => {
        const x = a + b;
        const y = a + c + b.slice(1);
        let p = 0;
        while (p < Math.min(x.length, y.length) && x[p] === y[p]) p++;
        assert.equal(commonPrefixOfStrings(x, y), p);
        let s = 0;
        while (s < Math.min(x.length, y.length) && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
        assert.equal(commonSuffixOfStrings(x, y, Math.min(x.length, y.length)), s);
        // Lone surrogates included (a slice may cut a pair): TextEncoder writes U+FFFD for them.
        for (const part of [x, x.slice(1), x.slice(0, -1), '\ud800' + x, x + '\udc00']) assert.equal(utf8Length(part, 0, part.length), enc.encode(part).length);
      }),
      { numRuns: 500, seed: 7 },
    );
  });
});
