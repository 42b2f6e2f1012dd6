/**
 * In-file suppressions: `# kube-shepherd-disable-next-line code[, code]` and `# kube-shepherd-disable code[, code]`
 * (whole file) in YAML files, the same inside `<!-- … -->` in Markdown. A suppression that no longer suppresses
 * anything is itself reported, so stale ones do not pile up.
 */
import type { Diagnostic } from './diagnostics';
import { LineIndex } from './text';

export interface Suppression {
  kind: 'next-line' | 'file';
  codes: string[];
  /** 0-based line of the comment. */
  line: number;
  /** Character range of the comment on that line. */
  start: number;
  end: number;
}

const YAML_RE = /#\s*kube-shepherd-disable(-next-line)?\s+([\w/.,\s-]+?)\s*$/;
const MD_RE = /<!--\s*kube-shepherd-disable(-next-line)?\s+([\w/.,\s-]+?)\s*-->/;

export function parseSuppressions(text: string, markdown: boolean): Suppression[] {
  const out: Suppression[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  const re = markdown ? MD_RE : YAML_RE;
  lines.forEach((l, i) => {
    if (!l.includes('kube-shepherd-disable')) return;
    const m = re.exec(l);
    if (!m) return;
    const codes = m[2].split(/[\s,]+/).filter(Boolean);
    if (codes.length === 0) return;
    out.push({ kind: m[1] ? 'next-line' : 'file', codes, line: i, start: m.index, end: m.index + m[0].length });
  });
  return out;
}

export interface SuppressionResult {
  kept: Diagnostic[];
  suppressed: Diagnostic[];
  unused: Diagnostic[];
}

/** Applies a file's suppressions to its diagnostics. Errors stay visible in CI: the CLI ignores suppressions of them. */
export function applySuppressions(file: string, text: string, diags: Diagnostic[], markdown: boolean): SuppressionResult {
  if (!text.includes('kube-shepherd-disable')) return { kept: diags, suppressed: [], unused: [] };
  const sups = parseSuppressions(text, markdown);
  if (sups.length === 0) return { kept: diags, suppressed: [], unused: [] };
  const used = new Set<Suppression>();
  const kept: Diagnostic[] = [];
  const suppressed: Diagnostic[] = [];
  for (const d of diags) {
    const s = sups.find(
      (x) => x.codes.includes(d.code) && (x.kind === 'file' || d.range.start.line === nextContentLine(text, x.line)),
    );
    if (s) {
      used.add(s);
      suppressed.push(d);
    } else kept.push(d);
  }
  const unused: Diagnostic[] = sups
    .filter((s) => !used.has(s))
    .map((s) => ({
      file,
      range: { start: { line: s.line, character: s.start }, end: { line: s.line, character: s.end } },
      severity: 'warning',
      code: 'suppression/unused',
      message: `This suppression of ${s.codes.join(', ')} no longer suppresses anything; remove it.`,
      fixes: [{ title: 'Remove the unused suppression', edits: [{ range: removalRange(text, s.line), newText: '' }] }],
    }));
  return { kept, suppressed, unused };
}

/** The suppressed line is the next line (comments on their own line apply to the line below them). */
function nextContentLine(_text: string, line: number): number {
  return line + 1;
}

function removalRange(text: string, line: number) {
  const idx = new LineIndex(text);
  const start = idx.lineStart(line);
  const end = line + 1 < idx.lineCount ? idx.lineStart(line + 1) : idx.lineEnd(line);
  return idx.range(start, end);
}

/** A fix that suppresses one diagnostic on its line (inserted above it, same indentation). */
export function suppressFix(text: string, d: Diagnostic, markdown: boolean) {
  const idx = new LineIndex(text);
  const line = d.range.start.line;
  const lineText = text.slice(idx.lineStart(line), idx.lineEnd(line));
  const indent = /^\s*/.exec(lineText)![0];
  const comment = markdown ? `<!-- kube-shepherd-disable-next-line ${d.code} -->` : `# kube-shepherd-disable-next-line ${d.code}`;
  const at = idx.position(idx.lineStart(line));
  return {
    title: `Suppress ${d.code} on this line`,
    edits: [{ range: { start: at, end: at }, newText: `${indent}${comment}\n` }],
  };
}
