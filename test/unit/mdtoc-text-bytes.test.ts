/**
 * The CLI's TOC worker hands the TOC check the file's own bytes (TocOptions.textBytes) instead of having it encode
 * the text again. The findings must be the same as from the text alone, wherever the closing tag sits and whatever
 * characters come before it; and readTextWithBytes must only offer bytes that are exactly the text's encoding.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkToc, regenerateTocEdit, VERIFY_TOC_MAX_DEPTH } from '../../server/src/core/kep/mdtoc';
import { tocDiagnostics, tocDiagnosticsOnce } from '../../server/src/core/kep/tocRules';
import { readText, readTextWithBytes } from '../../server/src/workspace/scan';

const DOCS = [
  '# KEP-1: Ünïcödé títle 🚀\n\n<!-- toc -->\n- [Old](#old)\n<!-- /toc -->\n\n## Summary ✓\n### Goals\n',
  '# Fresh\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n',
  'Intro with émoji 😀 before\n<!-- toc -->\n<!-- /toc -->Title\n===\n## B\n',
  '<!-- toc -->\n<!-- /toc -->\n## Café `x` — ok\n#### deep\n',
  '# No tags at all 日本語\n',
  '<!-- /toc --> before <!-- toc -->\n## X\n',
];

describe('mdtoc: the TOC check on the file bytes gives the findings of the text', () => {
  it('checkToc and its fix agree with and without textBytes', () => {
    const enc = new TextEncoder();
    for (const text of DOCS) {
      for (const skipPrefix of [true, false]) {
        const opts = { maxDepth: VERIFY_TOC_MAX_DEPTH, skipPrefix };
        assert.deepEqual(checkToc(text, { ...opts, textBytes: enc.encode(text) }), checkToc(text, opts), JSON.stringify(text));
        assert.deepEqual(regenerateTocEdit(text, { ...opts, textBytes: enc.encode(text) }), regenerateTocEdit(text, opts));
      }
      const p = 'keps/sig-x/1-a/README.md';
      assert.deepEqual(tocDiagnosticsOnce(p, text, enc.encode(text)), tocDiagnostics(p, text));
      assert.deepEqual(tocDiagnosticsOnce(p, text), tocDiagnostics(p, text));
    }
  });

  it('readTextWithBytes offers the bytes only when they encode exactly the text', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-text-bytes-'));
    try {
      const write = (name: string, data: Buffer) => {
        fs.writeFileSync(path.join(dir, name), data);
        return path.join(dir, name);
      };
      const plain = write('plain.md', Buffer.from('# Café 🚀\n', 'utf8'));
      const r = readTextWithBytes(plain);
      assert.equal(r.text, readText(plain).text);
      assert.deepEqual(Buffer.from(r.bytes!), Buffer.from(new TextEncoder().encode(r.text!)));
      assert.ok(!Buffer.isBuffer(r.bytes), 'a plain Uint8Array view');
      const bom = write('bom.md', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('# T\n')]));
      assert.deepEqual(readTextWithBytes(bom), { text: '# T\n' });
      const bad = write('bad.md', Buffer.from([0x23, 0x20, 0xff, 0x0a]));
      assert.deepEqual(readTextWithBytes(bad), readText(bad));
      assert.equal(readTextWithBytes(bad).text, undefined);
      assert.deepEqual(readTextWithBytes(path.join(dir, 'missing.md')), readText(path.join(dir, 'missing.md')));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
