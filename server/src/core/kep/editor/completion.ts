/**
 * Completion in kep.yaml and PRR files: keys (from the JSON Schemas, with descriptions), status / stage enums, groups,
 * milestones around the upcoming release, handles (owning-SIG leads and approvers first), feature-gate components,
 * KEP links, dates, PRR stage keys and PRR approvers. Context comes from the YAML tree (locate.ts).
 */
import type { Range } from '../../diagnostics';
import { VALID_STAGES, VALID_STATUSES } from '../kepTypes';
import { FEATURE_GATE_COMPONENTS, keysAt, STAGE_DOCS, STATUS_DOCS } from './docs';
import { siblingKeys, slotAt, topScalars, yamlView, type Slot, type YamlView } from './locate';
import { groupOf, normHandle, quotedHandle, sigLeads, type KepWorld } from './world';

export type KepCompletionKind = 'key' | 'enum' | 'group' | 'milestone' | 'handle' | 'component' | 'link' | 'value';

export interface KepCompletion {
  label: string;
  kind: KepCompletionKind;
  detail?: string;
  documentation?: string;
  insertText: string;
  range: Range;
  sortText?: string;
  /** Text the client filters on (the label without quotes). */
  filterText?: string;
}

export type KepDocKind = 'kep-yaml' | 'prr';

const HANDLE_LISTS = new Set(['authors', 'reviewers', 'approvers', 'editor']);
const LINK_LISTS = new Set(['see-also', 'replaces', 'superseded-by']);

export function kepCompletion(kind: KepDocKind, text: string, offset: number, world: KepWorld): KepCompletion[] {
  const view = yamlView(text);
  const slot = slotAt(view, offset);
  if (!slot) return [];
  const range = view.lines.range(slot.range[0], slot.range[1]);
  if (slot.role === 'key') return keyCompletion(kind, view, slot, range);
  return kind === 'kep-yaml' ? kepValueCompletion(view, slot, range, world) : prrValueCompletion(slot, range, world);
}

function keyCompletion(kind: KepDocKind, view: YamlView, slot: Slot, range: Range): KepCompletion[] {
  const parent = slot.path.slice(0, -1);
  const present = siblingKeys(view, slot.path);
  const typed = slot.path[slot.path.length - 1];
  const indent = ' '.repeat(view.lines.position(slot.range[0]).character + 2);
  const out: KepCompletion[] = [];
  keysAt(kind, parent).forEach((k, i) => {
    if (present.has(k.key) && k.key !== typed) return;
    const isStage = kind === 'prr' && parent.length === 0 && k.key !== 'kep-number';
    const insertText = isStage ? `${k.key}:\n${indent}approver: ` : k.list ? `${k.key}:\n${indent}- ` : k.map ? `${k.key}:\n${indent}` : `${k.key}: `;
    out.push({ label: k.key, kind: 'key', detail: kind === 'prr' ? 'PRR file key' : 'kep.yaml key', documentation: k.doc, insertText, range, sortText: String(i).padStart(3, '0') });
  });
  return out;
}

function strItem(label: string, kind: KepCompletionKind, range: Range, slot: Slot, i: number, detail?: string, documentation?: string, insert?: string): KepCompletion {
  return { label, kind, detail, documentation, insertText: insert ?? label, range, sortText: String(i).padStart(4, '0'), filterText: slot.quoted ? `"${label}"` : undefined };
}

function kepValueCompletion(view: YamlView, slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  const key = slot.path[0];
  const sub = slot.path[slot.path.length - 1];
  if (slot.path.length === 1) {
    switch (key) {
      case 'status':
        return VALID_STATUSES.map((s, i) => strItem(s, 'enum', range, slot, i, 'status', STATUS_DOCS[s]));
      case 'stage':
        return VALID_STAGES.map((s, i) => strItem(s, 'enum', range, slot, i, 'stage', STAGE_DOCS[s]));
      case 'owning-sig':
      case 'participating-sigs':
        return groupItems(view, slot, range, world);
      case 'latest-milestone':
        return milestoneItems(slot, range, world);
      case 'disable-supported':
        return ['true', 'false'].map((s, i) => strItem(s, 'value', range, slot, i));
      case 'creation-date':
      case 'last-updated':
        return world.today ? [strItem(world.today, 'value', range, slot, 0, 'today')] : [];
    }
    if (HANDLE_LISTS.has(key)) return handleItems(view, slot, range, world);
    if (LINK_LISTS.has(key)) return linkItems(view, slot, range, world);
    return [];
  }
  if (key === 'milestone' && slot.path.length === 2) return milestoneItems(slot, range, world);
  if (key === 'feature-gates' && sub === 'components') return FEATURE_GATE_COMPONENTS.map((c, i) => strItem(c.name, 'component', range, slot, i, 'component', c.doc));
  return [];
}

