/**
 * What upstream CI lets through but a KEP author wants to know (kep.md §7 items 1–14): Warnings and Information only.
 * Each rule reads the decoded proposal; nothing here makes CI fail, so nothing here is an Error.
 */
import type { Diagnostic, Fix, Range } from '../diagnostics';
import { basename } from '../snapshot';
import type { KepRun } from './context';
import { didYouMean, field, fieldString, fieldStrings, makeDiagnostic, UPSTREAM } from './diag';
import type { GoStruct } from './goDecode';
import { MILESTONE_KEYS, VALID_STAGES, VALID_STATUSES } from './kepTypes';
import { isTemplateKepDir } from './kepFiles';
import type { KepFile } from './kepYaml';
import { reciprocityLints } from './linkReciprocity';
import { invalidStage, isPrrStatus, rangeOfValue } from './prr';
import { nodeRange } from './strictFile';

const HANDLE = /^@[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const MILESTONE = /^v1\.[0-9]+$/;
const DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
const UPPER_CAMEL = /^[A-Z][A-Za-z0-9]*$/;
export const KNOWN_COMPONENTS = [
  'kube-apiserver', 'kube-controller-manager', 'kube-scheduler', 'kubelet', 'kube-proxy', 'kubectl', 'kubeadm',
  'cloud-controller-manager', 'kube-aggregator', 'etcd', 'kube-dns', 'coredns', 'client-go', 'kube-state-metrics',
];

/**
 * `ci.stageReported`: ValidatePRR itself reported the stage (empty, or invalid) as a CI Error. Upstream's order decides
 * whether it gets that far (an invalid stage only after the PRR file was found, decoded and validated); in every other
 * case a bad stage is still said here, as a Warning/Information.
 */
export function kepLints(run: KepRun, kep: KepFile, ci: { validated: boolean; stageReported: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  out.push(...dashLineLints(kep));
  const p = kep.proposal;
  if (!p || kep.problems.length) return out;
  // Template KEPs are validated by CI (their errors stay), but their placeholder values are not worth warnings.
  if (isTemplateKepDir(kep.dir)) return out;
  out.push(...statusStageLints(kep, p, ci));
  out.push(...ignoredKeyLints(kep, p));
  out.push(...identityLints(run, kep, p));
  out.push(...peopleLints(run, kep, p));
  out.push(...milestoneLints(run, kep, p));
  out.push(...dateLints(run, kep, p));
  out.push(...linkLints(run, kep, p));
  out.push(...reciprocityLints(run, kep, p, linkTarget));
  out.push(...featureGateLints(kep, p));
  return out;
}

const warn = (kep: KepFile, range: Range, code: string, message: string, fixes?: Fix[], data?: Record<string, unknown>) =>
  makeDiagnostic(kep.path, range, 'warning', code, message, { fixes, data });
const info = (kep: KepFile, range: Range, code: string, message: string, fixes?: Fix[], data?: Record<string, unknown>) =>
  makeDiagnostic(kep.path, range, 'information', code, message, { fixes, data });

/** §7.3: a line containing `---` changes what kepval reads; say exactly what it does. */
function dashLineLints(kep: KepFile): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dl = kep.scanned.dashLines;
  for (let i = 0; i < dl.length; i++) {
    const line = dl[i];
    const isMarker = /^---\s*$/.test(kep.lines.text.slice(kep.lines.lineStart(line), kep.lines.lineEnd(line)));
    let effect: string;
    if (i === 0) effect = line > 0 ? `everything above it (lines 1–${line}) is ignored` : 'it is dropped';
    else if (i === 1) effect = 'it ends the metadata: everything below it is ignored';
    else effect = 'it and everything around it is ignored';
    if (isMarker && ((i === 0 && line === 0) || (i === 1 && dl.length === 2))) continue;
    out.push(warn(kep, kep.lines.lineRange(line), 'kep/dashes-line',
      `This line contains \`---\`. kepval drops every line containing \`---\` and reads only the lines between the first and second such line, so ${effect}.`));
  }
  return out;
}

function statusStageLints(kep: KepFile, p: GoStruct, ci: { validated: boolean; stageReported: boolean }): Diagnostic[] {
  const out: Diagnostic[] = [];
  const status = fieldString(p, 'status');
  const stage = fieldString(p, 'stage');
  if (status !== '' && !(VALID_STATUSES as readonly string[]).includes(status)) {
    const range = rangeOfValue(kep, p, 'status');
    const fixes = didYouMean(status, VALID_STATUSES).map((s, i) => ({ title: `Change status to ${s}`, edits: [{ range, newText: s }], isPreferred: i === 0 }));
    out.push(makeDiagnostic(kep.path, range, 'warning', 'kep/invalid-status',
      `Invalid status "${status}": use one of ${VALID_STATUSES.join(', ')}. CI does not check it, but \`kepctl\` and the KEP tooling only understand these values.`,
      { upstream: UPSTREAM.kepctlCreate, fixes }));
  }
  const stageValid = (VALID_STAGES as readonly string[]).includes(stage);
  if (stage !== '' && !stageValid) {
    if (!ci.stageReported) out.push(invalidStage(kep, p, stage, isPrrStatus(status) && ci.validated ? 'later' : 'kepctl'));
  } else if (stage === '' && !ci.stageReported) {
    // With status implementable/implemented, CI stops at an earlier PRR error (e.g. no latest-milestone) before it
    // gets to the stage; it will fail on the stage once that is fixed, so say it now, as a warning.
    const prr = isPrrStatus(status) && ci.validated;
    out.push(makeDiagnostic(kep.path, rangeOfValue(kep, p, field(p, 'stage') ? 'stage' : 'status'), prr ? 'warning' : 'information', 'kep/invalid-stage',
      prr
        ? `\`stage\` is empty, but kepval requires it when status is ${status} (it reports the earlier PRR error first).`
        : '`stage` is empty; `kepctl create` rejects an empty stage, and it becomes required once the KEP is implementable.',
      { upstream: UPSTREAM.kepctlCreate }));
  }
  if (status === 'implemented' && stage !== 'stable') {
    const range = rangeOfValue(kep, p, field(p, 'stage') ? 'stage' : 'status');
    const fixes: Fix[] = field(p, 'stage') ? [{ title: 'Change stage to stable', edits: [{ range, newText: 'stable' }], isPreferred: true }] : [];
    out.push(makeDiagnostic(kep.path, range, 'warning', 'kep/implemented-not-stable',
      `status is implemented but stage is ${stage === '' ? 'empty' : `"${stage}"`}: an implemented KEP is normally stable (a deprecation KEP may end at disabled/removed). \`kepctl create\` requires stable.`,
      { upstream: UPSTREAM.kepctlCreate, fixes }));
  }
  if (status === 'replaced' && !(fieldStrings(p, 'superseded-by') ?? []).some((s) => s.trim() !== '')) {
    out.push(warn(kep, rangeOfValue(kep, p, 'status'), 'kep/replaced-without-superseded-by',
      'status is replaced, but `superseded-by` names no KEP: add the KEP that replaces this one.'));
  }
  return out;
}

function ignoredKeyLints(kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['id', 'prnumber', 'name', 'path']) {
    const f = field(p, key);
    if (!f) continue;
    out.push(warn(kep, nodeRange(kep, f.key), 'kep/ignored-key',
      `\`${key}\` is accepted only by accident (a JSON-only field of api.Proposal) and is ignored; remove it.`,
      [{ title: `Remove \`${key}\``, edits: [{ range: kep.lines.lineRange(nodeRange(kep, f.key).start.line), newText: '' }] }]));
  }
  const ds = field(p, 'disable-supported');
  if (ds && ds.node.kind === 'scalar' && ds.node.style === 'plain' && !['true', 'false', 'True', 'False', 'TRUE', 'FALSE', '', '~', 'null', 'Null', 'NULL'].includes(ds.node.value)) {
    const value = ds.value === true ? 'true' : 'false';
    out.push(warn(kep, nodeRange(kep, ds.node), 'kep/yaml11-bool',
      `\`${ds.node.value}\` is a YAML 1.1 boolean; kepval's yaml.v3 accepts it here, but other YAML tools read a string. Write ${value}.`,
      [{ title: `Change to ${value}`, edits: [{ range: nodeRange(kep, ds.node), newText: value }], isPreferred: true }]));
  }
  return out;
}

