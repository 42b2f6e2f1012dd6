/**
 * The only code that talks to GitHub: @octokit/rest with throttling and retry. Authentication is injected (VS Code's
 * GitHub authentication provider in the extension); every request has a timeout; tokens never reach logs or errors.
 */
import { Octokit } from '@octokit/rest';
import { retry } from '@octokit/plugin-retry';
import { throttling } from '@octokit/plugin-throttling';
import { GitHubError, toGitHubError, type GitHubErrorKind } from './githubErrors';

const ShepherdOctokit = Octokit.plugin(throttling, retry);
type Client = InstanceType<typeof ShepherdOctokit>;

export interface TokenSource {
  /** A token for the signed-in user; `interactive` may prompt for sign-in. Undefined = not signed in. */
  getToken(interactive: boolean): Promise<string | undefined>;
}

export interface GitHubOptions {
  /** API base URL: https://api.github.com, a GitHub Enterprise `…/api/v3`, or a local double in tests. */
  baseUrl: string;
  auth: TokenSource;
  /** Per-request timeout. */
  timeoutMs?: number;
  /** Longest retry-after the client waits for on its own before reporting a rate limit. */
  maxRetryAfterSeconds?: number;
  /** Never logs headers or tokens: messages only. */
  log?: (message: string) => void;
  /** Only for the test double: shortens retry back-off. */
  retryBaseMs?: number;
}

export interface PullRequestRef {
  owner: string;
  repo: string;
  number: number;
  url: string;
  author: string;
  headRef: string;
  requestedReviewers: string[];
}

export interface CommentRef {
  id: number;
  url: string;
  body: string;
  author: string;
}

export class GitHub {
  private client: Client | undefined;
  private token: string | undefined;

  constructor(private readonly opts: GitHubOptions) {}

  /** Signs in (possibly prompting) and builds the client; throws GitHubError('auth') when not signed in. */
  private async octokit(interactive = true): Promise<Client> {
    const token = await this.opts.auth.getToken(interactive);
    if (!token) throw new GitHubError('auth', 'Sign in to GitHub to let Kube Shepherd make this request.');
    if (this.client && token === this.token) return this.client;
    this.token = token;
    const log = this.opts.log ?? (() => undefined);
    const maxWait = this.opts.maxRetryAfterSeconds ?? 60;
    const timeoutMs = this.opts.timeoutMs ?? 15_000;
    this.client = new ShepherdOctokit({
      auth: token,
      baseUrl: this.opts.baseUrl.replace(/\/$/, ''),
      userAgent: 'kube-shepherd',
      request: {
        // A fresh AbortSignal per request: GitHub being slow must never freeze the UI.
        fetch: (url: string, init: RequestInit) => fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs) }),
      },
      // Octokit's own logging would print to the console; route it through ours (messages only, no headers).
      log: { debug: () => undefined, info: () => undefined, warn: (m: string) => log(m), error: (m: string) => log(m) },
      // Reads that fail with 5xx/timeouts are retried once; client errors and rate limits never by this plugin.
      retry: { retries: 1, doNotRetry: [400, 401, 403, 404, 410, 422, 429, 451], retryAfterBaseValue: this.opts.retryBaseMs ?? 1000 },
      throttle: {
        onRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub rate limit on ${options.method} ${options.url}; retry after ${retryAfter} s`);
          return retryCount < 1 && retryAfter <= maxWait && options.method === 'GET';
        },
        onSecondaryRateLimit: (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
          log(`GitHub secondary rate limit on ${options.method} ${options.url}; retry after ${retryAfter} s`);
          // Writes are never retried automatically: a retried POST could post twice.
          return retryCount < 1 && retryAfter <= maxWait && options.method === 'GET';
        },
      },
    });
    return this.client;
  }

  private async call<T>(what: string, fn: (o: Client) => Promise<T>): Promise<T> {
    try {
      return await fn(await this.octokit());
    } catch (e) {
      const ge = toGitHubError(e, what);
      this.opts.log?.(`GitHub: ${ge.message}`);
      throw ge;
    }
  }

  /** The open pull request whose head is `headOwner:branch`, if any. */
  async findPullRequest(owner: string, repo: string, headOwner: string, branch: string): Promise<PullRequestRef | undefined> {
    const prs = await this.call('find the pull request of this branch', (o) =>
      o.pulls.list({ owner, repo, head: `${headOwner}:${branch}`, state: 'open', per_page: 10 }),
    );
    const pr = prs.data[0];
    return pr ? toPullRequest(owner, repo, pr) : undefined;
  }

  async getPullRequest(owner: string, repo: string, number: number): Promise<PullRequestRef> {
    const r = await this.call(`read pull request #${number}`, (o) => o.pulls.get({ owner, repo, pull_number: number }));
    return toPullRequest(owner, repo, r.data);
  }

