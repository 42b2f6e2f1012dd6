/** Go math/rand v1 port (owners.md §4.2 "Determinism"): outputs must equal Go's bit for bit. */
import { strict as assert } from 'node:assert';
import { GoRand, goPerm } from '../../server/src/core/reviewers/gorand';
import { RNG_COOKED } from '../../server/src/core/reviewers/gorand-cooked';

function take<T>(n: number, f: () => T): T[] {
  return Array.from({ length: n }, f);
}

describe('reviewers: Go math/rand port', () => {
  it('has the 607 cooked constants, all int64', () => {
    assert.equal(RNG_COOKED.length, 607);
    for (const c of RNG_COOKED) assert.ok(c >= -(2n ** 63n) && c < 2n ** 63n);
  });

  it('seed 1: the first Int63 values Go prints for rand.New(rand.NewSource(1))', () => {
    const r = new GoRand(1);
    assert.deepEqual(
      take(5, () => r.int63()),
      [5577006791947779410n, 8674665223082153551n, 6129484611666145821n, 4037200794235010051n, 3916589616287113937n],
    );
  });

  it('seed 1: Intn(100) gives the well-known Go sequence', () => {
    const r = new GoRand(1);
    assert.deepEqual(
      take(10, () => r.intn(100)),
      [81, 87, 47, 59, 81, 18, 25, 40, 56, 0],
    );
  });

  it('Int31 is the top 31 bits of Int63', () => {
    const a = new GoRand(42);
    const b = new GoRand(42);
    for (let i = 0; i < 20; i++) assert.equal(a.int31(), Number(b.int63() >> 32n));
  });

  it('seed 0 Perm(2) is [1, 0]: upstream shuffles [alice, bob] to [bob, alice]', () => {
    assert.deepEqual(goPerm(0, 2), [1, 0]);
  });

  // Derived from upstream TestGetShuffledApprovers: the expected name orders mapped back to indices of the sorted list.
  it('seed 0 and seed 2 Perm(10) match the upstream shuffled-approver orders', () => {
    assert.deepEqual(goPerm(0, 10), [8, 2, 3, 0, 5, 7, 1, 6, 9, 4]);
    assert.deepEqual(goPerm(2, 10), [3, 0, 6, 2, 8, 1, 9, 4, 7, 5]);
  });

  it('Perm(0) is empty and Perm(n) is a permutation', () => {
    assert.deepEqual(goPerm(7, 0), []);
    for (const n of [1, 3, 17, 100]) {
      const p = goPerm(123, n);
      assert.deepEqual([...p].sort((x, y) => x - y), take(n, (() => { let i = 0; return () => i++; })()));
    }
  });

  it('is deterministic per seed and differs between seeds', () => {
    assert.deepEqual(goPerm(4242, 30), goPerm(4242, 30));
    assert.notDeepEqual(goPerm(4242, 30), goPerm(4243, 30));
  });

  it('seed reduction: 0 and 2^31-1 both become 89482311; negatives wrap; int64 seeds wrap', () => {
    const M = 2147483647;
    const stream = (seed: number | bigint) => { const r = new GoRand(seed); return take(8, () => r.int63()); };
    assert.deepEqual(stream(0), stream(89482311));
    assert.deepEqual(stream(M), stream(89482311));
    assert.deepEqual(stream(-1), stream(M - 1));
    assert.deepEqual(stream(M + 5), stream(5));
    assert.deepEqual(stream(2n ** 64n + 5n), stream(5));
    assert.deepEqual(stream(-(2n ** 63n)), stream(-(2n ** 63n) % BigInt(M) + BigInt(M)));
  });

  it('Int31n: power-of-two sizes mask, others reject-sample; both stay in range', () => {
    const a = new GoRand(9);
    const b = new GoRand(9);
    for (let i = 0; i < 50; i++) assert.equal(a.int31n(8), b.int31() & 7);
    const r = new GoRand(10);
    for (let i = 0; i < 500; i++) {
      const v = r.intn(7);
      assert.ok(v >= 0 && v < 7 && Number.isInteger(v));
    }
  });

  it('Intn above 2^31-1 goes through Int63n', () => {
    const a = new GoRand(3);
    const b = new GoRand(3);
    const n = 2 ** 40 + 3;
    assert.equal(a.intn(n), Number(b.int63n(BigInt(n))));
  });

  it('rejects invalid arguments like Go panics', () => {
    const r = new GoRand(1);
    assert.throws(() => r.intn(0), RangeError);
    assert.throws(() => r.int31n(-3), RangeError);
    assert.throws(() => r.int63n(0n), RangeError);
  });
});
