/** `shepherd/filesOwnedBy` and `shepherd/ownerSubjects` over stdio against the real server, on the sample repository. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  FilesOwnedByRequest,
  OwnerSubjectsRequest,
  type FilesOwnedByParams,
  type FilesOwnedByResult,
  type OwnerSubjectsResult,
} from '../../server/src/lsp/protocol';
import { LspClient, REPO_ROOT, SERVER_JS } from '../support/lspClient';

const SAMPLE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-repo');

describe('lsp: shepherd/filesOwnedBy', function () {
  this.timeout(30_000);
  let client: LspClient;
  const ask = (p: Omit<FilesOwnedByParams, 'uri'> & { uri?: string }) =>
    client.connection.sendRequest(FilesOwnedByRequest, { uri: client.uri(''), ...p }) as Promise<FilesOwnedByResult | null>;
  const rows = (r: FilesOwnedByResult) => r.entries.map((e) => [e.role, e.file, e.line, e.value, e.via ?? null, e.filter ?? null]);

  before(async () => {
    assert.ok(fs.existsSync(SERVER_JS), 'run npm run build first');
    client = await LspClient.start({ root: SAMPLE });
  });
  after(async () => client?.stop());

  it('an alias of OWNERS_ALIASES: the OWNERS files naming it, with URIs and lines', async () => {
    const r = (await ask({ subject: 'sig-node-reviewers' }))!;
    assert.equal(r.root, client.uri(''));
    assert.deepEqual(r.subject, { kind: 'alias', name: 'sig-node-reviewers', display: 'sig-node-reviewers' });
    assert.deepEqual(r.members, ['alice', 'bob', 'carol']);
    assert.deepEqual(rows(r), [['reviewers', 'pkg/kubelet/OWNERS', 4, 'sig-node-reviewers', null, null]]);
    assert.equal(r.entries[0].uri, client.uri('pkg/kubelet/OWNERS'));
  });

  it('a login through aliases and directly; the root entry is inherited by everything', async () => {
    const r = (await ask({ subject: '@Node-Lead' }))!;
    assert.deepEqual(r.subject.name, 'node-lead');
    assert.deepEqual(rows(r), [['approvers', 'pkg/kubelet/OWNERS', 1, 'sig-node-leads', 'sig-node-leads', null]]);
    const arch = (await ask({ subject: 'arch-chair' }))!;
    assert.deepEqual(rows(arch), [['approvers', 'OWNERS', 4, 'sig-architecture-leads', 'sig-architecture-leads', null]]);
    assert.deepEqual(arch.entries[0].stoppedAt, []);
    assert.ok(arch.entries[0].fileCount >= 15, `root approvers cover the whole repository (${arch.entries[0].fileCount})`);
  });

  it('a filtered entry lists the files its regex selects', async () => {
    const r = (await ask({ subject: 'frank' }))!;
    assert.deepEqual(rows(r), [['approvers', 'pkg/kubelet/cm/OWNERS', 7, 'frank', null, 'cpu_.*\\.go$']]);
    assert.deepEqual(r.entries[0].files, ['pkg/kubelet/cm/cpu_manager.go']);
  });

  it('a SIG: its sigs.yaml subproject OWNERS file and the aliases named after it', async () => {
    const r = (await ask({ subject: 'sig-node' }))!;
    assert.deepEqual(r.subject, { kind: 'sig', name: 'sig-node', display: 'Node (sig-node)' });
    assert.deepEqual(r.aliases, ['sig-node-leads', 'sig-node-reviewers', 'sig-node-tech-leads']);
    assert.deepEqual(rows(r).map((x) => x.slice(0, 2)), [['approvers', 'pkg/kubelet/OWNERS'], ['reviewers', 'pkg/kubelet/OWNERS']]);
    assert.deepEqual(r.subprojects.map((s) => [s.file, s.subproject, s.uri, s.sigsYamlUri]), [['pkg/kubelet/OWNERS', 'kubelet', client.uri('pkg/kubelet/OWNERS'), client.uri('sigs.yaml')]]);
  });

  it('emeritus: no entries, reported apart', async () => {
    const r = (await ask({ subject: 'old-timer' }))!;
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.emeritus.map((e) => [e.file, e.line, e.uri]), [['pkg/kubelet/OWNERS', 6, client.uri('pkg/kubelet/OWNERS')]]);
  });

  it('follows unsaved edits of an OWNERS file', async () => {
    const rel = 'docs/OWNERS';
    const original = fs.readFileSync(path.join(SAMPLE, rel), 'utf8');
    await client.open(rel, original);
    try {
      await client.change(rel, 'approvers:\n  - docs-writer\n  - newcomer\n');
      const r = (await ask({ subject: 'newcomer' }))!;
      assert.deepEqual(rows(r), [['approvers', 'docs/OWNERS', 2, 'newcomer', null, null]]);
    } finally {
      await client.change(rel, original);
      await client.close(rel);
    }
    assert.deepEqual((await ask({ subject: 'newcomer' }))!.entries, []);
  });

  it('ownerSubjects: SIGs, aliases and logins with counts', async () => {
    const r = (await client.connection.sendRequest(OwnerSubjectsRequest, { uri: client.uri('') })) as OwnerSubjectsResult;
    const find = (kind: string, name: string) => r.subjects.find((s) => s.kind === kind && s.name === name);
    assert.deepEqual(find('sig', 'sig-node'), { kind: 'sig', name: 'sig-node', count: 1, detail: 'Node' });
    assert.deepEqual(find('alias', 'sig-node-reviewers'), { kind: 'alias', name: 'sig-node-reviewers', count: 1, detail: '3 members' });
    assert.equal(find('login', 'dave')?.count, 1);
    assert.equal(find('login', 'old-timer'), undefined);
  });

  it('bad requests answer null, never crash the server', async () => {
    assert.equal(await ask({ subject: '' }), null);
    assert.equal(await ask({ subject: 'dave', uri: 'untitled:Untitled-1' }), null);
    assert.equal(await ask({ subject: 'dave', uri: 'file:///nowhere/at/all' }), null);
    assert.equal(await client.connection.sendRequest(FilesOwnedByRequest, null), null);
    assert.ok((await ask({ subject: 'dave', kind: 'nonsense' as never }))!.entries.length === 1, 'an unknown kind is guessed');
  });
});
