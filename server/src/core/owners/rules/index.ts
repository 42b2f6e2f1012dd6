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
import { normLogin } from '../../gostrings';
import type { OwnersOutline } from './syntax';

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
const outlines = new WeakMap<OwnersFile, OwnersOutline>();
function outlineOf(file: OwnersFile): OwnersOutline {
  let o = outlines.get(file);
  if (!o) outlines.set(file, (o = ownersOutline(file.yaml.root)));
  return o;
}

function dependencyKey(file: OwnersFile, repo: OwnersRepoContext): string {
  const parts = [idOf(repo.labels ?? null), idOf(repo.sigs ?? null), idOf(repo.files ?? null), repo.files?.size ?? -1, repo.settings.bannedLabels.join(',')];
  const aliases = repo.aliases?.aliases;
  if (!aliases) parts.push('no-aliases');
  else {
    let bits = '';
    let needsNames = false;
    for (const e of outlineOf(file).entries) {
      const n = normLogin(e.text);
      const defined = aliases.has(n);
      bits += defined ? '1' : '0';
      if (!defined && n.includes('-')) needsNames = true;
    }
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
  const outline = outlineOf(file);
  yamlShapeWarnings(ctx, file, outline);
  filterRegexWarnings(ctx, file, outline, repo);
  entryWarnings(ctx, outline, repo);
  labelWarnings(ctx, outline, repo);
  noParentOwnersWarnings(ctx, file, outline);
  return ctx.out;
}

export function aliasesFileDiagnostics(path: string, text: string, file: AliasesFile, _repo: OwnersRepoContext): Diagnostic[] {
  const ctx = new FileContext(path, text);
  const outline = aliasesOutline(file.yaml.root);
  prowAliasesErrors(ctx, file, outline);
  aliasesWarnings(ctx, file, outline);
  return ctx.out;
}
