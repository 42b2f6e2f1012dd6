/**
 * Prow approve plugin model (owners.md §4.2). Oracles marked "upstream" restate the expectations of Prow's own
 * approvers tests (owners_test.go, approvers_test.go) over the same people and directories, built here from real
 * OWNERS texts through RepoOwners.
 */
import { strict as assert } from 'node:assert';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import { goSort } from '../../server/src/core/gostrings';
import {
  ApproveModel,
  approvePreview,
  findMostCovering,
  removeSubdirs,
  reverseMap,
  type DirLogins,
  type ReadonlyDirLogins,
} from '../../server/src/core/reviewers/approve';

/** OWNERS path → text. */
function repo(files: Record<string, string>): RepoOwners {
  return RepoOwners.build(
    Object.entries(files).map(([path, text]) => ({ path, file: parseOwnersFile(text) })),
    null,
  );
}

function approversOwners(list: string[], extra = ''): string {
  return `approvers: [${list.join(', ')}]\n${extra}`;
}

const ROOT = ['Alice', 'Bob'];
const A = ['Art', 'Anne'];
const B = ['Bill', 'Ben', 'Barbara'];
const C = ['Chris', 'Carol'];
const D = ['David', 'Dan', 'Debbie'];
const E = ['Eve', 'Erin'];

/** The upstream fixture tree: root, a, b, c, a/d, and a/combo owned by E ∪ D (∪ C unless `comboWithoutC`). */
function fixture(comboWithoutC = false): RepoOwners {
  return repo({
    OWNERS: approversOwners(ROOT),
    'a/OWNERS': approversOwners(A),
    'b/OWNERS': approversOwners(B),
    'c/OWNERS': approversOwners(C),
    'a/d/OWNERS': approversOwners(D),
    'a/combo/OWNERS': approversOwners(comboWithoutC ? [...E, ...D] : [...E, ...D, ...C]),
  });
}

const lower = (xs: string[]) => goSort(xs.map((x) => x.toLowerCase()));
const sortedMap = (m: ReadonlyDirLogins) => Object.fromEntries(goSort(m.keys()).map((k) => [k, goSort(m.get(k)!)]));

describe('reviewers: approve model — upstream shuffled approvers (seeded Perm)', () => {
  const cases: { files: string[]; seed: number; order: string[] }[] = [
    { files: [], seed: 0, order: [] },
    { files: ['kubernetes.go'], seed: 0, order: ['bob', 'alice'] },
    {
      files: ['a/combo/test.go', 'b/test.go'],
      seed: 0,
      order: ['erin', 'bill', 'carol', 'barbara', 'dan', 'debbie', 'ben', 'david', 'eve', 'chris'],
    },
    {
      files: ['a/combo/test.go', 'a/d/test.go'],
      seed: 0,
      order: ['erin', 'dan', 'dan', 'carol', 'david', 'debbie', 'chris', 'debbie', 'eve', 'david'],
    },
    {
      files: ['a/combo/test.go', 'a/d/test.go'],
      seed: 2,
      order: ['dan', 'carol', 'debbie', 'dan', 'erin', 'chris', 'eve', 'david', 'debbie', 'david'],
    },
  ];
  for (const c of cases) {
    it(`upstream: [${c.files.join(', ')}] seed ${c.seed}`, () => {
      assert.deepEqual(new ApproveModel(fixture(), c.files, c.seed).shuffledApprovers(), c.order);
    });
  }
  it('duplicates are kept: a person owning two directories appears twice before the shuffle', () => {
    const m = new ApproveModel(fixture(), ['a/combo/test.go', 'a/d/test.go'], 0);
    assert.deepEqual(m.potentialApprovers(), [
      'carol', 'chris', 'dan', 'dan', 'david', 'david', 'debbie', 'debbie', 'erin', 'eve',
    ]);
  });
});

