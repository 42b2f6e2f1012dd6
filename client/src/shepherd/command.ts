/**
 * "Kube Shepherd: Request Shepherd": rank who should review (or shepherd a KEP) with reasons, show Prow's own
 * preview, let the user pick, show the exact text, then ask on GitHub — once.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SuggestReviewersRequest, type SuggestReviewersParams, type SuggestReviewersResult } from '../../../server/src/lsp/protocol';
import { GitHub } from './github';
import { GitHubError } from './githubErrors';
import { recentRequests, remember } from './hopper';
import type { RequestMarker } from './requestText';
import { sendRequest, type RequestTarget, type SendResult } from './sendRequest';
import { githubBaseUrl, SECRET_KEY, VsCodeTokenSource } from './tokenSource';

const HOW_CHOSEN =
  'Chosen by [Kube Shepherd](https://github.com/kube-shepherd/kube-shepherd#how-reviewers-are-ranked): OWNERS coverage, recent commits, open review requests, GitHub availability and rotation across requests.';

/** Options the tests (and power users, via keybindings) may pass; the UI still shows everything. */
export interface RequestShepherdOptions {
  uri?: vscode.Uri;
  /** Pick these logins in the quick pick instead of waiting for the user. */
  pick?: string[];
  /** Confirm the preview without waiting. */
  confirm?: boolean;
  /** Issue/PR number to use when the branch has no pull request. */
  issue?: number;
}

export interface ShepherdTestApi {
  /** Items of the last quick pick (label, description, detail) as shown. */
  lastItems: { label: string; description?: string; detail?: string }[];
  lastTitle?: string;
  lastResult?: SendResult | { outcome: 'error'; message: string } | { outcome: 'cancelled' };
}

interface PickItem extends vscode.QuickPickItem {
  login?: string;
  reasons?: string[];
}

export function registerShepherd(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.OutputChannel): ShepherdTestApi {
  const api: ShepherdTestApi = { lastItems: [] };
  const tokens = new VsCodeTokenSource(context.secrets);
  const github = () =>
    new GitHub({ baseUrl: githubBaseUrl(), auth: tokens, timeoutMs: 15_000, log: (m) => log.appendLine(`[github] ${m}`) });

  context.subscriptions.push(
    vscode.commands.registerCommand('kubeShepherd.requestShepherd', async (arg?: vscode.Uri | RequestShepherdOptions) => {
      const opts: RequestShepherdOptions = arg instanceof vscode.Uri ? { uri: arg } : (arg ?? {});
      try {
        api.lastResult = await requestShepherd(opts, client, github(), context, api);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        api.lastResult = { outcome: 'error', message };
        await reportError(e, tokens);
      }
    }),
    vscode.commands.registerCommand('kubeShepherd.setGitHubToken', async (token?: string) => {
      const value = token ?? (await vscode.window.showInputBox({ prompt: 'GitHub token for Kube Shepherd (stored in VS Code SecretStorage)', password: true, ignoreFocusOut: true }));
      if (value) await context.secrets.store(SECRET_KEY, value);
    }),
    vscode.commands.registerCommand('kubeShepherd.clearGitHubToken', () => context.secrets.delete(SECRET_KEY)),
  );
  return api;
}

