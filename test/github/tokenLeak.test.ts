import * as assert from 'node:assert/strict';
import { GitHub } from '../../client/src/shepherd/github';
import { sendRequest } from '../../client/src/shepherd/sendRequest';
import { GitHubDouble } from '../support/githubDouble';

/**
 * A planted token must never appear in anything Kube Shepherd prints or throws: adapter logs, error messages and
 * stacks, and whatever reaches stdout/stderr, across every failure mode of the GitHub double.
 */
describe('secrets: a planted GitHub token never leaks', function () {
  this.timeout(60000);

  it('appears in no log line, error, stack or console output, whatever GitHub answers', async () => {
    const gh = await GitHubDouble.start();
    const planted = 'ghp_PLANTED_' + 'x'.repeat(24);
    gh.token = planted;
    gh.pulls.set('o/r', [{ number: 1, author: 'a', headOwner: 'a', headRef: 'b', requestedReviewers: [], collaborators: ['ok'] }]);
    const seen: string[] = [];
    const origOut = process.stdout.write.bind(process.stdout);
    const origErr = process.stderr.write.bind(process.stderr);
    const capture = (chunk: unknown) => (seen.push(String(chunk)), true);
    process.stdout.write = capture as typeof process.stdout.write;
    process.stderr.write = capture as typeof process.stderr.write;
    try {
      const github = new GitHub({ baseUrl: gh.url, auth: { getToken: async () => planted }, timeoutMs: 800, retryBaseMs: 1, maxRetryAfterSeconds: 1, log: (m) => seen.push(m) });
      const faults: [number | 'drop' | 'slow', Record<string, string>?][] = [[401], [403, { 'retry-after': '0' }], [404], [422], [429, { 'retry-after': '30' }], [500], [502], ['drop'], ['slow']];
      for (const [f, headers] of faults) {
        gh.faults.length = 0;
        gh.faults.push({
          match: () => true,
          status: typeof f === 'number' ? f : f === 'slow' ? 200 : undefined,
          headers,
          drop: f === 'drop',
          delayMs: f === 'slow' ? 2000 : undefined,
          body: { message: `failure ${f} for token ${planted.slice(0, 4)}…` },
          times: 10,
        });
        try {
          await sendRequest(github, { target: { owner: 'o', repo: 'r', number: 1, isPullRequest: true }, kind: 'cc', chosen: [{ login: 'ok', reasons: [] }], howChosen: 'x' });
        } catch (e) {
          seen.push(String(e), (e as Error).stack ?? '', JSON.stringify(e));
        }
        for (const call of [() => github.openReviewRequests('ok'), () => github.userExists('ok'), () => github.isOrgMember('o', 'ok')]) {
          await call().catch((e: unknown) => seen.push(String(e), (e as Error).stack ?? '', JSON.stringify(e)));
        }
      }
    } finally {
      process.stdout.write = origOut;
      process.stderr.write = origErr;
      await gh.stop();
    }
    assert.ok(gh.requests.some((r) => r.authorization?.includes(planted)), 'the token was really used on the wire');
    const leaks = seen.filter((s) => s.includes(planted));
    assert.deepEqual(leaks, [], 'token found in output');
    assert.ok(seen.length > 10, 'failures produced output that was checked');
  });
});
