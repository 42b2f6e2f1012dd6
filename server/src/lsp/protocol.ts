/** Custom requests between the Kube Shepherd client and server (shared by both sides). */

export const OwnersOfRequest = 'shepherd/ownersOf';

export interface OwnersOfParams {
  uri: string;
}

export interface OwnersChainEntry {
  /** URI of the OWNERS file. */
  uri: string;
  /** Repository-relative path of the OWNERS file. */
  file: string;
  /** 0-based line of the first entry of each role it contributes. */
  line: number;
  roles: string[];
}

export interface OwnersOfResult {
  /** Repository-relative path of the document. */
  path: string;
  approvers: string[][];
  reviewers: string[][];
  leafApprovers: string[];
  leafReviewers: string[];
  requiredReviewers: string[];
  labels: string[];
  approverOwnersFile: string;
  reviewerOwnersFile: string;
  chain: OwnersChainEntry[];
  /** Labels naming a group (sig/*, wg/*, committee/*, ug/*), nearest first. */
  sigs: { name: string; evidence: string }[];
}
