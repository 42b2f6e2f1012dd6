import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { kepDiagnostics } from '../../server/src/core/kep/index';
import type { RepoSnapshot } from '../../server/src/core/snapshot';
import { kepYaml, oneKep, PRR_OK } from '../fixtures/keps/repo';

const find = (s: RepoSnapshot, code: string): Diagnostic[] => kepDiagnostics(s, { upcomingMinor: 37 }).filter((d) => d.code === code);
const one = (s: RepoSnapshot, code: string): Diagnostic => {
  const d = find(s, code);
  assert.equal(d.length, 1, `${code}: ${JSON.stringify(d.map((x) => x.message))}`);
  assert.notEqual(d[0].severity, 'error');
  return d[0];
};
const none = (s: RepoSnapshot, code: string) => assert.deepEqual(find(s, code).map((d) => d.message), []);

describe('KEP warnings (kep.md §7)', () => {
  it('status enum with did-you-mean', () => {
    const d = one(oneKep(kepYaml({ status: 'imlpemented', 'latest-milestone': '"v1.20"' })), 'kep/invalid-status');
    assert.equal(d.fixes?.[0].edits[0].newText, 'implemented');
    none(oneKep(kepYaml()), 'kep/invalid-status');
  });
  it('implemented ⇒ stable, with a fix', () => {
    const d = one(oneKep(kepYaml({ status: 'implemented', stage: 'beta' }), { 'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: 1234\nbeta:\n  approver: wojtek-t\n' }), 'kep/implemented-not-stable');
    assert.equal(d.fixes?.[0].edits[0].newText, 'stable');
  });
  it('replaced ⇒ superseded-by', () => {
    one(oneKep(kepYaml({ status: 'replaced' })), 'kep/replaced-without-superseded-by');
    none(oneKep(kepYaml({ status: 'replaced', 'superseded-by': '\n  - /keps/sig-node/1234-sleep' })), 'kep/replaced-without-superseded-by');
  });
  it('groups: unknown owning/participating sigs, and owning-sig vs directory', () => {
    const d = one(oneKep(kepYaml({ 'participating-sigs': '\n  - sig-arch' })), 'kep/unknown-sig');
    assert.equal(d.fixes?.[0].edits[0].newText, 'sig-architecture');
    const sigs = 'sigs:\n  - dir: sig-node\n  - dir: sig-arch\n';
    assert.equal(kepDiagnostics(oneKep(kepYaml({ 'participating-sigs': '\n  - sig-arch' })), { sigsYamlText: sigs }).filter((x) => x.code === 'kep/unknown-sig').length, 0);
    const dir = find(oneKep(kepYaml({ 'owning-sig': 'sig-apps' }), { 'keps/prod-readiness/sig-apps/1234.yaml': PRR_OK }), 'kep/owning-sig-dir');
    assert.deepEqual(dir.filter((x) => x.file === 'keps/sig-node/1234-sleep/kep.yaml').map((x) => x.severity), ['warning']);
  });
  it('kep-number vs directory prefix, and duplicates', () => {
    one(oneKep(kepYaml({ 'kep-number': '1235' }), { 'keps/prod-readiness/sig-node/1235.yaml': PRR_OK }), 'kep/kep-number-dir');
    const dup = oneKep(kepYaml(), { 'keps/sig-node/1234-other/kep.yaml': kepYaml({ status: 'provisional' }), 'keps/sig-node/1234-other/README.md': '# KEP-1234: Sleep better\n' });
    assert.equal(find(dup, 'kep/duplicate-kep-number').length, 2);
  });
  it('handles, TBD and YAML 1.1 booleans', () => {
    const d = one(oneKep(kepYaml({ authors: '\n  - alice' })), 'kep/handle-format');
    assert.equal(d.fixes?.[0].edits[0].newText, '"@alice"');
    one(oneKep(kepYaml({ reviewers: '\n  - TBD' })), 'kep/tbd');
    none(oneKep(kepYaml({ status: 'provisional', reviewers: '\n  - TBD' })), 'kep/tbd');
    one(oneKep(kepYaml({ 'disable-supported': 'yes' })), 'kep/yaml11-bool');
  });
  it('milestones and dates', () => {
    one(oneKep(kepYaml({ 'latest-milestone': '"1.30"' })), 'kep/milestone-format');
    one(oneKep(kepYaml({ 'latest-milestone': '"0.0"' })), 'kep/milestone-placeholder');
    one(oneKep(kepYaml({ milestone: '\n  alpha: "v1.31"\n  beta: "v1.30"' })), 'kep/milestone-order');
    const d = one(oneKep(kepYaml({ 'creation-date': '2025-1-9' })), 'kep/date-format');
    assert.equal(d.fixes?.[0].edits[0].newText, '2025-01-09');
    one(oneKep(kepYaml({ 'last-updated': 'v1.27' })), 'kep/date-format');
    none(oneKep(kepYaml({ 'creation-date': '2025-01-09' })), 'kep/date-format');
  });
  it('links must resolve to KEP directories; fix by number', () => {
    const s = oneKep(kepYaml({ 'see-also': '\n  - /keps/sig-apps/1234-sleep\n  - /keps/sig-node/1234-sleep\n  - n/a' }));
    const d = one(s, 'kep/link-target');
    assert.equal(d.fixes?.[0].edits[0].newText, '"/keps/sig-node/1234-sleep"');
    one(s, 'kep/link-not-path');
  });
  it('feature gates', () => {
    one(oneKep(kepYaml({ 'feature-gates': '\n  - name: my_gate\n    components: [kubelet]', 'disable-supported': 'true' })), 'kep/feature-gate');
    none(oneKep(kepYaml({ 'feature-gates': '\n  - name: MyGate\n    components: [kubelet]', 'disable-supported': 'true' })), 'kep/feature-gate');
  });
  it('PRR file lints: orphans, number mismatch, and problems CI does not see', () => {
    one(oneKep(kepYaml(), { 'keps/prod-readiness/sig-node/77.yaml': 'kep-number: 77\nalpha:\n  approver: x\n' }), 'kep/prr-orphan');
    one(oneKep(kepYaml(), { 'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: "01234"\nalpha:\n  approver: wojtek-t\n' }), 'kep/prr-number-mismatch');
    const d = one(oneKep(kepYaml({ status: 'provisional' }), { 'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: 1234\nalpha:\n  aprover: x\n' }), 'kep/prr-invalid');
    assert.equal(d.severity, 'warning');
  });
  it('filesystem pitfalls: nested KEPs never validated, README.MD', () => {
    one(oneKep(kepYaml(), { 'keps/sig-node/1234-sleep/zz/kep.yaml': kepYaml(), 'keps/sig-node/1234-sleep/zz/README.md': '# KEP-1234: x\n' }), 'kep/unvalidated-kep');
    one(oneKep(kepYaml(), { 'keps/sig-node/1234-sleep/README.md': undefined, 'keps/sig-node/1234-sleep/README.MD': '# KEP-1234: x\n' }), 'kep/missing-readme');
  });
});

