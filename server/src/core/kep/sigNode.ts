/**
 * pkg/nodeapprovers, run by hack/verify-node-approvers.sh (blocking):
 * - VerifyAll: every kep.yaml under keps/ (nothing skipped), read as a plain yaml.v3 node tree: reviewers/approvers
 *   items whose line comment is exactly `sig-node-assigned-reviewer` / `-approver` must be listed in the OWNERS file
 *   beside kep.yaml, and every OWNERS reviewer/approver must carry that marker in kep.yaml.
 * - VerifyAllTechLeadApprovers: kep.yaml under keps/sig-node/: an actively-alpha KEP (stage alpha, latest-milestone
 *   minor ≥ upcoming) needs a sig-node-tech-leads approver and no marked approver; others need a tech lead or a marked
 *   approver. Skipped for withdrawn/rejected/replaced and latest-milestone minor < 36.
 */
import type { Diagnostic, Fix, Range } from '../diagnostics';
import { LineIndex } from '../text';
import type { KepRun } from './context';
import { makeDiagnostic, UPSTREAM } from './diag';
import { decodeV3, type GoType } from './goDecode';
import { parseV3, type V3Node, type V3Scalar } from './goYamlV3';
import type { KepFile } from './kepYaml';
import { markerOf, normalizeNodeUser } from './nodeUsers';

const REVIEWER_MARKER = 'sig-node-assigned-reviewer';
const APPROVER_MARKER = 'sig-node-assigned-approver';
const MIN_ENFORCED_MINOR = 36;
const TECH_LEADS_ALIAS = 'sig-node-tech-leads';

const OWNERS_TYPE: GoType = {
  kind: 'struct',
  goName: 'nodeapprovers.ownersFile',
  fields: {
    reviewers: { kind: 'slice', elem: { kind: 'string' }, goName: '[]string' },
    approvers: { kind: 'slice', elem: { kind: 'string' }, goName: '[]string' },
  },
};

interface Entry {
  node: V3Scalar;
  user: string;
  marker: string;
}

interface RawKep {
  lines: LineIndex;
  root: V3Node | null;
  text: string;
}

export function sigNodeDiagnostics(run: KepRun, kep: KepFile): Diagnostic[] {
  // yaml.Unmarshal reads the raw file; when the `---` split changed nothing, that is the tree already parsed.
  // (A missing final newline changes no offset and none of the values read here.)
  const same = kep.scanned.yaml === kep.text || kep.scanned.yaml === kep.text + '\n';
  const raw = same && kep.root !== undefined ? { lines: kep.lines, root: kep.root, text: kep.text } : parseRaw(kep.text);
  const out: Diagnostic[] = [];
  if ('error' in raw) {
    // yaml.Unmarshal of the whole file fails: both node tests abort. Report it unless repo.Validate already did.
    if (!kep.parseDiagnostics.some((d) => d.code === 'kep/yaml-syntax')) {
      out.push(makeDiagnostic(kep.path, raw.range, 'error', 'kep/yaml-syntax', `YAML syntax error (the SIG Node checks read the whole file): ${raw.error}.`, { upstream: UPSTREAM.nodeMarkers }));
    }
    return out;
  }
  out.push(...markerDiagnostics(run, kep, raw));
  if (kep.path.startsWith('keps/sig-node/')) out.push(...techLeadDiagnostics(run, kep, raw));
  return out;
}

function parseRaw(text: string): RawKep | { error: string; range: Range } {
  const lines = new LineIndex(text);
  const doc = parseV3(text);
  if (doc.syntaxError) return { error: doc.syntaxError.message, range: lines.range(doc.syntaxError.range[0], doc.syntaxError.range[1]) };
  return { lines, root: doc.root, text };
}

/** nodeapprovers mappingValue(): the first pair whose key text equals `key`. */
function mappingValue(root: V3Node | null, key: string): { key: V3Node; value: V3Node } | undefined {
  if (!root || root.kind !== 'map') return undefined;
  return root.pairs.find((p) => (p.key.kind === 'scalar' ? p.key.value : p.key.kind === 'alias' ? p.key.name : '') === key);
}

/** The yaml.v3 line comment of a scalar: a `#` comment on the same line right after it. */
function lineComment(raw: RawKep, n: V3Node): string {
  let i = n.range[1];
  const t = raw.text;
  while (i < t.length && (t[i] === ' ' || t[i] === '\t')) i++;
  if (t[i] !== '#') return '';
  let e = i;
  while (e < t.length && t[e] !== '\n' && t[e] !== '\r') e++;
  return t.slice(i, e);
}

function entries(raw: RawKep, key: string): { pair?: { key: V3Node; value: V3Node }; items: Entry[] } {
  const pair = mappingValue(raw.root, key);
  if (!pair || pair.value.kind !== 'seq') return { pair, items: [] };
  const items: Entry[] = [];
  for (const item of pair.value.items) {
    if (item.kind !== 'scalar') continue;
    items.push({ node: item, user: normalizeNodeUser(item.value), marker: markerOf(lineComment(raw, item)) });
  }
  return { pair, items };
}

