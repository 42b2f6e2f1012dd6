/**
 * Kube Shepherd benchmarks: prints a table and writes bench/results.json. Every Kube Shepherd figure is shown next
 * to its floor measured in the same run (walk alone; bare `yaml` parse of the same files).
 *   npm run bench          full run (generated 10k/100k trees + real corpora)
 *   npm run bench:smoke    short run for CI
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parse as yamlParse } from 'yaml';
import { ownersReport } from '../server/src/core/owners/report';
import { Repository } from '../server/src/workspace/repository';
import { readText, scanTree } from '../server/src/workspace/scan';
import { generateTree } from './generate';
import { ownershipOf } from '../server/src/core/sigs/ownership';
import { suggestReviewers } from '../server/src/core/reviewers/suggest';
import { spawnSync } from 'node:child_process';
import { runLatency, type LatencyDoc } from './lspLatency';
import { aliasesRoundTrip } from './ownersAliasesEdit';
import { LspClient, SERVER_JS } from '../test/support/lspClient';
import { median, timed } from './stats';

const smoke = process.argv.includes('--smoke');
const results: Record<string, unknown>[] = [];
const rows: string[][] = [];

function best(n: number, fn: () => void): number {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) ts.push(timed(fn)[1]);
  return median(ts);
}

function record(name: string, value: number, unit: string, floor?: number, goal?: string): void {
  const ratio = floor ? value / floor : undefined;
  results.push({ name, value: +value.toFixed(3), unit, floor: floor ? +floor.toFixed(3) : undefined, ratio: ratio ? +ratio.toFixed(2) : undefined, goal });
  rows.push([name, `${value.toFixed(value < 10 ? 3 : 1)} ${unit}`, floor ? `${floor.toFixed(floor < 10 ? 3 : 1)} ${unit}` : '', ratio ? `${ratio.toFixed(2)}×` : '', goal ?? '']);
}

/** Floor: walk the tree, read every OWNERS file and parse it with the bare `yaml` package. */
function floorIndex(root: string): number {
  return best(smoke ? 1 : 3, () => {
    const s = scanTree(root, { alwaysSkip: new Set(['.git']) });
    for (const f of s.files) {
      if (f.endsWith('/OWNERS') || f === 'OWNERS' || f === 'OWNERS_ALIASES') {
        const t = readText(path.join(root, f)).text;
        if (t !== undefined) yamlParse(t, { uniqueKeys: false });
      }
    }
  });
}

function benchTree(label: string, root: string, queryPaths?: string[]): void {
  const walk = best(smoke ? 1 : 3, () => scanTree(root, { alwaysSkip: new Set(['.git']) }));
  const floor = floorIndex(root);
  let repo!: Repository;
  const build = best(smoke ? 1 : 3, () => {
    // Drop the previous build first, so peak memory is one index, not two.
    repo = undefined as unknown as Repository;
    repo = Repository.open(root);
  });
  record(`${label}: directory walk (floor)`, walk, 'ms');
  record(`${label}: index build (cold)`, build, 'ms', floor, '≤ 1.5× floor');
  const owners = repo.index.queries;
  const paths = queryPaths ?? [...repo.files].slice(0, 25_000);
  for (const p of paths) ownersReport(owners, p); // warm-up
  const q = best(smoke ? 1 : 3, () => {
    for (const p of paths) ownersReport(owners, p);
  });
  record(`${label}: owners of ${paths.length} paths (warm)`, q, 'ms', undefined, paths.length >= 25_000 ? '≤ 500 ms' : undefined);
  const single = paths[Math.floor(paths.length / 2)];
  const reps = 2000;
  const [, tq] = timed(() => {
    for (let i = 0; i < reps; i++) ownersReport(owners, single);
  });
  record(`${label}: owners of one path`, (tq / reps) * 1000, 'µs');
  const someOwners = [...repo.index.files.keys()][Math.floor(repo.index.files.size / 2)];
  const text = repo.text(someOwners) ?? '';
  const inc = median(
    Array.from({ length: 20 }, (_, i) => timed(() => repo.setOverlay(someOwners, text + `\n# edit ${i}\n`))[1]),
  );
  record(`${label}: incremental update after one OWNERS edit`, inc, 'ms', undefined, '≤ 5 ms');
  // shepherd/ownersOf's work (owners, chain, owning SIG, emeritus) for one path, median over distinct paths.
  const sample = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 500)) === 0).slice(0, 500);
  for (const p of sample) ownershipOf(owners, repo.index.owners, p);
  const per = sample.map((p) => timed(() => ownershipOf(owners, repo.index.owners, p))[1]);
  record(`${label}: shepherd/ownersOf (median of ${per.length} paths)`, median(per), 'ms', undefined, '≤ 2 ms');
  // Ranking a 200-file change (the offline part of Request Shepherd).
  const change = paths.filter((_, i) => i % Math.max(1, Math.floor(paths.length / 200)) === 0).slice(0, 200);
  const rank = best(smoke ? 3 : 7, () => suggestReviewers({ owners, files: change, author: 'someone', prNumber: 4242 }));
  record(`${label}: ranking for a ${change.length}-file change`, rank, 'ms', undefined, '≤ 20 ms');
}

