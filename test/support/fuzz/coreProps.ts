/**
 * The properties every fuzz input must satisfy in the pure core, per file kind:
 *  - no exception escapes (parse, queries, rules, TOC check/regeneration, KEP rules);
 *  - each step answers within the hang limit (200 ms);
 *  - every diagnostic range (and every quick-fix edit range) lies inside its document;
 *  - applying any offered quick fix yields a text the core still accepts; where the fix promises to remove its
 *    diagnostic (a preferred fix; the TOC regeneration), the diagnostic is gone;
 *  - memoised ownership queries answer exactly what RepoOwners answers.
 * Violations are returned, never thrown, so the long run can count them.
 */
import { DEFAULT_OWNERS_RULE_SETTINGS, type OwnersRepoContext } from '../../../server/src/core/owners/rules/context';
import { aliasesFileDiagnostics, ownersFileDiagnostics } from '../../../server/src/core/owners/rules';
import { parseAliasesFile, type AliasesFile } from '../../../server/src/core/owners/aliasesFile';
import { parseCanonicalBlockYaml } from '../../../server/src/core/goyaml/canonicalBlock';
import { parseGoYaml } from '../../../server/src/core/goyaml/nodes';
import { parseOwnersFile } from '../../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../../server/src/core/owners/repoOwners';
import { CachedOwnersQueries } from '../../../server/src/core/owners/cachedQueries';
import { ownersReport } from '../../../server/src/core/owners/report';
import { checkToc, regenerateTocEdit, VERIFY_TOC_MAX_DEPTH } from '../../../server/src/core/kep/mdtoc';
import { tocDiagnostics } from '../../../server/src/core/kep/tocRules';
import { kepDiagnostics, kepDiagnosticsForFile } from '../../../server/src/core/kep';
import { MemorySnapshot } from '../../../server/src/core/snapshot';
import type { Diagnostic, Fix, Range } from '../../../server/src/core/diagnostics';
import type { FuzzKind } from './texts';
import { isDeepStrictEqual } from 'node:util';
import { parseV3, parseV3ViaLibrary } from '../../../server/src/core/kep/goYamlV3';

export const HANG_MS = 200;

export type ViolationKind = 'crash' | 'hang' | 'range' | 'fix-crash' | 'fix-range' | 'fix-ineffective' | 'query-mismatch';

export interface Violation {
  kind: ViolationKind;
  detail: string;
}

// ---------------------------------------------------------------- text positions (LSP semantics: \n, \r\n, \r)

export function lineLengths(text: string): number[] {
  const out: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) {
      out.push(i - start);
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      start = i + 1;
    }
  }
  out.push(text.length - start);
  return out;
}

export function rangeProblem(text: string, r: Range, lens = lineLengths(text)): string | undefined {
  const pos = (p: Range['start'], what: string) => {
    if (!Number.isInteger(p.line) || !Number.isInteger(p.character) || p.line < 0 || p.character < 0) return `${what} ${JSON.stringify(p)} not a position`;
    if (p.line >= lens.length) return `${what} line ${p.line} past the last line ${lens.length - 1}`;
    if (p.character > lens[p.line]) return `${what} ${p.line}:${p.character} past the line end ${lens[p.line]}`;
    return undefined;
  };
  const bad = pos(r.start, 'start') ?? pos(r.end, 'end');
  if (bad) return bad;
  if (r.start.line > r.end.line || (r.start.line === r.end.line && r.start.character > r.end.character)) return `start after end ${JSON.stringify(r)}`;
  return undefined;
}

function offsetOf(text: string, p: Range['start']): number {
  let line = 0;
  let i = 0;
  while (line < p.line && i < text.length) {
    const c = text.charCodeAt(i++);
    if (c === 10) line++;
    else if (c === 13) {
      if (text.charCodeAt(i) === 10) i++;
      line++;
    }
  }
  return Math.min(i + p.character, text.length);
}

