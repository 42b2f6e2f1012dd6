/**
 * Prow blunderbuss (owners.md §4.1). Upstream draws from an unseeded RNG, so — like Prow's own tests — expectations
 * are sorted multisets, with an alternative where the draw matters; every case is run under many RNG streams.
 * Cases marked "upstream" restate blunderbuss_test.go's fixtures and expectations.
 */
import { strict as assert } from 'node:assert';
import { goSort } from '../../server/src/core/gostrings';
import { LayeredSet } from '../../server/src/core/owners/layered';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import {
  blunderbuss,
  blunderbussPools,
  findReviewer,
  getReviewers,
  type BlunderbussConfig,
  type BlunderbussOwners,
} from '../../server/src/core/reviewers/blunderbuss';
import { GoRand } from '../../server/src/core/reviewers/gorand';

/** A table-driven owners double, like upstream's fake client: unknown paths answer empty. */
interface Tables {
  owners?: Record<string, string>;
  approvers?: Record<string, string[][]>;
  leafApprovers?: Record<string, string[]>;
  reviewers?: Record<string, string[][]>;
  leafReviewers?: Record<string, string[]>;
  required?: Record<string, string[]>;
}

function tableOwners(t: Tables): BlunderbussOwners {
  const layered = (m: Record<string, string[][]> | undefined, p: string) => LayeredSet.of(...(m?.[p] ?? []));
  const set = (m: Record<string, string[]> | undefined, p: string) => new Set(m?.[p] ?? []);
  return {
    findReviewersOwnersForFile: (p) => t.owners?.[p] ?? '',
    findApproverOwnersForFile: (p) => t.owners?.[p] ?? '',
    reviewers: (p) => layered(t.reviewers, p),
    approvers: (p) => layered(t.approvers, p),
    leafReviewers: (p) => set(t.leafReviewers, p),
    leafApprovers: (p) => set(t.leafApprovers, p),
    requiredReviewers: (p) => set(t.required, p),
  };
}

const STREAMS = 60;

function rngFor(seed: number) {
  const r = new GoRand(seed);
  return (n: number) => r.intn(n);
}

interface Case {
  name: string;
  files: string[];
  count: number;
  max?: number;
  want: string[];
  alt?: string[];
}

/** Runs the case under STREAMS different RNG streams; each result must be `want` or `alt` as a sorted multiset. */
function checkCase(owners: BlunderbussOwners, c: Case, config: Omit<BlunderbussConfig, 'requestCount' | 'maxRequestCount'>, isBusy?: (l: string) => boolean) {
  const want = goSort(c.want);
  const alt = c.alt ? goSort(c.alt) : undefined;
  const seen = new Set<string>();
  for (let s = 0; s < STREAMS; s++) {
    const got = goSort(
      blunderbuss(owners, c.files, 'author', { ...config, requestCount: c.count, maxRequestCount: c.max ?? 0 }, { intn: rngFor(s), isBusy })
        .requested,
    );
    seen.add(got.join());
    if (alt && got.join() === alt.join()) continue;
    assert.deepEqual(got, want, `${c.name} (stream ${s})`);
  }
  return seen;
}

const OWNERS_DIRS = { 'a.go': '1', 'b.go': '2', 'bb.go': '3', 'c.go': '4', 'e.go': '5', 'ee.go': '5' };
const REVIEWERS = {
  'a.go': [['al']],
  'b.go': [['al']],
  'c.go': [['charles'], ['ben']],
  'e.go': [['erick', 'evan']],
  'ee.go': [['erick', 'evan']],
  'f.go': [['author', 'non-author']],
};
const REQUIRED = { 'a.go': ['ben'], 'ee.go': ['chris', 'charles'] };
const LEAF_REVIEWERS = {
  'a.go': ['alice'],
  'b.go': ['bob'],
  'bb.go': ['bob', 'ben'],
  'c.go': ['cole', 'carl', 'chad'],
  'e.go': ['erick', 'ellen'],
  'ee.go': ['erick', 'ellen'],
  'f.go': ['author'],
};

