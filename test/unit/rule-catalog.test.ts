/**
 * server/src/core/ruleCatalog.ts (behind shepherd/rulesForFile) lists exactly the codes the source emits, each with
 * the row of docs/rules.md's summary tables that describes it, and at least one kind of file.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from '../../server/src/core/diagnostics';
import { strictProblemDiagnostic } from '../../server/src/core/kep/kepYaml';
import type { StrictProblem } from '../../server/src/core/kep/strictFile';
import { FILE_KINDS, RULE_CATALOG, ruleSummary, rulesOfKind } from '../../server/src/core/ruleCatalog';
import { ruleDocUrl } from '../../server/src/core/ruleDocs';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'server', 'src');
const CATALOG = path.join(SRC, 'core', 'ruleCatalog.ts');
const FAMILIES = '(?:owners|aliases|kep|suppression|config|github)';
const LITERAL = new RegExp(`(['"])(${FAMILIES}/[a-z0-9-]+)\\1`, 'g');

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts') && p !== CATALOG) out.push(p);
  }
  return out;
}

/** Codes in the source (the catalog itself excluded), plus the kep.yaml decode codes built at run time. */
function sourceCodes(): Set<string> {
  const codes = new Set<string>();
  for (const f of sourceFiles(SRC)) for (const m of fs.readFileSync(f, 'utf8').matchAll(LITERAL)) codes.add(m[2]);
  const strict = fs.readFileSync(path.join(SRC, 'core', 'kep', 'strictFile.ts'), 'utf8');
  const union = /export type StrictProblemKind\s*=([^;]+);/.exec(strict);
  assert.ok(union, 'StrictProblemKind union not found');
  const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  for (const [, kind] of union[1].matchAll(/'([a-z0-9-]+)'/g)) {
    codes.add(strictProblemDiagnostic('keps/x/kep.yaml', { kind, message: 'm', range } as StrictProblem, 'kep').code);
  }
  return codes;
}

/** The summary-table rows of docs/rules.md: code → [severity, mirrors, quick fix]. */
function docRows(): Map<string, [string, string, string]> {
  const doc = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
  const rows = new Map<string, [string, string, string]>();
  const re = new RegExp(`^\\| \`(${FAMILIES}/[a-z0-9-]+)\` \\| ([^|]*) \\| ([^|]*) \\| ([^|]*) \\|$`, 'gm');
  for (const m of doc.matchAll(re)) rows.set(m[1], [m[2].trim(), m[3].trim(), m[4].trim()]);
  return rows;
}

describe('rule catalog (shepherd/rulesForFile)', () => {
  it('lists exactly the codes found in the source, once each', () => {
    const listed = RULE_CATALOG.map((r) => r.code);
    assert.deepEqual(listed.filter((c, i) => listed.indexOf(c) !== i), [], 'duplicates');
    const src = sourceCodes();
    assert.ok(src.size > 90, `the scan found only ${src.size} codes`);
    assert.deepEqual([...src].filter((c) => !listed.includes(c)).sort(), [], 'codes emitted by the source but missing from the catalog');
    assert.deepEqual(listed.filter((c) => !src.has(c)).sort(), [], 'catalog codes the source never emits');
  });

  it("matches docs/rules.md's summary tables (severity, mirrors, quick fix)", () => {
    const rows = docRows();
    for (const r of RULE_CATALOG) assert.deepEqual([r.severity, r.mirrors, r.quickFix], rows.get(r.code), r.code);
  });

  it('gives every code at least one known file kind; every kind but "other" has rules; summaries and links are built', () => {
    for (const r of RULE_CATALOG) {
      assert.ok(r.kinds.length > 0 && r.kinds.every((k) => FILE_KINDS.includes(k)), r.code);
      assert.ok(ruleSummary(r).startsWith(r.severity));
    }
    for (const k of FILE_KINDS) assert.ok(rulesOfKind(k).length > 0, k);
    const owners = rulesOfKind('OWNERS');
    const banned = owners.find((r) => r.code === 'owners/banned-label');
    assert.ok(banned);
    assert.equal(banned.url, ruleDocUrl('owners/banned-label'));
    assert.equal(banned.summary, 'Error · mirrors verify-owners "File contains banned labels"');
    assert.ok(rulesOfKind('OWNERS_ALIASES').every((r) => !r.code.startsWith('kep/')));
  });
});
