/**
 * Completion in OWNERS / OWNERS_ALIASES. The file is usually incomplete while typing, so the context (which list or
 * mapping the cursor is in) is read from indentation of the lines above; everything offered comes from the index.
 */
import type { Range } from '../../diagnostics';
import { jsonFoldKey, normLogin } from '../../gostrings';
import { LineIndex } from '../../text';
import { outlineOf, type OwnersView } from './view';
import { LOGIN_LISTS, OPTION_KEYS, ROLE_KEYS, TOP_KEYS } from '../rules/syntax';
import { ALIASES_KEY_DOCS, OWNERS_KEY_DOCS } from './keyDocs';

export type CompletionKind = 'login' | 'alias' | 'label' | 'key' | 'snippet' | 'value';

export interface CompletionEntry {
  label: string;
  kind: CompletionKind;
  detail?: string;
  documentation?: string;
  /** Text to insert over `range` (snippet syntax when `snippet`). */
  insertText: string;
  snippet?: boolean;
  range: Range;
  sortText?: string;
}

interface LineCtx {
  indent: number;
  /** `- ` list item on this line. */
  item: boolean;
  /** Key written before `:` on the line, when the cursor is after it (flow list / inline value). */
  inlineKey?: string;
  /** The word being typed and where it starts. */
  word: string;
  wordStart: number;
}

