/** owners.md §3: entriesForFile, filters, layered results, no_parent_owners, labels, findOwnersForFile, queries. */
import { strict as assert } from 'node:assert';
import { ownersReport } from '../../server/src/core/owners/report';
import { repoOf, sorted } from './owners-helpers';

describe('owners: layered results (§3.2)', () => {
  const o = repoOf({
    OWNERS: 'approvers: [root]\nreviewers: [alice, zed]\n',
    'a/OWNERS': 'approvers: [aa]\nreviewers: [bob, zed]\n',
    'a/b/OWNERS': 'reviewers: [carl]\n',
  });
  it('probe: Reviewers("a/b/x.go") = [[], [carl], [bob, zed], [alice]]', () => {
    assert.deepEqual(o.reviewers('a/b/x.go').toArrays(), [[], ['carl'], ['bob', 'zed'], ['alice']]);
  });
  it('layer 0 is the path itself when it is a directory with an OWNERS file', () => {
    assert.deepEqual(o.reviewers('a/b').toArrays(), [['carl'], ['bob', 'zed'], ['alice']]);
    assert.deepEqual(o.reviewers('a/b/').toArrays(), [['carl'], ['bob', 'zed'], ['alice']]);
  });
  it('empty layers are kept before a non-empty one', () => {
    assert.deepEqual(o.approvers('a/b/x.go').toArrays(), [[], [], ['aa'], ['root']]);
  });
  it('Leaf* is the first non-empty layer', () => {
    assert.deepEqual(sorted(o.leafApprovers('a/b/x.go')), ['aa']);
    assert.deepEqual(sorted(o.leafReviewers('a/b/x.go')), ['carl']);
    assert.deepEqual(sorted(o.leafReviewers('a/x.go')), ['bob', 'zed']);
  });
  it('paths at the root: "x", "./foo.txt", "", "."', () => {
    assert.deepEqual(o.reviewers('foo.txt').toArrays(), [[], ['alice', 'zed']]);
    assert.deepEqual(o.reviewers('./foo.txt').toArrays(), [[], ['alice', 'zed']]);
    assert.deepEqual(o.reviewers('').toArrays(), [['alice', 'zed']]);
    assert.deepEqual(o.reviewers('.').toArrays(), [['alice', 'zed']]);
  });
  it('a directory without OWNERS falls through to its parent', () => {
    assert.deepEqual(o.reviewers('a/c/d/e.go').toArrays(), [[], [], [], ['bob', 'zed'], ['alice']]);
  });
  it('an absolute path gets nothing (filepath.Rel fails at the root)', () => {
    assert.deepEqual(o.reviewers('/a/b/x.go').toArrays(), []);
  });
  it('the login sort is Go byte order (upper case first)', () => {
    const p = repoOf({ OWNERS: 'labels: [b, B, a, _x]\n' });
    assert.deepEqual(sorted(p.findLabelsForFile('f')), ['B', '_x', 'a', 'b']);
  });
});

describe('owners: filters (§3.2)', () => {
  it('RE2, unanchored, against the path relative to the OWNERS directory', () => {
    const o = repoOf({ 'pkg/OWNERS': 'filters:\n  "^pkg/":\n    approvers: [p]\n  "^sub/":\n    approvers: [s]\n  "a\\\\.go":\n    approvers: [a]\n' });
    assert.deepEqual(sorted(o.leafApprovers('pkg/sub/a.go')), ['a', 's']);
    assert.deepEqual(sorted(o.leafApprovers('pkg/xa.go')), ['a']);
    assert.deepEqual(sorted(o.leafApprovers('pkg/a.go.bak')), ['a']);
    assert.deepEqual(sorted(o.leafApprovers('pkg/pkg/z')), ['p']);
    assert.deepEqual(sorted(o.leafApprovers('pkg/b.go')), []);
  });
  it('"." is the relative path of the OWNERS directory itself', () => {
    const o = repoOf({ 'pkg/OWNERS': 'filters:\n  "^\\\\.$":\n    approvers: [dot]\n' });
    assert.deepEqual(sorted(o.leafApprovers('pkg')), ['dot']);
    assert.deepEqual(sorted(o.leafApprovers('pkg/x')), []);
  });
  it('".*" is the nil key by string equality; "^.*$" is a real regex', () => {
    const o = repoOf({ OWNERS: 'filters:\n  ".*":\n    approvers: [any]\n  "^.*$":\n    approvers: [anchored]\n' });
    const cells = o.cells('approvers', '');
    assert.equal(cells.find((c) => c.pattern === '.*')?.re, null);
    assert.notEqual(cells.find((c) => c.pattern === '^.*$')?.re, null);
    assert.deepEqual(sorted(o.leafApprovers('x/y.go')), ['anchored', 'any']);
  });
  it('an invalid regex is skipped (and recorded), the other filters still apply', () => {
    const o = repoOf({ OWNERS: 'filters:\n  "(":\n    approvers: [broken]\n  "(?=x)":\n    approvers: [look]\n  "\\\\.go$":\n    approvers: [go]\n' });
    assert.deepEqual(sorted(o.allApprovers()), ['go']);
    assert.deepEqual(o.invalidFilters.get('OWNERS')?.map((e) => e.pattern).sort(), ['(', '(?=x)']);
  });
  it('(?i) and other RE2 syntax', () => {
    const o = repoOf({ OWNERS: 'filters:\n  "(?i)charter.md":\n    approvers: [c]\n  "[[:upper:]]\\\\z":\n    approvers: [u]\n' });
    assert.deepEqual(sorted(o.leafApprovers('sig-x/CHARTER.MD')), ['c', 'u']);
    assert.deepEqual(sorted(o.leafApprovers('sig-x/charter-md')), ['c']);
  });
  it('several matching filters are unioned per role; labels per filter', () => {
    const o = repoOf({
      're/OWNERS': 'filters:\n  ".*":\n    labels: [re/all]\n  "\\\\.go$":\n    labels: [re/go]\n',
      're/a/OWNERS': 'filters:\n  "\\\\.md$":\n    labels: [re/md-in-a]\n  "\\\\.go$":\n    labels: [re/go-in-a]\n',
    });
    assert.deepEqual(sorted(o.findLabelsForFile('re/foo.go')), ['re/all', 're/go']);
    assert.deepEqual(sorted(o.findLabelsForFile('re/a/foo.go')), ['re/all', 're/go', 're/go-in-a']);
    assert.deepEqual(sorted(o.findLabelsForFile('re/a/foo.md')), ['re/all', 're/md-in-a']);
    assert.deepEqual(sorted(o.findLabelsForFile('re/a/foo.txt')), ['re/all']);
  });
  it('a parent filter sees the path relative to the parent', () => {
    const o = repoOf({ OWNERS: 'filters:\n  "^docs/":\n    reviewers: [doc]\n', 'docs/OWNERS': 'reviewers: [local]\n' });
    assert.deepEqual(o.reviewers('docs/x.md').toArrays(), [[], ['local'], ['doc']]);
  });
});

