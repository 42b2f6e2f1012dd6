/** Core ↔ LSP type conversion (the core never sees LSP types). */
import { DiagnosticSeverity, type Diagnostic as LspDiagnostic } from 'vscode-languageserver/node';
import type { Diagnostic, Severity } from '../core/diagnostics';
import { ruleDocUrl } from '../core/ruleDocs';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toLspDiagnostic(d: Diagnostic): LspDiagnostic {
  return {
    range: d.range,
    severity: SEVERITY[d.severity],
    code: d.code,
    codeDescription: { href: ruleDocUrl(d.code) },
    source: 'kube-shepherd',
    message: d.upstream ? `${d.message} [mirrors ${d.upstream}]` : d.message,
    data: { fixes: d.fixes ?? [], upstream: d.upstream, ...d.data },
  };
}
