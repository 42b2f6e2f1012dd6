/**
 * One change's ownership, resolved once and shared by the approve preview, the blunderbuss pools and the ranking.
 *
 * Those three used to ask the owners queries per file, each on its own and several times per file (Prow's algorithms
 * re-read a file's approvers at every step of the greedy cover). Each answer of CachedOwnersQueries is a fresh deep
 * copy of its per-directory entry, and each LayeredSet.toSet() sorts every layer: for a 200-file change that copying
 * and sorting was most of the time. Here each file is resolved once, and when the queries are the per-directory cache
 * and the file shares its directory's answers, the whole answer comes from the cache's per-directory report (one
 * lookup, shared arrays) instead of six copied answers. The cache alone decides when a file may differ from its
 * directory (a filter regex up the chain, an OWNERS key, md front matter), so files are never merged here; files it
 * does not share (all of them under a root OWNERS with filters, as in kubernetes/community) are asked query by query.
 *
 * Everything handed out is read-only by contract: it is shared by every consumer of the change (and, for reports,
 * with the cache itself). Lists have no duplicates and no particular order — consumers test membership or sort.
 */
import { goToLower } from '../gostrings';
import type { OwnersQueries } from '../owners/queries';
import { CachedOwnersQueries } from '../owners/cachedQueries';
import { ownersReport, type OwnersReport } from '../owners/report';
import { RepoOwners } from '../owners/repoOwners';

/** Every query a suggestion reads. */
export type ChangeOwnersSource = Pick<
  OwnersQueries,
  | 'approvers'
  | 'leafApprovers'
  | 'reviewers'
  | 'leafReviewers'
  | 'requiredReviewers'
  | 'findApproverOwnersForFile'
  | 'findReviewersOwnersForFile'
  | 'isNoParentOwners'
  | 'isAutoApproveUnownedSubfolders'
>;

/** One changed file's owners. */
export interface FileOwners {
  /** findApproverOwnersForFile. */
  readonly approverDir: string;
  /** findReviewersOwnersForFile. */
  readonly reviewerDir: string;
  /** approvers(file), every layer. */
  readonly approvers: readonly string[];
  /** approvers(file), every layer, Go-lower-cased (the approve plugin compares approvals case-insensitively). */
  readonly lowerApprovers: readonly string[];
  readonly leafApprovers: readonly string[];
  /** reviewers(file), every layer. */
  readonly reviewers: readonly string[];
  readonly leafReviewers: readonly string[];
  readonly requiredReviewers: readonly string[];
}

/** Layers of a LayeredSet are disjoint, so their concatenation is the set. */
function flattenLayers(layers: readonly (readonly string[] | ReadonlySet<string>)[]): string[] {
  const out: string[] = [];
  for (const l of layers) for (const x of l) out.push(x);
  return out;
}

function lowered(logins: readonly string[]): string[] {
  return logins.map(goToLower);
}

/**
 * The nearest non-empty layer, which is what RepoOwners' leafApprovers/leafReviewers answer: Prow's leaf walk is the
 * full walk stopped there. Only when every layer is empty is the leaf walk asked for, as the full walk also gives up
 * on a path it cannot relate to an ancestor, further up than the leaf walk may go. (Other OWNERS sources — Prow's
 * test fakes, and ours — answer the two queries independently, so this is used for RepoOwners only.)
 */
function nearestLayer(layers: readonly ReadonlySet<string>[]): string[] | undefined {
  for (const l of layers) if (l.size > 0) return [...l];
  return undefined;
}

/** Asked query by query, each at most once and only when read (the approve preview never reads reviewers). */
class QueriedFileOwners implements FileOwners {
  private _approverDir: string | undefined;
  private _reviewerDir: string | undefined;
  private _approverLayers: readonly ReadonlySet<string>[] | undefined;
  private _reviewerLayers: readonly ReadonlySet<string>[] | undefined;
  private _approvers: string[] | undefined;
  private _lowerApprovers: string[] | undefined;
  private _leafApprovers: string[] | undefined;
  private _reviewers: string[] | undefined;
  private _leafReviewers: string[] | undefined;
  private _requiredReviewers: string[] | undefined;

  constructor(
    private readonly source: ChangeOwnersSource,
    private readonly file: string,
    /** Whether the leaf queries may be read off the layered ones (see nearestLayer). */
    private readonly leafIsNearestLayer: boolean,
  ) {}

  private leaf(layers: () => readonly ReadonlySet<string>[], ask: () => Set<string>): string[] {
    return (this.leafIsNearestLayer ? nearestLayer(layers()) : undefined) ?? [...ask()];
  }

  get approverDir(): string {
    return (this._approverDir ??= this.source.findApproverOwnersForFile(this.file));
  }
  get reviewerDir(): string {
    return (this._reviewerDir ??= this.source.findReviewersOwnersForFile(this.file));
  }
  private get approverLayers(): readonly ReadonlySet<string>[] {
    return (this._approverLayers ??= this.source.approvers(this.file).layers);
  }
  private get reviewerLayers(): readonly ReadonlySet<string>[] {
    return (this._reviewerLayers ??= this.source.reviewers(this.file).layers);
  }
  get approvers(): readonly string[] {
    return (this._approvers ??= flattenLayers(this.approverLayers));
  }
  get lowerApprovers(): readonly string[] {
    return (this._lowerApprovers ??= lowered(this.approvers));
  }
  get leafApprovers(): readonly string[] {
    return (this._leafApprovers ??= this.leaf(() => this.approverLayers, () => this.source.leafApprovers(this.file)));
  }
  get reviewers(): readonly string[] {
    return (this._reviewers ??= flattenLayers(this.reviewerLayers));
  }
  get leafReviewers(): readonly string[] {
    return (this._leafReviewers ??= this.leaf(() => this.reviewerLayers, () => this.source.leafReviewers(this.file)));
  }
  get requiredReviewers(): readonly string[] {
    return (this._requiredReviewers ??= [...this.source.requiredReviewers(this.file)]);
  }
}

