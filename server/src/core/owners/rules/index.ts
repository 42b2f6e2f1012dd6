/** All OWNERS / OWNERS_ALIASES diagnostics for one file: Errors where verify-owners rejects, Warnings for quirks. */
import type { Diagnostic } from '../../diagnostics';
import { FileContext, type OwnersFileInput, type OwnersRepoContext } from './context';
import { prowOwnersErrors } from './prowErrors';
import { prowAliasesErrors } from './aliasesErrors';
import { aliasesWarnings } from './aliasesWarnings';
import { entryWarnings } from './entries';
import { filterRegexWarnings } from './filterRegex';
import { labelWarnings } from './labels';
import { noParentOwnersWarnings } from './placement';
import { aliasesOutline, ownersOutline } from './syntax';
import { yamlShapeWarnings } from './yamlShape';
import type { AliasesFile } from '../aliasesFile';
import type { OwnersFile } from '../ownersFile';
import { aliasLookups, aliasUsage } from './aliasLookups';
import { unusedAliasInfos } from './aliasesUnused';

export { aliasesNotAtRootDiagnostics, denylistedOwnersDiagnostics } from './placement';

/**
 * Per-file memo: an OWNERS file's diagnostics depend on its own parse plus a few repository inputs. The key lists
 * those inputs (object identities, and for aliases only whether each name the file uses is defined), so an
 * OWNERS_ALIASES edit re-runs the rules only for the files whose alias lookups changed.
 */
const memo = new WeakMap<OwnersFile, { key: string; path: string; text: string; out: Diagnostic[] }>();
const ids = new WeakMap<object, number>();
let nextId = 1;
function idOf(o: object | undefined | null): number {
  if (!o) return 0;
  let id = ids.get(o);
  if (id === undefined) ids.set(o, (id = nextId++));
  return id;
}
function dependencyKey(file: OwnersFile, repo: OwnersRepoContext): string {
  const parts = [idOf(repo.labels ?? null), idOf(repo.sigs ?? null), idOf(repo.files ?? null), repo.files?.size ?? -1, repo.settings.bannedLabels.join(',')];
  const aliases = repo.aliases?.aliases;
  if (!aliases) parts.push('no-aliases');
  else {
    // Only whether each looked-up name is defined matters, plus the whole name set when a did-you-mean can be asked.
    const lookups = aliasLookups(file);
    let bits = '';
    for (const n of lookups.names) bits += aliases.has(n) ? '1' : '0';
    const needsNames = lookups.suggestible.some((n) => !aliases.has(n));
    parts.push(bits, needsNames ? idOf(aliases) : '-');
  }
  return parts.join('|');
}

export function ownersFileDiagnostics(input: OwnersFileInput, repo: OwnersRepoContext): Diagnostic[] {
  const key = dependencyKey(input.file, repo);
  const hit = memo.get(input.file);
  if (hit && hit.key === key && hit.path === input.path && hit.text === input.text) return hit.out.slice();
  const out = computeOwnersFileDiagnostics(input, repo);
  memo.set(input.file, { key, path: input.path, text: input.text, out });
  return out.slice();
}

function computeOwnersFileDiagnostics(input: OwnersFileInput, repo: OwnersRepoContext): Diagnostic[] {
  const ctx = new FileContext(input.path, input.text);
  const file = input.file;
  prowOwnersErrors(ctx, file, repo.settings);
  if (file.syntaxError) return ctx.out;
  // Not kept: the diagnostics are memoised, and an outline per OWNERS file would stay in memory for nothing.
  const outline = ownersOutline(file.yaml.root);
  yamlShapeWarnings(ctx, file, outline);
  filterRegexWarnings(ctx, file, outline, repo);
  entryWarnings(ctx, outline, repo);
  labelWarnings(ctx, outline, repo);
  noParentOwnersWarnings(ctx, file, outline);
  return ctx.out;
}

/** OWNERS_ALIASES diagnostics depend on its own parse and on which alias names the OWNERS files use. */
const aliasesMemo = new WeakMap<AliasesFile, { key: string; path: string; text: string; out: Diagnostic[] }>();

export function aliasesFileDiagnostics(path: string, text: string, file: AliasesFile, repo: OwnersRepoContext): Diagnostic[] {
  const used = usedAliasNames(file, repo);
  const key = used ? [...used].sort().join('\n') : '-';
  const hit = aliasesMemo.get(file);
  if (hit && hit.key === key && hit.path === path && hit.text === text) return hit.out.slice();
  const ctx = new FileContext(path, text);
  const outline = aliasesOutline(file.yaml.root);
  prowAliasesErrors(ctx, file, outline);
  aliasesWarnings(ctx, file, outline);
  unusedAliasInfos(ctx, file, outline, used);
  aliasesMemo.set(file, { key, path, text, out: ctx.out });
  return ctx.out.slice();
}

/** The defined alias names that some OWNERS file Prow reads lists as an approver / reviewer / required reviewer. */
function usedAliasNames(file: AliasesFile, repo: OwnersRepoContext): Set<string> | undefined {
  const usage = aliasUsage(repo.owners);
  // No OWNERS file at all: "unused" would say nothing.
  return usage.hasSources() ? usage.used(file.aliases.keys()) : undefined;
}
