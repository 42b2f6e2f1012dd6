/**
 * Prow's approve plugin, reduced to what a preview needs: which OWNERS directories a PR must get approved, which are
 * still unapproved, and whom Prow will suggest ("please assign …", GetCCs). owners.md §4.2; upstream
 * pkg/plugins/approve/approvers/owners.go.
 *
 * Quirks reproduced on purpose (each one is observable in Prow's comments):
 * - auto_approve_unowned_subfolders uses a substring test, so on the root OWNERS it auto-approves everything it owns;
 * - the file list is never actually filtered by that test (Go value receiver), only the owners-set membership is;
 * - potential approvers keep duplicates across directories before the seeded shuffle, which changes the order;
 * - the greedy cover remembers the candidate's total directory count, not the newly covered count.
 */
import { goDir } from '../gopath';
import { goSort, goToLower } from '../gostrings';
import type { OwnersQueries } from '../owners/queries';
import { ChangeOwners, type ChangeOwnersSource } from './changeOwners';
import { GoRand } from './gorand';

/** The part of RepoOwners the approve plugin reads (Prow's approvers.Repo interface). */
export type ApproveOwners = Pick<
  OwnersQueries,
  'approvers' | 'leafApprovers' | 'findApproverOwnersForFile' | 'isNoParentOwners' | 'isAutoApproveUnownedSubfolders'
>;

/** OWNERS directory ("" = root) → logins. */
export type DirLogins = Map<string, Set<string>>;
/** The same, shared read-only (the model computes its maps once per change). */
export type ReadonlyDirLogins = ReadonlyMap<string, ReadonlySet<string>>;

/** Prow's canonicalize inside removeSubdirs: only "." becomes the root. */
function rootIfDot(p: string): string {
  return p === '.' ? '' : p;
}

/**
 * Drop every directory that has an ancestor in the set, unless a no_parent_owners directory sits on the way up
 * (the directory itself included). Iterates a sorted snapshot and deletes as it goes, as Prow does.
 */
export function removeSubdirs(dirs: Iterable<string>, isNoParentOwners: (dir: string) => boolean): Set<string> {
  const out = new Set(dirs);
  for (const dir of goSort(out)) {
    let p = dir;
    while (!isNoParentOwners(p) && rootIfDot(p) !== '') {
      p = goDir(p);
      if (out.has(rootIfDot(p))) {
        out.delete(dir);
        break;
      }
    }
  }
  return out;
}

/** login → the OWNERS directories it can approve (Prow GetReverseMap). */
export function reverseMap(byDir: ReadonlyDirLogins): DirLogins {
  const out: DirLogins = new Map();
  for (const [dir, logins] of byDir) {
    for (const login of logins) {
      let dirs = out.get(login);
      if (!dirs) out.set(login, (dirs = new Set()));
      dirs.add(dir);
    }
  }
  return out;
}

function intersectionSize(a: ReadonlySet<string> | undefined, b: ReadonlySet<string>): number {
  if (!a) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return n;
}

/**
 * The first candidate (in the given order) covering more unapproved directories than the best so far — where "best so
 * far" is remembered as the winner's TOTAL number of directories, not the number it newly covers (Prow's quirk: a
 * later candidate must beat that larger number). "" when nobody covers anything.
 */
export function findMostCovering(
  candidates: readonly string[],
  covered: ReadonlySet<string>,
  reverse: ReadonlyDirLogins,
  unapproved: ReadonlySet<string>,
): string {
  let max = 0;
  let best = '';
  for (const c of candidates) {
    const dirs = reverse.get(c);
    // Cheap tests first (an intersection never exceeds the set): same outcome as Prow's order, fewer intersections.
    if (!dirs || dirs.size <= max || covered.has(c)) continue;
    if (intersectionSize(dirs, unapproved) > max) {
      max = dirs.size;
      best = c;
    }
  }
  return best;
}

/** Whether any of the logins is in the set. */
function anyIn(logins: readonly string[], set: ReadonlySet<string>): boolean {
  if (set.size === 0) return false;
  for (const x of logins) if (set.has(x)) return true;
  return false;
}

function lowerSet(logins: Iterable<string>): Set<string> {
  const out = new Set<string>();
  for (const l of logins) out.add(goToLower(l));
  return out;
}

function union(...sets: Iterable<string>[]): Set<string> {
  const out = new Set<string>();
  for (const s of sets) for (const x of s) out.add(x);
  return out;
}

/** Prow's Owners: the changed files of one PR against one RepoOwners, with the PR number as shuffle seed. */
export class ApproveModel {
  /** Each file's owners, resolved once for the whole change (and shared with the other previews when given). */
  readonly change: ChangeOwners;
  private ownersSetCache: Set<string> | undefined;
  /** The files whose directory is in the owners set, with their lower-cased approvers: what approval is judged on. */
  private judgedCache: { dir: string; approvers: readonly string[] }[] | undefined;
  private leafMapCache: ReadonlyDirLogins | undefined;
  private fullMapCache: ReadonlyDirLogins | undefined;

