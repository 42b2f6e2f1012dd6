/** textDocument/codeAction: quick fixes carried by our diagnostics (Diagnostic.fixes → WorkspaceEdit). */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Fix } from '../core/diagnostics';
import { diagnoseFile } from '../workspace/diagnose';
import { toLspDiagnostic } from './convert';
import { byKind, type FeatureContext, type KindHandlers } from './features';
import type { Located } from './workspaces';

function sameRange(a: LspDiagnostic['range'], b: LspDiagnostic['range']): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

/** Quick fixes for any file whose diagnostics carry `fixes` (the client sends them back in `data`). */
export function quickFixes(loc: Located, params: CodeActionParams, ctx: FeatureContext): CodeAction[] {
  if (params.context.only && !params.context.only.some((k) => k === CodeActionKind.QuickFix || k.startsWith(CodeActionKind.QuickFix))) return [];
  let fresh: LspDiagnostic[] | undefined;
  const out: CodeAction[] = [];
  for (const d of params.context.diagnostics) {
    if (d.source !== 'kube-shepherd') continue;
    let fixes = (d.data as { fixes?: Fix[] } | undefined)?.fixes;
    if (!fixes) {
      // Clients that do not round-trip `data`: recompute and match by code and range.
      fresh ??= diagnoseFile(loc.repo, loc.rel).map(toLspDiagnostic);
      fixes = (fresh.find((f) => f.code === d.code && sameRange(f.range, d.range))?.data as { fixes?: Fix[] } | undefined)?.fixes;
    }
    for (const fix of fixes ?? []) {
      const changes: Record<string, TextEdit[]> = {};
      for (const e of fix.edits) {
        const uri = e.file ? ctx.workspaces.uriOf(loc.repo, e.file) : params.textDocument.uri;
        (changes[uri] ??= []).push({ range: e.range, newText: e.newText });
      }
      const edit: WorkspaceEdit = { changes };
      out.push({ title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred, edit });
    }
  }
  return out;
}

export const codeActionHandlers: KindHandlers<CodeActionParams, CodeAction[]> = {
  owners: quickFixes,
  'owners-aliases': quickFixes,
};

export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(byKind(ctx, codeActionHandlers, []));
}
