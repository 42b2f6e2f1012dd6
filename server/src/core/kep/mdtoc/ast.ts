/**
 * The nodes the parser produces. Only what the TOC needs survives: headings with their level and inline content,
 * and link reference definitions (a heading may link through one defined anywhere in the file).
 */
import { type Bytes, str } from './bytes';

/** gomarkdown's maxNesting: one depth budget, shared by block and inline recursion alike. */
export const MAX_NESTING = 16;

export interface Heading {
  level: number;
  content: Bytes;
  children: Inline[];
}

export interface LinkRef {
  link: Bytes;
  title: Bytes;
}

export type Inline =
  | { t: 'text'; s: string }
  | { t: 'code'; s: string }
  | { t: 'html'; s: string }
  | { t: 'math'; s: string }
  | { t: 'break' }
  | { t: 'emph' | 'strong' | 'del'; children: Inline[] }
  | { t: 'link'; dest: string; title: string; children: Inline[] }
  /** title is undefined for an inline image without title (Go: nil), '' for a reference without one. */
  | { t: 'image'; dest: string; title: string | undefined; alt: string };

export type Container = { children: Inline[] };
/** An inline handler's verdict: 0 consumed declines (the byte stays text); a null node consumes without output. */
export type InlineResult = [consumed: number, node: Inline | null];

export const NONE: InlineResult = [0, null];
export const text = (b: Bytes): Inline => ({ t: 'text', s: str(b) });
