/** textDocument/completion. */
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type CompletionParams } from 'vscode-languageserver/node';
import { ownersCompletion, type CompletionKind } from '../core/owners/editor/completion';
import { byKind, type FeatureContext, type KindHandlers } from './features';
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

export const completionHandlers: KindHandlers<CompletionParams, CompletionItem[]> = {
  owners,
  'owners-aliases': owners,
};

export const COMPLETION_TRIGGERS = ['-', ' ', '/', '"'];

export function registerCompletion(ctx: FeatureContext): void {
  ctx.connection.onCompletion(byKind(ctx, completionHandlers, []));
}
