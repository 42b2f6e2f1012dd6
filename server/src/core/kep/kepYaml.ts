/**
 * kep.yaml as kepval's KEPHandler.Parse reads it (the `---` line quirk, yaml.v3 strict decoding, go-playground
 * `required` validation), producing the CI errors of that step. At most one stage fails, as upstream stops there.
 */
import type { Diagnostic, Fix, Range } from '../diagnostics';
import { dirname } from '../snapshot';
import { asStruct, didYouMean, field, makeDiagnostic, UPSTREAM } from './diag';
import type { GoStruct } from './goDecode';
import { MILESTONE_KEYS, PROPOSAL_KEYS, PROPOSAL_REQUIRED, PROPOSAL_TYPE } from './kepTypes';
import { nodeRange, readStrictFile, type StrictFile, type StrictProblem } from './strictFile';

export interface KepFile extends StrictFile {
  path: string;
  /** Directory of the kep.yaml (the KEP directory). */
  dir: string;
  /** The decoded proposal when the YAML parsed and decoded to a mapping (possibly with decode problems). */
  proposal?: GoStruct;
  /** True when KEPHandler.Parse succeeds: decoding and `required` validation passed. */
  parsedOk: boolean;
  /** CI errors of the Parse step. */
  parseDiagnostics: Diagnostic[];
}

export function readKepYaml(path: string, text: string): KepFile {
  const base = readStrictFile(text, PROPOSAL_TYPE, true);
  const kep: KepFile = { ...base, path, dir: dirname(path), proposal: asStruct(base.value ?? undefined), parsedOk: false, parseDiagnostics: [] };
  if (base.problems.length) {
    kep.parseDiagnostics = base.problems.map((p) => strictProblemDiagnostic(path, p, 'kep'));
    return kep;
  }
  const required = requiredDiagnostics(kep);
  kep.parseDiagnostics = required;
  kep.parsedOk = required.length === 0;
  return kep;
}

/** Diagnostic for a failed read/decode stage, in kep.yaml or a PRR file. */
export function strictProblemDiagnostic(file: string, p: StrictProblem, kind: 'kep' | 'prr', upstreamOverride?: string): Diagnostic {
  const upstream = upstreamOverride ?? (kind === 'kep' ? UPSTREAM.parse : UPSTREAM.prr);
  const code = kind === 'prr' ? 'kep/prr-invalid' : `kep/${p.kind === 'null-document' ? 'empty-document' : p.kind}`;
  const fixes: Fix[] = [];
  if (p.kind === 'unknown-key' && p.issue) fixes.push(...unknownKeyFixes(p.issue.found, p.issue.goType, p.range));
  const message = kind === 'prr' ? `PRR file: ${p.message}` : p.message;
  return makeDiagnostic(file, p.range, 'error', code, message, { upstream, fixes, data: p.issue ? { found: p.issue.found, goType: p.issue.goType } : undefined });
}

/** Well-known wrong spellings: the JSON names of `kepctl query` output and milestone synonyms. */
const KNOWN_RENAMES: Record<string, string> = {
  kepNumber: 'kep-number',
  owningSig: 'owning-sig',
  participatingSigs: 'participating-sigs',
  creationDate: 'creation-date',
  lastUpdated: 'last-updated',
  seeAlso: 'see-also',
  supersededBy: 'superseded-by',
  latestMilestone: 'latest-milestone',
  featureGates: 'feature-gates',
  disableSupported: 'disable-supported',
  prNumber: 'prnumber',
  ga: 'stable',
  GA: 'stable',
  component: 'components',
  author: 'authors',
  approver: 'approvers',
  reviewer: 'reviewers',
};

function keysOf(goType: string): readonly string[] {
  switch (goType) {
    case 'api.Proposal': return PROPOSAL_KEYS;
    case 'api.Milestone': return MILESTONE_KEYS;
    case 'api.FeatureGate': return ['name', 'components'];
    case 'api.PRRApproval': return ['kep-number', ...MILESTONE_KEYS];
    case 'api.PRRMilestone': return ['approver'];
    default: return [];
  }
}

export function unknownKeyFixes(found: string, goType: string, range: Range): Fix[] {
  const keys = keysOf(goType);
  const suggestions: string[] = [];
  const known = KNOWN_RENAMES[found];
  if (known && keys.includes(known)) suggestions.push(known);
  for (const s of didYouMean(found, keys)) if (!suggestions.includes(s)) suggestions.push(s);
  return suggestions.map((s, i) => ({ title: `Rename to \`${s}\``, edits: [{ range, newText: s }], isPreferred: i === 0 }));
}

/** go-playground `required`: non-empty strings; non-nil slices (`[]` passes, null or missing fails). */
function requiredDiagnostics(kep: KepFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const p = kep.proposal;
  if (!p) return out;
  for (const req of PROPOSAL_REQUIRED) {
    const f = field(p, req.key);
    const v = f?.value;
    const missing = req.slice ? !Array.isArray(v) : typeof v !== 'string' || v === '';
    if (!missing) continue;
    let range: Range;
    let what: string;
    if (f) {
      range = nodeRange(kep, f.key);
      what = req.slice ? `\`${req.key}\` is null; give a list (an empty list \`[]\` is accepted).` : `\`${req.key}\` is empty.`;
    } else {
      range = documentStart(kep);
      what = `\`${req.key}\` is missing.`;
    }
    out.push(
      makeDiagnostic(kep.path, range, 'error', 'kep/required-field', `Required field: ${what} kepval's struct validation (Proposal.${req.goField}, 'required') fails.`, {
        upstream: UPSTREAM.validateStruct,
        data: { key: req.key },
      }),
    );
  }
  return out;
}

/** Where to report something about the document as a whole: its first key, or the first line. */
export function documentStart(kep: StrictFile): Range {
  const root = kep.root;
  if (root && root.kind === 'map' && root.pairs.length) return nodeRange(kep, root.pairs[0].key);
  if (root) return nodeRange(kep, root);
  return kep.lines.lineRange(0);
}
