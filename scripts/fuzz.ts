/**
 * Long fuzz run: `node --import tsx scripts/fuzz.ts --runs N [--kinds owners,aliases,kep,prr,readme] [--seed S]
 * [--lsp SEQUENCES] [--no-whole-tree] [--dump DIR]`. Prints inputs per kind (and per source), crashes, hangs and property
 * violations, with the first few offending inputs (written whole to DIR with --dump). Exit code 1 when anything was
 * found.
 *
 * `--lsp N` also drives the real server over stdio (dist/cli.js; run `node scripts/build.mjs` first) with N random
 * edit sequences (see test/fuzz/lspFuzz.ts).
 */
import { writeFileSync } from 'node:fs';
import fc from 'fast-check';
import { parseAllDocuments } from 'yaml';
import { checkCore, type Violation } from '../test/support/fuzz/coreProps';
import { corpusSeeds, FUZZ_KINDS, inputArb, type FuzzKind } from '../test/support/fuzz/texts';

/** A hang must also take this many times the bare `yaml` parse of the same input. */
const HANG_FLOOR_RATIO = 20;

function bareYamlMs(text: string): number {
  const t0 = performance.now();
  try {
    parseAllDocuments(text);
  } catch {
    /* only the time matters */
  }
  return performance.now() - t0;
}

/** The step's time from a hang violation ("step: 338 ms"). */
function hangMs(v: Violation): number {
  return Number(/: (\d+) ms$/.exec(v.detail)?.[1] ?? Infinity);
}

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i >= 0) return process.argv[i + 1];
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  return eq?.slice(name.length + 3);
}

async function main(): Promise<number> {
  const runs = Number(arg('runs') ?? 1000);
  const seed = Number(arg('seed') ?? Date.now() % 2 ** 31);
  const kinds = (arg('kinds')?.split(',') ?? FUZZ_KINDS) as FuzzKind[];
  const lspSequences = Number(arg('lsp') ?? 0);
  const wholeTree = !process.argv.includes('--no-whole-tree');
  const t0 = Date.now();
  const corpus = corpusSeeds();
  console.log(`seed ${seed}; ${runs} inputs per kind; corpus seeds: ${FUZZ_KINDS.map((k) => `${k} ${corpus[k].length}`).join(', ') || 'none'}`);
  let bad = 0;
  for (const kind of kinds) {
    const start = Date.now();
    const bySource: Record<string, number> = {};
    const byViolation: Record<string, number> = {};
    const byCode: Record<string, number> = {};
    const examples: { v: Violation; text: string }[] = [];
    let inputs = 0;
    let slowOnce = 0;
    let maxMs = 0;
    fc.assert(
      fc.property(inputArb(kind, corpus), (inp) => {
        inputs++;
        bySource[inp.source] = (bySource[inp.source] ?? 0) + 1;
        const t = performance.now();
        let vs = checkCore(kind, inp.text, { wholeTree });
        maxMs = Math.max(maxMs, performance.now() - t);
        if (vs.some((v) => v.kind === 'hang')) {
          // A pause of the runtime (GC, a loaded machine) is not a hang. A hang reproduces on each of three retries,
          // and each time it is also slow next to the bare `yaml` parse of the same text timed just before: a loaded
          // machine slows both alike (a 340-line OWNERS_ALIASES that parses in ~15 ms quiet took over 200 ms four
          // times in a row at load average 13 on 2 cores), a super-linear path in our code does not.
          let reproduced = true;
          for (let i = 0; i < 3 && reproduced; i++) {
            const floor = bareYamlMs(inp.text);
            reproduced = checkCore(kind, inp.text, { wholeTree }).some((v) => v.kind === 'hang' && hangMs(v) > HANG_FLOOR_RATIO * floor);
          }
          if (!reproduced) {
            slowOnce++;
            vs = vs.filter((v) => v.kind !== 'hang');
          }
        }
        for (const v of vs) {
          byViolation[v.kind] = (byViolation[v.kind] ?? 0) + 1;
          const code = /^([\w/-]+)[ :]/.exec(v.detail)?.[1] ?? v.detail.slice(0, 30);
          byCode[`${v.kind} ${code}${/\r/.test(inp.text) ? ' (text has CR)' : ''}`] = (byCode[`${v.kind} ${code}${/\r/.test(inp.text) ? ' (text has CR)' : ''}`] ?? 0) + 1;
          if (examples.length < 3) examples.push({ v, text: inp.text });
        }
        if (inputs % 10_000 === 0) console.log(`  ${kind}: ${inputs} inputs, ${Object.values(byViolation).reduce((a, b) => a + b, 0)} violations, ${((Date.now() - start) / 1000).toFixed(0)} s`);
      }),
      { numRuns: runs, seed, endOnFailure: true },
    );
    const total = Object.values(byViolation).reduce((a, b) => a + b, 0);
    bad += total;
    console.log(
      `${kind}: ${inputs} inputs (${Object.entries(bySource).map(([k, v]) => `${k} ${v}`).join(', ')}) in ${((Date.now() - start) / 1000).toFixed(1)} s; ` +
        `crashes ${byViolation.crash ?? 0}, hangs ${byViolation.hang ?? 0} (slow once, not reproduced: ${slowOnce}; slowest input ${maxMs.toFixed(0)} ms), ` +
        `violations ${total - (byViolation.crash ?? 0) - (byViolation.hang ?? 0)}`,
    );
    for (const [k, v] of Object.entries(byCode)) console.log(`    ${v} × ${k}`);
    for (const e of examples) console.log(`    e.g. ${e.v.kind}: ${e.v.detail.slice(0, 400)}\n      input ${JSON.stringify(e.text.slice(0, 400))}`);
    // The whole offending inputs, to reproduce with (`--dump DIR`).
    const dump = arg('dump');
    if (dump) examples.forEach((e, i) => writeFileSync(`${dump}/${kind}-${i}.txt`, e.text));
  }
  if (lspSequences > 0) {
    const { runLspFuzz } = await import('../test/support/fuzz/lspFuzz');
    const r = await runLspFuzz({ sequences: lspSequences, seed, corpus, log: (s) => console.log(s) });
    console.log(
      `lsp: ${r.sequences} edit sequences, ${r.edits} edits, ${r.requests} requests (slowest ${r.maxRequestMs.toFixed(0)} ms; ${r.slowOnce} over 200 ms whose immediate repeat was in time), ${r.fixesApplied} quick fixes applied; ` +
        `crashes ${r.crashes}, hangs ${r.hangs}, violations ${r.violations.length}`,
    );
    for (const v of r.violations.slice(0, 5)) console.log(`    ${v}`);
    bad += r.crashes + r.hangs + r.violations.length;
  }
  console.log(`done in ${((Date.now() - t0) / 1000).toFixed(0)} s: ${bad === 0 ? 'no crash, hang or violation' : `${bad} findings`}`);
  return bad === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (e) => {
    console.error(e);
    process.exit(2);
  },
);
