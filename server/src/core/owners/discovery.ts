/**
 * Which files Prow reads as OWNERS data (owners.md §1.2): files named exactly `OWNERS` outside denylisted
 * directories (RE2, unanchored, against each directory's repository-relative path, the root being "."), only the
 * root `OWNERS_ALIASES`, and with md-yaml every `*.md`.
 */
import { compileGoRegexp, type GoRegexp } from '../re2';

export const PRECONFIGURED_DIR_DENYLIST = ['\\.git$', '_output$', 'vendor/.*/.*'];

export interface OwnersDiscoveryOptions {
  ownersFilename?: string;
  aliasesFilename?: string;
  /** Extra denylist patterns (Prow's owners_dir_denylist default + repos entries). */
  dirDenylist?: string[];
  /** Prow's ignore_preconfigured_defaults. */
  ignorePreconfiguredDefaults?: boolean;
  mdYaml?: boolean;
}

export class DirDenylist {
  readonly patterns: GoRegexp[] = [];
  readonly invalid: { pattern: string; error: string }[] = [];
  private readonly memo = new Map<string, boolean>();

  constructor(opts: OwnersDiscoveryOptions = {}) {
    const list = [...(opts.dirDenylist ?? []), ...(opts.ignorePreconfiguredDefaults ? [] : PRECONFIGURED_DIR_DENYLIST)];
    for (const p of list) {
      const c = compileGoRegexp(p);
      if (c.ok) this.patterns.push(c.re);
      else this.invalid.push({ pattern: p, error: c.error });
    }
  }

  /** Is this directory (repository-relative, "" = root) itself matched? */
  matchesDir(dir: string): boolean {
    const rel = dir === '' ? '.' : dir;
    let hit = this.memo.get(rel);
    if (hit === undefined) {
      hit = this.patterns.some((re) => re.matchString(rel));
      this.memo.set(rel, hit);
    }
    return hit;
  }

  /** Is the directory or any of its ancestors denylisted (so Walk never enters it)? Returns the denylisted one. */
  deniedAncestor(dir: string): string | undefined {
    if (this.matchesDir('')) return '';
    if (dir === '') return undefined;
    const parts = dir.split('/');
    for (let i = 1; i <= parts.length; i++) {
      const d = parts.slice(0, i).join('/');
      if (this.matchesDir(d)) return d;
    }
    return undefined;
  }
}

export function isOwnersPath(path: string, opts: OwnersDiscoveryOptions = {}): boolean {
  const name = opts.ownersFilename ?? 'OWNERS';
  // Same answer as basename(path) === name, without a substring per path (this runs over every file of the tree).
  return path.endsWith(name) && (path.length === name.length || path.charCodeAt(path.length - name.length - 1) === 0x2f /* / */);
}

export function aliasesPath(opts: OwnersDiscoveryOptions = {}): string {
  return opts.aliasesFilename ?? 'OWNERS_ALIASES';
}

/** Paths Prow loads as owners sources (OWNERS files, and `*.md` with md-yaml), sorted. */
export function ownersSourcePaths(files: Iterable<string>, opts: OwnersDiscoveryOptions = {}, denylist = new DirDenylist(opts)): string[] {
  const out: string[] = [];
  for (const f of files) {
    const isMd = opts.mdYaml === true && f.endsWith('.md');
    if (!isMd && !isOwnersPath(f, opts)) continue;
    const i = f.lastIndexOf('/');
    const dir = i < 0 ? '' : f.slice(0, i);
    if (denylist.deniedAncestor(dir) !== undefined) continue;
    out.push(f);
  }
  return out.sort();
}
