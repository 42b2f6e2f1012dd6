/**
 * `check` over the real corpora: Prow loads every OWNERS file of community, test-infra, enhancements and prow,
 * so Kube Shepherd must report 0 Errors there. Prints the count per code. Skips when the corpus is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
if (!fs.existsSync(corpus)) {
  console.log('owners check conformance: skipped (no corpus)');
  process.exit(0);
}
let errors = 0;
for (const name of ['community', 'test-infra', 'enhancements', 'prow']) {
  const root = path.join(corpus, name);
  if (!fs.existsSync(root)) continue;
  const t0 = Date.now();
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'kube-shepherd.js'), 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
  if (r.status === 2 || r.status === 3 || r.status === null) {
    console.log(`  ${name}: check crashed (exit ${r.status}): ${r.stderr}`);
    errors++;
    continue;
  }
  const diags = r.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as { code: string; severity: string; file: string });
  const owners = diags.filter((d) => /(^|\/)OWNERS(_ALIASES)?$/.test(d.file));
  const counts = new Map<string, number>();
  for (const d of owners) counts.set(`${d.severity} ${d.code}`, (counts.get(`${d.severity} ${d.code}`) ?? 0) + 1);
  const errs = owners.filter((d) => d.severity === 'error');
  errors += errs.length;
  console.log(`  ${name}: ${owners.length} OWNERS diagnostics in ${Date.now() - t0} ms, ${errs.length} errors`);
  for (const [k, v] of [...counts.entries()].sort()) console.log(`    ${k}: ${v}`);
  for (const e of errs.slice(0, 5)) console.log(`    ERROR ${JSON.stringify(e)}`);
}
console.log(errors === 0 ? 'owners check conformance: OK (0 errors)' : `owners check conformance: ${errors} errors`);
process.exit(errors === 0 ? 0 : 1);
