import * as assert from 'node:assert/strict';
import { checkToc, findTocTags, generateToc, regenerateTocEdit } from '../../server/src/core/kep/mdtoc';
import { isTocChecked, tocDiagnostics } from '../../server/src/core/kep/tocRules';

/** The TOC mdtoc generates for the headings in `body` (placed after a pair of tags). */
function tocOf(body: string): string {
  const check = checkToc('<!-- toc -->\n<!-- /toc -->\n' + body);
  assert.notEqual(check.kind, 'error');
  return check.kind === 'error' ? '' : check.generated;
}

function applyEdit(text: string): string {
  const edit = regenerateTocEdit(text);
  assert.ok(edit, 'expected an edit');
  return text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
}

describe('mdtoc: headings and TOC lines (kep.md §3.2 table)', () => {
  it('strips trailing hashes of ATX headings', () => {
    assert.equal(tocOf('## Trailing hashes ##\n'), '- [Trailing hashes](#trailing-hashes)\n');
  });

  it('reads setext headings', () => {
    assert.equal(tocOf('Setext Heading\n------\n\nTop\n===\n'), '  - [Setext Heading](#setext-heading)\n- [Top](#top)\n');
  });

  it('renders inline code as <code> and keeps its text in the anchor', () => {
    assert.equal(tocOf('### API `v1`\n'), '- [API <code>v1</code>](#api-v1)\n');
  });

  it('renders links as <a href> and anchors on the link text', () => {
    assert.equal(tocOf('## [Linked](https://example.com) heading\n'), '- [<a href="https://example.com">Linked</a> heading](#linked-heading)\n');
  });

  it('renders emphasis and strong, and escapes &', () => {
    assert.equal(tocOf('## *Emph* and **strong** & co\n'), '- [<em>Emph</em> and <strong>strong</strong> &amp; co](#emph-and-strong--co)\n');
  });

  it('drops non-ASCII characters from anchors (unlike GitHub)', () => {
    assert.equal(tocOf('## Café résumé naïve\n'), '- [Café résumé naïve](#caf-rsum-nave)\n');
  });

  it('strips a {#custom-id} and ignores it for the anchor', () => {
    assert.equal(tocOf('## Heading {#custom-id}\n'), '- [Heading](#heading)\n');
  });

  it('de-duplicates anchors with -1, -2 after lower-casing', () => {
    assert.equal(tocOf('## Dup\n## Dup\n## dup\n'), '- [Dup](#dup)\n- [Dup](#dup-1)\n- [dup](#dup-2)\n');
  });

  it('includes headings inside a blockquote', () => {
    assert.equal(tocOf('> ## In blockquote\n'), '- [In blockquote](#in-blockquote)\n');
  });

  it('excludes headings in comments, code, HTML blocks, list items and #NoSpace', () => {
    const body = [
      '## Kept',
      '',
      '<!--',
      '## In comment',
      '-->',
      '',
      '```',
      '## In fence',
      '```',
      '',
      '    ## Indented code',
      '',
      '<details>',
      '',
      '## In details',
      '',
      '</details>',
      '',
      '<div>',
      '',
      '## In div',
      '',
      '</div>',
      '',
      '- ## In list item',
      '',
      '#NoSpace',
      '',
      '## Also kept',
      '',
    ].join('\n');
    assert.equal(tocOf(body), '- [Kept](#kept)\n- [Also kept](#also-kept)\n');
  });

  it('leaves level 6 out at max depth 5 (7 #s are no heading), yet counts it for the base level', () => {
    assert.equal(tocOf('### Three\n###### Six\n####### Seven hashes\n'), '- [Three](#three)\n');
    assert.equal(generateToc('###### Six\n### Three\n', { maxDepth: 6 }), '      - [Six](#six)\n- [Three](#three)\n');
    // Only level-6 headings: the base is 6, so nothing is listed (and no error).
    assert.equal(tocOf('###### Six\n'), '');
  });

  it('drops whatever sits between two --- lines (mmark title hook)', () => {
    assert.equal(tocOf('---\n\n## Swallowed\n\n---\n\n## After\n'), '- [After](#after)\n');
  });
});