const SHARED_CASES: Case[] = [
  { name: 'one file, 3 leaf reviewers, request 3', files: ['c.go'], count: 3, want: ['cole', 'carl', 'chad'] },
  { name: 'one file, 3 leaf + parent, request 4', files: ['c.go'], count: 4, want: ['cole', 'carl', 'chad', 'charles'] },
  { name: 'one file, 3 leaf + parent + top, request 5', files: ['c.go'], count: 5, want: ['cole', 'carl', 'chad', 'charles', 'ben'] },
  { name: 'two files, 2 leaves, common parent, request 2', files: ['a.go', 'b.go'], count: 2, want: ['alice', 'ben', 'bob'] },
  { name: 'two files, 2 leaves, common parent, request 3', files: ['a.go', 'b.go'], count: 3, want: ['alice', 'ben', 'bob', 'al'] },
  { name: 'one file, 1 leaf, request 1, max 1', files: ['a.go'], count: 1, max: 1, want: ['alice', 'ben'] },
  { name: 'one file, 2 leaves, 2 parents (1 dup), request 3', files: ['e.go'], count: 3, want: ['erick', 'ellen', 'evan'] },
  { name: 'one file, 2 leaves, request 1', files: ['e.go'], count: 1, want: ['erick'], alt: ['ellen'] },
  { name: 'two files, common leaf, request 1', files: ['b.go', 'bb.go'], count: 1, want: ['bob', 'ben'] },
  { name: 'two files, 2 leaves, common parent, request 1', files: ['a.go', 'b.go'], count: 1, want: ['alice', 'ben', 'bob'] },
  { name: 'two files, request 1, max 1', files: ['a.go', 'b.go'], count: 1, max: 1, want: ['alice', 'ben'], alt: ['ben', 'bob'] },
  { name: 'author excluded', files: ['f.go'], count: 1, want: ['non-author'] },
  { name: 'request count 0', files: ['f.go'], count: 0, want: [] },
];

