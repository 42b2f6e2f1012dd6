/**
 * "New KEP" scaffolding, like `kepctl create`: `keps/<sig>/<number>-<name>/README.md` (from the workspace template
 * `keps/NNNN-kep-template/README.md`, with the H1 `# KEP-<n>: <title>` and an mdtoc-identical TOC), `kep.yaml`
 * (provisional, so CI's PRR rules do not apply yet) and, when asked, `keps/prod-readiness/<sig>/<n>.yaml`.
 * Pure: the caller passes the template text, today's date and the upcoming minor, and writes the files.
 */
import { outlineOf } from './markdownOutline';
import { regenerateTocEdit, VERIFY_TOC_MAX_DEPTH } from './mdtoc';
import { TEMPLATE_README } from './kepFiles';

export interface ScaffoldInput {
  sig: string;
  number: string | number;
  /** Directory name after `<number>-`: lower-case words joined by `-`. */
  name: string;
  title: string;
  /** GitHub handles, with or without `@`. */
  authors: string[];
  withPrr: boolean;
  /** Text of keps/NNNN-kep-template/README.md; a minimal README with the template's sections when absent. */
  templateReadme?: string;
  /** Upcoming Kubernetes minor (e.g. 36) for `latest-milestone` / `milestone.alpha`. */
  upcomingMinor: number;
  /** yyyy-mm-dd */
  today: string;
  /** Approver written in the PRR file (a member of prod-readiness-approvers); "TBD" when not given. */
  prrApprover?: string;
  /**
   * KEP approvers to start with instead of TBD. Under keps/sig-node/ the SIG Node checks (nodeapprovers) fail an
   * alpha KEP for the upcoming release without a tech lead among its approvers, so the caller passes a tech lead.
   */
  approvers?: string[];
}

export interface ScaffoldFile {
  path: string;
  content: string;
}

export interface ScaffoldResult {
  dir: string;
  files: ScaffoldFile[];
}

const HANDLE = /^@?[A-Za-z0-9](?:[A-Za-z0-9]|-(?=[A-Za-z0-9])){0,38}$/;
const NAME = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const SIG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Why these inputs cannot be scaffolded, or undefined when they can. */
export function scaffoldProblems(input: ScaffoldInput): string[] {
  const out: string[] = [];
  if (!SIG.test(input.sig)) out.push(`SIG "${input.sig}" is not a group directory name such as sig-node.`);
  if (!/^[0-9]+$/.test(String(input.number))) out.push(`KEP number "${input.number}" must be digits (the enhancement issue number).`);
  if (!NAME.test(input.name)) out.push(`Name "${input.name}" must be lower-case words joined by "-" (e.g. pod-level-resources).`);
  if (!input.title.trim()) out.push('The title is empty.');
  if (/[\r\n]/.test(input.title)) out.push('The title must be one line.');
  // kepval drops every line containing `---` (and everything before it) from kep.yaml.
  if (input.title.includes('---')) out.push('The title must not contain "---": kepval treats any line containing it as a document separator.');
  if (input.authors.length === 0) out.push('Give at least one author.');
  for (const a of input.authors) if (!HANDLE.test(a.trim())) out.push(`Author "${a}" is not a GitHub handle.`);
  if (!(input.upcomingMinor > 0 && input.upcomingMinor < 999)) out.push('The upcoming release is unknown; set `upcomingRelease` in .kube-shepherd.yaml.');
  if (!/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(input.today)) out.push(`Date "${input.today}" is not yyyy-mm-dd.`);
  return out;
}

export function kepDirFor(sig: string, number: string | number, name: string): string {
  return `keps/${sig}/${number}-${name}`;
}

export function scaffoldKep(input: ScaffoldInput): ScaffoldResult {
  const problems = scaffoldProblems(input);
  if (problems.length) throw new Error(problems.join(' '));
  const number = String(input.number);
  const dir = kepDirFor(input.sig, number, input.name);
  const files: ScaffoldFile[] = [
    { path: `${dir}/README.md`, content: readme(input, number) },
    { path: `${dir}/kep.yaml`, content: kepYaml(input, number) },
  ];
  if (input.withPrr) files.push({ path: `keps/prod-readiness/${input.sig}/${number}.yaml`, content: prrYaml(input, number) });
  return { dir, files };
}

