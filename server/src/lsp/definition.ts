/** textDocument/definition: an alias → its group in the root OWNERS_ALIASES. */
import type { DefinitionParams, Location } from 'vscode-languageserver/node';
import { ownersDefinition } from '../core/owners/editor/navigation';
import { kepDefinition } from '../core/kep/editor/navigation';
import type { KepDocKind } from '../core/kep/editor/completion';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { kepDocAt, kepWorldOf } from './kepView';
import { offsetIn, ownersViewOf } from './ownersView';
import type { Located } from './workspaces';

function owners(loc: Located, params: DefinitionParams, ctx: FeatureContext): Location[] {
  const view = ownersViewOf(loc);
  if (!view) return [];
  return ownersDefinition(view, offsetIn(view, params.position)).map((l) => ({ uri: ctx.workspaces.uriOf(loc.repo, l.path), range: l.range }));
}

function kep(kind: KepDocKind) {
  return (loc: Located, params: DefinitionParams, ctx: FeatureContext): Location[] => {
    const doc = kepDocAt(loc, params.position);
    if (!doc) return [];
    return kepDefinition(kind, loc.rel, doc.text, doc.offset, kepWorldOf(loc.repo)).map((l) => ({ uri: ctx.workspaces.uriOf(loc.repo, l.path), range: l.range }));
  };
}

export const definitionHandlers: KindHandlers<DefinitionParams, Location[]> = { owners, 'owners-aliases': owners, 'kep-yaml': kep('kep-yaml'), prr: kep('prr') };

export function registerDefinition(ctx: FeatureContext): void {
  ctx.connection.onDefinition(byKind(ctx, definitionHandlers, []));
}