describe('reviewers: blunderbuss — upstream cases', () => {
  describe('exclude_approvers, reviewers only', () => {
    const owners = tableOwners({ owners: OWNERS_DIRS, reviewers: REVIEWERS, required: REQUIRED, leafReviewers: LEAF_REVIEWERS });
    for (const c of SHARED_CASES) it(`upstream: ${c.name}`, () => void checkCase(owners, c, { excludeApprovers: true }));
  });

  describe('approvers as fallback, no reviewers at all', () => {
    const owners = tableOwners({ owners: OWNERS_DIRS, approvers: REVIEWERS, leafApprovers: LEAF_REVIEWERS, required: REQUIRED });
    for (const c of SHARED_CASES) it(`upstream: ${c.name}`, () => void checkCase(owners, c, { excludeApprovers: false }));
  });

  describe('mixed reviewers and approvers', () => {
    const owners = tableOwners({
      owners: { ...OWNERS_DIRS, 'f.go': '6', 'g.go': '7' },
      approvers: {
        'a.go': [['al']], 'b.go': [['jeff']], 'c.go': [['jeff']], 'e.go': [[]], 'ee.go': [['larry']],
        'f.go': [['approver1']], 'g.go': [['Approver1']],
      },
      leafApprovers: {
        'a.go': ['alice'], 'b.go': ['brad'], 'c.go': ['evan'], 'e.go': ['erick', 'evan'], 'ee.go': ['erick', 'evan'],
        'f.go': ['leafApprover1', 'leafApprover2'], 'g.go': ['leafApprover1', 'leafApprover2'],
      },
      reviewers: { 'a.go': [['al']], 'b.go': [[]], 'c.go': [['charles']], 'e.go': [['erick', 'evan']], 'ee.go': [['erick', 'evan']] },
      leafReviewers: {
        'a.go': ['alice'], 'b.go': ['bob'], 'bb.go': ['bob', 'ben'], 'c.go': ['cole', 'carl', 'chad'],
        'e.go': ['erick', 'ellen'], 'ee.go': ['erick', 'ellen'],
      },
    });
    const cases: Case[] = [
      { name: '1 file, leaf reviewer, leaf approver, approver, request 3', files: ['b.go'], count: 3, want: ['bob', 'brad', 'jeff'] },
      { name: '1 file, request 1', files: ['b.go'], count: 1, want: ['bob'] },
      { name: '2 files, request 5', files: ['a.go', 'b.go'], count: 5, want: ['alice', 'bob', 'al', 'brad', 'jeff'] },
      { name: '1 file, reviewer = approver, request 3', files: ['a.go'], count: 3, want: ['alice', 'al'] },
      { name: '1 file, 2 leaf reviewers, request 2', files: ['e.go'], count: 2, want: ['erick', 'ellen'] },
      { name: '2 files, fallback adds a parent approver, request 4', files: ['e.go', 'ee.go'], count: 4, want: ['erick', 'ellen', 'evan', 'larry'] },
      { name: '2 leaf approvers + approver, request 3, max 2', files: ['f.go'], count: 3, max: 2, want: ['leafApprover1', 'leafApprover2'] },
      { name: 'capitalised approver, request 3, max 2', files: ['g.go'], count: 3, max: 2, want: ['leafApprover1', 'leafApprover2'] },
      { name: 'request count 0', files: ['g.go'], count: 0, want: [] },
    ];
    for (const c of cases) it(`upstream: ${c.name}`, () => void checkCase(owners, c, { excludeApprovers: false }));
  });

  it('upstream: status availability — three requested, two received, never the busy user', () => {
    const one = (x: string) => [x];
    const owners = tableOwners({
      owners: { 'a.go': '1', 'b.go': '2', 'c.go': '4' },
      approvers: { 'a.go': [one('alice')], 'b.go': [one('brad')], 'c.go': [one('busy-user')] },
      leafApprovers: { 'a.go': one('alice'), 'b.go': one('brad'), 'c.go': one('busy-user') },
      reviewers: { 'a.go': [one('alice')], 'b.go': [one('brad')], 'c.go': [one('busy-user')] },
      leafReviewers: { 'a.go': one('alice'), 'b.go': one('brad'), 'c.go': one('busy-user') },
    });
    checkCase(
      owners,
      { name: 'busy', files: ['a.go', 'b.go', 'c.go'], count: 3, want: ['alice', 'brad'] },
      { useStatusAvailability: true },
      (l) => l === 'busy-user',
    );
  });
});

