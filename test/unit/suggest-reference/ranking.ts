// Differential-test oracle: server/src/core/reviewers/ranking.ts as of commit 6b31fc5, the straightforward per-file
// implementation before the per-change owners table (changeOwners.ts). Frozen on purpose: do not optimise; change it
// only together with an intended change of behaviour in the real module. See test/unit/suggest-differential.test.ts.
/**
 * Kube Shepherd's own reviewer ranking: deterministic and explained, unlike Prow's random blunderbuss pick.
 *
 * Candidates are the leaf and full approvers and reviewers of the changed files, minus the PR author. Each gets
 *
 *     score = wCoverage     · coverage
 *           + wExpertise    · expertise
 *           − wLoad         · load
 *           − wAvailability · busy
 *           − wFairness     · fairness
 *
 * where
 *   coverage  = (closest + ancestorCoverage · (covered − closest)) / total          ∈ [0, 1]
 *               total   = OWNERS directories considered (default: the approver-OWNERS directories of the files),
 *               covered = those where the person approves or reviews at least one of the directory's changed files,
 *               closest = those where they do so in the nearest OWNERS layer (leaf), so a root approver who covers
 *                         everything does not automatically beat the people who own the code;
 *   expertise = ln(1 + commits) / ln(1 + max commits among candidates)              ∈ [0, 1]  (0 without data)
 *   load      = open / (open + loadHalfPoint)   (open review requests; half penalty at loadHalfPoint)  ∈ [0, 1)
 *   busy      = 1 if the person's GitHub status says busy, else 0
 *   fairness  = Σ over requests made from this machine within fairnessWindowDays of
 *               0.5 ^ (age in days / fairnessHalfLifeDays)                           (each ask ≤ 1, fading)
 *
 * Defaults (DEFAULT_RANKING_WEIGHTS): wCoverage 1, wExpertise 0.5, wLoad 0.3, wAvailability 2, wFairness 0.4,
 * ancestorCoverage 0.5, loadHalfPoint 3, fairnessWindowDays 14, fairnessHalfLifeDays 7. Busy outweighs every bonus
 * together, so a busy person only ranks above available ones when nobody else covers anything.
 * Scores are rounded to 6 decimals; ties are broken by login in Go byte order.
 */
import { goCompare, normLogin } from '../../../server/src/core/gostrings';
import type { OwnersQueries } from '../../../server/src/core/owners/queries';

export interface RankingWeights {
  coverage: number;
  expertise: number;
  load: number;
  availability: number;
  fairness: number;
  /** Credit for a directory covered only through a parent OWNERS file, relative to a closest-owner one. */
  ancestorCoverage: number;
  /** Open review requests at which the load penalty is half its weight. */
  loadHalfPoint: number;
  /** Requests older than this do not count. */
  fairnessWindowDays: number;
  /** Age at which one request counts half. */
  fairnessHalfLifeDays: number;
}

export const DEFAULT_RANKING_WEIGHTS: Readonly<RankingWeights> = Object.freeze({
  coverage: 1,
  expertise: 0.5,
  load: 0.3,
  availability: 2,
  fairness: 0.4,
  ancestorCoverage: 0.5,
  loadHalfPoint: 3,
  fairnessWindowDays: 14,
  fairnessHalfLifeDays: 7,
});

export type RankingOwners = Pick<
  OwnersQueries,
  'approvers' | 'leafApprovers' | 'reviewers' | 'leafReviewers' | 'findApproverOwnersForFile'
>;

export interface ExpertiseEntry {
  commits: number;
  /** Where the commits went, for the explanation (e.g. "pkg/kubelet"); default "the changed paths". */
  area?: string;
}

