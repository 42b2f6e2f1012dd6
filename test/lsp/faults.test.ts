/**
 * Server-level faults: a killed server leaves nothing that stops a new server on the same workspace from working, and
 * rapid typing (200 didChange without waiting) ends with the diagnostics of the final text.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { LspClient } from '../support/lspClient';
import { writeWorkspace } from '../support/fuzz/lspFuzz';
import { Repository } from '../../server/src/workspace/repository';
import { diagnoseFile } from '../../server/src/workspace/diagnose';

describe('LSP: faults', function () {
  this.timeout(60_000);
  let dir: string;
  before(() => (dir = writeWorkspace()));
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('a server killed mid-work is replaced by a new one on the same workspace that works', async () => {
    const first = await LspClient.start({ root: dir });
    await first.open('pkg/OWNERS');
    void first.changeNoWait('pkg/OWNERS', 'approvers:\n  - yes\n');
    first.proc.kill('SIGKILL');
    await new Promise((r) => first.proc.once('exit', r));
    assert.equal(first.alive, false);
    await first.stop();
    const second = await LspClient.start({ root: dir });
    try {
      const ds = await second.open('new/OWNERS', 'approvers:\n  - someone\n  - yes\n');
      assert.deepEqual(ds.map((d) => d.code), ['owners/yaml11-scalar']);
      const o = await second.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: second.uri('pkg/a.go') });
      assert.deepEqual(o?.approvers, [[], ['alice', 'bob'], ['root-approver']]);
    } finally {
      await second.stop();
    }
  });

  it('200 rapid didChange: the last publish is the final text’s diagnostics', async () => {
    const client = await LspClient.start({ root: dir });
    try {
      await client.open('pkg/OWNERS');
      const base = 'approvers:\n  - sig-node-leads\nreviewers:\n  - bob\n';
      let text = base;
      const t0 = Date.now();
      for (let i = 0; i < 200; i++) {
        // Typing a line, with half-typed YAML on the way.
        const line = `  - user${i}${i % 7 === 0 ? ':' : ''}${i % 11 === 0 ? '\n  - yes' : ''}\n`;
        text = i % 50 === 49 ? base : text + line;
        await client.changeNoWait('pkg/OWNERS', text);
      }
      await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri('pkg/OWNERS') } });
      const ms = Date.now() - t0;
      const published = client.latest.get(client.uri('pkg/OWNERS'))!.diagnostics;
      const repo = Repository.open(dir);
      repo.setOverlay('pkg/OWNERS', text);
      const expected = diagnoseFile(repo, 'pkg/OWNERS');
      assert.deepEqual(published.map((d) => [d.code, d.range]), expected.map((d) => [d.code, d.range]));
      console.log(`      200 didChange answered in ${ms} ms; ${client.log.filter((p) => p.uri === client.uri('pkg/OWNERS')).length} publishes for the document`);
      assert.ok(client.alive);
    } finally {
      await client.stop();
    }
  });
});
