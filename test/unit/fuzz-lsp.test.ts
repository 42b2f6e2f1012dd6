/**
 * Bounded fuzzing of the real server over stdio (dist/cli.js; `node scripts/build.mjs` first): random incremental edit
 * sequences on OWNERS, OWNERS_ALIASES, kep.yaml, PRR and README documents with requests in between. The server stays
 * alive, answers every request within 200 ms, publishes ranges inside the document, publishes the final text's
 * diagnostics after the last edit, and accepts every quick fix it offers once applied (test/fuzz/lspFuzz.ts).
 */
import { strict as assert } from 'node:assert';
import { runLspFuzz } from '../support/fuzz/lspFuzz';
import { corpusSeeds } from '../support/fuzz/texts';

describe('fuzz: server over stdio (bounded run)', function () {
  this.timeout(60_000);
  it('40 random edit sequences: no crash, no request over 200 ms, no property violation', async () => {
    const r = await runLspFuzz({ sequences: 40, seed: Number(process.env.KS_FUZZ_SEED ?? 7), corpus: corpusSeeds(60) });
    assert.equal(r.crashes, 0);
    assert.deepEqual(r.violations.slice(0, 5), []);
    assert.ok(r.edits >= 40 && r.requests >= 80, `too little work: ${JSON.stringify(r)}`);
  });
});
