/**
 * PRR file checks that CI does not make (kep.md §7.12): orphan files, `kep-number` ≠ file name, missing entries for
 * earlier stages, and decoding problems in files CI never reads. Warnings/Information only; the CI errors for PRR
 * files come from ValidatePRR (prr.ts) through the KEP that needs the file.
 */
import { ZERO_RANGE, type Diagnostic } from '../diagnostics';
import { basename } from '../snapshot';
import type { KepRun } from './context';
import { asStruct, field, fieldString, makeDiagnostic } from './diag';
import { isPrrTemplate } from './kepFiles';
import type { KepFile } from './kepYaml';
import { strictProblemDiagnostic } from './kepYaml';
import { isPrrStatus, prrPathFor } from './prr';
import { compareSemVer, parseTolerant, PRR_REQUIRED_FROM } from './semver';
import { nodeRange } from './strictFile';
import { documentStart } from './kepYaml';

const FEATURE_STAGES = ['alpha', 'beta', 'stable'];

export function prrFileLints(run: KepRun, path: string): Diagnostic[] {
  const prr = run.prr(path);
  if (!prr) return [];
  const out: Diagnostic[] = [];
  const number = basename(path).slice(0, -'.yaml'.length);
  const owners = run.kepsWithNumber(number).filter((k) => pointsAt(k, path));
  // The PRR template is a placeholder nobody points at; kepval never parses it, so nothing here is worth a warning.
  if (owners.length === 0 && isPrrTemplate(path)) return [];
  const ciReads = owners.some((k) => ciRequiresPrr(run, k));
  if (prr.problems.length && !ciReads) {
    for (const p of prr.problems) {
      const d = strictProblemDiagnostic(path, p, 'prr');
      out.push({ ...d, severity: 'warning', upstream: undefined, message: d.message + ' (CI does not read this file today, but will once its KEP needs a PRR approval.)' });
    }
  }
  const approval = asStruct(prr.value ?? undefined);
  if (owners.length === 0) {
    const sameNumber = run.kepsWithNumber(number);
    const hint = sameNumber.length
      ? ` KEP ${sameNumber[0].dir} has this number but owning-sig ${fieldString(sameNumber[0].proposal, 'owning-sig')}, so kepval looks for ${prrPathFor(fieldString(sameNumber[0].proposal, 'owning-sig'), number)}.`
      : '';
    out.push(makeDiagnostic(path, approval && field(approval, 'kep-number') ? nodeRange(prr, field(approval, 'kep-number')!.key) : ZERO_RANGE, 'warning', 'kep/prr-orphan',
      `No KEP uses this PRR file: kepval reads keps/prod-readiness/<owning-sig>/<kep-number>.yaml.${hint}`));
  }
  if (approval) {
    const f = field(approval, 'kep-number');
    const n = fieldString(approval, 'kep-number');
    if (f && n !== '' && n !== number) {
      out.push(makeDiagnostic(path, nodeRange(prr, f.node), 'warning', 'kep/prr-number-mismatch',
        `kep-number ${n} does not match the file name ${basename(path)}; kepval finds PRR files by name.`,
        { fixes: [{ title: `Change kep-number to ${number}`, edits: [{ range: nodeRange(prr, f.node), newText: /^[0-9]+$/.test(number) ? number : `"${number}"` }] }] }));
    }
    for (const k of owners) {
      const stage = k.proposal ? fieldString(k.proposal, 'stage') : '';
      const idx = FEATURE_STAGES.indexOf(stage);
      if (idx <= 0 || !isPrrStatus(fieldString(k.proposal, 'status'))) continue;
      const missing = FEATURE_STAGES.slice(0, idx).filter((s) => !asStruct(approval.fields.get(s)?.value ?? undefined));
      if (missing.length) {
        out.push(makeDiagnostic(path, documentStart(prr), 'information', 'kep/prr-earlier-stage',
          `The PRR file has no entry for the earlier stage(s) ${missing.join(', ')} of ${k.dir}; only the current stage (${stage}) is checked by CI.`));
      }
    }
  }
  return out;
}

function pointsAt(k: KepFile, path: string): boolean {
  if (!k.proposal) return false;
  return prrPathFor(fieldString(k.proposal, 'owning-sig'), fieldString(k.proposal, 'kep-number')) === path;
}

/** Whether ValidatePRR reads this KEP's PRR file (status implementable/implemented and latest-milestone ≥ 1.21). */
function ciRequiresPrr(run: KepRun, k: KepFile): boolean {
  if (!k.parsedOk || !run.validated.has(k.path)) return false;
  const p = k.proposal!;
  if (!isPrrStatus(fieldString(p, 'status')) || fieldString(p, 'stage') === '') return false;
  const v = parseTolerant(fieldString(p, 'latest-milestone'));
  return v.ok && compareSemVer(v.version, PRR_REQUIRED_FROM) >= 0;
}