  async listComments(owner: string, repo: string, issueNumber: number): Promise<CommentRef[]> {
    const r = await this.call(`read the comments of #${issueNumber}`, (o) =>
      o.paginate(o.issues.listComments, { owner, repo, issue_number: issueNumber, per_page: 100 }),
    );
    return r.map((c) => ({ id: c.id, url: c.html_url, body: c.body ?? '', author: c.user?.login ?? '' }));
  }

  async createComment(owner: string, repo: string, issueNumber: number, body: string): Promise<CommentRef> {
    const r = await this.call(`comment on #${issueNumber}`, (o) => o.issues.createComment({ owner, repo, issue_number: issueNumber, body, request: { retries: 0 } }));
    return { id: r.data.id, url: r.data.html_url, body: r.data.body ?? '', author: r.data.user?.login ?? '' };
  }

  async requestReviewers(owner: string, repo: string, number: number, reviewers: string[]): Promise<string> {
    const r = await this.call(`request reviews on #${number}`, (o) => o.pulls.requestReviewers({ owner, repo, pull_number: number, reviewers, request: { retries: 0 } }));
    return r.data.html_url;
  }

  /** Open pull requests waiting for this person's review (their current load). */
  async openReviewRequests(login: string): Promise<number> {
    const r = await this.call(`count review requests of @${login}`, (o) =>
      o.search.issuesAndPullRequests({ q: `is:pr is:open review-requested:${login}`, per_page: 1 }),
    );
    return r.data.total_count;
  }

  /** GitHub's "busy" status (Prow's use_status_availability); errors count as "not busy", as in Prow. */
  async isBusy(login: string): Promise<boolean> {
    try {
      const o = await this.octokit(false);
      const r = await o.graphql<{ user: { status: { indicatesLimitedAvailability: boolean } | null } | null }>(
        'query($login: String!) { user(login: $login) { status { indicatesLimitedAvailability } } }',
        { login },
      );
      return r.user?.status?.indicatesLimitedAvailability === true;
    } catch {
      return false;
    }
  }

  /** Does this login exist? (404 → false) */
  async userExists(login: string): Promise<boolean> {
    try {
      await this.call(`look up @${login}`, (o) => o.users.getByUsername({ username: login }));
      return true;
    } catch (e) {
      if (e instanceof GitHubError && e.kind === 'not-found') return false;
      throw e;
    }
  }

  async isOrgMember(org: string, login: string): Promise<boolean> {
    try {
      const r = await this.call(`check @${login}'s membership of ${org}`, (o) => o.orgs.checkMembershipForUser({ org, username: login }));
      return (r.status as number) === 204;
    } catch (e) {
      if (e instanceof GitHubError && e.kind === 'not-found') return false;
      throw e;
    }
  }

