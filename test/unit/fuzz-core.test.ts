/**
 * Bounded property-based fuzzing of the pure core (the long run is scripts/fuzz.ts): grammar-aware synthetic and
 * mutated OWNERS, OWNERS_ALIASES, kep.yaml, PRR and KEP README texts (mutated corpus files when ../shared/corpus exists).
 * Properties (test/fuzz/coreProps.ts): no exception escapes, no step over 200 ms, diagnostic and fix ranges inside the
 * document, applied quick fixes accepted (and the fixed diagnostic gone where the fix promises it), cached ownership
 * queries equal RepoOwners, incremental updates equal fresh builds.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { checkCore, type Violation } from '../support/fuzz/coreProps';
import { corpusSeeds, FUZZ_KINDS, inputArb, type FuzzKind } from '../support/fuzz/texts';

const RUNS: Record<FuzzKind, number> = { owners: 150, aliases: 150, kep: 100, prr: 150, readme: 80 };
const SEED = Number(process.env.KS_FUZZ_SEED ?? 20240601);

describe('fuzz: core properties (bounded run)', function () {
  this.timeout(60_000);
  const corpus = corpusSeeds(120);

  for (const kind of FUZZ_KINDS) {
    it(`${kind}: ${RUNS[kind]} inputs, no crash, hang or property violation`, () => {
      const found: { v: Violation; text: string }[] = [];
      fc.assert(
        fc.property(inputArb(kind, corpus), (inp) => {
          let vs = checkCore(kind, inp.text);
          // A runtime pause is not a hang: only a hang that reproduces counts.
          if (vs.some((v) => v.kind === 'hang') && !checkCore(kind, inp.text).some((v) => v.kind === 'hang')) vs = vs.filter((v) => v.kind !== 'hang');
          for (const v of vs) found.push({ v, text: inp.text });
        }),
        { numRuns: RUNS[kind], seed: SEED },
      );
      assert.deepEqual(found.slice(0, 3).map((f) => `${f.v.kind}: ${f.v.detail.slice(0, 500)} ← ${JSON.stringify(f.text.slice(0, 300))}`), []);
    });
  }

  it('regressions found by fuzzing stay fixed', () => {
    const cases: [FuzzKind, string][] = [
      // CRLF kep.yaml: a value's range ended between \r and \n (kep/type-mismatch past the line end).
      ['kep', 'title: Sleep better\r\nlatest-milestone: v1.30\r\neditor:\r\n  - "@alice"\r\nstage: alpha\r\nowning-sig: sig-node\r\n'],
      // CRLF PRR file: same (kep/prr-invalid).
      ['prr', '\nkep-number: 1234\r\nalpha:\r\n  approver: "kep-number: 1234\r\nalpha:\r\n  approver: "@wojtek-t"\r\n'],
      // A lone \r is a line break (LSP, CommonMark): the README outline split at \n only and shifted kep/readme-h1.
      ['readme', '\r<!--\ncomment\n-->\n# KEP-NNNN: Go workspaces\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n'],
    ];
    for (const [kind, text] of cases) assert.deepEqual(checkCore(kind, text).map((v) => `${v.kind}: ${v.detail}`), [], kind);
  });
});