export interface RankingInput {
  owners: RankingOwners;
  /** Changed files. */
  files: readonly string[];
  author: string;
  /**
   * The OWNERS directories to cover, e.g. approvePreview's unapprovedFiles. Default: every approver-OWNERS directory
   * of the files. Files whose approver-OWNERS directory is not listed are ignored for coverage.
   */
  dirs?: readonly string[];
  /** Commit counts per login (any case). */
  expertise?: Readonly<Record<string, ExpertiseEntry>>;
  /** Human label of the period the commit counts cover, e.g. "6 months". */
  expertiseWindow?: string;
  /** Open review requests per login (any case). */
  openReviewRequests?: Readonly<Record<string, number>>;
  /** Logins whose GitHub status indicates limited availability. */
  busy?: Iterable<string>;
  /** Review requests this machine made recently (the "hopper"), with the clock to age them against. */
  recentRequests?: { now: number; requests: readonly { login: string; at: number }[] };
  weights?: Partial<RankingWeights>;
}

export interface RankedCandidate {
  login: string;
  score: number;
  reasons: string[];
  /** Whether the person approves at least one of the considered directories. */
  canApprove: boolean;
  /** Considered directories the person covers, Go-sorted. */
  coveredDirs: string[];
}

const DAY_MS = 24 * 60 * 60 * 1000;

function plural(n: number, one: string, many: string = one + 's'): string {
  return `${n} ${n === 1 ? one : many}`;
}

function normRecord<T>(rec: Readonly<Record<string, T>> | undefined): Map<string, T> {
  const out = new Map<string, T>();
  if (rec) for (const [k, v] of Object.entries(rec)) out.set(normLogin(k), v);
  return out;
}

interface DirOwners {
  leaf: Set<string>;
  all: Set<string>;
  approvers: Set<string>;
}

interface FileOwners {
  leafApprovers: Set<string>;
  approvers: Set<string>;
  leafReviewers: Set<string>;
  reviewers: Set<string>;
}

/** Every layer's members, unsorted (order does not matter for membership; sorting 200 files' sets costs more than ranking). */
function members(layered: { layers: Set<string>[] }): Set<string> {
  const out = new Set<string>();
  for (const l of layered.layers) for (const x of l) out.add(x);
  return out;
}

/** Each changed file's owners, asked once (ownersByDir and candidateLogins both need them). */
function ownersOfFiles(input: RankingInput): Map<string, FileOwners> {
  const out = new Map<string, FileOwners>();
  for (const f of input.files) {
    if (out.has(f)) continue;
    out.set(f, {
      leafApprovers: input.owners.leafApprovers(f),
      approvers: members(input.owners.approvers(f)),
      leafReviewers: input.owners.leafReviewers(f),
      reviewers: members(input.owners.reviewers(f)),
    });
  }
  return out;
}

/** Per considered directory: who owns its changed files in the nearest layer, at all, and as approver. */
function ownersByDir(input: RankingInput, perFile: Map<string, FileOwners>): Map<string, DirOwners> {
  const { owners, files } = input;
  const wanted = input.dirs ? new Set(input.dirs) : null;
  const byDir = new Map<string, DirOwners>();
  for (const f of files) {
    const dir = owners.findApproverOwnersForFile(f);
    if (wanted && !wanted.has(dir)) continue;
    let d = byDir.get(dir);
    if (!d) byDir.set(dir, (d = { leaf: new Set(), all: new Set(), approvers: new Set() }));
    const o = perFile.get(f)!;
    for (const l of o.leafApprovers) d.leaf.add(l);
    for (const l of o.leafReviewers) d.leaf.add(l);
    for (const l of o.approvers) {
      d.all.add(l);
      d.approvers.add(l);
    }
    for (const l of o.reviewers) d.all.add(l);
    for (const l of d.leaf) d.all.add(l);
  }
  if (wanted) for (const dir of wanted) if (!byDir.has(dir)) byDir.set(dir, { leaf: new Set(), all: new Set(), approvers: new Set() });
  return byDir;
}

/** Every approver and reviewer (leaf and full) of the changed files, except the author. */
function candidateLogins(input: RankingInput, perFile: Map<string, FileOwners>): Set<string> {
  const author = normLogin(input.author);
  const out = new Set<string>();
  for (const o of perFile.values()) {
    for (const s of [o.leafApprovers, o.approvers, o.leafReviewers, o.reviewers]) for (const l of s) out.add(l);
  }
  out.delete(author);
  return out;
}