// Expected strings were checked against Go's html.UnescapeString, which gomarkdown applies to link text and href.
describe('mdtoc: named character references in heading links (Go html, full HTML5 table)', () => {
  it('decodes a rare name such as &hearts; in link text; the anchor keeps the raw name', () => {
    assert.equal(tocOf('## [I &hearts; KEPs](https://example.com)\n'), '- [<a href="https://example.com">I ♥ KEPs</a>](#i-hearts-keps)\n');
  });

  it('decodes two-code-point names (Go entity2) such as &NotNestedGreaterGreater; and &fjlig;', () => {
    assert.equal(
      tocOf('## [a &NotNestedGreaterGreater; b &fjlig;](/x)\n'),
      '- [<a href="/x">a \u2aa2\u0338 b fj</a>](#a-notnestedgreatergreater-b-fjlig)\n',
    );
  });

  it('decodes legacy names without ";" (also as a prefix: &notit; is ¬it;), but not other names', () => {
    assert.equal(
      tocOf('## [&copy 2024 &notit; &ampx &hearts &amp](/x)\n'),
      '- [<a href="/x">© 2024 ¬it; &amp;x &amp;hearts &amp;</a>](#copy-2024-notit-ampx-hearts-amp)\n',
    );
  });

  it('decodes the link destination too (&para=2 becomes ¶=2)', () => {
    assert.equal(tocOf('## [Query](/a?b=1&para=2&lang=go)\n'), '- [<a href="/a?b=1¶=2&amp;lang=go">Query</a>](#query)\n');
  });

  it('leaves names outside links, unknown names and the two Go omits (&nLt;, &nGt;) literal', () => {
    assert.equal(tocOf('## I &hearts; KEPs\n'), '- [I &amp;hearts; KEPs](#i-hearts-keps)\n');
    assert.equal(
      tocOf('## [&nLt; &nGt; &constructor; &toString](/x)\n'),
      '- [<a href="/x">&amp;nLt; &amp;nGt; &amp;constructor; &amp;toString</a>](#nlt-ngt-constructor-tostring)\n',
    );
  });
});

describe('mdtoc: TOC tags', () => {
  it('reports a missing opening tag', () => {
    const r = checkToc('# Title\n<!-- /toc -->\n');
    assert.equal(r.kind, 'error');
    assert.equal(r.kind === 'error' && r.message, 'missing opening TOC tag');
  });

  it('reports a missing closing tag', () => {
    const r = checkToc('<!-- toc -->\n# Title\n');
    assert.equal(r.kind === 'error' && r.message, 'missing closing TOC tag');
  });

  it('reports a closing tag before the opening tag', () => {
    const r = checkToc('<!-- /toc -->\n<!-- toc -->\n\n# Only Heading\n');
    assert.equal(r.kind === 'error' && r.message, 'TOC closing tag before start tag');
  });

  it('matches tags case-insensitively (capital_toc)', () => {
    const text = '# TOC\n\nIntro.\n\n<!-- TOC -->\n\n- [Only Heading](#only-heading)\n\n<!-- /TOC -->\n\n# Only Heading\n';
    assert.equal(checkToc(text).kind, 'ok');
  });

  it('finds tags even inside fenced code blocks (plain regex search)', () => {
    // An example inside a code block comes first, so mdtoc checks that (empty) "TOC" and the real one is ignored.
    const text = '```md\n<!-- toc -->\n<!-- /toc -->\n```\n\n<!-- toc -->\n- [After](#after)\n<!-- /toc -->\n\n## After\n';
    assert.deepEqual(findTocTags(text), { start: 6, end: 19 });
    const r = checkToc(text);
    assert.equal(r.kind, 'stale');
    assert.equal(r.kind === 'stale' && r.generated, '- [After](#after)\n');
    assert.equal(checkToc(applyEdit(text)).kind, 'ok');
  });

  it('only uses headings after the closing tag (skip-prefix)', () => {
    const text = '# Before\n<!-- toc -->\n- [After](#after)\n<!-- /toc -->\n# After\n';
    assert.equal(checkToc(text).kind, 'ok');
    assert.equal(checkToc(text, { skipPrefix: false }).kind, 'stale');
  });
});

