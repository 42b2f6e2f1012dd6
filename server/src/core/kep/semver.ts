/**
 * blang/semver v4 `ParseTolerant` + `Parse`, as kepval uses them to decide whether a KEP needs a PRR file
 * (`latest-milestone` ≥ v1.21). Reimplemented from its documented behaviour: trim spaces, drop one leading lower-case
 * `v`, strip leading zeros of each dot part, pad `major.minor` to three parts (a short version may not carry `-`/`+`),
 * then strict SemVer 2.0 parsing with blang's error texts.
 */

export interface SemVer {
  major: bigint;
  minor: bigint;
  patch: bigint;
  /** Pre-release identifiers: numbers or strings. */
  pre: (bigint | string)[];
}

export type SemVerResult = { ok: true; version: SemVer } | { ok: false; error: string };

const NUMBERS = /^[0-9]*$/;
const ALPHANUM = /^[0-9A-Za-z-]*$/;
const UINT64_MAX = 2n ** 64n - 1n;

/** Go strings.TrimSpace: Unicode White_Space, as Go's unicode.IsSpace defines it. */
export function goTrimSpace(s: string): string {
  return s.replace(/^[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/, '')
    .replace(/[\t\n\v\f\r \u0085\u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+$/, '');
}

export function parseTolerant(input: string): SemVerResult {
  let s = goTrimSpace(input);
  if (s.startsWith('v')) s = s.slice(1);
  const parts = splitN(s, '.', 3);
  for (let i = 0; i < parts.length; i++) {
    let p = parts[i];
    if (p.length > 1) {
      p = p.replace(/^0+/, '');
      if (p.length === 0 || !/^[0-9]/.test(p)) p = '0' + p;
      parts[i] = p;
    }
  }
  if (parts.length < 3) {
    if (/[+-]/.test(parts[parts.length - 1])) return fail('Short version cannot contain PreRelease/Build meta data');
    while (parts.length < 3) parts.push('0');
  }
  return parse(parts.join('.'));
}

export function parse(s: string): SemVerResult {
  if (s.length === 0) return fail('Version string empty');
  const parts = splitN(s, '.', 3);
  if (parts.length !== 3) return fail('No Major.Minor.Patch elements found');
  const major = parseNumber(parts[0], 'major');
  if (typeof major === 'string') return fail(major);
  const minor = parseNumber(parts[1], 'minor');
  if (typeof minor === 'string') return fail(minor);
  let patchStr = parts[2];
  let build: string[] = [];
  let prerelease: string[] = [];
  const plus = patchStr.indexOf('+');
  if (plus >= 0) {
    build = patchStr.slice(plus + 1).split('.');
    patchStr = patchStr.slice(0, plus);
  }
  const dash = patchStr.indexOf('-');
  if (dash >= 0) {
    prerelease = patchStr.slice(dash + 1).split('.');
    patchStr = patchStr.slice(0, dash);
  }
  const patch = parseNumber(patchStr, 'patch');
  if (typeof patch === 'string') return fail(patch);
  const pre: (bigint | string)[] = [];
  for (const p of prerelease) {
    if (p.length === 0) return fail('Prerelease is empty');
    if (NUMBERS.test(p)) {
      if (p.length > 1 && p[0] === '0') return fail(`Numeric PreRelease version must not contain leading zeroes ${goQuote(p)}`);
      const n = BigInt(p);
      if (n > UINT64_MAX) return fail(`strconv.ParseUint: parsing ${goQuote(p)}: value out of range`);
      pre.push(n);
    } else if (ALPHANUM.test(p)) pre.push(p);
    else return fail(`Invalid character(s) found in prerelease ${goQuote(p)}`);
  }
  for (const b of build) {
    if (b.length === 0) return fail('Build meta data is empty');
    if (!ALPHANUM.test(b)) return fail(`Invalid character(s) found in build meta data ${goQuote(b)}`);
  }
  return { ok: true, version: { major, minor, patch, pre } };
}

function parseNumber(p: string, what: 'major' | 'minor' | 'patch'): bigint | string {
  if (!NUMBERS.test(p)) return `Invalid character(s) found in ${what} number ${goQuote(p)}`;
  if (p.length > 1 && p[0] === '0') return `${what[0].toUpperCase() + what.slice(1)} number must not contain leading zeroes ${goQuote(p)}`;
  if (p.length === 0) return 'strconv.ParseUint: parsing "": invalid syntax';
  const n = BigInt(p);
  if (n > UINT64_MAX) return `strconv.ParseUint: parsing ${goQuote(p)}: value out of range`;
  return n;
}

/** Compare like blang's Version.Compare: numbers, then a version without pre-release is greater. */
export function compareSemVer(a: SemVer, b: SemVer): number {
  for (const k of ['major', 'minor', 'patch'] as const) {
    if (a[k] !== b[k]) return a[k] < b[k] ? -1 : 1;
  }
  if (a.pre.length === 0 && b.pre.length === 0) return 0;
  if (a.pre.length === 0) return 1;
  if (b.pre.length === 0) return -1;
  for (let i = 0; i < a.pre.length && i < b.pre.length; i++) {
    const x = a.pre[i];
    const y = b.pre[i];
    if (x === y) continue;
    if (typeof x === 'bigint' && typeof y !== 'bigint') return -1;
    if (typeof x !== 'bigint' && typeof y === 'bigint') return 1;
    return x < y ? -1 : 1;
  }
  return a.pre.length === b.pre.length ? 0 : a.pre.length < b.pre.length ? -1 : 1;
}

/** v1.21.0: the release from which kepval requires a PRR approval. */
export const PRR_REQUIRED_FROM: SemVer = { major: 1n, minor: 21n, patch: 0n, pre: [] };

/** strings.SplitN(s, sep, n) */
function splitN(s: string, sep: string, n: number): string[] {
  const out: string[] = [];
  let rest = s;
  while (out.length < n - 1) {
    const i = rest.indexOf(sep);
    if (i < 0) break;
    out.push(rest.slice(0, i));
    rest = rest.slice(i + sep.length);
  }
  out.push(rest);
  return out;
}

function goQuote(s: string): string {
  return JSON.stringify(s);
}

function fail(error: string): SemVerResult {
  return { ok: false, error };
}
