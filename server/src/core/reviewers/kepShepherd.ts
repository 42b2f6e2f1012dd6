/**
 * Shepherd candidates for a KEP: the owning SIG's chairs and tech leads (sigs.yaml), the members of its
 * `<sig>-leads` alias, and the KEP's own approvers — ranked with the same load, availability and fairness terms as
 * reviewers (ranking.ts), with the role in place of OWNERS coverage. Authors never shepherd their own KEP.
 */
import { goCompare, normLogin } from '../gostrings';
import { DEFAULT_RANKING_WEIGHTS, type RankingWeights } from './ranking';

export type ShepherdRole = 'tech lead' | 'chair' | 'leads alias' | 'KEP approver';

const ROLE_SCORE: Record<ShepherdRole, number> = { 'tech lead': 1, 'KEP approver': 0.9, chair: 0.8, 'leads alias': 0.7 };

export interface KepShepherdInput {
  sigName: string;
  techLeads: string[];
  chairs: string[];
  leadsAlias: string[];
  kepApprovers: string[];
  authors: string[];
  openReviewRequests?: Readonly<Record<string, number>>;
  busy?: Iterable<string>;
  recentRequests?: { now: number; requests: readonly { login: string; at: number }[] };
  weights?: Partial<RankingWeights>;
}

export interface ShepherdCandidate {
  login: string;
  score: number;
  reasons: string[];
  roles: ShepherdRole[];
}

const DAY = 86_400_000;

/** Logins as written in kep.yaml (`@alice`, `alice`, ` @Alice `) → Prow-normalised; free text dropped. */
export function handleToLogin(h: string): string | undefined {
  const l = normLogin(h.trim());
  if (l === 'tbd' || l === 'todo' || l === 'none') return undefined;
  return /^[a-z0-9](?:[a-z0-9]|-(?=[a-z0-9])){0,38}$/.test(l) ? l : undefined;
}

export function rankKepShepherds(input: KepShepherdInput): ShepherdCandidate[] {
  const w = { ...DEFAULT_RANKING_WEIGHTS, ...input.weights };
  const roles = new Map<string, ShepherdRole[]>();
  const add = (list: string[], role: ShepherdRole) => {
    for (const h of list) {
      const l = handleToLogin(h);
      if (!l) continue;
      const r = roles.get(l) ?? [];
      if (!r.includes(role)) r.push(role);
      roles.set(l, r);
    }
  };
  add(input.techLeads, 'tech lead');
  add(input.kepApprovers, 'KEP approver');
  add(input.chairs, 'chair');
  add(input.leadsAlias, 'leads alias');
  for (const a of input.authors) {
    const l = handleToLogin(a);
    if (l) roles.delete(l);
  }
  const busy = new Set([...(input.busy ?? [])].map((b) => normLogin(b)));
  const load = new Map(Object.entries(input.openReviewRequests ?? {}).map(([k, v]) => [normLogin(k), v]));
  const out: ShepherdCandidate[] = [];
  for (const [login, rs] of roles) {
    const reasons: string[] = [];
    const role = Math.max(...rs.map((r) => ROLE_SCORE[r]));
    reasons.push(`${rs.join(' and ')} of ${input.sigName}`);
    let score = w.coverage * role;
    const open = load.get(login);
    if (open !== undefined) {
      score -= w.load * (open / (open + w.loadHalfPoint));
      reasons.push(`${open} open review request${open === 1 ? '' : 's'}`);
    }
    if (busy.has(login)) {
      score -= w.availability;
      reasons.push('GitHub status: busy');
    }
    if (input.recentRequests) {
      const recent = input.recentRequests.requests.filter((r) => normLogin(r.login) === login && input.recentRequests!.now - r.at <= w.fairnessWindowDays * DAY);
      if (recent.length) {
        const f = recent.reduce((s, r) => s + Math.pow(0.5, (input.recentRequests!.now - r.at) / DAY / w.fairnessHalfLifeDays), 0);
        score -= w.fairness * f;
        reasons.push(`asked ${recent.length} time${recent.length === 1 ? '' : 's'} in the last ${w.fairnessWindowDays} days from this machine`);
      }
    }
    out.push({ login, score: Math.round(score * 1e6) / 1e6, reasons, roles: rs });
  }
  return out.sort((a, b) => b.score - a.score || goCompare(a.login, b.login));
}
