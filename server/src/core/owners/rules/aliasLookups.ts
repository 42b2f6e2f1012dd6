/**
 * How an OWNERS file's diagnostics depend on OWNERS_ALIASES, in one place: the alias names its rules look up, the
 * ones whose "undefined" verdict can also depend on the whole set of names (did-you-mean), and the aliases it uses
 * the way Prow reads them. The per-file diagnostics memo, the language server's "which files does this aliases edit
 * touch" and the unused-alias rule all read this, so they cannot drift apart.
 */
import { normLogin } from '../../gostrings';
import type { OwnersFile } from '../ownersFile';
import type { RepoOwners } from '../repoOwners';
import { ALIAS_SUGGESTION_MAX_DISTANCE } from './entries';
import { editDistance } from './suggest';
import { ownersOutline } from './syntax';

export interface AliasLookups {
  /** Every name a rule checks against the alias map (NormLogin of each entry; labels also lower-cased as written). */
  names: ReadonlySet<string>;
  /** Names in Prow's login lists that, when undefined, get a did-you-mean over all alias names (they have a hyphen). */
  suggestible: readonly string[];
  /** Names listed under approvers / reviewers / required_reviewers (top level or in a filter): the aliases Prow expands here. */
  uses: ReadonlySet<string>;
}

export const PROW_LOGIN_LISTS: ReadonlySet<string> = new Set(['approvers', 'reviewers', 'required_reviewers']);

const cache = new WeakMap<OwnersFile, AliasLookups>();

export function aliasLookups(file: OwnersFile): AliasLookups {
  let hit = cache.get(file);
  if (hit) return hit;
  const names = new Set<string>();
  const suggestible = new Set<string>();
  const uses = new Set<string>();
  if (!file.syntaxError) {
    for (const e of ownersOutline(file.yaml.root).entries) {
      const n = normLogin(e.text);
      names.add(n);
      if (e.list === 'labels') names.add(e.text.toLowerCase());
      if (!PROW_LOGIN_LISTS.has(e.list) || e.scalarValue) continue;
      if (n.includes('-')) suggestible.add(n);
      if (e.node.kind === 'scalar') uses.add(n);
    }
  }
  hit = { names, suggestible: [...suggestible], uses };
  cache.set(file, hit);
  return hit;
}

export interface AliasChange {
  /** Names whose definition differs (added, removed, or with other members). */
  names: Set<string>;
  /** The added and removed names: the only ones that can change a did-you-mean. */
  addedOrRemoved: Set<string>;
}

/** How two alias maps differ. */
export function changedAliasNames(before: ReadonlyMap<string, ReadonlySet<string>>, after: ReadonlyMap<string, ReadonlySet<string>>): AliasChange {
  const names = new Set<string>();
  const addedOrRemoved = new Set<string>();
  for (const [n, members] of after) {
    const old = before.get(n);
    if (!old) {
      names.add(n);
      addedOrRemoved.add(n);
    } else if (old.size !== members.size || [...members].some((m) => !old.has(m))) names.add(n);
  }
  for (const n of before.keys()) {
    if (!after.has(n)) {
      names.add(n);
      addedOrRemoved.add(n);
    }
  }
  return { names, addedOrRemoved };
}

/**
 * Can adding or removing `changed` alter the did-you-mean of the undefined name `word`? Only a name within the
 * suggestion distance can become (or stop being) the closest one; the others never compete.
 */
function canChangeSuggestion(word: string, changed: string): boolean {
  return editDistance(word, changed, ALIAS_SUGGESTION_MAX_DISTANCE) <= ALIAS_SUGGESTION_MAX_DISTANCE;
}

/**
 * name → OWNERS files, for every source of a RepoOwners, caught up only when its sources changed: an OWNERS_ALIASES
 * keystroke then costs lookups per changed name instead of a pass over every OWNERS file.
 */
export class AliasUsageIndex {
  private version = -1;
  private readonly files = new Map<string, { file: OwnersFile; lookups: AliasLookups }>();
  /** Name → paths whose rules look it up. */
  private readonly lookedUp = new Map<string, Set<string>>();
  /** Name → paths that may ask a did-you-mean for it. */
  private readonly suggestible = new Map<string, Set<string>>();
  /** Name → how many files use it as Prow does. */
  private readonly useCount = new Map<string, number>();

  constructor(private readonly owners: RepoOwners) {}

  private sync(): void {
    if (this.version === this.owners.version) return;
    this.version = this.owners.version;
    const seen = new Set<string>();
    for (const src of this.owners.allSources()) {
      seen.add(src.path);
      const had = this.files.get(src.path);
      if (had?.file === src.file) continue;
      if (had) this.unindex(src.path, had.lookups);
      const lookups = aliasLookups(src.file);
      this.files.set(src.path, { file: src.file, lookups });
      for (const n of lookups.names) add(this.lookedUp, n, src.path);
      for (const n of lookups.suggestible) add(this.suggestible, n, src.path);
      for (const n of lookups.uses) this.useCount.set(n, (this.useCount.get(n) ?? 0) + 1);
    }
    for (const [p, had] of [...this.files]) if (!seen.has(p)) this.unindex(p, had.lookups);
  }

  private unindex(path: string, lookups: AliasLookups): void {
    this.files.delete(path);
    for (const n of lookups.names) remove(this.lookedUp, n, path);
    for (const n of lookups.suggestible) remove(this.suggestible, n, path);
    for (const n of lookups.uses) {
      const c = (this.useCount.get(n) ?? 0) - 1;
      if (c > 0) this.useCount.set(n, c);
      else this.useCount.delete(n);
    }
  }

  /** Is there any OWNERS source at all? */
  hasSources(): boolean {
    this.sync();
    return this.files.size > 0;
  }

  /** Of these names, the ones some OWNERS file uses as Prow does. */
  used(names: Iterable<string>): Set<string> {
    this.sync();
    const out = new Set<string>();
    for (const n of names) if (this.useCount.has(n)) out.add(n);
    return out;
  }

  /** OWNERS files whose diagnostics can differ after the alias change (`after`: the new alias map). */
  affectedBy(change: AliasChange, after: ReadonlyMap<string, unknown>): Set<string> {
    this.sync();
    const out = new Set<string>();
    for (const n of change.names) for (const p of this.lookedUp.get(n) ?? []) out.add(p);
    if (change.addedOrRemoved.size > 0) {
      const moved = [...change.addedOrRemoved];
      for (const [n, paths] of this.suggestible) {
        if (after.has(n) || !moved.some((m) => canChangeSuggestion(n, m))) continue;
        for (const p of paths) out.add(p);
      }
    }
    return out;
  }
}

const indexes = new WeakMap<RepoOwners, AliasUsageIndex>();
export function aliasUsage(owners: RepoOwners): AliasUsageIndex {
  let i = indexes.get(owners);
  if (!i) indexes.set(owners, (i = new AliasUsageIndex(owners)));
  return i;
}

function add(m: Map<string, Set<string>>, k: string, v: string): void {
  let s = m.get(k);
  if (!s) m.set(k, (s = new Set()));
  s.add(v);
}

function remove(m: Map<string, Set<string>>, k: string, v: string): void {
  const s = m.get(k);
  if (!s) return;
  s.delete(v);
  if (s.size === 0) m.delete(k);
}