/** Applies same-file edits (LSP semantics: all ranges refer to the original text). */
export function applyEdits(text: string, edits: { range: Range; newText: string }[]): string {
  const withOff = edits.map((e) => ({ s: offsetOf(text, e.range.start), e: offsetOf(text, e.range.end), t: e.newText }));
  withOff.sort((a, b) => b.s - a.s || b.e - a.e);
  let out = text;
  for (const e of withOff) out = out.slice(0, e.s) + e.t + out.slice(e.e);
  return out;
}

// ---------------------------------------------------------------- fixtures shared by the checks

const ROOT_OWNERS = parseOwnersFile('approvers:\n  - root-approver\n  - sig-node-leads\nreviewers:\n  - root-reviewer\nlabels:\n  - sig/node\n');
const BASE_ALIASES_TEXT = 'aliases:\n  sig-node-leads:\n    - alice\n    - bob\n  team-a:\n    - carol\n  prod-readiness-approvers:\n    - wojtek-t\n';
const BASE_ALIASES = parseAliasesFile(BASE_ALIASES_TEXT);
const REFERENCING_OWNERS = parseOwnersFile('approvers:\n  - sig-node-leads\n  - team-a\n  - Team-A\n  - "@team-b"\nreviewers:\n  - empty\n  - yes-team\nfilters: {}\n');
const QUERY_PATHS = ['pkg/a.go', 'pkg/a_test.go', 'pkg/sub/b.go', 'pkg/docs/README.md', 'pkg', 'README.md', 'pkg/OWNERS', 'other/x.txt', 'pkg/aaaaaaaaaa'];
const REPO_FILES = new Set(['OWNERS', 'OWNERS_ALIASES', 'pkg/OWNERS', 'pkg/a.go', 'pkg/a_test.go', 'pkg/sub/b.go', 'pkg/docs/README.md', 'README.md', 'other/x.txt']);
const KNOWN_LABELS = new Set(['sig/node', 'area/kubelet', 'kind/bug', 'committee/steering', 'do-not-merge/hold']);

function ownersCtx(owners: RepoOwners, aliases: AliasesFile | undefined): OwnersRepoContext {
  return { owners, aliases, knownLabels: KNOWN_LABELS, files: REPO_FILES, aliasesFilename: 'OWNERS_ALIASES', settings: DEFAULT_OWNERS_RULE_SETTINGS };
}

// ---------------------------------------------------------------- the check

class Run {
  readonly violations: Violation[] = [];
  step<T>(what: string, f: () => T): T | undefined {
    const t0 = performance.now();
    try {
      return f();
    } catch (e) {
      this.violations.push({ kind: 'crash', detail: `${what}: ${(e as Error)?.stack ?? e}` });
      return undefined;
    } finally {
      const ms = performance.now() - t0;
      if (ms > HANG_MS) this.violations.push({ kind: 'hang', detail: `${what}: ${ms.toFixed(0)} ms` });
    }
  }
  add(kind: ViolationKind, detail: string): void {
    this.violations.push({ kind, detail });
  }
}

/** Diagnostics ranges (and their fix edits' ranges) inside their documents; texts by path. */
function checkRanges(run: Run, ds: Diagnostic[], texts: Record<string, string>): void {
  for (const d of ds) {
    const t = texts[d.file];
    if (t === undefined) continue; // a file that does not exist yet (createFiles) or a zero-range pointer
    const p = rangeProblem(t, d.range);
    if (p) run.add('range', `${d.code} in ${d.file}: ${p}`);
    for (const f of d.fixes ?? []) {
      for (const e of f.edits) {
        const et = texts[e.file ?? d.file];
        if (et === undefined) continue;
        const q = rangeProblem(et, e.range);
        if (q) run.add('fix-range', `${d.code} fix "${f.title}" in ${e.file ?? d.file}: ${q}`);
      }
    }
  }
}

