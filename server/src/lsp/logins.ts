/**
 * `shepherd/loginsInWorkspace`: the GitHub logins named in OWNERS, OWNERS_ALIASES and kep.yaml files, with their
 * positions, per workspace folder, plus the folder's GitHub repository (from .git/config, no git command). The client
 * uses it for the opt-in GitHub reality checks; the server itself never talks to GitHub.
 */
import type { Connection } from 'vscode-languageserver/node';
import { aliasesLoginUses, kepLoginUses, ownersLoginUses, type LoginUse } from '../core/github/loginUses';
import { readGitInfo, upstreamRemote } from '../workspace/gitInfo';
import type { Repository } from '../workspace/repository';
import type { Workspaces } from './workspaces';

export const LoginsInWorkspaceRequest = 'shepherd/loginsInWorkspace';

export interface LoginsInWorkspaceParams {
  /** Only these documents (URIs); every OWNERS/OWNERS_ALIASES/kep.yaml file of every folder when absent. */
  uris?: string[];
}

export interface LoginsFolder {
  /** URI of the workspace folder; `uses[].file` is relative to it. */
  root: string;
  /** GitHub coordinates of the upstream remote, when .git/config names one. */
  repository?: { owner: string; repo: string; host?: string };
  uses: LoginUse[];
}

export interface LoginsInWorkspaceResult {
  folders: LoginsFolder[];
}

export type { LoginUse };

function isKepYaml(rel: string): boolean {
  return rel.startsWith('keps/') && rel.endsWith('/kep.yaml');
}

/** kep.yaml uses by repository and path, reused while the text is unchanged (parsing every kep.yaml takes seconds). */
const kepMemo = new WeakMap<Repository, Map<string, { text: string; uses: LoginUse[] }>>();

function kepUses(repo: Repository, rel: string): LoginUse[] {
  const text = repo.text(rel);
  if (text === undefined) return [];
  let memo = kepMemo.get(repo);
  if (!memo) kepMemo.set(repo, (memo = new Map()));
  const hit = memo.get(rel);
  if (hit && hit.text === text) return hit.uses;
  const uses = kepLoginUses(rel, text);
  memo.set(rel, { text, uses });
  return uses;
}

/** Longest stretch of work before letting other requests and edits through. */
const SLICE_MS = 15;
const yieldToOthers = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Uses in one repository, restricted to `only` (repository-relative paths) when given. */
export async function loginUsesOf(repo: Repository, only?: ReadonlySet<string>, cancelled: () => boolean = () => false): Promise<LoginUse[]> {
  const wanted = (rel: string) => !only || only.has(rel);
  const idx = repo.index;
  const aliasNames = new Set(idx.aliases?.file?.aliases.keys() ?? []);
  const out: LoginUse[] = [];
  if (idx.aliases?.file && idx.aliases.text !== undefined && wanted(idx.aliases.path)) {
    out.push(...aliasesLoginUses(idx.aliases.path, idx.aliases.text, idx.aliases.file));
  }
  const ownersPaths = only ? [...only].filter((p) => idx.files.has(p)) : [...idx.files.keys()].sort();
  for (const p of ownersPaths) {
    const f = idx.files.get(p);
    if (f?.file && f.text !== undefined) out.push(...ownersLoginUses(p, f.text, f.file, aliasNames));
  }
  const keps = only ? [...only].filter(isKepYaml) : [...repo.files].filter(isKepYaml).sort();
  // A whole kubernetes/enhancements is ~700 kep.yaml files: parse them in slices so typing is never held up.
  let sliceStart = performance.now();
  for (const p of keps) {
    if (performance.now() - sliceStart > SLICE_MS) {
      await yieldToOthers();
      if (cancelled()) return out;
      sliceStart = performance.now();
    }
    out.push(...kepUses(repo, p));
  }
  return out;
}

export async function loginsInWorkspace(workspaces: Workspaces, params: LoginsInWorkspaceParams, cancelled: () => boolean = () => false): Promise<LoginsInWorkspaceResult> {
  let perRepo: Map<Repository, Set<string>> | undefined;
  if (params.uris) {
    perRepo = new Map();
    for (const uri of params.uris) {
      const loc = workspaces.locate(uri);
      if (!loc) continue;
      let set = perRepo.get(loc.repo);
      if (!set) perRepo.set(loc.repo, (set = new Set()));
      set.add(loc.rel);
    }
  }
  const folders: LoginsFolder[] = [];
  // With URIs, their repositories (a nested repository opened on demand included); otherwise every workspace folder.
  for (const repo of perRepo ? [...perRepo.keys()] : [...workspaces.all()]) {
    const up = upstreamRemote(readGitInfo(repo.root));
    folders.push({
      root: workspaces.uriOf(repo, ''),
      repository: up?.owner && up.repo ? { owner: up.owner, repo: up.repo, host: up.host } : undefined,
      uses: await loginUsesOf(repo, perRepo?.get(repo), cancelled),
    });
    if (cancelled()) break;
  }
  return { folders };
}

export function registerLogins(connection: Connection, workspaces: Workspaces): void {
  connection.onRequest(LoginsInWorkspaceRequest, (params: LoginsInWorkspaceParams | undefined, token) =>
    loginsInWorkspace(workspaces, params ?? {}, () => token.isCancellationRequested),
  );
}
