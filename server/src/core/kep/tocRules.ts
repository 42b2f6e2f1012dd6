/**
 * Diagnostics for the blocking TOC check of kubernetes/enhancements: `hack/verify-toc.sh` runs
 * `mdtoc --inplace --max-depth=5 --dryrun` on every `keps/**\/*.md` not listed in `hack/.notableofcontents`
 * (kep.md §3.2). Every finding is an Error because CI fails on it.
 */
import type { Diagnostic, Fix } from '../diagnostics';
import { LineIndex } from '../text';
import { checkToc, TOC_END_TAG, TOC_START_TAG, VERIFY_TOC_MAX_DEPTH, type TocTagError } from './mdtoc';

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
 * mdtoc's parse is the costliest step of a keystroke, so an unchanged text reuses the previous findings.
 */
const lastByPath = new Map<string, { text: string; diagnostics: Diagnostic[] }>();

export function tocDiagnostics(path: string, text: string): Diagnostic[] {
  if (!isTocChecked(path)) return [];
  const hit = lastByPath.get(path);
  if (hit && hit.text === text) return hit.diagnostics.map((d) => ({ ...d }));
  const diagnostics = computeTocDiagnostics(path, text);
  if (lastByPath.size >= 64) lastByPath.delete(lastByPath.keys().next().value as string);
  lastByPath.set(path, { text, diagnostics });
  return diagnostics.map((d) => ({ ...d }));
}

function computeTocDiagnostics(path: string, text: string): Diagnostic[] {
  let check;
  try {
    check = checkToc(text, { maxDepth: VERIFY_TOC_MAX_DEPTH });
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
  // What regenerateTocEdit returns, taken from this check instead of running mdtoc a second time per keystroke.
  const edit = { start: check.existingRange.start, end: check.existingRange.end, newText: '\n' + check.generated };
  const fixes: Fix[] = [{ title: 'Regenerate table of contents', isPreferred: true, edits: [{ range: lines.range(edit.start, edit.end), newText: edit.newText }] }];
  const d = tocDiagnostic(
    path,
    lines,
    check.tags.start,
    check.tags.end + TOC_END_TAG.length,
    'kep/toc-stale',
    'The table of contents does not match the headings after it (as mdtoc --max-depth=5 generates it).',
    fixes,
  );
  d.data = { generated: check.generated };
  return [d];
}

function tocDiagnostic(path: string, lines: LineIndex, from: number, to: number, code: string, message: string, fixes?: Fix[]): Diagnostic {
  const d: Diagnostic = { file: path, range: lines.range(from, to), severity: 'error', code, message, upstream: TOC_UPSTREAM };
  if (fixes && fixes.length > 0) d.fixes = fixes;
  return d;
}