async function requestShepherd(
  opts: RequestShepherdOptions,
  client: LanguageClient,
  gh: GitHub,
  context: vscode.ExtensionContext,
  api: ShepherdTestApi,
): Promise<ShepherdTestApi['lastResult']> {
  const uri = opts.uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!uri) {
    void vscode.window.showInformationMessage('Kube Shepherd: open a file of the change (or of the KEP) first.');
    return { outcome: 'cancelled' };
  }
  const cfg = vscode.workspace.getConfiguration('kubeShepherd');
  const trusted = vscode.workspace.isTrusted;
  const params: SuggestReviewersParams = {
    uri: uri.toString(),
    trusted,
    recentRequests: recentRequests(context.globalState),
    weights: cfg.get<Record<string, number>>('ranking.weights') ?? undefined,
  };
  let result = await client.sendRequest<SuggestReviewersResult | null>(SuggestReviewersRequest, params);
  if (!result) {
    void vscode.window.showInformationMessage('Kube Shepherd: this file is not in a workspace folder Kube Shepherd indexes.');
    return { outcome: 'cancelled' };
  }
  const repo = result.repository;
  // GitHub is asked only in trusted workspaces, for people already on the list; failures leave the local ranking.
  let githubNote = '';
  if (trusted && repo) {
    try {
      const top = result.ranked.slice(0, 8).map((r) => r.login);
      const load: Record<string, number> = {};
      const busy: string[] = [];
      await Promise.all(
        top.map(async (login) => {
          load[login] = await gh.openReviewRequests(login);
          if (await gh.isBusy(login)) busy.push(login);
        }),
      );
      result = (await client.sendRequest<SuggestReviewersResult | null>(SuggestReviewersRequest, { ...params, openReviewRequests: load, busy })) ?? result;
    } catch (e) {
      githubNote = e instanceof GitHubError && e.kind === 'auth' ? ' (not signed in to GitHub: no load or availability)' : ' (GitHub unavailable: ranking from local data only)';
    }
  } else if (!trusted) {
    githubNote = ' (untrusted workspace: local data only)';
  }

  const chosen = await pickCandidates(result, opts, api, githubNote);
  if (!chosen || chosen.length === 0) return { outcome: 'cancelled' };

  if (!trusted) {
    // The ranking above came from local files only; asking GitHub is a network call, which untrusted workspaces never make.
    void vscode.window.showWarningMessage('Kube Shepherd: this workspace is not trusted, so nothing is sent to GitHub. Trust the workspace to send the request.');
    return { outcome: 'cancelled' };
  }
  if (!repo) {
    void vscode.window.showWarningMessage('Kube Shepherd: no GitHub remote found in .git/config; cannot send the request.');
    return { outcome: 'cancelled' };
  }
  const target = await resolveTarget(result, gh, opts);
  if (!target) return { outcome: 'cancelled' };
  const modeSetting = cfg.get<string>('requestMode', 'auto');
  const prowManaged = result.prowManaged;
  const kind: RequestMarker['kind'] = result.kep ? 'kep-shepherd' : modeSetting === 'review-request' || (modeSetting === 'auto' && !prowManaged) ? 'review-request' : 'cc';
  const dryRun = cfg.get<boolean>('dryRun', false);
  const input = { target, kind, chosen, sig: result.kep?.sigLabel, howChosen: HOW_CHOSEN };
  const preview = await sendRequest(gh, { ...input, dryRun: true });
  const where = `${target.owner}/${target.repo}#${target.number}`;
  if (dryRun) {
    const copy = await vscode.window.showInformationMessage(`Dry run: Kube Shepherd would send this to ${where}.`, { modal: !opts.confirm, detail: preview.text }, 'Copy text');
    if (copy) await vscode.env.clipboard.writeText(preview.text);
    return preview;
  }
  const ok = opts.confirm
    ? 'Send'
    : await vscode.window.showInformationMessage(`Send this ${kind === 'review-request' ? 'review request' : 'comment'} to ${where}?`, { modal: true, detail: preview.text }, 'Send');
  if (ok !== 'Send') return { outcome: 'cancelled' };
  const sent = await sendRequest(gh, input);
  if (sent.outcome === 'sent') await remember(context.globalState, chosen.map((c) => c.login));
  const url = 'url' in sent ? sent.url : undefined;
  const msg = sent.outcome === 'already-requested' ? `Already requested on ${where}; nothing was posted again.` : `Requested ${chosen.map((c) => '@' + c.login).join(', ')} on ${where}.`;
  void vscode.window.showInformationMessage(msg, ...(url ? ['Open'] : [])).then((b) => {
    if (b === 'Open' && url) void vscode.env.openExternal(vscode.Uri.parse(url));
  });
  return sent;
}