describe('KEP README lints', () => {
  const TEMPLATE = [
    '# KEP-NNNN: Your short, descriptive title',
    '<!-- toc -->',
    '<!-- /toc -->',
    '## Release Signoff Checklist',
    '- [ ] (R) Design details are appropriately documented',
    '- [ ] (R) Graduation criteria is in place',
    '## Summary',
    '## Production Readiness Review Questionnaire',
    '### Feature Enablement and Rollback',
    '###### How can this feature be enabled / disabled in a live cluster?',
    '<!-- describe -->',
    '## Alternatives',
    '',
  ].join('\n');
  const readme = (body: string) => ({ 'keps/NNNN-kep-template/README.md': TEMPLATE, 'keps/sig-node/1234-sleep/README.md': body });
  const GOOD = TEMPLATE.replace('KEP-NNNN: Your short, descriptive title', 'KEP-1234: Sleep better').replace('<!-- describe -->', 'With the SleepBetter gate.');

  it('accepts a complete README', () => {
    const d = kepDiagnostics(oneKep(kepYaml(), readme(GOOD))).filter((x) => x.file.endsWith('1234-sleep/README.md'));
    assert.deepEqual(d.map((x) => x.code), []);
  });
  it('H1 number must match kep-number', () => {
    const d = one(oneKep(kepYaml(), readme(GOOD.replace('KEP-1234', 'KEP-1243'))), 'kep/readme-h1');
    assert.equal(d.fixes?.[0].edits[0].newText, '# KEP-1234: Sleep better');
  });
  it('missing template headings, checklist items and unanswered PRR questions', () => {
    one(oneKep(kepYaml(), readme(GOOD.replace('## Alternatives', '## Other ideas'))), 'kep/template-heading');
    one(oneKep(kepYaml(), readme(GOOD.replace('- [ ] (R) Graduation criteria is in place\n', ''))), 'kep/signoff-checklist');
    one(oneKep(kepYaml(), readme(GOOD.replace('With the SleepBetter gate.', '<!-- still the template -->'))), 'kep/prr-questionnaire');
  });
  it('<<[UNRESOLVED outside comments and code while implementable', () => {
    one(oneKep(kepYaml(), readme(GOOD + '<<[UNRESOLVED naming ]>>\nfoo\n<<[/UNRESOLVED]>>\n')), 'kep/unresolved');
    none(oneKep(kepYaml(), readme(GOOD + '```\n<<[UNRESOLVED x ]>>\n```\n<!--\n<<[UNRESOLVED y ]>>\n-->\n')), 'kep/unresolved');
    none(oneKep(kepYaml({ status: 'provisional' }), readme(GOOD + '<<[UNRESOLVED naming ]>>\n')), 'kep/unresolved');
  });
});
