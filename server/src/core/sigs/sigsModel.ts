/**
 * kubernetes/community `sigs.yaml` as a model: SIGs, working groups, user groups and committees with their dir, name,
 * label, leadership, contact, meetings and subprojects (with parsed OWNERS URLs and the line each is written on).
 * Tolerant: whatever is malformed is skipped and reported in `problems`; positions come from the YAML tree.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node as YNode, type YAMLMap } from 'yaml';
import { parseOwnersUrl, type OwnersUrl } from './ownersUrl';

export type GroupCategory = 'sig' | 'wg' | 'ug' | 'committee';

export const CATEGORY_KEYS: readonly [key: string, category: GroupCategory][] = [
  ['sigs', 'sig'],
  ['workinggroups', 'wg'],
  ['usergroups', 'ug'],
  ['committees', 'committee'],
];

export interface Person {
  github: string;
  name?: string;
  company?: string;
}

export interface Leadership {
  chairs: Person[];
  techLeads: Person[];
  emeritusLeads: Person[];
}

export interface Team {
  name: string;
  description?: string;
}

export interface Contact {
  /** Slack channel name (without #). */
  slack?: string;
  mailingList?: string;
  teams: Team[];
}

export interface Meeting {
  description?: string;
  day?: string;
  time?: string;
  tz?: string;
  frequency?: string;
  url?: string;
  archiveUrl?: string;
  recordingsUrl?: string;
}

export interface SubprojectOwners extends OwnersUrl {
  /** 0-based line of the URL in sigs.yaml. */
  line: number;
}

export interface Subproject {
  name: string;
  description?: string;
  owners: SubprojectOwners[];
  /** Owners URLs that match none of the accepted forms. */
  invalidOwners: { url: string; line: number }[];
  contact?: Contact;
  meetings: Meeting[];
}

export interface SigGroup {
  category: GroupCategory;
  /** Directory in kubernetes/community, e.g. `sig-node`; also the stem of the generated `<dir>-leads` alias. */
  dir: string;
  name: string;
  /** The label value as written (`node`). */
  labelValue?: string;
  /** The GitHub label Prow applies (`sig/node`, `wg/lts`, `committee/steering`, `ug/…`). */
  label?: string;
  missionStatement?: string;
  charterLink?: string;
  leadership: Leadership;
  contact: Contact;
  meetings: Meeting[];
  subprojects: Subproject[];
  /** 0-based line of the group's `dir` (or its first key). */
  line: number;
}

export interface SigsModel {
  groups: SigGroup[];
  byDir: Map<string, SigGroup>;
  byLabel: Map<string, SigGroup>;
  problems: { message: string; line: number }[];
}

export function emptySigsModel(): SigsModel {
  return { groups: [], byDir: new Map(), byLabel: new Map(), problems: [] };
}

export function parseSigsModel(text: string): SigsModel {
  const model = emptySigsModel();
  const lc = new LineCounter();
  let doc;
  try {
    doc = parseDocument(text, { lineCounter: lc, uniqueKeys: false, prettyErrors: false });
  } catch (e) {
    model.problems.push({ message: (e as Error).message, line: 0 });
    return model;
  }
  const lineOf = (n: YNode | null | undefined): number => (n?.range ? lc.linePos(n.range[0]).line - 1 : 0);
  for (const err of doc.errors) model.problems.push({ message: err.message, line: err.linePos?.[0]?.line ? err.linePos[0].line - 1 : 0 });
  const root = doc.contents;
  if (!isMap(root)) return model;

  for (const [key, category] of CATEGORY_KEYS) {
    const list = get(root, key);
    if (!isSeq(list)) continue;
    for (const item of list.items) {
      if (!isMap(item)) continue;
      const dir = str(get(item, 'dir')) ?? '';
      const labelValue = str(get(item, 'label'));
      const g: SigGroup = {
        category,
        dir,
        name: str(get(item, 'name')) ?? dir,
        labelValue,
        label: labelValue ? `${category}/${labelValue}` : undefined,
        missionStatement: str(get(item, 'mission_statement'))?.trim(),
        charterLink: str(get(item, 'charter_link')),
        leadership: leadership(get(item, 'leadership')),
        contact: contact(get(item, 'contact')) ?? { teams: [] },
        meetings: meetings(get(item, 'meetings')),
        subprojects: [],
        line: lineOf((getPair(item, 'dir')?.key as YNode | undefined) ?? (item as YNode)),
      };
      const subs = get(item, 'subprojects');
      if (isSeq(subs)) {
        for (const s of subs.items) {
          if (!isMap(s)) continue;
          const sp: Subproject = {
            name: str(get(s, 'name')) ?? '',
            description: str(get(s, 'description'))?.trim(),
            owners: [],
            invalidOwners: [],
            contact: contact(get(s, 'contact')),
            meetings: meetings(get(s, 'meetings')),
          };
          const owners = get(s, 'owners');
          if (isSeq(owners)) {
            for (const o of owners.items) {
              const url = str(o as YNode);
              if (url === undefined) continue;
              const parsed = parseOwnersUrl(url);
              if (parsed) sp.owners.push({ ...parsed, line: lineOf(o as YNode) });
              else {
                sp.invalidOwners.push({ url, line: lineOf(o as YNode) });
                model.problems.push({ message: `subproject ${sp.name}: owners URL not understood: ${url}`, line: lineOf(o as YNode) });
              }
            }
          }
          g.subprojects.push(sp);
        }
      }
      model.groups.push(g);
      if (dir && !model.byDir.has(dir)) model.byDir.set(dir, g);
      if (g.label && !model.byLabel.has(g.label)) model.byLabel.set(g.label, g);
    }
  }
  return model;
}

