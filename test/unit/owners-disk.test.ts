/** owners.md §1.2 on a real tree: filepath.Walk semantics (no symlinks, odd files) and the CLI's JSON contract. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Repository } from '../../server/src/workspace/repository';
import { scanTree } from '../../server/src/workspace/scan';
import { sorted } from './owners-helpers';

const repoRoot = path.resolve(__dirname, '..', '..');

function write(root: string, rel: string, content: string | Buffer): void {
  const abs = path.join(root, rel);
  fs.mkdirSync(path.dirname(abs), { recursive: true });
  fs.writeFileSync(abs, content);
}

describe('owners: disk walk', function () {
  this.timeout(60_000);
  let root: string;
  let lockedReadable = false;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-owners-'));
    write(root, 'OWNERS', 'approvers: [root]\n');
    write(root, 'a/OWNERS', 'approvers: [aa]\n');
    write(root, 'ok/OWNERS', 'approvers: [okay]\n');
    fs.mkdirSync(path.join(root, 'link'));
    fs.symlinkSync(path.join(root, 'a', 'OWNERS'), path.join(root, 'link', 'OWNERS'));
    fs.symlinkSync(path.join(root, 'a'), path.join(root, 'linkdir'));
    fs.mkdirSync(path.join(root, 'loop'));
    fs.symlinkSync('..', path.join(root, 'loop', 'up'));
    fs.symlinkSync('self', path.join(root, 'loop', 'self'));
    write(root, 'ownersdir/OWNERS/inner.txt', 'approvers: [inner]\n');
    write(root, 'bin/OWNERS', Buffer.from([0x61, 0x70, 0x70, 0x72, 0x6f, 0x76, 0x65, 0x72, 0x73, 0x3a, 0x20, 0x5b, 0x62, 0x5d, 0x0a, 0x00, 0xff, 0x10, 0x89, 0x50]));
    write(root, 'nul/OWNERS', 'approvers: [nul]\n\u0000\n');
    write(root, 'latin/OWNERS', Buffer.concat([Buffer.from('approvers: [caf'), Buffer.from([0xe9]), Buffer.from(']\n')]));
    write(root, 'bom/OWNERS', '\ufeffapprovers: [bom]\n');
    write(root, 'big/OWNERS', 'approvers: [big]\n' + '# padding padding padding padding padding padding padding padding\n'.repeat(160_000));
    write(root, 'locked/OWNERS', 'approvers: [locked]\n');
    fs.chmodSync(path.join(root, 'locked'), 0o000);
    try {
      fs.readdirSync(path.join(root, 'locked'));
      lockedReadable = true;
    } catch {
      lockedReadable = false;
    }
  });
  after(() => {
    fs.chmodSync(path.join(root, 'locked'), 0o755);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('scan: regular files only, no symlinks followed, unreadable dirs reported', () => {
    const s = scanTree(root);
    assert.ok(s.files.includes('a/OWNERS'));
    assert.ok(!s.files.includes('link/OWNERS'));
    assert.ok(!s.files.some((f) => f.startsWith('linkdir/') || f.startsWith('loop/')));
    assert.ok(!s.files.includes('ownersdir/OWNERS'));
    assert.ok(s.files.includes('ownersdir/OWNERS/inner.txt'));
    if (lockedReadable) assert.ok(s.files.includes('locked/OWNERS'));
    else assert.deepEqual(s.unreadable.map((u) => u.dir), ['locked']);
  });

  it('the rest of the tree is answered, odd files contribute nothing', () => {
    const repo = Repository.open(root);
    const o = repo.index.owners;
    assert.deepEqual(sorted(o.leafApprovers('a/x.go')), ['aa']);
    assert.deepEqual(sorted(o.leafApprovers('ok/x.go')), ['okay']);
    assert.deepEqual(sorted(o.leafApprovers('link/x.go')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('linkdir/x.go')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('loop/up/a/x.go')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('ownersdir/OWNERS/inner.txt')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('bin/x')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('nul/x')), ['root']);
    assert.deepEqual(sorted(o.leafApprovers('latin/x')), ['root']);
    assert.equal(repo.problem('latin/OWNERS'), 'not valid UTF-8');
    assert.deepEqual(sorted(o.leafApprovers('bom/x')), ['bom']);
    assert.deepEqual(sorted(o.leafApprovers('locked/x')), lockedReadable ? ['locked'] : ['root']);
    // Deliberate guard: files over the reader's size limit are not parsed (Prow would read this one).
    assert.deepEqual(sorted(o.leafApprovers('big/x')), ['root']);
    assert.match(repo.problem('big/OWNERS') ?? '', /limit/);
    assert.deepEqual(sorted(o.allApprovers()), lockedReadable ? ['aa', 'bom', 'locked', 'okay', 'root'] : ['aa', 'bom', 'okay', 'root']);
  });

  it('scan paths are whole repository-relative paths in lexical walk order, kept once (as repo.files)', () => {
    const s = scanTree(root);
    assert.deepEqual(s.files.slice(0, 3), ['OWNERS', 'a/OWNERS', 'big/OWNERS']);
    assert.ok(s.files.includes('ownersdir/OWNERS/inner.txt'));
    for (const f of s.files) assert.ok(fs.lstatSync(path.join(root, ...f.split('/'))).isFile(), f);
    const repo = Repository.open(root);
    assert.deepEqual([...repo.files], s.files);
    assert.ok(!('files' in repo.scan), 'the scan result does not keep a second copy of the file list');
    assert.deepEqual(repo.scan.unreadable, s.unreadable);
  });

  it('re-reading unchanged OWNERS text keeps its parse; any change (or the md header view) re-parses', () => {
    const repo = Repository.open(root);
    const first = repo.index.files.get('a/OWNERS')?.file;
    assert.ok(first);
    repo.setOverlay('a/OWNERS', 'approvers: [aa]\n');
    assert.equal(repo.index.files.get('a/OWNERS')?.file, first);
    repo.setOverlay('a/OWNERS', 'approvers: [ab]\n');
    assert.notEqual(repo.index.files.get('a/OWNERS')?.file, first);
    assert.deepEqual(sorted(repo.index.owners.leafApprovers('a/x.go')), ['ab']);
    repo.setOverlay('a/OWNERS', 'approvers: [aa]\n');
    assert.deepEqual(sorted(repo.index.owners.leafApprovers('a/x.go')), ['aa']);
  });
});

describe('owners: CLI JSON contract', function () {
  this.timeout(60_000);
  let root: string;
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-owners-cli-'));
    write(root, 'OWNERS', 'approvers: [root]\nreviewers: [alice, zed]\nlabels: [b-label, A-label]\nrequired_reviewers: [chris]\n');
    write(root, 'OWNERS_ALIASES', 'aliases:\n  team: [Bob, zed]\n');
    write(root, 'a/OWNERS', 'approvers: [aa]\nreviewers: [team]\n');
    write(root, 'a/b/OWNERS', 'reviewers: [carl]\nlabels: [deep]\n');
  });
  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('one JSON object per path, exact keys and values', () => {
    const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'kube-shepherd.js'), 'owners', '--root', root, '--format', 'json', 'a/b/x.go', 'README.md', ''], { encoding: 'utf8' });
    assert.equal(res.status, 0, res.stderr);
    const lines = res.stdout.split('\n').filter((l) => l.length > 0);
    assert.equal(lines.length, 3);
    const keys = ['path', 'approvers', 'reviewers', 'leafApprovers', 'leafReviewers', 'requiredReviewers', 'labels', 'approverOwnersFile', 'reviewerOwnersFile'];
    const [x, readme, rootPath] = lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    assert.deepEqual(Object.keys(x), keys);
    assert.deepEqual(x, {
      path: 'a/b/x.go',
      approvers: [[], [], ['aa'], ['root']],
      reviewers: [[], ['carl'], ['bob', 'zed'], ['alice']],
      leafApprovers: ['aa'],
      leafReviewers: ['carl'],
      requiredReviewers: ['chris'],
      labels: ['A-label', 'b-label', 'deep'],
      approverOwnersFile: 'a',
      reviewerOwnersFile: 'a/b',
    });
    assert.deepEqual(readme, {
      path: 'README.md',
      approvers: [[], ['root']],
      reviewers: [[], ['alice', 'zed']],
      leafApprovers: ['root'],
      leafReviewers: ['alice', 'zed'],
      requiredReviewers: ['chris'],
      labels: ['A-label', 'b-label'],
      approverOwnersFile: '',
      reviewerOwnersFile: '',
    });
    assert.deepEqual(rootPath.approvers, [['root']]);
  });
});
