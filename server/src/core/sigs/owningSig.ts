/**
 * The owning SIG of a path — the documented rule (README "Owning SIG"):
 *   (a) subproject: the nearest ancestor OWNERS file that a sigs.yaml subproject lists (its OWNERS URL's org/repo
 *       matches the workspace's git remote, its path the OWNERS file) → that SIG (or committee) and the subproject;
 *   (b) labels: the sig/…, wg/…, committee/…, ug/… labels Prow applies to the path (accumulated over the ancestors,
 *       honouring no_parent_owners, exactly like FindLabelsForFile) — all of them;
 *   (c) alias hint: approvers/reviewers of the nearest OWNERS file named after a group (`sig-node-leads`,
 *       `sig-node-reviewers`, `committee-steering`) — weak, only when (a) and (b) find nothing.
 * Candidates of (a) and (b) are listed nearest OWNERS file first; at the same file the subproject comes first, so
 * `community/sig-node/…` (labelled sig/node) is SIG Node's even though the root OWNERS is a ContribEx subproject.
 * `via` names the kind of evidence of the first candidate.
 */
import type { ChainLink } from './ownersChain';
import { groupLabelCategory, type GroupCategory, type SigGroup, type SigsModel, type Subproject } from './sigsModel';

export interface RepoIdentity {
  /** Remotes read from .git/config (name → org/repo); preferred order: upstream, origin, others. */
  remotes: { name: string; org: string; repo: string }[];
  /** Workspace folder name: the last resort for matching a repo name when there is no remote. */
  folderName?: string;
}

export type SigEvidenceKind = 'subproject' | 'label' | 'alias';

export interface SigEvidence {
  kind: SigEvidenceKind;
  /** Human-readable. */
  detail: string;
  /** Repository-relative OWNERS file the evidence is in, and the 0-based line. */
  file?: string;
  line?: number;
  /** For subprojects: the line of the OWNERS URL in sigs.yaml. */
  sigsYamlLine?: number;
}

export interface OwningGroup {
  category: GroupCategory;
  /** sigs.yaml dir (`sig-node`), or derived from the label when the group is not in sigs.yaml. */
  id: string;
  name: string;
  label?: string;
  /** In sigs.yaml. */
  known: boolean;
  subproject?: string;
  weak: boolean;
  evidence: SigEvidence[];
  group?: SigGroup;
  subprojectInfo?: Subproject;
}

export type OwningVia = 'subproject' | 'labels' | 'alias' | 'none';

export interface OwningSigResult {
  via: OwningVia;
  groups: OwningGroup[];
  /** How the repository was matched against sigs.yaml OWNERS URLs (undefined: no subproject lookup possible). */
  repoMatch?: string;
}

export interface SubprojectMatch {
  group: SigGroup;
  subproject: Subproject;
  sigsYamlLine: number;
  url: string;
}

export interface SubprojectIndex {
  /** OWNERS directory key ("" = root) → the subprojects that list it. */
  byDir: Map<string, SubprojectMatch[]>;
  /** How the repository was identified: "kubernetes/community (remote upstream)", … */
  how?: string;
}

/** Index the subprojects whose OWNERS URLs point into this repository. */
export function subprojectIndex(model: SigsModel | null | undefined, id: RepoIdentity): SubprojectIndex {
  const byDir = new Map<string, SubprojectMatch[]>();
  if (!model) return { byDir };
  const all: { key: string; repoName: string; m: SubprojectMatch; dir: string }[] = [];
  for (const group of model.groups) {
    for (const subproject of group.subprojects) {
      for (const o of subproject.owners) {
        all.push({ key: `${o.org}/${o.repo}`.toLowerCase(), repoName: o.repo.toLowerCase(), dir: o.dir, m: { group, subproject, sigsYamlLine: o.line, url: o.url } });
      }
    }
  }
  const keys = new Set(all.map((a) => a.key));
  let pick: ((a: (typeof all)[number]) => boolean) | undefined;
  let how: string | undefined;
  // 1. a remote's exact org/repo (upstream first: contributors' origin is usually their fork);
  for (const r of id.remotes) {
    const k = `${r.org}/${r.repo}`.toLowerCase();
    if (keys.has(k)) {
      pick = (a) => a.key === k;
      how = `${r.org}/${r.repo} (git remote ${r.name})`;
      break;
    }
  }
  // 2. a fork: same repository name under another org, when exactly one org/repo in sigs.yaml has that name;
  if (!pick) {
    const names = [...id.remotes.map((r) => ({ name: r.repo, why: `git remote ${r.name}, a fork` })), ...(id.remotes.length === 0 && id.folderName ? [{ name: id.folderName, why: 'workspace folder name, no git remote' }] : [])];
    for (const n of names) {
      const candidates = new Set(all.filter((a) => a.repoName === n.name.toLowerCase()).map((a) => a.key));
      if (candidates.size === 1) {
        const k = [...candidates][0];
        pick = (a) => a.key === k;
        how = `${k} (${n.why})`;
        break;
      }
    }
  }
  if (!pick) return { byDir };
  for (const a of all) {
    if (!pick(a)) continue;
    let l = byDir.get(a.dir);
    if (!l) byDir.set(a.dir, (l = []));
    if (!l.some((x) => x.group === a.m.group && x.subproject === a.m.subproject)) l.push(a.m);
  }
  return { byDir, how };
}