/** Apply each fix of each diagnostic of `path`; the result must be accepted by `recheck`, and a preferred fix must remove one diagnostic with its code. */
function checkFixes(run: Run, path: string, text: string, ds: Diagnostic[], recheck: (t: string) => Diagnostic[], promise: (d: Diagnostic, f: Fix) => boolean): void {
  // "The fixed diagnostic": same code and message (positions move with the edit).
  const count = (xs: Diagnostic[], d: Diagnostic) => xs.filter((x) => x.file === path && x.code === d.code && x.message === d.message).length;
  let applied = 0;
  for (const d of ds) {
    if (d.file !== path) continue;
    for (const f of d.fixes ?? []) {
      if (applied++ >= 4) return; // bounded work per input
      const own = f.edits.filter((e) => e.file === undefined || e.file === path);
      if (own.length === 0) continue;
      const fixed = applyEdits(text, own);
      const after = run.step(`recheck after fix "${f.title}" (${d.code})`, () => recheck(fixed));
      if (!after) {
        run.violations.push({ kind: 'fix-crash', detail: `${d.code}: "${f.title}" → ${JSON.stringify(fixed.slice(0, 300))}` });
        continue;
      }
      const lens = lineLengths(fixed);
      for (const a of after) if (a.file === path) {
        const p = rangeProblem(fixed, a.range, lens);
        if (p) run.add('range', `after fix "${f.title}": ${a.code}: ${p}`);
      }
      if (promise(d, f) && count(after, d) >= count(ds, d)) {
        run.add('fix-ineffective', `${d.code}: "${f.title}" left ${count(after, d)} of ${count(ds, d)}; text ${JSON.stringify(text.slice(0, 400))}`);
      }
    }
  }
}

function queryConsistency(run: Run, owners: RepoOwners): void {
  const cached = new CachedOwnersQueries(owners);
  for (const p of QUERY_PATHS) {
    const a = run.step(`ownersReport(${p})`, () => ownersReport(owners, p));
    const b = run.step(`cached ownersReport(${p})`, () => ownersReport(cached, p));
    if (a && b && JSON.stringify(a) !== JSON.stringify(b)) run.add('query-mismatch', `${p}: ${JSON.stringify(a)} vs cached ${JSON.stringify(b)}`);
  }
  run.step('all*', () => [owners.allApprovers(), owners.allReviewers(), owners.topLevelApprovers()]);
}

/** The fast parse of the common block shape must build exactly the yaml-package tree, or decline. */
function fastParseMatches(run: Run, text: string, what: string): void {
  run.step('parseCanonicalBlockYaml vs parseGoYaml', () => {
    const fast = parseCanonicalBlockYaml(text);
    if (!fast) return;
    const slow = parseGoYaml(text);
    const show = (x: unknown) => JSON.stringify(x, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    if (slow.error || show(fast.root) !== show(slow.root)) run.add('query-mismatch', `fast ${what} parse differs from parseGoYaml: ${JSON.stringify(text.slice(0, 300))}`);
  });
}

function checkOwners(run: Run, text: string): void {
  const path = 'pkg/OWNERS';
  fastParseMatches(run, text, 'OWNERS');
  const diagnose = (t: string): Diagnostic[] => {
    const file = parseOwnersFile(t);
    const owners = RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }, { path, file }], BASE_ALIASES.aliases);
    return ownersFileDiagnostics({ path, text: t, file }, ownersCtx(owners, BASE_ALIASES));
  };
  const file = run.step('parseOwnersFile', () => parseOwnersFile(text));
  if (!file) return;
  const owners = run.step('RepoOwners.build', () => RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }, { path, file }], BASE_ALIASES.aliases));
  if (!owners) return;
  queryConsistency(run, owners);
  const ds = run.step('ownersFileDiagnostics', () => ownersFileDiagnostics({ path, text, file }, ownersCtx(owners, BASE_ALIASES)));
  if (!ds) return;
  checkRanges(run, ds, { [path]: text });
  checkFixes(run, path, text, ds, diagnose, (_d, f) => f.isPreferred === true);
  // Incremental: replacing then removing the source leaves what a fresh build has.
  run.step('incremental', () => {
    owners.setSource({ path, file: ROOT_OWNERS });
    owners.removeSource(path);
    const fresh = RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }], BASE_ALIASES.aliases);
    for (const p of QUERY_PATHS) {
      if (JSON.stringify(ownersReport(owners, p)) !== JSON.stringify(ownersReport(fresh, p))) run.add('query-mismatch', `after removeSource: ${p}`);
    }
  });
}

