/** textDocument/completion. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { ownersCompletion, type CompletionKind } from '../core/owners/editor/completion';
import { kepCompletion, type KepCompletionKind, type KepDocKind } from '../core/kep/editor/completion';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import { kepDocAt, kepWorldOf } from './kepView';
import { offsetIn, ownersViewOf } from './ownersView';
import type { Located } from './workspaces';

const KIND: Record<CompletionKind, CompletionItemKind> = {
  login: CompletionItemKind.Constant,
  alias: CompletionItemKind.Reference,
  label: CompletionItemKind.EnumMember,
  key: CompletionItemKind.Property,
  snippet: CompletionItemKind.Snippet,
  value: CompletionItemKind.Value,
};

function owners(loc: Located, params: CompletionParams): CompletionItem[] {
  const view = ownersViewOf(loc);
  if (!view) return [];
  return ownersCompletion(view, offsetIn(view, params.position)).map((c) => ({
    label: c.label,
    kind: KIND[c.kind],
    detail: c.detail,
    documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
    textEdit: { range: c.range, newText: c.insertText },
    insertTextFormat: c.snippet ? InsertTextFormat.Snippet : InsertTextFormat.PlainText,
    sortText: c.sortText,
    filterText: c.label.replace(/^"/, ''),
  }));
}

const KEP_KIND: Record<KepCompletionKind, CompletionItemKind> = {
  key: CompletionItemKind.Property,
  enum: CompletionItemKind.EnumMember,
  group: CompletionItemKind.Module,
  milestone: CompletionItemKind.Constant,
  handle: CompletionItemKind.Constant,
  component: CompletionItemKind.Value,
  link: CompletionItemKind.Reference,
  value: CompletionItemKind.Value,
};

function kep(kind: KepDocKind) {
  return (loc: Located, params: CompletionParams): CompletionItem[] => {
    const doc = kepDocAt(loc, params.position);
    if (!doc) return [];
    return kepCompletion(kind, doc.text, doc.offset, kepWorldOf(loc.repo)).map((c) => ({
      label: c.label,
      kind: KEP_KIND[c.kind],
      detail: c.detail,
      documentation: c.documentation ? { kind: MarkupKind.Markdown, value: c.documentation } : undefined,
      textEdit: { range: c.range, newText: c.insertText },
      sortText: c.sortText,
      filterText: c.filterText,
    }));
  };
}

export const completionHandlers: KindHandlers<CompletionParams, CompletionItem[]> = {
  owners,
  'owners-aliases': owners,
  'kep-yaml': kep('kep-yaml'),
  prr: kep('prr'),
};

export const COMPLETION_TRIGGERS = ['-', ' ', '/', '"'];

export function registerCompletion(ctx: FeatureContext): void {
  ctx.connection.onCompletion(byKind(ctx, completionHandlers, []));
}
