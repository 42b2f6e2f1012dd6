/**
 * The reality checker's own logic with an in-process GitHub (a scripted RealityGitHub: the adapter interface, not
 * Octokit): persisted cache loading and coalesced writes, TTLs of yes/no and "GitHub would not say" answers,
 * concurrency, and the reserve. The real adapter over HTTP is covered in test/github/realityChecks.test.ts.
 */
import * as assert from 'node:assert/strict';
import { PersistedAnswerCache, CACHE_KEY, type KeyValueStore } from '../../client/src/reality/cache';
import { RealityChecker, type RealityGitHub } from '../../client/src/reality/checker';
import { sameGitHub } from '../../client/src/reality/runner';
import type { ProbeKind, ProbeResult } from '../../client/src/shepherd/github';

class Store implements KeyValueStore {
  // One key only: the cache keeps everything under CACHE_KEY.
  value: unknown;
  writes = 0;
  get<T>(): T | undefined {
    return this.value as T | undefined;
  }
  async update(_key: string, value: unknown): Promise<void> {
    this.writes++;
    this.value = JSON.parse(JSON.stringify(value ?? null));
  }
}

/** Members: a, b. Users: a, b, c, x. Collaborators: x. Answers after `delayMs`, tracking how many are in flight. */
class ScriptedGitHub implements RealityGitHub {
  calls: string[] = [];
  inFlight = 0;
  maxInFlight = 0;
  remaining = 5000;
  collaboratorForbidden = false;
  async probe(kind: ProbeKind, _owner: string, _repo: string, login = ''): Promise<ProbeResult> {
    this.calls.push(`${kind}:${login}`);
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    await new Promise((r) => setTimeout(r, 2));
    this.inFlight--;
    this.remaining--;
    const rate = { remaining: this.remaining, resetAtMs: 9_000_000 };
    if (kind === 'org') return { answer: true, ...rate };
    if (kind === 'member') return { answer: ['a', 'b'].includes(login), ...rate };
    if (kind === 'exists') return { answer: ['a', 'b', 'c', 'x'].includes(login), ...rate };
    if (this.collaboratorForbidden) return { ...rate, failure: 'forbidden', problem: 'no push access' };
    return { answer: login === 'x', ...rate };
  }
}

const repo = { owner: 'kubernetes', repo: 'kubernetes' };

describe('reality checker: cache, TTLs, concurrency, reserve', () => {
  let now: number;
  let store: Store;
  let gh: ScriptedGitHub;
  const checker = (o: Partial<ConstructorParameters<typeof RealityChecker>[0]> = {}) =>
    new RealityChecker({ github: gh, cache: new PersistedAnswerCache(store, () => now), now: () => now, scope: 'https://api.github.com', ...o });

  beforeEach(() => {
    now = 1_000_000;
    store = new Store();
    gh = new ScriptedGitHub();
  });

  it('asks membership first, then existence, then collaboration; settles everyone', async () => {
    const out = await checker({ concurrency: 1 }).check(repo, ['a', 'ghost', 'c', 'x']);
    assert.deepEqual(gh.calls, ['org:', 'member:a', 'member:ghost', 'exists:ghost', 'member:c', 'exists:c', 'collaborator:c', 'member:x', 'exists:x', 'collaborator:x']);
    assert.equal(out.unfinished, 0);
    assert.deepEqual(out.answers.get('c'), { member: false, exists: true, collaborator: false });
    assert.equal(out.ownerIsOrg, true);
  });

  it('runs at most `concurrency` lookups at once', async () => {
    const logins = Array.from({ length: 20 }, (_, i) => `u${i}`);
    await checker({ concurrency: 3 }).check(repo, logins);
    assert.equal(gh.maxInFlight, 3);
    await checker({ concurrency: 1 }).check(repo, logins.map((l) => l + 'x'));
    assert.equal(gh.maxInFlight, 3);
  });

  it('persists answers in one write per burst, reloads them, and drops malformed or very old entries', async () => {
    const c = new PersistedAnswerCache(store, () => now);
    const k = new RealityChecker({ github: gh, cache: c, now: () => now, scope: 's' });
    await k.check(repo, ['a', 'b', 'c']);
    await c.flush();
    assert.equal(store.writes, 1, `one write for ${gh.calls.length} answers`);
    const saved = store.value as Record<string, unknown>;
    assert.ok(Object.keys(saved).length === gh.calls.length);
    saved['bad'] = { value: 'yes', at: now };
    saved['old'] = { value: true, at: now - 31 * 24 * 3_600_000 };
    const reloaded = new PersistedAnswerCache(store, () => now);
    assert.equal(reloaded.size, gh.calls.length);
    assert.equal(reloaded.get('bad'), undefined);
    assert.ok(!JSON.stringify(store.value).includes('token'));
    assert.ok(store.get<Record<string, unknown>>() !== undefined && CACHE_KEY.startsWith("kubeShepherd."));
  });

  it('"GitHub would not say" is cached for an hour, yes/no answers for the TTL', async () => {
    gh.collaboratorForbidden = true;
    const k = checker({ ttlMs: 10 * 3_600_000 });
    const first = await k.check(repo, ['c']);
    assert.deepEqual(first.answers.get('c'), { member: false, exists: true, collaborator: null });
    const n = gh.calls.length;
    now += 3_600_000 - 1;
    await k.check(repo, ['c']);
    assert.equal(gh.calls.length, n);
    now += 2;
    await k.check(repo, ['c']);
    assert.deepEqual(gh.calls.slice(n), ['collaborator:c'], 'only the unknown answer expired');
  });

  it('stops at the reserve and reports when checks resume; nothing more until then', async () => {
    gh.remaining = 4;
    const k = checker({ reserve: 2, concurrency: 1 });
    const out = await k.check(repo, ['a', 'b', 'c']);
    assert.equal(gh.calls.length, 2);
    assert.equal(out.pausedUntil, 9_000_000);
    assert.equal(out.pauseStarted, true);
    assert.equal(k.resumeAt(), 9_000_000);
    const again = await k.check(repo, ['a', 'b', 'c']);
    assert.equal(gh.calls.length, 2);
    assert.equal(again.pauseStarted, false, 'a pause is started (and reported) once');
    assert.equal(again.unfinished, 2);
  });

  it('matches remotes to the configured GitHub', () => {
    assert.equal(sameGitHub('github.com', 'api.github.com'), true);
    assert.equal(sameGitHub('GitHub.com', 'api.github.com'), true);
    assert.equal(sameGitHub('ghe.example.com', 'ghe.example.com'), true);
    assert.equal(sameGitHub('gitlab.com', 'api.github.com'), false);
    assert.equal(sameGitHub(undefined, 'api.github.com'), true);
    assert.equal(sameGitHub('github.com', '127.0.0.1:8080'), true, 'a local stand-in serves any host');
    assert.equal(sameGitHub('github.com', '127.0.0.2.example.com'), false);
  });
});
