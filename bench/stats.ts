/** Timing a call and summarising samples, shared by the benchmarks. */

/** The value at quantile `q` (0..1) of the samples: the sorted sample at index ⌊q·n⌋ (NaN when there is none). */
export function quantile(xs: number[], q: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * s.length))] ?? NaN;
}

export function median(xs: number[]): number {
  return quantile(xs, 0.5);
}

/** Runs `fn` once: its result and its wall time in ms. */
export function timed<T>(fn: () => T): [T, number] {
  const t0 = process.hrtime.bigint();
  const v = fn();
  return [v, Number(process.hrtime.bigint() - t0) / 1e6];
}
