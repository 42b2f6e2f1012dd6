import * as assert from 'node:assert/strict';
import { checkToc, generateToc, regenerateTocEdit, tocFix } from '../../server/src/core/kep/mdtoc';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { tocDiagnostics } from '../../server/src/core/kep/tocRules';

const PATH = 'keps/sig-x/1-x/README.md';

/** Applies a diagnostic's fix (its edits in LSP line/character terms) to the text. */
function applyFix(text: string, d: Diagnostic): string {
  const lineStarts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => lineStarts[p.line] + p.character;
  const edits = d.fixes![0].edits.map((e) => ({ start: offset(e.range.start), end: offset(e.range.end), newText: e.newText })).sort((a, b) => b.start - a.start);
  let out = text;
  for (const e of edits) out = out.slice(0, e.start) + e.newText + out.slice(e.end);
  return out;
}

/** What `mdtoc --inplace` v1.4.0 writes (WriteTOC): head up to the start tag, "\n", TOC, rest from the closing tag. */
function mdtocInplace(text: string): string {
  const c = checkToc(text);
  assert.equal(c.kind, 'stale');
  if (c.kind !== 'stale') return text;
  return text.slice(0, c.existingRange.start) + '\n' + c.generated + text.slice(c.existingRange.end);
}

describe('mdtoc: the regenerate fix settles the file', () => {
  it('uses exactly mdtoc --inplace output when that settles the file, even with text after the closing tag', () => {
    const text = '<!-- toc -->\n- [Old](#old)\n<!-- /toc --> trailing words\n\n## New\n';
    const [d] = tocDiagnostics(PATH, text);
    assert.equal(d.fixes?.[0].title, 'Regenerate table of contents');
    const fixed = applyFix(text, d);
    assert.equal(fixed, mdtocInplace(text));
    assert.equal(fixed, '<!-- toc -->\n- [New](#new)\n<!-- /toc --> trailing words\n\n## New\n');
    assert.deepEqual(tocDiagnostics(PATH, fixed), []);
  });

  it('splits the closing tag from a heading that starts on its line, then writes what mdtoc writes for that text', () => {
    const text = '<!-- toc -->\n<!-- /toc -->Title\n===\n## B\n';
    // mdtoc's own write does not settle: the heading "<!-- /toc -->Title" puts a closing tag into the TOC.
    const once = mdtocInplace(text);
    assert.equal(once, '<!-- toc -->\n- [<!-- /toc -->Title](#title)\n  - [B](#b)\n<!-- /toc -->Title\n===\n## B\n');
    assert.notEqual(mdtocInplace(once), once);
    assert.equal(regenerateTocEdit(text), null);

    const [d] = tocDiagnostics(PATH, text);
    assert.equal(d.code, 'kep/toc-stale');
    assert.equal(d.fixes?.[0].title, 'Start a new line after <!-- /toc --> and regenerate table of contents');
    const fixed = applyFix(text, d);
    assert.equal(fixed, '<!-- toc -->\n- [Title](#title)\n  - [B](#b)\n<!-- /toc -->\nTitle\n===\n## B\n');
    // The TOC written is mdtoc's for the split text, and a second application changes nothing (no diagnostic left).
    assert.equal(fixed.slice(fixed.indexOf('<!-- toc -->') + 13, fixed.indexOf('<!-- /toc -->')), generateToc(fixed.slice(fixed.indexOf('<!-- /toc -->'))));
    assert.equal(checkToc(fixed).kind, 'ok');
    assert.deepEqual(tocDiagnostics(PATH, fixed), []);
  });

  it('only inserts the line break when the TOC already matches the split text', () => {
    const text = '<!-- toc -->\n- [Title](#title)\n<!-- /toc -->Title\n===\n';
    const c = checkToc(text);
    assert.equal(c.kind, 'stale');
    if (c.kind !== 'stale') return;
    assert.deepEqual(tocFix(text, c), { kind: 'split-end-tag', edits: [{ start: text.indexOf('Title\n==='), end: text.indexOf('Title\n==='), newText: '\n' }] });
  });

  it('offers no fix, and says why, when a heading further down spells out the closing tag', () => {
    const text = '<!-- toc -->\n<!-- /toc -->\n\n## a <!-- /toc -->\n';
    assert.equal(regenerateTocEdit(text), null);
    const [d] = tocDiagnostics(PATH, text);
    assert.equal(d.code, 'kep/toc-stale');
    assert.equal(d.fixes, undefined);
    assert.match(d.message, /contains "<!-- \/toc -->", so mdtoc --inplace would change the file again/);
  });
});
