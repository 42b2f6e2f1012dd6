/**
 * `shepherd/suggestReviewers`: the data behind "Request Shepherd". Changed files come from git only in trusted
 * workspaces; GitHub facts (load, busy) are passed in by the client, the only side that talks to GitHub.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver/node';
import { parse as parseYaml } from 'yaml';
import { rankKepShepherds } from '../core/reviewers/kepShepherd';
import { suggestReviewers } from '../core/reviewers/suggest';
import { parseSigsModel } from '../core/sigs/sigsModel';
import { changedFilesAgainst } from '../workspace/git';
import { forkRemote, readGitInfo, upstreamRemote, type GitInfo } from '../workspace/gitInfo';
import type { Repository } from '../workspace/repository';
import { SuggestReviewersRequest, type SuggestReviewersParams, type SuggestReviewersResult } from './protocol';
import type { Workspaces } from './workspaces';

/** The upstream default branch as a ref git understands (`upstream/master`), from `.git` files only. */
function upstreamBase(info: GitInfo | undefined, remoteName: string | undefined): string | undefined {
  if (!info || !remoteName) return undefined;
  try {
    const head = fs.readFileSync(path.join(info.gitDir, 'refs', 'remotes', remoteName, 'HEAD'), 'utf8');
    const m = /^ref:\s*refs\/remotes\/(.+)$/m.exec(head);
    if (m) return m[1].trim();
  } catch {
    // no remote HEAD recorded
  }
  let packed = '';
  try {
    packed = fs.readFileSync(path.join(info.gitDir, 'packed-refs'), 'utf8');
  } catch {
    // none
  }
  for (const b of ['master', 'main']) {
    if (fs.existsSync(path.join(info.gitDir, 'refs', 'remotes', remoteName, b)) || packed.includes(`refs/remotes/${remoteName}/${b}\n`)) return `${remoteName}/${b}`;
  }
  return undefined;
}

/** The KEP directory (the one holding kep.yaml) that contains `rel`, if any. */
function kepDirOf(repo: Repository, rel: string): string | undefined {
  const parts = rel.split('/');
  for (let i = parts.length - 1; i >= 1; i--) {
    const dir = parts.slice(0, i).join('/');
    if (dir.startsWith('keps/') && repo.files.has(`${dir}/kep.yaml`)) return dir;
  }
  return undefined;
}

function strings(v: unknown): string[] {
  return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
}

export function computeSuggestion(repo: Repository, rel: string, params: SuggestReviewersParams): SuggestReviewersResult {
  const info = readGitInfo(repo.root);
  const up = upstreamRemote(info);
  const fork = forkRemote(info);
  const kepDir = kepDirOf(repo, rel);
  let files = params.files;
  let filesFrom = 'the files you chose';
  if (!files && kepDir) {
    files = [...repo.files].filter((f) => f.startsWith(kepDir + '/'));
    filesFrom = `the KEP directory ${kepDir}`;
  }
  if (!files && params.trusted) {
    const base = upstreamBase(info, up?.name);
    if (base) {
      const r = changedFilesAgainst(repo.root, base);
      if (!r.error && r.files.length > 0) {
        files = r.files;
        filesFrom = `${r.files.length} file${r.files.length === 1 ? '' : 's'} changed on ${info?.branch ?? 'this branch'} since ${base}`;
      }
    }
  }
  if (!files || files.length === 0) {
    files = [rel];
    filesFrom = params.trusted ? 'the open file (no branch changes found)' : 'the open file (git is not run in untrusted workspaces)';
  }
  const now = Date.now();
  const report = suggestReviewers({
    owners: repo.index.queries,
    files,
    author: params.author,
    prNumber: params.prNumber,
    approvedBy: params.approvedBy,
    assignees: params.assignees,
    ranking: {
      openReviewRequests: params.openReviewRequests,
      busy: params.busy,
      recentRequests: params.recentRequests ? { now, requests: params.recentRequests } : undefined,
      weights: params.weights,
    },
  });
  const result: SuggestReviewersResult = {
    files,
    filesFrom,
    ownersSet: report.ownersSet,
    unapprovedFiles: report.unapprovedFiles,
    suggestedApprovers: report.suggestedApprovers,
    blunderbuss: {
      requestCount: report.blunderbuss.requestCount,
      pools: report.blunderbuss.pools.map((p) => ({ dir: p.dir, leafReviewers: p.leafReviewers, firstPickOdds: p.firstPickOdds })),
      requiredReviewers: report.blunderbuss.requiredReviewers,
    },
    ranked: report.rankedDetails.map((r) => ({ login: r.login, score: r.score, reasons: r.reasons, canApprove: r.canApprove })),
    prowManaged: repo.index.files.size > 0,
    repository: up?.owner && up.repo ? { owner: up.owner, repo: up.repo, host: up.host, branch: info?.branch, forkOwner: fork?.owner } : undefined,
  };
  if (kepDir) {
    let kep: Record<string, unknown> = {};
    try {
      kep = (parseYaml(repo.text(`${kepDir}/kep.yaml`) ?? '') as Record<string, unknown>) ?? {};
    } catch {
      // a broken kep.yaml still gets leads from the directory's SIG
    }
    const owningSig = typeof kep['owning-sig'] === 'string' ? (kep['owning-sig'] as string) : kepDir.split('/')[1];
    const sigsText = repo.files.has('sigs.yaml') ? repo.text('sigs.yaml') : undefined;
    const group = sigsText ? parseSigsModel(sigsText).byDir.get(owningSig) : undefined;
    const leadsAlias = [...(repo.index.owners.getAliases()?.get(`${owningSig}-leads`) ?? [])];
    const shepherds = rankKepShepherds({
      sigName: group?.name ? `SIG ${group.name}` : owningSig,
      techLeads: group?.leadership.techLeads.map((p) => p.github) ?? [],
      chairs: group?.leadership.chairs.map((p) => p.github) ?? [],
      leadsAlias,
      kepApprovers: strings(kep.approvers),
      authors: [...strings(kep.authors), ...(params.author ? [params.author] : [])],
      openReviewRequests: params.openReviewRequests,
      busy: params.busy,
      recentRequests: params.recentRequests ? { now, requests: params.recentRequests } : undefined,
      weights: params.weights,
    });
    result.kep = {
      number: String(kep['kep-number'] ?? ''),
      dir: kepDir,
      owningSig,
      sigLabel: group?.labelValue,
      leads: shepherds.map((s) => s.login),
      approvers: strings(kep.approvers),
    };
    result.ranked = shepherds.map((s) => ({ login: s.login, score: s.score, reasons: s.reasons, canApprove: s.roles.includes('KEP approver') }));
  }
  return result;
}

export function registerSuggestReviewers(connection: Connection, workspaces: Workspaces): void {
  connection.onRequest(SuggestReviewersRequest, (params: SuggestReviewersParams): SuggestReviewersResult | null => {
    const loc = workspaces.locate(params.uri);
    if (!loc) return null;
    return computeSuggestion(loc.repo, loc.rel, params);
  });
}
