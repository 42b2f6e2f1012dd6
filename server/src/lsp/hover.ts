/** textDocument/hover. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { ownersHover } from '../core/owners/editor/hover';
import { kepHover } from '../core/kep/editor/hover';
import type { KepDocKind } from '../core/kep/editor/completion';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { kepDocAt, kepWorldOf } from './kepView';
import type { Located } from './workspaces';
import { offsetIn, ownersViewOf } from './ownersView';

export const hoverHandlers: KindHandlers<HoverParams, Hover | null> = {
  owners: ownersHoverHandler,
  'owners-aliases': ownersHoverHandler,
  'kep-yaml': kepHoverHandler('kep-yaml'),
  prr: kepHoverHandler('prr'),
};

function kepHoverHandler(kind: KepDocKind) {
  return (loc: Located, params: HoverParams): Hover | null => {
    const doc = kepDocAt(loc, params.position);
    if (!doc) return null;
    const h = kepHover(kind, doc.text, doc.offset, kepWorldOf(loc.repo));
    return h ? { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } } : null;
  };
}

function ownersHoverHandler(loc: Parameters<NonNullable<KindHandlers<HoverParams, Hover | null>['owners']>>[0], params: HoverParams): Hover | null {
  const view = ownersViewOf(loc);
  if (!view) return null;
  const h = ownersHover(view, offsetIn(view, params.position));
  return h ? { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } } : null;
}

export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(byKind(ctx, hoverHandlers, null));
}
