/**
 * Where GitHub logins are named in a repository: OWNERS approvers/reviewers (the lists Prow's verify-owners checks
 * for trust), every OWNERS_ALIASES member, and kep.yaml authors/reviewers/approvers. Pure: parsed files in, uses out.
 * Names that cannot be logins (malformed, team syntax, placeholders) and alias names are skipped — other rules
 * report them, and asking GitHub about them would only spend rate limit.
 */
import type { Range } from '../diagnostics';
import { normLogin } from '../gostrings';
import { parseGoYaml, type Node } from '../goyaml/nodes';
import { aliasesOutline } from '../owners/rules/syntax';
import { loginProblem } from '../owners/rules/logins';
import type { AliasesFile } from '../owners/aliasesFile';
import type { ConfigLists, OwnersFile } from '../owners/ownersFile';
import { isTemplateKepDir } from '../kep/kepFiles';
import { LineIndex } from '../text';

export type LoginSource = 'OWNERS' | 'OWNERS_ALIASES' | 'kep.yaml';
export type LoginRole = 'approvers' | 'reviewers' | 'authors' | 'alias member';

export interface LoginUse {
  /** Prow's NormLogin of the entry (lower case, one leading @ stripped): what GitHub is asked about. */
  login: string;
  /** As written in the file. */
  written: string;
  /** Repository-relative path. */
  file: string;
  range: Range;
  source: LoginSource;
  role: LoginRole;
  /** The alias group, for OWNERS_ALIASES members. */
  group?: string;
}

/** kep.yaml values that mean "nobody yet", not a person. */
const PLACEHOLDERS = new Set(['tbd', 'tba', 'none', 'n/a', 'todo']);

function candidate(written: string): string | undefined {
  if (loginProblem(written)) return undefined;
  const login = normLogin(written);
  return PLACEHOLDERS.has(login) ? undefined : login;
}

/** OWNERS (or md-yaml front matter): approvers and reviewers, top level or in filters; alias names skipped. */
export function ownersLoginUses(file: string, text: string, parsed: OwnersFile, aliasNames: ReadonlySet<string>): LoginUse[] {
  if (parsed.mode === 'ignored') return [];
  const lines = new LineIndex(text);
  const out: LoginUse[] = [];
  const add = (lists: ConfigLists | undefined) => {
    for (const role of ['approvers', 'reviewers'] as const) {
      for (const e of lists?.[role] ?? []) {
        // verify-owners skips entries that are alias names; an undefined alias has its own rule.
        if (!e.src || e.src.kind !== 'scalar' || aliasNames.has(normLogin(e.value))) continue;
        const login = candidate(e.value);
        if (login) out.push({ login, written: e.value, file, range: lines.range(e.src.range[0], e.src.range[1]), source: 'OWNERS', role });
      }
    }
  };
  add(parsed.simple);
  for (const f of parsed.filters ?? []) add(f.config);
  return out;
}

/** OWNERS_ALIASES: every member of every group (verify-owners checks them all when the file changes). */
export function aliasesLoginUses(file: string, text: string, parsed: AliasesFile): LoginUse[] {
  if (parsed.syntaxError) return [];
  const lines = new LineIndex(text);
  const outline = aliasesOutline(parsed.yaml.root);
  const names = new Set(outline.groups.map((g) => g.name));
  const out: LoginUse[] = [];
  for (const g of outline.groups) {
    for (const m of g.members) {
      if (m.node.kind !== 'scalar' || names.has(normLogin(m.text))) continue;
      const login = candidate(m.text);
      if (login) out.push({ login, written: m.text, file, range: lines.range(m.node.range[0], m.node.range[1]), source: 'OWNERS_ALIASES', role: 'alias member', group: g.text });
    }
  }
  return out;
}

const KEP_ROLES: Record<string, LoginRole> = { authors: 'authors', reviewers: 'reviewers', approvers: 'approvers' };

/** kep.yaml: authors, reviewers, approvers (written `"@login"` by convention). Template KEPs are skipped. */
export function kepLoginUses(file: string, text: string): LoginUse[] {
  if (isTemplateKepDir(file.slice(0, file.lastIndexOf('/')))) return [];
  let root: Node | null;
  try {
    const parsed = parseGoYaml(text);
    if (parsed.error) return [];
    root = parsed.root;
  } catch {
    // Too complex to parse: the KEP rules report it; nothing to look up.
    return [];
  }
  if (!root || root.kind !== 'map') return [];
  const lines = new LineIndex(text);
  const out: LoginUse[] = [];
  for (const e of root.entries) {
    if (e.key.kind !== 'scalar' || e.value.kind !== 'seq') continue;
    const role = KEP_ROLES[e.key.text];
    if (!role) continue;
    for (const item of e.value.items) {
      if (item.kind !== 'scalar' || typeof item.text !== 'string') continue;
      const login = candidate(item.text);
      if (login) out.push({ login, written: item.text, file, range: lines.range(item.range[0], item.range[1]), source: 'kep.yaml', role });
    }
  }
  return out;
}

/** Distinct logins, in first-use order (callers put the files the user looks at first). */
export function distinctLogins(uses: readonly LoginUse[]): string[] {
  return [...new Set(uses.map((u) => u.login))];
}
