/** `shepherd/ownersOf` over stdio against the real server (`node dist/cli.js lsp --stdio`). */
import { strict as assert } from 'node:assert';
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ProtocolConnection,
} from 'vscode-languageserver/node';
import { OwnersOfRequest, OwnershipChangedNotification, SigsSettingsNotification, type OwnersOfResult } from '../../server/src/lsp/protocol';
import { LspClient, REPO_ROOT, SERVER_JS } from '../support/lspClient';

const SAMPLE = path.join(REPO_ROOT, 'test', 'fixtures', 'sample-repo');
const uriOf = (abs: string) => pathToFileURL(abs).toString();

/** A multi-root session (the shared LspClient opens one folder). */
async function startMultiRoot(folders: string[]): Promise<{ conn: ProtocolConnection; stop: () => Promise<void> }> {
  const proc = spawn(process.execPath, [SERVER_JS, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
  const conn = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
  conn.listen();
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  // A server that dies at start-up (e.g. dist/ rebuilt underneath) fails the test instead of hanging it.
  const died = new Promise<never>((_, reject) => proc.once('exit', (code) => reject(new Error(`server exited (${code}) during initialize: ${stderr}`))));
  await Promise.race([died, conn.sendRequest(InitializeRequest.type, {
    processId: process.pid,
    rootUri: uriOf(folders[0]),
    capabilities: {},
    workspaceFolders: folders.map((f) => ({ uri: uriOf(f), name: path.basename(f) })),
  })]);
  died.catch(() => undefined);
  await conn.sendNotification(InitializedNotification.type, {});
  return {
    conn,
    stop: async () => {
      await conn.sendRequest(ShutdownRequest.type);
      await conn.sendNotification(ExitNotification.type);
      await new Promise((r) => (proc.exitCode !== null ? r(null) : proc.on('exit', r)));
      conn.dispose();
    },
  };
}

describe('lsp: shepherd/ownersOf', function () {
  this.timeout(30_000);
  let client: LspClient;
  const ask = (rel: string) => client.connection.sendRequest(OwnersOfRequest, { uri: client.uri(rel) }) as Promise<OwnersOfResult | null>;

  before(async () => {
    assert.ok(fs.existsSync(SERVER_JS), 'run npm run build first');
    client = await LspClient.start({ root: SAMPLE });
  });
  after(async () => client?.stop());

  it('a file: owning SIG via the sigs.yaml subproject, with evidence, contacts and leads', async () => {
    const r = (await ask('pkg/kubelet/kubelet.go'))!;
    assert.equal(r.path, 'pkg/kubelet/kubelet.go');
    assert.equal(r.root, client.uri(''));
    assert.equal(r.sigsVia, 'subproject');
    assert.deepEqual(r.sigs.map((s) => s.id), ['sig-node', 'sig-architecture']);
    const node = r.sigs[0];
    assert.equal(node.subproject, 'kubelet');
    assert.deepEqual(node.evidence.map((e) => [e.kind, e.file, e.line]), [['subproject', 'pkg/kubelet/OWNERS', 0], ['label', 'pkg/kubelet/OWNERS', 8]]);
    assert.equal(node.evidence[0].sigsYamlUri, client.uri('sigs.yaml'));
    assert.equal(typeof node.evidence[0].sigsYamlLine, 'number');
    assert.equal(node.contact?.slackUrl, 'https://kubernetes.slack.com/messages/sig-node');
    assert.deepEqual(node.meetings.map((m) => m.description), ['Regular SIG Meeting: Tuesday 10:00 PT (Pacific Time), weekly']);
    assert.deepEqual([node.chairs, node.techLeads], [['node-chair'], ['node-lead']]);
    assert.equal(r.sigsSource.kind, 'workspace');
    assert.match(r.repoMatch ?? '', /example\/sample-repo/);
  });

  it('approvers layered nearest first, reviewers, labels, the OWNERS chain with lines, emeritus', async () => {
    const r = (await ask('pkg/kubelet/cm/cpu_manager.go'))!;
    assert.deepEqual(r.leafApprovers, ['frank']);
    assert.deepEqual(r.approvers, [[], ['frank'], ['dave', 'node-chair', 'node-lead'], [], ['arch-chair', 'arch-lead', 'root-approver']]);
    assert.deepEqual(r.labels, ['area/cpu-manager', 'area/kubelet', 'sig/architecture', 'sig/node']);
    assert.deepEqual(r.chain.map((c) => [c.file, c.layer, c.line, c.roles]), [
      ['pkg/kubelet/cm/OWNERS', 1, 4, ['approvers', 'reviewers', 'labels']],
      ['pkg/kubelet/OWNERS', 2, 1, ['approvers', 'reviewers', 'labels']],
      ['OWNERS', 4, 3, ['approvers', 'reviewers', 'labels']],
    ]);
    assert.equal(r.chain[0].uri, client.uri('pkg/kubelet/cm/OWNERS'));
    const frank = r.chain[0].entries.find((e) => e.value === 'frank')!;
    assert.deepEqual([frank.line, frank.character, frank.filter], [7, 8, 'cpu_.*\\.go$']);
    assert.deepEqual(r.emeritus.map((e) => [e.login, e.file, e.line, e.stillCounts]), [['old-timer', 'pkg/kubelet/OWNERS', 6, false]]);
  });

  it('folders too; outside the workspace → null; under an OWNERS file Prow drops, the parent owners apply', async () => {
    const dir = (await ask('pkg/kubelet'))!;
    assert.deepEqual(dir.leafApprovers, ['dave', 'node-chair', 'node-lead']);
    assert.equal(await client.connection.sendRequest(OwnersOfRequest, { uri: uriOf(os.tmpdir() + '/elsewhere.go') }), null);
    const docs = (await ask('docs/guide.md'))!;
    // docs/OWNERS has `- yes`: Prow drops its top-level lists, so root approvers apply.
    assert.deepEqual(docs.leafApprovers, ['arch-chair', 'arch-lead', 'root-approver']);
    assert.equal(docs.sigs[0].id, 'sig-architecture');
    assert.equal(docs.sigsVia, 'subproject');
  });

  it('follows unsaved OWNERS edits (the server’s overlay), not the disk', async () => {
    const rel = 'pkg/kubelet/OWNERS';
    const text = fs.readFileSync(path.join(SAMPLE, rel), 'utf8');
    await client.open(rel, text);
    await client.change(rel, text.replace('  - sig/node\n', '  - sig/scheduling\n'));
    const r = (await ask('pkg/kubelet/kubelet.go'))!;
    assert.deepEqual(r.sigs.map((s) => [s.id, s.known]), [['sig-node', true], ['sig-scheduling', false], ['sig-architecture', true]]);
    await client.change(rel, text);
    await client.close(rel);
    assert.deepEqual((await ask('pkg/kubelet/kubelet.go'))!.sigs.map((s) => s.id), ['sig-node', 'sig-architecture']);
  });

  it('answers fast (median of 200 requests)', async () => {
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t0 = process.hrtime.bigint();
      await ask(i % 2 ? 'pkg/kubelet/cm/cpu_manager.go' : 'pkg/kubelet/kubelet.go');
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    times.sort((a, b) => a - b);
    const median = times[100];
    console.log(`      ownersOf round trip over stdio: median ${median.toFixed(2)} ms`);
    assert.ok(median < 20, `median ${median} ms`);
  });
});

describe('lsp: shepherd/ownersOf — multi-root, sigs.yaml settings and trust', function () {
  this.timeout(30_000);
  let tmp: string;
  let server: http.Server;
  let hits = 0;
  let base: string;
  before(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-ownersof-'));
    fs.mkdirSync(path.join(tmp, 'plain/src'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'plain/src/main.go'), 'package main\n');
    fs.mkdirSync(path.join(tmp, 'labelled/pkg'), { recursive: true });
    fs.writeFileSync(path.join(tmp, 'labelled/OWNERS'), 'approvers: [a]\nlabels: [sig/testing]\n');
    server = http.createServer((req, res) => {
      hits++;
      res.writeHead(200);
      res.end('sigs:\n- dir: sig-testing\n  name: Testing\n  label: testing\n  contact:\n    slack: sig-testing\n');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('each folder is its own repository; no OWNERS is not an error; another folder’s sigs.yaml is used', async () => {
    const s = await startMultiRoot([path.join(tmp, 'plain'), SAMPLE, path.join(tmp, 'labelled')]);
    try {
      const plain = (await s.conn.sendRequest(OwnersOfRequest, { uri: uriOf(path.join(tmp, 'plain/src/main.go')) })) as OwnersOfResult;
      assert.equal(plain.noOwners, true);
      assert.equal(plain.sigsVia, 'none');
      assert.deepEqual(plain.chain, []);
      const kubelet = (await s.conn.sendRequest(OwnersOfRequest, { uri: uriOf(path.join(SAMPLE, 'pkg/kubelet/kubelet.go')) })) as OwnersOfResult;
      assert.equal(kubelet.sigs[0].id, 'sig-node');
      const labelled = (await s.conn.sendRequest(OwnersOfRequest, { uri: uriOf(path.join(tmp, 'labelled/pkg/x.go')) })) as OwnersOfResult;
      assert.equal(labelled.sigsSource.kind, 'workspace');
      assert.match(labelled.sigsSource.description, /sample-repo/);
      assert.deepEqual(labelled.sigs.map((x) => [x.id, x.known]), [['sig-testing', false]]);
    } finally {
      await s.stop();
    }
  });

  it('a URL setting: never downloaded untrusted; trusted → downloaded, cached with its date, the client is told', async () => {
    const s = await startMultiRoot([path.join(tmp, 'labelled')]);
    try {
      const ask = () => s.conn.sendRequest(OwnersOfRequest, { uri: uriOf(path.join(tmp, 'labelled/pkg/x.go')) }) as Promise<OwnersOfResult>;
      let changed = 0;
      s.conn.onNotification(OwnershipChangedNotification, () => changed++);
      await s.conn.sendNotification(SigsSettingsNotification, { sigsYaml: `${base}/sigs.yaml`, trusted: false, cacheDir: path.join(tmp, 'cache') });
      const untrusted = await ask();
      assert.equal(hits, 0);
      assert.equal(untrusted.sigsSource.kind, 'none');
      assert.match(untrusted.sigsSource.problem ?? '', /not trusted/);

      await s.conn.sendNotification(SigsSettingsNotification, { sigsYaml: `${base}/sigs.yaml`, trusted: true, cacheDir: path.join(tmp, 'cache') });
      await ask();
      for (let i = 0; i < 100 && (await ask()).sigsSource.kind !== 'setting'; i++) await new Promise((r) => setTimeout(r, 50));
      const r = await ask();
      assert.equal(hits, 1);
      assert.equal(r.sigsSource.kind, 'setting');
      assert.match(r.sigsSource.date ?? '', /^\d{4}-\d\d-\d\dT/);
      assert.deepEqual(r.sigs.map((x) => [x.id, x.name, x.known, x.contact?.slack]), [['sig-testing', 'Testing', true, 'sig-testing']]);
      assert.ok(changed > 0, 'shepherd/ownershipChanged was sent');
      assert.ok(fs.readdirSync(path.join(tmp, 'cache')).some((f) => f.endsWith('.yaml')));
    } finally {
      await s.stop();
    }
  });
});

describe('lsp: shepherd/ownersOf — git roots, nested repositories, git: URIs', function () {
  this.timeout(30_000);
  let tmp: string;
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(tmp, rel)), { recursive: true });
    fs.writeFileSync(path.join(tmp, rel), text);
  };
  /** What VS Code's git extension opens for the HEAD / staged version of a working-tree file. */
  const gitUri = (abs: string, ref: string) => `git:${pathToFileURL(abs).pathname}?${encodeURIComponent(JSON.stringify({ path: abs, ref }))}`;
  const ask = (s: { conn: ProtocolConnection }, uri: string) => s.conn.sendRequest(OwnersOfRequest, { uri }) as Promise<OwnersOfResult | null>;

  before(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-ownersof-git-'));
    // k/: a git repository; the OWNERS chain of k/pkg/kubelet starts at the git root (aliases there too).
    fs.mkdirSync(path.join(tmp, 'k/.git'), { recursive: true });
    write('k/OWNERS', 'approvers: [root-approver]\nlabels: [sig/architecture]\n');
    write('k/OWNERS_ALIASES', 'aliases:\n  node-team: [nina, ned]\n');
    write('k/pkg/kubelet/OWNERS', 'approvers: [node-team]\nlabels: [sig/node]\n');
    write('k/pkg/kubelet/kubelet.go', 'package kubelet\n');
    write('k/pkg/api/types.go', 'package api\n');
    // k/third_party/lib: a nested repository (a submodule: `.git` is a file) with its own OWNERS.
    write('k/third_party/lib/.git', 'gitdir: ../../.git/modules/lib\n');
    write('k/third_party/lib/OWNERS', 'approvers: [lib-owner]\n');
    write('k/third_party/lib/src/x.go', 'package lib\n');
    // home/: a checkout with no OWNERS around an unrelated project folder (a dotfiles repository).
    fs.mkdirSync(path.join(tmp, 'home/.git'), { recursive: true });
    write('home/proj/OWNERS', 'approvers: [proj-owner]\n');
    write('home/proj/main.go', 'package main\n');
  });
  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('a subfolder workspace: OWNERS resolved from the git root (chain and aliases above the folder)', async () => {
    const s = await startMultiRoot([path.join(tmp, 'k/pkg/kubelet')]);
    try {
      const r = (await ask(s, uriOf(path.join(tmp, 'k/pkg/kubelet/kubelet.go'))))!;
      assert.equal(r.path, 'pkg/kubelet/kubelet.go');
      assert.equal(r.root, uriOf(path.join(tmp, 'k')));
      assert.deepEqual(r.chain.map((c) => c.file), ['pkg/kubelet/OWNERS', 'OWNERS']);
      assert.deepEqual(r.approvers, [[], ['ned', 'nina'], [], ['root-approver']]);
      assert.deepEqual(r.labels, ['sig/architecture', 'sig/node']);
      // Another file of the same repository, outside the opened folder, is still the repository's.
      assert.deepEqual((await ask(s, uriOf(path.join(tmp, 'k/pkg/api/types.go'))))!.leafApprovers, ['root-approver']);
    } finally {
      await s.stop();
    }
  });

  it('git: URIs (Source Control diff: HEAD; staged: ref "") answer like the working-tree file; other schemes → null', async () => {
    const s = await startMultiRoot([path.join(tmp, 'k/pkg/kubelet')]);
    try {
      const abs = path.join(tmp, 'k/pkg/kubelet/kubelet.go');
      const onDisk = (await ask(s, uriOf(abs)))!;
      for (const ref of ['HEAD', '']) {
        const r = (await ask(s, gitUri(abs, ref)))!;
        assert.equal(r.path, 'pkg/kubelet/kubelet.go', ref);
        assert.deepEqual(r.leafApprovers, onDisk.leafApprovers);
        assert.equal(r.chain[0].uri, uriOf(path.join(tmp, 'k/pkg/kubelet/OWNERS')), 'links point at the working tree');
      }
      for (const uri of ['untitled:Untitled-1', 'output:kube-shepherd', `vscode-userdata:${pathToFileURL(abs).pathname}`, gitUri(path.join(tmp, 'elsewhere.go'), 'HEAD')]) {
        assert.equal(await ask(s, uri), null, uri);
      }
    } finally {
      await s.stop();
    }
  });

  it('nested repository: the innermost wins (its own root, none of the outer OWNERS), also through git:', async () => {
    const s = await startMultiRoot([path.join(tmp, 'k')]);
    try {
      const abs = path.join(tmp, 'k/third_party/lib/src/x.go');
      for (const uri of [uriOf(abs), gitUri(abs, 'HEAD')]) {
        const r = (await ask(s, uri))!;
        assert.equal(r.root, uriOf(path.join(tmp, 'k/third_party/lib')), uri);
        assert.equal(r.path, 'src/x.go');
        assert.deepEqual(r.leafApprovers, ['lib-owner']);
        assert.deepEqual(r.chain.map((c) => c.uri), [uriOf(path.join(tmp, 'k/third_party/lib/OWNERS'))]);
      }
      assert.deepEqual((await ask(s, uriOf(path.join(tmp, 'k/pkg/kubelet/kubelet.go'))))!.leafApprovers, ['ned', 'nina']);
    } finally {
      await s.stop();
    }
  });

  it('multi-root: two folders of one repository share its root; a folder inside an unrelated checkout stays its own root', async () => {
    const s = await startMultiRoot([path.join(tmp, 'k/pkg/kubelet'), path.join(tmp, 'k/pkg/api'), path.join(tmp, 'home/proj')]);
    try {
      const a = (await ask(s, uriOf(path.join(tmp, 'k/pkg/api/types.go'))))!;
      assert.deepEqual([a.root, a.path], [uriOf(path.join(tmp, 'k')), 'pkg/api/types.go']);
      const b = (await ask(s, uriOf(path.join(tmp, 'k/pkg/kubelet/kubelet.go'))))!;
      assert.equal(b.root, a.root);
      const p = (await ask(s, uriOf(path.join(tmp, 'home/proj/main.go'))))!;
      assert.deepEqual([p.root, p.path, p.leafApprovers], [uriOf(path.join(tmp, 'home/proj')), 'main.go', ['proj-owner']]);
      assert.equal(await ask(s, uriOf(path.join(tmp, 'home/elsewhere.go'))), null, 'the checkout around the folder is not opened');
    } finally {
      await s.stop();
    }
  });
});
