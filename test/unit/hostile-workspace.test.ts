/**
 * Hostile workspaces: a tree built to hurt (symlink loops, symlinked OWNERS, 10 MB and binary OWNERS/kep.yaml, a 100k-member
 * alias group, 10k-level nesting, YAML bombs, an unreadable directory, files deleted while indexing, non-UTF-8 text, CRLF,
 * a backtracking-catastrophic filter regex on a 10k-character path). Each case is checked in-process where that is
 * deterministic, then over stdio against the real server (dist/cli.js): it ends with the server alive and the rest of
 * the tree answered (shepherd/ownersOf of a healthy file, and diagnostics of a healthy OWNERS edit).
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient } from '../support/lspClient';
import { Repository } from '../../server/src/workspace/repository';
import { OwnersIndex } from '../../server/src/workspace/ownersIndex';
import { readText, scanTree } from '../../server/src/workspace/scan';
import { diagnoseFile } from '../../server/src/workspace/diagnose';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import { ownersReport } from '../../server/src/core/owners/report';
import { compileGoRegexp } from '../../server/src/core/re2';

function write(root: string, rel: string, content: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

const TEN_MB = 10 * 1024 * 1024;
const BOMB = ['a: &a ["x","x","x","x","x","x","x","x","x"]', 'b: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]', 'c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]', 'd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]', 'e: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]', 'f: &f [*e,*e,*e,*e,*e,*e,*e,*e,*e]', 'g: &g [*f,*f,*f,*f,*f,*f,*f,*f,*f]', 'approvers: *g', ''].join('\n');
const REDOS_PATH = 'redos/' + 'a'.repeat(10_000) + '!';

describe('hostile workspaces', function () {
  this.timeout(120_000);
  let root: string;
  let client: LspClient;
  let locked = false;
  let healthChecks = 0;

  before(async () => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-hostile-'));
    write(root, 'OWNERS', 'approvers:\n  - root-approver\n');
    write(root, 'pkg/OWNERS', 'approvers:\n  - pkg-approver\nreviewers:\n  - big-team\n');
    write(root, 'pkg/a.go', 'package pkg\n');
    // Symlink loops and symlinked OWNERS (Prow's filepath.Walk never follows links).
    fs.mkdirSync(path.join(root, 'loop'));
    fs.symlinkSync('..', path.join(root, 'loop', 'up'));
    fs.symlinkSync('self', path.join(root, 'loop', 'self'));
    fs.mkdirSync(path.join(root, 'linked'));
    fs.symlinkSync(path.join(root, 'pkg', 'OWNERS'), path.join(root, 'linked', 'OWNERS'));
    fs.symlinkSync(path.join(root, 'pkg'), path.join(root, 'linkdir'));
    // 10 MB and binary files named OWNERS / kep.yaml.
    write(root, 'big/OWNERS', 'approvers:\n  - big\n' + '#'.repeat(TEN_MB));
    write(root, 'keps/sig-node/1-big/kep.yaml', 'title: x\n' + 'a'.repeat(TEN_MB));
    write(root, 'bin/OWNERS', Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 131 + 7) % 256)));
    write(root, 'keps/sig-node/2-bin/kep.yaml', Buffer.from(Array.from({ length: 65_536 }, (_, i) => (i * 37) % 256)));
    // A 100k-member alias group.
    write(root, 'OWNERS_ALIASES', 'aliases:\n  big-team:\n' + Array.from({ length: 100_000 }, (_, i) => `    - user${i}\n`).join(''));
    // 10k-level nesting (flow sequences and mappings) and a YAML bomb.
    write(root, 'deep/OWNERS', 'approvers: ' + '['.repeat(10_000) + 'x' + ']'.repeat(10_000) + '\n');
    write(root, 'deepmap/OWNERS', 'options: ' + '{a: '.repeat(10_000) + 'b' + '}'.repeat(10_000) + '\napprovers: [d]\n');
    write(root, 'bomb/OWNERS', BOMB);
    // Unreadable directory.
    write(root, 'locked/OWNERS', 'approvers: [locked]\n');
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      fs.readdirSync(path.join(root, 'locked'));
    } catch {
      locked = true;
    }
    // Non-UTF-8 and CRLF.
    write(root, 'latin/OWNERS', Buffer.concat([Buffer.from('approvers:\n  - caf'), Buffer.from([0xe9]), Buffer.from('\n')]));
    write(root, 'crlf/OWNERS', 'approvers:\r\n  - crlf-approver\r\n  - yes\r\nreviewers:\r\n  - bob\r\n');
    // A filter regex catastrophic for backtracking engines.
    write(root, 'redos/OWNERS', 'filters:\n  "(a+)+$":\n    approvers: [redos]\n');
    client = await LspClient.start({ root, timeoutMs: 30_000 });
  });

  after(async () => {
    await client?.stop();
    if (root) {
      fs.chmodSync(path.join(root, 'locked'), 0o755);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  /** The server is alive and the rest of the tree answers. */
  async function restAnswered(): Promise<void> {
    assert.ok(client.alive, `server died: ${client.stderr.slice(-2000)}`);
    const t0 = Date.now();
    const owners = await client.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri('pkg/a.go') });
    assert.deepEqual(owners?.approvers, [[], ['pkg-approver'], ['root-approver']]);
    // A healthy edit elsewhere gets its diagnostics (`- yes` is a YAML 1.1 bool: Prow drops such a file).
    const ds = await client.open(`health${++healthChecks}/OWNERS`, 'approvers:\n  - someone\n  - yes\n');
    assert.deepEqual(ds.map((d) => d.code), ['owners/yaml11-scalar']);
    assert.ok(Date.now() - t0 < 5_000, `healthy answers took ${Date.now() - t0} ms`);
  }

  it('the server indexes the whole tree at start and answers', async () => {
    await client.open('pkg/OWNERS');
    await restAnswered();
  });

  it('symlink loops and symlinked OWNERS are not followed (like Prow)', async () => {
    const s = scanTree(root);
    assert.ok(!s.files.some((f) => f.startsWith('loop/') || f.startsWith('linkdir/') || f === 'linked/OWNERS'));
    const repo = Repository.open(root);
    assert.ok(!repo.index.files.has('linked/OWNERS'));
    assert.equal(repo.index.queries.findApproverOwnersForFile('linked/x.go'), '');
    const o = await client.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri('linked/x.go') });
    assert.deepEqual(o?.approvers.flat(), ['root-approver']);
    await restAnswered();
  });

  it('10 MB and binary OWNERS / kep.yaml are skipped with a reason, not parsed', async () => {
    assert.match(readText(path.join(root, 'big/OWNERS')).problem ?? '', /over the .*-byte limit/);
    assert.equal(readText(path.join(root, 'bin/OWNERS')).problem, 'not valid UTF-8');
    const repo = Repository.open(root);
    assert.deepEqual(diagnoseFile(repo, 'big/OWNERS').map((d) => d.code), ['owners/unreadable']);
    assert.deepEqual(diagnoseFile(repo, 'bin/OWNERS').map((d) => d.code), ['owners/unreadable']);
    const ds = await client.diagnostics('big/OWNERS');
    assert.deepEqual(ds.map((d) => d.code), ['owners/unreadable']);
    await restAnswered();
  });

  it('an editor buffer of 10 MB named OWNERS or kep.yaml', async () => {
    const t0 = Date.now();
    await client.open('big2/OWNERS', 'approvers:\n  - x\n' + '# pad\n'.repeat(TEN_MB / 6));
    await client.close('big2/OWNERS');
    await client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri: client.uri('keps/sig-node/3-big/kep.yaml'), languageId: 'yaml', version: 1, text: 'title: ' + 'x'.repeat(TEN_MB) } });
    await client.connection.sendNotification('textDocument/didClose', { textDocument: { uri: client.uri('keps/sig-node/3-big/kep.yaml') } });
    console.log(`      10 MB buffers handled in ${Date.now() - t0} ms`);
    await restAnswered();
  });

  it('a 100k-member alias group expands and is answered quickly', async () => {
    const t0 = Date.now();
    const o = await client.connection.sendRequest<{ reviewers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri('pkg/b.go') });
    assert.equal(o?.reviewers.flat().length, 100_000);
    console.log(`      ownersOf through a 100k-member group: ${Date.now() - t0} ms`);
    await restAnswered();
  });

  it('10k-level nesting and a YAML bomb neither overflow the stack nor expand', async () => {
    const repo = Repository.open(root);
    for (const f of ['deep/OWNERS', 'deepmap/OWNERS', 'bomb/OWNERS']) {
      const t0 = Date.now();
      assert.ok(Array.isArray(diagnoseFile(repo, f)));
      assert.ok(Date.now() - t0 < 2_000, `${f}: ${Date.now() - t0} ms`);
    }
    const bomb = parseOwnersFile(BOMB);
    assert.ok((bomb.simple?.approvers?.length ?? 0) <= 9 ** 7, 'expanded');
    const t0 = Date.now();
    await client.open('bomb2/OWNERS', BOMB.replace('approvers: *g', 'approvers: [*g, *g, *g]'));
    await client.open('deep2/OWNERS', 'reviewers:\n' + Array.from({ length: 2_000 }, (_, i) => ' '.repeat(i + 2) + '- ').join('\n') + 'x\n');
    assert.ok(Date.now() - t0 < 10_000);
    await restAnswered();
  });

  it('an unreadable directory is reported and skipped (as root, where permissions do not apply, it is read)', async () => {
    const s = scanTree(root);
    if (locked) assert.deepEqual(s.unreadable.map((u) => [u.dir, u.error]), [['locked', 'EACCES']]);
    else {
      assert.deepEqual(s.unreadable, []);
      assert.ok(s.files.some((f) => f.startsWith('locked/')), 'root reads the chmod-000 directory');
    }
    await restAnswered();
  });

  it('files deleted while indexing: the index records them as missing and carries on', async () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-vanish-'));
    try {
      for (let i = 0; i < 50; i++) write(tmp, `d${i}/OWNERS`, `approvers: [u${i}]\n`);
      const files = scanTree(tmp).files;
      const index = OwnersIndex.build(files, (p) => {
        if (/^d\d*[13579]\//.test(p)) fs.rmSync(path.join(tmp, p)); // gone between the walk and the read
        return readText(path.join(tmp, p));
      });
      assert.equal(index.files.get('d1/OWNERS')?.problem, 'ENOENT');
      assert.deepEqual(ownersReport(index.queries, 'd2/x').approvers, [[], ['u2']]);
      assert.deepEqual(ownersReport(index.queries, 'd1/x').approvers, []);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
    // Over stdio: the watcher reports files that are already gone again, and a deleted directory's OWNERS.
    fs.rmSync(path.join(root, 'crlf'), { recursive: true, force: true });
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', {
      changes: [
        { uri: client.uri('crlf/OWNERS'), type: 3 },
        { uri: client.uri('crlf/OWNERS'), type: 2 },
        { uri: client.uri('never/existed/OWNERS'), type: 1 },
      ],
    });
    await restAnswered();
    const o = await client.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri('crlf/x.go') });
    assert.deepEqual(o?.approvers.flat(), ['root-approver']);
    write(root, 'crlf/OWNERS', 'approvers:\r\n  - crlf-approver\r\n  - yes\r\nreviewers:\r\n  - bob\r\n');
  });

  it('non-UTF-8 text is reported unreadable on disk; as a buffer it is parsed', async () => {
    const repo = Repository.open(root);
    assert.deepEqual(diagnoseFile(repo, 'latin/OWNERS').map((d) => d.code), ['owners/unreadable']);
    const ds = await client.open('latin2/OWNERS', 'approvers:\n  - caf\ufffd\n  - \ud800\n');
    assert.ok(Array.isArray(ds));
    await restAnswered();
  });

  it('CRLF line endings: positions and fixes are those of the CRLF text', async () => {
    const ds = await client.open('crlf/OWNERS', 'approvers:\r\n  - crlf-approver\r\n  - yes\r\nreviewers:\r\n  - bob\r\n');
    const yes = ds.find((d) => d.code === 'owners/yaml11-scalar');
    assert.deepEqual(yes?.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 7 } });
    await client.change('crlf/OWNERS', 'approvers:\r\n  - crlf-approver\r\n  - "yes"\r\nreviewers:\r\n  - bob\r\n');
    const o = await client.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri('crlf/x.go') });
    assert.deepEqual(o?.approvers, [[], ['crlf-approver', 'yes'], ['root-approver']]);
    await restAnswered();
  });

  it('ReDoS: (a+)+$ on a 10k-character path finishes in ≤ 50 ms (RE2, linear)', async () => {
    const c = compileGoRegexp('(a+)+$');
    assert.ok(c.ok);
    const rel = REDOS_PATH.slice('redos/'.length);
    const t0 = performance.now();
    const hit = c.re.matchString(rel);
    const matchMs = performance.now() - t0;
    const owners = RepoOwners.build([{ path: 'redos/OWNERS', file: parseOwnersFile('filters:\n  "(a+)+$":\n    approvers: [redos]\n') }], null);
    const t1 = performance.now();
    const approvers = owners.approvers(REDOS_PATH).toArrays();
    const queryMs = performance.now() - t1;
    const report = ownersReport(owners, REDOS_PATH);
    console.log(`      ReDoS check: match ${matchMs.toFixed(2)} ms, approvers query ${queryMs.toFixed(2)} ms (10,007-character path)`);
    assert.equal(hit, false);
    assert.deepEqual(approvers, []);
    assert.deepEqual(report.approvers, []);
    assert.ok(matchMs <= 50, `match took ${matchMs} ms`);
    assert.ok(queryMs <= 50, `query took ${queryMs} ms`);
    const t2 = Date.now();
    const o = await client.connection.sendRequest<{ approvers: string[][] } | null>('shepherd/ownersOf', { uri: client.uri(REDOS_PATH.slice(0, -1) + '.go') });
    assert.ok(o);
    assert.ok(Date.now() - t2 < 1_000);
    await restAnswered();
  });
});