describe('reviewers: approve model — upstream owners set, maps and potential approvers', () => {
  it('upstream owners set', () => {
    const o = fixture();
    const cases: [string[], string[]][] = [
      [[], []],
      [['kubernetes.go'], ['']],
      [['test.go', 'kubernetes.go'], ['']],
      [['a/test.go'], ['a']],
      [['a/test.go', 'b/test.go'], ['a', 'b']],
      [['a/test.go', 'a/c/test.go'], ['a']],
    ];
    for (const [files, want] of cases) assert.deepEqual(goSort(new ApproveModel(o, files, 0).ownersSet()), want, files.join());
  });

  it('upstream leaf approvers per OWNERS directory', () => {
    const o = fixture();
    const cases: [string[], Record<string, string[]>][] = [
      [[], {}],
      [['kubernetes.go'], { '': lower(ROOT) }],
      [['a/test.go'], { a: lower(A) }],
      [['a/d/test.go', 'b/test.go'], { 'a/d': lower(D), b: lower(B) }],
      [['a/test.go', 'a/d/test.go'], { a: lower(A) }],
    ];
    for (const [files, want] of cases) assert.deepEqual(sortedMap(new ApproveModel(o, files, 0).leafMap()), want, files.join());
  });

  it('upstream full approvers per OWNERS directory include every ancestor', () => {
    const m = new ApproveModel(fixture(), ['a/combo/x.go', 'b/y.go'], 0);
    assert.deepEqual(sortedMap(m.fullMap()), {
      'a/combo': lower([...E, ...D, ...C, ...A, ...ROOT]),
      b: lower([...B, ...ROOT]),
    });
  });

  it('upstream potential approvers (sorted)', () => {
    const o = fixture();
    const cases: [string[], string[]][] = [
      [[], []],
      [['kubernetes.go'], lower(ROOT)],
      [['a/test.go'], lower(A)],
      [['a/test.go', 'b/test.go'], lower([...A, ...B])],
      [['a/d/test.go', 'c/test.go'], lower([...D, ...C])],
      [['a/test.go', 'a/combo/test.go'], lower(A)],
      [['a/d/test.go', 'b/test.go'], lower([...D, ...B])],
      [['a/combo/test.go'], lower([...E, ...D, ...C])],
      [['a/combo/test.go', 'b/test.go', 'c/test.go', 'd/test.go'], lower(ROOT)],
    ];
    for (const [files, want] of cases) assert.deepEqual(new ApproveModel(o, files, 0).potentialApprovers(), want, files.join());
  });

  it('upstream reverse map over leaf approvers', () => {
    const o = repo({
      OWNERS: approversOwners(ROOT),
      'a/OWNERS': approversOwners(A),
      'c/OWNERS': approversOwners(C),
      'a/d/OWNERS': approversOwners(D),
      'a/combo/OWNERS': approversOwners([...E, ...D, ...C]),
    });
    const rev = (files: string[]) => sortedMap(reverseMap(new ApproveModel(o, files, 0).leafMap()));
    assert.deepEqual(rev([]), {});
    assert.deepEqual(rev(['kubernetes.go']), { alice: [''], bob: [''] });
    assert.deepEqual(rev(['a/combo/test.go', 'a/d/test.go']), {
      carol: ['a/combo'],
      chris: ['a/combo'],
      dan: ['a/combo', 'a/d'],
      david: ['a/combo', 'a/d'],
      debbie: ['a/combo', 'a/d'],
      erin: ['a/combo'],
      eve: ['a/combo'],
    });
  });
});

