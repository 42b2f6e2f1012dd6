/**
 * KEP validation for kubernetes/enhancements: Errors exactly where upstream CI fails (kepval repo.Validate incl.
 * ValidatePRR, and the SIG Node approver checks), plus Warnings/Information for what CI lets through (kep.md §7).
 *
 * `kepDiagnostics` checks the whole tree; `kepDiagnosticsForFile` re-checks what concerns one file (for typing).
 */
import { compareDiagnostics, ZERO_RANGE, type Diagnostic } from '../diagnostics';
import { basename, dirname, type RepoSnapshot } from '../snapshot';
import { KepRun, type KepOptions } from './context';
import { makeDiagnostic, UPSTREAM } from './diag';
import { hasKepTree, KEPS_DIR, missingLayout, PRR_DIR } from './kepFiles';
import { crossKepLints, kepLints } from './kepLints';
import { prrDiagnostics, prrPathFor } from './prr';
import { prrFileLints } from './prrLints';
import { missingReadme, readmeDiagnostics } from './readmeRules';
import { sigNodeDiagnostics } from './sigNode';

export type { KepOptions } from './context';

export function kepDiagnostics(snapshot: RepoSnapshot, options: KepOptions = {}): Diagnostic[] {
  if (!hasKepTree(snapshot)) return [];
  const run = new KepRun(snapshot, options);
  const out: Diagnostic[] = [];
  out.push(...layoutDiagnostics(run));
  const all = run.indexAll();
  for (const path of run.layout.allKepYamls) out.push(...kepYamlUnit(run, path, run.validated.has(path)));
  out.push(...crossKepLints(run, all));
  for (const prr of run.layout.prrFiles) out.push(...prrFileLints(run, prr));
  for (const md of run.layout.readmes) out.push(...readmeDiagnostics(run, md));
  return dedupe(out).sort(compareDiagnostics);
}

/** Diagnostics located in `path`, computed from the checks that concern it (same results as the whole-tree run). */
export function kepDiagnosticsForFile(snapshot: RepoSnapshot, path: string, options: KepOptions = {}): Diagnostic[] {
  if (!path.startsWith(KEPS_DIR + '/') || !hasKepTree(snapshot)) return [];
  const run = new KepRun(snapshot, options);
  const out: Diagnostic[] = [];
  const validated = new Set(run.layout.kepYamls);
  if (basename(path) === 'kep.yaml') {
    out.push(...kepYamlUnit(run, path, validated.has(path)));
    const self = run.kep(path);
    if (self) out.push(...crossKepLints(run, [self]));
  } else if (path.startsWith(PRR_DIR + '/') && path.endsWith('.yaml')) {
    // CI errors located in a PRR file come from the KEPs that point at it.
    const number = basename(path).slice(0, -'.yaml'.length);
    for (const k of run.kepsMentioning(number)) {
      if (!validated.has(k.path) || !k.parsedOk) continue;
      const p = k.proposal!;
      const owning = p.fields.get('owning-sig')?.value;
      const num = p.fields.get('kep-number')?.value;
      if (typeof owning === 'string' && typeof num === 'string' && prrPathFor(owning, num) === path) {
        out.push(...kepYamlUnit(run, k.path, true));
      }
    }
    out.push(...prrFileLints(run, path));
  } else if (path.toLowerCase().endsWith('.md')) {
    out.push(...layoutDiagnostics(run));
    out.push(...readmeDiagnostics(run, path));
  }
  return dedupe(out.filter((d) => d.file === path)).sort(compareDiagnostics);
}

