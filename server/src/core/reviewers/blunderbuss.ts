/**
 * Prow's blunderbuss reviewer selection (owners.md §4.1; upstream pkg/reviewer/reviewer.go and
 * pkg/plugins/blunderbuss/blunderbuss.go), with the randomness and the GitHub "busy" lookup injected.
 *
 * Upstream draws from Go's global, auto-seeded math/rand, so the actual picks cannot be predicted: `blunderbuss` is
 * for tests and simulations with a chosen RNG, and `blunderbussPools` is what a preview shows — who is in each pool,
 * never who "will" be picked.
 */
import { goSort, normLogin } from '../gostrings';
import { LayeredSet } from '../owners/layered';
import type { OwnersQueries } from '../owners/queries';
import { ChangeOwners, type ChangeOwnersSource } from './changeOwners';

/** What GetReviewers reads (Prow's ReviewersClient). */
export type ReviewersSource = Pick<
  OwnersQueries,
  'findReviewersOwnersForFile' | 'reviewers' | 'leafReviewers' | 'requiredReviewers'
>;

/** What blunderbuss reads: reviewers, plus approvers for the fallback pass. */
export type BlunderbussOwners = ReviewersSource &
  Pick<OwnersQueries, 'findApproverOwnersForFile' | 'approvers' | 'leafApprovers'>;

/** Picks one login out of the candidates and removes it from them; "" = nobody available. */
export type ReviewerSelector = (candidates: LayeredSet) => string;

/** Uniform integer in [0, n), like Go's rand.Intn. */
export type Intn = (n: number) => number;

export interface PickedReviewers {
  /** Layer 0 (one per reviewers-OWNERS dir), then layer 1 (more leaves), then layer 2 (any reviewer); each sorted. */
  reviewers: string[];
  /** Required reviewers of the first changed file of each reviewers-OWNERS directory, sorted. */
  required: string[];
}

/** Prow GetReviewers: one leaf reviewer per reviewers-OWNERS directory, then top up to `minReviewers`. */
export function getReviewers(
  rc: ReviewersSource,
  select: ReviewerSelector,
  author: string,
  files: readonly string[],
  minReviewers: number,
): PickedReviewers {
  const authorSet = new Set([normLogin(author)]);
  const reviewers = new LayeredSet();
  const required = new Set<string>();
  let leafPool = new LayeredSet();
  const seen = new Set<string>();
  if (minReviewers === 0) return { reviewers: [], required: [] };

  for (const f of files) {
    const dir = rc.findReviewersOwnersForFile(f);
    // Later files of an already seen directory are skipped entirely — their required reviewers too.
    if (seen.has(dir)) continue;
    seen.add(dir);
    for (const r of rc.requiredReviewers(f)) required.add(r);
    const candidates = LayeredSet.of(goSort(rc.leafReviewers(f))).difference(reviewers.toSet()).difference(authorSet);
    if (candidates.size === 0) continue;
    leafPool = leafPool.union(candidates);
    const r = select(candidates);
    if (r !== '') reviewers.insert(0, [r]);
  }

  const unusedLeaves = leafPool.difference(reviewers.toSet());
  while (reviewers.size < minReviewers && unusedLeaves.size > 0) {
    const r = select(unusedLeaves);
    if (r === '') break;
    reviewers.insert(1, [r]);
  }

  for (const f of files) {
    if (reviewers.size >= minReviewers) break;
    // Already chosen logins stay in this pool: picking one again is a wasted draw (insert is a no-op).
    const candidates = rc.reviewers(f).difference(authorSet);
    while (reviewers.size < minReviewers && candidates.size > 0) {
      const r = select(candidates);
      if (r === '') break;
      reviewers.insert(2, [r]);
    }
  }
  return { reviewers: reviewers.list(), required: goSort(required) };
}

/** Prow FallbackReviewersClient: the approver queries standing in for the reviewer ones. */
export function approversAsReviewers(owners: BlunderbussOwners): ReviewersSource {
  return {
    findReviewersOwnersForFile: (p) => owners.findApproverOwnersForFile(p),
    reviewers: (p) => owners.approvers(p),
    leafReviewers: (p) => owners.leafApprovers(p),
    requiredReviewers: (p) => owners.requiredReviewers(p),
  };
}

/**
 * Prow FindReviewer: pop a random candidate; with status availability on, skip (and remember) busy users.
 * `isBusy` stands for GitHub's `status.indicatesLimitedAvailability`; Prow treats lookup errors as "not busy".
 */
export function findReviewer(
  candidates: LayeredSet,
  intn: Intn,
  isBusy: ((login: string) => boolean) | null,
  busy: Set<string>,
): string {
  if (!isBusy) return candidates.popRandom(intn);
  while (candidates.size > 0) {
    const c = candidates.popRandom(intn);
    if (busy.has(c)) continue;
    if (!isBusy(c)) return c;
    busy.add(c);
  }
  return '';
}

export interface BlunderbussConfig {
  /** request_count (Prow default 2). */
  requestCount?: number;
  /** max_request_count; 0 = unlimited. */
  maxRequestCount?: number;
  /** exclude_approvers: no fallback to approvers when reviewers run short. */
  excludeApprovers?: boolean;
  /** use_status_availability: skip users whose GitHub status says "busy". */
  useStatusAvailability?: boolean;
}

export const BLUNDERBUSS_DEFAULT_REQUEST_COUNT = 2;

export interface BlunderbussRandom {
  intn: Intn;
  /** Consulted only with useStatusAvailability. */
  isBusy?: (login: string) => boolean;
}

