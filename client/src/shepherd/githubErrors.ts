/** What can go wrong talking to GitHub, in words a contributor can act on. Never carries a token. */
export type GitHubErrorKind = 'auth' | 'forbidden' | 'rate-limited' | 'not-found' | 'validation' | 'server' | 'timeout' | 'network' | 'untrusted';

export class GitHubError extends Error {
  constructor(readonly kind: GitHubErrorKind, message: string, readonly status?: number, readonly retryAfterSeconds?: number) {
    super(message);
    this.name = 'GitHubError';
  }
}

/** Maps an Octokit/fetch failure to a GitHubError; the message never includes request headers. */
export function toGitHubError(e: unknown, what: string): GitHubError {
  if (e instanceof GitHubError) return e;
  const err = e as { status?: number; message?: string; name?: string; response?: { headers?: Record<string, string>; data?: { message?: string; errors?: { message?: string }[] } }; cause?: { code?: string; name?: string } };
  const status = typeof err?.status === 'number' ? err.status : undefined;
  const apiMessage = err?.response?.data?.message;
  const detail = err?.response?.data?.errors?.map((x) => x.message).filter(Boolean).join('; ');
  const retryAfter = Number(err?.response?.headers?.['retry-after']);
  if (err?.name === 'TimeoutError' || err?.name === 'AbortError' || err?.cause?.name === 'TimeoutError') {
    return new GitHubError('timeout', `GitHub did not answer in time while trying to ${what}.`);
  }
  if (status === undefined || status === 500 && /fetch failed|ECONNREFUSED|ENOTFOUND|EAI_AGAIN|ECONNRESET/.test(err?.message ?? '')) {
    return new GitHubError('network', `Cannot reach GitHub to ${what} (${(err?.cause?.code ?? err?.message ?? 'network error').toString().replace(/\s+/g, ' ')}).`);
  }
  if (status === 401) return new GitHubError('auth', `GitHub refused the sign-in while trying to ${what}: sign in again.`, status);
  if (status === 429 || (status === 403 && (/rate limit/i.test(apiMessage ?? '') || Number.isFinite(retryAfter)))) {
    return new GitHubError('rate-limited', `GitHub's rate limit was hit while trying to ${what}${Number.isFinite(retryAfter) ? `; try again in ${retryAfter} s` : ''}.`, status, Number.isFinite(retryAfter) ? retryAfter : undefined);
  }
  if (status === 403) return new GitHubError('forbidden', `GitHub does not allow you to ${what}${apiMessage ? `: ${apiMessage}` : ''}.`, status);
  if (status === 404) return new GitHubError('not-found', `GitHub found nothing when trying to ${what}.`, status);
  if (status === 422) return new GitHubError('validation', `GitHub rejected the request to ${what}: ${detail || apiMessage || 'validation failed'}.`, status);
  if (status >= 500) return new GitHubError('server', `GitHub had an internal error (${status}) while trying to ${what}; nothing was changed — try again later.`, status);
  return new GitHubError('server', `GitHub answered ${status} while trying to ${what}${apiMessage ? `: ${apiMessage}` : ''}.`, status);
}
