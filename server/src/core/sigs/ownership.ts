/**
 * Everything the UI shows about who owns a path, in one pure function: Prow's answers (layered approvers and
 * reviewers, required reviewers, labels), the OWNERS chain that produced them, the owning SIG(s) with evidence, and
 * the emeritus people of the chain who no longer count.
 */
import { ownersReport, type OwnersReport } from '../owners/report';
import type { OwnersQueries } from '../owners/queries';
import type { RepoOwners } from '../owners/repoOwners';
import { ownersChain, type ChainLink, type EmeritusEntry } from './ownersChain';
import { owningSig, type OwningSigResult, type SubprojectIndex } from './owningSig';
import type { SigsModel } from './sigsModel';

export interface Ownership extends OwnersReport {
  /** No OWNERS file applies to the path at all (not an error: e.g. a repository without OWNERS). */
  noOwners: boolean;
  chain: ChainLink[];
  owning: OwningSigResult;
  /** Emeritus approvers/reviewers of the chain files Prow's walk reaches, with their file. */
  emeritus: (EmeritusEntry & { file: string })[];
}

export interface OwnershipOptions {
  ownersFilename?: string;
  model?: SigsModel | null;
  subprojects?: SubprojectIndex;
}

export function ownershipOf(queries: OwnersQueries, owners: RepoOwners, path: string, opts: OwnershipOptions = {}): Ownership {
  const report = ownersReport(queries, path);
  const chain = ownersChain(owners, path, opts.ownersFilename);
  const owning = owningSig({ chain, labels: new Set(report.labels), model: opts.model, subprojects: opts.subprojects });
  const approvers = new Set(report.approvers.flat());
  const reviewers = new Set(report.reviewers.flat());
  const emeritus: Ownership['emeritus'] = [];
  const seen = new Set<string>();
  for (const link of chain) {
    for (const e of link.emeritus) {
      const reached = e.role === 'approver' ? link.reached.approvers : link.reached.reviewers;
      if (!reached) continue;
      const k = `${e.role}\0${e.login}`;
      if (seen.has(k)) continue;
      seen.add(k);
      emeritus.push({ ...e, file: link.file, stillCounts: (e.role === 'approver' ? approvers : reviewers).has(e.login) });
    }
  }
  return { ...report, noOwners: chain.length === 0, chain, owning, emeritus };
}