describe('mdtoc: behaviours of its own testdata, with our fixtures', () => {
  const titleBlock = '---\ntitle: a title block\ndescription: ignored\n---\n\n';

  it('weird_headings: punctuation, duplicates, nesting, markup and custom ids are up to date', () => {
    const toc = [
      '- [H1](#h1)',
      '  - [H2: punctuation!](#h2-punctuation)',
      '    - [Twin](#twin)',
      '    - [Twin](#twin-1)',
      '      - [H4 no filler](#h4-no-filler)',
      '        - [H5 no filler](#h5-no-filler)',
      '      - [H4.2](#h42)',
      '  - [Odd ones](#odd-ones)',
      '    - [!@#$&amp;*^ marks!](#-marks)',
      '    - [-dash-and_underscore](#-dash-and_underscore)',
      '    - [-----](#-----)',
      '    - [<strong>loud <em>voice</em></strong>](#loud-voice)',
      "    - [won't stop!](#wont-stop)",
      '    - [all: !@#$%^&amp;*(){}/=?+;:&quot;\'`,.&lt;&gt; done](#all--done)',
    ].join('\n');
    const body = [
      '# H1',
      'text',
      '## H2: punctuation!',
      '### Twin',
      '### Twin',
      '#### H4 no filler',
      '##### H5 no filler',
      '#### H4.2',
      '## Odd ones',
      '### !@#$&*^ marks!',
      '### -dash-and_underscore',
      '### -----',
      '### **loud _voice_**',
      "### won't stop! {#elsewhere}",
      '### all: !@#$%^&*(){}/=?+;:"\'`,.<> done',
      '',
    ].join('\n');
    const text = titleBlock + '# Expected\n\n<!-- toc -->\n' + toc + '\n<!-- /toc -->\n\n' + body;
    const r = checkToc(text, { maxDepth: 6 });
    assert.equal(r.kind, 'ok', r.kind === 'stale' ? r.generated : '');
  });

  it('empty_toc: an empty TOC is stale, and the fix fills it in', () => {
    const text = titleBlock + '# TOC\n\n<!-- toc --><!-- /toc -->\n\n# Only Heading\n';
    const r = checkToc(text);
    assert.equal(r.kind, 'stale');
    assert.equal(r.kind === 'stale' && r.generated, '- [Only Heading](#only-heading)\n');
    assert.equal(applyEdit(text), titleBlock + '# TOC\n\n<!-- toc -->\n- [Only Heading](#only-heading)\n<!-- /toc -->\n\n# Only Heading\n');
  });

  it('code and include_prefix: valid only when headings before the tags count', () => {
    const code = titleBlock + '# Expected\n\n<!-- toc -->\n- [Expected](#expected)\n- [H1 <code>H1</code> H1](#h1-h1-h1)\n- [H2 <code>H2</code>](#h2-h2)\n<!-- /toc -->\n\n# H1 `H1` H1\n\ntext\n\n# H2 `H2`\n';
    assert.equal(checkToc(code, { skipPrefix: false, maxDepth: 6 }).kind, 'ok');
    assert.equal(checkToc(code).kind, 'stale');
    const prefix = titleBlock + '# Expected\n\n<!-- toc -->\n- [Expected](#expected)\n- [H1](#h1)\n- [H2](#h2)\n<!-- /toc -->\n\n# H1\ntext\n\n# H2\n';
    assert.equal(checkToc(prefix, { skipPrefix: false, maxDepth: 6 }).kind, 'ok');
    assert.equal(checkToc(prefix).kind, 'stale');
  });
});

