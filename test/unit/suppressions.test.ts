import * as assert from 'node:assert/strict';
import type { Diagnostic } from '../../server/src/core/diagnostics';
import { applySuppressions, parseSuppressions, suppressFix } from '../../server/src/core/suppressions';

function diag(line: number, code: string, severity: Diagnostic['severity'] = 'warning'): Diagnostic {
  return { file: 'OWNERS', range: { start: { line, character: 2 }, end: { line, character: 5 } }, severity, code, message: 'm' };
}

describe('suppressions', () => {
  it('parses next-line and file suppressions with several codes (YAML and Markdown)', () => {
    const s = parseSuppressions('# kube-shepherd-disable owners/a\napprovers:\n  # kube-shepherd-disable-next-line owners/b, owners/c\n  - x\n', false);
    assert.deepEqual(s.map((x) => [x.kind, x.codes, x.line]), [['file', ['owners/a'], 0], ['next-line', ['owners/b', 'owners/c'], 2]]);
    const m = parseSuppressions('<!-- kube-shepherd-disable-next-line kep/unresolved -->\ntext\n', true);
    assert.deepEqual(m.map((x) => [x.kind, x.codes]), [['next-line', ['kep/unresolved']]]);
    assert.deepEqual(parseSuppressions('# kube-shepherd-disable-next-line\n', false), []);
  });

  it('suppresses only the named code on the next line; the rest stays', () => {
    const text = 'approvers:\n  # kube-shepherd-disable-next-line owners/b\n  - x\n  - y\n';
    const r = applySuppressions('OWNERS', text, [diag(2, 'owners/b'), diag(2, 'owners/z'), diag(3, 'owners/b')], false);
    assert.deepEqual(r.suppressed.map((d) => [d.range.start.line, d.code]), [[2, 'owners/b']]);
    assert.deepEqual(r.kept.map((d) => [d.range.start.line, d.code]), [[2, 'owners/z'], [3, 'owners/b']]);
    assert.deepEqual(r.unused, []);
  });

  it('a file suppression covers every line; an unused suppression is reported with a removal fix', () => {
    const text = '# kube-shepherd-disable owners/b\n# kube-shepherd-disable-next-line owners/q\napprovers:\n  - x\n';
    const r = applySuppressions('OWNERS', text, [diag(3, 'owners/b')], false);
    assert.equal(r.kept.length, 0);
    assert.equal(r.unused.length, 1);
    assert.equal(r.unused[0].code, 'suppression/unused');
    assert.equal(r.unused[0].range.start.line, 1);
    assert.equal(r.unused[0].fixes?.[0].edits[0].newText, '');
  });

  it('the "suppress on this line" fix inserts a comment above with the same indentation, and then suppresses', () => {
    const text = 'approvers:\n  - x\n';
    const d = diag(1, 'owners/b');
    const fix = suppressFix(text, d, false);
    const e = fix.edits[0];
    assert.deepEqual(e.range.start, { line: 1, character: 0 });
    const fixed = text.split('\n');
    fixed.splice(1, 0, e.newText.replace(/\n$/, ''));
    const after = fixed.join('\n');
    assert.match(after, /^ {2}# kube-shepherd-disable-next-line owners\/b$/m);
    const r = applySuppressions('OWNERS', after, [diag(2, 'owners/b')], false);
    assert.equal(r.suppressed.length, 1);
  });
});
