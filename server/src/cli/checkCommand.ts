/** `kube-shepherd check`: every diagnostic of a repository, for CI (JSON lines, text or GitHub annotations). */
import * as fs from 'node:fs';
import type { Diagnostic } from '../core/diagnostics';
import { registerRuleProvider, repositoryDiagnostics } from '../workspace/pipeline';
import { allKepProviders } from '../workspace/kepProviders';
import { Repository } from '../workspace/repository';
import { parseArgs, stringFlag, UsageError } from './args';

export const CHECK_USAGE = 'kube-shepherd check --root DIR [PATH...] [--format json|text|github] [--strict]';

for (const p of allKepProviders()) registerRuleProvider(p);

export function checkCommand(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, new Set(['strict']), new Set(['root', 'format']));
  const root = stringFlag(args, 'root');
  if (!root) throw new UsageError('--root is required');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a directory`);
  const format = stringFlag(args, 'format') ?? 'text';
  if (!['json', 'text', 'github'].includes(format)) throw new UsageError('--format must be json, text or github');
  const repo = Repository.open(root);
  const limits = args.positionals.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
  const inScope = (f: string) => limits.length === 0 || limits.some((l) => l === '' || l === '.' || f === l || f.startsWith(l + '/'));
  const diags = repositoryDiagnostics(repo, { ci: true }).filter((d) => inScope(d.file));
  out(render(diags, format));
  const failing = diags.some((d) => d.severity === 'error' || (args.flags.has('strict') && d.severity === 'warning'));
  return failing ? 1 : 0;
}

function render(diags: Diagnostic[], format: string): string {
  if (format === 'json') {
    return diags
      .map((d) => JSON.stringify({ file: d.file, range: d.range, severity: d.severity, code: d.code, message: d.message, ...(d.upstream ? { upstream: d.upstream } : {}) }))
      .map((l) => l + '\n')
      .join('');
  }
  if (format === 'github') {
    const level = (s: string) => (s === 'error' ? 'error' : s === 'warning' ? 'warning' : 'notice');
    return diags
      .map((d) => `::${level(d.severity)} file=${esc(d.file)},line=${d.range.start.line + 1},col=${d.range.start.character + 1},endLine=${d.range.end.line + 1},endColumn=${d.range.end.character + 1},title=${esc(d.code)}::${escData(d.message)}\n`)
      .join('');
  }
  const lines = diags.map((d) => `${d.file}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.severity} ${d.code}: ${d.message}`);
  const count = (s: string) => diags.filter((d) => d.severity === s).length;
  lines.push(`${count('error')} errors, ${count('warning')} warnings, ${count('information') + count('hint')} notes`);
  return lines.join('\n') + '\n';
}

function esc(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A').replace(/:/g, '%3A').replace(/,/g, '%2C');
}
function escData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}
