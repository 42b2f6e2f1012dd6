/**
 * The workspace's OWNERS index: parses each OWNERS source once (cached by content), keeps one RepoOwners up to date
 * as files are created, changed or deleted, and never rescans the tree to answer a query.
 */
import { parseAliasesFile, parseAliasesYaml, type AliasesFile } from '../core/owners/aliasesFile';
import type { CanonicalText } from '../core/goyaml/editWindow';
import { aliasesPath, DirDenylist, isOwnersPath, ownersSourcePaths, type OwnersDiscoveryOptions } from '../core/owners/discovery';
import { mdFrontMatter } from '../core/owners/mdYaml';
import { parseOwnersFile, type OwnersFile } from '../core/owners/ownersFile';
import { RepoOwners } from '../core/owners/repoOwners';
import { CachedOwnersQueries } from '../core/owners/cachedQueries';

export interface OwnersText {
  text?: string;
  /** Why the file could not be read as text (too large, binary, unreadable). */
  problem?: string;
}

export class OwnersIndex {
  readonly denylist: DirDenylist;
  readonly owners: RepoOwners;
  /** Memoised queries over `owners`: use this to answer ownership questions. */
  readonly queries: CachedOwnersQueries;
  /**
   * Parsed OWNERS sources by path (also the unreadable ones, with their problem). Each parse sits next to the exact
   * text it came from, so re-reading unchanged text costs a string comparison and typing never piles up parses (no
   * digest, no second per-path map: at 50k OWNERS files both showed in the build's time and heap).
   */
  readonly files = new Map<string, { file?: OwnersFile; problem?: string; text?: string }>();
  aliases: { path: string; file?: AliasesFile; problem?: string; text?: string } | undefined;
  /** The last OWNERS_ALIASES text that took the fast parse: while an edit does not parse, errors are found near it. */
  private lastCanonicalAliases: CanonicalText | undefined;

  constructor(readonly opts: OwnersDiscoveryOptions = {}) {
    this.denylist = new DirDenylist(opts);
    this.owners = new RepoOwners({ mdYaml: opts.mdYaml });
    this.queries = new CachedOwnersQueries(this.owners);
  }

  /** Build from the repository's file list and a reader. */
  static build(allFiles: Iterable<string>, read: (path: string) => OwnersText, opts: OwnersDiscoveryOptions = {}): OwnersIndex {
    const index = new OwnersIndex(opts);
    const ap = aliasesPath(opts);
    // No copy of a Set or array (a 1M-file tree's list is 8 MB of garbage); other iterables are read only once.
    const files = allFiles instanceof Set || Array.isArray(allFiles) ? (allFiles as Set<string> | string[]) : [...allFiles];
    if (files instanceof Set ? files.has(ap) : files.includes(ap)) index.setAliasesText(read(ap));
    for (const p of ownersSourcePaths(files, opts, index.denylist)) index.setOwnersText(p, read(p));
    return index;
  }

  /** Is this path one the index tracks (an OWNERS source Prow would load, or the root OWNERS_ALIASES)? */
  isTracked(path: string): boolean {
    if (path === aliasesPath(this.opts)) return true;
    return ownersSourcePaths([path], this.opts, this.denylist).length === 1;
  }

  isOwnersFileName(path: string): boolean {
    return isOwnersPath(path, this.opts);
  }

  private parse(path: string, text: string, md: boolean): OwnersFile {
    const body = md ? mdFrontMatter(text) : text;
    const prev = this.files.get(path);
    if (prev?.file && prev.text !== undefined && (md ? mdFrontMatter(prev.text) : prev.text) === body) return prev.file;
    return parseOwnersFile(body);
  }

  /** Add or replace an OWNERS source (incremental update). */
  setOwnersText(path: string, t: OwnersText): void {
    this.queries.invalidate();
    if (t.text === undefined) {
      this.files.set(path, { problem: t.problem ?? 'unreadable' });
      this.owners.removeSource(path);
      return;
    }
    const md = this.opts.mdYaml === true && path.endsWith('.md');
    const file = this.parse(path, t.text, md);
    this.files.set(path, { file, text: t.text });
    this.owners.setSource({ path, file });
  }

  removeOwners(path: string): void {
    this.queries.invalidate();
    this.files.delete(path);
    this.owners.removeSource(path);
  }

  setAliasesText(t: OwnersText): void {
    this.queries.invalidate();
    const path = aliasesPath(this.opts);
    if (t.text === undefined) {
      this.aliases = { path, problem: t.problem };
      // Prow: a file it cannot read is "no alias file" (nil map: no expansion).
      this.owners.setAliases(null);
      return;
    }
    const { yaml, canonical } = parseAliasesYaml(t.text, this.lastCanonicalAliases);
    if (canonical) this.lastCanonicalAliases = { text: t.text, yaml };
    const file = parseAliasesFile(t.text, yaml);
    this.aliases = { path, file, text: t.text };
    this.owners.setAliases(file.aliases);
  }

  removeAliases(): void {
    this.queries.invalidate();
    this.aliases = undefined;
    this.owners.setAliases(null);
  }
}
