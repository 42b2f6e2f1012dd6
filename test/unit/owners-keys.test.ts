/** owners.md §1.3–1.4: case-insensitive keys, duplicates, json folding, sorted key application, simple vs full. */
import { strict as assert } from 'node:assert';
import { jsonFoldKey } from '../../server/src/core/gostrings';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { filterLists, repoOf, simpleList, sorted } from './owners-helpers';

describe('owners: key matching (encoding/json folding)', () => {
  it('keys match case-insensitively', () => {
    const f = parseOwnersFile('Approvers: [alice]\nREVIEWERS: [bob]\nRequired_Reviewers: [carl]\nLabels: [L]\nOptions: {No_Parent_Owners: true}\n');
    assert.equal(f.mode, 'simple');
    assert.deepEqual(simpleList(f, 'approvers'), ['alice']);
    assert.deepEqual(simpleList(f, 'reviewers'), ['bob']);
    assert.deepEqual(simpleList(f, 'required_reviewers'), ['carl']);
    assert.deepEqual(simpleList(f, 'labels'), ['L']);
    assert.equal(f.options.noParentOwners, true);
  });
  it('ſ (long s) folds to s and K (Kelvin) to k; other look-alikes do not', () => {
    assert.deepEqual(simpleList(parseOwnersFile('approverſ: [alice]\n'), 'approvers'), ['alice']);
    assert.equal(jsonFoldKey('\u212a'), 'K');
    assert.equal(jsonFoldKey('\u017f'), 'S');
    assert.equal(parseOwnersFile('apprövers: [alice]\n').mode, 'full');
    assert.equal(parseOwnersFile('approvers\u0131: [alice]\n').mode, 'full');
  });
  it('case-variant coercion inside filters follows the folded field', () => {
    assert.deepEqual(filterLists(parseOwnersFile('filters:\n  ".*":\n    APPROVERS: [yes]\n'), 'approvers'), { '.*': ['true'] });
  });
  it('duplicate key: the last occurrence wins', () => {
    const f = parseOwnersFile('approvers:\n- a\napprovers:\n- b\n');
    assert.deepEqual(simpleList(f, 'approvers'), ['b']);
  });
  it('case variants are all applied in byte-sorted order: lower-case beats capitalised, in either file order', () => {
    assert.deepEqual(simpleList(parseOwnersFile('reviewers: [x]\nReviewers: [z]\napprovers: [a]\n'), 'reviewers'), ['x']);
    assert.deepEqual(simpleList(parseOwnersFile('Reviewers: [z]\nreviewers: [x]\napprovers: [a]\n'), 'reviewers'), ['x']);
    assert.deepEqual(simpleList(parseOwnersFile('reviewers: [x]\nREVIEWERS: [z]\nReviewers: [w]\napprovers: [a]\n'), 'reviewers'), ['x']);
  });
  it('a null case variant sorted last clears the list', () => {
    const f = parseOwnersFile('Approvers: [a]\napprovers:\nreviewers: [r]\n');
    assert.equal(simpleList(f, 'approvers'), undefined);
    assert.deepEqual(simpleList(f, 'reviewers'), ['r']);
  });
  it('mapping-valued case variants are merged: Filters + filters, Options + options', () => {
    const f = parseOwnersFile('filters:\n  a: {approvers: [x]}\nFilters:\n  b: {approvers: [w]}\n');
    assert.deepEqual(filterLists(f, 'approvers'), { a: ['x'], b: ['w'] });
    const g = parseOwnersFile('Options: {no_parent_owners: true}\noptions: {auto_approve_unowned_subfolders: true}\napprovers: [a]\n');
    assert.deepEqual(g.options, { noParentOwners: true, autoApproveUnownedSubfolders: true });
  });
  it('the same filter pattern under Filters and filters: the later (filters) replaces the whole entry', () => {
    const f = parseOwnersFile('filters:\n  a: {reviewers: [r]}\nFilters:\n  a: {approvers: [x]}\n');
    assert.deepEqual(filterLists(f, 'approvers'), { a: undefined });
    assert.deepEqual(filterLists(f, 'reviewers'), { a: ['r'] });
  });
  it('unknown keys (emeritus_approvers, typos) are ignored; emeritus does not remove an approver', () => {
    const o = repoOf({ OWNERS: 'approvers: [alice]\nemeritus_approvers: [alice, bob]\napprover: [carl]\n' });
    assert.deepEqual(sorted(o.leafApprovers('x')), ['alice']);
    assert.deepEqual(sorted(o.allOwners()), ['alice']);
  });
  it('emeritus-only file is full with no filters', () => {
    assert.equal(parseOwnersFile('emeritus_approvers: [bob]\n').mode, 'full');
  });
});

