/**
 * Diagnostics for the blocking TOC check of kubernetes/enhancements: `hack/verify-toc.sh` runs
 * `mdtoc --inplace --max-depth=5 --dryrun` on every `keps/**\/*.md` not listed in `hack/.notableofcontents`
 * (kep.md §3.2). Every finding is an Error because CI fails on it.
 */
import type { Diagnostic, Fix } from '../diagnostics';
import { LineIndex } from '../text';
import { checkToc, IncrementalHeadings, tocFix, TOC_END_TAG, TOC_START_TAG, VERIFY_TOC_MAX_DEPTH, type TocTagError } from './mdtoc';

export const TOC_UPSTREAM = 'hack/verify-toc.sh (mdtoc v1.4.0)';

/** `hack/.notableofcontents:1-5`: files verify-toc.sh skips. */
export const NO_TOC_FILES: ReadonlySet<string> = new Set([
  'keps/README.md',
  'keps/prod-readiness/README.md',
  'keps/sig-cli/FAQ.md',
  'keps/sig-cluster-lifecycle/clusterapi/FAQ.md',
  'keps/sig-cluster-lifecycle/kubeadm/970-kubeadm-config/documentation-for-images.md',
]);

/** Whether verify-toc.sh checks this repository-relative path (`find keps -name '*.md'`: case-sensitive suffix). */
export function isTocChecked(path: string): boolean {
  return path.startsWith('keps/') && path.endsWith('.md') && !NO_TOC_FILES.has(path);
}

const TAG_CODES: Record<TocTagError, string> = {
  'missing-start': 'kep/toc-missing-start',
  'missing-end': 'kep/toc-missing-end',
  'end-before-start': 'kep/toc-end-before-start',
};

const TAG_MESSAGES: Record<TocTagError, string> = {
  'missing-start': `No "${TOC_START_TAG}" tag: verify-toc.sh needs the table of contents between "${TOC_START_TAG}" and "${TOC_END_TAG}".`,
  'missing-end': `No "${TOC_END_TAG}" tag after the table of contents: verify-toc.sh needs it to find where the TOC ends.`,
  'end-before-start': `"${TOC_END_TAG}" comes before the first "${TOC_START_TAG}": verify-toc.sh takes the first match of each tag.`,
};

/**
 * Last result per path: a README is re-checked whenever its kep.yaml changes (it is a dependent), with the same text;
 * mdtoc's parse is the costliest step of a keystroke, so an unchanged text reuses the previous findings, and a changed
 * one is parsed incrementally from the path's previous parse (same answers; see IncrementalHeadings).
 */
const lastByPath = new Map<string, { text: string; diagnostics: Diagnostic[]; parser: IncrementalHeadings }>();

/** Findings computed elsewhere (the CLI's worker thread) for a text of the given length, each taken once. */
const primed = new Map<string, { length: number; diagnostics: Diagnostic[] }>();

/** Hands in findings computed by tocDiagnostics on another thread from the file's text of that length. */
export function primeTocDiagnostics(results: ReadonlyMap<string, { length: number; diagnostics: Diagnostic[] }>): void {
  for (const [path, r] of results) primed.set(path, r);
}

export function tocDiagnostics(path: string, text: string): Diagnostic[] {
  if (!isTocChecked(path)) return [];
  const pre = primed.get(path);
  if (pre) {
    primed.delete(path);
    if (pre.length === text.length) return pre.diagnostics;
  }
  const hit = lastByPath.get(path);
  if (hit && hit.text === text) return hit.diagnostics.map((d) => ({ ...d }));
  const parser = hit?.parser ?? new IncrementalHeadings();
  const diagnostics = computeTocDiagnostics(path, text, parser);
  if (hit) lastByPath.delete(path); // re-inserted below: the map's order is least recently checked first
  else if (lastByPath.size >= 64) lastByPath.delete(lastByPath.keys().next().value as string);
  lastByPath.set(path, { text, diagnostics, parser });
  return diagnostics.map((d) => ({ ...d }));
}

/**
 * tocDiagnostics for a caller that checks each file once (the CLI's worker thread, a whole-tree check): the same
 * findings, without keeping the text and its parse for the next keystroke (which a tree of hundreds of READMEs
 * would only churn through, at the garbage collector's expense).
 */
export function tocDiagnosticsOnce(path: string, text: string, textBytes?: Uint8Array): Diagnostic[] {
  return isTocChecked(path) ? computeTocDiagnostics(path, text, undefined, textBytes) : [];
}

/** `textBytes`: the UTF-8 encoding of exactly `text` when the caller has it (see TocOptions.textBytes). */
function computeTocDiagnostics(path: string, text: string, parser?: IncrementalHeadings, textBytes?: Uint8Array): Diagnostic[] {
  let check;
  try {
    check = checkToc(text, { maxDepth: VERIFY_TOC_MAX_DEPTH, incremental: parser, textBytes });
  } catch (e) {
    // Only reached where gomarkdown itself would panic: mdtoc crashes, so CI fails too.
    return [tocDiagnostic(path, new LineIndex(text), 0, 0, 'kep/toc-stale', `mdtoc crashes on this file (${(e as Error).message}).`)];
  }
  if (check.kind === 'ok') return [];
  const lines = new LineIndex(text);
  if (check.kind === 'error') {
    const { start, end } = check.tags;
    // Point at the tag that is there (or at the file start when neither helps).
    const [from, to] =
      check.error === 'missing-start'
        ? end >= 0 ? [end, end + TOC_END_TAG.length] : [0, 0]
        : check.error === 'missing-end'
          ? [start, start + TOC_START_TAG.length]
          : [end, end + TOC_END_TAG.length];
    return [tocDiagnostic(path, lines, from, to, TAG_CODES[check.error], TAG_MESSAGES[check.error])];
  }
  // Built from this check (regenerateTocEdit would run mdtoc a second time per keystroke).
  const fix = tocFix(text, check, { maxDepth: VERIFY_TOC_MAX_DEPTH });
  const fixes: Fix[] = fix
    ? [{ title: FIX_TITLES[fix.kind], isPreferred: true, edits: fix.edits.map((e) => ({ range: lines.range(e.start, e.end), newText: e.newText })) }]
    : [];
  const d = tocDiagnostic(
    path,
    lines,
    check.tags.start,
    check.tags.end + TOC_END_TAG.length,
    'kep/toc-stale',
    'The table of contents does not match the headings after it (as mdtoc --max-depth=5 generates it).' +
      (fix ? '' : ` A heading after the TOC contains "${TOC_END_TAG}", so mdtoc --inplace would change the file again on every run: reword that heading.`),
    fixes,
  );
  d.data = { generated: check.generated };
  return [d];
}

const FIX_TITLES = {
  regenerate: 'Regenerate table of contents',
  'split-end-tag': `Start a new line after ${TOC_END_TAG} and regenerate table of contents`,
} as const;

function tocDiagnostic(path: string, lines: LineIndex, from: number, to: number, code: string, message: string, fixes?: Fix[]): Diagnostic {
  const d: Diagnostic = { file: path, range: lines.range(from, to), severity: 'error', code, message, upstream: TOC_UPSTREAM };
  if (fixes && fixes.length > 0) d.fixes = fixes;
  return d;
}
