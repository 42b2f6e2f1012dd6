import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { kepDiagnostics, type KepOptions } from '../../server/src/core/kep/index';
import { milestoneMinor } from '../../server/src/core/kep/sigNode';
import type { RepoSnapshot } from '../../server/src/core/snapshot';
import { kepYaml, oneKep } from '../fixtures/keps/repo';

const node = (s: RepoSnapshot, o: KepOptions = { upcomingMinor: 37 }): Diagnostic[] =>
  kepDiagnostics(s, o).filter((d) => d.severity === 'error' && d.code.startsWith('kep/sig-node'));
const OWNERS = 'keps/sig-node/1234-sleep/OWNERS';
const approvers = (items: string) => ({ approvers: '\n' + items });

describe('SIG Node checks (nodeapprovers)', () => {
  it('a marked approver needs an OWNERS file listing them', () => {
    const kep = kepYaml(approvers('  - "@mrunalp"\n  - "@bob" # sig-node-assigned-approver'));
    const d = node(oneKep(kep));
    assert.equal(d.length, 1);
    assert.equal(d[0].upstream, 'nodeapprovers.VerifyAll');
    assert.equal(d[0].range.start.line, 8);
    assert.deepEqual(node(oneKep(kep, { [OWNERS]: 'approvers:\n  - Bob\n' })), []);
    assert.equal(node(oneKep(kep, { [OWNERS]: 'approvers:\n  - carol\n' })).length, 2);
  });
  it('the marker must be exact; flow style does not attach it', () => {
    const owners = { [OWNERS]: 'reviewers:\n  - bob\n' };
    assert.deepEqual(node(oneKep(kepYaml({ reviewers: '\n  - "@bob" #sig-node-assigned-reviewer' }), owners)), []);
    assert.equal(node(oneKep(kepYaml({ reviewers: '\n  - "@bob" # sig-node-assigned-reviewer (beta)' }), owners)).length, 1);
    const flow = node(oneKep(kepYaml({ reviewers: '["@bob"] # sig-node-assigned-reviewer' }), owners));
    assert.equal(flow.length, 1);
    const withFix = node(oneKep(kepYaml({ reviewers: '\n  - "@bob"' }), owners))[0];
    assert.equal(withFix.fixes?.[0].edits[0].newText, ' # sig-node-assigned-reviewer');
  });
  it('applies to any SIG with an OWNERS file in the KEP directory', () => {
    const s = oneKep(kepYaml({ 'owning-sig': 'sig-apps' }), {
      'keps/sig-apps/9-x/kep.yaml': kepYaml({ 'kep-number': '9', 'owning-sig': 'sig-apps', status: 'provisional' }),
      'keps/sig-apps/9-x/README.md': '# KEP-9: x\n',
      'keps/sig-apps/9-x/OWNERS': 'approvers:\n  - zed\n',
      'keps/prod-readiness/sig-apps/1234.yaml': 'kep-number: 1234\nalpha:\n  approver: wojtek-t\n',
    });
    assert.equal(node(s).filter((d) => d.file.includes('9-x')).length, 1);
  });
  describe('tech-lead rule', () => {
    const v = (latest: string, stage: string, list: string) => kepYaml({ 'latest-milestone': `"${latest}"`, stage, ...approvers(list) });
    const prrFor = (stage: string) => ({ 'keps/prod-readiness/sig-node/1234.yaml': `kep-number: 1234\n${stage}:\n  approver: wojtek-t\n` });
    it('is skipped below v1.36 and for withdrawn KEPs', () => {
      assert.deepEqual(node(oneKep(v('v1.35', 'beta', '  - "@someone"'), prrFor('beta'))), []);
      assert.deepEqual(node(oneKep(kepYaml({ status: 'withdrawn', 'latest-milestone': '"v1.40"', ...approvers('  - "@x"') }))), []);
    });
    it('an actively-alpha KEP needs a tech lead and no marked approver', () => {
      const s = oneKep(v('v1.37', 'alpha', '  - "@someone"'));
      const d = node(s);
      assert.equal(d.length, 1);
      assert.equal(d[0].code, 'kep/sig-node-tech-lead');
      assert.deepEqual(node(oneKep(v('v1.37', 'alpha', '  - "@MrunalP"'))), []);
      assert.match(node(oneKep(v('v1.37', 'alpha', '  - "@sig-node-tech-leads"')))[0].message, /alias/);
      const marked = oneKep(v('v1.37', 'alpha', '  - "@dchen1107"\n  - "@bob" # sig-node-assigned-approver'), { [OWNERS]: 'approvers:\n  - bob\n' });
      assert.equal(node(marked).length, 1);
    });
    it('otherwise a tech lead or a marked approver suffices; upcoming minor is an input', () => {
      const s = oneKep(v('v1.37', 'alpha', '  - "@bob" # sig-node-assigned-approver'), { [OWNERS]: 'approvers:\n  - bob\n' });
      assert.equal(node(s, { upcomingMinor: 37 }).length, 2);
      assert.deepEqual(node(s, { upcomingMinor: 38 }), []);
      assert.deepEqual(node(s, {}), []);
      assert.equal(node(oneKep(v('v1.36', 'beta', '  - "@someone"'), prrFor('beta'))).length, 1);
    });
  });
  it('reads the minor like parseMilestoneMinor', () => {
    assert.equal(milestoneMinor('v1.36'), 36);
    assert.equal(milestoneMinor('"1.037.2"'), 37);
    assert.equal(milestoneMinor('TBD'), 0);
    assert.equal(milestoneMinor('v1.x'), 0);
  });
});