function prrValueCompletion(slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  if (slot.path.length === 2 && slot.path[1] === 'approver') {
    return world.prrApprovers.map((a, i) =>
      strItem(`@${a}`, 'handle', range, slot, i, 'PRR approver', 'Member of `prod-readiness-approvers` (or `-emeritus`) in OWNERS_ALIASES; CI compares case-sensitively after stripping one `@`.', `"@${a}"`),
    );
  }
  return [];
}

function groupItems(view: YamlView, slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  const owning = topScalars(view).get('owning-sig');
  return world.groups
    .filter((g) => slot.path[0] !== 'participating-sigs' || g !== owning)
    .map((g, i) => {
      const group = groupOf(world, g);
      return strItem(g, 'group', range, slot, i, group ? `${group.category === 'sig' ? 'SIG' : group.category.toUpperCase()} ${group.name}` : world.groupsFromSigsYaml ? 'sigs.yaml' : 'built-in groups list', group?.missionStatement?.trim());
    });
}

function milestoneItems(slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  const up = world.upcomingMinor;
  if (up === undefined) return [];
  const minors = [up, up + 1, up - 1, up + 2, up - 2].filter((m) => m > 0);
  return minors.map((m, i) => {
    const label = `v1.${m}`;
    const detail = m === up ? 'upcoming release' : m < up ? 'released' : 'future release';
    return { ...strItem(label, 'milestone', range, slot, i, detail, undefined, `"${label}"`), filterText: label };
  });
}

function handleItems(view: YamlView, slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  const owning = topScalars(view).get('owning-sig') ?? '';
  const out: KepCompletion[] = [];
  const seen = new Set<string>();
  const add = (login: string, detail: string, doc?: string) => {
    const k = normHandle(login);
    if (!k || seen.has(k)) return;
    seen.add(k);
    out.push({ label: `@${login.replace(/^@/, '')}`, kind: 'handle', detail, documentation: doc, insertText: quotedHandle(login), range, sortText: String(out.length).padStart(4, '0'), filterText: `@${login.replace(/^@/, '')}` });
  };
  const wantLeads = slot.path[0] === 'approvers' || slot.path[0] === 'reviewers';
  if (owning && wantLeads) for (const l of sigLeads(world, owning)) add(l.login, `${owning}: ${l.roles.join(', ')}`);
  // Other people of the owning SIG's KEPs, then everyone else seen in KEPs (most frequent first).
  const counts = new Map<string, { login: string; n: number; sameSig: boolean }>();
  for (const k of world.keps()) {
    for (const h of [...k.authors, ...k.approvers, ...k.reviewers]) {
      const login = h.trim().replace(/^@/, '');
      if (!/^[A-Za-z0-9][A-Za-z0-9-]*$/.test(login)) continue;
      const key = login.toLowerCase();
      const e = counts.get(key) ?? { login, n: 0, sameSig: false };
      e.n++;
      if (k.owningSig === owning) e.sameSig = true;
      counts.set(key, e);
    }
  }
  if (owning && !wantLeads) for (const l of sigLeads(world, owning)) add(l.login, `${owning}: ${l.roles.join(', ')}`);
  const rest = [...counts.values()].sort((a, b) => Number(b.sameSig) - Number(a.sameSig) || b.n - a.n || (a.login < b.login ? -1 : 1));
  for (const e of rest.slice(0, 200)) add(e.login, `${e.n} KEP mention${e.n === 1 ? '' : 's'}${e.sameSig ? ` in ${owning}` : ''}`);
  return out;
}

function linkItems(view: YamlView, slot: Slot, range: Range, world: KepWorld): KepCompletion[] {
  const self = topScalars(view).get('kep-number');
  return world
    .keps()
    .filter((k) => k.number !== self && !k.dir.startsWith('keps/NNNN-'))
    .map((k, i) => {
      const label = `/${k.dir}`;
      return { ...strItem(label, 'link', range, slot, i, `KEP-${k.number}: ${k.title}`, `status: ${k.status || '—'}${k.stage ? `, stage: ${k.stage}` : ''}`, `"${label}"`), filterText: `${label} ${k.title}` };
    });
}
