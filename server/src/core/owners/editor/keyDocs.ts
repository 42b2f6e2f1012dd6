/**
 * What each OWNERS / OWNERS_ALIASES key means to Prow. The JSON Schemas in schemas/ carry the same descriptions
 * (a test keeps them in sync); hover and completion show them.
 */
export const OWNERS_KEY_DOCS: Record<string, string> = {
  approvers:
    'GitHub logins or OWNERS_ALIASES aliases who can approve changes to this directory (`/approve`). Prow lower-cases them, strips one leading @ and expands aliases once (not recursively). Approvers of parent directories can approve too, unless `no_parent_owners` is set.',
  reviewers:
    'GitHub logins or aliases that Prow (blunderbuss) may request reviews from for changes here, and whose `/lgtm` counts. Parent directories\' reviewers are candidates too.',
  required_reviewers:
    'Logins or aliases that must be requested as reviewers for every change here (Prow requests them all; used mostly inside filters).',
  labels:
    'GitHub labels Prow\'s owners-label plugin adds to PRs touching this directory. Labels accumulate over all parent OWNERS files. Aliases are NOT expanded here, and labels that do not exist in the repository are not applied.',
  options: 'Directory options: `no_parent_owners`, `auto_approve_unowned_subfolders`. Allowed next to top-level lists or next to `filters`.',
  filters:
    'Per-file rules: a map from a Go RE2 regular expression (matched, unanchored, against the path relative to this directory) to approvers/reviewers/required_reviewers/labels. `".*"` means every file. Prow ignores `filters` entirely when the file also has top-level approvers, reviewers, required_reviewers or labels.',
  no_parent_owners:
    'Stop collecting owners from parent OWNERS files once this directory contributed someone for that role (approvers, reviewers, labels are checked separately). With no approvers here, parent approvers still apply.',
  auto_approve_unowned_subfolders:
    'Changes in subdirectories without their own OWNERS file are approved automatically by this directory\'s approvers\' approval (Prow approve plugin).',
  emeritus_approvers:
    'Former approvers (community convention, contributors/guide/owners.md). Prow never reads this list: a login that is also under `approvers` is still an approver.',
  emeritus_reviewers: 'Former reviewers (community convention). Prow never reads this list.',
};

export const ALIASES_KEY_DOCS: Record<string, string> = {
  aliases:
    'Alias groups: `name: [logins]`. Prow reads OWNERS_ALIASES only at the repository root, lower-cases names and members, and expands an alias once wherever it appears in approvers/reviewers/required_reviewers (a member that is itself an alias is NOT expanded). Empty groups make verify-owners comment "There are empty aliases in OWNER_ALIASES, cleanup is advised."',
};