async function pickCandidates(result: SuggestReviewersResult, opts: RequestShepherdOptions, api: ShepherdTestApi, note: string) {
  const prow = result.kep
    ? `KEP ${result.kep.number} · ${result.kep.owningSig ?? ''}`
    : `Prow would suggest ${result.suggestedApprovers.ccs.map((c) => '@' + c).join(', ') || 'nobody'} to approve; blunderbuss picks ${result.blunderbuss.requestCount} at random from ${result.blunderbuss.pools.map((p) => p.leafReviewers.length).reduce((a, b) => a + b, 0)} reviewers`;
  const items: PickItem[] = [
    { label: `Ranked by Kube Shepherd for ${result.filesFrom}${note}`, kind: vscode.QuickPickItemKind.Separator },
    ...result.ranked.map((r) => ({
      label: `$(person) ${r.login}`,
      description: `${r.score.toFixed(2)}${r.canApprove ? ' · approver' : ''}`,
      detail: r.reasons.join(' · '),
      login: r.login,
      reasons: r.reasons,
    })),
  ];
  const qp = vscode.window.createQuickPick<PickItem>();
  qp.canSelectMany = true;
  qp.matchOnDetail = true;
  qp.title = result.kep ? `Request a shepherd — ${prow}` : `Request reviewers — ${prow}`;
  qp.placeholder = 'Pick who to ask (reasons below each name); Enter to continue';
  qp.items = items;
  qp.selectedItems = items.filter((i) => i.login).slice(0, result.kep ? 1 : 2);
  api.lastItems = items.filter((i) => i.login).map((i) => ({ label: i.label, description: i.description, detail: i.detail }));
  api.lastTitle = qp.title;
  const picked = await new Promise<readonly PickItem[] | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems));
    qp.onDidHide(() => resolve(undefined));
    qp.show();
    if (opts.pick) {
      qp.selectedItems = items.filter((i) => i.login && opts.pick!.includes(i.login));
      resolve(qp.selectedItems);
    }
  });
  qp.hide();
  qp.dispose();
  return picked?.filter((p) => p.login).map((p) => ({ login: p.login!, reasons: p.reasons ?? [] }));
}

/** The pull request of this branch, else (for a KEP) its tracking issue, else an issue/PR number the user gives. */
async function resolveTarget(result: SuggestReviewersResult, gh: GitHub, opts: RequestShepherdOptions): Promise<RequestTarget | undefined> {
  const repo = result.repository!;
  if (repo.branch) {
    const pr = await gh.findPullRequest(repo.owner, repo.repo, repo.forkOwner ?? repo.owner, repo.branch);
    if (pr) return { owner: repo.owner, repo: repo.repo, number: pr.number, isPullRequest: true };
  }
  if (result.kep && /^\d+$/.test(result.kep.number)) {
    return { owner: repo.owner, repo: repo.repo, number: Number(result.kep.number), isPullRequest: false };
  }
  if (opts.issue) return { owner: repo.owner, repo: repo.repo, number: opts.issue, isPullRequest: false };
  const answer = await vscode.window.showInputBox({
    title: `No open pull request for ${repo.forkOwner ?? repo.owner}:${repo.branch ?? '(detached)'}`,
    prompt: 'Open a pull request first, or give an issue or pull request number to comment on',
    validateInput: (v) => (/^\d+$/.test(v.trim()) ? undefined : 'a number'),
  });
  return answer ? { owner: repo.owner, repo: repo.repo, number: Number(answer.trim()), isPullRequest: false } : undefined;
}

async function reportError(e: unknown, tokens: VsCodeTokenSource): Promise<void> {
  if (e instanceof GitHubError) {
    if (e.kind === 'auth') {
      const b = await vscode.window.showWarningMessage(`Kube Shepherd: ${e.message}`, 'Sign in to GitHub');
      if (b) await tokens.getToken(true);
      return;
    }
    if (e.kind === 'validation') {
      void vscode.window.showWarningMessage(`Kube Shepherd: ${e.message} On Prow-managed repositories, set "kubeShepherd.requestMode" to "prow-commands" so Prow's /cc does it.`);
      return;
    }
    void vscode.window.showWarningMessage(`Kube Shepherd: ${e.message}`);
    return;
  }
  void vscode.window.showErrorMessage(`Kube Shepherd: ${e instanceof Error ? e.message : String(e)}`);
}