/** The explained ranking described in this module's comment, best first. */
export function rankReviewers(input: RankingInput): RankedCandidate[] {
  const w: RankingWeights = { ...DEFAULT_RANKING_WEIGHTS, ...input.weights };
  const perFile = ownersOfFiles(input);
  const byDir = ownersByDir(input, perFile);
  const total = byDir.size;
  const expertise = normRecord(input.expertise);
  const open = normRecord(input.openReviewRequests);
  const busy = new Set([...(input.busy ?? [])].map(normLogin));
  const asked = new Map<string, { count: number; decayed: number }>();
  if (input.recentRequests) {
    const { now, requests } = input.recentRequests;
    for (const r of requests) {
      const ageDays = Math.max(0, now - r.at) / DAY_MS;
      if (ageDays > w.fairnessWindowDays) continue;
      const login = normLogin(r.login);
      const a = asked.get(login) ?? { count: 0, decayed: 0 };
      a.count++;
      a.decayed += Math.pow(0.5, ageDays / w.fairnessHalfLifeDays);
      asked.set(login, a);
    }
  }
  const candidates = candidateLogins(input, perFile);
  let maxCommits = 0;
  for (const login of candidates) maxCommits = Math.max(maxCommits, expertise.get(login)?.commits ?? 0);

  // One pass over the directories' owners instead of candidates × directories lookups.
  const coverageOf = new Map<string, { dirs: string[]; closest: number; canApprove: boolean }>();
  for (const [dir, d] of byDir) {
    for (const login of d.all) {
      let c = coverageOf.get(login);
      if (!c) coverageOf.set(login, (c = { dirs: [], closest: 0, canApprove: false }));
      c.dirs.push(dir);
      if (d.leaf.has(login)) c.closest++;
      if (d.approvers.has(login)) c.canApprove = true;
    }
  }
  const ranked: RankedCandidate[] = [];
  for (const login of candidates) {
    const reasons: string[] = [];
    const cov = coverageOf.get(login);
    const coveredDirs = cov ? cov.dirs.sort(goCompare) : [];
    const closest = cov?.closest ?? 0;
    const canApprove = cov?.canApprove ?? false;
    const covered = coveredDirs.length;
    const coverage = total > 0 ? (closest + w.ancestorCoverage * (covered - closest)) / total : 0;
    let coverText = `covers ${covered} of ${plural(total, 'OWNERS directory', 'OWNERS directories')}`;
    if (covered > 0 && closest < covered) coverText += ` (closest owner of ${closest})`;
    reasons.push(coverText);
    if (covered > 0 && !canApprove) reasons.push('reviewer only: cannot approve these directories');

    const e = expertise.get(login);
    const commits = e?.commits ?? 0;
    const expertiseScore = maxCommits > 0 ? Math.log1p(commits) / Math.log1p(maxCommits) : 0;
    if (commits > 0) {
      const window = input.expertiseWindow ? ` in ${input.expertiseWindow}` : '';
      reasons.push(`${plural(commits, 'commit')} to ${e?.area ?? 'the changed paths'}${window}`);
    }

    const openCount = open.get(login) ?? 0;
    const load = openCount > 0 ? openCount / (openCount + w.loadHalfPoint) : 0;
    if (openCount > 0) reasons.push(plural(openCount, 'open review request'));

    const isBusy = busy.has(login);
    if (isBusy) reasons.push('GitHub status says busy');

    const a = asked.get(login);
    if (a) reasons.push(`asked ${plural(a.count, 'time')} in the last ${plural(w.fairnessWindowDays, 'day')} from this machine`);

    const raw =
      w.coverage * coverage +
      w.expertise * expertiseScore -
      w.load * load -
      w.availability * (isBusy ? 1 : 0) -
      w.fairness * (a?.decayed ?? 0);
    ranked.push({ login, score: Math.round(raw * 1e6) / 1e6, reasons, canApprove, coveredDirs });
  }
  ranked.sort((x, y) => y.score - x.score || goCompare(x.login, y.login));
  return ranked;
}