describe('reviewers: approve model — removeSubdirs', () => {
  const np = (dirs: string[]) => (d: string) => dirs.includes(d);
  const cases: { name: string; dirs: string[]; noParent?: string[]; want: string[] }[] = [
    { name: 'upstream: empty', dirs: [], want: [] },
    { name: 'upstream: root and one level below', dirs: ['', 'a/'], want: [''] },
    { name: 'upstream: two separate branches', dirs: ['a/', 'c/'], want: ['a/', 'c/'] },
    { name: 'upstream: lots of branches and leaves', dirs: ['a', 'a/combo', 'a/d', 'b', 'c'], want: ['a', 'b', 'c'] },
    { name: 'upstream: no_parent_owners on the subdir', dirs: ['a', 'a/combo'], noParent: ['a/combo'], want: ['a', 'a/combo'] },
    { name: 'upstream: no_parent_owners in between', dirs: ['a', 'a/b/combo'], noParent: ['a/b'], want: ['a', 'a/b/combo'] },
    { name: 'upstream: no_parent_owners with a child', dirs: ['a', 'a/b', 'a/b/combo'], noParent: ['a/b'], want: ['a', 'a/b'] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(goSort(removeSubdirs(c.dirs, np(c.noParent ?? []))), c.want));
  }
  it('a root entry swallows everything except no_parent_owners subtrees (real OWNERS)', () => {
    const o = repo({
      OWNERS: approversOwners(['root']),
      'a/OWNERS': approversOwners(['aa']),
      'np/OWNERS': approversOwners(['nn'], 'options:\n  no_parent_owners: true\n'),
      'np/deep/OWNERS': approversOwners(['dd']),
    });
    const m = new ApproveModel(o, ['x.go', 'a/y.go', 'np/z.go', 'np/deep/w.go'], 1);
    assert.deepEqual(goSort(m.ownersSet()), ['', 'np']);
    // A root approver approves everything but the no_parent_owners subtree.
    assert.deepEqual(goSort(m.unapprovedDirs(['root'])), ['np']);
    assert.deepEqual(goSort(m.unapprovedDirs(['root', 'nn'])), []);
  });
  it('does not mutate its input', () => {
    const input = new Set(['a', 'a/b']);
    removeSubdirs(input, () => false);
    assert.deepEqual(goSort(input), ['a', 'a/b']);
  });
});

describe('reviewers: approve model — unapproved directories and approval', () => {
  const o = fixture();
  const cases: { name: string; files: string[]; approved: string[]; want: string[] }[] = [
    { name: 'upstream: empty PR', files: [], approved: [], want: [] },
    { name: 'upstream: single root file approved', files: ['kubernetes.go'], approved: ['Alice'], want: [] },
    { name: 'upstream: single root file, nobody approved', files: ['kubernetes.go'], approved: [], want: [''] },
    { name: 'upstream: no files, b approvers approved', files: [], approved: B, want: [] },
    { name: 'upstream: b files approved at root', files: ['b/test.go', 'b/test_1.go'], approved: ROOT, want: [] },
    { name: 'upstream: b only unapproved', files: ['b/test_1.go', 'b/test.go'], approved: [], want: ['b'] },
    { name: 'upstream: combo and d, neither approved', files: ['a/combo/test.go', 'a/d/test.go'], approved: [], want: ['a/combo', 'a/d'] },
    { name: 'upstream: combo approved', files: ['a/combo/test.go', 'a/d/test.go'], approved: [...E, ...C], want: ['a/d'] },
    { name: 'upstream: both approved by d approvers', files: ['a/combo/test.go', 'a/d/test.go'], approved: D, want: [] },
  ];
  for (const c of cases) {
    it(c.name, () => assert.deepEqual(goSort(new ApproveModel(o, c.files, 0).unapprovedDirs(c.approved)), c.want));
  }
  it('approval is case-insensitive and a PR without files is never approved', () => {
    assert.equal(new ApproveModel(o, ['kubernetes.go'], 0).areFilesApproved(['ALICE']), true);
    assert.equal(new ApproveModel(o, [], 0).areFilesApproved(['alice']), false);
  });
});

