/**
 * bin/kube-shepherd.js loads dist/cli.js with a V8 code cache (bin/codeCache.js). The cache must never change what
 * the CLI does: these runs compare its output with a plain `require` of the bundle, with no cache, a fresh cache, and
 * cache files that are corrupt or truncated, and cache directories that cannot be used.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const CLI = path.join(ROOT, 'bin', 'kube-shepherd.js');

function run(args: string[], env: Record<string, string>) {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    encoding: 'utf8',
    // The TOC worker is the same bundle started again by __filename: forcing it checks that path under the loader too.
    env: { ...process.env, KUBE_SHEPHERD_TOC_WORKER: '1', KUBE_SHEPHERD_CODE_CACHE_DEBUG: '1', ...env },
  });
  const cacheLines = r.stderr.split('\n').filter((l) => l.startsWith('kube-shepherd code cache: '));
  const otherStderr = r.stderr.split('\n').filter((l) => l && !l.startsWith('kube-shepherd code cache: ')).join('\n');
  return { status: r.status, stdout: r.stdout, otherStderr, cache: cacheLines.map((l) => l.slice('kube-shepherd code cache: '.length)) };
}

function cacheFiles(dir: string): string[] {
  return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => f.endsWith('.cache')).sort() : [];
}

describe('CLI code cache (bin/codeCache.js)', function () {
  // Each case starts the CLI a few times; a loaded machine makes that slow, never wrong.
  this.timeout(120_000);
  let tmp: string;
  let repo: string;
  let cacheDir: string;
  let plain: ReturnType<typeof run>;
  const check = () => ['check', '--root', repo, '--format', 'json'];

  before(() => {
    assert.ok(fs.existsSync(path.join(ROOT, 'dist', 'cli.js')), 'dist/cli.js missing: run `node scripts/build.mjs` (npm test does)');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-shepherd-codecache-'));
    repo = path.join(tmp, 'repo');
    fs.mkdirSync(path.join(repo, 'a'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'a', 'OWNERS'), 'approvers:\n  - alice\nreviwers:\n  - bob\n');
    fs.writeFileSync(path.join(repo, 'OWNERS_ALIASES'), 'aliases:\n  team: [alice]\n');
    fs.mkdirSync(path.join(repo, 'keps', 'sig-x', '1-thing'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'keps', 'sig-x', '1-thing', 'README.md'), '# Thing\n\n<!-- toc -->\n<!-- /toc -->\n\n## Summary\n\nText.\n');
    plain = run(check(), { KUBE_SHEPHERD_CODE_CACHE: '0' });
    assert.equal(plain.otherStderr, '');
    assert.match(plain.stdout, /owners\/unknown-key/);
    assert.deepEqual(plain.cache, [], 'KUBE_SHEPHERD_CODE_CACHE=0 is a plain require');
  });

  beforeEach(() => {
    cacheDir = fs.mkdtempSync(path.join(tmp, 'cache-'));
    fs.rmSync(cacheDir, { recursive: true });
  });

  after(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('without a cache: same output, and writes one cache file per command, checksummed', () => {
    const r = run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.otherStderr, '');
    assert.equal(r.cache[0], 'miss');
    assert.match(r.cache[1], /^wrote /);
    const files = cacheFiles(cacheDir);
    assert.equal(files.length, 1);
    assert.match(files[0], new RegExp(`^cli-[0-9a-f]{24}-${process.version.replace(/\./g, '\\.')}-${process.arch}-check\\.cache$`));
    const buf = fs.readFileSync(path.join(cacheDir, files[0]));
    assert.equal(buf.subarray(0, 8).toString(), 'KSCC0001');
    assert.ok(buf.length > 100_000, 'the cache holds the compiled bundle');
    if (process.platform !== 'win32') assert.equal(fs.statSync(cacheDir).mode & 0o077, 0, 'the cache directory is private');

    const help = run(['--help'], { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.equal(help.status, 0);
    assert.match(help.stdout, /^Usage:/);
    assert.equal(help.cache[0], 'miss', 'other commands have their own cache');
    assert.equal(cacheFiles(cacheDir).length, 2);
  });

  it('with a fresh cache: a hit, the same output, nothing rewritten', () => {
    run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    const [file] = cacheFiles(cacheDir);
    const before = fs.readFileSync(path.join(cacheDir, file));
    const r = run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.deepEqual(r.cache, ['hit']);
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.otherStderr, '');
    assert.ok(fs.readFileSync(path.join(cacheDir, file)).equals(before));
  });

  it('with a corrupt or truncated cache file: same output, and the file is rewritten', () => {
    run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    const file = path.join(cacheDir, cacheFiles(cacheDir)[0]);
    const good = fs.readFileSync(file);
    const flipped = Buffer.from(good);
    flipped[flipped.length >> 1] ^= 0xff;
    for (const bad of [flipped, good.subarray(0, good.length >> 1), Buffer.from('not a cache'), Buffer.alloc(0)]) {
      fs.writeFileSync(file, bad);
      const r = run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
      assert.equal(r.cache[0], 'corrupt');
      assert.match(r.cache[1], /^wrote /);
      assert.equal(r.status, plain.status);
      assert.equal(r.stdout, plain.stdout);
      assert.equal(r.otherStderr, '');
    }
    assert.deepEqual(run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir }).cache, ['hit'], 'the rewritten cache is used');
  });

  it('when the cache directory is unusable or not private: a plain require, same output, nothing written', () => {
    fs.writeFileSync(cacheDir, 'a file where the cache directory should be');
    const r = run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.match(r.cache[0], /^unavailable .*not a directory/);
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.otherStderr, '');
    fs.rmSync(cacheDir);
    if (process.platform === 'win32') return;
    // A code cache is code: one that others could have written is never read (nor written).
    fs.mkdirSync(cacheDir);
    fs.chmodSync(cacheDir, 0o777);
    const shared = run(check(), { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.match(shared.cache[0], /^unavailable .*not private/);
    assert.equal(shared.stdout, plain.stdout);
    assert.deepEqual(cacheFiles(cacheDir), []);
  });

  it('writes no cache when the cache directory cannot be created, and still works', () => {
    const blocker = path.join(tmp, 'blocker');
    fs.writeFileSync(blocker, '');
    const r = run(check(), { KUBE_SHEPHERD_CACHE_DIR: path.join(blocker, 'cache') });
    assert.equal(r.cache[0], 'miss');
    assert.match(r.cache[1], /^not written/);
    assert.equal(r.status, plain.status);
    assert.equal(r.stdout, plain.stdout);
    assert.equal(r.otherStderr, '');
  });

  it('keeps usage errors and exit codes as they are', () => {
    const a = run(['no-such-command'], { KUBE_SHEPHERD_CODE_CACHE: '0' });
    const b = run(['no-such-command'], { KUBE_SHEPHERD_CACHE_DIR: cacheDir });
    assert.equal(a.status, 2);
    assert.equal(b.status, 2);
    assert.equal(b.otherStderr, a.otherStderr);
  });
});