export interface OwningSigInput {
  /** The OWNERS chain of the path (nearest first), from ownersChain(). */
  chain: ChainLink[];
  /** The labels Prow applies (FindLabelsForFile) — the authority on which labels count. */
  labels: ReadonlySet<string>;
  model?: SigsModel | null;
  subprojects?: SubprojectIndex;
}

export function owningSig(input: OwningSigInput): OwningSigResult {
  const { chain, labels, model } = input;
  const subprojects: SubprojectIndex = input.subprojects ?? { byDir: new Map() };
  type Cand = { order: number; g: OwningGroup };
  const cands: Cand[] = [];
  const byId = new Map<string, OwningGroup>();
  const add = (order: number, make: () => OwningGroup, id: string, ev: SigEvidence, sub?: SubprojectMatch) => {
    let g = byId.get(id);
    if (!g) {
      g = make();
      byId.set(id, g);
      cands.push({ order, g });
    }
    if (sub && !g.subproject) {
      g.subproject = sub.subproject.name;
      g.subprojectInfo = sub.subproject;
    }
    g.evidence.push(ev);
  };

  // (a) the nearest OWNERS file a subproject lists.
  const listed = chain.find((l) => subprojects.byDir.has(l.key));
  // (b) group labels, where Prow's walk still reaches them.
  chain.forEach((link, i) => {
    if (link === listed) {
      for (const m of subprojects.byDir.get(link.key)!) {
        add(i * 2, () => fromGroup(m.group), `${m.group.category}:${m.group.dir}`, {
          kind: 'subproject',
          detail: `${link.file} is listed by ${m.group.name} subproject "${m.subproject.name}" in sigs.yaml`,
          file: link.file,
          line: 0,
          sigsYamlLine: m.sigsYamlLine,
        }, m);
      }
    }
    for (const e of link.entries) {
      if (e.role !== 'labels' || !e.counts || !labels.has(e.value)) continue;
      const category = groupLabelCategory(e.value);
      if (!category) continue;
      const known = model?.byLabel.get(e.value);
      add(i * 2 + 1, () => (known ? fromGroup(known) : fromLabel(e.value, category)), known ? `${known.category}:${known.dir}` : `label:${e.value}`, {
        kind: 'label',
        detail: `label ${e.value} from ${link.file}${known ? '' : ' (no such group in sigs.yaml)'}`,
        file: link.file,
        line: e.line,
      });
    }
  });
  if (cands.length > 0) {
    cands.sort((a, b) => a.order - b.order);
    const groups = cands.map((c) => c.g);
    return { via: groups[0].evidence[0].kind === 'subproject' ? 'subproject' : 'labels', groups, repoMatch: subprojects.how };
  }

  // (c) weak hint from alias names in the nearest OWNERS file that has approvers or reviewers.
  for (const link of chain) {
    const people = link.entries.filter((e) => (e.role === 'approvers' || e.role === 'reviewers') && e.counts);
    if (people.length === 0) continue;
    for (const e of people) {
      const hit = groupFromAliasName(e.value, model);
      if (!hit) continue;
      const id = hit.group ? `${hit.group.category}:${hit.group.dir}` : `alias:${hit.id}`;
      add(0, () => (hit.group ? { ...fromGroup(hit.group), weak: true } : { category: hit.category, id: hit.id, name: hit.id, known: false, weak: true, evidence: [] }), id, {
        kind: 'alias',
        detail: `weak hint: ${e.role} entry "${e.value}" in ${link.file} is named after the group`,
        file: link.file,
        line: e.line,
      });
    }
    if (cands.length > 0) break;
  }
  if (cands.length > 0) return { via: 'alias', groups: cands.map((c) => c.g), repoMatch: subprojects.how };
  return { via: 'none', groups: [], repoMatch: subprojects.how };
}

function fromGroup(g: SigGroup): OwningGroup {
  return { category: g.category, id: g.dir, name: g.name, label: g.label, known: true, weak: false, evidence: [], group: g };
}

function fromLabel(label: string, category: GroupCategory): OwningGroup {
  const rest = label.slice(label.indexOf('/') + 1);
  return { category, id: `${category}-${rest}`, name: rest, label, known: false, weak: false, evidence: [] };
}

const ALIAS_SUFFIXES = ['-tech-leads', '-leads', '-chairs', '-approvers', '-reviewers', '-maintainers', '-admins', '-owners'];

/** `sig-node-leads` → SIG Node; `committee-steering` → the Steering Committee; undefined when not a group name. */
export function groupFromAliasName(alias: string, model?: SigsModel | null): { category: GroupCategory; id: string; group?: SigGroup } | undefined {
  const a = alias.toLowerCase();
  const m = /^(sig|wg|ug|committee)-[a-z0-9]/.exec(a);
  if (!m) return undefined;
  if (model) {
    let best: SigGroup | undefined;
    for (const g of model.groups) {
      const d = g.dir.toLowerCase();
      if ((a === d || a.startsWith(d + '-')) && (!best || d.length > best.dir.length)) best = g;
    }
    if (best) return { category: best.category, id: best.dir, group: best };
  }
  let id = a;
  for (const s of ALIAS_SUFFIXES) {
    if (id.endsWith(s) && id.length > s.length) {
      id = id.slice(0, -s.length);
      break;
    }
  }
  return { category: m[1] as GroupCategory, id };
}