function checkAliases(run: Run, text: string): void {
  const path = 'OWNERS_ALIASES';
  const diagnose = (t: string): Diagnostic[] => {
    const file = parseAliasesFile(t);
    const owners = RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }, { path: 'pkg/OWNERS', file: REFERENCING_OWNERS }], file.aliases);
    return aliasesFileDiagnostics(path, t, file, ownersCtx(owners, file));
  };
  const file = run.step('parseAliasesFile', () => parseAliasesFile(text));
  if (!file) return;
  fastParseMatches(run, text, 'OWNERS_ALIASES');
  const owners = run.step('RepoOwners.build', () => RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }, { path: 'pkg/OWNERS', file: REFERENCING_OWNERS }], file.aliases));
  if (!owners) return;
  queryConsistency(run, owners);
  // Incremental alias replacement equals a fresh build.
  run.step('setAliases', () => {
    const inc = RepoOwners.build([{ path: 'OWNERS', file: ROOT_OWNERS }, { path: 'pkg/OWNERS', file: REFERENCING_OWNERS }], BASE_ALIASES.aliases);
    inc.setAliases(file.aliases);
    for (const p of QUERY_PATHS) if (JSON.stringify(ownersReport(inc, p)) !== JSON.stringify(ownersReport(owners, p))) run.add('query-mismatch', `setAliases vs build: ${p}`);
  });
  const ds = run.step('aliasesFileDiagnostics', () => aliasesFileDiagnostics(path, text, file, ownersCtx(owners, file)));
  if (!ds) return;
  checkRanges(run, ds, { [path]: text });
  checkFixes(run, path, text, ds, diagnose, (_d, f) => f.isPreferred === true);
  // The OWNERS rules that look aliases up must accept whatever this file defines.
  run.step('ownersFileDiagnostics with these aliases', () => ownersFileDiagnostics({ path: 'pkg/OWNERS', text: 'approvers:\n  - sig-node-leads\n  - team-a\n', file: parseOwnersFile('approvers:\n  - sig-node-leads\n  - team-a\n') }, ownersCtx(owners, file)));
}

// KEP snapshot (the shape of kubernetes/enhancements that kepval needs).
const KEP_DIR = 'keps/sig-node/1234-sleep';
const KEP_PATH = `${KEP_DIR}/kep.yaml`;
const README_PATH = `${KEP_DIR}/README.md`;
const PRR_PATH = 'keps/prod-readiness/sig-node/1234.yaml';
const KEP_OK = 'title: Sleep better\nkep-number: 1234\nauthors:\n  - "@alice"\nowning-sig: sig-node\nstatus: implementable\napprovers:\n  - "@mrunalp"\nstage: alpha\nlatest-milestone: "v1.30"\nmilestone:\n  alpha: "v1.30"\n';
const PRR_OK = 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n';
const README_OK = '# KEP-1234: Sleep better\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n';
const KEP_BASE: Record<string, string> = {
  'keps/README.md': '# Kubernetes Enhancement Proposals\n',
  'keps/prod-readiness/.gitkeep': '',
  'keps/NNNN-kep-template/README.md': '# KEP-NNNN: Your short, descriptive title\n\n## Summary\n',
  'keps/NNNN-kep-template/kep.yaml': 'title: Your short, descriptive title\nkep-number: NNNN\nauthors:\n  - "@jane.doe"\nowning-sig: sig-node\nstatus: provisional\napprovers:\n  - TBD\n',
  OWNERS_ALIASES: 'aliases:\n  prod-readiness-approvers:\n    - wojtek-t\n    - johnbelamaric\n  sig-node-tech-leads:\n    - dchen1107\n    - mrunalp\n  sig-node-leads:\n    - mrunalp\n',
  [KEP_PATH]: KEP_OK,
  [README_PATH]: README_OK,
  [PRR_PATH]: PRR_OK,
};

function kepSnapshot(path: string, text: string): { snap: MemorySnapshot; texts: Record<string, string> } {
  const texts = { ...KEP_BASE, [path]: text };
  return { snap: new MemorySnapshot(texts), texts };
}

