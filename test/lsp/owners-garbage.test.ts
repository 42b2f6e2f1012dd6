/** Garbage input never crashes, hangs or wedges the server: each document gets diagnostics (or none) in time, and the server still answers. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CompletionRequest, DocumentSymbolRequest, HoverRequest } from 'vscode-languageserver/node';
import { LspClient } from '../support/lspClient';

function randomText(seed: number, n: number): string {
  let x = seed >>> 0 || 1;
  let s = '';
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    const c = x % 0x3000;
    s += c < 0x20 ? '\n:- [{}]"\'&*!|>%@`#,?'[c % 21] : String.fromCharCode(c >= 0xd800 && c < 0xe000 ? 0x41 : c);
  }
  return s;
}

const GARBAGE: [string, string][] = [
  ['random bytes', randomText(1, 20_000)],
  ['random bytes 2', randomText(7, 5_000)],
  ['control chars', '\u0000\u0001\u0002approvers:\u0007\n - \u0000\n'],
  ['deep flow nesting', 'approvers: ' + '['.repeat(20_000) + ']'.repeat(20_000) + '\n'],
  ['deep block nesting', Array.from({ length: 3000 }, (_, i) => ' '.repeat(i) + 'a:').join('\n') + '\n'],
  ['10k-entry list', 'approvers:\n' + Array.from({ length: 10_000 }, (_, i) => `  - user${i}`).join('\n') + '\n'],
  ['10k duplicates', 'approvers:\n' + Array.from({ length: 10_000 }, () => '  - same').join('\n') + '\n'],
  ['10k filters', 'filters:\n' + Array.from({ length: 10_000 }, (_, i) => `  "f${i}\\\\.go$":\n    approvers: [a${i}]`).join('\n') + '\n'],
  ['huge regex', 'filters:\n  "' + '(a|b|c)*'.repeat(5_000) + '":\n    approvers: [x]\n'],
  ['huge repetition regex', 'filters:\n  "((a{1000}){1000}){1000}":\n    approvers: [x]\n'],
  ['catastrophic-in-backtracking regex', 'filters:\n  "(a+)+$":\n    approvers: [x]\n  "(x+x+)+y":\n    reviewers: [y]\n'],
  ['alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]\napprovers: *f\n'],
  ['long line', 'approvers: [' + 'x'.repeat(500_000) + ']\n'],
  ['binary-ish', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 37) % 256)).toString('latin1')],
];

describe('LSP: garbage OWNERS input', function () {
  this.timeout(120_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-garbage-'));
    fs.writeFileSync(path.join(dir, 'OWNERS'), 'approvers:\n  - root\n');
    fs.writeFileSync(path.join(dir, 'OWNERS_ALIASES'), 'aliases:\n  team: [a]\n');
    client = await LspClient.start({ root: dir, timeoutMs: 20_000 });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, text] of GARBAGE) {
    for (const file of ['g/OWNERS', 'OWNERS_ALIASES']) {
      it(`${name} in ${file}`, async () => {
        const t0 = Date.now();
        const ds = await client.open(file, text);
        assert.ok(Array.isArray(ds));
        assert.ok(Date.now() - t0 < 15_000, `took ${Date.now() - t0} ms`);
        const uri = client.uri(file);
        await client.request(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
        await client.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } });
        await client.request(DocumentSymbolRequest.type, { textDocument: { uri } });
        await client.close(file);
        assert.ok(client.alive, `server died: ${client.stderr}`);
      });
    }
  }

  it('still answers normally afterwards', async () => {
    const ds = await client.open('ok/OWNERS', 'approvers:\n  - team\n  - yes\n');
    assert.deepEqual(ds.map((d) => d.code), ['owners/yaml11-scalar']);
    const h = await client.request(HoverRequest.type, { textDocument: { uri: client.uri('ok/OWNERS') }, position: { line: 1, character: 5 } });
    assert.ok(h);
  });
});
