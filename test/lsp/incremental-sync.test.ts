/**
 * The server takes incremental didChange notifications (what editors send for a keystroke): after typing a line
 * character by character and pasting a block — across non-ASCII text and CRLF line ends — its diagnostics are those
 * of the whole text sent at once.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../support/lspClient';
import { diffChange } from '../support/textChange';

describe('LSP: incremental document sync', function () {
  this.timeout(60_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-incr-sync-'));
    fs.writeFileSync(path.join(dir, 'OWNERS'), 'approvers:\n  - alice\n');
    fs.writeFileSync(path.join(dir, 'OWNERS_ALIASES'), 'aliases:\n  sig-a-leads:\n    - alice\n');
    fs.mkdirSync(path.join(dir, 'pkg'));
    fs.writeFileSync(path.join(dir, 'pkg', 'OWNERS'), '# Ünïcödé 👍 comment\r\napprovers:\r\n  - bob\r\n');
    client = await LspClient.start({ root: dir });
  });

  after(async () => {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('declares incremental sync', () => {
    const sync = client.initializeResult.capabilities.textDocumentSync;
    assert.equal(typeof sync === 'number' ? sync : sync?.change, 2);
  });

  it('typing and pasting through incremental changes gives the diagnostics of the whole text', async () => {
    const rel = 'pkg/OWNERS';
    let text = fs.readFileSync(path.join(dir, rel), 'utf8');
    await client.open(rel, text);
    const at = text.indexOf('  - bob');
    const typed = '  - yes\r\n  - sig-a-lead\r\n';
    let last: unknown[] = [];
    for (let i = 1; i <= typed.length; i++) last = await client.edit(rel, text.slice(0, at) + typed.slice(0, i) + text.slice(at));
    text = text.slice(0, at) + typed + text.slice(at);
    const pasted = text.replace('👍', '👍 labels:\r\n');
    last = await client.edit(rel, pasted);
    last = await client.edit(rel, text);
    assert.ok(last.length >= 2, `expected the yes and undefined-alias warnings, got ${JSON.stringify(last)}`);
    // The same text sent whole (closed and opened again).
    await client.close(rel);
    const whole = await client.open(rel, text);
    assert.deepEqual(last, whole);
  });

  it('diffChange gives the smallest change without splitting CRLF or surrogate pairs', () => {
    assert.deepEqual(diffChange('a\r\nb', 'a\nb'), { range: { start: { line: 0, character: 1 }, end: { line: 1, character: 0 } }, text: '\n' });
    const c = diffChange('x👍y', 'x👎y');
    assert.equal(c.text, '👎');
  });
});
