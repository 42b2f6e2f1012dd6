/** Small helpers shared by the KEP rules: building diagnostics and reading decoded struct fields. */
import type { Diagnostic, Fix, Range, Severity } from '../diagnostics';
import type { GoStruct, GoValue, StructField } from './goDecode';

export const UPSTREAM = {
  parse: 'kepval repo.Validate (KEPHandler.Parse)',
  validateStruct: 'kepval repo.Validate (KEPHandler.Parse: go-playground validator)',
  prr: 'kepval ValidatePRR',
  walk: 'kepval repo.Validate (KEP discovery walk)',
  newRepo: 'kepval repo.NewRepo',
  nodeMarkers: 'nodeapprovers.VerifyAll',
  nodeTechLeads: 'nodeapprovers.VerifyAllTechLeadApprovers',
  kepctlCreate: 'kepctl create (KEPHandler.Validate; not run in CI)',
} as const;

export function makeDiagnostic(
  file: string,
  range: Range,
  severity: Severity,
  code: string,
  message: string,
  extra: { upstream?: string; fixes?: Fix[]; data?: Record<string, unknown> } = {},
): Diagnostic {
  const d: Diagnostic = { file, range, severity, code, message };
  if (extra.upstream) d.upstream = extra.upstream;
  if (extra.fixes && extra.fixes.length) d.fixes = extra.fixes;
  if (extra.data) d.data = extra.data;
  return d;
}

export function field(s: GoStruct | undefined, key: string): StructField | undefined {
  return s?.fields.get(key);
}

export function fieldString(s: GoStruct | undefined, key: string): string {
  const v = s?.fields.get(key)?.value;
  return typeof v === 'string' ? v : '';
}

/** A []string field: null when nil (absent or null), else the decoded strings. */
export function fieldStrings(s: GoStruct | undefined, key: string): string[] | null {
  const v = s?.fields.get(key)?.value;
  return Array.isArray(v) ? (v.filter((x) => typeof x === 'string') as string[]) : null;
}

export function asStruct(v: GoValue | undefined): GoStruct | undefined {
  return v && typeof v === 'object' && !Array.isArray(v) && v.kind === 'struct' ? v : undefined;
}

/** Edit distance with adjacent transpositions (optimal string alignment), for did-you-mean suggestions. */
export function editDistance(a: string, b: string): number {
  const m = a.length;
  const n = b.length;
  const d: number[][] = Array.from({ length: m + 1 }, (_, i) => [i, ...new Array(n).fill(0)]);
  for (let j = 0; j <= n; j++) d[0][j] = j;
  for (let i = 1; i <= m; i++) {
    for (let j = 1; j <= n; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[m][n];
}

/** Candidates close to `word` (case-insensitive edit distance ≤ max(1, len/3)), best first. */
export function didYouMean(word: string, candidates: readonly string[], limit = 3): string[] {
  const w = word.toLowerCase();
  const max = Math.max(1, Math.floor(w.length / 3));
  // A candidate the word abbreviates (sig-arch → sig-architecture) beats one that is merely close.
  return candidates
    .map((c) => ({ c, d: w.length >= 4 && c.toLowerCase().startsWith(w) ? 0 : editDistance(w, c.toLowerCase()) }))
    .filter((x) => x.d <= max && x.c !== word)
    .sort((x, y) => x.d - y.d || (x.c < y.c ? -1 : 1))
    .slice(0, limit)
    .map((x) => x.c);
}
