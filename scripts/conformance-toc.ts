/**
 * TOC conformance over the real kubernetes/enhancements corpus: for every file `hack/verify-toc.sh` checks
 * (`find keps -name '*.md'` minus hack/.notableofcontents), our mdtoc reproduction must find the checked-in TOC up
 * to date, as upstream CI does (kep.md §3.2: all 671 pass). Exits 1 on any failure; skips when the corpus is absent.
 *
 *   node --import tsx scripts/conformance-toc.ts [--corpus DIR]
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkToc } from '../server/src/core/kep/mdtoc';
import { isTocChecked, tocDiagnostics } from '../server/src/core/kep/tocRules';

const repoRoot = path.resolve(__dirname, '..');
const argCorpus = process.argv.indexOf('--corpus');
const corpus = path.resolve(argCorpus >= 0 ? process.argv[argCorpus + 1] : path.join(repoRoot, '..', 'shared', 'corpus', 'enhancements'));
if (!fs.existsSync(path.join(corpus, 'keps'))) {
  console.log(`toc conformance: skipped (no corpus at ${corpus})`);
  process.exit(0);
}

/**
 * `find keps -name '*.md'` without -L: symlinked files are listed, symlinked directories are not entered.
 * Paths are returned repository-relative with forward slashes, sorted.
 */
function findMarkdown(root: string, rel: string, out: string[]): string[] {
  for (const entry of fs.readdirSync(path.join(root, rel), { withFileTypes: true })) {
    const child = rel + '/' + entry.name;
    if (entry.isDirectory()) findMarkdown(root, child, out);
    else if (entry.name.endsWith('.md')) out.push(child);
  }
  return out;
}

/**
 * mdtoc reads through symlinks. A checkout without symlink support (git core.symlinks=false, as in the corpus
 * snapshot) stores a link as a one-line file holding the target path: follow that too.
 */
function readThroughLinks(root: string, rel: string): string {
  let abs = path.join(root, rel);
  for (let hops = 0; hops < 8; hops++) {
    const text = fs.readFileSync(abs, 'utf8');
    const isLinkStandIn = text.length > 0 && text.length < 4096 && !text.includes('\n') && !fs.lstatSync(abs).isSymbolicLink();
    const target = isLinkStandIn ? path.resolve(path.dirname(abs), text) : '';
    if (!target || !target.startsWith(root + path.sep) || !fs.existsSync(target) || !fs.statSync(target).isFile()) return text;
    abs = target;
  }
  return fs.readFileSync(abs, 'utf8');
}

const files = findMarkdown(corpus, 'keps', []).sort().filter(isTocChecked);
let passed = 0;
let failed = 0;
let slowestMs = 0;
let slowestFile = '';
for (const file of files) {
  const text = readThroughLinks(corpus, file);
  const t0 = process.hrtime.bigint();
  let verdict: string;
  try {
    const check = checkToc(text);
    verdict = check.kind === 'ok' ? 'ok' : check.kind === 'error' ? check.message : 'changes found';
  } catch (e) {
    verdict = `crash: ${(e as Error).message}`;
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (ms > slowestMs) [slowestMs, slowestFile] = [ms, file];
  // The diagnostics layer must agree: nothing reported on a file that passes.
  if (verdict === 'ok' && tocDiagnostics(file, text).length > 0) verdict = 'ok, but tocDiagnostics reported something';
  if (verdict === 'ok') passed++;
  else {
    failed++;
    if (failed <= 30) console.log(`  FAIL ${file}: ${verdict}`);
  }
}
console.log(`slowest check: ${slowestMs.toFixed(1)} ms (${slowestFile})`);
console.log(`toc: ${files.length} checked, ${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
