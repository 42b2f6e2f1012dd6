/** Go to definition, find references and rename for aliases and logins (pure: returns file-relative locations). */
import type { Range } from '../../diagnostics';
import { normLogin } from '../../gostrings';
import { LineIndex } from '../../text';
import { LOGIN_LISTS } from '../rules/syntax';
import { aliasGroup, isDefinedAlias, targetAt, usagesOf, type OwnersView, type Usage } from './view';

export interface FileLocation {
  path: string;
  range: Range;
}

export interface FileEdit {
  path: string;
  range: Range;
  newText: string;
}

/** The login or alias name under the cursor, with its range. */
export function nameAt(view: OwnersView, offset: number): { name: string; range: Range; alias: boolean } | undefined {
  const t = targetAt(view, offset);
  const lines = new LineIndex(view.text);
  const r = (n: { range: [number, number] }) => lines.range(n.range[0], n.range[1]);
  if (t?.kind === 'entry' && LOGIN_LISTS.has(t.entry.list) && t.entry.text !== '') return { name: normLogin(t.entry.text), range: r(t.entry.node), alias: isDefinedAlias(view, t.entry.text) };
  if (t?.kind === 'group') return { name: t.group.name, range: r(t.group.key), alias: true };
  if (t?.kind === 'member' && t.member.text !== '') return { name: normLogin(t.member.text), range: r(t.member.node), alias: isDefinedAlias(view, t.member.text) };
  return undefined;
}

const lineCache = new Map<string, LineIndex>();
function loc(u: Usage): FileLocation {
  let li = lineCache.get(u.text);
  if (!li) {
    if (lineCache.size > 64) lineCache.clear();
    lineCache.set(u.text, (li = new LineIndex(u.text)));
  }
  return { path: u.path, range: li.range(u.node.range[0], u.node.range[1]) };
}

export function ownersDefinition(view: OwnersView, offset: number): FileLocation[] {
  const n = nameAt(view, offset);
  if (!n || !n.alias || !view.rootAliases) return [];
  const g = aliasGroup(view, n.name);
  if (!g) return [];
  return [{ path: view.rootAliases.path, range: new LineIndex(view.rootAliases.text).range(g.key.range[0], g.key.range[1]) }];
}

export function ownersReferences(view: OwnersView, offset: number, includeDeclaration: boolean): FileLocation[] {
  const n = nameAt(view, offset);
  if (!n) return [];
  return usagesOf(view, n.name)
    .filter((u) => includeDeclaration || u.list !== 'alias-definition')
    .map(loc);
}

export function prepareAliasRename(view: OwnersView, offset: number): { range: Range; placeholder: string } | undefined {
  const n = nameAt(view, offset);
  if (!n || !n.alias) return undefined;
  return { range: n.range, placeholder: n.name };
}

const ALIAS_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

/** Rename an alias in OWNERS_ALIASES and every OWNERS file (and alias membership) that names it. */
export function renameAlias(view: OwnersView, offset: number, newName: string): { edits: FileEdit[] } | { error: string } {
  const n = nameAt(view, offset);
  if (!n || !n.alias) return { error: 'Only aliases defined in the root OWNERS_ALIASES can be renamed.' };
  if (!ALIAS_NAME.test(newName)) return { error: `"${newName}" is not a valid alias name.` };
  const norm = normLogin(newName);
  if (norm !== n.name && view.ctx.aliases?.aliases.has(norm)) return { error: `An alias named "${norm}" already exists.` };
  return { edits: usagesOf(view, n.name).map((u) => ({ ...loc(u), newText: newName })) };
}
