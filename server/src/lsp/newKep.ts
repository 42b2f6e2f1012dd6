/**
 * `shepherd/newKep`: the files of "Kube Shepherd: New KEP…" (the client writes them and opens the README), and
 * `shepherd/nextKepNumber`: the number to propose (highest kep-number in the workspace + 1). The scaffolding itself is
 * pure (core/kep/scaffold.ts); this adapter reads the template, the upcoming release and the existing KEPs.
 */
import { sigNodeTechLeadsFrom } from '../core/kep/groups';
import type { Connection } from 'vscode-languageserver/node';
import { kepWorld } from '../core/kep/editor/world';
import { TEMPLATE_README } from '../core/kep/kepFiles';
import { kepDirFor, nextKepNumber, scaffoldKep, scaffoldProblems, type ScaffoldInput } from '../core/kep/scaffold';
import { upcomingMinor } from '../workspace/kepProviders';
import type { Repository } from '../workspace/repository';
import { today } from './kepView';
import type { Workspaces } from './workspaces';

export const NewKepRequest = 'shepherd/newKep';
export const NextKepNumberRequest = 'shepherd/nextKepNumber';

export interface NewKepParams {
  /** URI of the workspace folder (or of any file in it). */
  folder: string;
  sig: string;
  /** Default: the next free number. */
  number?: string | number;
  name: string;
  title: string;
  authors: string[];
  withPrr: boolean;
  /** PRR approver to write in the PRR file (default "TBD"). */
  prrApprover?: string;
  /** yyyy-mm-dd; default today. */
  today?: string;
}

export type NewKepResult = { files: { uri: string; path: string; content: string }[]; dir: string } | { error: string };

export interface NextKepNumberParams {
  folder: string;
}

export interface NextKepNumberResult {
  number: number;
  /** Groups the client can offer for the SIG (sigs.yaml dirs or the built-in list). */
  sigs: string[];
  upcomingMinor?: number;
}

function repoOf(workspaces: Workspaces, folder: string): Repository | undefined {
  const loc = workspaces.locate(folder.replace(/\/+$/, '') + '/.kube-shepherd-probe');
  return loc?.repo ?? workspaces.all().find((r) => workspaces.uriOf(r, '') === folder.replace(/\/+$/, ''));
}

function worldOf(repo: Repository) {
  return kepWorld(repo, { upcomingMinor: upcomingMinor(repo), sigsYamlText: repo.files.has('sigs.yaml') ? repo.text('sigs.yaml') : undefined });
}

export function computeNewKep(repo: Repository, uriOf: (rel: string) => string, params: NewKepParams): NewKepResult {
  const world = worldOf(repo);
  const number = params.number === undefined || params.number === '' ? nextKepNumber(world.keps().map((k) => k.number)) : params.number;
  const input: ScaffoldInput = {
    sig: params.sig,
    number,
    name: params.name,
    title: params.title,
    authors: params.authors,
    withPrr: params.withPrr,
    templateReadme: repo.files.has(TEMPLATE_README) ? repo.text(TEMPLATE_README) : undefined,
    upcomingMinor: upcomingMinor(repo),
    today: params.today ?? today(),
    prrApprover: params.prrApprover,
    // A SIG Node KEP must name a tech lead as approver to pass the SIG Node checks (kep.md §4.2).
    approvers: params.sig === 'sig-node' ? [...sigNodeTechLeadsFrom(repo.files.has('OWNERS_ALIASES') ? repo.text('OWNERS_ALIASES') : undefined)].slice(0, 1) : undefined,
  };
  const problems = scaffoldProblems(input);
  if (problems.length) return { error: problems.join(' ') };
  if (!world.groups.includes(params.sig) && ![...repo.files].some((f) => f.startsWith(`keps/${params.sig}/`))) {
    return { error: `"${params.sig}" is not a group of ${world.groupsFromSigsYaml ? 'sigs.yaml' : 'the built-in groups list'} and keps/${params.sig}/ does not exist.` };
  }
  const dir = kepDirFor(params.sig, number, params.name);
  if ([...repo.files].some((f) => f.startsWith(dir + '/'))) return { error: `${dir} already exists.` };
  const n = String(number).replace(/^0+(?=.)/, '');
  const taken = world.keps().find((k) => k.number.replace(/^0+(?=.)/, '') === n && !k.dir.startsWith('keps/NNNN-'));
  if (taken) return { error: `KEP number ${number} is already used by ${taken.dir}; the next free number is ${nextKepNumber(world.keps().map((k) => k.number))}.` };
  const prr = `keps/prod-readiness/${params.sig}/${number}.yaml`;
  if (params.withPrr && repo.files.has(prr)) return { error: `${prr} already exists.` };
  const r = scaffoldKep(input);
  return { dir: r.dir, files: r.files.map((f) => ({ uri: uriOf(f.path), path: f.path, content: f.content })) };
}

export function registerNewKep(connection: Connection, workspaces: Workspaces): void {
  connection.onRequest(NewKepRequest, (params: NewKepParams): NewKepResult => {
    const repo = repoOf(workspaces, params.folder);
    if (!repo) return { error: `${params.folder} is not in an open workspace folder.` };
    try {
      return computeNewKep(repo, (rel) => workspaces.uriOf(repo, rel), params);
    } catch (e) {
      return { error: (e as Error).message };
    }
  });
  connection.onRequest(NextKepNumberRequest, (params: NextKepNumberParams): NextKepNumberResult | null => {
    const repo = repoOf(workspaces, params.folder);
    if (!repo) return null;
    const world = worldOf(repo);
    return { number: nextKepNumber(world.keps().map((k) => k.number)), sigs: [...world.groups], upcomingMinor: world.upcomingMinor };
  });
}
