/**
 * The KEP figures of issues #4/#7 alone, quicker than `npm run bench`: keystroke→diagnostics on the largest KEP
 * README.md and kep.yaml (the same edit sequences as bench/run.ts), and `check` of the whole enhancements corpus.
 *   node --import tsx bench/kepPerf.ts [--server path/to/cli.js] [--rounds N] [--runs N] [--only LABEL] [--node-args '--cpu-prof …'] [--no-lsp] [--no-check]
 * `--server` lets a run use its own bundle while others rebuild dist/ on a shared machine. `check` runs the way users
 * run it, through bin/kube-shepherd.js (or the bin/ beside `--server`'s dist/, if any): that entry compiles the
 * bundle with a V8 code cache, so one untimed run first fills the cache (and the OS file cache).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runLatency, type LatencyDoc } from './lspLatency';
import { median } from './stats';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const corpus = path.resolve(__dirname, '..', '..', 'shared', 'corpus');
const server = path.resolve(arg('server') ?? path.join(__dirname, '..', 'dist', 'cli.js'));
const runs = Number(arg('runs') ?? 3);

async function latency(): Promise<void> {
  const enh = path.join(corpus, 'enhancements');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'kube-shepherd-kepperf-'));
  try {
    const root = path.join(tmp, 'ws');
    fs.mkdirSync(root);
    fs.cpSync(path.join(enh, 'keps'), path.join(root, 'keps'), { recursive: true });
    fs.copyFileSync(path.join(enh, 'OWNERS_ALIASES'), path.join(root, 'OWNERS_ALIASES'));
    const docs: LatencyDoc[] = [
      { label: 'kep.yaml (largest)', rel: 'keps/sig-api-machinery/1040-priority-and-fairness/kep.yaml', languageId: 'yaml', anchor: /^reviewers:/m, typed: '  - "@newreviewer$n"', pasted: 'see-also:\n  - "/keps/sig-api-machinery/1040-priority-and-fairness"\n' },
      { label: 'KEP README (largest)', rel: 'keps/sig-scheduling/5517-dra-node-allocatable-resources/README.md', languageId: 'markdown', anchor: /^## Summary/m, typed: 'A new sentence typed in the summary $n.', pasted: '\n### Pasted heading\n\nSome text.\n' },
    ];
    const only = arg('only');
    if (only) docs.splice(0, docs.length, ...docs.filter((d) => d.label.includes(only)));
    const per = new Map<string, { med: number[]; p99: number[] }>();
    for (let r = 0; r < runs; r++) {
      const res = await runLatency(root, docs, Number(arg('rounds') ?? 6), { serverJs: server, peer: false, timeoutMs: 30_000, nodeArgs: arg('node-args')?.split(' ') });
      for (const x of res) {
        const e = per.get(x.doc) ?? { med: [], p99: [] };
        e.med.push(x.median);
        e.p99.push(x.p99);
        per.set(x.doc, e);
      }
    }
    for (const [doc, e] of per) {
      console.log(`keystroke→diagnostics ${doc}: median ${median(e.med).toFixed(2)} ms, p99 ${median(e.p99).toFixed(2)} ms  (runs: ${e.med.map((m) => m.toFixed(1)).join(' ')} / ${e.p99.map((m) => m.toFixed(1)).join(' ')})`);
    }
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

function check(): void {
  const root = path.join(corpus, 'enhancements');
  const bin = path.join(path.dirname(server), '..', 'bin', 'kube-shepherd.js');
  const entry = fs.existsSync(bin) ? bin : server;
  const once = () => {
    const t0 = process.hrtime.bigint();
    const p = spawnSync(process.execPath, [entry, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8', maxBuffer: 256 << 20 });
    if (p.status !== 0) throw new Error(`check failed (${p.status}): ${p.stderr}`);
    return Number(process.hrtime.bigint() - t0) / 1e6;
  };
  const first = once();
  const ts: number[] = [];
  for (let r = 0; r < Math.max(runs, 5); r++) ts.push(once());
  console.log(`check of corpus/enhancements (${path.relative(process.cwd(), entry)}): median ${median(ts).toFixed(0)} ms (runs: ${ts.map((t) => t.toFixed(0)).join(' ')}; untimed first run ${first.toFixed(0)}; load ${os.loadavg()[0].toFixed(2)})`);
}

async function main(): Promise<void> {
  if (!fs.existsSync(corpus)) throw new Error(`no corpus at ${corpus}`);
  if (!process.argv.includes('--no-lsp')) await latency();
  if (!process.argv.includes('--no-check')) check();
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