/** parseV3 (fast reader first) must give exactly what the `yaml` package path gives: tree, offsets and errors. */
function fastV3Matches(run: Run, text: string): void {
  run.step('parseV3 vs parseV3ViaLibrary', () => {
    if (!isDeepStrictEqual(parseV3(text), parseV3ViaLibrary(text))) run.add('query-mismatch', `kep.yaml parse differs from the yaml package path: ${JSON.stringify(text.slice(0, 300))}`);
  });
}

function checkKepFile(run: Run, path: string, text: string, wholeTree: boolean): void {
  fastV3Matches(run, text);
  const diagnose = (t: string) => kepDiagnosticsForFile(kepSnapshot(path, t).snap, path);
  const { snap, texts } = kepSnapshot(path, text);
  const ds = run.step(`kepDiagnosticsForFile(${path})`, () => kepDiagnosticsForFile(snap, path));
  if (!ds) return;
  checkRanges(run, ds, texts);
  if (wholeTree) {
    const all = run.step('kepDiagnostics', () => kepDiagnostics(snap));
    if (all) {
      checkRanges(run, all, texts);
      // The per-file pass gives what the whole-tree pass gives for that file.
      const mine = JSON.stringify(all.filter((d) => d.file === path).map((d) => [d.code, d.range]));
      const per = JSON.stringify(ds.map((d) => [d.code, d.range]));
      if (mine !== per) run.add('query-mismatch', `kepDiagnostics vs kepDiagnosticsForFile for ${path}: ${mine} vs ${per}`);
    }
  }
  checkFixes(run, path, text, ds, diagnose, () => false);
}

function checkReadme(run: Run, text: string, wholeTree: boolean): void {
  const path = README_PATH;
  const ds = run.step('tocDiagnostics', () => tocDiagnostics(path, text));
  if (!ds) return;
  checkRanges(run, ds, { [path]: text });
  const check = run.step('checkToc', () => checkToc(text, { maxDepth: VERIFY_TOC_MAX_DEPTH }));
  const edit = run.step('regenerateTocEdit', () => regenerateTocEdit(text, { maxDepth: VERIFY_TOC_MAX_DEPTH }));
  if (check && check.kind === 'ok' && ds.length > 0) run.add('query-mismatch', `checkToc ok but tocDiagnostics ${ds.map((d) => d.code)}`);
  if (check && check.kind === 'stale' && edit) {
    const fixed = text.slice(0, edit.start) + edit.newText + text.slice(edit.end);
    const again = run.step('checkToc after regenerate', () => checkToc(fixed, { maxDepth: VERIFY_TOC_MAX_DEPTH }));
    if (again && again.kind !== 'ok') run.add('fix-ineffective', `regenerateTocEdit leaves ${again.kind}: ${JSON.stringify(text.slice(0, 300))}`);
  }
  // The diagnostic's own fix (the one the editor applies) must leave no TOC diagnostic.
  checkFixes(run, path, text, ds, (t) => tocDiagnostics(path, t), (d) => d.code === 'kep/toc-stale');
  checkKepFile(run, path, text, wholeTree);
}

export interface CoreCheckOptions {
  /** Also run the whole-tree KEP pass (slower) and compare it with the per-file pass. */
  wholeTree?: boolean;
}

export function checkCore(kind: FuzzKind, text: string, opts: CoreCheckOptions = {}): Violation[] {
  const run = new Run();
  try {
    switch (kind) {
      case 'owners':
        checkOwners(run, text);
        break;
      case 'aliases':
        checkAliases(run, text);
        break;
      case 'kep':
        checkKepFile(run, KEP_PATH, text, opts.wholeTree !== false);
        break;
      case 'prr':
        checkKepFile(run, PRR_PATH, text, opts.wholeTree !== false);
        break;
      case 'readme':
        checkReadme(run, text, opts.wholeTree !== false);
        break;
    }
  } catch (e) {
    run.add('crash', `harness: ${(e as Error)?.stack ?? e}`);
  }
  return run.violations;
}
