/** Pure rules: how YAML 1.1 / sigs.k8s.io/yaml and the simple-vs-filters rule read an OWNERS file. */
import * as assert from 'node:assert/strict';
import { applyEdits, lint } from '../support/ownersRules';

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);

describe('owners rules: YAML shape', () => {
  it('yaml11-scalar at the top level says the file is dropped; inside filters it says what string Prow stores', () => {
    const top = lint('a/OWNERS', 'approvers:\n  - dave\n  - on\n');
    assert.deepEqual(codes(top), ['owners/yaml11-scalar']);
    assert.match(top[0].message, /the boolean true/);
    assert.match(top[0].message, /drops every top-level list/);
    assert.deepEqual(top[0].range, { start: { line: 2, character: 4 }, end: { line: 2, character: 6 } });
    const f = lint('a/OWNERS', 'filters:\n  ".*":\n    approvers:\n      - dave\n      - 012\n');
    assert.deepEqual(codes(f), ['owners/yaml11-scalar']);
    assert.match(f[0].message, /"10"/);
    assert.equal(applyEdits('filters:\n  ".*":\n    approvers:\n      - dave\n      - 012\n', f[0].fixes![0].edits), 'filters:\n  ".*":\n    approvers:\n      - dave\n      - "012"\n');
  });

  it('quoted, null and string scalars are not yaml11-scalar', () => {
    assert.deepEqual(codes(lint('a/OWNERS', 'approvers:\n  - "yes"\n  - yesman\n  - \'123\'\n')), []);
  });

  it('scalar-not-list: fix makes a flow list', () => {
    const ds = lint('a/OWNERS', 'approvers: dave\nreviewers:\n  - erin\n');
    assert.ok(codes(ds).includes('owners/scalar-not-list'));
    const d = ds.find((x) => x.code === 'owners/scalar-not-list')!;
    assert.equal(applyEdits('approvers: dave\nreviewers:\n  - erin\n', d.fixes![0].edits), 'approvers: [dave]\nreviewers:\n  - erin\n');
  });

  it('filters-ignored: moving top-level lists into a new ".*" filter keeps the other filters and comments', () => {
    const text = '# c\napprovers:\n  - dave\nlabels:\n  - sig/foo\nfilters:\n  "\\\\.go$":\n    reviewers:\n      - erin\n';
    const ds = lint('a/OWNERS', text, {}, ['a/x.go']);
    const d = ds.find((x) => x.code === 'owners/filters-ignored')!;
    assert.match(d.message, /ignores `filters`/);
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, '# c\nfilters:\n  ".*":\n    approvers:\n      - dave\n    labels:\n      - sig/foo\n  "\\\\.go$":\n    reviewers:\n      - erin\n');
    assert.deepEqual(codes(lint('a/OWNERS', fixed, {}, ['a/x.go'])), []);
  });

  it('filters-ignored: merges into an existing ".*" filter when roles do not clash, else offers no move', () => {
    const text = 'reviewers:\n  - erin\nfilters:\n  ".*":\n    approvers:\n      - dave\n  "x":\n    labels: [sig/foo]\n';
    const d = lint('a/OWNERS', text, {}, ['a/x']).find((x) => x.code === 'owners/filters-ignored')!;
    const fixed = applyEdits(text, d.fixes![0].edits);
    assert.equal(fixed, 'filters:\n  ".*":\n    approvers:\n      - dave\n    reviewers:\n      - erin\n  "x":\n    labels: [sig/foo]\n');
    const clash = 'approvers:\n  - erin\nfilters:\n  ".*":\n    approvers:\n      - dave\n';
    const d2 = lint('a/OWNERS', clash).find((x) => x.code === 'owners/filters-ignored')!;
    assert.equal(d2.fixes!.length, 0);
  });

  it('unknown-key suggests the key Prow reads (and the emeritus convention)', () => {
    const ds = lint('a/OWNERS', 'approvers: [dave]\napprover: [x]\nemeritus_approver: [y]\nreviwers: [z]\noptions:\n  no_parent_owner: true\nfoo: 1\n');
    const s = ds.filter((d) => d.code === 'owners/unknown-key').map((d) => d.data?.suggestion);
    assert.deepEqual(s, ['approvers', 'emeritus_approvers', 'reviewers', 'no_parent_owners', undefined]);
  });

  it('key-case: works by accident, including the Go folding of ſ; fix lower-cases', () => {
    const ds = lint('a/OWNERS', 'APPROVERS: [dave]\nreviewerſ: [erin]\n');
    assert.deepEqual(codes(ds), ['owners/key-case', 'owners/key-case']);
    assert.equal(ds[1].fixes![0].edits[0].newText, 'reviewers');
  });

  it('duplicate-key: last wins; among case variants the byte-order last wins', () => {
    const ds = lint('a/OWNERS', 'approvers: [a]\napprovers: [b]\n');
    assert.deepEqual(codes(ds), ['owners/duplicate-key']);
    assert.equal(ds[0].range.start.line, 0);
    const v = lint('a/OWNERS', 'reviewers: [a]\nReviewers: [b]\napprovers: [c]\n');
    const d = v.find((x) => x.code === 'owners/duplicate-key')!;
    assert.equal(d.range.start.line, 1, 'Reviewers loses to reviewers (byte order), even though it comes later');
    assert.match(d.message, /`reviewers` wins/);
  });

  it('emeritus-in-filters and no-effective-entries', () => {
    assert.deepEqual(codes(lint('a/OWNERS', 'filters:\n  ".*":\n    approvers: [a]\n    emeritus_approvers: [b]\n')), ['owners/emeritus-in-filters']);
    const only = lint('a/OWNERS', 'emeritus_approvers:\n  - b\n');
    assert.deepEqual(codes(only), ['owners/no-effective-entries']);
    assert.match(only[0].message, /only emeritus/);
    assert.deepEqual(codes(lint('a/OWNERS', '')), ['owners/no-effective-entries']);
    assert.deepEqual(codes(lint('a/OWNERS', 'options:\n  auto_approve_unowned_subfolders: true\n')), [], 'an options-only file has an effect');
  });

  it('errors stay errors: unparsable, banned label, root without approvers', () => {
    assert.deepEqual(codes(lint('a/OWNERS', 'approvers: [\n')), ['owners/unparsable']);
    assert.deepEqual(codes(lint('a/OWNERS', 'filters:\n  ".*":\n    approvers: dave\n')), ['owners/unparsable']);
    assert.deepEqual(codes(lint('a/OWNERS', 'approvers: [a]\nlabels: [approved]\n')), ['owners/banned-label']);
    assert.deepEqual(codes(lint('OWNERS', 'reviewers: [a]\n')), ['owners/root-no-approvers']);
  });
});
