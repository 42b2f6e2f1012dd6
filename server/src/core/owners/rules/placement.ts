/** Where a file sits and what its options cut off: files Prow never reads, and no_parent_owners without approvers. */
import type { Diagnostic } from '../../diagnostics';
import type { OwnersFile } from '../ownersFile';
import { FileContext } from './context';
import type { OwnersOutline } from './syntax';

export function noParentOwnersWarnings(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  if (file.mode === 'ignored' || !file.options.noParentOwners) return;
  const approvers = file.mode === 'simple' ? file.simple?.approvers ?? [] : (file.filters ?? []).flatMap((f) => f.config.approvers ?? []);
  if (approvers.length > 0) return;
  const opt = outline.keys.find((k) => k.place === 'options' && k.canonical === 'no_parent_owners');
  ctx.add({
    range: opt ? ctx.range(opt.key.range) : ctx.lines.lineRange(0),
    severity: 'warning',
    code: 'owners/no-parent-owners-without-approvers',
    message: 'no_parent_owners is set but this OWNERS file has no approvers. Prow stops walking up only once it has collected someone for that role, so for files here approval still comes from the parent OWNERS files: the option does not cut off parent approvers. Add approvers here or drop the option.',
    upstream: 'prow repoowners entriesForFile (no_parent_owners needs collected entries)',
  });
}

/** An OWNERS file inside a directory Prow's owners_dir_denylist skips. */
export function denylistedOwnersDiagnostics(path: string, text: string, deniedDir: string): Diagnostic[] {
  const ctx = new FileContext(path, text);
  ctx.add({
    range: ctx.lines.lineRange(0),
    severity: 'warning',
    code: 'owners/denylisted-dir',
    message: `Prow never reads this OWNERS file: the directory ${deniedDir === '' ? '(root)' : deniedDir} matches the owners_dir_denylist (by default \\.git$, _output$ and vendor/.*/.*), so Prow skips it with its whole subtree. Ownership here comes from the nearest OWNERS above it.`,
    upstream: 'prow repoowners (owners_dir_denylist)',
  });
  return ctx.out;
}

/** An OWNERS_ALIASES that is not at the repository root. */
export function aliasesNotAtRootDiagnostics(path: string, text: string): Diagnostic[] {
  const ctx = new FileContext(path, text);
  ctx.add({
    range: ctx.lines.lineRange(0),
    severity: 'warning',
    code: 'aliases/not-at-root',
    message: 'Prow ignores this file: it reads OWNERS_ALIASES only at the repository root, so none of these aliases are expanded anywhere. Move the groups to the root OWNERS_ALIASES.',
    upstream: 'prow repoowners (loadAliasesFrom the root only)',
  });
  return ctx.out;
}
