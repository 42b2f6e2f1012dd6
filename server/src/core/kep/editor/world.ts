/**
 * What the KEP editor features know about the workspace besides the document: the KEPs (number, title, status,
 * people), groups (sigs.yaml or the built-in list), OWNERS_ALIASES, PRR approvers, the upcoming release. Built from a
 * RepoSnapshot through KepRun, so parsed kep.yaml files are shared with the diagnostics (cached per snapshot).
 */
import { parse as parseYaml } from 'yaml';
import type { RepoSnapshot } from '../../snapshot';
import { parseSigsModel, type SigGroup, type SigsModel } from '../../sigs/sigsModel';
import { KepRun } from '../context';
import { fieldString, fieldStrings } from '../diag';

export interface KepSummary {
  /** keps/<sig>/<dir>/kep.yaml */
  path: string;
  /** keps/<sig>/<dir> */
  dir: string;
  number: string;
  title: string;
  status: string;
  stage: string;
  owningSig: string;
  authors: string[];
  approvers: string[];
  reviewers: string[];
}

export interface KepWorld {
  files: ReadonlySet<string>;
  text(path: string): string | undefined;
  /** Group dirs (sigs.yaml `- dir:` lines, or the built-in list). */
  groups: readonly string[];
  groupsFromSigsYaml: boolean;
  /** Parsed sigs.yaml, when the workspace has one. */
  sigs?: SigsModel;
  /** Root OWNERS_ALIASES aliases. */
  aliases: ReadonlyMap<string, readonly string[]>;
  prrApprovers: readonly string[];
  /** Upcoming Kubernetes minor (e.g. 36); undefined when unknown. */
  upcomingMinor?: number;
  /** Today, yyyy-mm-dd (for date completion). */
  today?: string;
  /** KEP directories (those holding kep.yaml). */
  kepDirs: ReadonlySet<string>;
  /** Every kep.yaml, summarized (computed on first use). */
  keps(): readonly KepSummary[];
  /** Approvers listed in `<dir>/OWNERS` (as written, without expansion). */
  ownersApprovers(dir: string): string[];
}

export interface KepWorldOptions {
  upcomingMinor?: number;
  sigsYamlText?: string;
  today?: string;
}

const sigsCache = new WeakMap<RepoSnapshot, { text: string; model: SigsModel }>();

export function kepWorld(snapshot: RepoSnapshot, opts: KepWorldOptions = {}): KepWorld {
  const run = new KepRun(snapshot, { upcomingMinor: opts.upcomingMinor, sigsYamlText: opts.sigsYamlText });
  let sigs: SigsModel | undefined;
  if (opts.sigsYamlText !== undefined) {
    const hit = sigsCache.get(snapshot);
    if (hit && hit.text === opts.sigsYamlText) sigs = hit.model;
    else {
      sigs = parseSigsModel(opts.sigsYamlText);
      sigsCache.set(snapshot, { text: opts.sigsYamlText, model: sigs });
    }
  }
  let summaries: KepSummary[] | undefined;
  return {
    files: snapshot.files,
    text: (p) => snapshot.text(p),
    groups: run.groups,
    groupsFromSigsYaml: run.groupsFromSigsYaml,
    sigs,
    aliases: run.aliases,
    prrApprovers: run.prrApprovers,
    upcomingMinor: opts.upcomingMinor !== undefined && opts.upcomingMinor < 999 ? opts.upcomingMinor : undefined,
    today: opts.today,
    kepDirs: run.layout.kepDirs,
    keps: () => (summaries ??= summarize(run)),
    ownersApprovers: (dir) => ownersApprovers(snapshot, dir),
  };
}

function summarize(run: KepRun): KepSummary[] {
  const out: KepSummary[] = [];
  for (const path of run.layout.allKepYamls) {
    const k = run.kep(path);
    const p = k?.proposal;
    out.push({
      path,
      dir: path.slice(0, -'/kep.yaml'.length),
      number: fieldString(p, 'kep-number'),
      title: fieldString(p, 'title'),
      status: fieldString(p, 'status'),
      stage: fieldString(p, 'stage'),
      owningSig: fieldString(p, 'owning-sig'),
      authors: fieldStrings(p, 'authors') ?? [],
      approvers: fieldStrings(p, 'approvers') ?? [],
      reviewers: fieldStrings(p, 'reviewers') ?? [],
    });
  }
  return out;
}

function ownersApprovers(snapshot: RepoSnapshot, dir: string): string[] {
  const path = `${dir}/OWNERS`;
  if (!snapshot.files.has(path)) return [];
  try {
    const v = parseYaml(snapshot.text(path) ?? '') as { approvers?: unknown };
    return Array.isArray(v?.approvers) ? v.approvers.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

/** `@Alice ` → `alice` (how handles are compared). */
export function normHandle(h: string): string {
  return h.trim().replace(/^@/, '').toLowerCase();
}

/** A handle as kep.yaml writes it: `"@login"`. */
export function quotedHandle(login: string): string {
  return `"@${login.replace(/^@/, '')}"`;
}

export function groupOf(world: KepWorld, dir: string): SigGroup | undefined {
  return world.sigs?.byDir.get(dir);
}

export type LeadRole = 'chair' | 'tech lead' | 'leads alias' | 'KEP approver (OWNERS)';

/** People who should approve a KEP of `sig`, best first, with why: sigs.yaml leadership, `<sig>-leads`, keps/<sig>/OWNERS approvers. */
export function sigLeads(world: KepWorld, sig: string): { login: string; roles: LeadRole[] }[] {
  const out = new Map<string, { login: string; roles: LeadRole[] }>();
  const add = (login: string, role: LeadRole) => {
    const l = login.replace(/^@/, '').trim();
    if (!l) return;
    const key = l.toLowerCase();
    const e = out.get(key) ?? { login: l, roles: [] };
    if (!e.roles.includes(role)) e.roles.push(role);
    out.set(key, e);
  };
  const g = groupOf(world, sig);
  for (const p of g?.leadership.chairs ?? []) add(p.github, 'chair');
  for (const p of g?.leadership.techLeads ?? []) add(p.github, 'tech lead');
  for (const m of world.aliases.get(`${sig}-leads`) ?? []) add(m, 'leads alias');
  for (const m of world.ownersApprovers(`keps/${sig}`)) {
    // An alias in OWNERS stands for its members.
    const members = world.aliases.get(m);
    if (members) for (const x of members) add(x, 'KEP approver (OWNERS)');
    else add(m, 'KEP approver (OWNERS)');
  }
  return [...out.values()];
}

/** The KEP a see-also / replaces / superseded-by value points at (`/keps/<sig>/<dir>`), if it resolves. */
export function linkTarget(world: KepWorld, value: string): KepSummary | undefined {
  const dir = linkDir(value);
  if (!dir || !world.kepDirs.has(dir)) return undefined;
  return world.keps().find((k) => k.dir === dir);
}

/** `/keps/sig-x/123-y/` → `keps/sig-x/123-y`; undefined for values that are not KEP paths. */
export function linkDir(value: string): string | undefined {
  const v = value.trim().replace(/^\/+/, '').replace(/\/+$/, '').replace(/\/(kep\.yaml|README\.md)$/, '');
  return v.startsWith('keps/') ? v : undefined;
}

/** keps/prod-readiness/<sig>/<number>.yaml */
export function prrPath(owningSig: string, number: string): string {
  return `keps/prod-readiness/${owningSig}/${number}.yaml`;
}