describe('reviewers: approve model — auto_approve_unowned_subfolders substring quirk', () => {
  const opt = 'options:\n  auto_approve_unowned_subfolders: true\n';
  it('a file in a subfolder without its own approver OWNERS needs no approval; a file directly in the folder does', () => {
    const o = repo({ OWNERS: approversOwners(['root']), 'pkg/a/OWNERS': approversOwners(['aa'], opt) });
    const sub = new ApproveModel(o, ['pkg/a/sub/deeper/x.go'], 1);
    assert.deepEqual(goSort(sub.ownersSet()), []);
    assert.equal(sub.isAutoApproved('pkg/a/sub/deeper/x.go'), true);
    const direct = new ApproveModel(o, ['pkg/a/x.go'], 1);
    assert.deepEqual(goSort(direct.ownersSet()), ['pkg/a']);
  });
  it('on the root OWNERS strings.Contains(x, "") is always true: even root-level files are auto-approved', () => {
    const o = repo({ OWNERS: approversOwners(['root'], opt), 'a/OWNERS': approversOwners(['aa']) });
    const p = approvePreview({ owners: o, files: ['README.md', 'docs/x.md'], prNumber: 7 });
    assert.deepEqual(p.ownersSet, []);
    assert.deepEqual(p.autoApprovedFiles, ['README.md', 'docs/x.md']);
    assert.deepEqual(p.unapprovedFiles, []);
    // Files exist, nothing is unapproved: Prow calls this approved without a single /approve.
    assert.equal(p.approved, true);
    assert.deepEqual(p.suggestedApprovers.ccs, []);
    // A file under an approver OWNERS of its own still needs that approval.
    const q = approvePreview({ owners: o, files: ['README.md', 'a/y.go'], prNumber: 7 });
    assert.deepEqual(q.ownersSet, ['a']);
    assert.deepEqual(q.unapprovedFiles, ['a']);
    assert.equal(q.approved, false);
  });
  it('the option is read from the closest approver OWNERS only', () => {
    const o = repo({ OWNERS: approversOwners(['root'], opt), 'a/OWNERS': approversOwners(['aa']) });
    assert.deepEqual(goSort(new ApproveModel(o, ['a/sub/x.go'], 1).ownersSet()), ['a']);
  });
});

