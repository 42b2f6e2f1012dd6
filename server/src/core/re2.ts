/**
 * Go RE2 regular expressions (via re2js, linear time: a hostile pattern from a cloned repository cannot hang us).
 * User patterns never go through JS RegExp.
 */
import { RE2JS } from 're2js';

export interface GoRegexp {
  readonly source: string;
  /** Go's MatchString: unanchored search. */
  matchString(s: string): boolean;
}

export type CompileResult = { ok: true; re: GoRegexp } | { ok: false; error: string };

const cache = new Map<string, CompileResult>();
const CACHE_LIMIT = 10_000;

export function compileGoRegexp(pattern: string): CompileResult {
  const hit = cache.get(pattern);
  if (hit) return hit;
  let result: CompileResult;
  try {
    const re = RE2JS.compile(pattern);
    result = { ok: true, re: { source: pattern, matchString: (s: string) => re.test(s) } };
  } catch (e) {
    const msg = (e as Error).message ?? String(e);
    result = { ok: false, error: msg };
  }
  if (cache.size >= CACHE_LIMIT) cache.clear();
  cache.set(pattern, result);
  return result;
}
