/**
 * How the OWNERS index build grows with the tree (issue #7): for each size, the directory walk, the floor (walk + bare
 * `yaml` parse of every OWNERS file) and `Repository.open`, with the live heap it keeps (after a forced GC) and the
 * process RSS, per file, so 10k → 100k → 1M growth is visible at a glance.
 *   node --expose-gc --import tsx bench/scaling.ts 10k 100k 1M [--runs=3]
 * Trees are generated once into /tmp/ks-scale-<files> and reused (a 1M tree takes minutes to write).
 * One size per process gives the cleanest heap/RSS figures: run the script once per size when comparing. Heap and RSS
 * are taken after the first build (no earlier Repository alive); times are medians (3 runs below 1M, 1 run at 1M).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as yamlParse } from 'yaml';
import { Repository } from '../server/src/workspace/repository';
import { readText, scanTree } from '../server/src/workspace/scan';
import { generateTree } from './generate';
import { median, timed } from './stats';

const gc = (globalThis as { gc?: () => void }).gc;
if (!gc) throw new Error('run with --expose-gc (node --expose-gc --import tsx bench/scaling.ts …)');

function parseSize(s: string): number {
  const m = /^(\d+(?:\.\d+)?)([kKmM]?)$/.exec(s);
  if (!m) throw new Error(`bad size ${s} (use e.g. 10k, 100k, 1M)`);
  return Math.round(Number(m[1]) * (m[2] === '' ? 1 : /k/i.test(m[2]) ? 1e3 : 1e6));
}

const args = process.argv.slice(2);
const runsArg = args.find((a) => a.startsWith('--runs='));
const sizes = args.filter((a) => !a.startsWith('--')).map(parseSize);
if (sizes.length === 0) sizes.push(10_000, 100_000);

/** A tree is reused only if its generation finished (the marker is written last). */
function treeFor(files: number): string {
  const root = `/tmp/ks-scale-${files}`;
  const marker = `${root}.done`;
  if (!fs.existsSync(marker)) {
    const t0 = Date.now();
    generateTree(root, files, Math.max(1, Math.round(files / 20)));
    fs.writeFileSync(marker, new Date().toISOString() + '\n');
    console.error(`generated ${root} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  }
  return root;
}

/** Live heap after two full collections (the second lets finalised weak structures go). */
function liveHeapMB(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1048576;
}

const isOwners = (f: string) => f === 'OWNERS' || f.endsWith('/OWNERS') || f === 'OWNERS_ALIASES';

interface Row {
  files: number;
  owners: number;
  walk: number;
  floor: number;
  open: number;
  heapWalk: number;
  heapOpen: number;
  rss: number;
}

function measure(files: number, runs: number): Row {
  const root = treeFor(files);
  const skip = new Set(['.git']);
  const walks: number[] = [];
  const floors: number[] = [];
  const opens: number[] = [];
  let owners = 0;
  let heapWalk = 0;
  for (let i = 0; i < runs; i++) {
    const before = liveHeapMB();
    const [scan, w] = timed(() => scanTree(root, { alwaysSkip: skip }));
    walks.push(w);
    if (i === 0) heapWalk = liveHeapMB() - before; // the bare file list, kept alive by `scan` (first run: see below)
    owners = scan.files.filter(isOwners).length;
  }
  gc!();
  for (let i = 0; i < runs; i++) {
    floors.push(
      timed(() => {
        const s = scanTree(root, { alwaysSkip: skip });
        for (const f of s.files) {
          if (!isOwners(f)) continue;
          const t = readText(path.join(root, f)).text;
          if (t !== undefined) yamlParse(t, { uniqueKeys: false });
        }
      })[1],
    );
    gc!();
  }
  let repo: Repository | undefined;
  let heapOpen = 0;
  let rss = 0;
  // Heap and RSS from the first build only: later ones may still see the previous Repository in a stale stack slot.
  const before = liveHeapMB();
  for (let i = 0; i < runs; i++) {
    repo = undefined;
    if (i > 0) gc!();
    const [r, t] = timed(() => Repository.open(root));
    repo = r;
    opens.push(t);
    if (i === 0) {
      heapOpen = liveHeapMB() - before;
      rss = process.memoryUsage().rss / 1048576;
    }
  }
  if (!repo || repo.files.size === 0) throw new Error('empty repository');
  return { files, owners, walk: median(walks), floor: median(floors), open: median(opens), heapWalk, heapOpen, rss };
}

const rows: Row[] = [];
for (const n of sizes) {
  const runs = runsArg ? Number(runsArg.slice(7)) : n >= 1_000_000 ? 1 : 3;
  rows.push(measure(n, runs));
  console.error(`measured ${n} files (${runs} run(s))`);
}

const us = (msv: number, n: number) => ((msv * 1000) / n).toFixed(2);
const header = ['files', 'OWNERS', 'walk ms', 'floor ms', 'open ms', 'open/floor', 'walk µs/f', 'open µs/f', 'heap(walk) MB', 'heap(open) MB', 'heap B/f', 'RSS MB'];
const table = rows.map((r) => [
  String(r.files),
  String(r.owners),
  r.walk.toFixed(0),
  r.floor.toFixed(0),
  r.open.toFixed(0),
  (r.open / r.floor).toFixed(2) + '×',
  us(r.walk, r.files),
  us(r.open, r.files),
  r.heapWalk.toFixed(1),
  r.heapOpen.toFixed(1),
  ((r.heapOpen * 1048576) / r.files).toFixed(0),
  r.rss.toFixed(0),
]);
const widths = header.map((h, i) => Math.max(h.length, ...table.map((t) => t[i].length)));
const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i])).join('  ');
console.log(line(header));
for (const t of table) console.log(line(t));
console.log(`(median of runs; heap = growth of the live heap (after forced GC) kept by the scan result / the Repository; ${new Date().toISOString()})`);
