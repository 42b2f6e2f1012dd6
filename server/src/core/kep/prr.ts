/**
 * kepval ValidatePRR (pkg/kepval/approval.go + api/approval.go): when `status` is exactly implementable/implemented
 * and ParseTolerant(latest-milestone) ≥ 1.21.0, the PRR file keps/prod-readiness/<owning-sig>/<kep-number>.yaml (raw
 * strings, joined and cleaned like filepath.Join) must exist, strict-decode, validate, hold a non-null entry for the
 * KEP's current stage, and that entry's approver (one leading `@` stripped) must be a PRR approver, case-sensitively.
 */
import type { Diagnostic, Fix, Range } from '../diagnostics';
import { goClean } from '../gopath';
import type { RepoSnapshot } from '../snapshot';
import { asStruct, didYouMean, field, fieldString, makeDiagnostic, UPSTREAM } from './diag';
import type { GoStruct } from './goDecode';
import { PRR_DIR } from './kepFiles';
import { MILESTONE_KEYS, VALID_STAGES } from './kepTypes';
import { documentStart, strictProblemDiagnostic, type KepFile } from './kepYaml';
import { compareSemVer, parseTolerant, PRR_REQUIRED_FROM } from './semver';
import { nodeRange, type StrictFile } from './strictFile';

export type PrrRequirement =
  | { required: false; reason: 'status' | 'old-milestone' }
  | { required: true; path: string | undefined }
  | { required: 'error' };

export interface PrrContext {
  snapshot: RepoSnapshot;
  /** Reads a PRR file (memoized by the caller's run). */
  readPrr(path: string): StrictFile | undefined;
  approvers: readonly string[];
  approversFromWorkspace: boolean;
}

/** The PRR file path kepval opens for a KEP; undefined when the cleaned path leaves the repository. */
export function prrPathFor(owningSig: string, kepNumber: string): string | undefined {
  const p = goClean(`${PRR_DIR}/${owningSig}/${kepNumber}.yaml`);
  if (p === '..' || p.startsWith('../') || p.startsWith('/')) return undefined;
  return p;
}

export function isPrrStatus(status: string): boolean {
  return status === 'implementable' || status === 'implemented';
}