  constructor(
    readonly owners: ApproveOwners,
    /** Changed file names in GitHub order. */
    readonly files: readonly string[],
    /** Prow seeds the shuffle with int64(PR number). */
    readonly seed: number | bigint,
    /** A table shared with the other previews of the same change; built here when absent. */
    change?: ChangeOwners,
  ) {
    // Only approver answers are read through this table, so a source without reviewer queries is fine.
    this.change = change ?? new ChangeOwners(owners as ChangeOwnersSource);
  }

  /** The closest OWNERS directory with approvers ("" for root and for none). */
  ownersDir(file: string): string {
    return this.change.of(file).approverDir;
  }

  /**
   * Whether the auto_approve_unowned_subfolders test exempts this file: Go's strings.Contains(Dir(Dir(file)), dir),
   * which for the root OWNERS ("") is always true.
   */
  isAutoApproved(file: string): boolean {
    const dir = this.ownersDir(file);
    return goDir(goDir(file)).includes(dir) && this.change.isAutoApproveUnownedSubfolders(dir);
  }

  /** The OWNERS directories whose approval the PR needs (Prow GetOwnersSet). */
  ownersSet(): Set<string> {
    return new Set(this.sharedOwnersSet());
  }

  private sharedOwnersSet(): ReadonlySet<string> {
    if (!this.ownersSetCache) {
      const dirs = new Set<string>();
      for (const f of this.files) if (!this.isAutoApproved(f)) dirs.add(this.ownersDir(f));
      this.ownersSetCache = removeSubdirs(dirs, (d) => this.change.isNoParentOwners(d));
    }
    return this.ownersSetCache;
  }

  /** All files, not only the non-auto-approved ones: Prow's filtering of its file list is lost (value receiver). */
  private judged(): { dir: string; approvers: readonly string[] }[] {
    if (!this.judgedCache) {
      const ownersSet = this.sharedOwnersSet();
      this.judgedCache = [];
      for (const f of this.files) {
        const dir = this.ownersDir(f);
        if (ownersSet.has(dir)) this.judgedCache.push({ dir, approvers: this.change.of(f).lowerApprovers });
      }
    }
    return this.judgedCache;
  }

  /** OWNERS directories of the owners set not yet approved by any of `approvers` (compared case-insensitively). */
  unapprovedDirs(approvers: Iterable<string>): Set<string> {
    return this.unapprovedBy(lowerSet(approvers));
  }

  /** unapprovedDirs for logins already lower-cased. */
  private unapprovedBy(current: ReadonlySet<string>): Set<string> {
    const out = new Set<string>();
    for (const { dir, approvers } of this.judged()) {
      if (!out.has(dir) && !anyIn(approvers, current)) out.add(dir);
    }
    return out;
  }

  /** Prow AreFilesApproved: a PR without files is never approved. */
  areFilesApproved(approvers: Iterable<string>): boolean {
    return this.files.length > 0 && this.unapprovedDirs(approvers).size === 0;
  }

  private approverMap(pick: (file: string) => Iterable<string>): DirLogins {
    const byDir: DirLogins = new Map();
    for (const f of this.files) {
      const dir = this.ownersDir(f);
      let set = byDir.get(dir);
      if (!set) byDir.set(dir, (set = new Set()));
      for (const login of pick(f)) set.add(login);
    }
    const ownersSet = this.sharedOwnersSet();
    for (const dir of [...byDir.keys()]) if (!ownersSet.has(dir)) byDir.delete(dir);
    return byDir;
  }

  /** Owners-set directory → leaf approvers of its files (Prow GetLeafApprovers). Computed once; do not mutate. */
  leafMap(): ReadonlyDirLogins {
    return (this.leafMapCache ??= this.approverMap((f) => this.change.of(f).leafApprovers));
  }

  /** Owners-set directory → all approvers (every layer) of its files (Prow GetApprovers). Computed once; do not mutate. */
  fullMap(): ReadonlyDirLogins {
    return (this.fullMapCache ??= this.approverMap((f) => this.change.of(f).approvers));
  }

  /** Leaf approvers of every owners-set directory, concatenated and sorted — duplicates kept on purpose. */
  potentialApprovers(): string[] {
    const all: string[] = [];
    for (const logins of this.leafMap().values()) all.push(...logins);
    return goSort(all);
  }

  /** potentialApprovers in the order of Go's rand.New(rand.NewSource(seed)).Perm. */
  shuffledApprovers(): string[] {
    const list = this.potentialApprovers();
    return new GoRand(this.seed).perm(list.length).map((i) => list[i]);
  }