function identityLints(run: KepRun, kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  const owning = fieldString(p, 'owning-sig');
  const groups = run.groups;
  if (owning !== '' && !groups.includes(owning)) {
    const range = rangeOfValue(kep, p, 'owning-sig');
    out.push(makeDiagnostic(kep.path, range, 'warning', 'kep/unknown-sig',
      `owning-sig "${owning}" is not a group of sigs.yaml${run.groupsFromSigsYaml ? '' : ' (built-in list)'}.`,
      { upstream: UPSTREAM.kepctlCreate, fixes: sigFixes(owning, groups, range) }));
  }
  const parts = kep.dir.split('/');
  const top = parts[1] ?? '';
  if (owning !== '' && top !== owning) {
    // provider-* directories hold KEPs of another SIG by design: say it, but quietly.
    const make = top.startsWith('provider-') ? info : warn;
    out.push(make(kep, rangeOfValue(kep, p, 'owning-sig'), 'kep/owning-sig-dir',
      `owning-sig is ${owning} but the KEP lives under keps/${top}/; its PRR file is looked up under keps/prod-readiness/${owning}/.`));
  }
  const psig = field(p, 'participating-sigs');
  if (psig && psig.node.kind === 'seq') {
    for (const item of psig.node.items) {
      if (item.kind !== 'scalar' || item.value === '') continue;
      const range = nodeRange(kep, item);
      if (!groups.includes(item.value)) {
        out.push(makeDiagnostic(kep.path, range, 'warning', 'kep/unknown-sig',
          `participating-sig "${item.value}" is not a group of sigs.yaml${run.groupsFromSigsYaml ? '' : ' (built-in list)'}.`,
          { upstream: UPSTREAM.kepctlCreate, fixes: sigFixes(item.value, groups, range) }));
      } else if (item.value === owning) {
        out.push(info(kep, range, 'kep/owning-sig-participating', 'The owning SIG need not be listed among participating-sigs.'));
      }
    }
  }
  const number = fieldString(p, 'kep-number');
  const m = /^([0-9]+)-/.exec(basename(kep.dir));
  if (number !== '') {
    if (!/^[0-9]+$/.test(number)) {
      out.push(warn(kep, rangeOfValue(kep, p, 'kep-number'), 'kep/kep-number-dir', `kep-number "${number}" is not a number.`));
    } else if (m && m[1] !== number) {
      const range = rangeOfValue(kep, p, 'kep-number');
      out.push(warn(kep, range, 'kep/kep-number-dir',
        `kep-number ${number} does not match the directory prefix ${m[1]}; the PRR file is looked up as ${number}.yaml.`,
        [{ title: `Change kep-number to ${m[1]}`, edits: [{ range, newText: m[1] }] }]));
    }
  }
  return out;
}

