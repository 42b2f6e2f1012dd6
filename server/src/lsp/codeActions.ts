/** textDocument/codeAction: quick fixes carried by our diagnostics (Diagnostic.fixes → WorkspaceEdit). */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic as LspDiagnostic, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver/node';
import type { Diagnostic, Fix } from '../core/diagnostics';
import { suppressFix } from '../core/suppressions';
import { fileDiagnostics } from '../workspace/pipeline';
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
      fresh ??= fileDiagnostics(loc.repo, loc.rel).map(toLspDiagnostic);
      fixes = (fresh.find((f) => f.code === d.code && sameRange(f.range, d.range))?.data as { fixes?: Fix[] } | undefined)?.fixes;
    }
    for (const fix of fixes ?? []) out.push(toCodeAction(fix, d, loc, params, ctx));
    // Every finding can be silenced where it stands: a visible choice that reviewers see in the diff.
    const text = loc.repo.text(loc.rel);
    if (text !== undefined && typeof d.code === 'string' && !d.code.startsWith('suppression/')) {
      const core: Diagnostic = { file: loc.rel, range: d.range, severity: 'warning', code: d.code, message: d.message };
      out.push({ ...toCodeAction(suppressFix(text, core, loc.rel.endsWith('.md')), d, loc, params, ctx), isPreferred: false });
    }
  }
  return out;
}

/** One fix as a code action; fixes that create files (a missing PRR file) use documentChanges. */
function toCodeAction(fix: Fix, d: LspDiagnostic, loc: Located, params: CodeActionParams, ctx: FeatureContext): CodeAction {
  const uriOf = (file?: string) => (file ? ctx.workspaces.uriOf(loc.repo, file) : params.textDocument.uri);
  let edit: WorkspaceEdit;
  if (fix.createFiles?.length) {
    const documentChanges: NonNullable<WorkspaceEdit['documentChanges']> = [];
    for (const c of fix.createFiles) {
      const uri = uriOf(c.file);
      documentChanges.push({ kind: 'create', uri, options: { ignoreIfExists: true } });
      documentChanges.push({ textDocument: { uri, version: null }, edits: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: c.content }] });
    }
    const byUri = new Map<string, TextEdit[]>();
    for (const e of fix.edits) {
      const uri = uriOf(e.file);
      byUri.set(uri, [...(byUri.get(uri) ?? []), { range: e.range, newText: e.newText }]);
    }
    for (const [uri, edits] of byUri) documentChanges.push({ textDocument: { uri, version: null }, edits });
    edit = { documentChanges };
  } else {
    const changes: Record<string, TextEdit[]> = {};
    for (const e of fix.edits) (changes[uriOf(e.file)] ??= []).push({ range: e.range, newText: e.newText });
    edit = { changes };
  }
  return { title: fix.title, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: fix.isPreferred, edit };
}

export const codeActionHandlers: KindHandlers<CodeActionParams, CodeAction[]> = {
  owners: quickFixes,
  'owners-aliases': quickFixes,
  'kep-yaml': quickFixes,
  prr: quickFixes,
  'kep-md': quickFixes,
  'repo-config': quickFixes,
};

export function registerCodeActions(ctx: FeatureContext): void {
  ctx.connection.onCodeAction(byKind(ctx, codeActionHandlers, []));
}
