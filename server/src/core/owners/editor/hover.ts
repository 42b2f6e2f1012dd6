/** Hover text for OWNERS / OWNERS_ALIASES: logins, aliases, filter patterns, labels and keys, explained as Prow reads them. */
import type { Range } from '../../diagnostics';
import { normLogin } from '../../gostrings';
import { LineIndex } from '../../text';
import { compileGoRegexp } from '../../re2';
import { filesUnder, filterMatches } from '../rules/filterRegex';
import { dirOf } from '../rules/context';
import { leadershipOf } from '../sigsLeadership';
import { LOGIN_LISTS, type KeyRef } from '../rules/syntax';
import { ALIASES_KEY_DOCS, OWNERS_KEY_DOCS } from './keyDocs';
import { aliasGroup, isDefinedAlias, targetAt, usagesOf, type OwnersView } from './view';

export interface HoverResult {
  range: Range;
  markdown: string;
}

export function ownersHover(view: OwnersView, offset: number): HoverResult | undefined {
  const t = targetAt(view, offset);
  if (!t) return undefined;
  const lines = new LineIndex(view.text);
  const r = (n: { range: [number, number] }) => lines.range(n.range[0], n.range[1]);
  switch (t.kind) {
    case 'entry': {
      const e = t.entry;
      if (e.list === 'labels') return { range: r(e.node), markdown: labelHover(view, e.text) };
      if (!LOGIN_LISTS.has(e.list)) return undefined;
      const extra = e.list.startsWith('emeritus_') ? '\n\n_Prow never reads emeritus lists; this entry gives no role._' : '';
      const md = isDefinedAlias(view, e.text) ? aliasHover(view, e.text) : loginHover(view, e.text);
      return { range: r(e.node), markdown: md + extra };
    }
    case 'key':
      return { range: r(t.key.key), markdown: keyHover(view, t.key) };
    case 'pattern':
      return { range: r(t.key.key), markdown: patternHover(view, t.key) };
    case 'group':
      return { range: r(t.group.key), markdown: aliasHover(view, t.group.text) };
    case 'member':
      return { range: r(t.member.node), markdown: isDefinedAlias(view, t.member.text) ? aliasHover(view, t.member.text) + '\n\n_Inside an alias group this name is **not** expanded (Prow aliases are not recursive)._' : loginHover(view, t.member.text) };
    case 'aliasesKey':
      return { range: r(t.node), markdown: ALIASES_KEY_DOCS.aliases };
  }
}

function fileLabel(path: string): string {
  return path;
}