/** Everything about one kep.yaml: CI errors (when repo.Validate reaches it), SIG Node checks, lints. */
function kepYamlUnit(run: KepRun, path: string, validated: boolean): Diagnostic[] {
  const kep = run.kep(path);
  if (!kep) {
    return validated
      ? [makeDiagnostic(path, ZERO_RANGE, 'error', 'kep/unreadable', 'kep.yaml cannot be read as text; kepval aborts on read errors.', { upstream: UPSTREAM.parse })]
      : [];
  }
  const out: Diagnostic[] = [];
  let ciStageReported = false;
  if (validated) {
    out.push(...kep.parseDiagnostics);
    if (kep.parsedOk) {
      const prr = prrDiagnostics(kep, { snapshot: run.snapshot, readPrr: (x) => run.prr(x), approvers: run.prrApprovers, approversFromWorkspace: run.prrApproversFromWorkspace }).diagnostics;
      ciStageReported = prr.some((d) => d.code === 'kep/invalid-stage' || (d.code === 'kep/required-field' && d.data?.key === 'stage'));
      out.push(...prr);
    }
  } else {
    out.push(
      makeDiagnostic(path, ZERO_RANGE, 'warning', 'kep/unvalidated-kep',
        unvalidatedReason(path), { data: { reason: 'walk' } }),
    );
  }
  out.push(...missingReadme(run, path));
  out.push(...sigNodeDiagnostics(run, kep));
  out.push(...kepLints(run, kep, { validated, stageReported: ciStageReported }));
  return out;
}

function unvalidatedReason(path: string): string {
  const parts = path.split('/');
  if (parts.includes('prod-readiness')) return 'This kep.yaml is inside a `prod-readiness` directory, which kepval skips: it is never validated.';
  return 'kepval never validates this kep.yaml: its directory sorts after a `kep.yaml` in a parent KEP directory, and the walk skips the rest of that directory.';
}

function layoutDiagnostics(run: KepRun): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const missing of missingLayout(run.snapshot)) {
    out.push(makeDiagnostic(missing.replace(/\/$/, '') + (missing.endsWith('/') ? '/.gitkeep' : ''), ZERO_RANGE, 'error', 'kep/repo-layout',
      `kepval needs ${missing} to exist before it validates anything.`, { upstream: UPSTREAM.newRepo, data: { missing } }));
  }
  if (run.layout.kepYamls.length === 0) {
    out.push(makeDiagnostic('keps/README.md', ZERO_RANGE, 'error', 'kep/no-keps', 'kepval found no kep.yaml under keps/ and fails ("must find more than zero KEPs").', { upstream: UPSTREAM.walk }));
  }
  for (const readme of run.layout.readmesWithoutKep) {
    const dir = dirname(readme);
    out.push(
      makeDiagnostic(readme, ZERO_RANGE, 'error', 'kep/readme-without-kep-yaml',
        `This README.md has no kep.yaml beside it; kepval fails with "metadata file missing for KEP: ${dir}/kep.yaml". Every directory under keps/ with a README.md must be a KEP (or rename the file).`,
        {
          upstream: UPSTREAM.walk,
          fixes: [{ title: `Create ${dir}/kep.yaml`, edits: [], createFiles: [{ file: `${dir}/kep.yaml`, content: kepYamlSkeleton(dir) }] }],
        }),
    );
  }
  for (const d of run.layout.strayProdReadinessDirs) {
    const first = [...run.snapshot.files].find((f) => f.startsWith(d + '/'));
    if (first) out.push(makeDiagnostic(first, ZERO_RANGE, 'warning', 'kep/skipped-dir', `kepval skips every directory named \`prod-readiness\`; nothing under ${d} is validated.`));
  }
  return out;
}

function kepYamlSkeleton(dir: string): string {
  const parts = dir.split('/');
  const sig = parts[1] ?? 'sig-xyz';
  const m = /^(\d+)-/.exec(parts[parts.length - 1] ?? '');
  return [
    'title: ',
    `kep-number: ${m ? m[1] : 'NNNN'}`,
    'authors:',
    '  - "@"',
    `owning-sig: ${sig}`,
    'status: provisional',
    'approvers:',
    '  - "@"',
    '',
  ].join('\n');
}

function dedupe(diags: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const key = `${d.file}|${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character}|${d.code}|${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
