/**
 * Upstream parity for the KEP checks (issue #4): the order of kepval's PRR steps decides which errors exist, templates
 * are skipped like upstream skips them, the SIG Node tech-lead check fails as a whole on a broken OWNERS_ALIASES,
 * README.MD spelling, README rules over an undecodable kep.yaml, dates against today, and replaces/superseded-by
 * reciprocity.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { checkCommand } from '../../server/src/cli/checkCommand';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { kepDiagnostics, kepDiagnosticsForFile, type KepOptions } from '../../server/src/core/kep/index';
import { readKepYaml } from '../../server/src/core/kep/kepYaml';
import type { RepoSnapshot } from '../../server/src/core/snapshot';
import { kepProvider, setKepClock, upcomingMinor } from '../../server/src/workspace/kepProviders';
import { Repository } from '../../server/src/workspace/repository';
import { BASE, kepYaml, oneKep, OWNERS_ALIASES, PRR_OK } from '../fixtures/keps/repo';

const KEP = 'keps/sig-node/1234-sleep/kep.yaml';
const README = 'keps/sig-node/1234-sleep/README.md';
const PRR = 'keps/prod-readiness/sig-node/1234.yaml';

const all = (s: RepoSnapshot, o: KepOptions = {}) => kepDiagnostics(s, o);
const errorCodes = (s: RepoSnapshot, o: KepOptions = {}) => all(s, o).filter((d) => d.severity === 'error').map((d) => d.code);
const withCode = (s: RepoSnapshot, code: string, o: KepOptions = {}) => all(s, o).filter((d) => d.code === code);

describe('KEP parity with upstream CI (issue #4)', () => {
  describe('an invalid stage when ValidatePRR stops before looking at it', () => {
    const stageDiag = (s: RepoSnapshot): Diagnostic[] => withCode(s, 'kep/invalid-stage').filter((d) => d.file === KEP);

    it('a missing PRR file is the only CI error; the stage is still a warning', () => {
      const s = oneKep(kepYaml({ stage: 'aplha' }), { [PRR]: undefined });
      assert.deepEqual(errorCodes(s), ['kep/prr-missing']);
      const d = stageDiag(s);
      assert.deepEqual(d.map((x) => x.severity), ['warning']);
      assert.equal(d[0].fixes?.[0].edits[0].newText, 'alpha');
      assert.match(d[0].message, /fails on it then/);
    });
    it('a PRR file that does not decode comes first, too', () => {
      const s = oneKep(kepYaml({ stage: 'aplha' }), { [PRR]: 'kep-number: 1234\nalpha:\n  aprover: x\n' });
      assert.deepEqual(errorCodes(s), ['kep/prr-invalid']);
      assert.deepEqual(stageDiag(s).map((x) => x.severity), ['warning']);
    });
    it('below v1.21 PRR is not required: warning only', () => {
      const s = oneKep(kepYaml({ stage: 'aplha', 'latest-milestone': '"v1.20"' }));
      assert.deepEqual(errorCodes(s), []);
      assert.deepEqual(stageDiag(s).map((x) => x.severity), ['warning']);
    });
    it('a kep.yaml the walk never reaches gets the kepctl-only wording', () => {
      const nested = 'keps/sig-node/1234-sleep/zz/kep.yaml';
      const s = oneKep(kepYaml(), { [nested]: kepYaml({ stage: 'aplha' }) });
      const d = withCode(s, 'kep/invalid-stage').filter((x) => x.file === nested);
      assert.deepEqual(d.map((x) => x.severity), ['warning']);
      assert.match(d[0].message, /kepctl create/);
    });
    it('once the PRR file is read, the stage is the CI error (and only once)', () => {
      const s = oneKep(kepYaml({ stage: 'aplha' }));
      assert.deepEqual(errorCodes(s), ['kep/invalid-stage']);
      assert.deepEqual(stageDiag(s).map((x) => x.severity), ['error']);
    });
    it('an empty stage behind a missing latest-milestone is said as a warning', () => {
      const s = oneKep(kepYaml({ stage: '""', 'latest-milestone': '<omit>' }));
      const errs = all(s).filter((d) => d.severity === 'error');
      assert.deepEqual(errs.map((d) => [d.code, d.data?.key]), [['kep/required-field', 'latest-milestone']]);
      assert.deepEqual(stageDiag(s).map((x) => x.severity), ['warning']);
      // When CI itself reports the empty stage, there is no second diagnostic about it.
      const s2 = oneKep(kepYaml({ stage: '""' }));
      assert.deepEqual(stageDiag(s2), []);
    });
  });

  describe('YAML syntax exactly as yaml.v3 3.0.1 (checked against the Go library)', () => {
    it('a tab after a key\'s colon is separation; after `-`, `?` or an explicit key\'s `:` it is an error', () => {
      for (const t of [kepYaml().replace('status: ', 'status:\t'), kepYaml().replace('title: ', 'title: \t'), kepYaml({ milestone: '\n  alpha:\t"v1.30"' })]) {
        assert.deepEqual(errorCodes(oneKep(t)), [], JSON.stringify(t));
      }
      assert.deepEqual(errorCodes(oneKep(kepYaml({ reviewers: '\n  -\t"@bob"' }))), ['kep/yaml-syntax']);
      assert.deepEqual(errorCodes(oneKep(kepYaml() + '? editor\n:\tx\n')), ['kep/yaml-syntax']);
      assert.deepEqual(errorCodes(oneKep(kepYaml() + '? editor\n: x\n')), []);
    });
    it('a colon without a key is "did not find expected key", not a null key', () => {
      const line = (t: string) => all(oneKep(t)).find((d) => d.code === 'kep/yaml-syntax')?.range.start.line;
      assert.equal(line(kepYaml().replace('stage: alpha', ': alpha')), 8);
      assert.equal(line(kepYaml({ reviewers: '\n  - : "@bob"' })), 11);
      assert.equal(line(kepYaml() + ':\n'), 10);
      assert.equal(line(kepYaml({ 'see-also': '["/keps/x"]:' })), 10);
      // A null key written as such is still skipped silently.
      assert.deepEqual(errorCodes(oneKep(kepYaml() + '~: x\n')), []);
    });
    it('a quoted scalar may continue at any indentation, and folds; a lone CR is a line break', () => {
      const text = kepYaml({ title: '"Sleep\n\tbetter"', reviewers: '\n  - \'@bo\n\n  b\'' });
      assert.deepEqual(errorCodes(oneKep(text)), []);
      const p = readKepYaml(KEP, text).proposal!;
      assert.equal(p.fields.get('title')?.value, 'Sleep better');
      assert.deepEqual(p.fields.get('reviewers')?.value, ['@bo\nb']);
      assert.deepEqual(errorCodes(oneKep(kepYaml({ title: '"Sleep\n...\nbetter"' }))), ['kep/yaml-syntax'], 'a document marker inside ends it');
      assert.deepEqual(errorCodes(oneKep(kepYaml().replace('status: implementable', 'status: \rimplementable'))), ['kep/yaml-syntax']);
    });
    it('an alias to an anchor not defined before it fails', () => {
      assert.deepEqual(errorCodes(oneKep(kepYaml({ editor: '*nobody' }))), ['kep/yaml-syntax']);
      assert.deepEqual(errorCodes(oneKep('x: &a "@alice"\n'.replace('x: ', 'editor: ') + kepYaml({ reviewers: '\n  - *a' }))), []);
    });
  });

  describe('explicit tags keep the scalar text, as yaml.v3 Node.Value does', () => {
    it('!!binary is decoded once (valid base64 passes, unpadded fails) and !!timestamp keeps its text', () => {
      assert.deepEqual(errorCodes(oneKep(kepYaml({ title: '!!binary U2xlZXAgYmV0dGVy' }))), []);
      assert.deepEqual(errorCodes(oneKep(kepYaml({ title: '!!binary U2xlZXA' }))), ['kep/yaml-syntax']);
      const s = oneKep(kepYaml({ 'creation-date': '!!timestamp 2024-01-10' }));
      assert.deepEqual(errorCodes(s), []);
      assert.deepEqual(withCode(s, 'kep/date-format'), []);
    });
  });

  describe('templates', () => {
    const PRR_TEMPLATE = 'keps/prod-readiness/template/nnnn.yaml';
    const CP = 'keps/sig-cloud-provider/providers/0000-cloud-provider-template';
    it('the PRR template gets no orphan or number-mismatch warning; a real orphan still does', () => {
      const s = oneKep(kepYaml(), { [PRR_TEMPLATE]: 'kep-number: 0000\nalpha:\n  approver: ""\n', 'keps/prod-readiness/sig-node/77.yaml': 'kep-number: 78\nalpha:\n  approver: x\n' });
      assert.deepEqual(all(s).filter((d) => d.file === PRR_TEMPLATE), []);
      assert.deepEqual(kepDiagnosticsForFile(s, PRR_TEMPLATE), []);
      assert.deepEqual(all(s).filter((d) => d.file.endsWith('/77.yaml')).map((d) => d.code).sort(), ['kep/prr-number-mismatch', 'kep/prr-orphan']);
    });
    it('template KEPs keep their CI errors but get no placeholder warnings', () => {
      const tpl = 'title: x\nkep-number: "0000"\nauthors: ["@jane.doe"]\nowning-sig: sig-xyz\nstatus: provisional|implementable\nstage: alpha|beta|stable\napprovers: [TBD]\ncreation-date: yyyy-mm-dd\n';
      const s = oneKep(kepYaml(), {
        [`${CP}/kep.yaml`]: tpl, [`${CP}/README.md`]: '# KEP-NNNN: x\n',
        'keps/sig-node/0000-process/kep.yaml': kepYaml({ 'kep-number': '"0000"', status: 'provisional' }), 'keps/sig-node/0000-process/README.md': '# KEP-0000: Sleep better\n',
      });
      assert.deepEqual(all(s).filter((d) => d.file.startsWith(CP)), []);
      assert.deepEqual(withCode(s, 'kep/duplicate-kep-number'), [], 'a template number is no duplicate');
      const broken = oneKep(kepYaml(), { [`${CP}/kep.yaml`]: tpl.replace('title: x\n', ''), [`${CP}/README.md`]: '# x\n' });
      assert.ok(all(broken).some((d) => d.file === `${CP}/kep.yaml` && d.severity === 'error' && d.code === 'kep/required-field'));
    });
    it('a real KEP whose name ends in "template" is no template', () => {
      const dir = 'keps/sig-node/5978-claim-template';
      const s = oneKep(kepYaml(), { [`${dir}/kep.yaml`]: kepYaml({ 'kep-number': '5978', status: 'provisional', reviewers: '\n  - bob' }), [`${dir}/README.md`]: '# KEP-5978: Sleep better\n' });
      assert.equal(withCode(s, 'kep/handle-format').filter((d) => d.file.startsWith(dir)).length, 1);
    });
  });

  describe('SIG Node tech leads from OWNERS_ALIASES (loadTechLeads)', () => {
    const noAlias = OWNERS_ALIASES.replace('  sig-node-tech-leads:\n    - dchen1107\n    - mrunalp\n', '');
    const cases: [string, string | undefined, RegExp][] = [
      ['the alias is missing', noAlias, /no `sig-node-tech-leads` alias/],
      ['the alias has no members', OWNERS_ALIASES.replace('  sig-node-tech-leads:\n    - dchen1107\n    - mrunalp\n', '  sig-node-tech-leads: []\n'), /no members/],
      ['the alias is null', OWNERS_ALIASES.replace('  sig-node-tech-leads:\n    - dchen1107\n    - mrunalp\n', '  sig-node-tech-leads:\n'), /no members/],
      ['OWNERS_ALIASES does not decode', OWNERS_ALIASES + '  sig-node-tech-leads: [x]\n', /cannot be decoded/],
      ['OWNERS_ALIASES is missing', undefined, /does not exist/],
    ];
    for (const [what, text, why] of cases) {
      it(`fails every SIG Node KEP when ${what}`, () => {
        const s = oneKep(kepYaml(), {
          OWNERS_ALIASES: text,
          // Out of the tech-lead rule's reach by itself (withdrawn), but the check fails before looking at it.
          'keps/sig-node/9-gone/kep.yaml': kepYaml({ 'kep-number': '9', status: 'withdrawn' }), 'keps/sig-node/9-gone/README.md': '# KEP-9: x\n',
          'keps/sig-apps/8-x/kep.yaml': kepYaml({ 'kep-number': '8', 'owning-sig': 'sig-apps', status: 'provisional' }), 'keps/sig-apps/8-x/README.md': '# KEP-8: x\n',
        });
        const d = all(s, { upcomingMinor: 37 }).filter((x) => x.code === 'kep/sig-node-tech-lead');
        assert.deepEqual(d.map((x) => x.file).sort(), [KEP, 'keps/sig-node/9-gone/kep.yaml'], JSON.stringify(d));
        for (const x of d) {
          assert.equal(x.severity, 'error');
          assert.equal(x.upstream, 'nodeapprovers.VerifyAllTechLeadApprovers');
          assert.match(x.message, why);
        }
        assert.equal(d.find((x) => x.file === KEP)?.range.start.line, 6, 'at the approvers key');
        assert.deepEqual(kepDiagnosticsForFile(s, KEP, { upcomingMinor: 37 }), all(s, { upcomingMinor: 37 }).filter((x) => x.file === KEP));
      });
    }
    it('with the alias in place there is no such error; a member "" still counts as a member', () => {
      assert.deepEqual(withCode(oneKep(kepYaml()), 'kep/sig-node-tech-lead'), []);
      const s = oneKep(kepYaml(), { OWNERS_ALIASES: OWNERS_ALIASES.replace('    - dchen1107\n    - mrunalp\n  sig-node-leads', '    - ""\n  sig-node-leads') });
      assert.deepEqual(withCode(s, 'kep/sig-node-tech-lead', { upcomingMinor: 37 }), []);
    });
  });

  describe('README rules', () => {
    it('kep/readme-case fires for README.MD and other case variants', () => {
      for (const name of ['README.MD', 'Readme.md', 'readme.md', 'README.Md']) {
        const file = `keps/sig-node/1234-sleep/${name}`;
        const s = oneKep(kepYaml(), { [README]: undefined, [file]: '# KEP-1234: Sleep better\n' });
        assert.deepEqual(withCode(s, 'kep/readme-case').map((d) => d.file), [file], name);
        assert.deepEqual(kepDiagnosticsForFile(s, file).map((d) => d.code), ['kep/readme-case'], name);
      }
    });
    it('skips rules that compare with an undecodable kep.yaml, keeps the others', () => {
      const tpl = { 'keps/NNNN-kep-template/README.md': '# KEP-NNNN: t\n\n## Summary\n\n## Alternatives\n' };
      const s = oneKep('kep-number: [1234\n', { ...tpl, [README]: '# KEP-99: Other\n\n## Summary\n' });
      const d = all(s).filter((x) => x.file === README);
      assert.deepEqual(d.map((x) => x.code), ['kep/template-heading']);
      assert.ok(!d.some((x) => / \.|kep-number \./.test(x.message)), JSON.stringify(d));
    });
    it('skips the H1 comparison when kep-number is empty or the title is missing', () => {
      const s = oneKep(kepYaml({ 'kep-number': '""' }), { [README]: '# KEP-99: Other\n\n## Summary\n' });
      assert.deepEqual(all(s).filter((x) => x.file === README), []);
      const t = oneKep(kepYaml({ title: '<omit>' }), { [README]: '# KEP-1234: Other\n\n## Summary\n' });
      assert.deepEqual(all(t).filter((x) => x.file === README), []);
    });
  });

  describe('dates against today (injected)', () => {
    it('the core flags a date after today only when given today', () => {
      const s = oneKep(kepYaml({ 'creation-date': '2025-06-01' }));
      assert.equal(withCode(s, 'kep/date-order', { today: '2025-05-31' }).length, 1);
      assert.deepEqual(withCode(s, 'kep/date-order', { today: '2025-06-01' }), []);
      assert.deepEqual(withCode(s, 'kep/date-order'), []);
    });

    let root: string;
    beforeEach(() => {
      root = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-today-'));
      const files: Record<string, string> = { ...BASE, [KEP]: kepYaml({ 'creation-date': '2026-03-01' }), [README]: '# KEP-1234: Sleep better\n', [PRR]: PRR_OK };
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      }
    });
    afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

    it('the workspace adapter passes its clock to the core', () => {
      const repo = Repository.open(root);
      const prev = setKepClock(() => '2026-02-01');
      try {
        assert.deepEqual(kepProvider.diagnose(repo, KEP).filter((d) => d.code === 'kep/date-order').map((d) => d.message), ['creation-date 2026-03-01 is in the future.']);
        setKepClock(() => '2026-03-02');
        assert.deepEqual(kepProvider.diagnose(repo, KEP).filter((d) => d.code === 'kep/date-order'), []);
      } finally {
        setKepClock(prev);
      }
    });
    it('the default clock is the real date', () => {
      fs.writeFileSync(path.join(root, KEP), kepYaml({ 'creation-date': '2999-01-01' }));
      const repo = Repository.open(root);
      assert.equal(kepProvider.diagnoseAll!(repo).filter((d) => d.code === 'kep/date-order').length, 1);
    });
    it('kube-shepherd check uses today, or --today', () => {
      const run = (extra: string[]) => {
        let out = '';
        const code = checkCommand(['--root', root, '--format', 'json', ...extra], (s) => (out += s));
        return { code, dates: out.split('\n').filter(Boolean).map((l) => JSON.parse(l) as Diagnostic).filter((d) => d.code === 'kep/date-order') };
      };
      assert.equal(run(['--today', '2026-01-01']).dates.length, 1);
      assert.equal(run(['--today', '2026-12-31']).dates.length, 0);
      assert.equal(run([]).dates.length, new Date().toISOString().slice(0, 10) < '2026-03-01' ? 1 : 0);
      assert.throws(() => run(['--today', 'tomorrow']), /--today must be YYYY-MM-DD/);
    });
  });

  describe('the upcoming minor the workspace adapter assumes (nodeapprovers asks GitHub)', () => {
    const withMilestones = (ms: string[]): Repository => {
      const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kep-upcoming-'));
      after(() => fs.rmSync(root, { recursive: true, force: true }));
      const files: Record<string, string> = { ...BASE };
      ms.forEach((m, i) => (files[`keps/sig-node/${i + 1}-k/kep.yaml`] = kepYaml({ 'kep-number': String(i + 1), 'latest-milestone': `"${m}"` })));
      for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
      }
      return Repository.open(root);
    };
    it('one KEP planning ahead does not move it; otherwise the newest target', () => {
      assert.equal(upcomingMinor(withMilestones(['v1.36', 'v1.37', 'v1.37', 'v1.38'])), 37);
      assert.equal(upcomingMinor(withMilestones(['v1.36', 'v1.38'])), 38);
      assert.equal(upcomingMinor(withMilestones([])), 999);
    });
  });

  describe('replaces / superseded-by reciprocity (kep.md §7.4)', () => {
    const OLD = 'keps/sig-node/1000-old';
    const oldKep = (fields: Record<string, string> = {}) => kepYaml({ title: 'Old', 'kep-number': '1000', status: 'replaced', ...fields });
    const repoWith = (newFields: Record<string, string>, oldFields: Record<string, string> = {}, oldText?: string) =>
      oneKep(kepYaml(newFields), { [`${OLD}/kep.yaml`]: oldText ?? oldKep(oldFields), [`${OLD}/README.md`]: '# KEP-1000: Old\n' });

    it('superseded-by without the matching replaces is a warning with a fix in the other kep.yaml', () => {
      const s = repoWith({}, { 'superseded-by': '\n  - /keps/sig-node/1234-sleep' });
      const d = withCode(s, 'kep/replaces-reciprocal');
      assert.equal(d.length, 1);
      assert.equal(d[0].file, `${OLD}/kep.yaml`);
      assert.equal(d[0].severity, 'warning');
      assert.match(d[0].message, /superseded by keps\/sig-node\/1234-sleep, but that KEP's `replaces` does not list keps\/sig-node\/1000-old/);
      const edit = d[0].fixes?.[0].edits[0];
      assert.equal(edit?.file, KEP);
      assert.equal(edit?.newText, 'replaces:\n  - "/keps/sig-node/1000-old"\n');
    });
    it('replaces without the matching superseded-by, and the fix appends to a block list', () => {
      const s = repoWith({ replaces: '\n  - "/keps/sig-node/1000-old"' }, { 'superseded-by': '\n  - /keps/sig-apps/9-x' });
      const d = withCode(s, 'kep/replaces-reciprocal').filter((x) => x.file === KEP);
      assert.equal(d.length, 1);
      assert.match(d[0].message, /replaces keps\/sig-node\/1000-old, but that KEP's `superseded-by`/);
      const e = d[0].fixes?.[0].edits[0];
      assert.equal(e?.file, `${OLD}/kep.yaml`);
      assert.equal(e?.newText, '\n  - "/keps/sig-node/1234-sleep"');
    });
    it('a null or empty list is replaced by a new list', () => {
      for (const v of ['', ' ~', ' []']) {
        const s = repoWith({ replaces: '\n  - "/keps/sig-node/1000-old"' }, { 'superseded-by': v.trimStart() === '' ? '' : v.trimStart() });
        const e = withCode(s, 'kep/replaces-reciprocal')[0]?.fixes?.[0].edits[0];
        assert.equal(e?.newText, 'superseded-by:\n  - "/keps/sig-node/1234-sleep"', JSON.stringify(v));
      }
    });
    it('is quiet when both sides agree, in any path spelling', () => {
      const s = repoWith({ replaces: '\n  - "keps/sig-node/1000-old/"' }, { 'superseded-by': '\n  - /keps/sig-node/1234-sleep/README.md' });
      assert.deepEqual(withCode(s, 'kep/replaces-reciprocal'), []);
    });
    it('ignores links that do not resolve and counterparts that do not decode', () => {
      assert.deepEqual(withCode(oneKep(kepYaml({ replaces: '\n  - /keps/sig-node/5-gone\n  - n/a' })), 'kep/replaces-reciprocal'), []);
      assert.deepEqual(withCode(repoWith({ replaces: '\n  - "/keps/sig-node/1000-old"' }, {}, 'title: [broken\n'), 'kep/replaces-reciprocal').filter((d) => d.file === KEP), []);
    });
    it('single-file runs agree with the whole tree', () => {
      const s = repoWith({ replaces: '\n  - "/keps/sig-node/1000-old"' });
      assert.deepEqual(kepDiagnosticsForFile(s, KEP), all(s).filter((d) => d.file === KEP));
    });
  });
});
