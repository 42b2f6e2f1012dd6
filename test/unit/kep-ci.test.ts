import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { kepDiagnostics, kepDiagnosticsForFile } from '../../server/src/core/kep/index';
import type { RepoSnapshot } from '../../server/src/core/snapshot';
import { kepYaml, oneKep, PRR_OK, repo } from '../fixtures/keps/repo';

const KEP = 'keps/sig-node/1234-sleep/kep.yaml';

function errors(s: RepoSnapshot): Diagnostic[] {
  return kepDiagnostics(s).filter((d) => d.severity === 'error');
}
function codes(s: RepoSnapshot): string[] {
  return errors(s).map((d) => d.code);
}
function valid(s: RepoSnapshot): void {
  assert.deepEqual(errors(s).map((d) => `${d.file}:${d.range.start.line + 1} ${d.code} ${d.message}`), []);
}
function invalid(s: RepoSnapshot, code: string): Diagnostic {
  const e = errors(s);
  const hit = e.find((d) => d.code === code);
  assert.ok(hit, `expected ${code}, got ${JSON.stringify(e.map((d) => d.code))}`);
  assert.ok(hit.upstream, 'every Error names its upstream check');
  return hit;
}

describe('kep.yaml CI errors (kepval repo.Validate)', () => {
  it('accepts the baseline repository', () => valid(oneKep(kepYaml())));

  describe('required fields (go-playground required)', () => {
    it('authors: [] passes, authors: (null) and a missing key fail', () => {
      valid(oneKep(kepYaml({ authors: '[]' })));
      const d = invalid(oneKep(kepYaml({ authors: '' })), 'kep/required-field');
      assert.equal(d.range.start.line, 2);
      invalid(oneKep(kepYaml({ authors: '<omit>' })), 'kep/required-field');
    });
    it('approvers: [] passes, approvers: ~ fails', () => {
      valid(oneKep(kepYaml({ approvers: '[]' })));
      invalid(oneKep(kepYaml({ approvers: '~' })), 'kep/required-field');
    });
    it('empty strings fail: title, kep-number, owning-sig, status', () => {
      for (const k of ['title', 'owning-sig', 'status']) invalid(oneKep(kepYaml({ [k]: '""' })), 'kep/required-field');
      invalid(oneKep(kepYaml({ 'kep-number': '' })), 'kep/required-field');
    });
    it('any scalar is a kep-number and keeps its text (0752 → 0752.yaml)', () => {
      valid(oneKep(kepYaml({ 'kep-number': '0752' }), { 'keps/prod-readiness/sig-node/0752.yaml': PRR_OK }));
      invalid(oneKep(kepYaml({ 'kep-number': '0752' }), { 'keps/prod-readiness/sig-node/1234.yaml': undefined, 'keps/prod-readiness/sig-node/752.yaml': PRR_OK }), 'kep/prr-missing');
    });
  });

  describe('the --- line quirk of KEPHandler.Parse', () => {
    it('title: A --- B drops everything above it', () => {
      const text = kepYaml({ title: 'A --- B' });
      invalid(oneKep(text), 'kep/required-field');
      const w = kepDiagnostics(oneKep(text)).find((d) => d.code === 'kep/dashes-line');
      assert.ok(w && w.severity === 'warning');
    });
    it('a leading --- and front-matter markers work', () => {
      valid(oneKep('---\n' + kepYaml()));
      valid(oneKep('---\n' + kepYaml() + '---\nbody text: [unbalanced\n'));
    });
    it('a comment containing --- still splits', () => {
      valid(oneKep('# ---------\n' + kepYaml() + '# ---- end\n'));
      invalid(oneKep('# ---\n# ---\n' + kepYaml()), 'kep/empty-document');
    });
    it('reports positions on the original lines', () => {
      const d = invalid(oneKep('---\n' + kepYaml({ bogus: 'x' })), 'kep/unknown-key');
      assert.equal(d.range.start.line, 11);
    });
    it('a line of 64 KiB or more stops the scanner', () => {
      invalid(oneKep(kepYaml({ title: 'x'.repeat(70000) })), 'kep/line-too-long');
      valid(oneKep(kepYaml({ title: 'x'.repeat(60000) })));
    });
  });

  describe('yaml.v3 strict decoding', () => {
    it('rejects unknown keys at any depth (api.Proposal, api.Milestone, api.FeatureGate)', () => {
      const top = invalid(oneKep(kepYaml({ kepNumber: '1' })), 'kep/unknown-key');
      assert.equal(top.fixes?.[0].edits[0].newText, 'kep-number');
      const ga = invalid(oneKep(kepYaml({ milestone: '\n  alpha: "v1.30"\n  ga: "v1.32"' })), 'kep/unknown-key');
      assert.equal(ga.fixes?.[0].edits[0].newText, 'stable');
      invalid(oneKep(kepYaml({ 'feature-gates': '\n  - name: Foo\n    component: [kubelet]' })), 'kep/unknown-key');
      valid(oneKep(kepYaml({ milestone: '\n  alpha: "v1.30"\n  stable: "v1.32"', 'feature-gates': '\n  - name: Foo\n    components: [kubelet]' })));
    });
    it('accepts the json-only id/prnumber/name/path and rejects filename/error/contents', () => {
      valid(oneKep(kepYaml({ id: 'x', prnumber: '1', name: 'n', path: 'p' })));
      for (const k of ['filename', 'error', 'contents']) invalid(oneKep(kepYaml({ [k]: 'x' })), 'kep/unknown-key');
    });
    it('rejects duplicate keys, also when one is quoted', () => {
      invalid(oneKep(kepYaml() + 'title: again\n'), 'kep/duplicate-key');
      invalid(oneKep(kepYaml() + '"title": again\n'), 'kep/duplicate-key');
    });
    it('rejects type mismatches: a string into []string, a list into string', () => {
      invalid(oneKep(kepYaml({ authors: '"@alice"' })), 'kep/type-mismatch');
      invalid(oneKep(kepYaml({ title: '[a, b]' })), 'kep/type-mismatch');
      invalid(oneKep(kepYaml({ milestone: 'v1.30' })), 'kep/type-mismatch');
    });
    it('disable-supported: YAML 1.1 booleans pass, maybe and a quoted "true" fail', () => {
      for (const v of ['yes', 'Yes', 'on', 'N', 'off', 'true', 'False', '"yes"', '~', '']) valid(oneKep(kepYaml({ 'disable-supported': v })));
      invalid(oneKep(kepYaml({ 'disable-supported': 'maybe' })), 'kep/type-mismatch');
      invalid(oneKep(kepYaml({ 'disable-supported': '"true"' })), 'kep/type-mismatch');
      invalid(oneKep(kepYaml({ 'disable-supported': '1' })), 'kep/type-mismatch');
    });
    it('scalars keep their text in string fields; null leaves zero values', () => {
      valid(oneKep(kepYaml({ 'creation-date': '2025-01-01', editor: '~', reviewers: '~', 'last-updated': '1.5' })));
    });
    it('an empty document is EOF; a null document fails validation', () => {
      invalid(oneKep(''), 'kep/empty-document');
      invalid(oneKep('# only a comment\n'), 'kep/empty-document');
      invalid(oneKep('~\n'), 'kep/empty-document');
      invalid(oneKep('just a string\n'), 'kep/type-mismatch');
    });
    it('rejects syntax errors, including tabs libyaml does not allow', () => {
      invalid(oneKep(kepYaml() + 'bad: [a, b\n'), 'kep/yaml-syntax');
      invalid(oneKep(kepYaml({ title: '@alice' })), 'kep/yaml-syntax');
      // After a key's `:` a tab is plain separation for yaml.v3 3.0.1; after `-` it cannot start a token.
      valid(oneKep(kepYaml().replace('title: ', 'title:\t')));
      invalid(oneKep(kepYaml({ authors: '\n  -\t"@alice"' })), 'kep/yaml-syntax');
      invalid(oneKep(kepYaml() + '\t\n'), 'kep/yaml-syntax');
      valid(oneKep(kepYaml({ title: 'a\tb' })));
    });
    it('a null key is skipped silently; a merge key merges', () => {
      valid(oneKep(kepYaml() + '~: whatever\n'));
      invalid(oneKep('base: &b\n  title: x\n' + kepYaml()), 'kep/unknown-key');
    });
  });

  describe('ValidatePRR', () => {
    it('needs latest-milestone and stage when implementable/implemented', () => {
      invalid(oneKep(kepYaml({ 'latest-milestone': '<omit>' })), 'kep/required-field');
      invalid(oneKep(kepYaml({ stage: '""' })), 'kep/required-field');
      valid(oneKep(kepYaml({ status: 'provisional', stage: '<omit>', 'latest-milestone': '<omit>' })));
      valid(oneKep(kepYaml({ status: 'Implementable', stage: '<omit>' })));
    });
    it('parses latest-milestone with ParseTolerant: v1.21-rc, V1.30 and TBD fail', () => {
      for (const v of ['"v1.21-rc"', '"V1.30"', 'TBD', '"v1.30.x"']) invalid(oneKep(kepYaml({ 'latest-milestone': v })), 'kep/latest-milestone-invalid');
      for (const v of ['1.30', 'v1.30.0', '" v1.30 "', '"01.030"']) valid(oneKep(kepYaml({ 'latest-milestone': v })));
    });
    it('skips PRR below v1.21 (including the "0.0" placeholder)', () => {
      const noPrr = { 'keps/prod-readiness/sig-node/1234.yaml': undefined };
      for (const v of ['"0.0"', '"v1.20"', '"1.20.9"']) valid(oneKep(kepYaml({ 'latest-milestone': v }), noPrr));
      const d = invalid(oneKep(kepYaml({ 'latest-milestone': '"v1.21"' }), noPrr), 'kep/prr-missing');
      assert.equal(d.fixes?.[0].createFiles?.[0].file, 'keps/prod-readiness/sig-node/1234.yaml');
    });
    it('uses the raw owning-sig for the path', () => {
      valid(oneKep(kepYaml({ 'owning-sig': 'sig-apps' }), { 'keps/prod-readiness/sig-apps/1234.yaml': PRR_OK }));
      invalid(oneKep(kepYaml({ 'owning-sig': 'sig-apps' })), 'kep/prr-missing');
    });
    it('checks the approver case-sensitively, after stripping one @', () => {
      const prr = (a: string) => ({ 'keps/prod-readiness/sig-node/1234.yaml': `kep-number: 1234\nalpha:\n  approver: ${a}\n` });
      valid(oneKep(kepYaml(), prr('wojtek-t')));
      valid(oneKep(kepYaml(), prr('"@ehashman"')));
      const d = invalid(oneKep(kepYaml(), prr('"@Wojtek-T"')), 'kep/prr-approver');
      assert.equal(d.file, 'keps/prod-readiness/sig-node/1234.yaml');
      assert.equal(d.fixes?.[0].edits[0].newText, '"@wojtek-t"');
      invalid(oneKep(kepYaml(), prr('"@@wojtek-t"')), 'kep/prr-approver');
      invalid(oneKep(kepYaml(), prr('"@someone"')), 'kep/prr-approver');
    });
    it('needs an entry for the current stage only', () => {
      valid(oneKep(kepYaml({ stage: 'beta' }), { 'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: 1234\nbeta:\n  approver: "@wojtek-t"\n' }));
      const d = invalid(oneKep(kepYaml({ stage: 'beta' })), 'kep/prr-stage-missing');
      assert.equal(d.file, KEP);
      const edit = d.fixes?.[0].edits[0];
      assert.equal(edit?.file, 'keps/prod-readiness/sig-node/1234.yaml');
      assert.match(edit?.newText ?? '', /^beta:\n  approver:/);
      invalid(oneKep(kepYaml(), { 'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: 1234\nalpha:\n' }), 'kep/prr-stage-missing');
    });
    it('a bad stage fails only on the PRR path', () => {
      const d = invalid(oneKep(kepYaml({ stage: 'alhpa' })), 'kep/invalid-stage');
      assert.equal(d.fixes?.[0].edits[0].newText, 'alpha');
      valid(oneKep(kepYaml({ stage: 'alhpa', 'latest-milestone': '"v1.20"' })));
    });
    it('decodes the PRR file strictly and validates it', () => {
      const prr = (t: string) => ({ 'keps/prod-readiness/sig-node/1234.yaml': t });
      invalid(oneKep(kepYaml(), prr('kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n  note: x\n')), 'kep/prr-invalid');
      invalid(oneKep(kepYaml(), prr('kep-number: 1234\nalpha:\n  approver: ""\n')), 'kep/prr-invalid');
      invalid(oneKep(kepYaml(), prr('alpha:\n  approver: "@wojtek-t"\n')), 'kep/prr-invalid');
      invalid(oneKep(kepYaml(), prr('kep-number: 1234\nbeta: {}\nalpha:\n  approver: "@wojtek-t"\n')), 'kep/prr-invalid');
      valid(oneKep(kepYaml(), prr('kep-number: 9999\nalpha:\n  approver: "@wojtek-t"\nbeta:\n')));
    });
  });

  describe('discovery (§1.1)', () => {
    it('a README.md without kep.yaml fails, also in keps/<sig>/', () => {
      const d = invalid(oneKep(kepYaml(), { 'keps/sig-node/README.md': '# SIG Node\n' }), 'kep/readme-without-kep-yaml');
      assert.equal(d.file, 'keps/sig-node/README.md');
      valid(oneKep(kepYaml(), { 'keps/sig-node/README.MD': '# x\n' }));
    });
    it('subdirectories sorting before kep.yaml are walked; after it they are skipped', () => {
      invalid(oneKep(kepYaml(), { 'keps/sig-node/1234-sleep/docs/README.md': '# d\n' }), 'kep/readme-without-kep-yaml');
      valid(oneKep(kepYaml(), { 'keps/sig-node/1234-sleep/zz/README.md': '# d\n', 'keps/sig-node/1234-sleep/zz/kep.yaml': 'not: [valid' }));
    });
    it('prod-readiness directories are skipped at any depth', () => {
      valid(oneKep(kepYaml(), { 'keps/sig-node/prod-readiness/README.md': '# x\n' }));
    });
    it('the template is validated like any KEP', () => {
      invalid(oneKep(kepYaml(), { 'keps/NNNN-kep-template/kep.yaml': 'title: x\n' }), 'kep/required-field');
    });
    it('fails without the layout repo.NewRepo needs', () => {
      invalid(oneKep(kepYaml(), { 'keps/README.md': undefined }), 'kep/repo-layout');
    });
  });

  it('kepDiagnosticsForFile gives the whole-tree diagnostics of that file', () => {
    const s = oneKep(kepYaml({ stage: 'beta', status: 'implemnted' }));
    const whole = kepDiagnostics(s).filter((d) => d.file === KEP);
    assert.deepEqual(kepDiagnosticsForFile(s, KEP), whole);
    const prrFile = 'keps/prod-readiness/sig-node/1234.yaml';
    const s2 = oneKep(kepYaml(), { [prrFile]: 'kep-number: 1234\nalpha:\n  approver: "@nobody"\n' });
    assert.deepEqual(kepDiagnosticsForFile(s2, prrFile), kepDiagnostics(s2).filter((d) => d.file === prrFile));
  });

  it('only CI failures are errors', () => {
    const s = oneKep(kepYaml({ status: 'implemnted', 'latest-milestone': '"v1.20"', authors: '\n  - alice' }));
    assert.deepEqual(codes(s), []);
    assert.ok(kepDiagnostics(s).some((d) => d.code === 'kep/invalid-status' && d.severity === 'warning'));
  });

  it('stays quiet outside kubernetes/enhancements', () => {
    assert.deepEqual(kepDiagnostics(repo({ 'README.md': '# x\n' }, { base: false })), []);
  });
});
