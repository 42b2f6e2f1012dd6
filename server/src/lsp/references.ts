/** textDocument/references: an alias or login → every OWNERS entry (and OWNERS_ALIASES membership) naming it. */
import type { Location, ReferenceParams } from 'vscode-languageserver/node';
import { ownersReferences } from '../core/owners/editor/navigation';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { offsetIn, ownersViewOf } from './ownersView';
import type { Located } from './workspaces';

function owners(loc: Located, params: ReferenceParams, ctx: FeatureContext): Location[] {
  const view = ownersViewOf(loc);
  if (!view) return [];
  return ownersReferences(view, offsetIn(view, params.position), params.context.includeDeclaration).map((l) => ({
    uri: ctx.workspaces.uriOf(loc.repo, l.path),
    range: l.range,
  }));
}

export const referencesHandlers: KindHandlers<ReferenceParams, Location[]> = { owners, 'owners-aliases': owners };

export function registerReferences(ctx: FeatureContext): void {
  ctx.connection.onReferences(byKind(ctx, referencesHandlers, []));
}
