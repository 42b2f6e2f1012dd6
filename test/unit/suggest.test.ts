import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { commitsByLogin, changedFilesAgainst, setGitRunner } from '../../server/src/workspace/git';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'kube-shepherd.js');
const SAMPLE = path.join(ROOT, 'test', 'fixtures', 'sample-repo');

function cli(args: string[]) {
  return spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });
}

describe('CLI suggest', () => {
  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `node scripts/build.mjs` (npm test does)');
  });

  it('prints exactly the contract keys, Prow-exact approve data for the PR number, pools and an explained ranking', () => {
    const r = cli(['suggest', '--root', SAMPLE, '--files', 'pkg/kubelet/kubelet.go,pkg/kubelet/cm/cpu_manager.go', '--author', 'alice', '--pr', '7', '--approved-by', 'frank', '--format', 'json']);
    assert.equal(r.status, 0, r.stderr);
    const j = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(j), ['ownersSet', 'unapprovedFiles', 'suggestedApprovers', 'blunderbuss', 'ranked']);
    // pkg/kubelet/cm/OWNERS approves cpu_*.go (filter) and sits below pkg/kubelet: removeSubdirs keeps pkg/kubelet only.
    assert.deepEqual(j.ownersSet, ['pkg/kubelet']);
    assert.deepEqual(j.unapprovedFiles, ['pkg/kubelet']);
    assert.deepEqual(Object.keys(j.suggestedApprovers), ['ccs', 'assignedCCs', 'suggestedCCs']);
    assert.equal(j.suggestedApprovers.ccs.length, 1);
    assert.ok(['dave', 'node-chair', 'node-lead'].includes(j.suggestedApprovers.ccs[0]));
    assert.ok(j.ranked.every((c: { login: string }) => c.login !== 'alice'), 'author excluded');
    assert.ok(j.ranked.every((c: { reasons: string[] }) => c.reasons.length > 0), 'every candidate explained');
    assert.ok(j.blunderbuss.pools.length >= 1);
  });

  it('the suggestion is deterministic for a PR number', () => {
    const a = cli(['suggest', '--root', SAMPLE, '--files', 'pkg/kubelet/kubelet.go', '--pr', '12345']).stdout;
    const b = cli(['suggest', '--root', SAMPLE, '--files', 'pkg/kubelet/kubelet.go', '--pr', '12345']).stdout;
    assert.equal(a, b);
  });

  it('usage errors exit 2 with a message', () => {
    const r = cli(['suggest', '--root', SAMPLE]);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /--files or --base/);
    assert.equal(cli(['suggest', '--root', SAMPLE, '--files', 'a', '--pr', 'x']).status, 2);
  });
});

describe('git expertise and changed files (trusted workspaces only)', () => {
  let dir: string;
  before(() => {
    assert.equal(spawnSync('git', ['--version']).status, 0, 'git is required for these tests');
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-git-'));
    const git = (...a: string[]) => spawnSync('git', a, { cwd: dir, encoding: 'utf8' });
    git('init', '-q', '-b', 'main');
    const commit = (file: string, email: string, name: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
      fs.appendFileSync(path.join(dir, file), `${email}\n`);
      git('add', '.');
      spawnSync('git', ['-c', `user.email=${email}`, '-c', `user.name=${name}`, 'commit', '-q', '-m', 'c'], { cwd: dir });
    };
    commit('pkg/a/x.go', '123+Alice@users.noreply.github.com', 'Alice A');
    commit('pkg/a/x.go', 'bob@example.com', 'Bob');
    commit('pkg/a/y.go', '123+alice@users.noreply.github.com', 'Alice A');
    commit('docs/z.md', 'carol@example.com', 'carol');
    git('checkout', '-q', '-b', 'feature');
    commit('pkg/a/new.go', 'dave@example.com', 'Dave');
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('counts commits per login from noreply addresses and matching local parts', () => {
    const m = commitsByLogin(dir, ['pkg/a'], ['alice', 'bob', 'carol']);
    assert.equal(m.get('alice'), 2);
    assert.equal(m.get('bob'), 1);
    assert.equal(m.get('carol'), undefined);
  });

  it('changed files against the merge base', () => {
    assert.deepEqual(changedFilesAgainst(dir, 'main'), { files: ['pkg/a/new.go'] });
    assert.match(changedFilesAgainst(dir, 'no-such-branch').error ?? '', /merge-base/);
  });

  it('every git call goes through the hookable runner', () => {
    const seen: string[][] = [];
    const old = setGitRunner((_cwd, args) => (seen.push(args), { ok: false, stdout: '', stderr: 'blocked' }));
    try {
      changedFilesAgainst(dir, 'main');
      commitsByLogin(dir, ['pkg'], ['alice']);
    } finally {
      setGitRunner(old);
    }
    assert.deepEqual(seen.map((a) => a[0]), ['merge-base', 'log']);
  });
});