function markerDiagnostics(run: KepRun, kep: KepFile, raw: RawKep): Diagnostic[] {
  const out: Diagnostic[] = [];
  const reviewers = entries(raw, 'reviewers');
  const approvers = entries(raw, 'approvers');
  const assignedReviewers = reviewers.items.filter((e) => e.marker === REVIEWER_MARKER);
  const assignedApprovers = approvers.items.filter((e) => e.marker === APPROVER_MARKER);
  const ownersPath = `${kep.dir}/OWNERS`;
  const range = (n: V3Node) => raw.lines.range(n.range[0], n.range[1]);
  if (!run.snapshot.files.has(ownersPath)) {
    for (const [role, list] of [['reviewer', assignedReviewers], ['approver', assignedApprovers]] as const) {
      for (const e of list) {
        out.push(makeDiagnostic(kep.path, range(e.node), 'error', 'kep/sig-node-marker',
          `"${e.user}" is marked as SIG Node assigned ${role}, but there is no OWNERS file in this KEP directory to list them.`,
          { upstream: UPSTREAM.nodeMarkers, data: { role, user: e.user } }));
      }
    }
    return out;
  }
  const ownersText = run.snapshot.text(ownersPath);
  const owners = ownersText === undefined ? undefined : readOwners(ownersText);
  if (!owners || 'error' in owners) {
    out.push(makeDiagnostic(ownersPath, owners && 'error' in owners ? owners.range : { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, 'error', 'kep/sig-node-owners',
      `The SIG Node checks cannot read this OWNERS file${owners && 'error' in owners ? `: ${owners.error}` : ''}.`, { upstream: UPSTREAM.nodeMarkers }));
    return out;
  }
  const roles = [
    { role: 'reviewer', marker: REVIEWER_MARKER, assigned: assignedReviewers, kepList: reviewers, ownersList: owners.reviewers, key: 'reviewers' },
    { role: 'approver', marker: APPROVER_MARKER, assigned: assignedApprovers, kepList: approvers, ownersList: owners.approvers, key: 'approvers' },
  ];
  for (const r of roles) {
    const ownersNorm = r.ownersList.map(normalizeNodeUser);
    for (const e of r.assigned) {
      if (!ownersNorm.includes(e.user)) {
        out.push(makeDiagnostic(kep.path, range(e.node), 'error', 'kep/sig-node-marker',
          `"${e.user}" is marked as SIG Node assigned ${r.role}, but ${ownersPath} does not list them under ${r.key}.`,
          { upstream: UPSTREAM.nodeMarkers, data: { role: r.role, user: e.user } }));
      }
    }
    const assignedNorm = new Set(r.assigned.map((e) => e.user));
    for (const u of ownersNorm) {
      if (assignedNorm.has(u)) continue;
      const listed = r.kepList.items.find((e) => e.user === u);
      const fixes: Fix[] = [];
      if (listed) {
        const end = raw.lines.position(listed.node.range[1]);
        const hasComment = lineComment(raw, listed.node) !== '';
        if (!hasComment) fixes.push({ title: `Mark as # ${r.marker}`, edits: [{ range: { start: end, end }, newText: ` # ${r.marker}` }], isPreferred: true });
      }
      const where = listed ? range(listed.node) : r.kepList.pair ? range(r.kepList.pair.key) : kepStart(raw);
      out.push(makeDiagnostic(kep.path, where, 'error', 'kep/sig-node-marker',
        `"${u}" is listed under ${r.key} in ${ownersPath}, so kep.yaml must list them under ${r.key} with the line comment \`# ${r.marker}\`${listed ? ' (the comment must be exactly that, on this line)' : ''}.`,
        { upstream: UPSTREAM.nodeMarkers, fixes, data: { role: r.role, user: u } }));
    }
  }
  return out;
}

function readOwners(text: string): { reviewers: string[]; approvers: string[] } | { error: string; range: Range } {
  const lines = new LineIndex(text);
  const doc = parseV3(text);
  if (doc.syntaxError) return { error: doc.syntaxError.message, range: lines.range(doc.syntaxError.range[0], doc.syntaxError.range[1]) };
  if (!doc.root) return { reviewers: [], approvers: [] };
  const r = decodeV3(doc.root, OWNERS_TYPE, false);
  if (r.fatal) return { error: r.fatal.message, range: lines.range(r.fatal.node.range[0], r.fatal.node.range[1]) };
  if (r.issues.length) {
    const i = r.issues[0];
    return { error: i.kind === 'duplicate-key' ? `duplicate key ${i.found}` : `cannot decode ${i.found} into ${i.goType}`, range: lines.range(i.node.range[0], i.node.range[1]) };
  }
  const v = r.value;
  const get = (k: string) => {
    if (!v || typeof v !== 'object' || Array.isArray(v) || v.kind !== 'struct') return [];
    const x = v.fields.get(k)?.value;
    return Array.isArray(x) ? (x as string[]) : [];
  };
  return { reviewers: get('reviewers'), approvers: get('approvers') };
}

/** nodeapprovers parseMilestoneMinor: trim quotes, spaces and one `v`, then Atoi of the second dot part (else 0). */
export function milestoneMinor(milestone: string): number {
  let m = milestone.replace(/^"+|"+$/g, '');
  m = m.replace(/^[\t\n\v\f\r \u0085\u00a0]+|[\t\n\v\f\r \u0085\u00a0]+$/g, '');
  if (m.startsWith('v')) m = m.slice(1);
  const parts = m.split('.');
  if (parts.length < 2) return 0;
  const second = parts.length > 2 ? parts[1] : parts.slice(1).join('.');
  if (!/^[+-]?[0-9]+$/.test(second)) return 0;
  const n = Number(second);
  return Number.isSafeInteger(n) ? n : 0;
}

function scalarText(raw: RawKep, key: string): string {
  const p = mappingValue(raw.root, key);
  return p && p.value.kind === 'scalar' ? p.value.value.trim() : '';
}

function techLeadDiagnostics(run: KepRun, kep: KepFile, raw: RawKep): Diagnostic[] {
  if (run.techLeadsError !== undefined) return [techLeadsUnavailable(run.techLeadsError, kep, raw)];
  const status = scalarText(raw, 'status');
  if (status === 'withdrawn' || status === 'rejected' || status === 'replaced') return [];
  const latest = scalarText(raw, 'latest-milestone');
  const minor = milestoneMinor(latest);
  if (minor < MIN_ENFORCED_MINOR) return [];
  const stage = scalarText(raw, 'stage');
  const approvers = entries(raw, 'approvers');
  const items = approvers.items;
  const where = approvers.pair ? raw.lines.range(approvers.pair.key.range[0], approvers.pair.key.range[1]) : kepStart(raw);
  const leads = [...run.techLeads].sort().join(', ');
  if (items.length === 0) {
    return [makeDiagnostic(kep.path, where, 'error', 'kep/sig-node-tech-lead', 'SIG Node KEPs targeting v1.36 or later must list approvers; none are listed.', { upstream: UPSTREAM.nodeTechLeads })];
  }
  const hasLead = items.some((e) => run.techLeads.has(e.user));
  const hasMarked = items.some((e) => e.marker === APPROVER_MARKER);
  const aliasNote = items.some((e) => e.user === TECH_LEADS_ALIAS) ? ' Listing the alias @sig-node-tech-leads does not count: name a person.' : '';
  const activelyAlpha = stage === 'alpha' && minor >= run.upcomingMinor;
  const out: Diagnostic[] = [];
  if (activelyAlpha) {
    if (!hasLead) {
      out.push(makeDiagnostic(kep.path, where, 'error', 'kep/sig-node-tech-lead',
        `An alpha SIG Node KEP for the upcoming release (v1.${minor}) must list a SIG Node tech lead as approver (${leads}).${aliasNote}`,
        { upstream: UPSTREAM.nodeTechLeads, data: { techLeads: [...run.techLeads] } }));
    }
    for (const e of items) {
      if (e.marker !== APPROVER_MARKER) continue;
      const r = raw.lines.range(e.node.range[0], e.node.range[1]);
      out.push(makeDiagnostic(kep.path, r, 'error', 'kep/sig-node-tech-lead',
        `An alpha SIG Node KEP for the upcoming release must not use the \`# ${APPROVER_MARKER}\` marker ("${e.user}").`,
        { upstream: UPSTREAM.nodeTechLeads }));
    }
    return out;
  }
  if (!hasLead && !hasMarked) {
    out.push(makeDiagnostic(kep.path, where, 'error', 'kep/sig-node-tech-lead',
      `This SIG Node KEP needs a SIG Node tech lead (${leads}) or an approver marked \`# ${APPROVER_MARKER}\` among its approvers.${aliasNote}`,
      { upstream: UPSTREAM.nodeTechLeads, data: { techLeads: [...run.techLeads] } }));
  }
  return out;
}

/**
 * VerifyAllTechLeadApprovers loads the tech leads from the root OWNERS_ALIASES before looking at any KEP; when that
 * fails, the whole check fails in CI whatever the KEPs say. Said on every KEP in its scope (keps/sig-node/**), which
 * is where an author sees it; the OWNERS_ALIASES rules stay those of Prow.
 */
function techLeadsUnavailable(why: string, kep: KepFile, raw: RawKep): Diagnostic {
  const approvers = mappingValue(raw.root, 'approvers');
  const where = approvers ? raw.lines.range(approvers.key.range[0], approvers.key.range[1]) : kepStart(raw);
  return makeDiagnostic(kep.path, where, 'error', 'kep/sig-node-tech-lead',
    `The SIG Node tech-lead check fails before looking at any KEP: ${why}. It needs that alias, with at least one member, in the repository-root OWNERS_ALIASES.`,
    { upstream: UPSTREAM.nodeTechLeads, data: { techLeadsError: why } });
}

function kepStart(raw: RawKep): Range {
  const root = raw.root;
  if (root && root.kind === 'map' && root.pairs.length) return raw.lines.range(root.pairs[0].key.range[0], root.pairs[0].key.range[1]);
  return raw.lines.lineRange(0);
}
