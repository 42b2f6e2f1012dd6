/** All OWNERS / OWNERS_ALIASES diagnostics for one file. */
import type { Diagnostic } from '../../diagnostics';
import { FileContext, type OwnersFileInput, type OwnersRepoContext } from './context';
import { prowOwnersErrors } from './prowErrors';
import { prowAliasesErrors } from './aliasesErrors';
import type { AliasesFile } from '../aliasesFile';

export function ownersFileDiagnostics(input: OwnersFileInput, repo: OwnersRepoContext): Diagnostic[] {
  const ctx = new FileContext(input.path, input.text);
  prowOwnersErrors(ctx, input.file, repo.settings);
  return ctx.out;
}

export function aliasesFileDiagnostics(path: string, text: string, file: AliasesFile, _repo: OwnersRepoContext): Diagnostic[] {
  const ctx = new FileContext(path, text);
  prowAliasesErrors(ctx, file);
  return ctx.out;
}