describe('reviewers: blunderbuss — quirks', () => {
  const owners = tableOwners({ owners: OWNERS_DIRS, reviewers: REVIEWERS, required: REQUIRED, leafReviewers: LEAF_REVIEWERS });
  const first = () => 0;

  it('required reviewers come from the first changed file of each reviewers-OWNERS directory only', () => {
    assert.deepEqual(blunderbuss(owners, ['e.go', 'ee.go'], 'author', { requestCount: 1, excludeApprovers: true }, { intn: first }).required, []);
    assert.deepEqual(blunderbuss(owners, ['ee.go', 'e.go'], 'author', { requestCount: 1, excludeApprovers: true }, { intn: first }).required, ['charles', 'chris']);
  });

  it('required reviewers are never cut, can repeat a pick and can be the author', () => {
    const o = tableOwners({ owners: { 'x.go': 'x' }, leafReviewers: { 'x.go': ['ben', 'zoe'] }, required: { 'x.go': ['ben', 'author'] } });
    const r = blunderbuss(o, ['x.go'], 'author', { requestCount: 1, maxRequestCount: 1, excludeApprovers: true }, { intn: first });
    assert.deepEqual(r.reviewers, ['ben']);
    assert.deepEqual(r.requested, ['ben', 'author', 'ben']);
  });

  it('the list is ordered by layer then alphabetically, so max_request_count keeps the alphabetically first per-OWNERS picks', () => {
    const o = tableOwners({
      owners: { 'z/a.go': 'z', 'm/b.go': 'm', 'a/c.go': 'a' },
      leafReviewers: { 'z/a.go': ['zed'], 'm/b.go': ['mia'], 'a/c.go': ['amy'] },
    });
    const r = blunderbuss(o, ['z/a.go', 'm/b.go', 'a/c.go'], 'author', { requestCount: 1, maxRequestCount: 2 }, { intn: first });
    assert.deepEqual(r.reviewers, ['amy', 'mia']);
  });

  it('fallback approvers are appended after the reviewers (possibly beyond the count) and cut first', () => {
    const o = tableOwners({
      owners: { 'x.go': 'x', 'y.go': 'y' },
      leafReviewers: { 'x.go': ['zara'] },
      leafApprovers: { 'x.go': ['adam'], 'y.go': ['bea'] },
      approvers: { 'x.go': [['adam']], 'y.go': [['bea']] },
    });
    const r = blunderbuss(o, ['x.go', 'y.go'], 'author', { requestCount: 2 }, { intn: first });
    assert.deepEqual(r.fallbackApprovers, ['adam', 'bea']);
    assert.deepEqual(r.reviewers, ['zara', 'adam', 'bea']);
    const cut = blunderbuss(o, ['x.go', 'y.go'], 'author', { requestCount: 2, maxRequestCount: 2 }, { intn: first });
    assert.deepEqual(cut.reviewers, ['zara', 'adam']);
    const excluded = blunderbuss(o, ['x.go', 'y.go'], 'author', { requestCount: 2, excludeApprovers: true }, { intn: first });
    assert.deepEqual(excluded.reviewers, ['zara']);
  });

  it('the author is never a candidate, whatever the case of the login', () => {
    const o = tableOwners({ owners: { 'x.go': 'x' }, leafReviewers: { 'x.go': ['author', 'bob'] } });
    for (let s = 0; s < 20; s++) {
      assert.deepEqual(blunderbuss(o, ['x.go'], '@Author', { requestCount: 2, excludeApprovers: true }, { intn: rngFor(s) }).reviewers, ['bob']);
    }
  });

  it('defaults to request_count 2', () => {
    const r = blunderbuss(owners, ['c.go'], 'author', {}, { intn: first });
    assert.equal(r.reviewers.length, 2);
  });

  it('busy users are asked about once, skipped, and ignored when status availability is off', () => {
    const asked: string[] = [];
    const isBusy = (l: string) => { asked.push(l); return l === 'cole'; };
    const o = tableOwners({ owners: { 'c.go': 'c' }, leafReviewers: { 'c.go': ['carl', 'chad', 'cole'] }, reviewers: { 'c.go': [['carl', 'chad', 'cole']] } });
    const r = blunderbuss(o, ['c.go'], 'author', { requestCount: 3, excludeApprovers: true, useStatusAvailability: true }, { intn: () => 0, isBusy });
    assert.deepEqual(goSort(r.reviewers), ['carl', 'chad']);
    assert.equal(asked.filter((l) => l === 'cole').length, 1);
    const off = blunderbuss(o, ['c.go'], 'author', { requestCount: 3, excludeApprovers: true }, { intn: () => 0, isBusy: () => true });
    assert.deepEqual(off.reviewers, ['carl', 'chad', 'cole']);
  });

  it('findReviewer pops from the first non-empty layer, sorted, at the drawn index', () => {
    const c = LayeredSet.of([], ['b', 'a', 'c'], ['z']);
    assert.equal(findReviewer(c, () => 2, null, new Set()), 'c');
    assert.equal(findReviewer(c, () => 0, null, new Set()), 'a');
    assert.equal(findReviewer(c, () => 0, null, new Set()), 'b');
    assert.equal(findReviewer(c, () => 0, null, new Set()), 'z');
    assert.equal(findReviewer(c, () => 0, null, new Set()), '');
  });

  it('getReviewers with a count of 0 returns nothing, not even required reviewers', () => {
    assert.deepEqual(getReviewers(owners, () => 'x', 'author', ['a.go'], 0), { reviewers: [], required: [] });
  });

  it('every outcome is possible: draws over many streams cover both single-pick alternatives', () => {
    const seen = checkCase(owners, { name: 'e', files: ['e.go'], count: 1, want: ['erick'], alt: ['ellen'] }, { excludeApprovers: true });
    assert.equal(seen.size, 2);
  });
});

