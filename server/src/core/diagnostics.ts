/**
 * The one diagnostic model of the pure core. Adapters (LSP, CLI) convert it; the core never sees LSP types.
 * Positions are 0-based line/character in UTF-16 code units, like LSP, so adapters convert nothing.
 */
export type Severity = 'error' | 'warning' | 'information' | 'hint';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

/** A text edit in the same file (or in another file when `file` is set, relative to the repository root). */
export interface TextEdit {
  range: Range;
  newText: string;
  /** Repository-relative path of another file; absent = the file the diagnostic is on. */
  file?: string;
}

export interface Fix {
  title: string;
  edits: TextEdit[];
  /** Files to create before applying the edits (repository-relative path → initial content). */
  createFiles?: { file: string; content: string }[];
  isPreferred?: boolean;
}

export interface Diagnostic {
  /** Repository-relative path with forward slashes. */
  file: string;
  range: Range;
  severity: Severity;
  /** Stable code, e.g. `owners/undefined-alias`. */
  code: string;
  message: string;
  /** The upstream check this mirrors (e.g. `prow verify-owners`, `kepval repo.Validate`), when it mirrors one. */
  upstream?: string;
  fixes?: Fix[];
  /** Extra data for hover/quick fixes, never shown as such. */
  data?: Record<string, unknown>;
}

export const ZERO_RANGE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function compareDiagnostics(a: Diagnostic, b: Diagnostic): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return (
    a.range.start.line - b.range.start.line ||
    a.range.start.character - b.range.start.character ||
    (a.code < b.code ? -1 : a.code > b.code ? 1 : 0)
  );
}
