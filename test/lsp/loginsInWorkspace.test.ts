/** `shepherd/loginsInWorkspace` over stdio against the real server, on the sample repository. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { LoginsInWorkspaceRequest, type LoginsInWorkspaceParams, type LoginsInWorkspaceResult } from '../../server/src/lsp/logins';
import { LspClient, REPO_ROOT, SERVER_JS } from '../support/lspClient';

const SAMPLE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-repo');

describe('lsp: shepherd/loginsInWorkspace', function () {
  this.timeout(30_000);
  let client: LspClient;
  const ask = async (p: LoginsInWorkspaceParams) => (await client.connection.sendRequest(LoginsInWorkspaceRequest, p)) as LoginsInWorkspaceResult;
  const rows = (r: LoginsInWorkspaceResult) => r.folders.flatMap((f) => f.uses.map((u) => `${u.file}:${u.range.start.line}:${u.role}:${u.login}`));

  before(async () => {
    assert.ok(fs.existsSync(SERVER_JS), 'run npm run build first');
    client = await LspClient.start({ root: SAMPLE });
  });
  after(async () => client?.stop());

  it('one document: its approvers and reviewers with lines; alias names left out', async () => {
    const r = await ask({ uris: [client.uri('OWNERS')] });
    assert.equal(r.folders.length, 1);
    assert.deepEqual(rows(r), ['OWNERS:3:approvers:root-approver', 'OWNERS:6:reviewers:root-reviewer']);
  });

  it('the whole workspace: OWNERS_ALIASES members and kep.yaml people too, never the template KEP', async () => {
    const all = rows(await ask({}));
    for (const want of ['OWNERS_ALIASES:2:alias member:arch-chair', 'keps/sig-node/1234-sample-kep/kep.yaml:3:authors:alice', 'keps/sig-node/1234-sample-kep/kep.yaml:10:reviewers:bob', 'keps/sig-node/1234-sample-kep/kep.yaml:12:approvers:node-lead']) {
      assert.ok(all.includes(want), `${want} in ${all.join(', ')}`);
    }
    assert.ok(!all.some((r) => r.includes('NNNN-kep-template')));
    assert.ok(!all.some((r) => r.endsWith(':sig-architecture-leads')));
  });

  it('reads the editor buffer, not the disk: a login typed a moment ago is there', async () => {
    const text = fs.readFileSync(path.join(SAMPLE, 'OWNERS'), 'utf8').replace('  - root-reviewer\n', '  - root-reviewer\n  - New-Person\n');
    await client.open('OWNERS', text);
    const r = await ask({ uris: [client.uri('OWNERS')] });
    assert.deepEqual(rows(r), ['OWNERS:3:approvers:root-approver', 'OWNERS:6:reviewers:root-reviewer', 'OWNERS:7:reviewers:new-person']);
    assert.equal(r.folders[0].uses[2].written, 'New-Person');
  });

  it('a URI outside the workspace gives no folder', async () => {
    assert.deepEqual(await ask({ uris: ['file:///nowhere/OWNERS'] }), { folders: [] });
  });
});
