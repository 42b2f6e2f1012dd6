/**
 * A minimal sigs.yaml (kubernetes/community) model: each group's category, dir, label and leadership, enough to
 * tell which labels name a current group and which roles a login holds. Tolerant: anything malformed is skipped.
 */
import { parse } from 'yaml';

export type GroupCategory = 'sig' | 'wg' | 'ug' | 'committee';

export interface SigGroup {
  category: GroupCategory;
  dir: string;
  name: string;
  /** The full GitHub label, e.g. `sig/node`, `wg/lts`, `committee/steering`. */
  label?: string;
  leadership: { role: string; login: string }[];
}

export interface SigsModel {
  groups: SigGroup[];
  /** Full labels of the groups (sig/node, …). */
  labels: Set<string>;
}

const CATEGORIES: [string, GroupCategory][] = [
  ['sigs', 'sig'],
  ['workinggroups', 'wg'],
  ['usergroups', 'ug'],
  ['committees', 'committee'],
];

export function parseSigsYaml(text: string): SigsModel {
  const groups: SigGroup[] = [];
  let doc: unknown;
  try {
    doc = parse(text, { uniqueKeys: false, maxAliasCount: 1000 });
  } catch {
    return { groups, labels: new Set() };
  }
  if (!doc || typeof doc !== 'object') return { groups, labels: new Set() };
  const d = doc as Record<string, unknown>;
  for (const [key, category] of CATEGORIES) {
    const list = d[key];
    if (!Array.isArray(list)) continue;
    for (const g of list) {
      if (!g || typeof g !== 'object') continue;
      const o = g as Record<string, unknown>;
      const leadership: SigGroup['leadership'] = [];
      const lead = o.leadership;
      if (lead && typeof lead === 'object') {
        for (const [role, people] of Object.entries(lead as Record<string, unknown>)) {
          if (!Array.isArray(people)) continue;
          for (const p of people) {
            const login = p && typeof p === 'object' ? (p as { github?: unknown }).github : undefined;
            if (typeof login === 'string') leadership.push({ role, login });
          }
        }
      }
      groups.push({
        category,
        dir: typeof o.dir === 'string' ? o.dir : '',
        name: typeof o.name === 'string' ? o.name : String(o.dir ?? ''),
        label: typeof o.label === 'string' ? `${category}/${o.label}` : undefined,
        leadership,
      });
    }
  }
  return { groups, labels: new Set(groups.map((g) => g.label).filter((l): l is string => !!l)) };
}

/** Leadership roles of a login (case-insensitive), e.g. `chairs of SIG Node`. */
export function leadershipOf(model: SigsModel, login: string): { group: SigGroup; role: string }[] {
  const l = login.toLowerCase();
  const out: { group: SigGroup; role: string }[] = [];
  for (const g of model.groups) for (const r of g.leadership) if (r.login.toLowerCase() === l) out.push({ group: g, role: r.role });
  return out;
}

/** A label that names a group (sig/…, wg/…, ug/…, committee/…). */
export function groupLabelCategory(label: string): GroupCategory | undefined {
  const m = /^(sig|wg|ug|committee)\//.exec(label);
  return m ? (m[1] as GroupCategory) : undefined;
}
