/**
 * KEP conformance over a real kubernetes/enhancements checkout:
 *   node --import tsx scripts/conformance-kep.ts [--corpus DIR] [--upcoming N]
 * Upstream CI passes on that tree, so any Error is a bug (exit 1). Warning counts are compared with kep.md §6.6, and
 * the kepctl-create-only findings with specs/kepctl-create-failures.json (printed, informational).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { kepDiagnostics } from '../server/src/core/kep/index';
import { isTemplateKepDir } from '../server/src/core/kep/kepFiles';
import type { RepoSnapshot } from '../server/src/core/snapshot';
import { readText, scanTree } from '../server/src/workspace/scan';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const repoRoot = path.resolve(__dirname, '..');
const corpus = path.resolve(arg('--corpus') ?? path.join(repoRoot, '..', 'shared', 'corpus', 'enhancements'));
if (!fs.existsSync(path.join(corpus, 'keps'))) {
  console.log(`skipped: no KEP corpus at ${corpus}`);
  process.exit(0);
}

class DiskSnapshot implements RepoSnapshot {
  readonly files: Set<string>;
  private readonly cache = new Map<string, string | undefined>();
  constructor(private readonly root: string) {
    this.files = new Set(scanTree(root, { alwaysSkip: new Set(['.git', 'node_modules']) }).files);
  }
  text(p: string): string | undefined {
    if (!this.cache.has(p)) this.cache.set(p, this.files.has(p) ? readText(path.join(this.root, p)).text : undefined);
    return this.cache.get(p);
  }
}

const snapshot = new DiskSnapshot(corpus);
// Read the files first so the timing below is the pure check, not the disk.
const tRead = process.hrtime.bigint();
for (const f of snapshot.files) if (f.startsWith('keps/') || f === 'OWNERS_ALIASES') snapshot.text(f);
const readMs = Number(process.hrtime.bigint() - tRead) / 1e6;
const upcoming = Number(arg('--upcoming') ?? 37);
const t0 = process.hrtime.bigint();
const diags = kepDiagnostics(snapshot, { upcomingMinor: upcoming });
const ms = Number(process.hrtime.bigint() - t0) / 1e6;

const counts = new Map<string, number>();
for (const d of diags) counts.set(`${d.severity.padEnd(11)} ${d.code}`, (counts.get(`${d.severity.padEnd(11)} ${d.code}`) ?? 0) + 1);
console.log(`KEP conformance over ${corpus} (upcoming minor ${upcoming}): ${diags.length} diagnostics in ${ms.toFixed(0)} ms (reading files: ${readMs.toFixed(0)} ms)`);
for (const [k, v] of [...counts].sort()) console.log(`  ${String(v).padStart(5)}  ${k}`);

const byCode = (code: string, perFile = false) => {
  const ds = diags.filter((d) => d.code === code);
  return perFile ? new Set(ds.map((d) => d.file)).size : ds.length;
};
// §6.6 counts include the two template KEPs and the PRR template; we give templates no warnings (their placeholder
// values are not mistakes; CI errors on them stay), so the expectations below are §6.6 minus the template entries.
const expected: [string, number, number, string][] = [
  // §6.6 counts 58 non-existent keps/ paths, 3 of them in the template; we also flag a link to a legacy .md file (it
  // exists, but is no KEP directory) and `keps/sig-node/2625-…"` with a stray quote in its value.
  ['kep/link-target', 58 - 3 + 2, byCode('kep/link-target'), 'see-also/replaces/superseded-by not naming an existing KEP directory'],
  ['kep/kep-number-dir', 2, byCode('kep/kep-number-dir'), 'kep-number ≠ directory prefix'],
  ['kep/replaced-without-superseded-by', 6, byCode('kep/replaced-without-superseded-by'), 'replaced without superseded-by'],
  ['kep/owning-sig-dir', 10 - 1, byCode('kep/owning-sig-dir'), 'owning-sig ≠ top-level dir (provider-* as information; not the template)'],
  ['kep/readme-h1', 7, byCode('kep/readme-h1'), 'README H1 KEP-N ≠ kep-number'],
  ['kep/duplicate-kep-number', 6 - 1, byCode('kep/duplicate-kep-number'), 'KEPs sharing a kep-number (0000 ×3 without the cloud-provider template, 2133 ×2)'],
  ['kep/date-format', 12 - 1, byCode('kep/date-format'), 'dates not yyyy-mm-dd, not the template\'s yyyy-mm-dd (we also flag impossible dates)'],
  ['kep/invalid-status', 6 - 1, byCode('kep/invalid-status'), 'bad status values (not the template)'],
  ['kep/implemented-not-stable', 6, byCode('kep/implemented-not-stable'), 'implemented without stable'],
  ['kep/unresolved (files)', 7, byCode('kep/unresolved', true), '<<[UNRESOLVED in implementable/implemented KEPs'],
  ['kep/prr-orphan', 2 - 1, byCode('kep/prr-orphan'), 'orphan PRR files (not template/nnnn.yaml)'],
  ['kep/prr-number-mismatch', 5 - 1, byCode('kep/prr-number-mismatch'), 'PRR kep-number ≠ file name (not template/nnnn.yaml)'],
  ['kep/yaml11-bool', 1, byCode('kep/yaml11-bool'), 'disable-supported: yes'],
  ['kep/ignored-key', 5, byCode('kep/ignored-key'), 'name ×4, id ×1'],
  ['kep/dashes-line', 0, byCode('kep/dashes-line'), 'kep.yaml lines containing ---'],
  ['kep/unknown-sig', 22 - 5, byCode('kep/unknown-sig'), 'participating-sigs outside the templates (sig-aaa/sig-bbb/sig-xyz are template placeholders)'],
  ['kep/missing-readme', 1, byCode('kep/missing-readme'), 'kep.yaml without README.md'],
];
console.log('\nWarnings vs kep.md §6.6 (expected / actual):');
for (const [code, want, got, what] of expected) console.log(`  ${want === got ? 'ok  ' : 'DIFF'} ${code.padEnd(40)} ${String(want).padStart(4)} / ${String(got).padEnd(4)} ${what}`);

// kepctl create (KEPHandler.Validate) findings: our warnings must flag exactly those files.
const specFile = path.join(repoRoot, '..', 'shared', 'specs', 'kepctl-create-failures.json');
if (fs.existsSync(specFile)) {
  const spec = JSON.parse(fs.readFileSync(specFile, 'utf8')) as { kephandler_validate_errors: Record<string, string[]> };
  const categories: [string, RegExp, (file: string) => boolean][] = [
    ['invalid participating-sig/owning-sig', /^invalid (participating|owning)-sig/, (f) => diags.some((d) => d.file === f && d.code === 'kep/unknown-sig')],
    ['invalid status', /^invalid status/, (f) => diags.some((d) => d.file === f && d.code === 'kep/invalid-status')],
    ['invalid stage', /^invalid stage/, (f) => diags.some((d) => d.file === f && d.code === 'kep/invalid-stage')],
    ['implemented without stable', /^status:implemented implies/, (f) => diags.some((d) => d.file === f && d.code === 'kep/implemented-not-stable')],
  ];
  console.log('\nkepctl create findings vs our warnings, template KEPs left out (files expected / flagged / missed / extra):');
  for (const [name, re, flagged] of categories) {
    const want = new Set(Object.entries(spec.kephandler_validate_errors).filter(([f, errs]) => !isTemplateKepDir(path.posix.dirname(f)) && errs.some((e) => re.test(e))).map(([f]) => f));
    const codeOf = name.startsWith('invalid part') ? 'kep/unknown-sig' : name === 'invalid status' ? 'kep/invalid-status' : name === 'invalid stage' ? 'kep/invalid-stage' : 'kep/implemented-not-stable';
    const got = new Set(diags.filter((d) => d.code === codeOf && d.file.endsWith('kep.yaml')).map((d) => d.file));
    const missed = [...want].filter((f) => !flagged(f));
    const extra = [...got].filter((f) => !want.has(f));
    console.log(`  ${missed.length || extra.length ? 'DIFF' : 'ok  '} ${name.padEnd(38)} ${want.size} / ${got.size} / ${missed.length} / ${extra.length}`);
    for (const f of missed) console.log(`       missed ${f}`);
    for (const f of extra) console.log(`       extra  ${f}`);
  }
}

const errors = diags.filter((d) => d.severity === 'error');
console.log(`\nErrors: ${errors.length} (upstream CI passes on this tree, so expected 0)`);
for (const e of errors.slice(0, 50)) console.log(`  ${e.file}:${e.range.start.line + 1}: ${e.code}: ${e.message}`);
process.exit(errors.length ? 1 : 0);