/** Runs ValidatePRR for a KEP whose Parse step succeeded. Returns CI errors (in kep.yaml and in the PRR file). */
export function prrDiagnostics(kep: KepFile, ctx: PrrContext): { diagnostics: Diagnostic[]; requirement: PrrRequirement } {
  const out: Diagnostic[] = [];
  const p = kep.proposal!;
  const status = fieldString(p, 'status');
  if (!isPrrStatus(status)) return { diagnostics: out, requirement: { required: false, reason: 'status' } };
  const statusRange = rangeOfValue(kep, p, 'status');
  const latest = fieldString(p, 'latest-milestone');
  const stage = fieldString(p, 'stage');
  if (latest === '') {
    out.push(missingField(kep, p, 'latest-milestone', status));
    return { diagnostics: out, requirement: { required: 'error' } };
  }
  if (stage === '') {
    out.push(missingField(kep, p, 'stage', status));
    return { diagnostics: out, requirement: { required: 'error' } };
  }
  const v = parseTolerant(latest);
  if (!v.ok) {
    out.push(
      makeDiagnostic(kep.path, rangeOfValue(kep, p, 'latest-milestone'), 'error', 'kep/latest-milestone-invalid',
        `\`latest-milestone\` "${latest}" is not a version kepval can read (semver ParseTolerant: ${v.error}). Use the form "v1.NN".`,
        { upstream: UPSTREAM.prr, fixes: milestoneFixes(kep, p, latest) }),
    );
    return { diagnostics: out, requirement: { required: 'error' } };
  }
  if (compareSemVer(v.version, PRR_REQUIRED_FROM) < 0) return { diagnostics: out, requirement: { required: false, reason: 'old-milestone' } };

  const owningSig = fieldString(p, 'owning-sig');
  const number = fieldString(p, 'kep-number');
  const prrPath = prrPathFor(owningSig, number);
  const prr = prrPath !== undefined ? ctx.readPrr(prrPath) : undefined;
  if (prrPath === undefined || prr === undefined) {
    const exists = prrPath !== undefined && ctx.snapshot.files.has(prrPath);
    const fixes: Fix[] = [];
    if (prrPath !== undefined && !exists && !isDirectory(ctx.snapshot, prrPath)) {
      fixes.push({
        title: `Create ${prrPath}`,
        edits: [],
        createFiles: [{ file: prrPath, content: prrSkeleton(number, stage) }],
        isPreferred: true,
      });
    }
    out.push(
      makeDiagnostic(kep.path, statusRange, 'error', 'kep/prr-missing',
        exists
          ? `The PRR approval file ${prrPath} cannot be read.`
          : `This KEP needs a production readiness approval (status ${status}, latest-milestone ${latest} ≥ v1.21), but ${prrPath ?? `keps/prod-readiness/${owningSig}/${number}.yaml`} does not exist. kepval looks it up from the raw owning-sig and kep-number.`,
        { upstream: UPSTREAM.prr, fixes, data: { prrPath } }),
    );
    return { diagnostics: out, requirement: { required: true, path: prrPath } };
  }

  if (prr.problems.length) {
    for (const pr of prr.problems) out.push(strictProblemDiagnostic(prrPath, pr, 'prr'));
    return { diagnostics: out, requirement: { required: true, path: prrPath } };
  }
  const approval = asStruct(prr.value ?? undefined);
  const validation = validatePrrStruct(prrPath, prr, approval);
  if (validation.length) {
    out.push(...validation);
    return { diagnostics: out, requirement: { required: true, path: prrPath } };
  }

  // ApproverForStage(kep.stage)
  if (!(VALID_STAGES as readonly string[]).includes(stage)) {
    out.push(invalidStage(kep, p, stage, 'ci'));
    return { diagnostics: out, requirement: { required: true, path: prrPath } };
  }
  const populated = MILESTONE_KEYS.filter((k) => entryOf(approval, k) !== null);
  const entry = entryOf(approval, stage);
  if (populated.length === 0 || entry === null) {
    const msg = populated.length === 0
      ? `The PRR file ${prrPath} has no stage entry at all; kepval needs a \`${stage}:\` entry with an approver for the KEP's current stage.`
      : `The PRR file ${prrPath} has no \`${stage}:\` entry, but the KEP's stage is ${stage} (it has: ${populated.join(', ')}). kepval only looks at the current stage.`;
    out.push(
      makeDiagnostic(kep.path, rangeOfValue(kep, p, 'stage'), 'error', 'kep/prr-stage-missing', msg, {
        upstream: UPSTREAM.prr,
        fixes: [addStageFix(prrPath, prr, stage)],
        data: { prrPath, stage },
      }),
    );
    return { diagnostics: out, requirement: { required: true, path: prrPath } };
  }
  const approverField = field(entry, 'approver')!;
  const raw = fieldString(entry, 'approver');
  const approver = raw.startsWith('@') ? raw.slice(1) : raw;
  if (!ctx.approvers.includes(approver)) {
    const fixes: Fix[] = [];
    const range = nodeRange(prr, approverField.node);
    const sameCase = ctx.approvers.find((a) => a.toLowerCase() === approver.toLowerCase());
    const suggestions = sameCase ? [sameCase] : didYouMean(approver, ctx.approvers);
    suggestions.forEach((s, i) => fixes.push({ title: `Change approver to @${s}`, edits: [{ range, newText: `"@${s}"`, file: prrPath }], isPreferred: i === 0 }));
    const caseNote = sameCase ? ` The comparison is case-sensitive: write "${sameCase}".` : '';
    out.push(
      makeDiagnostic(prrPath, range, 'error', 'kep/prr-approver',
        `"${approver}" is not a PRR approver.${caseNote} Approvers${ctx.approversFromWorkspace ? ' (OWNERS_ALIASES prod-readiness-approvers and -emeritus)' : ' (built-in list; kepval reads master OWNERS_ALIASES)'}: ${ctx.approvers.join(', ')}.`,
        { upstream: UPSTREAM.prr, fixes, data: { approvers: [...ctx.approvers] } }),
    );
  }
  return { diagnostics: out, requirement: { required: true, path: prrPath } };
}

/** go-playground validation of api.PRRApproval: kep-number, and `approver` inside every non-null stage entry. */
function validatePrrStruct(prrPath: string, prr: StrictFile, approval: GoStruct | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (!approval) return out;
  if (fieldString(approval, 'kep-number') === '') {
    const f = field(approval, 'kep-number');
    out.push(makeDiagnostic(prrPath, f ? nodeRange(prr, f.key) : documentStart(prr), 'error', 'kep/prr-invalid',
      'PRR file: `kep-number` is required (PRRApproval.Number, \'required\').', { upstream: UPSTREAM.prr }));
  }
  for (const k of MILESTONE_KEYS) {
    const e = entryOf(approval, k);
    if (e && fieldString(e, 'approver') === '') {
      const f = field(approval, k)!;
      const af = field(e, 'approver');
      out.push(makeDiagnostic(prrPath, nodeRange(prr, af ? af.key : f.key), 'error', 'kep/prr-invalid',
        `PRR file: \`${k}\` needs a non-empty \`approver\` (PRRMilestone.Approver, 'required').`, { upstream: UPSTREAM.prr }));
    }
  }
  return out;
}

