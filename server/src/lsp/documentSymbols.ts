/** textDocument/documentSymbol: the outline of OWNERS and OWNERS_ALIASES. */
import { SymbolKind, type DocumentSymbol, type DocumentSymbolParams } from 'vscode-languageserver/node';
import { aliasesSymbols, ownersSymbols, type OutlineSymbol, type SymbolKind as CoreKind } from '../core/owners/editor/symbols';
import { kepSymbols, type KepSymbol, type KepSymbolKind } from '../core/kep/editor/navigation';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { ownersViewOf } from './ownersView';
import type { Located } from './workspaces';

const KIND: Record<CoreKind, SymbolKind> = {
  key: SymbolKind.Namespace,
  list: SymbolKind.Array,
  entry: SymbolKind.String,
  filter: SymbolKind.Key,
  option: SymbolKind.Boolean,
  group: SymbolKind.Class,
};

function convert(s: OutlineSymbol): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(convert) };
}

function symbols(loc: Located): DocumentSymbol[] {
  const view = ownersViewOf(loc);
  if (!view) return [];
  if (view.kind === 'aliases' && view.aliasesFile) return aliasesSymbols(view.text, view.aliasesFile).map(convert);
  if (view.owners) return ownersSymbols(view.text, view.owners).map(convert);
  return [];
}

const KEP_KIND: Record<KepSymbolKind, SymbolKind> = { key: SymbolKind.Property, list: SymbolKind.Array, map: SymbolKind.Object, entry: SymbolKind.String };

function kepConvert(s: KepSymbol): DocumentSymbol {
  return { name: s.name, detail: s.detail, kind: KEP_KIND[s.kind], range: s.range, selectionRange: s.selectionRange, children: s.children.map(kepConvert) };
}

function kepYamlSymbols(loc: Located): DocumentSymbol[] {
  const text = loc.repo.text(loc.rel);
  return text === undefined ? [] : kepSymbols(text).map(kepConvert);
}

export const documentSymbolHandlers: KindHandlers<DocumentSymbolParams, DocumentSymbol[]> = {
  owners: symbols,
  'owners-aliases': symbols,
  'kep-yaml': kepYamlSymbols,
  prr: kepYamlSymbols,
};

export function registerDocumentSymbols(ctx: FeatureContext): void {
  ctx.connection.onDocumentSymbol(byKind(ctx, documentSymbolHandlers, []));
}