/** The language server's own resident memory after indexing a tree and publishing its diagnostics. */
async function serverRss(label: string, root: string): Promise<void> {
  const client = await LspClient.start({ root, timeoutMs: 120_000, command: [process.execPath, '--expose-gc', '--max-semi-space-size=4', SERVER_JS, 'lsp', '--stdio'] });
  try {
    const mem = await client.connection.sendRequest<{ heapUsed: number; rss: number }>('shepherd/debug/memory');
    const status = fs.readFileSync(`/proc/${client.proc.pid}/status`, 'utf8');
    const rssKb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    record(`${label}: language server RSS after indexing`, rssKb / 1024, 'MB', undefined, '≤ 150 MB (100k tree)');
    record(`${label}: language server live heap after indexing`, mem.heapUsed / 1048576, 'MB');
  } finally {
    await client.stop();
  }
}

/** `kube-shepherd check` of the whole KEP corpus, end to end (process start to exit). */
function checkCorpus(corpus: string): void {
  const root = path.join(corpus, 'enhancements');
  if (!fs.existsSync(root)) return;
  const runs = Array.from({ length: smoke ? 1 : 3 }, () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(process.execPath, [path.join(__dirname, '..', 'bin', 'kube-shepherd.js'), 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (r.status !== 0) throw new Error(`check failed: ${r.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  });
  record('check of ../shared/corpus/enhancements (end to end)', median(runs), 'ms', undefined, '≤ 2000 ms');
}

/** A workspace with real documents (copied from the corpus) plus a 500-line OWNERS_ALIASES. */
function latencyWorkspace(tmp: string, corpus: string): { root: string; docs: LatencyDoc[] } {
  const root = path.join(tmp, 'latency');
  fs.cpSync(path.join(corpus, 'test-infra'), root, { recursive: true });
  const aliases = fs.readFileSync(path.join(root, 'OWNERS_ALIASES'), 'utf8').trimEnd().split('\n');
  for (let i = 0; aliases.length < 500; i++) aliases.push(`  bench-group-${i}:`, `    - bench-user-${i}`, `    - bench-user-${i + 1}`);
  fs.writeFileSync(path.join(root, 'OWNERS_ALIASES'), aliases.slice(0, 500).join('\n') + '\n');
  const docs: LatencyDoc[] = [
    { label: 'OWNERS', rel: 'OWNERS', languageId: 'owners', anchor: /^approvers:/m, typed: '  - newlogin$n', pasted: 'labels:\n  - area/a\n  - area/b\n' },
    { label: 'OWNERS_ALIASES (500 lines)', rel: 'OWNERS_ALIASES', languageId: 'owners', anchor: /^aliases:/m, typed: '  new-group$n: []', pasted: '  pasted-group:\n    - a\n    - b\n' },
  ];
  const enh = path.join(corpus, 'enhancements');
  const kepDir = 'keps/sig-api-machinery/1040-priority-and-fairness';
  if (fs.existsSync(path.join(enh, kepDir))) {
    fs.cpSync(path.join(enh, 'keps'), path.join(root, 'keps'), { recursive: true });
    fs.copyFileSync(path.join(enh, 'OWNERS_ALIASES'), path.join(root, 'keps', 'OWNERS_ALIASES.enhancements'));
    docs.push({ label: 'kep.yaml (largest)', rel: `${kepDir}/kep.yaml`, languageId: 'yaml', anchor: /^reviewers:/m, typed: '  - "@newreviewer$n"', pasted: 'see-also:\n  - "/keps/sig-api-machinery/1040-priority-and-fairness"\n' });
    docs.push({ label: 'KEP README (largest)', rel: 'keps/sig-scheduling/5517-dra-node-allocatable-resources/README.md', languageId: 'markdown', anchor: /^## Summary/m, typed: 'A new sentence typed in the summary $n.', pasted: '\n### Pasted heading\n\nSome text.\n' });
  }
  return { root, docs };
}

async function latency(tmp: string): Promise<void> {
  const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
  if (!fs.existsSync(corpus)) return;
  const { root, docs } = latencyWorkspace(tmp, corpus);
  const res = await runLatency(root, docs, smoke ? 1 : 6);
  for (const doc of new Set(res.map((r) => r.doc))) {
    const ks = res.find((r) => r.doc === doc && r.server === 'kube-shepherd');
    const peer = res.find((r) => r.doc === doc && r.server !== 'kube-shepherd');
    if (!ks) continue;
    record(`keystroke→diagnostics ${doc}: median`, ks.median, 'ms', undefined, '≤ 10 ms');
    record(`keystroke→diagnostics ${doc}: p99`, ks.p99, 'ms', undefined, '≤ 30 ms');
    if (peer) {
      record(`  yaml-language-server ${doc}: median (peer)`, peer.median, 'ms');
      record(`  speed-up over yaml-language-server (${doc})`, peer.median / ks.median, '×', undefined, '≥ 2×');
    }
    if (ks.missed) record(`  missed publishes ${doc}`, ks.missed, '');
  }
}

/** The OWNERS_ALIASES round trip of issue #3: an alias rename → diagnostics for the file and its dependents. */
async function aliasesEdit(): Promise<void> {
  const { median: m, p90 } = await aliasesRoundTrip(smoke ? 20 : 40);
  record('OWNERS_ALIASES (500 lines) rename → it and its dependents (301 OWNERS): median', m, 'ms', undefined, '≤ 10 ms');
  record('OWNERS_ALIASES (500 lines) rename → it and its dependents (301 OWNERS): p90', p90, 'ms');
}

async function main(): Promise<void> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-shepherd-bench-'));
  try {
    await latency(tmp);
    await aliasesEdit();
    const sizes: [number, number][] = smoke ? [[10_000, 500]] : process.argv.includes('--huge') ? [[10_000, 500], [100_000, 5_000], [1_000_000, 50_000]] : [[10_000, 500], [100_000, 5_000]];
    for (const [files, owners] of sizes) {
      const [tree, gen] = timed(() => generateTree(path.join(tmp, `t${files}`), files, owners));
      console.log(`generated ${files} files / ${owners} OWNERS in ${gen.toFixed(0)} ms`);
      benchTree(`generated ${files / 1000}k/${owners}`, tree.root, tree.files.slice(0, 25_000));
      await serverRss(`generated ${files / 1000}k/${owners}`, tree.root);
    }
    const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
    if (fs.existsSync(corpus)) checkCorpus(corpus);
    const vsix = path.join(__dirname, '..', 'kube-shepherd.vsix');
    if (fs.existsSync(vsix)) record('.vsix size', fs.statSync(vsix).size / 1024, 'KB', undefined, '≤ 2048 KB');
    if (fs.existsSync(corpus)) {
      for (const name of ['community', 'test-infra', 'enhancements', 'prow']) {
        const root = path.join(corpus, name);
        const list = path.join(root, 'FILES.txt');
        const paths = fs.existsSync(list) ? fs.readFileSync(list, 'utf8').split('\n').filter(Boolean) : undefined;
        benchTree(name, root, paths);
      }
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  const widths = [0, 1, 2, 3, 4].map((i) => Math.max(...[['figure', 'value', 'floor', 'ratio', 'goal'], ...rows].map((r) => r[i].length)));
  const line = (r: string[]) => r.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log('\n' + line(['figure', 'value', 'floor', 'ratio', 'goal']));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(line(r));
  const machine = { cpus: os.cpus().length, cpuModel: os.cpus()[0]?.model, memGB: +(os.totalmem() / 2 ** 30).toFixed(1), node: process.version, platform: `${os.platform()} ${os.release()}` };
  fs.writeFileSync(path.join(__dirname, 'results.json'), JSON.stringify({ date: new Date().toISOString(), smoke, machine, results }, null, 2) + '\n');
  console.log(`\nwrote bench/results.json (${smoke ? 'smoke' : 'full'} run)`);
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
