/** Where sigs.yaml comes from (setting path/URL, workspace folder, cached download) and git remotes from .git/config. */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { DEFAULT_SIGS_URL, parseGitRemoteUrl, readGitRemotes, SigsSource, type Fetcher, type SigsFolder } from '../../server/src/workspace/sigsSource';
import { SIGS_YAML } from './sigs-model.test';

function folder(root: string, files: Record<string, string> = {}): SigsFolder {
  return { root, text: (rel) => files[rel] };
}

describe('sigs: sigs.yaml source', () => {
  let tmp: string;
  let server: http.Server;
  let base: string;
  let hits: string[];
  beforeEach(async () => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-sigs-'));
    hits = [];
    server = http.createServer((req, res) => {
      hits.push(req.url ?? '');
      if (req.url === '/sigs.yaml') {
        res.writeHead(200, { 'content-type': 'text/plain' });
        res.end(SIGS_YAML);
      } else {
        res.writeHead(404);
        res.end('nope');
      }
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await new Promise((r) => server.close(r));
    fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('setting path (relative to a workspace folder) wins over a workspace sigs.yaml', () => {
    fs.writeFileSync(path.join(tmp, 'my-sigs.yaml'), 'sigs:\n- dir: sig-x\n  name: X\n  label: x\n');
    const s = new SigsSource();
    s.configure({ sigsYaml: 'my-sigs.yaml' });
    const ws = folder(tmp, { 'sigs.yaml': SIGS_YAML });
    const r = s.modelFor(ws, [ws]);
    assert.equal(r.info.kind, 'setting');
    assert.deepEqual(r.model.groups.map((g) => g.dir), ['sig-x']);
  });

  it('a sigs.yaml in the file’s folder, else in any workspace folder; else none', () => {
    const s = new SigsSource();
    const a = folder('/ws/a');
    const b = folder('/ws/community', { 'sigs.yaml': SIGS_YAML });
    const r = s.modelFor(a, [a, b]);
    assert.equal(r.info.kind, 'workspace');
    assert.equal(r.info.description, 'sigs.yaml in workspace folder community');
    assert.equal(r.model.groups.length, 4);
    assert.equal(s.modelFor(a, [a]).info.kind, 'none');
  });

  it('untrusted: a URL setting is never fetched, and nothing is downloaded', async () => {
    const s = new SigsSource();
    s.configure({ sigsYaml: `${base}/sigs.yaml`, trusted: false, cacheDir: tmp });
    const r = s.modelFor(folder(tmp), []);
    await s.settled();
    assert.equal(r.info.kind, 'none');
    assert.match(r.info.problem ?? '', /not trusted/);
    assert.deepEqual(hits, []);
  });

  it('trusted: downloads the URL over HTTP, caches it with its date, answers meanwhile, then a fresh cache needs no network', async () => {
    let now = Date.parse('2026-03-01T10:00:00Z');
    const s = new SigsSource(undefined, () => now);
    let changed = 0;
    s.onDidChange(() => changed++);
    s.configure({ sigsYaml: `${base}/sigs.yaml`, trusted: true, cacheDir: tmp });
    assert.equal(s.modelFor(folder(tmp), []).info.kind, 'none', 'the first answer does not wait for the network');
    await s.settled();
    const r = s.modelFor(folder(tmp), []);
    assert.equal(r.info.kind, 'setting');
    assert.equal(r.info.date, '2026-03-01T10:00:00.000Z');
    assert.match(r.info.description, /downloaded 2026-03-01T10:00:00.000Z/);
    assert.equal(r.model.groups.length, 4);
    assert.equal(hits.length, 1);
    assert.ok(changed >= 2);
    assert.equal(fs.readdirSync(tmp).filter((f) => f.startsWith('sigs-')).length, 2);

    now += 60 * 60 * 1000;
    const again = new SigsSource(undefined, () => now);
    again.configure({ sigsYaml: `${base}/sigs.yaml`, trusted: true, cacheDir: tmp });
    const r2 = again.modelFor(folder(tmp), []);
    await again.settled();
    assert.equal(r2.info.date, '2026-03-01T10:00:00.000Z');
    assert.equal(hits.length, 1, 'a cache younger than a day is used without a request');

    now += 2 * 24 * 60 * 60 * 1000;
    const stale = new SigsSource(undefined, () => now);
    stale.configure({ sigsYaml: `${base}/sigs.yaml`, trusted: true, cacheDir: tmp });
    assert.equal(stale.modelFor(folder(tmp), []).info.date, '2026-03-01T10:00:00.000Z', 'a stale copy is used while refreshing');
    await stale.settled();
    assert.equal(hits.length, 2);
    assert.notEqual(stale.modelFor(folder(tmp), []).info.date, '2026-03-01T10:00:00.000Z');
  });

  it('a failing download is reported and falls back', async () => {
    const s = new SigsSource();
    s.configure({ sigsYaml: `${base}/missing.yaml`, trusted: true, cacheDir: tmp });
    s.modelFor(folder(tmp), []);
    await s.settled();
    const r = s.modelFor(folder(tmp, { 'sigs.yaml': SIGS_YAML }), []);
    assert.equal(r.info.kind, 'workspace');
    assert.match(r.info.problem ?? '', /HTTP 404/);
  });

  it('trusted without any sigs.yaml: the kubernetes/community copy through the injected fetcher; download can be switched off', async () => {
    const urls: string[] = [];
    const fetcher: Fetcher = async (u) => (urls.push(u), { status: 200, text: SIGS_YAML });
    const s = new SigsSource(fetcher);
    s.configure({ trusted: true, cacheDir: tmp });
    s.modelFor(folder(tmp), []);
    await s.settled();
    const r = s.modelFor(folder(tmp), []);
    assert.equal(r.info.kind, 'download');
    assert.deepEqual(urls, [DEFAULT_SIGS_URL]);
    const off = new SigsSource(fetcher);
    off.configure({ trusted: true, download: false, cacheDir: path.join(tmp, 'other') });
    assert.equal(off.modelFor(folder(tmp), []).info.kind, 'none');
    assert.equal(urls.length, 1);
  });
});

describe('sigs: git remotes without git', () => {
  it('remote URL forms', () => {
    for (const u of ['https://github.com/kubernetes/community.git', 'git@github.com:kubernetes/community.git', 'ssh://git@github.com/kubernetes/community', 'https://user@github.example.com:8443/kubernetes/community/']) {
      assert.deepEqual(parseGitRemoteUrl(u), { org: 'kubernetes', repo: 'community' }, u);
    }
    assert.equal(parseGitRemoteUrl('/local/path'), undefined);
  });
  it('.git/config remotes, upstream first; a worktree’s .git file', () => {
    const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-git-'));
    try {
      fs.mkdirSync(path.join(tmp, 'main/.git'), { recursive: true });
      fs.writeFileSync(
        path.join(tmp, 'main/.git/config'),
        '[core]\n\tbare = false\n[remote "origin"]\n\turl = git@github.com:me/kubernetes.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n[remote "upstream"]\n\turl = https://github.com/kubernetes/kubernetes\n[branch "main"]\n\tremote = origin\n',
      );
      assert.deepEqual(readGitRemotes(path.join(tmp, 'main')), [
        { name: 'upstream', org: 'kubernetes', repo: 'kubernetes' },
        { name: 'origin', org: 'me', repo: 'kubernetes' },
      ]);
      fs.mkdirSync(path.join(tmp, 'main/.git/worktrees/wt'), { recursive: true });
      fs.writeFileSync(path.join(tmp, 'main/.git/worktrees/wt/commondir'), '../..\n');
      fs.mkdirSync(path.join(tmp, 'wt'));
      fs.writeFileSync(path.join(tmp, 'wt/.git'), `gitdir: ${path.join(tmp, 'main/.git/worktrees/wt')}\n`);
      assert.equal(readGitRemotes(path.join(tmp, 'wt')).length, 2);
      assert.deepEqual(readGitRemotes(path.join(tmp, 'nothing')), []);
    } finally {
      fs.rmSync(tmp, { recursive: true, force: true });
    }
  });
});
