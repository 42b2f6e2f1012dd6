/**
 * The queries Prow's RepoOwners answers (owners.md §3.3). Everything that needs ownership (approve/blunderbuss
 * previews, the owning SIG, the UI) depends on this interface, not on how the index is built.
 */
import type { LayeredSet } from './layered';

export interface OwnersQueries {
  /** All approvers, layered (layer i = found i directories up from the path). */
  approvers(path: string): LayeredSet;
  /** The first non-empty approver layer. */
  leafApprovers(path: string): Set<string>;
  reviewers(path: string): LayeredSet;
  leafReviewers(path: string): Set<string>;
  /** Required reviewers of every ancestor (until no_parent_owners). */
  requiredReviewers(path: string): Set<string>;
  /** Labels accumulated over all ancestors (until no_parent_owners). */
  findLabelsForFile(path: string): Set<string>;
  /** Directory of the closest OWNERS file with (matching, non-empty) approvers; "" for the root and for none. */
  findApproverOwnersForFile(path: string): string;
  findReviewersOwnersForFile(path: string): string;
  isNoParentOwners(dir: string): boolean;
  isAutoApproveUnownedSubfolders(dir: string): boolean;
  topLevelApprovers(): Set<string>;
  allApprovers(): Set<string>;
  allReviewers(): Set<string>;
  allOwners(): Set<string>;
}