describe('reviewers: blunderbuss over real OWNERS (RepoOwners)', () => {
  const o = RepoOwners.build(
    [
      { path: 'OWNERS', file: parseOwnersFile('approvers: [root]\nreviewers: [Ben]\n') },
      { path: 'c/OWNERS', file: parseOwnersFile('reviewers: [charles]\n') },
      { path: 'c/d/OWNERS', file: parseOwnersFile('reviewers: [cole, carl, chad]\n') },
    ],
    null,
  );
  it('leaf layer first, then the parent layers in order (upstream c.go shape)', () => {
    for (let s = 0; s < 30; s++) {
      const pick = (n: number) => goSort(blunderbuss(o, ['c/d/x.go'], 'author', { requestCount: n, excludeApprovers: true }, { intn: rngFor(s) }).reviewers);
      assert.deepEqual(pick(3), ['carl', 'chad', 'cole']);
      assert.deepEqual(pick(4), ['carl', 'chad', 'charles', 'cole']);
      assert.deepEqual(pick(5), ['ben', 'carl', 'chad', 'charles', 'cole']);
    }
  });
  it('falls back to approvers when reviewers run short', () => {
    const r = blunderbuss(o, ['c/d/x.go'], 'author', { requestCount: 6 }, { intn: () => 0 });
    assert.deepEqual(r.fallbackApprovers, ['root']);
  });
});

describe('reviewers: blunderbussPools (preview)', () => {
  const owners = tableOwners({
    owners: { ...OWNERS_DIRS, 'f.go': '6' },
    reviewers: REVIEWERS,
    required: REQUIRED,
    leafReviewers: LEAF_REVIEWERS,
    leafApprovers: { 'a.go': ['root'], 'f.go': ['author', 'lead'] },
  });

  it('one pool per reviewers-OWNERS directory, from its first file, with 1/n odds and no pick', () => {
    const p = blunderbussPools(owners, ['e.go', 'a.go', 'ee.go', 'f.go'], 'Author', { requestCount: 2, maxRequestCount: 3 });
    assert.equal(p.requestCount, 2);
    assert.equal(p.maxRequestCount, 3);
    assert.deepEqual(
      p.pools.map((x) => [x.dir, x.firstFile, x.files, x.leafReviewers, x.fallbackApprovers, x.requiredReviewers, x.firstPickOdds]),
      [
        ['5', 'e.go', ['e.go', 'ee.go'], ['ellen', 'erick'], [], [], 0.5],
        ['1', 'a.go', ['a.go'], ['alice'], ['root'], ['ben'], 1],
        ['6', 'f.go', ['f.go'], [], ['lead'], [], 0],
      ],
    );
    assert.deepEqual(p.requiredReviewers, ['ben']);
    assert.deepEqual(p.reviewerCandidates, ['al', 'alice', 'ellen', 'erick', 'evan', 'non-author']);
    assert.equal(p.fallbackToApprovers, false);
    assert.ok(!('picked' in p));
  });

  it('predicts the fallback to approvers when there are fewer candidates than requested', () => {
    assert.equal(blunderbussPools(owners, ['a.go'], 'author', { requestCount: 3 }).fallbackToApprovers, true);
    assert.equal(blunderbussPools(owners, ['a.go'], 'author', { requestCount: 3, excludeApprovers: true }).fallbackToApprovers, false);
    assert.equal(blunderbussPools(owners, ['a.go'], 'author', { requestCount: 2 }).fallbackToApprovers, false);
  });
});