function getPair(map: YAMLMap, key: string) {
  // Last duplicate wins, as yaml.v2 decodes it.
  let found;
  for (const p of map.items) if (isScalar(p.key) && String(p.key.value) === key) found = p;
  return found;
}

function get(map: unknown, key: string): YNode | undefined {
  if (!isMap(map)) return undefined;
  return (getPair(map, key)?.value ?? undefined) as YNode | undefined;
}

function str(n: YNode | undefined | null): string | undefined {
  if (!isScalar(n) || n.value === null || n.value === undefined) return undefined;
  return String(n.value);
}

function people(n: YNode | undefined): Person[] {
  if (!isSeq(n)) return [];
  const out: Person[] = [];
  for (const p of n.items) {
    const github = str(get(p, 'github'));
    if (github) out.push({ github, name: str(get(p, 'name')), company: str(get(p, 'company')) });
  }
  return out;
}

function leadership(n: YNode | undefined): Leadership {
  return { chairs: people(get(n, 'chairs')), techLeads: people(get(n, 'tech_leads')), emeritusLeads: people(get(n, 'emeritus_leads')) };
}

function contact(n: YNode | undefined): Contact | undefined {
  if (!isMap(n)) return undefined;
  const teams: Team[] = [];
  const t = get(n, 'teams');
  if (isSeq(t)) {
    for (const i of t.items) {
      const name = str(get(i, 'name'));
      if (name) teams.push({ name, description: str(get(i, 'description')) });
    }
  }
  return { slack: str(get(n, 'slack')), mailingList: str(get(n, 'mailing_list')), teams };
}

function meetings(n: YNode | undefined): Meeting[] {
  if (!isSeq(n)) return [];
  return n.items.filter((m) => isMap(m)).map((m) => ({
    description: str(get(m, 'description')),
    day: str(get(m, 'day')),
    time: str(get(m, 'time')),
    tz: str(get(m, 'tz')),
    frequency: str(get(m, 'frequency')),
    url: str(get(m, 'url')),
    archiveUrl: str(get(m, 'archive_url')),
    recordingsUrl: str(get(m, 'recordings_url')),
  }));
}

/** `#sig-node` → https://kubernetes.slack.com/messages/sig-node (the link form the generated READMEs use). */
export function slackUrl(channel: string): string {
  return `https://kubernetes.slack.com/messages/${encodeURIComponent(channel.replace(/^#/, ''))}`;
}

/** "Tuesday 10:00 PT (Pacific Time), weekly". */
export function describeMeeting(m: Meeting): string {
  const when = [m.day, m.time, m.tz].filter(Boolean).join(' ');
  return [m.description, when && `${when}${m.frequency ? `, ${m.frequency}` : ''}`].filter(Boolean).join(': ');
}

/** A label naming a group (sig/…, wg/…, ug/…, committee/…), and its category. */
export function groupLabelCategory(label: string): GroupCategory | undefined {
  const m = /^(sig|wg|ug|committee)\/./.exec(label);
  return m ? (m[1] as GroupCategory) : undefined;
}
