/**
 * Sends a shepherd/reviewer request through the GitHub adapter, transparently and at most once: it reads what is
 * already there (markers, requested reviewers) before writing, never retries a write, and after a failed write
 * re-reads to learn whether it landed.
 */
import { GitHubError } from './githubErrors';
import type { GitHub } from './github';
import { alreadyRequested, renderRequestText, type ChosenReviewer, type RequestMarker } from './requestText';

export interface RequestTarget {
  owner: string;
  repo: string;
  /** Pull request or issue number. */
  number: number;
  /** Whether `number` is a pull request (review requests need one). */
  isPullRequest: boolean;
}

export interface SendRequestInput {
  target: RequestTarget;
  /** `review-request` uses GitHub's reviewer API; the others post Prow commands in a comment. */
  kind: RequestMarker['kind'];
  chosen: ChosenReviewer[];
  sig?: string;
  howChosen: string;
  /** Show what would be sent, send nothing. */
  dryRun?: boolean;
}

export type SendResult =
  | { outcome: 'sent'; url: string; text: string }
  | { outcome: 'already-requested'; url?: string; text: string }
  | { outcome: 'dry-run'; text: string };

export async function sendRequest(github: GitHub, input: SendRequestInput): Promise<SendResult> {
  const { owner, repo, number } = input.target;
  const text = renderRequestText({ kind: input.kind, chosen: input.chosen, sig: input.sig, howChosen: input.howChosen });
  const logins = input.chosen.map((c) => c.login);
  if (input.dryRun) return { outcome: 'dry-run', text };

  if (input.kind === 'review-request') {
    if (!input.target.isPullRequest) throw new GitHubError('validation', 'Reviews can only be requested on a pull request.');
    const pr = await github.getPullRequest(owner, repo, number);
    const already = new Set(pr.requestedReviewers.map((l) => l.toLowerCase()));
    if (logins.every((l) => already.has(l.toLowerCase()))) return { outcome: 'already-requested', url: pr.url, text };
    const url = await github.requestReviewers(owner, repo, number, logins);
    return { outcome: 'sent', url, text };
  }

  const before = await github.listComments(owner, repo, number);
  if (alreadyRequested(before.map((c) => c.body), input.kind, logins)) {
    const prior = before.filter((c) => c.body.includes('kube-shepherd:request')).pop();
    return { outcome: 'already-requested', url: prior?.url, text };
  }
  try {
    const c = await github.createComment(owner, repo, number, text);
    return { outcome: 'sent', url: c.url, text };
  } catch (e) {
    // A timeout or 5xx may hide a comment that did land: look before telling the user to try again.
    if (e instanceof GitHubError && (e.kind === 'timeout' || e.kind === 'server' || e.kind === 'network')) {
      try {
        const after = await github.listComments(owner, repo, number);
        const landed = after.find((c) => c.body === text);
        if (landed) return { outcome: 'sent', url: landed.url, text };
      } catch {
        // Still unreachable: report the original failure.
      }
    }
    throw e;
  }
}