describe('owners: no_parent_owners (§3.2)', () => {
  const files = {
    OWNERS: 'approvers: [root]\nreviewers: [rootrev]\nlabels: [rootlabel]\nrequired_reviewers: [rootreq]\n',
    'np/OWNERS': 'options:\n  no_parent_owners: true\napprovers: [npa]\nlabels: [nplabel]\nrequired_reviewers: [npreq]\n',
    'revonly/OWNERS': 'options:\n  no_parent_owners: true\nreviewers: [rev]\n',
    'flt/OWNERS': 'options:\n  no_parent_owners: true\nfilters:\n  "\\\\.txt$":\n    approvers: [flex]\n',
    'stop/OWNERS': 'options:\n  no_parent_owners: true\nreviewers: [stoprev]\n',
    'stop/deep/OWNERS': 'approvers: [deep]\n',
  };
  const o = repoOf(files);
  it('stops the walk at the flagged directory, whose own entries are included', () => {
    assert.deepEqual(o.approvers('np/x.go').toArrays(), [[], ['npa']]);
    assert.deepEqual(o.approvers('np/sub/x.go').toArrays(), [[], [], ['npa']]);
    assert.equal(o.isNoParentOwners('np'), true);
  });
  it('labels and required reviewers stop there too', () => {
    assert.deepEqual(sorted(o.findLabelsForFile('np/x.go')), ['nplabel']);
    assert.deepEqual(sorted(o.requiredReviewers('np/x.go')), ['npreq']);
  });
  it('is per role: reviewers-only dir does not stop the approver walk', () => {
    assert.deepEqual(o.approvers('revonly/x.go').toArrays(), [[], [], ['root']]);
    assert.deepEqual(o.reviewers('revonly/x.go').toArrays(), [[], ['rev']]);
  });
  it('a non-matching filter does not stop the walk; a matching one does', () => {
    assert.deepEqual(sorted(o.approvers('flt/testFile.go_to_parent').toSet()), ['root']);
    assert.equal(o.findApproverOwnersForFile('flt/testFile.go_to_parent'), '');
    assert.deepEqual(sorted(o.approvers('flt/testFile.txt').toSet()), ['flex']);
    assert.equal(o.findApproverOwnersForFile('flt/testFile.txt'), 'flt');
  });
  it('a flagged directory without entries of the role still stops once something deeper was collected', () => {
    assert.deepEqual(o.approvers('stop/deep/x').toArrays(), [[], ['deep']]);
    assert.deepEqual(o.approvers('stop/x').toArrays(), [[], [], ['root']]);
  });
  it('findOwnersForFile ignores no_parent_owners', () => {
    assert.equal(o.findReviewersOwnersForFile('np/x.go'), '');
    assert.equal(o.findApproverOwnersForFile('np/x.go'), 'np');
  });
});

