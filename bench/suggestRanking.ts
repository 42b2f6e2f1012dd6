/**
 * Focused benchmark of the reviewer suggestion for a 200-file change (the "ranking for a 200-file change" figure of
 * bench/run.ts, measured the same way: warm owners queries, median of several suggestReviewers calls), without the
 * rest of the bench. The generated tree is kept between runs under $TMPDIR so repeated measurements are cheap.
 *   node --import tsx bench/suggestRanking.ts [--reps N] [--runs N] [--no-corpus] [--no-generated] [--ab] [--cpu]
 * --ab also times the straightforward per-file implementation (the differential test's oracle), interleaved with the
 * current one, so both see the same load on a shared machine.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ownersReport } from '../server/src/core/owners/report';
import { suggestReviewers } from '../server/src/core/reviewers/suggest';
import { ownershipOf } from '../server/src/core/sigs/ownership';
import { Repository } from '../server/src/workspace/repository';
import { generateTree } from './generate';
import { suggestReviewers as suggestPerFile } from '../test/unit/suggest-reference/suggest';
import { median } from './stats';

const argv = process.argv.slice(2);
const num = (flag: string, dflt: number) => {
  const i = argv.indexOf(flag);
  return i >= 0 ? Number(argv[i + 1]) : dflt;
};
const reps = num('--reps', 7);
const runs = num('--runs', 5);
const ab = argv.includes('--ab');

/** --cpu: process CPU time instead of wall time (less sensitive to other processes on a shared machine). */
const cpu = argv.includes('--cpu');

function ms(fn: () => void): number {
  if (cpu) {
    const c0 = process.cpuUsage();
    fn();
    const c = process.cpuUsage(c0);
    return (c.user + c.system) / 1000;
  }
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** Same preparation and same change as bench/run.ts benchTree. */
function benchTree(label: string, root: string, queryPaths?: string[]): void {
  const repo = Repository.open(root);
  const owners = repo.index.queries;
  const paths = queryPaths ?? [...repo.files].slice(0, 25_000);
  const change = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 200)) === 0).slice(0, 200);
  // Cold: nothing memoised (right after indexing or an OWNERS edit); median over a few invalidations.
  const colds = [0, 1, 2].map(() => {
    owners.invalidate();
    return ms(() => suggestReviewers({ owners, files: change, author: 'someone', prNumber: 4242 }));
  });
  const coldRefs = ab ? [0, 1, 2].map(() => {
    owners.invalidate();
    return ms(() => suggestPerFile({ owners, files: change, author: 'someone', prNumber: 4242 }));
  }) : [];
  const cold = median(colds);
  owners.invalidate(); // then the same warm-up as bench/run.ts
  for (const p of paths) ownersReport(owners, p);
  const sample = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 500)) === 0).slice(0, 500);
  for (const p of sample) ownershipOf(owners, repo.index.owners, p);
  const medians: number[] = [];
  const refMedians: number[] = [];
  for (let r = 0; r < runs; r++) {
    const ts: number[] = [];
    const refs: number[] = [];
    for (let i = 0; i < reps; i++) {
      ts.push(ms(() => suggestReviewers({ owners, files: change, author: 'someone', prNumber: 4242 })));
      if (ab) refs.push(ms(() => suggestPerFile({ owners, files: change, author: 'someone', prNumber: 4242 })));
    }
    medians.push(median(ts));
    if (ab) refMedians.push(median(refs));
  }
  const show = (xs: number[]) => `[${xs.map((m) => m.toFixed(2)).join(', ')}] ms; median ${median(xs).toFixed(2)} ms`;
  console.log(`${label}: ranking for a ${change.length}-file change (cold first call ${cold.toFixed(1)} ms): median-of-${reps} per run ${show(medians)}`);
  if (ab) console.log(`${label}:   per-file reference (cold ${median(coldRefs).toFixed(1)} ms), interleaved: ${show(refMedians)}`);
}

function generated(files: number, owners: number): { root: string; files: string[] } {
  const root = path.join(os.tmpdir(), `ks-bench-suggest-${files}-${owners}`);
  const list = path.join(os.tmpdir(), `ks-bench-suggest-${files}-${owners}.files`);
  if (fs.existsSync(list)) return { root, files: fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) };
  const tree = generateTree(root, files, owners);
  fs.writeFileSync(list, tree.files.join('\n') + '\n');
  return tree;
}

if (!argv.includes('--no-generated')) {
  for (const [files, owners] of [[10_000, 500], [100_000, 5_000]] as const) {
    const tree = generated(files, owners);
    benchTree(`generated ${files / 1000}k/${owners}`, tree.root, tree.files.slice(0, 25_000));
  }
}
const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
if (!argv.includes('--no-corpus') && fs.existsSync(corpus)) {
  for (const name of ['community', 'test-infra', 'enhancements', 'prow']) {
    const root = path.join(corpus, name);
    const list = path.join(root, 'FILES.txt');
    benchTree(name, root, fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) : undefined);
  }
}
