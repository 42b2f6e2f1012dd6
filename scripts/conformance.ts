/** Runs every conformance script over ../shared/corpus (each skips itself when the corpus is absent). */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const scripts = ['conformance-owners.ts', 'conformance-owners-check.ts', 'conformance-toc.ts', 'conformance-kep.ts', 'conformance-sigs.ts'];
let failed = 0;
for (const s of scripts) {
  const file = path.join(__dirname, s);
  if (!fs.existsSync(file)) continue;
  console.log(`\n=== ${s}`);
  const r = spawnSync(process.execPath, ['--import', 'tsx', file, ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.log(`=== ${s} FAILED (exit ${r.status})`);
  }
}
console.log(failed === 0 ? '\nconformance: all passed' : `\nconformance: ${failed} script(s) failed`);
process.exit(failed === 0 ? 0 : 1);
