/** textDocument/prepareRename + rename: an alias across OWNERS_ALIASES and every OWNERS file. */
import { ResponseError, ErrorCodes, type PrepareRenameParams, type Range, type RenameParams, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import { prepareAliasRename, renameAlias } from '../core/owners/editor/navigation';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { offsetIn, ownersViewOf } from './ownersView';
import type { Located } from './workspaces';

type Prepared = { range: Range; placeholder: string } | null;

function prepare(loc: Located, params: PrepareRenameParams): Prepared {
  const view = ownersViewOf(loc);
  if (!view) return null;
  return prepareAliasRename(view, offsetIn(view, params.position)) ?? null;
}

function rename(loc: Located, params: RenameParams, ctx: FeatureContext): WorkspaceEdit | ResponseError<void> | null {
  const view = ownersViewOf(loc);
  if (!view) return null;
  const r = renameAlias(view, offsetIn(view, params.position), params.newName);
  if ('error' in r) return new ResponseError(ErrorCodes.InvalidRequest, r.error);
  const changes: Record<string, TextEdit[]> = {};
  for (const e of r.edits) (changes[ctx.workspaces.uriOf(loc.repo, e.path)] ??= []).push({ range: e.range, newText: e.newText });
  return { changes };
}

export const prepareRenameHandlers: KindHandlers<PrepareRenameParams, Prepared> = { owners: prepare, 'owners-aliases': prepare };
export const renameHandlers: KindHandlers<RenameParams, WorkspaceEdit | ResponseError<void> | null> = { owners: rename, 'owners-aliases': rename };

export function registerRename(ctx: FeatureContext): void {
  ctx.connection.onPrepareRename(byKind(ctx, prepareRenameHandlers, null));
  ctx.connection.onRenameRequest(byKind(ctx, renameHandlers, null));
}
