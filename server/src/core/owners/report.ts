/** The ownership of one path in the CLI's JSON shape (one object per path, keys fixed by the CLI contract). */
import { goSort } from '../gostrings';
import type { OwnersQueries } from './queries';

export interface OwnersReport {
  path: string;
  approvers: string[][];
  reviewers: string[][];
  leafApprovers: string[];
  leafReviewers: string[];
  requiredReviewers: string[];
  labels: string[];
  approverOwnersFile: string;
  reviewerOwnersFile: string;
}

/** Queries that can answer a whole report from a per-directory cache (CachedOwnersQueries). */
interface ReportCache {
  cachedReport(path: string, compute: (p: string) => OwnersReport): OwnersReport;
}

export function ownersReport(owners: OwnersQueries, path: string): OwnersReport {
  const cache = (owners as Partial<ReportCache>).cachedReport;
  if (cache) return cache.call(owners, path, (p) => computeReport(owners, p));
  return computeReport(owners, path);
}

function computeReport(owners: OwnersQueries, path: string): OwnersReport {
  return {
    path,
    approvers: owners.approvers(path).toArrays(),
    reviewers: owners.reviewers(path).toArrays(),
    leafApprovers: goSort(owners.leafApprovers(path)),
    leafReviewers: goSort(owners.leafReviewers(path)),
    requiredReviewers: goSort(owners.requiredReviewers(path)),
    labels: goSort(owners.findLabelsForFile(path)),
    approverOwnersFile: owners.findApproverOwnersForFile(path),
    reviewerOwnersFile: owners.findReviewersOwnersForFile(path),
  };
}