/** A stage entry: the decoded struct, or null when absent or null (a nil *PRRMilestone). */
function entryOf(approval: GoStruct | undefined, key: string): GoStruct | null {
  const v = approval?.fields.get(key)?.value;
  return asStruct(v ?? undefined) ?? null;
}

/**
 * An invalid `stage`: 'ci' when ValidatePRR fails on it; 'later' when the KEP is implementable/implemented but CI
 * stopped earlier (PRR not required yet, or an earlier PRR error); 'kepctl' when only `kepctl create` checks it.
 */
export function invalidStage(kep: KepFile, p: GoStruct, stage: string, when: 'ci' | 'later' | 'kepctl'): Diagnostic {
  const ci = when === 'ci';
  const range = rangeOfValue(kep, p, 'stage');
  const suggestions = didYouMean(stage, VALID_STAGES);
  const fixes: Fix[] = suggestions.map((s, i) => ({ title: `Change stage to ${s}`, edits: [{ range, newText: s }], isPreferred: i === 0 }));
  const why = ci
    ? ' kepval fails here because this KEP needs a PRR approval for its stage.'
    : when === 'later'
      ? ' CI does not get to the stage yet (it checks it only after finding a valid PRR approval file, from latest-milestone v1.21 on), but fails on it then.'
      : ' (CI does not check this here; `kepctl create` does.)';
  return makeDiagnostic(kep.path, range, ci ? 'error' : 'warning', 'kep/invalid-stage',
    `Invalid stage "${stage}": use one of ${VALID_STAGES.join(', ')}.${why}`,
    { upstream: ci ? UPSTREAM.prr : UPSTREAM.kepctlCreate, fixes });
}

function missingField(kep: KepFile, p: GoStruct, key: 'latest-milestone' | 'stage', status: string): Diagnostic {
  const f = field(p, key);
  return makeDiagnostic(kep.path, f ? nodeRange(kep, f.key) : rangeOfValue(kep, p, 'status'), 'error', 'kep/required-field',
    `\`${key}\` is required when status is ${status}: kepval needs it to decide whether a PRR approval is required.`,
    { upstream: UPSTREAM.prr, data: { key } });
}

function milestoneFixes(kep: KepFile, p: GoStruct, latest: string): Fix[] {
  const m = /^\s*[vV]?\s*(\d+)\.(\d+)/.exec(latest);
  if (!m) return [];
  const f = field(p, 'latest-milestone')!;
  return [{ title: `Change to "v${Number(m[1])}.${Number(m[2])}"`, edits: [{ range: nodeRange(kep, f.node), newText: `"v${Number(m[1])}.${Number(m[2])}"` }], isPreferred: true }];
}

/** The value's range, or the key's when the value is empty, or the document start when the key is absent. */
export function rangeOfValue(kep: StrictFile, p: GoStruct, key: string): Range {
  const f = field(p, key);
  if (!f) return documentStart(kep);
  const n = f.node;
  return n.range[1] > n.range[0] ? nodeRange(kep, n) : nodeRange(kep, f.key);
}

function isDirectory(snapshot: RepoSnapshot, path: string): boolean {
  for (const f of snapshot.files) if (f.startsWith(path + '/')) return true;
  return false;
}

function prrSkeleton(number: string, stage: string): string {
  const s = (VALID_STAGES as readonly string[]).includes(stage) ? stage : 'alpha';
  return `kep-number: ${number}\n${s}:\n  approver: "@"\n`;
}

function addStageFix(prrPath: string, prr: StrictFile, stage: string): Fix {
  const end = prr.lines.position(prr.text.length);
  const needsNewline = prr.text.length > 0 && !prr.text.endsWith('\n');
  return {
    title: `Add a \`${stage}:\` entry to ${prrPath}`,
    edits: [{ file: prrPath, range: { start: end, end }, newText: `${needsNewline ? '\n' : ''}${stage}:\n  approver: "@"\n` }],
    isPreferred: true,
  };
}
