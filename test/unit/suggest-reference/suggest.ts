// Differential-test oracle: server/src/core/reviewers/suggest.ts as of commit 6b31fc5, the straightforward per-file
// implementation before the per-change owners table (changeOwners.ts). Frozen on purpose: do not optimise; change it
// only together with an intended change of behaviour in the real module. See test/unit/suggest-differential.test.ts.
/**
 * Everything "who should review this change" in one pure call: Prow's approve preview for the PR number, the
 * blunderbuss pools (never a pretend pick) and Kube Shepherd's explained ranking.
 */
import type { OwnersQueries } from '../../../server/src/core/owners/queries';
import { approvePreview, type ApprovePreview } from './approve';
import { blunderbussPools, type BlunderbussConfig, type BlunderbussPreview } from './blunderbuss';
import { rankReviewers, type RankedCandidate, type RankingInput } from './ranking';

export interface SuggestInput {
  owners: OwnersQueries;
  files: readonly string[];
  author?: string;
  /** Seed of the approve plugin's shuffle; 0 when the PR number is not known yet. */
  prNumber?: number;
  approvedBy?: readonly string[];
  assignees?: readonly string[];
  blunderbuss?: BlunderbussConfig;
  ranking?: Omit<RankingInput, 'owners' | 'files' | 'author' | 'dirs'>;
}

export interface SuggestReport {
  ownersSet: string[];
  unapprovedFiles: string[];
  suggestedApprovers: ApprovePreview['suggestedApprovers'];
  blunderbuss: BlunderbussPreview;
  ranked: Pick<RankedCandidate, 'login' | 'score' | 'reasons'>[];
  /** Details for UIs (per-directory approvals, coverage). */
  approve: ApprovePreview;
  rankedDetails: RankedCandidate[];
}

export function suggestReviewers(input: SuggestInput): SuggestReport {
  const author = input.author ?? '';
  const approve = approvePreview({
    owners: input.owners,
    files: input.files,
    prNumber: input.prNumber ?? 0,
    currentApprovers: input.approvedBy ?? [],
    assignees: input.assignees ?? [],
  });
  const pools = blunderbussPools(input.owners, input.files, author, input.blunderbuss ?? {});
  // Rank against what still needs approval; once everything is approved, against the whole owners set.
  const dirs = approve.unapprovedFiles.length > 0 ? approve.unapprovedFiles : approve.ownersSet;
  const ranked = rankReviewers({ ...(input.ranking ?? {}), owners: input.owners, files: input.files, author, dirs });
  return {
    ownersSet: approve.ownersSet,
    unapprovedFiles: approve.unapprovedFiles,
    suggestedApprovers: approve.suggestedApprovers,
    blunderbuss: pools,
    ranked: ranked.map((r) => ({ login: r.login, score: r.score, reasons: r.reasons })),
    approve,
    rankedDetails: ranked,
  };
}
