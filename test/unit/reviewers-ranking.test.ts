/** Kube Shepherd's explained ranking: deterministic scores, plain-English reasons, ties in Go byte order. */
import { strict as assert } from 'node:assert';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import { DEFAULT_RANKING_WEIGHTS, rankReviewers, type RankingInput } from '../../server/src/core/reviewers/ranking';

function repo(files: Record<string, string>): RepoOwners {
  return RepoOwners.build(
    Object.entries(files).map(([path, text]) => ({ path, file: parseOwnersFile(text) })),
    null,
  );
}

const DAY = 24 * 60 * 60 * 1000;

const owners = repo({
  OWNERS: 'approvers: [root]\n',
  'pkg/kubelet/OWNERS': 'approvers: [kay, Lee]\nreviewers: [rita]\n',
  'pkg/api/OWNERS': 'approvers: [kay, amy]\n',
  'pkg/api/v1/OWNERS': 'approvers: [vic]\n',
  'docs/OWNERS': 'reviewers: [dora]\n',
});
const files = ['pkg/kubelet/a.go', 'pkg/api/b.go', 'pkg/api/v1/c.go', 'docs/d.md'];
const base: RankingInput = { owners, files, author: 'someone' };

const r6 = (x: number) => Math.round(x * 1e6) / 1e6;
const byLogin = (input: RankingInput) => new Map(rankReviewers(input).map((c) => [c.login, c]));

describe('reviewers: ranking', () => {
  it('candidates are every leaf and full approver/reviewer of the files, minus the author', () => {
    const got = rankReviewers({ ...base, author: '@Kay' }).map((c) => c.login).sort();
    assert.deepEqual(got, ['amy', 'dora', 'lee', 'rita', 'root', 'vic']);
  });

  it('coverage counts OWNERS directories, with less credit for ancestor-only coverage', () => {
    const m = byLogin(base);
    // Directories: "" (docs has no approvers), pkg/kubelet, pkg/api, pkg/api/v1.
    assert.deepEqual(m.get('kay')!.coveredDirs, ['pkg/api', 'pkg/api/v1', 'pkg/kubelet']);
    assert.ok(m.get('kay')!.reasons.includes('covers 3 of 4 OWNERS directories (closest owner of 2)'));
    assert.ok(m.get('root')!.reasons.includes('covers 4 of 4 OWNERS directories (closest owner of 1)'));
    assert.ok(m.get('vic')!.reasons.includes('covers 1 of 4 OWNERS directories'));
    // kay: (2 + 0.5·1)/4 = 0.625 beats root: (1 + 0.5·3)/4 = 0.625? equal → Go order decides.
    assert.equal(m.get('kay')!.score, 0.625);
    assert.equal(m.get('root')!.score, 0.625);
    const order = rankReviewers(base).map((c) => c.login);
    assert.deepEqual(order.slice(0, 2), ['kay', 'root']);
  });

  it('a reviewer-only candidate is labelled as unable to approve', () => {
    const m = byLogin(base);
    assert.equal(m.get('rita')!.canApprove, false);
    assert.ok(m.get('rita')!.reasons.includes('reviewer only: cannot approve these directories'));
    assert.equal(m.get('kay')!.canApprove, true);
  });

  it('expertise adds a log-scaled bonus and explains the commit count', () => {
    const m = byLogin({
      ...base,
      expertise: { Vic: { commits: 12, area: 'pkg/api/v1' }, amy: { commits: 1 } },
      expertiseWindow: '6 months',
    });
    assert.ok(m.get('vic')!.reasons.includes('12 commits to pkg/api/v1 in 6 months'));
    assert.ok(m.get('amy')!.reasons.includes('1 commit to the changed paths in 6 months'));
    // vic: 0.25 coverage + 0.5 · 1 (the most commits)
    assert.equal(m.get('vic')!.score, 0.75);
  });

  it('open review requests cost a saturating penalty', () => {
    const m = byLogin({ ...base, openReviewRequests: { kay: 3, lee: 1 } });
    assert.ok(m.get('kay')!.reasons.includes('3 open review requests'));
    assert.ok(m.get('lee')!.reasons.includes('1 open review request'));
    assert.equal(m.get('kay')!.score, r6(0.625 - 0.3 * 0.5));
  });

  it('busy is a strong penalty: a busy full-coverage candidate ranks below an available low-coverage one', () => {
    const ranked = rankReviewers({ ...base, busy: ['KAY', 'root'] });
    const logins = ranked.map((c) => c.login);
    assert.ok(logins.indexOf('vic') < logins.indexOf('kay'));
    assert.ok(ranked.find((c) => c.login === 'kay')!.reasons.includes('GitHub status says busy'));
  });

  it('fairness: recent asks from this machine fade with a half-life and drop out after the window', () => {
    const now = 100 * DAY;
    const m = byLogin({
      ...base,
      recentRequests: {
        now,
        requests: [
          { login: 'kay', at: now },
          { login: 'lee', at: now - 7 * DAY },
          { login: 'lee', at: now - 20 * DAY },
          { login: 'amy', at: now - 15 * DAY },
        ],
      },
    });
    assert.ok(m.get('kay')!.reasons.includes('asked 1 time in the last 14 days from this machine'));
    assert.ok(m.get('lee')!.reasons.includes('asked 1 time in the last 14 days from this machine'));
    assert.ok(!m.get('amy')!.reasons.some((r) => r.startsWith('asked')));
    assert.equal(m.get('kay')!.score, r6(0.625 - 0.4));
    assert.equal(m.get('lee')!.score, r6(0.25 - 0.4 * 0.5));
  });

  it('ties are broken by login in Go byte order', () => {
    const o = repo({ 'x/OWNERS': 'approvers: [b, a_b, a-b, ab]\n' });
    assert.deepEqual(rankReviewers({ owners: o, files: ['x/f'], author: 'z' }).map((c) => c.login), ['a-b', 'a_b', 'ab', 'b']);
  });

  it('the considered directories can be narrowed (e.g. to the still-unapproved ones)', () => {
    const m = byLogin({ ...base, dirs: ['pkg/api/v1'] });
    assert.ok(m.get('vic')!.reasons.includes('covers 1 of 1 OWNERS directory'));
    assert.equal(m.get('vic')!.score, 1);
    assert.ok(m.get('lee')!.reasons.includes('covers 0 of 1 OWNERS directory'));
    assert.equal(m.get('lee')!.score, 0);
  });

  it('weights are an input; the defaults are documented values', () => {
    assert.deepEqual(
      { ...DEFAULT_RANKING_WEIGHTS },
      {
        coverage: 1, expertise: 0.5, load: 0.3, availability: 2, fairness: 0.4,
        ancestorCoverage: 0.5, loadHalfPoint: 3, fairnessWindowDays: 14, fairnessHalfLifeDays: 7,
      },
    );
    const m = byLogin({ ...base, weights: { ancestorCoverage: 0 } });
    assert.equal(m.get('kay')!.score, 0.5);
    assert.equal(m.get('root')!.score, 0.25);
  });

  it('is deterministic', () => {
    const input: RankingInput = { ...base, expertise: { kay: { commits: 4 } }, openReviewRequests: { vic: 2 }, busy: ['amy'] };
    assert.deepEqual(rankReviewers(input), rankReviewers(input));
  });

  it('no files: no candidates', () => {
    assert.deepEqual(rankReviewers({ owners, files: [], author: 'x' }), []);
  });
});
