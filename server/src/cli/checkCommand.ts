/** `kube-shepherd check`: every diagnostic of a repository, for CI (JSON lines, text or GitHub annotations). */
// First import: in the TOC worker (this bundle started again) tocWorker's initialisation does the job and exits, so
// the worker never initialises the modules below (the pipeline, repository configuration schema, rule families).
import { spawnTocWorker } from './tocWorker';
import * as fs from 'node:fs';
import type { Diagnostic } from '../core/diagnostics';
import { registerRuleProvider, repositoryDiagnostics } from '../workspace/pipeline';
import { isTocChecked, primeTocDiagnostics, tocDiagnosticsOnce } from '../core/kep/tocRules';
import { allKepProviders, setKepClock, tocProvider } from '../workspace/kepProviders';
import { Repository } from '../workspace/repository';
import { parseArgs, stringFlag, UsageError } from './args';

export const CHECK_USAGE = 'kube-shepherd check --root DIR [PATH...] [--format json|text|github] [--strict] [--today YYYY-MM-DD]';

for (const p of allKepProviders()) registerRuleProvider(p);

export function checkCommand(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, new Set(['strict']), new Set(['root', 'format', 'today']));
  const root = stringFlag(args, 'root');
  if (!root) throw new UsageError('--root is required');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a directory`);
  const format = stringFlag(args, 'format') ?? 'text';
  if (!['json', 'text', 'github'].includes(format)) throw new UsageError('--format must be json, text or github');
  // The KEP date lints compare with today (the adapter's clock, UTC); --today pins it for reproducible CI output.
  const today = stringFlag(args, 'today');
  if (today !== undefined && !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(today)) throw new UsageError('--today must be YYYY-MM-DD');
  const previousClock = today !== undefined ? setKepClock(() => today) : undefined;
  // Started before the repository is read, so loading the worker overlaps with it (see tocWorker.ts).
  const tocWorker = spawnTocWorker();
  const repo = Repository.open(root);
  tocWorker?.start(repo.root, [...repo.files].filter(isTocChecked));
  const limits = args.positionals.map((p) => p.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, ''));
  const inScope = (f: string) => limits.length === 0 || limits.some((l) => l === '' || l === '.' || f === l || f.startsWith(l + '/'));
  let diags: Diagnostic[];
  try {
    const late = tocWorker ? new Set([tocProvider.name]) : undefined;
    const beforeLate = () => {
      const results = tocWorker?.results((rel) => {
        const text = repo.text(rel);
        return text === undefined ? undefined : { length: text.length, diagnostics: tocDiagnosticsOnce(rel, text) };
      });
      if (results) primeTocDiagnostics(results);
    };
    diags = repositoryDiagnostics(repo, { ci: true, late, beforeLate }).filter((d) => inScope(d.file));
  } finally {
    if (previousClock) setKepClock(previousClock);
  }
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