export function loginHover(view: OwnersView, login: string): string {
  const norm = normLogin(login);
  const parts = [`**${login}** — GitHub login${norm !== login ? ` (Prow reads \`${norm}\`)` : ''}`];
  const usages = usagesOf(view, login);
  const groups = usages.filter((u) => u.list.startsWith('alias:')).map((u) => u.list.slice(6));
  if (groups.length > 0) parts.push(`Member of alias${groups.length > 1 ? 'es' : ''}: ${groups.map((g) => '`' + g + '`').join(', ')}`);
  const byRole = new Map<string, Set<string>>();
  for (const u of usages) {
    if (u.list.startsWith('alias')) continue;
    let s = byRole.get(u.list);
    if (!s) byRole.set(u.list, (s = new Set()));
    s.add(u.path);
  }
  const files = new Set(usages.filter((u) => !u.list.startsWith('alias')).map((u) => u.path));
  if (files.size > 0) {
    parts.push(`Named in ${files.size} OWNERS file${files.size > 1 ? 's' : ''}: ${[...byRole].map(([role, s]) => `${role} in ${s.size}`).join(', ')}`);
  } else parts.push('Not named directly in any OWNERS file.');
  if (view.ctx.sigs) {
    const roles = leadershipOf(view.ctx.sigs, norm);
    if (roles.length > 0) parts.push(`sigs.yaml: ${roles.map((x) => `${x.role.replace(/_/g, ' ')} of ${x.group.name}`).join('; ')}`);
  }
  return parts.join('\n\n');
}

export function aliasHover(view: OwnersView, name: string): string {
  const norm = normLogin(name);
  const members = view.ctx.aliases?.aliases.get(norm);
  const g = aliasGroup(view, norm);
  const parts = [`**${name}** — alias from OWNERS_ALIASES`];
  if (members) parts.push(members.size === 0 ? 'Expands to **nobody** (empty group).' : `Expands to: ${[...members].sort().map((m) => '`' + m + '`').join(', ')}`);
  if (g && view.rootAliases) parts.push(`Defined at ${view.rootAliases.path}:${new LineIndex(view.rootAliases.text).position(g.key.range[0]).line + 1}`);
  const files = new Set(usagesOf(view, norm, { aliasesFile: false }).map((u) => u.path));
  parts.push(`Used in ${files.size} OWNERS file${files.size === 1 ? '' : 's'}${files.size > 0 ? ': ' + [...files].sort().slice(0, 10).map(fileLabel).join(', ') + (files.size > 10 ? ', …' : '') : ''}`);
  return parts.join('\n\n');
}

function labelHover(view: OwnersView, label: string): string {
  const parts = [`**${label}** — label added by Prow's owners-label plugin to PRs touching this directory (labels accumulate over parent OWNERS files)`];
  const known = view.ctx.labels?.get(label);
  if (known?.description) parts.push(known.description);
  else if (view.ctx.labels) parts.push('_Not defined in labels.yaml._');
  const g = view.ctx.sigs?.groups.find((x) => x.label === label);
  if (g) parts.push(`sigs.yaml: ${g.name} (${g.dir})`);
  return parts.join('\n\n');
}

function keyHover(view: OwnersView, k: KeyRef): string {
  const name = k.canonical ?? k.text;
  const doc = OWNERS_KEY_DOCS[name] ?? `Prow ignores \`${k.text}\`.`;
  let md = `**${k.text}**${k.canonical && k.canonical !== k.text ? ` (read as \`${k.canonical}\`)` : ''}\n\n${doc}`;
  if (name === 'no_parent_owners') md += '\n\n' + noParentOwnersEffect(view);
  return md;
}

function noParentOwnersEffect(view: OwnersView): string {
  const dir = dirOf(view.path);
  if (dir === '') return 'This is the root OWNERS file: there is nothing above it to cut off.';
  const parents: string[] = [];
  const owners = view.ctx.owners;
  for (const key of owners.ancestorKeys(dir).slice(1)) {
    const p = key === '' ? 'OWNERS' : `${key}/OWNERS`;
    const src = owners.source(p);
    if (!src) continue;
    const cells = (['approvers', 'reviewers', 'labels'] as const)
      .map((role) => [role, owners.cells(role, key).flatMap((c) => c.sorted)] as const)
      .filter(([, l]) => l.length > 0);
    if (cells.length > 0) parents.push(`- ${p}: ${cells.map(([role, l]) => `${role} ${l.slice(0, 6).join(', ')}${l.length > 6 ? ', …' : ''}`).join('; ')}`);
  }
  if (parents.length === 0) return 'No parent OWNERS file contributes anyone: the option cuts off nothing.';
  return `For files under ${dir}/, once this file contributes someone for a role, Prow stops before:\n${parents.join('\n')}`;
}

function patternHover(view: OwnersView, k: KeyRef): string {
  const pattern = k.pattern ?? k.text;
  const dir = dirOf(view.path);
  if (pattern === '.*') return '**".*"** — matches every file (Prow special-cases this exact string).';
  const c = compileGoRegexp(pattern);
  if (!c.ok) return `**${pattern}** — not a valid Go RE2 pattern (${c.error}); Prow skips this filter.`;
  const head = `**${pattern}** — Go RE2, unanchored, matched against paths relative to ${dir === '' ? 'the repository root' : dir + '/'}`;
  if (!view.ctx.files) return head;
  const rels = filesUnder(view.ctx.files, dir);
  const hits = filterMatches(c.re, rels, 10_000);
  if (hits.length === 0) return `${head}\n\nMatches **no file** now.`;
  const shown = hits.slice(0, 15).map((h) => `- ${h}`);
  return `${head}\n\nMatches ${hits.length} file${hits.length > 1 ? 's' : ''} now:\n${shown.join('\n')}${hits.length > 15 ? '\n- …' : ''}`;
}