describe('mdtoc: regenerate edit', () => {
  it('writes "\\n" + TOC between the tags, exactly as mdtoc --inplace, and then the check passes', () => {
    const text = '# KEP\n\n<!-- toc -->\n\n- [Old](#old)\n\n<!-- /toc -->\n\n## Summary\n### Goals\n';
    const fixed = applyEdit(text);
    assert.equal(fixed, '# KEP\n\n<!-- toc -->\n- [Summary](#summary)\n  - [Goals](#goals)\n<!-- /toc -->\n\n## Summary\n### Goals\n');
    assert.equal(checkToc(fixed).kind, 'ok');
    assert.equal(regenerateTocEdit(fixed), null);
  });

  it('gives no edit for tag errors', () => {
    assert.equal(regenerateTocEdit('# no tags\n'), null);
  });

  it('ignores surrounding whitespace when comparing (TrimSpace)', () => {
    assert.equal(checkToc('<!-- toc -->\n\n\n- [A](#a)\n\n<!-- /toc -->\n# A\n').kind, 'ok');
  });
});

describe('tocRules', () => {
  const stale = '# KEP\n\n<!-- toc -->\n- [Old](#old)\n<!-- /toc -->\n\n## New\n';

  it('checks only keps/**/*.md outside hack/.notableofcontents', () => {
    assert.equal(isTocChecked('keps/sig-node/123-x/README.md'), true);
    assert.equal(isTocChecked('keps/sig-node/123-x/notes.md'), true);
    assert.equal(isTocChecked('keps/sig-node/123-x/README.MD'), false);
    assert.equal(isTocChecked('docs/README.md'), false);
    assert.equal(isTocChecked('keps/README.md'), false);
    assert.equal(isTocChecked('keps/sig-cli/FAQ.md'), false);
    assert.deepEqual(tocDiagnostics('keps/prod-readiness/README.md', stale), []);
    assert.deepEqual(tocDiagnostics('keps/sig-node/1-x/kep.yaml', stale), []);
  });

  it('reports a stale TOC on the TOC block with a fix that makes it pass', () => {
    const [d] = tocDiagnostics('keps/sig-node/1-x/README.md', stale);
    assert.equal(d.code, 'kep/toc-stale');
    assert.equal(d.severity, 'error');
    assert.equal(d.upstream, 'hack/verify-toc.sh (mdtoc v1.4.0)');
    assert.deepEqual(d.range, { start: { line: 2, character: 0 }, end: { line: 4, character: 13 } });
    const fix = d.fixes?.[0];
    assert.equal(fix?.title, 'Regenerate table of contents');
    const edit = fix!.edits[0];
    const lines = stale.split('\n');
    const before = lines.slice(0, edit.range.start.line).join('\n') + '\n' + lines[edit.range.start.line].slice(0, edit.range.start.character);
    const after = lines[edit.range.end.line].slice(edit.range.end.character) + '\n' + lines.slice(edit.range.end.line + 1).join('\n');
    const fixed = before + edit.newText + after;
    assert.equal(fixed, '# KEP\n\n<!-- toc -->\n- [New](#new)\n<!-- /toc -->\n\n## New\n');
    assert.deepEqual(tocDiagnostics('keps/sig-node/1-x/README.md', fixed), []);
  });

  it('reports tag errors on the tag', () => {
    const [a] = tocDiagnostics('keps/x/README.md', '# T\n<!-- toc -->\n');
    assert.equal(a.code, 'kep/toc-missing-end');
    assert.deepEqual(a.range, { start: { line: 1, character: 0 }, end: { line: 1, character: 12 } });
    assert.equal(tocDiagnostics('keps/x/README.md', '# T\n')[0].code, 'kep/toc-missing-start');
    const [c] = tocDiagnostics('keps/x/README.md', '<!-- /toc -->\n<!-- toc -->\n');
    assert.equal(c.code, 'kep/toc-end-before-start');
    assert.deepEqual(c.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 13 } });
  });

  it('passes the KEP template TOC (template-toc.txt shape)', () => {
    const text = '# KEP-NNNN: Title\n\n<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n  - [Goals](#goals)\n      - [Unit tests](#unit-tests)\n<!-- /toc -->\n\n## Summary\n## Motivation\n### Goals\n##### Unit tests\n###### Hidden at depth 5\n';
    assert.deepEqual(tocDiagnostics('keps/sig-x/1-y/README.md', text), []);
  });
});
