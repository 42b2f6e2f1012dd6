/** Did-you-mean: the closest known name by edit distance. */

export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = new Array<number>(b.length + 1);
  let cur = new Array<number>(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    let rowMin = cur[0];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    [prev, cur] = [cur, prev];
  }
  return prev[b.length];
}

/** The closest candidate within a distance that grows with the word's length (≤ 1/3 of it, at most `cap`). */
export function didYouMean(word: string, candidates: Iterable<string>, cap = 3): string | undefined {
  const w = word.toLowerCase();
  const limit = Math.min(cap, Math.max(1, Math.floor(w.length / 3)));
  let best: string | undefined;
  let bestD = limit + 1;
  for (const c of candidates) {
    if (c === word) continue;
    const d = editDistance(w, c.toLowerCase(), bestD - 1 < 0 ? 0 : bestD);
    if (d < bestD || (d === bestD && best !== undefined && c < best)) {
      if (d <= limit) {
        best = c;
        bestD = d;
      }
    }
  }
  return best;
}