export interface BlunderbussResult {
  /** Reviewers after the fallback and the max_request_count cut. */
  reviewers: string[];
  /** Approvers appended by the fallback pass (before the cut). */
  fallbackApprovers: string[];
  /** Required reviewers: never cut, never de-duplicated, the author not removed. */
  required: string[];
  /** What Prow requests: reviewers then required reviewers. */
  requested: string[];
}

/** Prow's blunderbuss handle(): the logins it would request, given the random draws and busy answers. */
export function blunderbuss(
  owners: BlunderbussOwners,
  files: readonly string[],
  author: string,
  config: BlunderbussConfig,
  random: BlunderbussRandom,
): BlunderbussResult {
  const requestCount = config.requestCount ?? BLUNDERBUSS_DEFAULT_REQUEST_COUNT;
  const busy = new Set<string>();
  const isBusy = config.useStatusAvailability ? (random.isBusy ?? (() => false)) : null;
  const select: ReviewerSelector = (c) => findReviewer(c, random.intn, isBusy, busy);

  const picked = getReviewers(owners, select, author, files, requestCount);
  const reviewers = [...picked.reviewers];
  const fallbackApprovers: string[] = [];
  if (requestCount - reviewers.length > 0 && !config.excludeApprovers) {
    const fallback = getReviewers(approversAsReviewers(owners), select, author, files, requestCount);
    const combined = new Set(reviewers);
    for (const a of fallback.reviewers) {
      if (combined.has(a)) continue;
      reviewers.push(a);
      combined.add(a);
      fallbackApprovers.push(a);
    }
  }
  const max = config.maxRequestCount ?? 0;
  const cut = max > 0 && reviewers.length > max ? reviewers.slice(0, max) : reviewers;
  return { reviewers: cut, fallbackApprovers, required: picked.required, requested: [...cut, ...picked.required] };
}

/** One reviewers-OWNERS directory as blunderbuss sees it. */
export interface BlunderbussPool {
  /** Directory of the reviewers OWNERS file ("" = root or none). */
  dir: string;
  /** The changed file whose OWNERS answers are used (the first in GitHub order); later ones are ignored. */
  firstFile: string;
  /** All changed files that map to this directory, in GitHub order. */
  files: string[];
  /** Leaf reviewers of `firstFile`, minus the author: the pool of this directory's pick. */
  leafReviewers: string[];
  /** Leaf approvers of `firstFile`, minus the author: used only if reviewers run short and approvers are not excluded. */
  fallbackApprovers: string[];
  /** Required reviewers contributed by `firstFile` (requested on top of the count). */
  requiredReviewers: string[];
  /** Chance that a given leaf reviewer is this directory's pick, if nobody in the pool was picked before: 1 / pool. */
  firstPickOdds: number;
}

export interface BlunderbussPreview {
  requestCount: number;
  /** 0 = unlimited. */
  maxRequestCount: number;
  pools: BlunderbussPool[];
  /** Union of the pools' required reviewers, sorted. */
  requiredReviewers: string[];
  /** Distinct non-author reviewers GetReviewers can reach: the pools' leaves and every layer of each file's reviewers. */
  reviewerCandidates: string[];
  /** Whether approvers will be added because there are fewer candidates than requestCount (busy users not counted). */
  fallbackToApprovers: boolean;
}

/** The candidate pools blunderbuss will draw from — what can be known in advance, without pretending to know the draw. */
export function blunderbussPools(
  owners: BlunderbussOwners,
  files: readonly string[],
  author: string,
  config: BlunderbussConfig = {},
  /**
   * The change's owners table when shared with the other previews (suggestReviewers does). Its entries are lazy, so
   * only answers that BlunderbussOwners has are read.
   */
  change: ChangeOwners = new ChangeOwners(owners as ChangeOwnersSource),
): BlunderbussPreview {
  const authorLogin = normLogin(author);
  const withoutAuthor = (logins: Iterable<string>) => goSort([...logins].filter((l) => l !== authorLogin));
  const byDir = new Map<string, BlunderbussPool>();
  const candidates = new Set<string>();
  for (const f of files) {
    const o = change.of(f);
    // Every layer of the file's reviewers, the author left out (sorted once at the end).
    for (const r of o.reviewers) candidates.add(r);
    const dir = o.reviewerDir;
    const known = byDir.get(dir);
    if (known) {
      known.files.push(f);
      continue;
    }
    const leafReviewers = withoutAuthor(o.leafReviewers);
    for (const r of leafReviewers) candidates.add(r);
    byDir.set(dir, {
      dir,
      firstFile: f,
      files: [f],
      leafReviewers,
      fallbackApprovers: withoutAuthor(o.leafApprovers),
      requiredReviewers: goSort(o.requiredReviewers),
      firstPickOdds: leafReviewers.length > 0 ? 1 / leafReviewers.length : 0,
    });
  }
  candidates.delete(authorLogin);
  const pools = [...byDir.values()];
  const requestCount = config.requestCount ?? BLUNDERBUSS_DEFAULT_REQUEST_COUNT;
  return {
    requestCount,
    maxRequestCount: config.maxRequestCount ?? 0,
    pools,
    requiredReviewers: goSort(new Set(pools.flatMap((p) => p.requiredReviewers))),
    reviewerCandidates: goSort(candidates),
    fallbackToApprovers: requestCount > 0 && !config.excludeApprovers && candidates.size < requestCount,
  };
}