function sigFixes(value: string, groups: readonly string[], range: Range): Fix[] {
  return didYouMean(value, groups).map((s, i) => ({ title: `Change to ${s}`, edits: [{ range, newText: s }], isPreferred: i === 0 }));
}

function peopleLints(run: KepRun, kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  const status = fieldString(p, 'status');
  const seen = new Map<string, string>();
  for (const key of ['authors', 'reviewers', 'approvers']) {
    const f = field(p, key);
    if (!f || f.node.kind !== 'seq') continue;
    const inList = new Set<string>();
    for (const item of f.node.items) {
      if (item.kind !== 'scalar') continue;
      const v = item.value;
      const range = nodeRange(kep, item);
      if (/^tbd$/i.test(v.trim().replace(/^@/, ''))) {
        if (status !== 'provisional') out.push(warn(kep, range, 'kep/tbd', `"${v}" is a placeholder; name the ${key.slice(0, -1)} before the KEP leaves provisional.`));
        continue;
      }
      if (!HANDLE.test(v)) {
        const fixed = suggestHandle(v);
        const fixes: Fix[] = fixed ? [{ title: `Change to ${fixed}`, edits: [{ range, newText: `"${fixed}"` }], isPreferred: true }] : [];
        out.push(warn(kep, range, 'kep/handle-format', `"${v}" is not a GitHub handle of the form @login.`, fixes));
      }
      const norm = v.trim().replace(/^@/, '').toLowerCase();
      if (inList.has(norm)) out.push(info(kep, range, 'kep/duplicate-person', `${v} is listed twice under ${key}.`));
      inList.add(norm);
      const other = seen.get(norm);
      if (key !== 'authors' && other === 'authors') out.push(info(kep, range, 'kep/author-is-reviewer', `${v} is also an author; KEP reviewers and approvers should be distinct from the authors.`));
      if (!seen.has(norm)) seen.set(norm, key);
    }
  }
  // §7.8: an approver from the owning SIG's leads alias.
  const owning = fieldString(p, 'owning-sig');
  const leads = run.aliases.get(`${owning}-leads`);
  const approvers = fieldStrings(p, 'approvers');
  if (leads && leads.length && approvers && approvers.length && (status === 'implementable' || status === 'provisional')) {
    const norm = new Set(leads.map((l) => l.toLowerCase()));
    if (!approvers.some((a) => norm.has(a.trim().replace(/^@/, '').toLowerCase()))) {
      out.push(info(kep, nodeRange(kep, field(p, 'approvers')!.key), 'kep/no-sig-lead-approver',
        `None of the approvers is in OWNERS_ALIASES ${owning}-leads (${leads.join(', ')}).`));
    }
  }
  return out;
}