describe('owners: labels, required reviewers, findOwnersForFile, global queries (§3.3)', () => {
  const o = repoOf({
    OWNERS: 'approvers: [root]\nreviewers: [Alice, bob]\nrequired_reviewers: [chris]\nlabels: [EVERYTHING]\n',
    'src/OWNERS': 'approvers: [Best-Approvers]\n',
    'src/dir/OWNERS': 'approvers: [bob]\nreviewers: [alice, "@CJWagner", jakub]\nrequired_reviewers: [ben]\nlabels: [src-code]\n',
    'rev/OWNERS': 'reviewers: [r]\nlabels: [Mixed-Case]\n',
  });
  it('labels accumulate over ancestors and keep their case', () => {
    assert.deepEqual(sorted(o.findLabelsForFile('src/dir/x.go')), ['EVERYTHING', 'src-code']);
    assert.deepEqual(sorted(o.findLabelsForFile('rev/x')), ['EVERYTHING', 'Mixed-Case']);
    assert.deepEqual(sorted(o.findLabelsForFile('foo.txt')), ['EVERYTHING']);
    assert.deepEqual(sorted(o.findLabelsForFile('./foo.txt')), ['EVERYTHING']);
  });
  it('required reviewers of all ancestors', () => {
    assert.deepEqual(sorted(o.requiredReviewers('src/dir/x.go')), ['ben', 'chris']);
  });
  it('logins are normalised: lower case, one @', () => {
    assert.deepEqual(sorted(o.leafReviewers('src/dir/x')), ['alice', 'cjwagner', 'jakub']);
  });
  it('findOwnersForFile: closest dir with a non-empty matching set; "" for root and for none', () => {
    assert.equal(o.findApproverOwnersForFile('src/dir/x.go'), 'src/dir');
    assert.equal(o.findApproverOwnersForFile('src/other/x.go'), 'src');
    assert.equal(o.findApproverOwnersForFile('foo.txt'), '');
    assert.equal(o.findApproverOwnersForFile('rev/x'), '');
    assert.equal(o.findReviewersOwnersForFile('rev/x'), 'rev');
    assert.equal(o.findApproverOwnersForFile('src/dir'), 'src/dir');
    assert.equal(o.findApproverOwnersForFile('src/dir/'), 'src/dir');
    assert.equal(o.findApproverOwnersForFile('.'), '');
    assert.equal(o.findApproverOwnersForFile(''), '');
    assert.equal(repoOf({}).findApproverOwnersForFile('a/b'), '');
  });
  it('TopLevelApprovers: root entries whose regex is nil or matches "."', () => {
    assert.deepEqual(sorted(o.topLevelApprovers()), ['root']);
    const f = repoOf({ OWNERS: 'filters:\n  "\\\\.go$":\n    approvers: [g]\n  ".*":\n    approvers: [all]\n  "^\\\\.$":\n    approvers: [dot]\n' });
    assert.deepEqual(sorted(f.topLevelApprovers()), ['all', 'dot']);
    assert.deepEqual(sorted(repoOf({ 'a/OWNERS': 'approvers: [x]\n' }).topLevelApprovers()), []);
  });
  it('AllApprovers / AllReviewers / AllOwners: union of every set, filters included', () => {
    const f = repoOf({ OWNERS: 'approvers: [a]\n', 'x/OWNERS': 'filters:\n  "z":\n    approvers: [b]\n    reviewers: [c]\n' });
    assert.deepEqual(sorted(f.allApprovers()), ['a', 'b']);
    assert.deepEqual(sorted(f.allReviewers()), ['c']);
    assert.deepEqual(sorted(f.allOwners()), ['a', 'b', 'c']);
  });
  it('replacing and removing a source updates every query', () => {
    const f = repoOf({ OWNERS: 'approvers: [a]\n', 'x/OWNERS': 'approvers: [b]\n' });
    f.removeSource('x/OWNERS');
    assert.deepEqual(sorted(f.leafApprovers('x/y')), ['a']);
    f.setSource({ path: 'OWNERS', file: (repoOf({ OWNERS: 'approvers: [c]\n' }).source('OWNERS'))!.file });
    assert.deepEqual(sorted(f.allApprovers()), ['c']);
  });
  it('ownersReport: the CLI JSON shape', () => {
    assert.deepEqual(ownersReport(o, 'src/dir/x.go'), {
      path: 'src/dir/x.go',
      approvers: [[], ['bob'], ['best-approvers'], ['root']],
      reviewers: [[], ['alice', 'cjwagner', 'jakub'], [], ['bob']],
      leafApprovers: ['bob'],
      leafReviewers: ['alice', 'cjwagner', 'jakub'],
      requiredReviewers: ['ben', 'chris'],
      labels: ['EVERYTHING', 'src-code'],
      approverOwnersFile: 'src/dir',
      reviewerOwnersFile: 'src/dir',
    });
    assert.deepEqual(ownersReport(repoOf({}), 'x'), {
      path: 'x', approvers: [], reviewers: [], leafApprovers: [], leafReviewers: [], requiredReviewers: [], labels: [],
      approverOwnersFile: '', reviewerOwnersFile: '',
    });
  });
});
