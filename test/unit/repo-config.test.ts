import * as assert from 'node:assert/strict';
import { applyRuleSettings, parseRepoConfig } from '../../server/src/core/config/repoConfig';
import type { Diagnostic } from '../../server/src/core/diagnostics';

describe('.kube-shepherd.yaml', () => {
  it('reads severities, rules off, upcoming release and Prow settings', () => {
    const { config, diagnostics } = parseRepoConfig('rules:\n  owners/duplicate-entry: error\n  owners/unknown-label: off\nupcomingRelease: 37\nbannedLabels: [approved]\ndirDenylist: ["^third_party$"]\nmdYaml: true\n');
    assert.deepEqual(diagnostics, []);
    assert.equal(config.upcomingRelease, 37);
    assert.deepEqual(config.bannedLabels, ['approved']);
    assert.equal(config.mdYaml, true);
    const d = (code: string): Diagnostic => ({ file: 'OWNERS', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, severity: 'warning', code, message: '' });
    const out = applyRuleSettings([d('owners/duplicate-entry'), d('owners/unknown-label'), d('owners/other')], config);
    assert.deepEqual(out.map((x) => [x.code, x.severity]), [['owners/duplicate-entry', 'error'], ['owners/other', 'warning']]);
  });

  it('reports an invalid configuration with the range of the offending value', () => {
    const text = 'rules:\n  owners/duplicate-entry: loud\nupcomingRelease: soon\nbogus: 1\n';
    const { config, diagnostics } = parseRepoConfig(text);
    assert.deepEqual(config.rules, {});
    assert.ok(diagnostics.length >= 3, JSON.stringify(diagnostics));
    assert.ok(diagnostics.every((x) => x.code === 'config/invalid' && x.severity === 'error'));
    const lines = diagnostics.map((x) => x.range.start.line).sort();
    assert.ok(lines.includes(1) && lines.includes(2), `ranges on the offending lines: ${lines}`);
    assert.ok(diagnostics.some((x) => /bogus/.test(x.message)));
  });

  it('reports YAML syntax errors', () => {
    const { diagnostics } = parseRepoConfig('rules: [\n');
    assert.equal(diagnostics[0].code, 'config/invalid');
  });
});
