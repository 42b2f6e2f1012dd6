/**
 * One failing and one passing document per OWNERS diagnostic code, opened as editor buffers over the base workspace
 * test/fixtures/owners-lsp/base (root OWNERS, OWNERS_ALIASES with sig-foo-leads and sig-bar-reviewers, labels.yaml,
 * sigs.yaml, pkg/{a.go,sub/b.go}, docs/). `fix` names the quick fix that must make the failing diagnostic disappear.
 */
export interface OwnersCase {
  code: string;
  severity: 'error' | 'warning' | 'information';
  /** Path of the document (repository-relative); existing files are overlaid and restored on close. */
  path: string;
  fail: string;
  pass: string;
  /** Where the passing document goes when it is not `path` (for codes about a file's location). */
  passPath?: string;
  /** Title prefix of the quick fix to apply to the failing document (the code must then be gone). */
  fix?: string;
  /** Further quick fixes to check the same way. */
  moreFixes?: string[];
}

const ok = 'approvers:\n  - dave\n';

export const OWNERS_CASES: OwnersCase[] = [
  // ---- Errors: what verify-owners rejects ----
  { code: 'owners/unparsable', severity: 'error', path: 'cases/unparsable/OWNERS', fail: 'approvers:\n  - dave\n reviewers: [\n', pass: ok },
  { code: 'owners/banned-label', severity: 'error', path: 'cases/banned/OWNERS', fail: 'approvers:\n  - dave\nlabels:\n  - lgtm\n', pass: 'approvers:\n  - dave\nlabels:\n  - sig/foo\n' },
  { code: 'owners/root-no-approvers', severity: 'error', path: 'OWNERS', fail: 'reviewers:\n  - root-reviewer\n', pass: 'approvers:\n  - root-approver\nreviewers:\n  - root-reviewer\n' },
  { code: 'aliases/unparsable', severity: 'error', path: 'OWNERS_ALIASES', fail: 'aliases:\n  sig-foo-leads: [alice\n', pass: 'aliases:\n  sig-foo-leads: [alice, bob]\n  sig-bar-reviewers: [carol]\n' },
  {
    code: 'aliases/invalid',
    severity: 'error',
    path: 'OWNERS_ALIASES',
    fail: 'aliases:\n  sig-foo-leads:\n    - alice\n    - yes\n  sig-bar-reviewers:\n    - carol\n',
    pass: 'aliases:\n  sig-foo-leads:\n    - alice\n    - "yes"\n  sig-bar-reviewers:\n    - carol\n',
    fix: 'Quote the members',
  },
  // ---- Warnings: silent quirks ----
  { code: 'owners/yaml11-scalar', severity: 'warning', path: 'cases/yaml11/OWNERS', fail: 'approvers:\n  - dave\n  - yes\n', pass: 'approvers:\n  - dave\n  - "yes"\n', fix: 'Quote yes' },
  { code: 'owners/scalar-not-list', severity: 'warning', path: 'cases/scalar/OWNERS', fail: 'approvers: dave\n', pass: ok, fix: 'Make it a list' },
  {
    code: 'owners/filters-ignored',
    severity: 'warning',
    path: 'cases/filters-ignored/OWNERS',
    fail: 'approvers:\n  - dave\nfilters:\n  "\\\\.go$":\n    reviewers:\n      - erin\n',
    pass: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "\\\\.go$":\n    reviewers:\n      - erin\n',
    fix: 'Move the top-level lists into filters',
  },
  {
    code: 'owners/filters-ignored',
    severity: 'warning',
    path: 'cases/filters-reverse/OWNERS',
    fail: 'reviewers:\n  - erin\nfilters:\n  ".*":\n    approvers:\n      - dave\n',
    pass: 'reviewers:\n  - erin\napprovers:\n  - dave\n',
    fix: 'Move filters[".*"] to the top level',
  },
  { code: 'owners/unknown-key', severity: 'warning', path: 'cases/unknown-key/OWNERS', fail: 'approvers:\n  - dave\napprover:\n  - erin\n', pass: ok, fix: 'Rename to approvers' },
  { code: 'owners/key-case', severity: 'warning', path: 'cases/key-case/OWNERS', fail: 'Approvers:\n  - dave\n', pass: ok, fix: 'Rename to approvers' },
  {
    code: 'owners/duplicate-key',
    severity: 'warning',
    path: 'cases/duplicate-key/OWNERS',
    fail: 'approvers:\n  - dave\nreviewers:\n  - erin\napprovers:\n  - frank\n',
    pass: 'approvers:\n  - frank\nreviewers:\n  - erin\n',
    fix: 'Remove the ignored',
  },
  { code: 'owners/invalid-regex', severity: 'warning', path: 'pkg/OWNERS', fail: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "a(b":\n    reviewers:\n      - erin\n', pass: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "a\\\\.go":\n    reviewers:\n      - erin\n' },
  { code: 'owners/non-re2-regex', severity: 'warning', path: 'pkg/OWNERS', fail: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "(?!vendor)\\\\.go$":\n    reviewers:\n      - erin\n', pass: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "\\\\.go$":\n    reviewers:\n      - erin\n' },
  { code: 'owners/regex-never-matches', severity: 'information', path: 'pkg/OWNERS', fail: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "\\\\.py$":\n    reviewers:\n      - erin\n', pass: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "\\\\.go$":\n    reviewers:\n      - erin\n' },
  { code: 'owners/anchored-regex', severity: 'warning', path: 'pkg/OWNERS', fail: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "^pkg/sub/":\n    reviewers:\n      - erin\n', pass: 'filters:\n  ".*":\n    approvers:\n      - dave\n  "^sub/":\n    reviewers:\n      - erin\n', fix: 'Match relative paths' },
  {
    code: 'owners/emeritus-also-approver',
    severity: 'warning',
    path: 'cases/emeritus/OWNERS',
    fail: 'approvers:\n  - dave\n  - Frank\nemeritus_approvers:\n  - frank\n',
    pass: 'approvers:\n  - dave\nemeritus_approvers:\n  - frank\n',
    fix: 'Remove Frank from approvers',
  },
  { code: 'owners/undefined-alias', severity: 'warning', path: 'cases/undefined-alias/OWNERS', fail: 'approvers:\n  - sig-foo-lead\n', pass: 'approvers:\n  - sig-foo-leads\n', fix: 'Replace with sig-foo-leads' },
  { code: 'owners/alias-in-labels', severity: 'warning', path: 'cases/alias-label/OWNERS', fail: 'approvers:\n  - dave\nlabels:\n  - sig-foo-leads\n', pass: 'approvers:\n  - dave\nlabels:\n  - sig/foo\n' },
  {
    code: 'aliases/empty-group',
    severity: 'warning',
    path: 'OWNERS_ALIASES',
    fail: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n  retired-group: []\n',
    pass: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n',
  },
  {
    code: 'aliases/nested-alias',
    severity: 'warning',
    path: 'OWNERS_ALIASES',
    fail: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n    - sig-foo-leads\n',
    pass: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n    - alice\n    - bob\n',
  },
  {
    code: 'aliases/unused',
    severity: 'information',
    path: 'OWNERS_ALIASES',
    fail: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n  wg-retired-leads:\n    - dave\n',
    pass: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n',
  },
  { code: 'owners/duplicate-entry', severity: 'warning', path: 'cases/dup/OWNERS', fail: 'approvers:\n  - dave\n  - erin\n  - Dave\n', pass: 'approvers:\n  - dave\n  - erin\n', fix: 'Remove the duplicate' },
  { code: 'owners/malformed-login', severity: 'warning', path: 'cases/malformed/OWNERS', fail: 'approvers:\n  - dave\nrequired_reviewers:\n  - kubernetes/steering-committee\n', pass: 'approvers:\n  - dave\nrequired_reviewers:\n  - erin\n' },
  { code: 'owners/unknown-label', severity: 'warning', path: 'cases/unknown-label/OWNERS', fail: 'approvers:\n  - dave\nlabels:\n  - sig/fooo\n', pass: 'approvers:\n  - dave\nlabels:\n  - sig/foo\n', fix: 'Replace with sig/foo' },
  { code: 'owners/retired-label', severity: 'warning', path: 'cases/retired-label/OWNERS', fail: 'approvers:\n  - dave\nlabels:\n  - committee/old-name\n', pass: 'approvers:\n  - dave\nlabels:\n  - committee/new-name\n', fix: 'Replace with committee/new-name' },
  { code: 'owners/retired-label', severity: 'warning', path: 'cases/retired-group/OWNERS', fail: 'approvers:\n  - dave\nlabels:\n  - sig/gone\n', pass: 'approvers:\n  - dave\nlabels:\n  - sig/bar\n' },
  {
    code: 'owners/no-parent-owners-without-approvers',
    severity: 'warning',
    path: 'cases/no-parent/OWNERS',
    fail: 'options:\n  no_parent_owners: true\nreviewers:\n  - erin\n',
    pass: 'options:\n  no_parent_owners: true\napprovers:\n  - dave\nreviewers:\n  - erin\n',
  },
  { code: 'aliases/not-at-root', severity: 'warning', path: 'cases/nested/OWNERS_ALIASES', fail: 'aliases:\n  x-leads:\n    - dave\n', passPath: 'OWNERS_ALIASES', pass: 'aliases:\n  sig-foo-leads:\n    - alice\n    - bob\n  sig-bar-reviewers:\n    - carol\n    - alice\n' },
  { code: 'owners/denylisted-dir', severity: 'warning', path: 'vendor/x/y/OWNERS', fail: ok, passPath: 'vendor/x/OWNERS', pass: ok },
  {
    code: 'owners/emeritus-in-filters',
    severity: 'warning',
    path: 'cases/emeritus-filters/OWNERS',
    fail: 'filters:\n  ".*":\n    approvers:\n      - dave\n    emeritus_approvers:\n      - frank\n',
    pass: 'emeritus_approvers:\n  - frank\nfilters:\n  ".*":\n    approvers:\n      - dave\n',
  },
  { code: 'owners/no-effective-entries', severity: 'warning', path: 'cases/no-effect/OWNERS', fail: 'emeritus_approvers:\n  - frank\n', pass: 'approvers:\n  - dave\nemeritus_approvers:\n  - frank\n' },
];