describe('reviewers: approve model — greedy cover', () => {
  it('upstream: most covering approver is one of the expected people', () => {
    const o = fixture();
    const cases: { files: string[]; unapproved: string[]; oneOf: string[] }[] = [
      { files: [], unapproved: [], oneOf: [''] },
      { files: ['kubernetes.go'], unapproved: [''], oneOf: lower(ROOT) },
      { files: ['a/test.go'], unapproved: ['a'], oneOf: lower(A) },
      { files: ['a/combo/test.go', 'a/d/test.go'], unapproved: ['a/combo', 'a/d'], oneOf: lower(D) },
      { files: ['a/combo/test.go', 'c/test.go', 'b/test.go'], unapproved: ['a/combo', 'c/'], oneOf: lower(C) },
      { files: ['a/combo/test.go', 'a/d/test.go', 'b/test.go'], unapproved: ['b'], oneOf: lower(B) },
      { files: ['a/test.go', 'a/d/test.go'], unapproved: ['a', 'a/d'], oneOf: lower([...A, ...D]) },
    ];
    for (const c of cases) {
      const m = new ApproveModel(o, c.files, 0);
      const best = findMostCovering(m.potentialApprovers(), new Set(), reverseMap(m.leafMap()), new Set(c.unapproved));
      assert.ok(c.oneOf.includes(best), `${c.files.join()}: ${best}`);
    }
  });

  it('upstream: suggested approvers contain someone from every needed set', () => {
    const o = fixture(true);
    const EDc = [...E, ...D];
    const cases: [string[], string[][]][] = [
      [[], []],
      [['kubernetes.go'], [ROOT]],
      [['a/test.go'], [A]],
      [['a/test.go', 'a/test1.go'], [A]],
      [['a/test.go', 'b/test.go'], [A, B]],
      [['a/test.go', 'a/d/test.go'], [A]],
      [['a/combo/test.go', 'b/test.go'], [EDc, B]],
      [['a/combo/test.go'], [EDc]],
    ];
    for (const [files, needed] of cases) {
      const m = new ApproveModel(o, files, 0);
      const got = m.suggestedApprovers(reverseMap(m.leafMap()), m.shuffledApprovers());
      for (const set of needed) assert.ok(lower(set).some((p) => got.has(p)), `${files.join()}: ${goSort(got)}`);
    }
  });

  it('quirk: the best-so-far bar is the winner\'s TOTAL directory count, not what it newly covers', () => {
    const rev: DirLogins = new Map([
      ['wide', new Set(['d1', 'd2', 'd3', 'd5'])],
      ['narrow', new Set(['d5', 'd6'])],
    ]);
    // wide newly covers 1, narrow 2 — but after wide the bar is 4, so narrow cannot win.
    assert.equal(findMostCovering(['wide', 'narrow'], new Set(), rev, new Set(['d5', 'd6'])), 'wide');
    assert.equal(findMostCovering(['narrow', 'wide'], new Set(), rev, new Set(['d5', 'd6'])), 'narrow');
    assert.equal(findMostCovering(['wide', 'narrow'], new Set(['wide']), rev, new Set(['d5', 'd6'])), 'narrow');
    assert.equal(findMostCovering(['nobody'], new Set(), rev, new Set(['d5'])), '');
  });

  it('quirk end to end: the cover picks a redundant approver because of that bar', () => {
    const o = repo({
      'd1/OWNERS': approversOwners(['x', 'a']),
      'd2/OWNERS': approversOwners(['x', 'a']),
      'd3/OWNERS': approversOwners(['x']),
      'd4/OWNERS': approversOwners(['x']),
      'd5/OWNERS': approversOwners(['a', 'b']),
      'd6/OWNERS': approversOwners(['b']),
    });
    const m = new ApproveModel(o, ['d1/f', 'd2/f', 'd3/f', 'd4/f', 'd5/f', 'd6/f'], 0);
    const rev = reverseMap(m.leafMap());
    // x first (4 dirs); then a (1 new dir, total 3) beats b (2 new dirs) because the bar became 3; then b.
    assert.deepEqual(goSort(m.suggestedApprovers(rev, ['x', 'a', 'b'])), ['a', 'b', 'x']);
    assert.deepEqual(goSort(m.keepCoveringApprovers(rev, [], ['x', 'a', 'b'])), ['a', 'b', 'x']);
    // With b ahead of a the cover is minimal.
    assert.deepEqual(goSort(m.suggestedApprovers(rev, ['x', 'b', 'a'])), ['b', 'x']);
  });
});

