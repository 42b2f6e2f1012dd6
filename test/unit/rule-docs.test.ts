/**
 * docs/rules.md documents every diagnostic code the source emits (each diagnostic links to `#<ruleAnchor(code)>`), and
 * nothing else: no stale sections. Codes are collected from the source, not from a hand-kept list.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Range } from '../../server/src/core/diagnostics';
import { strictProblemDiagnostic } from '../../server/src/core/kep/kepYaml';
import type { StrictProblem } from '../../server/src/core/kep/strictFile';
import { ruleAnchor } from '../../server/src/core/ruleDocs';
import { githubAnchor } from '../support/githubAnchor';

const ROOT = path.resolve(__dirname, '..', '..');
const SRC = path.join(ROOT, 'server', 'src');
const FAMILIES = '(?:owners|aliases|kep|suppression|config|github)';
/** A quoted code literal: 'kep/prr-missing' or "kep/prr-missing". */
const LITERAL = new RegExp(`(['"])(${FAMILIES}/[a-z0-9-]+)\\1`, 'g');
/** A code assembled at run time: `kep/${…}` (template literal) or 'kep/' + … (concatenation). */
const DYNAMIC = new RegExp(`\`${FAMILIES}/\\$\\{|(['"])${FAMILIES}/\\1\\s*\\+`);
/** Literals matching the pattern that are not diagnostic codes (none today). */
const NOT_CODES = new Set<string>([]);

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...sourceFiles(p));
    else if (e.name.endsWith('.ts')) out.push(p);
  }
  return out.sort();
}

const rel = (p: string) => path.relative(ROOT, p).split(path.sep).join('/');

/** The one place that builds codes dynamically: strictProblemDiagnostic (kep.yaml decode stages → `kep/<kind>`). */
function strictProblemCodes(): string[] {
  const text = fs.readFileSync(path.join(SRC, 'core', 'kep', 'strictFile.ts'), 'utf8');
  const union = /export type StrictProblemKind\s*=([^;]+);/.exec(text);
  assert.ok(union, 'StrictProblemKind union not found in strictFile.ts');
  const kinds = [...union[1].matchAll(/'([a-z0-9-]+)'/g)].map((m) => m[1]);
  assert.ok(kinds.length >= 5, `StrictProblemKind looks wrong: ${kinds.join(', ')}`);
  const range: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  // Ask the real function, so that its kind → code mapping (null-document → empty-document) is what is documented.
  return kinds.map((kind) => strictProblemDiagnostic('keps/x/kep.yaml', { kind, message: 'm', range } as StrictProblem, 'kep').code);
}

function emittedCodes(): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  const add = (code: string, where: string) => {
    if (NOT_CODES.has(code)) return;
    const list = codes.get(code) ?? [];
    if (!list.includes(where)) list.push(where);
    codes.set(code, list);
  };
  const dynamic: string[] = [];
  for (const file of sourceFiles(SRC)) {
    const text = fs.readFileSync(file, 'utf8');
    for (const m of text.matchAll(LITERAL)) add(m[2], rel(file));
    text.split('\n').forEach((line, i) => {
      if (DYNAMIC.test(line)) dynamic.push(`${rel(file)}:${i + 1}`);
    });
  }
  // A new dynamic construction would hide codes from the literal scan: it must be handled here explicitly.
  assert.deepEqual(
    dynamic.map((d) => d.replace(/:\d+$/, '')),
    ['server/src/core/kep/kepYaml.ts'],
    `codes built at run time outside kepYaml.ts's strictProblemDiagnostic: ${dynamic.join(', ')}`,
  );
  for (const code of strictProblemCodes()) add(code, 'server/src/core/kep/kepYaml.ts (strictProblemDiagnostic)');
  return codes;
}


const DOC = fs.readFileSync(path.join(ROOT, 'docs', 'rules.md'), 'utf8');
/** Every `###` heading of docs/rules.md, with its line. */
const HEADINGS = DOC.split('\n')
  .map((text, i) => ({ text, line: i + 1 }))
  .filter((h) => /^###\s/.test(h.text))
  .map((h) => ({ ...h, title: h.text.replace(/^###\s+/, '').trim() }));

describe('docs/rules.md', () => {
  const emitted = emittedCodes();

  it('finds the codes of every rule family in the source', () => {
    for (const family of ['owners/', 'aliases/', 'kep/', 'kep/toc-', 'suppression/', 'config/']) {
      assert.ok([...emitted.keys()].some((c) => c.startsWith(family)), `no ${family}* code found: the scan is broken`);
    }
    for (const dynamic of ['kep/unknown-key', 'kep/duplicate-key', 'kep/type-mismatch', 'kep/empty-document', 'kep/line-too-long']) {
      assert.ok(emitted.has(dynamic), `${dynamic} (built at run time) not collected`);
    }
  });

  it('has a "### `code`" section for every emitted code, at the anchor diagnostics link to', () => {
    const byCode = new Map<string, string>();
    for (const h of HEADINGS) {
      const m = /^`([^`]+)`$/.exec(h.title);
      if (m) byCode.set(m[1], githubAnchor(h.title));
    }
    const missing = [...emitted.keys()].filter((c) => !byCode.has(c)).sort();
    assert.deepEqual(missing, [], `undocumented codes (emitted in ${missing.map((c) => `${c}: ${emitted.get(c)!.join(', ')}`).join('; ')})`);
    for (const code of emitted.keys()) assert.equal(byCode.get(code), ruleAnchor(code), `anchor of ${code}`);
  });

  it('documents nothing but real codes, each once (no stale or duplicate sections)', () => {
    const bad = HEADINGS.filter((h) => !/^`[^`]+`$/.test(h.title)).map((h) => `line ${h.line}: ${h.text}`);
    assert.deepEqual(bad, [], 'every ### heading must be exactly one `code`');
    const titles = HEADINGS.map((h) => h.title.slice(1, -1));
    const stale = titles.filter((c) => !emitted.has(c));
    assert.deepEqual(stale, [], 'documented codes that the source never emits');
    const dupes = titles.filter((c, i) => titles.indexOf(c) !== i);
    assert.deepEqual(dupes, [], 'codes documented twice (GitHub would suffix the second anchor with -1)');
  });

  it('lists every code in a summary table', () => {
    const rows = new Set([...DOC.matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]));
    const missing = [...emitted.keys()].filter((c) => !rows.has(c)).sort();
    assert.deepEqual(missing, [], 'codes missing from the summary tables of docs/rules.md');
  });

  it('README.md "Diagnostic codes" lists every code, and only real ones', () => {
    const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    const section = /^## Diagnostic codes\n([\s\S]*?)(?=^## )/m.exec(readme);
    assert.ok(section, 'README.md has no "## Diagnostic codes" section');
    const listed = [...section[1].matchAll(/^\| `([^`]+)` \|/gm)].map((m) => m[1]);
    assert.deepEqual([...emitted.keys()].filter((c) => !listed.includes(c)).sort(), [], 'codes missing from README.md');
    assert.deepEqual(listed.filter((c) => !emitted.has(c)), [], 'README.md lists codes the source never emits');
  });
});