function lineContext(text: string, lines: LineIndex, offset: number): { line: number; ctx: LineCtx } {
  const pos = lines.position(offset);
  const lineText = text.slice(lines.lineStart(pos.line), offset);
  const m = /^(\s*)(-\s+)?/.exec(lineText)!;
  const indent = m[1].length;
  const item = !!m[2] || /^\s*-$/.test(lineText);
  const wm = /[^\s\-,[\]{}:"']*$/.exec(lineText)!;
  // Allow hyphens inside words (logins, aliases): extend back over [\w-./@].
  const wm2 = /[\w\-./@]*$/.exec(lineText)!;
  const word = wm2[0].length >= wm[0].length ? wm2[0] : wm[0];
  let inlineKey: string | undefined;
  const km = /^\s*(?:-\s+)?("?)([^:"#]+)\1\s*:\s*(.*)$/.exec(lineText);
  if (km && km[3] !== undefined && offset > lines.lineStart(pos.line) + lineText.indexOf(':')) inlineKey = km[2].trim();
  return { line: pos.line, ctx: { indent, item: item && !inlineKey, inlineKey, word: item && word.startsWith('- ') ? '' : word, wordStart: offset - word.length } };
}

/** Parent keys of the cursor line, innermost first, from indentation. */
function parentKeys(text: string, lines: LineIndex, line: number, indent: number, isItem: boolean): string[] {
  const out: string[] = [];
  let limit = indent;
  let inclusive = isItem; // a block list item may sit at the same indentation as its key
  for (let l = line - 1; l >= 0 && limit >= 0; l--) {
    const s = text.slice(lines.lineStart(l), lines.lineEnd(l));
    if (/^\s*(#.*)?$/.test(s)) continue;
    const ind = /^\s*/.exec(s)![0].length;
    const km = /^\s*("?)([^:"#]+)\1\s*:\s*(#.*)?$/.exec(s) ?? /^\s*("?)([^:"#]+)\1\s*:/.exec(s);
    if (/^\s*-/.test(s)) continue;
    if (!km) continue;
    if (ind < limit || (inclusive && ind === limit)) {
      out.push(km[2].trim());
      limit = ind - 1;
      inclusive = false;
      if (ind === 0) break;
    }
  }
  return out;
}

export function ownersCompletion(view: OwnersView, offset: number): CompletionEntry[] {
  const lines = new LineIndex(view.text);
  const { line, ctx } = lineContext(view.text, lines, offset);
  const range = lines.range(ctx.wordStart, offset);
  if (view.kind === 'aliases') return aliasesCompletion(view, lines, line, ctx, range);
  const parents = parentKeys(view.text, lines, line, ctx.indent, ctx.item);
  const listKey = ctx.inlineKey ?? (ctx.item ? parents[0] : undefined);
  if (listKey !== undefined) {
    const canonical = [...ROLE_KEYS, 'emeritus_approvers', 'emeritus_reviewers'].find((k) => jsonFoldKey(k) === jsonFoldKey(listKey));
    if (canonical === 'labels') return labelItems(view, range);
    if (canonical && LOGIN_LISTS.has(canonical)) return loginItems(view, range, true);
    if (ctx.inlineKey !== undefined) return optionValueItems(ctx.inlineKey, range);
    return [];
  }
  // Key position.
  const parent = parents[0] !== undefined ? jsonFoldKey(parents[0]) : undefined;
  if (parent === undefined) return keyItems(range, [...TOP_KEYS, 'emeritus_approvers'], true);
  if (parent === 'OPTIONS') return keyItems(range, OPTION_KEYS, false);
  if (parent === 'FILTERS') return filterSnippets(range);
  if (parents[1] !== undefined && jsonFoldKey(parents[1]) === 'FILTERS') return keyItems(range, [...ROLE_KEYS, 'emeritus_approvers'], true);
  return [];
}

function keyItems(range: Range, keys: readonly string[], lists: boolean): CompletionEntry[] {
  return keys.map((k, i) => ({
    label: k,
    kind: 'key' as const,
    detail: 'OWNERS key',
    documentation: OWNERS_KEY_DOCS[k],
    insertText: k === 'options' ? 'options:\n  ${1|no_parent_owners,auto_approve_unowned_subfolders|}: true' : k === 'filters' ? 'filters:\n  "${1:.*}":\n    approvers:\n      - ${2}' : lists && k !== 'options' && k !== 'filters' ? `${k}:\n  - \${1}` : `${k}: \${1|true,false|}`,
    snippet: true,
    range,
    sortText: String(i).padStart(2, '0'),
  }));
}

function optionValueItems(key: string, range: Range): CompletionEntry[] {
  if (!(OPTION_KEYS as readonly string[]).includes(key)) return [];
  return ['true', 'false'].map((v) => ({ label: v, kind: 'value' as const, insertText: v, range }));
}

function filterSnippets(range: Range): CompletionEntry[] {
  const mk = (label: string, body: string, doc: string): CompletionEntry => ({ label, kind: 'snippet', insertText: body, snippet: true, range, documentation: doc, detail: 'filter' });
  return [
    mk('".*" (every file)', '".*":\n  approvers:\n    - ${1}\n  reviewers:\n    - ${2}', 'A filter that applies to every file of this directory (Prow special-cases the exact string ".*").'),
    mk('"\\\\.go$" (Go files)', '"\\\\.go$":\n  reviewers:\n    - ${1}', 'Go files anywhere below this directory (unanchored RE2 against the relative path).'),
    mk('"^docs/" (subdirectory)', '"^${1:docs}/":\n  approvers:\n    - ${2}', 'Files in a subdirectory: anchor at ^ with the path RELATIVE to this OWNERS directory.'),
    mk('"(?i)\\\\.md$" (Markdown)', '"(?i)\\\\.md$":\n  labels:\n    - ${1:kind/documentation}', 'Markdown files, case-insensitive (Go RE2 inline flag).'),
  ];
}

/** Logins known in the repository (OWNERS entries, alias members, sigs.yaml leads) and alias names. */
function loginItems(view: OwnersView, range: Range, withAliases: boolean): CompletionEntry[] {
  const out: CompletionEntry[] = [];
  const aliases = view.ctx.aliases?.aliases;
  if (withAliases && aliases) {
    for (const [name, members] of aliases) {
      out.push({ label: name, kind: 'alias', detail: `alias · ${members.size} member${members.size === 1 ? '' : 's'}`, documentation: [...members].sort().join(', '), insertText: name, range, sortText: '0' + name });
    }
  }
  const logins = new Map<string, number>();
  for (const d of view.all()) {
    for (const e of outlineOf(d.file).entries) {
      if (!LOGIN_LISTS.has(e.list) || e.node.kind !== 'scalar' || e.text === '') continue;
      const n = normLogin(e.text);
      if (aliases?.has(n)) continue;
      logins.set(n, (logins.get(n) ?? 0) + 1);
    }
  }
  if (aliases) for (const ms of aliases.values()) for (const m of ms) if (!aliases.has(m)) logins.set(m, logins.get(m) ?? 0);
  for (const g of view.ctx.sigs?.groups ?? []) for (const l of g.leadership) if (!logins.has(l.login.toLowerCase())) logins.set(l.login.toLowerCase(), 0);
  for (const [login, n] of logins) out.push({ label: login, kind: 'login', detail: n > 0 ? `login · in ${n} OWNERS entr${n === 1 ? 'y' : 'ies'}` : 'login', insertText: login, range, sortText: '1' + login });
  return out;
}

function labelItems(view: OwnersView, range: Range): CompletionEntry[] {
  const seen = new Map<string, string | undefined>();
  for (const l of view.ctx.labels?.values() ?? []) seen.set(l.name, l.description);
  for (const l of view.ctx.sigs?.labels ?? []) if (!seen.has(l)) seen.set(l, view.ctx.sigs?.groups.find((g) => g.label === l)?.name);
  for (const d of view.all()) for (const e of outlineOf(d.file).entries) if (e.list === 'labels' && e.text && !seen.has(e.text)) seen.set(e.text, undefined);
  return [...seen].map(([label, doc]) => ({ label, kind: 'label' as const, detail: 'label', documentation: doc, insertText: label, range, sortText: (/^(sig|wg|committee|area)\//.test(label) ? '0' : '1') + label }));
}

function aliasesCompletion(view: OwnersView, lines: LineIndex, line: number, ctx: LineCtx, range: Range): CompletionEntry[] {
  const parents = parentKeys(view.text, lines, line, ctx.indent, ctx.item);
  if (ctx.item || ctx.inlineKey) {
    if (parents.length >= 1 || ctx.inlineKey) return loginItems(view, range, false);
    return [];
  }
  if (parents.length === 0) return [{ label: 'aliases', kind: 'key', documentation: ALIASES_KEY_DOCS.aliases, insertText: 'aliases:\n  ${1:sig-foo-leads}:\n    - ${2}', snippet: true, range }];
  if (parents.length === 1 && jsonFoldKey(parents[0]) === 'ALIASES') {
    return [{ label: 'alias group', kind: 'snippet', documentation: 'A new alias group', insertText: '${1:group-name}:\n  - ${2}', snippet: true, range }];
  }
  return [];
}