function suggestHandle(v: string): string | undefined {
  const cleaned = v.trim().replace(/^[“”"']+|[“”"']+$/g, '').trim();
  const withAt = cleaned.startsWith('@') ? cleaned : '@' + cleaned;
  return HANDLE.test(withAt) && withAt !== v ? withAt : undefined;
}

function milestoneLints(run: KepRun, kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  const status = fieldString(p, 'status');
  const stage = fieldString(p, 'stage');
  const lf = field(p, 'latest-milestone');
  const latest = fieldString(p, 'latest-milestone');
  if (lf && latest !== '') {
    const range = nodeRange(kep, lf.node);
    if (latest === '0.0' || latest === 'v0.0') {
      if (isPrrStatus(status)) out.push(warn(kep, range, 'kep/milestone-placeholder', `latest-milestone "${latest}" is a placeholder that silently turns the PRR requirement off; set the real release ("v1.NN").`));
    } else if (!MILESTONE.test(latest)) {
      out.push(warn(kep, range, 'kep/milestone-format', `latest-milestone "${latest}" is not of the form "v1.NN".`, milestoneFix(range, latest)));
    } else if (lf.node.kind === 'scalar' && lf.node.style === 'plain') {
      // fine: plain v1.30 keeps its text in yaml.v3
    }
    if (MILESTONE.test(latest) && run.options.upcomingMinor !== undefined) {
      const minor = Number(latest.slice(3));
      const up = run.options.upcomingMinor;
      if (status === 'implementable' && minor < up && !['stable', 'removed'].includes(stage)) {
        out.push(info(kep, range, 'kep/milestone-stale', `latest-milestone ${latest} is before the upcoming release v1.${up}: update it when the KEP targets a release.`));
      } else if (minor > up + 1) {
        out.push(info(kep, range, 'kep/milestone-future', `latest-milestone ${latest} is more than one release after the upcoming v1.${up}.`));
      }
    }
  }
  const mf = field(p, 'milestone');
  const ms = mf && typeof mf.value === 'object' && mf.value && !Array.isArray(mf.value) && mf.value.kind === 'struct' ? mf.value : undefined;
  if (ms) {
    const minors: Record<string, number> = {};
    for (const k of MILESTONE_KEYS) {
      const f = field(ms, k);
      const v = fieldString(ms, k);
      if (!f || v === '') continue;
      const range = nodeRange(kep, f.node);
      if (!MILESTONE.test(v)) out.push(warn(kep, range, 'kep/milestone-format', `milestone.${k} "${v}" is not of the form "v1.NN".`, milestoneFix(range, v)));
      else minors[k] = Number(v.slice(3));
    }
    for (const [a, b] of [['alpha', 'beta'], ['beta', 'stable'], ['alpha', 'stable'], ['deprecated', 'disabled'], ['disabled', 'removed'], ['deprecated', 'removed']]) {
      if (minors[a] !== undefined && minors[b] !== undefined && minors[a] > minors[b]) {
        out.push(warn(kep, nodeRange(kep, field(ms, b)!.node), 'kep/milestone-order', `milestone.${b} (v1.${minors[b]}) is before milestone.${a} (v1.${minors[a]}).`));
      }
    }
    if (isPrrStatus(status) && MILESTONE.test(latest) && (VALID_STAGES as readonly string[]).includes(stage)) {
      const atStage = fieldString(ms, stage);
      if (atStage !== '' && MILESTONE.test(atStage) && atStage !== latest && status === 'implementable') {
        out.push(info(kep, nodeRange(kep, lf!.node), 'kep/milestone-mismatch', `latest-milestone ${latest} differs from milestone.${stage} ${atStage}.`));
      }
    }
  }
  return out;
}

function milestoneFix(range: Range, v: string): Fix[] {
  const m = /^\s*[vV]?(\d+)\.(\d+)\s*$/.exec(v);
  if (!m) return [];
  const fixed = `"v${Number(m[1])}.${Number(m[2])}"`;
  return [{ title: `Change to ${fixed}`, edits: [{ range, newText: fixed }], isPreferred: true }];
}

function dateLints(run: KepRun, kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  const dates: Record<string, string> = {};
  for (const key of ['creation-date', 'last-updated']) {
    const f = field(p, key);
    const v = fieldString(p, key);
    if (!f || v === '') continue;
    const range = nodeRange(kep, f.node);
    const m = DATE.exec(v);
    if (!m || !validDate(Number(m[1]), Number(m[2]), Number(m[3]))) {
      const loose = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(v);
      const fixes: Fix[] = loose && validDate(Number(loose[1]), Number(loose[2]), Number(loose[3]))
        ? [{ title: 'Pad to yyyy-mm-dd', edits: [{ range, newText: `${loose[1]}-${loose[2].padStart(2, '0')}-${loose[3].padStart(2, '0')}` }], isPreferred: true }]
        : [];
      const what = /^v?1\.\d+$/.test(v) ? ' (it looks like a milestone)' : '';
      out.push(warn(kep, range, 'kep/date-format', `${key} "${v}" is not a calendar date yyyy-mm-dd${what}.`, fixes));
      continue;
    }
    dates[key] = v;
    if (run.options.today && v > run.options.today) out.push(warn(kep, range, 'kep/date-order', `${key} ${v} is in the future.`));
  }
  if (dates['creation-date'] && dates['last-updated'] && dates['last-updated'] < dates['creation-date']) {
    out.push(warn(kep, nodeRange(kep, field(p, 'last-updated')!.node), 'kep/date-order', `last-updated ${dates['last-updated']} is before creation-date ${dates['creation-date']}.`));
  }
  return out;
}

function validDate(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/** §7.13: see-also/replaces/superseded-by should be /keps/<sig>/<NNNN-name> paths of existing KEP directories. */
function linkLints(run: KepRun, kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const key of ['see-also', 'replaces', 'superseded-by']) {
    const f = field(p, key);
    if (!f || f.node.kind !== 'seq') continue;
    for (const item of f.node.items) {
      if (item.kind !== 'scalar' || item.value.trim() === '') continue;
      const v = item.value.trim();
      const range = nodeRange(kep, item);
      const target = linkTarget(v);
      if (target === undefined) {
        out.push(info(kep, range, 'kep/link-not-path', `"${v}" is not a KEP path; ${key} should list KEPs as /keps/<sig>/<NNNN-name>.`));
        continue;
      }
      if (run.layout.kepDirs.has(target)) continue;
      const fixes: Fix[] = [];
      const num = /^([0-9]+)(?:-|$)/.exec(basename(target));
      if (num) {
        for (const d of run.kepDirsNumbered(num[1])) {
          fixes.push({ title: `Change to /${d}`, edits: [{ range, newText: `"/${d}"` }], isPreferred: fixes.length === 0 });
        }
      }
      out.push(warn(kep, range, 'kep/link-target', `${key} entry "${v}" does not point to an existing KEP directory.`, fixes, { target }));
    }
  }
  return out;
}

/** The repository path a link names (`/keps/…` or `keps/…`), if any; URLs and free text are not paths. */
export function linkTarget(v: string): string | undefined {
  let s = v;
  s = s.replace(/^\.?\//, '');
  if (!s.startsWith('keps/')) return undefined;
  s = s.replace(/#.*$/, '').replace(/\/+$/, '').replace(/\/(README\.md|kep\.yaml)$/, '');
  return s;
}

function featureGateLints(kep: KepFile, p: GoStruct): Diagnostic[] {
  const out: Diagnostic[] = [];
  const f = field(p, 'feature-gates');
  const stage = fieldString(p, 'stage');
  if (f && f.node.kind === 'seq' && Array.isArray(f.value)) {
    for (const item of f.node.items) {
      if (item.kind !== 'map') continue;
      const nameP = item.pairs.find((x) => x.key.kind === 'scalar' && x.key.value === 'name');
      const compP = item.pairs.find((x) => x.key.kind === 'scalar' && x.key.value === 'components');
      const name = nameP && nameP.value.kind === 'scalar' ? nameP.value.value : '';
      const at = nameP ? nodeRange(kep, nameP.value.range[1] > nameP.value.range[0] ? nameP.value : nameP.key) : nodeRange(kep, item);
      if (!UPPER_CAMEL.test(name)) out.push(warn(kep, at, 'kep/feature-gate', `Feature gate name "${name}" is not UpperCamelCase.`));
      const comps = compP && compP.value.kind === 'seq' ? compP.value.items : [];
      if (comps.length === 0) out.push(warn(kep, at, 'kep/feature-gate', `Feature gate ${name || '(unnamed)'} lists no components.`));
      for (const c of comps) {
        if (c.kind !== 'scalar') continue;
        if (!KNOWN_COMPONENTS.includes(c.value)) {
          const r = nodeRange(kep, c);
          const fixes = didYouMean(c.value, KNOWN_COMPONENTS).map((s, i) => ({ title: `Change to ${s}`, edits: [{ range: r, newText: s }], isPreferred: i === 0 }));
          out.push(info(kep, r, 'kep/feature-gate-component', `"${c.value}" is not a known Kubernetes component.`, fixes));
        }
      }
    }
    if (f.node.items.length && !field(p, 'disable-supported')) {
      out.push(warn(kep, nodeRange(kep, f.key), 'kep/feature-gate', 'feature-gates are listed but `disable-supported` is missing.'));
    }
  }
  if (['beta', 'stable'].includes(stage) && fieldString(p, 'status') === 'implementable') {
    const metrics = fieldStrings(p, 'metrics');
    if (!metrics || metrics.filter((m) => m.trim() !== '').length === 0) {
      const mf = field(p, 'metrics');
      out.push(info(kep, mf ? nodeRange(kep, mf.key) : rangeOfValue(kep, p, 'stage'), 'kep/metrics-missing', `No metrics listed; the KEP template requires them at ${stage}.`));
    }
  }
  return out;
}

/** Lints across KEPs: duplicate kep-numbers (reported on each of `keps`). */
export function crossKepLints(run: KepRun, keps: KepFile[]): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const kep of keps) {
    const p = kep.proposal;
    if (!p || isTemplateKepDir(kep.dir)) continue;
    const n = fieldString(p, 'kep-number');
    if (n === '') continue;
    const others = run.kepsWithNumber(n).filter((k) => k !== kep && !isTemplateKepDir(k.dir));
    if (others.length) {
      out.push(warn(kep, rangeOfValue(kep, p, 'kep-number'), 'kep/duplicate-kep-number',
        `kep-number ${n} is also used by ${others.map((k) => k.dir).join(', ')}.`));
    }
  }
  return out;
}
