/**
 * Go's math/rand v1 generator, `rand.New(rand.NewSource(seed))`, bit for bit.
 *
 * Why: Prow's approve plugin shuffles the potential approvers with `rand.New(rand.NewSource(prNumber)).Perm(n)`
 * (owners.md §4.2), so reproducing its "suggested approvers" needs the exact same stream. The source is an additive
 * lagged Fibonacci generator (length 607, tap 273) seeded through a Lehmer generator and the `RNG_COOKED` table.
 * State words are int64 with wrap-around, kept in a BigInt64Array so that stores wrap exactly as Go does.
 */
import { RNG_COOKED } from './gorand-cooked';

const RNG_LEN = 607;
const RNG_TAP = 273;
const INT32_MAX = 2147483647; // 2^31 - 1, the Lehmer modulus
const INT63_MASK = (1n << 63n) - 1n;
/** Go replaces a seed that reduces to 0 with this constant. */
const ZERO_SEED_REPLACEMENT = 89482311;

/** One step of x[n+1] = 48271 * x[n] mod (2^31 - 1), computed with Schrage's method like Go (no overflow in int32). */
function seedrand(x: number): number {
  const hi = Math.trunc(x / 44488);
  const lo = x % 44488;
  let next = 48271 * lo - 3399 * hi;
  if (next < 0) next += INT32_MAX;
  return next;
}

export class GoRand {
  private tap = 0;
  private feed = RNG_LEN - RNG_TAP;
  private readonly vec = new BigInt64Array(RNG_LEN);

  /** Same as Go `rand.New(rand.NewSource(seed))`; `seed` is an int64 (numbers must be safe integers). */
  constructor(seed: number | bigint) {
    this.seed(typeof seed === 'bigint' ? BigInt.asIntN(64, seed) : BigInt(seed));
  }

  private seed(seed: bigint): void {
    this.tap = 0;
    this.feed = RNG_LEN - RNG_TAP;
    // Go's % truncates toward zero, as BigInt's does.
    let s = seed % BigInt(INT32_MAX);
    if (s < 0n) s += BigInt(INT32_MAX);
    if (s === 0n) s = BigInt(ZERO_SEED_REPLACEMENT);
    let x = Number(s);
    for (let i = -20; i < RNG_LEN; i++) {
      x = seedrand(x);
      if (i >= 0) {
        // int64(x) << 40 overflows int64 in Go: keep only the low 64 bits.
        let u = BigInt.asIntN(64, BigInt(x) << 40n);
        x = seedrand(x);
        u ^= BigInt(x) << 20n;
        x = seedrand(x);
        u ^= BigInt(x);
        u ^= RNG_COOKED[i];
        this.vec[i] = u;
      }
    }
  }

  /** The full 64-bit output (Go `Uint64`). */
  uint64(): bigint {
    this.tap--;
    if (this.tap < 0) this.tap += RNG_LEN;
    this.feed--;
    if (this.feed < 0) this.feed += RNG_LEN;
    const x = BigInt.asIntN(64, this.vec[this.feed] + this.vec[this.tap]);
    this.vec[this.feed] = x;
    return BigInt.asUintN(64, x);
  }

  /** A non-negative 63-bit integer (Go `Int63`). */
  int63(): bigint {
    return this.uint64() & INT63_MASK;
  }

  /** A non-negative 31-bit integer (Go `Int31`): the top 31 bits of Int63. */
  int31(): number {
    return Number(this.int63() >> 32n);
  }

  /** Uniform in [0, n) for 0 < n ≤ 2^31-1 (Go `Int31n`, the rejection-sampling variant, not the newer int31n). */
  int31n(n: number): number {
    if (!Number.isInteger(n) || n <= 0 || n > INT32_MAX) throw new RangeError(`invalid argument to int31n: ${n}`);
    if ((n & (n - 1)) === 0) return this.int31() & (n - 1);
    const max = INT32_MAX - (2147483648 % n);
    let v = this.int31();
    while (v > max) v = this.int31();
    return v % n;
  }

  /** Uniform in [0, n) for 0 < n < 2^63 (Go `Int63n`). */
  int63n(n: bigint): bigint {
    if (n <= 0n || n > INT63_MASK) throw new RangeError(`invalid argument to int63n: ${n}`);
    if ((n & (n - 1n)) === 0n) return this.int63() & (n - 1n);
    const max = INT63_MASK - ((1n << 63n) % n);
    let v = this.int63();
    while (v > max) v = this.int63();
    return v % n;
  }

  /** Uniform in [0, n) (Go `Intn`: Int31n when n fits in int32, Int63n otherwise). */
  intn(n: number): number {
    if (!Number.isSafeInteger(n) || n <= 0) throw new RangeError(`invalid argument to intn: ${n}`);
    if (n <= INT32_MAX) return this.int31n(n);
    return Number(this.int63n(BigInt(n)));
  }

  /** A permutation of [0, n) (Go `Perm`: an inside-out Fisher–Yates driven by Intn). */
  perm(n: number): number[] {
    const m = new Array<number>(n).fill(0);
    for (let i = 0; i < n; i++) {
      const j = this.intn(i + 1);
      m[i] = m[j];
      m[j] = i;
    }
    return m;
  }
}

/** `rand.New(rand.NewSource(seed)).Perm(n)` in one call. */
export function goPerm(seed: number | bigint, n: number): number[] {
  return new GoRand(seed).perm(n);
}
