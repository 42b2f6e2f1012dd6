/**
 * GitHub reality checks end to end below VS Code: logins collected from a real repository on disk (the server's
 * shepherd/loginsInWorkspace handler), looked up through the real Octokit adapter over real HTTP at the GitHub double
 * (OpenAPI-checked), cached, rate-limit aware, turned into diagnostics. The clock is injected; requests are counted
 * at the double.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PersistedAnswerCache, type KeyValueStore } from '../../client/src/reality/cache';
import { RealityChecker } from '../../client/src/reality/checker';
import { RealityRunner, type FolderDiagnostics, type RealityEnvironment } from '../../client/src/reality/runner';
import { GitHub } from '../../client/src/shepherd/github';
import { loginsInWorkspace } from '../../server/src/lsp/logins';
import { Workspaces } from '../../server/src/lsp/workspaces';
import { GitHubDouble } from '../support/githubDouble';

const OWNERS = `approvers:
  - alice
  - ghost
  - sig-foo-leads
reviewers:
  - mallory
  - carol
`;
const ALIASES = `aliases:
  sig-foo-leads:
    - alice
    - Dave
`;
const KEP = `title: A KEP
kep-number: 1234
authors:
  - "@alice"
  - "@ghost"
reviewers:
  - TBD
approvers:
  - "@carol"
`;

function makeRepo(remote = 'https://github.com/kubernetes/kubernetes.git'): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-reality-'));
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
  };
  write('.git/HEAD', 'ref: refs/heads/main\n');
  write('.git/config', `[remote "origin"]\n\turl = ${remote}\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n`);
  write('OWNERS', OWNERS);
  write('OWNERS_ALIASES', ALIASES);
  write('keps/sig-foo/1234-a-kep/kep.yaml', KEP);
  return root;
}

class MemoryStore implements KeyValueStore {
  readonly data = new Map<string, unknown>();
  writes = 0;
  get<T>(key: string): T | undefined {
    return this.data.get(key) as T | undefined;
  }
  async update(key: string, value: unknown): Promise<void> {
    this.writes++;
    this.data.set(key, JSON.parse(JSON.stringify(value ?? null)));
  }
}

describe('GitHub reality checks over the GitHub double (real Octokit, real HTTP, injected clock)', function () {
  this.timeout(20000);
  let gh: GitHubDouble;
  let root: string;
  let now: number;
  let store: MemoryStore;
  let published: FolderDiagnostics[];
  let notices: string[];
  let scheduled: { delayMs: number; run: () => void }[];
  let env: RealityEnvironment;
  let token: string | undefined;
  const logs: string[] = [];

  function runner(opts: { reserve?: number; concurrency?: number; ttlMs?: number } = {}): { runner: RealityRunner; cache: PersistedAnswerCache } {
    const github = new GitHub({ baseUrl: gh.url, auth: { getToken: async () => token }, timeoutMs: 2000, maxRetryAfterSeconds: 2, retryBaseMs: 10, log: (m) => logs.push(m) });
    const cache = new PersistedAnswerCache(store, () => now);
    const checker = new RealityChecker({ github, cache, now: () => now, scope: gh.url, concurrency: opts.concurrency ?? 1, reserve: opts.reserve ?? 0, ttlMs: opts.ttlMs });
    return { runner: new RealityRunner(env, checker, 0), cache };
  }

  function codesByLogin(): Map<string, string[]> {
    const m = new Map<string, string[]>();
    for (const f of published) for (const d of f.diagnostics) m.set(`${d.file}:${d.data?.login}`, [...(m.get(`${d.file}:${d.data?.login}`) ?? []), d.code]);
    return m;
  }

  beforeEach(async () => {
    gh = await GitHubDouble.start();
    // kubernetes: alice and carol are members; mallory exists but is nothing; dave collaborates only; ghost does not exist.
    for (const u of ['alice', 'carol', 'mallory', 'dave']) gh.users.add(u);
    gh.orgMembers.set('kubernetes', new Set(['alice', 'carol']));
    gh.collaborators.set('kubernetes/kubernetes', new Set(['dave']));
    root = makeRepo();
    const workspaces = new Workspaces();
    workspaces.add(root);
    now = Date.parse('2026-03-01T10:00:00Z');
    store = new MemoryStore();
    published = [];
    notices = [];
    scheduled = [];
    token = gh.token;
    logs.length = 0;
    env = {
      trusted: () => true,
      enabled: () => true,
      signedIn: async () => token !== undefined,
      logins: () => loginsInWorkspace(workspaces, {}),
      publish: (r) => (published = r),
      notify: (m) => notices.push(m),
      log: (m) => logs.push(m),
      now: () => now,
      schedule: (delayMs, run) => (scheduled.push({ delayMs, run }), { dispose: () => undefined }),
      githubHost: 'api.github.com',
    };
  });

  afterEach(async () => {
    assert.deepEqual(gh.violations, [], 'every request conforms to GitHub OpenAPI');
    for (const l of logs) assert.ok(!l.includes(gh.token), 'no token in logs');
    await gh.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('missing user → github/unknown-login; neither member nor collaborator → github/untrusted-login; members → nothing', async () => {
    const { runner: r } = runner();
    const res = await r.run();
    assert.equal(res.ran, true);
    const codes = codesByLogin();
    assert.deepEqual(codes.get('OWNERS:ghost'), ['github/unknown-login']);
    assert.deepEqual(codes.get('keps/sig-foo/1234-a-kep/kep.yaml:ghost'), ['github/unknown-login']);
    assert.deepEqual(codes.get('OWNERS:mallory'), ['github/untrusted-login']);
    // A collaborator that is not a member: verify-owners trusts them, but the org ladder expects members.
    assert.deepEqual(codes.get('OWNERS_ALIASES:dave'), ['github/not-org-member']);
    for (const member of ['OWNERS:alice', 'OWNERS:carol', 'OWNERS_ALIASES:alice', 'keps/sig-foo/1234-a-kep/kep.yaml:alice', 'keps/sig-foo/1234-a-kep/kep.yaml:carol']) {
      assert.equal(codes.get(member), undefined, member);
    }
    // The alias name and the TBD placeholder are never looked up.
    const asked = gh.requests.map((q) => q.path);
    assert.ok(!asked.some((p) => /sig-foo-leads|tbd/i.test(p)), asked.join(' '));
    // Positions point at the entries themselves.
    const ghost = published[0].diagnostics.find((d) => d.file === 'OWNERS' && d.data?.login === 'ghost')!;
    assert.deepEqual(ghost.range, { start: { line: 2, character: 4 }, end: { line: 2, character: 9 } });
    assert.ok(published.every((f) => f.diagnostics.every((d) => d.severity === 'warning')));
    // Members cost one request each (membership first); each distinct login is asked once across files.
    assert.equal(gh.requests.filter((q) => q.operationId === 'orgs/check-membership-for-user').length, 5);
    assert.equal(gh.requests.filter((q) => q.operationId === 'users/get-by-username').length, 3);
    assert.equal(gh.requests.filter((q) => q.operationId === 'repos/check-collaborator').length, 2);
    assert.equal(gh.requests.filter((q) => q.operationId === 'orgs/get').length, 1);
    assert.equal(gh.requests.length, 11);
  });

  it('cached: a second run makes no request; answers survive a restart; they expire after the TTL', async () => {
    const first = runner();
    await first.runner.run();
    const made = gh.requests.length;
    const before = JSON.stringify(published);
    const again = await first.runner.run();
    assert.equal(gh.requests.length, made, 'no request on the second run');
    assert.equal(again.ran && again.requests, 0);
    assert.equal(JSON.stringify(published), before, 'same diagnostics from the cache (negative answers too)');
    await first.cache.flush();
    // A new window: a fresh checker over the persisted store.
    const restarted = runner();
    await restarted.runner.run();
    assert.equal(gh.requests.length, made, 'no request after a restart');
    // Past the 24 h TTL everything is asked again.
    now += 24 * 3_600_000 + 1;
    await restarted.runner.run();
    assert.equal(gh.requests.length, 2 * made);
  });

  it('rate-limited (403, x-ratelimit-remaining 0): reported once, no request until the reset, retried after it', async () => {
    const reset = Math.floor(Date.now() / 1000) + 3600;
    gh.faults.push({
      match: (q) => q.operationId === 'users/get-by-username',
      status: 403,
      headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(reset) },
      body: { message: 'API rate limit exceeded for user ID 1.' },
    });
    now = Date.now();
    const { runner: r } = runner();
    const first = await r.run();
    assert.ok(first.ran && first.pausedUntil === reset * 1000 && first.unfinished > 0);
    assert.equal(notices.length, 1);
    assert.match(notices[0], /^GitHub rate limit reached; checks resume at \d\d:\d\d$/);
    assert.equal(scheduled.length, 1);
    assert.ok(Math.abs(scheduled[0].delayMs - (reset * 1000 - now + 1000)) < 5, 'a run is scheduled for just after the reset');
    const made = gh.requests.length;
    // Nothing about ghost/mallory yet (not settled), members already fine.
    assert.equal(codesByLogin().get('OWNERS:ghost'), undefined);

    now += 60_000;
    await r.run();
    await r.run();
    assert.equal(gh.requests.length, made, 'no request while paused');
    assert.equal(notices.length, 1, 'reported once');

    now = reset * 1000 + 1;
    const after = await r.run();
    assert.ok(after.ran && after.requests > 0 && after.unfinished === 0 && after.pausedUntil === undefined);
    assert.deepEqual(codesByLogin().get('OWNERS:ghost'), ['github/unknown-login']);
    assert.deepEqual(codesByLogin().get('OWNERS:mallory'), ['github/untrusted-login']);
    assert.equal(notices.length, 1);
  });

  it('stops before the limit is used up (x-ratelimit-remaining at the reserve) and resumes at x-ratelimit-reset', async () => {
    gh.rateRemaining = 4;
    gh.rateReset = Math.floor(Date.now() / 1000) + 3600;
    now = Date.now();
    const { runner: r } = runner({ reserve: 1 });
    const first = await r.run();
    // org, then alice's membership, then ghost's: the third answer says 1 left, which is the reserve.
    assert.equal(gh.requests.length, 3);
    assert.ok(first.ran && first.pausedUntil === gh.rateReset! * 1000);
    assert.equal(notices.length, 1);
    await r.run();
    assert.equal(gh.requests.length, 3);
    gh.rateRemaining = 5000;
    now = gh.rateReset! * 1000;
    const after = await r.run();
    assert.ok(after.ran && after.unfinished === 0);
    assert.deepEqual(codesByLogin().get('OWNERS:ghost'), ['github/unknown-login']);
  });

  it('a collaborator check GitHub refuses (403 without push access) settles as unknown: not-org-member, asked once', async () => {
    gh.faults.push({ match: (q) => q.operationId === 'repos/check-collaborator', status: 403, body: { message: 'Must have push access to view repository collaborators.' }, times: 10 });
    const { runner: r } = runner();
    await r.run();
    assert.deepEqual(codesByLogin().get('OWNERS:mallory'), ['github/not-org-member']);
    const made = gh.requests.length;
    await r.run();
    assert.equal(gh.requests.length, made);
  });

  it('a repository owned by a user: only collaborators count', async () => {
    fs.rmSync(root, { recursive: true, force: true });
    root = makeRepo('git@github.com:carol/tools.git');
    const workspaces = new Workspaces();
    workspaces.add(root);
    env.logins = () => loginsInWorkspace(workspaces, {});
    gh.collaborators.set('carol/tools', new Set(['alice', 'carol']));
    const { runner: r } = runner();
    await r.run();
    const codes = codesByLogin();
    assert.deepEqual(codes.get('OWNERS:mallory'), ['github/untrusted-login']);
    assert.equal(codes.get('OWNERS:alice'), undefined);
    assert.deepEqual(codes.get('OWNERS:ghost'), ['github/unknown-login']);
    assert.equal(gh.requests.filter((q) => q.operationId === 'orgs/check-membership-for-user').length, 0);
  });

  it('untrusted workspace, opted out, or not signed in: zero requests, nothing published', async () => {
    const { runner: r } = runner();
    env.trusted = () => false;
    assert.deepEqual(await r.run(), { ran: false, reason: 'untrusted' });
    env.trusted = () => true;
    env.enabled = () => false;
    assert.deepEqual(await r.run(), { ran: false, reason: 'disabled' });
    env.enabled = () => true;
    token = undefined;
    assert.deepEqual(await r.run(), { ran: false, reason: 'signed-out' });
    assert.equal(gh.requests.length, 0);
    assert.deepEqual(published, []);
  });

  it('opting out after a run clears the published findings', async () => {
    const { runner: r } = runner();
    await r.run();
    assert.ok(published.some((f) => f.diagnostics.length > 0));
    env.enabled = () => false;
    await r.run();
    assert.deepEqual(published, []);
  });

  it('a remote on another GitHub host is not checked against this one', async () => {
    env.githubHost = 'ghe.example.com';
    const { runner: r } = runner();
    const res = await r.run();
    assert.ok(res.ran && res.requests === 0);
    assert.equal(gh.requests.length, 0);
  });

  it('a bad token (401) stops the run quietly (no retry storm), nothing published', async () => {
    token = 'gho_wrong';
    const { runner: r } = runner();
    assert.deepEqual(await r.run(), { ran: false, reason: 'signed-out' });
    assert.equal(gh.requests.length, 1);
  });

  it('GitHub down (500s): the run stops after the first failure and caches nothing', async () => {
    gh.faults.push({ match: () => true, status: 500, times: 100 });
    const { runner: r } = runner();
    const res = await r.run();
    assert.ok(res.ran && res.trouble && res.unfinished > 0);
    // The org probe fails (retried once by the adapter), then the run stops.
    assert.ok(gh.requests.length <= 2, `${gh.requests.length} requests`);
    assert.equal(res.ran && res.diagnostics, 0);
  });
});