  /** Greedy cover starting from no approvals (Prow GetSuggestedApprovers); lower-cased logins. */
  suggestedApprovers(reverse: ReadonlyDirLogins, candidates: readonly string[]): Set<string> {
    const chosen = new Set<string>();
    // Prow asks AreFilesApproved and then the unapproved set again; both are the same computation.
    while (this.files.length > 0) {
      const unapproved = this.unapprovedBy(chosen);
      if (unapproved.size === 0) break;
      const next = findMostCovering(candidates, chosen, reverse, unapproved);
      if (next === '') break;
      chosen.add(goToLower(next));
    }
    return chosen;
  }

  /** Suggested approvers that still cover something `known` people have not approved (Prow KeepCoveringApprovers). */
  keepCoveringApprovers(reverse: ReadonlyDirLogins, known: Iterable<string>, candidates: readonly string[]): Set<string> {
    const unapproved = this.unapprovedDirs(known);
    const kept = new Set<string>();
    for (const s of goSort(this.suggestedApprovers(reverse, candidates))) {
      if (intersectionSize(reverse.get(s), unapproved) > 0) kept.add(s);
    }
    return kept;
  }

  /**
   * Prow GetCCs: leaf-level suggestions not made useless by current approvers and assignees, plus the assignees (or
   * suggestions) that still matter at the full-approver level. Sorted, lower-cased.
   */
  ccs(currentApprovers: Iterable<string>, assignees: Iterable<string>): string[] {
    const current = lowerSet(currentApprovers);
    const assigned = lowerSet(assignees);
    const suggested = this.keepCoveringApprovers(
      reverseMap(this.leafMap()),
      union(current, assigned),
      this.shuffledApprovers(),
    );
    const approversAndSuggested = union(current, suggested);
    const everyone = union(approversAndSuggested, assigned);
    const keepAssignees = this.keepCoveringApprovers(reverseMap(this.fullMap()), approversAndSuggested, goSort(everyone));
    return goSort(union(suggested, keepAssignees));
  }
}

export interface ApprovePreviewInput {
  owners: ApproveOwners;
  /** Changed files in GitHub order. */
  files: readonly string[];
  /** The shuffle seed Prow uses. */
  prNumber: number | bigint;
  /** Logins whose approval counts so far (any case). */
  currentApprovers?: Iterable<string>;
  assignees?: Iterable<string>;
  /** The change's owners table when the caller shares it with other previews (suggestReviewers does). */
  change?: ChangeOwners;
}

export interface ApproveDirPreview {
  /** OWNERS directory, "" for the root. */
  dir: string;
  approvers: string[];
  leafApprovers: string[];
  /** Current approvers (lower-cased) who approve this directory. */
  approvedBy: string[];
  approved: boolean;
}

export interface ApprovePreview {
  /** OWNERS directories that need approval. */
  ownersSet: string[];
  /** OWNERS directories still lacking an approval (Prow calls these "unapproved files"). */
  unapprovedFiles: string[];
  /** Changed files exempted by auto_approve_unowned_subfolders. */
  autoApprovedFiles: string[];
  dirs: ApproveDirPreview[];
  suggestedApprovers: { ccs: string[]; assignedCCs: string[]; suggestedCCs: string[] };
  /** Prow AreFilesApproved (the issue requirement and a manually added label are not modelled). */
  approved: boolean;
}

/** What Prow's approve plugin will say about this PR. Every array is in Go byte order. */
export function approvePreview(input: ApprovePreviewInput): ApprovePreview {
  const model = new ApproveModel(input.owners, input.files, input.prNumber, input.change);
  const current = lowerSet(input.currentApprovers ?? []);
  const assigned = lowerSet(input.assignees ?? []);
  const unapproved = model.unapprovedDirs(current);
  const full = model.fullMap();
  const leaf = model.leafMap();
  const ccs = model.ccs(current, assigned);
  return {
    ownersSet: goSort(model.ownersSet()),
    unapprovedFiles: goSort(unapproved),
    autoApprovedFiles: goSort(new Set(input.files.filter((f) => model.isAutoApproved(f)))),
    dirs: goSort(model.ownersSet()).map((dir) => {
      const approvers: ReadonlySet<string> = full.get(dir) ?? new Set<string>();
      const approvedBy = goSort([...current].filter((c) => [...approvers].some((a) => goToLower(a) === c)));
      return {
        dir,
        approvers: goSort(approvers),
        leafApprovers: goSort(leaf.get(dir) ?? []),
        approvedBy,
        approved: !unapproved.has(dir),
      };
    }),
    suggestedApprovers: {
      ccs,
      assignedCCs: ccs.filter((c) => assigned.has(c)),
      suggestedCCs: ccs.filter((c) => !assigned.has(c)),
    },
    approved: model.areFilesApproved(current),
  };
}
