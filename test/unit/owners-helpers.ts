/** Shared fixtures for the owners-*.test.ts files: build a RepoOwners from inline OWNERS texts. */
import { parseAliasesFile } from '../../server/src/core/owners/aliasesFile';
import { parseOwnersFile, type OwnersFile, type Role } from '../../server/src/core/owners/ownersFile';
import { RepoOwners, type RepoOwnersOptions } from '../../server/src/core/owners/repoOwners';
import { goSort } from '../../server/src/core/gostrings';

/** files: OWNERS path → text; aliases: OWNERS_ALIASES text, or undefined for "no alias file". */
export function repoOf(files: Record<string, string>, aliases?: string, opts: RepoOwnersOptions = {}): RepoOwners {
  return RepoOwners.build(
    Object.entries(files).map(([path, text]) => ({ path, file: parseOwnersFile(text) })),
    aliases === undefined ? null : parseAliasesFile(aliases).aliases,
    opts,
  );
}

/** The list a simple OWNERS file stores for a role (raw strings, before NormLogin). */
export function simpleList(f: OwnersFile, role: Role): string[] | undefined {
  return f.simple?.[role]?.map((e) => e.value);
}

/** pattern → role list, for a full OWNERS file. */
export function filterLists(f: OwnersFile, role: Role): Record<string, string[] | undefined> {
  const out: Record<string, string[] | undefined> = {};
  for (const flt of f.filters ?? []) out[flt.pattern] = flt.config[role]?.map((e) => e.value);
  return out;
}

/** The set a single `.*` filter of a full file yields for approvers (the coerced strings). */
export function coercedInFilter(items: string): string[] | undefined {
  const f = parseOwnersFile(`filters:\n  ".*":\n    approvers: [${items}]\n`);
  return filterLists(f, 'approvers')['.*'];
}

export const sorted = (s: Iterable<string>): string[] => goSort(s);
