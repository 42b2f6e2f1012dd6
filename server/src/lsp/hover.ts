/** textDocument/hover. */
import { MarkupKind, type Hover, type HoverParams } from 'vscode-languageserver/node';
import { ownersHover } from '../core/owners/editor/hover';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { offsetIn, ownersViewOf } from './ownersView';

export const hoverHandlers: KindHandlers<HoverParams, Hover | null> = {
  owners: ownersHoverHandler,
  'owners-aliases': ownersHoverHandler,
};

function ownersHoverHandler(loc: Parameters<NonNullable<KindHandlers<HoverParams, Hover | null>['owners']>>[0], params: HoverParams): Hover | null {
  const view = ownersViewOf(loc);
  if (!view) return null;
  const h = ownersHover(view, offsetIn(view, params.position));
  return h ? { range: h.range, contents: { kind: MarkupKind.Markdown, value: h.markdown } } : null;
}

export function registerHover(ctx: FeatureContext): void {
  ctx.connection.onHover(byKind(ctx, hoverHandlers, null));
}
