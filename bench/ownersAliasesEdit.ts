/**
 * A 500-line OWNERS_ALIASES edit round trip over the real server (stdio): didChange (the changed span, as an editor
 * sends it) → publishDiagnostics for the aliases file and for a dependent OWNERS file whose diagnostics change.
 * Goal: median ≤ 10 ms.
 *   node scripts/build.mjs && node --import tsx bench/ownersAliasesEdit.ts [--runs N]   (also part of `npm run bench`)
 * KS_BENCH_SERVER=/path/cli.js runs another server bundle (e.g. a private build); KS_BENCH_NODE_ARGS adds node flags
 * to the server (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof" to profile it).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { LspClient, SERVER_JS } from '../test/support/lspClient';
import { median, quantile } from './stats';

const runsArg = process.argv.indexOf('--runs');
const RUNS = runsArg > 0 ? Number(process.argv[runsArg + 1]) : 40;

function workspace(): { dir: string; aliases: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-bench-aliases-'));
  const lines = ['aliases:'];
  let g = 0;
  while (lines.length < 500) {
    lines.push(`  group-${g}-leads:`);
    for (let m = 0; m < 4; m++) lines.push(`    - user${g}x${m}`);
    g++;
  }
  const aliases = lines.slice(0, 500).join('\n') + '\n';
  fs.writeFileSync(path.join(dir, 'OWNERS_ALIASES'), aliases);
  fs.writeFileSync(path.join(dir, 'OWNERS'), 'approvers:\n  - group-0-leads\n');
  for (let i = 0; i < 300; i++) {
    const d = path.join(dir, `dir${i}`);
    fs.mkdirSync(d);
    fs.writeFileSync(path.join(d, 'OWNERS'), `approvers:\n  - group-${i % g}-leads\n  - person${i}\nreviewers:\n  - group-${(i + 1) % g}-leads\nlabels:\n  - sig/x\n`);
    fs.writeFileSync(path.join(d, 'main.go'), 'package x\n');
  }
  return { dir, aliases };
}

/** Median and p90 (ms) of the round trip over `runs` edits (the rename and back, alternately). */
export async function aliasesRoundTrip(runs: number, command?: string[]): Promise<{ median: number; p90: number }> {
  const { dir, aliases } = workspace();
  const client = await LspClient.start({ root: dir, timeoutMs: 20_000, command });
  try {
    await client.open('OWNERS_ALIASES', aliases);
    // The edit: rename group-0-leads (used by the root OWNERS and dir0/OWNERS) and back.
    const edited = aliases.replace('group-0-leads:', 'group-0-lead:');
    const times: number[] = [];
    // Two untimed edits first: the steady state of typing is measured, not the first compile of these code paths.
    for (let i = -2; i < runs; i++) {
      const text = (i + 2) % 2 === 0 ? edited : aliases;
      const a = client.nextDiagnostics('OWNERS_ALIASES');
      const dep = client.nextDiagnostics('dir0/OWNERS');
      const t0 = process.hrtime.bigint();
      await client.editNoWait('OWNERS_ALIASES', text);
      await Promise.all([a, dep]);
      if (i >= 0) times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    }
    return { median: median(times), p90: quantile(times, 0.9) };
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const server = process.env.KS_BENCH_SERVER;
  const nodeArgs = (process.env.KS_BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean);
  const command = server || nodeArgs.length > 0 ? [process.execPath, ...nodeArgs, server ?? SERVER_JS, 'lsp', '--stdio'] : undefined;
  const { median, p90 } = await aliasesRoundTrip(RUNS, command);
  console.log(`OWNERS_ALIASES (500 lines) edit → diagnostics for it and its dependents, 301 OWNERS files: median ${median.toFixed(2)} ms, p90 ${p90.toFixed(2)} ms over ${RUNS} runs (goal ≤ 10 ms median)`);
}

if (require.main === module) void main();