describe('owners: simple vs full (§1.4)', () => {
  it('top-level lists make the file simple and filters are ignored', () => {
    const f = parseOwnersFile('approvers: [alice]\nfilters:\n  ".*":\n    approvers: [bob]\n');
    assert.equal(f.mode, 'simple');
    const o = repoOf({ OWNERS: 'approvers: [alice]\nfilters:\n  ".*":\n    approvers: [bob]\n' });
    assert.deepEqual(sorted(o.allApprovers()), ['alice']);
  });
  it('labels alone at top level also make it simple', () => {
    const o = repoOf({ OWNERS: 'labels: [sig/x]\nfilters:\n  ".*":\n    approvers: [bob]\n' });
    assert.deepEqual(sorted(o.allApprovers()), []);
    assert.deepEqual(sorted(o.findLabelsForFile('a.go')), ['sig/x']);
  });
  it('empty top-level lists do not count; filters then apply', () => {
    const o = repoOf({ OWNERS: 'approvers: []\nreviewers:\nfilters:\n  ".*":\n    approvers: [bob]\n' });
    assert.deepEqual(sorted(o.allApprovers()), ['bob']);
  });
  it('options beside filters apply', () => {
    const f = parseOwnersFile('options:\n  no_parent_owners: true\nfilters:\n  ".*":\n    approvers: [bob]\n');
    assert.equal(f.mode, 'full');
    assert.equal(f.options.noParentOwners, true);
  });
  it('options-only file: no entries, options stored', () => {
    const o = repoOf({ 'a/OWNERS': 'options:\n  auto_approve_unowned_subfolders: true\n' });
    assert.equal(o.isAutoApproveUnownedSubfolders('a'), true);
    assert.equal(o.isNoParentOwners('a'), false);
    assert.equal(o.findApproverOwnersForFile('a/x'), '');
  });
  it('all-false options are not stored', () => {
    const o = repoOf({ 'a/OWNERS': 'options:\n  no_parent_owners: false\napprovers: [x]\n' });
    assert.equal(o.isNoParentOwners('a'), false);
  });
  it('a filter value that is not a mapping makes full fail: file ignored, options too', () => {
    const f = parseOwnersFile('options: {no_parent_owners: true}\nfilters:\n  ".*": [bob]\n');
    assert.equal(f.mode, 'ignored');
    const o = repoOf({ 'a/OWNERS': 'options: {no_parent_owners: true}\nfilters:\n  ".*": [bob]\n' });
    assert.equal(o.isNoParentOwners('a'), false);
  });
  it('an empty filter entry contributes nothing', () => {
    const o = repoOf({ OWNERS: 'filters:\n  "\\\\.go$":\n  ".*":\n    reviewers: [r]\n' });
    assert.deepEqual(sorted(o.allOwners()), ['r']);
  });
  it('numeric and boolean filter keys become strings (then regexes)', () => {
    const f = parseOwnersFile('filters:\n  123: {approvers: [a]}\n  yes: {approvers: [b]}\n  1.50: {approvers: [c]}\n');
    assert.deepEqual(Object.keys(filterLists(f, 'approvers')).sort(), ['1.5', '123', 'true']);
    const o = repoOf({ OWNERS: 'filters:\n  yes: {approvers: [b]}\n' });
    assert.deepEqual(sorted(o.leafApprovers('is-true.txt')), ['b']);
    assert.deepEqual(sorted(o.leafApprovers('yes.txt')), []);
  });
});