describe('reviewers: approve model — upstream GetCCs, AssignedCCs, SuggestedCCs', () => {
  const o = fixture();
  const cases: {
    name: string; files: string[]; approved: string[]; seed: number; assignees?: string[];
    ccs: string[]; assigned: string[]; suggested: string[];
  }[] = [
    { name: 'empty PR', files: [], approved: [], seed: 0, ccs: [], assigned: [], suggested: [] },
    { name: 'single root file approved', files: ['kubernetes.go'], approved: ['Alice'], seed: 13, ccs: [], assigned: [], suggested: [] },
    { name: 'single root file unapproved, seed 13', files: ['kubernetes.go'], approved: [], seed: 13, ccs: ['alice'], assigned: [], suggested: ['alice'] },
    { name: 'single root file unapproved, seed 10', files: ['kubernetes.go'], approved: [], seed: 10, ccs: ['bob'], assigned: [], suggested: ['bob'] },
    { name: 'combo and d, neither approved', files: ['a/combo/test.go', 'a/d/test.go'], approved: [], seed: 0, ccs: ['dan'], assigned: [], suggested: ['dan'] },
    { name: 'combo and d, combo approved by e', files: ['a/combo/test.go', 'a/d/test.go'], approved: E, seed: 0, ccs: ['dan'], assigned: [], suggested: ['dan'] },
    { name: 'combo and d, both approved by d', files: ['a/combo/test.go', 'a/d/test.go'], approved: D, seed: 0, ccs: [], assigned: [], suggested: [] },
    { name: 'combo, c, d, none approved', files: ['a/combo/test.go', 'a/d/test.go', 'c/test'], approved: [], seed: 0, ccs: ['chris', 'debbie'], assigned: [], suggested: ['chris', 'debbie'] },
    { name: 'a, b, c, nothing approved', files: ['a/test.go', 'b/test.go', 'c/test'], approved: [], seed: 0, ccs: ['anne', 'bill', 'carol'], assigned: [], suggested: ['anne', 'bill', 'carol'] },
    { name: 'a, b, c, partly approved by non-suggested approvers', files: ['a/test.go', 'b/test.go', 'c/test'], approved: ['Art', 'Ben'], seed: 0, ccs: ['carol'], assigned: [], suggested: ['carol'] },
    { name: 'a, b, c, assignees can approve', files: ['a/test.go', 'b/test.go', 'c/test'], approved: [], seed: 0, assignees: ['Art', 'Ben'], ccs: ['art', 'ben', 'carol'], assigned: ['art', 'ben'], suggested: ['carol'] },
    { name: 'a, b, c, some assignees can approve', files: ['a/test.go', 'b/test.go', 'c/test'], approved: [], seed: 0, assignees: ['Art', 'Ben', 'John', 'Jack'], ccs: ['art', 'ben', 'carol'], assigned: ['art', 'ben'], suggested: ['carol'] },
    { name: 'assignee is a root approver', files: ['a/test.go'], approved: [], seed: 0, assignees: ['alice'], ccs: ['alice'], assigned: ['alice'], suggested: [] },
  ];
  for (const c of cases) {
    it(`upstream: ${c.name}`, () => {
      const p = approvePreview({ owners: o, files: c.files, prNumber: c.seed, currentApprovers: c.approved, assignees: c.assignees });
      assert.deepEqual(p.suggestedApprovers, { ccs: c.ccs, assignedCCs: c.assigned, suggestedCCs: c.suggested });
    });
  }
});

describe('reviewers: approvePreview', () => {
  it('reports owners set, unapproved directories, per-directory approvers and who approved', () => {
    const p = approvePreview({
      owners: fixture(),
      files: ['a/combo/test.go', 'a/d/test.go', 'c/test'],
      prNumber: 0,
      currentApprovers: ['Chris'],
    });
    assert.deepEqual(p.ownersSet, ['a/combo', 'a/d', 'c']);
    assert.deepEqual(p.unapprovedFiles, ['a/d']);
    assert.equal(p.approved, false);
    assert.deepEqual(p.autoApprovedFiles, []);
    assert.deepEqual(p.dirs.map((d) => [d.dir, d.approvedBy, d.approved]), [
      ['a/combo', ['chris'], true],
      ['a/d', [], false],
      ['c', ['chris'], true],
    ]);
    assert.deepEqual(p.dirs[1].leafApprovers, lower(D));
    assert.deepEqual(p.dirs[1].approvers, lower([...D, ...A, ...ROOT]));
    for (const cc of p.suggestedApprovers.ccs) assert.ok(lower([...D, ...A, ...ROOT]).includes(cc));
  });

  it('is deterministic for a PR number', () => {
    const args = { owners: fixture(), files: ['a/combo/x', 'b/y', 'c/z'], prNumber: 123456 };
    assert.deepEqual(approvePreview(args), approvePreview(args));
  });

  it('the PR number (seed) changes which of equal candidates is suggested', () => {
    const seen = new Set<string>();
    for (let pr = 1; pr <= 20; pr++) {
      seen.add(approvePreview({ owners: fixture(), files: ['kubernetes.go'], prNumber: pr }).suggestedApprovers.ccs.join());
    }
    assert.deepEqual(goSort(seen), ['alice', 'bob']);
  });
});