/** A YAML scalar for `s`: plain when that reads back as the same string, else double-quoted. */
function yamlString(s: string): string {
  const plainOk = /^[A-Za-z][^:#'"`{}[\],&*!|>%@]*$/.test(s) && !/\s$/.test(s) && !/^(true|false|yes|no|on|off|null|y|n)$/i.test(s);
  return plainOk ? s : JSON.stringify(s);
}

function handle(h: string): string {
  return `"@${h.trim().replace(/^@/, '')}"`;
}

function kepYaml(input: ScaffoldInput, number: string): string {
  const m = `"v1.${input.upcomingMinor}"`;
  return [
    `title: ${yamlString(input.title.trim())}`,
    `kep-number: ${number}`,
    'authors:',
    ...input.authors.map((a) => `  - ${handle(a)}`),
    `owning-sig: ${input.sig}`,
    'participating-sigs: []',
    'status: provisional',
    `creation-date: ${input.today}`,
    'reviewers:',
    '  - TBD',
    'approvers:',
    ...(input.approvers?.length ? input.approvers.map((a) => `  - ${handle(a)}`) : ['  - TBD']),
    '',
    'see-also: []',
    'replaces: []',
    '',
    '# The target maturity stage in the current dev cycle for this KEP.',
    'stage: alpha',
    '',
    '# The most recent milestone for which work toward delivery of this KEP has been done.',
    `latest-milestone: ${m}`,
    '',
    '# The milestone at which this feature was, or is targeted to be, at each stage.',
    'milestone:',
    `  alpha: ${m}`,
    '',
    '# The following PRR answers are required at alpha release.',
    '# List the feature gate name and the components for which it must be enabled.',
    'feature-gates: []',
    'disable-supported: true',
    '',
    '# The following PRR answers are required at beta release.',
    'metrics: []',
    '',
  ].join('\n');
}

function prrYaml(input: ScaffoldInput, number: string): string {
  const approver = input.prrApprover ? handle(input.prrApprover) : '"TBD"';
  return [
    '# The KEP must have an approver from the',
    '# "prod-readiness-approvers" group',
    '# of http://git.k8s.io/enhancements/OWNERS_ALIASES',
    `kep-number: ${number}`,
    'alpha:',
    `  approver: ${approver}`,
    '',
  ].join('\n');
}

const MINIMAL_README = [
  '# KEP-NNNN: Your short, descriptive title',
  '',
  '<!-- toc -->',
  '<!-- /toc -->',
  '',
  '## Release Signoff Checklist',
  '',
  '## Summary',
  '',
  '## Motivation',
  '',
  '### Goals',
  '',
  '### Non-Goals',
  '',
  '## Proposal',
  '',
  '### Risks and Mitigations',
  '',
  '## Design Details',
  '',
  '### Test Plan',
  '',
  '### Graduation Criteria',
  '',
  '## Production Readiness Review Questionnaire',
  '',
  '## Implementation History',
  '',
  '## Drawbacks',
  '',
  '## Alternatives',
  '',
].join('\n');

function readme(input: ScaffoldInput, number: string): string {
  let text = input.templateReadme ?? MINIMAL_README;
  // The H1 (outside comments and code, from the markdown line scan) becomes `# KEP-<n>: <title>`.
  const outline = outlineOf(text);
  const h1 = outline.headings.find((h) => h.level === 1);
  const h1Text = `# KEP-${number}: ${input.title.trim()}`;
  const lines = text.split('\n');
  if (h1) lines[h1.line] = h1Text + (lines[h1.line].endsWith('\r') ? '\r' : '');
  else lines.unshift(h1Text, '');
  text = lines.join('\n');
  const edit = regenerateTocEdit(text, { maxDepth: VERIFY_TOC_MAX_DEPTH });
  if (edit) text = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
  return text;
}

/** The next free KEP number: the highest numeric kep-number (or KEP directory prefix) + 1. */
export function nextKepNumber(numbers: Iterable<string>): number {
  let max = 0;
  for (const n of numbers) {
    const m = /^0*([0-9]+)$/.exec(n.trim());
    if (m) max = Math.max(max, Number(m[1]));
  }
  return max + 1;
}

export { TEMPLATE_README };
