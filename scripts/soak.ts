/**
 * Soak: `node --import tsx scripts/soak.ts [--edits 10000]` types into OWNERS files of a workspace through the real
 * server over stdio (dist/cli.js; build first) like a person would (a character at a time, lines, deletions, saves
 * of whole new files), and prints the server's RSS (VmRSS from /proc/<pid>/status) and open file descriptors
 * (/proc/<pid>/fd) before and after. Goal: growth ≤ 10 %, no handle growth. Exit code 1 when over.
 */
import * as fs from 'node:fs';
import { LspClient, SERVER_JS } from '../test/support/lspClient';
import { writeWorkspace } from '../test/support/fuzz/lspFuzz';

function arg(name: string, dflt: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : dflt;
}

function rssKb(pid: number): number {
  const m = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) : NaN;
}
function fds(pid: number): number {
  return fs.readdirSync(`/proc/${pid}/fd`).length;
}

async function settle(client: LspClient, rel: string): Promise<void> {
  await client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri: client.uri(rel) } });
}

async function main(): Promise<number> {
  const edits = arg('edits', 10_000);
  const dir = writeWorkspace();
  // --expose-gc lets the server collect before each sample, so the figures are live memory, not pending garbage.
  const client = await LspClient.start({ root: dir, timeoutMs: 30_000, command: [process.execPath, '--expose-gc', '--max-semi-space-size=4', SERVER_JS, 'lsp', '--stdio'] });
  const pid = client.proc.pid!;
  const docs = ['pkg/OWNERS', 'OWNERS_ALIASES', 'docs/OWNERS'];
  const texts: Record<string, string> = {};
  for (const d of docs) texts[d] = d === 'docs/OWNERS' ? 'approvers:\n' : fs.readFileSync(`${dir}/${d}`, 'utf8');
  for (const d of docs) await client.open(d, texts[d]);
  // Warm-up (JIT, caches): a tenth of the run, then measure.
  const type = async (n: number, offset: number) => {
    for (let i = 0; i < n; i++) {
      const d = docs[(i + offset) % 17 === 0 ? 1 : (i + offset) % 5 === 0 ? 2 : 0];
      let t = texts[d];
      const k = (i + offset) % 40;
      if (k < 30) t += 'abcdefghijklmnopqrstuvwxyz-0123456789'[(i + offset) % 37];
      else if (k < 34) t += `\n  - user${(i + offset) % 500}`;
      else if (k < 38) t = t.slice(0, Math.max(0, t.length - 3));
      else t = d === 'OWNERS_ALIASES' ? 'aliases:\n  sig-node-leads:\n    - alice\n    - bob\n  team-a:\n    - carol\n' : 'approvers:\n  - sig-node-leads\nreviewers:\n  - bob\n';
      if (t.length > 4000) t = t.slice(0, 200);
      texts[d] = t;
      await client.changeNoWait(d, t);
      if (i % 50 === 49) await settle(client, d);
    }
    for (const d of docs) await settle(client, d);
  };
  await type(Math.floor(edits / 10), 0);
  const heapBefore = await client.connection.sendRequest<{ heapUsed: number }>('shepherd/debug/memory');
  await new Promise((r) => setTimeout(r, 500));
  const before = { rss: rssKb(pid), fds: fds(pid) };
  const t0 = Date.now();
  await type(edits, 7);
  const heapAfter = await client.connection.sendRequest<{ heapUsed: number }>('shepherd/debug/memory');
  await new Promise((r) => setTimeout(r, 500));
  const after = { rss: rssKb(pid), fds: fds(pid) };
  const ms = Date.now() - t0;
  const growth = (after.rss - before.rss) / before.rss;
  console.log(`soak: ${edits} edits in ${(ms / 1000).toFixed(1)} s (${(ms / edits).toFixed(2)} ms/edit), server pid ${pid}`);
  console.log(`  RSS before ${(before.rss / 1024).toFixed(1)} MiB, after ${(after.rss / 1024).toFixed(1)} MiB: ${(growth * 100).toFixed(1)} % (goal ≤ 10 %)`);
  console.log(`  live heap before ${(heapBefore.heapUsed / 1048576).toFixed(1)} MiB, after ${(heapAfter.heapUsed / 1048576).toFixed(1)} MiB: ${(((heapAfter.heapUsed - heapBefore.heapUsed) / heapBefore.heapUsed) * 100).toFixed(1)} %`);
  console.log(`  open fds before ${before.fds}, after ${after.fds} (goal: no growth)`);
  console.log(`  server alive: ${client.alive}`);
  const ok = client.alive && growth <= 0.1 && after.fds <= before.fds;
  await client.stop();
  fs.rmSync(dir, { recursive: true, force: true });
  return ok ? 0 : 1;
}

main().then((c) => process.exit(c), (e) => { console.error(e); process.exit(2); });