  /**
   * Reality-check read (opt-in): is `owner` an organisation, does `login` exist, is it a member of `owner`, a
   * collaborator of `owner/repo`? Never prompts for sign-in (it runs in the background) and never throws except
   * GitHubError('auth'): every other failure is an answer-less result carrying the rate-limit headers, so the caller
   * can stop before GitHub refuses and resume when the limit resets.
   */
  async probe(kind: ProbeKind, owner: string, repo: string, login = ''): Promise<ProbeResult> {
    const o = await this.octokit(false);
    const what = kind === 'org' ? `look up ${owner}` : kind === 'exists' ? `look up @${login}` : kind === 'member' ? `check @${login}'s membership of ${owner}` : `check whether @${login} collaborates on ${owner}/${repo}`;
    try {
      const r =
        kind === 'org'
          ? await o.orgs.get({ org: owner })
          : kind === 'exists'
            ? await o.users.getByUsername({ username: login })
            : kind === 'member'
              ? await o.orgs.checkMembershipForUser({ org: owner, username: login })
              : await o.repos.checkCollaborator({ owner, repo, username: login });
      const status = r.status as number;
      return { answer: kind === 'org' || kind === 'exists' ? true : status === 204, ...rateOf(r.headers as Record<string, unknown>) };
    } catch (e) {
      const err = e as { status?: number; response?: { headers?: Record<string, unknown> } };
      const rate = rateOf(err.response?.headers);
      if (err.status === 404) return { answer: false, ...rate };
      const ge = toGitHubError(e, what);
      this.opts.log?.(`GitHub: ${ge.message}`);
      if (ge.kind === 'auth') throw ge;
      const limited = ge.kind === 'rate-limited' || (err.status === 403 && rate.remaining === 0);
      return { ...rate, rateLimited: limited || undefined, retryAfterSeconds: ge.retryAfterSeconds, problem: ge.message, failure: limited ? 'rate-limited' : ge.kind };
    }
  }

  async isCollaborator(owner: string, repo: string, login: string): Promise<boolean> {
    try {
      const r = await this.call(`check whether @${login} is a collaborator`, (o) => o.repos.checkCollaborator({ owner, repo, username: login }));
      return (r.status as number) === 204;
    } catch (e) {
      if (e instanceof GitHubError && e.kind === 'not-found') return false;
      throw e;
    }
  }
}

/** One yes/no read for the reality checks, with what GitHub said about the rate limit. */
export interface ProbeResult {
  /** GitHub's answer; undefined when it would not say (forbidden, rate limit, server or network trouble). */
  answer?: boolean;
  /** x-ratelimit-remaining of the response, when present. */
  remaining?: number;
  /** x-ratelimit-reset of the response (epoch ms), when present. */
  resetAtMs?: number;
  /** GitHub refused because of a (primary or secondary) rate limit. */
  rateLimited?: boolean;
  /** retry-after of a refused request, when present. */
  retryAfterSeconds?: number;
  /** Why there is no answer, in words (never a token), and its kind. */
  problem?: string;
  failure?: GitHubErrorKind;
}

export type ProbeKind = 'org' | 'exists' | 'member' | 'collaborator';

function rateOf(headers: Record<string, unknown> | undefined): Pick<ProbeResult, 'remaining' | 'resetAtMs'> {
  const remaining = Number(headers?.['x-ratelimit-remaining']);
  const reset = Number(headers?.['x-ratelimit-reset']);
  return {
    remaining: headers?.['x-ratelimit-remaining'] !== undefined && Number.isFinite(remaining) ? remaining : undefined,
    resetAtMs: headers?.['x-ratelimit-reset'] !== undefined && Number.isFinite(reset) ? reset * 1000 : undefined,
  };
}

function toPullRequest(
  owner: string,
  repo: string,
  pr: { number: number; html_url: string; user: { login: string } | null; head: { ref: string }; requested_reviewers?: { login: string }[] | null },
): PullRequestRef {
  return {
    owner,
    repo,
    number: pr.number,
    url: pr.html_url,
    author: pr.user?.login ?? '',
    headRef: pr.head.ref,
    requestedReviewers: (pr.requested_reviewers ?? []).map((u) => u.login),
  };
}
