/**
 * Memoised ownership queries. A file's answer depends only on its directory chain unless the file itself is an
 * OWNERS key or a filter regex in the chain could see its name; so answers are computed once per directory and
 * shared by all its files (25k paths of a k/k-sized tree resolve in a few hundred milliseconds).
 * Call `invalidate()` whenever the underlying RepoOwners changes.
 */
import { canonicalize, goDir } from '../gopath';
import { LayeredSet } from './layered';
import type { OwnersQueries } from './queries';
import type { RepoOwners } from './repoOwners';
import type { Role } from './ownersFile';

const ROLES_WALKED: Role[] = ['approvers', 'reviewers', 'required_reviewers', 'labels'];

export class CachedOwnersQueries implements OwnersQueries {
  private readonly memo = new Map<string, unknown>();
  private readonly regexFree = new Map<string, boolean>();

  constructor(readonly base: RepoOwners) {}

  invalidate(): void {
    this.memo.clear();
    this.regexFree.clear();
  }

  /** The directory whose answer this path shares, or undefined when the path must be computed on its own. */
  private sharedDir(path: string): string | undefined {
    if (path === '' || path === '.' || path.endsWith('/') || path.includes('..') || path.startsWith('./') || path.includes('//')) return undefined;
    if (this.base.mdYaml && path.endsWith('.md')) return undefined;
    for (const r of ROLES_WALKED) if (this.base.cells(r, path).length > 0) return undefined;
    if (this.base.isNoParentOwners(path) || this.base.isAutoApproveUnownedSubfolders(path)) return undefined;
    const dir = canonicalize(goDir(path));
    return this.chainRegexFree(dir) ? dir : undefined;
  }

  private chainRegexFree(dir: string): boolean {
    const hit = this.regexFree.get(dir);
    if (hit !== undefined) return hit;
    let free = !ROLES_WALKED.some((r) => this.base.cells(r, dir).some((c) => c.re !== null));
    if (free && dir !== '') free = this.chainRegexFree(canonicalize(goDir(dir)));
    this.regexFree.set(dir, free);
    return free;
  }

  private cached<T>(kind: string, path: string, compute: (p: string) => T, fromDir: (v: T) => T): T {
    const dir = this.sharedDir(path);
    if (dir === undefined) return compute(path);
    const key = kind + '\0' + dir;
    let v = this.memo.get(key) as T | undefined;
    if (v === undefined) {
      v = compute(dir);
      this.memo.set(key, v);
    }
    return fromDir(v);
  }

  /**
   * A whole ownership report, shared by all files of a directory: the directory's report seen one layer deeper.
   * Reports are plain data, so callers get a fresh object (arrays are not shared mutably by contract).
   */
  cachedReport<R extends { path: string; approvers: string[][]; reviewers: string[][] }>(path: string, compute: (p: string) => R): R {
    const dir = this.sharedDir(path);
    if (dir === undefined) return compute(path);
    const key = 'report\0' + dir;
    let base = this.memo.get(key) as R | undefined;
    if (base === undefined) {
      base = compute(dir);
      this.memo.set(key, base);
    }
    const shift = (layers: string[][]) => (layers.length === 0 ? [] : [[], ...layers]);
    return { ...base, path, approvers: shift(base.approvers), reviewers: shift(base.reviewers) };
  }

  approvers(path: string): LayeredSet {
    return this.cached('a', path, (p) => this.base.approvers(p), shiftLayers);
  }
  reviewers(path: string): LayeredSet {
    return this.cached('r', path, (p) => this.base.reviewers(p), shiftLayers);
  }
  leafApprovers(path: string): Set<string> {
    return this.cached('la', path, (p) => this.base.leafApprovers(p), same);
  }
  leafReviewers(path: string): Set<string> {
    return this.cached('lr', path, (p) => this.base.leafReviewers(p), same);
  }
  requiredReviewers(path: string): Set<string> {
    return this.cached('rr', path, (p) => this.base.requiredReviewers(p), same);
  }
  findLabelsForFile(path: string): Set<string> {
    return this.cached('l', path, (p) => this.base.findLabelsForFile(p), same);
  }
  findApproverOwnersForFile(path: string): string {
    return this.cached('fa', path, (p) => this.base.findApproverOwnersForFile(p), same);
  }
  findReviewersOwnersForFile(path: string): string {
    return this.cached('fr', path, (p) => this.base.findReviewersOwnersForFile(p), same);
  }
  isNoParentOwners(dir: string): boolean {
    return this.base.isNoParentOwners(dir);
  }
  isAutoApproveUnownedSubfolders(dir: string): boolean {
    return this.base.isAutoApproveUnownedSubfolders(dir);
  }
  topLevelApprovers(): Set<string> {
    return this.base.topLevelApprovers();
  }
  allApprovers(): Set<string> {
    return this.base.allApprovers();
  }
  allReviewers(): Set<string> {
    return this.base.allReviewers();
  }
  allOwners(): Set<string> {
    return this.base.allOwners();
  }
}

/** Callers may mutate what they get (Prow's algorithms pop from sets): hand out copies of cached sets. */
function same<T>(v: T): T {
  return (v instanceof Set ? new Set(v) : v) as T;
}

/** The directory's layers seen from a file inside it: one (empty) layer deeper. */
function shiftLayers(dirLayers: LayeredSet): LayeredSet {
  const out = new LayeredSet();
  out.layers.push(new Set());
  for (const l of dirLayers.layers) out.layers.push(new Set(l));
  return out;
}