/** Read off one ownership report (OwnersReport is the same queries' answers, sorted per layer). */
class ReportedFileOwners implements FileOwners {
  private _approvers: string[] | undefined;
  private _lowerApprovers: string[] | undefined;
  private _reviewers: string[] | undefined;

  constructor(private readonly report: OwnersReport) {}

  get approverDir(): string {
    return this.report.approverOwnersFile;
  }
  get reviewerDir(): string {
    return this.report.reviewerOwnersFile;
  }
  get approvers(): readonly string[] {
    return (this._approvers ??= flattenLayers(this.report.approvers));
  }
  get lowerApprovers(): readonly string[] {
    return (this._lowerApprovers ??= lowered(this.approvers));
  }
  get leafApprovers(): readonly string[] {
    return this.report.leafApprovers;
  }
  get reviewers(): readonly string[] {
    return (this._reviewers ??= flattenLayers(this.report.reviewers));
  }
  get leafReviewers(): readonly string[] {
    return this.report.leafReviewers;
  }
  get requiredReviewers(): readonly string[] {
    return this.report.requiredReviewers;
  }
}

/** Queries that keep whole per-directory reports (CachedOwnersQueries.cachedReport). */
interface ReportCache {
  cachedReport(path: string, compute: (p: string) => OwnersReport): OwnersReport;
}

function reportCacheOf(source: object): ReportCache | undefined {
  return typeof (source as Partial<ReportCache>).cachedReport === 'function' ? (source as ReportCache) : undefined;
}

/** The same (memoised) queries, minus cachedReport, so that ownersReport computes instead of consulting the cache. */
function withoutReportCache(q: OwnersQueries): OwnersQueries {
  return {
    approvers: (p) => q.approvers(p),
    leafApprovers: (p) => q.leafApprovers(p),
    reviewers: (p) => q.reviewers(p),
    leafReviewers: (p) => q.leafReviewers(p),
    requiredReviewers: (p) => q.requiredReviewers(p),
    findLabelsForFile: (p) => q.findLabelsForFile(p),
    findApproverOwnersForFile: (p) => q.findApproverOwnersForFile(p),
    findReviewersOwnersForFile: (p) => q.findReviewersOwnersForFile(p),
    isNoParentOwners: (d) => q.isNoParentOwners(d),
    isAutoApproveUnownedSubfolders: (d) => q.isAutoApproveUnownedSubfolders(d),
    topLevelApprovers: () => q.topLevelApprovers(),
    allApprovers: () => q.allApprovers(),
    allReviewers: () => q.allReviewers(),
    allOwners: () => q.allOwners(),
  };
}

/** Stands in for a report that is never built (see ChangeOwners.resolve); never stored, never read. */
const NOT_BUILT = Object.freeze({}) as OwnersReport;

/** The per-change owners table: one FileOwners per distinct file, directory options asked once. */
export class ChangeOwners {
  private readonly files = new Map<string, FileOwners>();
  private readonly noParent = new Map<string, boolean>();
  private readonly autoApprove = new Map<string, boolean>();
  private readonly reports: ReportCache | undefined;
  /** The same queries without the report cache: what ownersReport computes for a directory the cache has not seen. */
  private readonly uncached: OwnersQueries | undefined;

  constructor(readonly source: ChangeOwnersSource) {
    this.reports = reportCacheOf(source);
    if (this.reports) this.uncached = withoutReportCache(source as OwnersQueries);
  }

  of(file: string): FileOwners {
    let o = this.files.get(file);
    if (!o) this.files.set(file, (o = this.resolve(file)));
    return o;
  }

  /**
   * cachedReport computes a report for the file's directory (then memoised and shared) or, when the file may differ
   * from its directory, for the file itself (returned as is, not memoised). In the second case a full report would
   * cost more than the few queries a suggestion needs, so it is not built.
   */
  private resolve(file: string): FileOwners {
    if (!this.reports) return new QueriedFileOwners(this.source, file, this.source instanceof RepoOwners);
    let own = false;
    const report = this.reports.cachedReport(file, (p) => {
      if (p === file) {
        own = true;
        return NOT_BUILT;
      }
      return ownersReport(this.uncached!, p);
    });
    // The cache answers a file it does not share straight from its RepoOwners.
    return own ? new QueriedFileOwners(this.source, file, this.source instanceof CachedOwnersQueries) : new ReportedFileOwners(report);
  }

  isNoParentOwners(dir: string): boolean {
    let v = this.noParent.get(dir);
    if (v === undefined) this.noParent.set(dir, (v = this.source.isNoParentOwners(dir)));
    return v;
  }

  isAutoApproveUnownedSubfolders(dir: string): boolean {
    let v = this.autoApprove.get(dir);
    if (v === undefined) this.autoApprove.set(dir, (v = this.source.isAutoApproveUnownedSubfolders(dir)));
    return v;
  }
}
