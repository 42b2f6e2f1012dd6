import * as assert from 'node:assert/strict';
import * as net from 'node:net';
import { GitHub } from '../../client/src/shepherd/github';
import { GitHubError } from '../../client/src/shepherd/githubErrors';
import { sendRequest, type SendRequestInput } from '../../client/src/shepherd/sendRequest';
import { GitHubDouble } from '../support/githubDouble';

const chosen = [
  { login: 'alice', reasons: ['covers 2 of 2 OWNERS directories', '3 commits to pkg/kubelet in 6 months'] },
  { login: 'bob', reasons: ['covers 1 of 2 OWNERS directories'] },
];
const howChosen = 'Ranked by Kube Shepherd (coverage, expertise, load, availability, fairness): see its README.';

function input(over: Partial<SendRequestInput> = {}): SendRequestInput {
  return { target: { owner: 'kubernetes', repo: 'kubernetes', number: 42, isPullRequest: true }, kind: 'cc', chosen, howChosen, ...over };
}

describe('GitHub adapter and Request Shepherd over a local GitHub double (real HTTP, OpenAPI-checked)', function () {
  this.timeout(20000);
  let gh: GitHubDouble;
  let github: GitHub;
  const logs: string[] = [];

  beforeEach(async () => {
    gh = await GitHubDouble.start();
    gh.pulls.set('kubernetes/kubernetes', [
      { number: 42, author: 'carol', headOwner: 'carol', headRef: 'fix-kubelet', requestedReviewers: [], collaborators: ['alice', 'bob'] },
    ]);
    logs.length = 0;
    github = new GitHub({ baseUrl: gh.url, auth: { getToken: async () => gh.token }, timeoutMs: 1500, maxRetryAfterSeconds: 2, retryBaseMs: 10, log: (m) => logs.push(m) });
  });
  afterEach(async () => {
    assert.deepEqual(gh.violations, [], 'every request conforms to GitHub OpenAPI');
    for (const l of logs) assert.ok(!l.includes(gh.token), 'no token in logs');
    await gh.stop();
  });

  it('happy path: finds the PR of the branch, posts one /cc comment with reasons and a marker, returns its link', async () => {
    const pr = await github.findPullRequest('kubernetes', 'kubernetes', 'carol', 'fix-kubelet');
    assert.equal(pr?.number, 42);
    const r = await sendRequest(github, input({ target: { owner: 'kubernetes', repo: 'kubernetes', number: pr!.number, isPullRequest: true } }));
    assert.equal(r.outcome, 'sent');
    assert.match((r as { url: string }).url, /issuecomment-\d+$/);
    const posts = gh.writes();
    assert.equal(posts.length, 1);
    assert.equal(posts[0].operationId, 'issues/create-comment');
    const body = (posts[0].body as { body: string }).body;
    assert.match(body, /^\/cc @alice @bob$/m);
    assert.match(body, /@alice — covers 2 of 2 OWNERS directories · 3 commits/);
    assert.match(body, /<!-- kube-shepherd:request \{"v":1,"kind":"cc","logins":\["alice","bob"\]\} -->/);
    assert.equal(posts[0].authorization, `token ${gh.token}`);
  });

  it('review-request route: requests reviews through the pulls API', async () => {
    const r = await sendRequest(github, input({ kind: 'review-request' }));
    assert.equal(r.outcome, 'sent');
    const w = gh.writes();
    assert.equal(w.length, 1);
    assert.equal(w[0].operationId, 'pulls/request-reviewers');
    assert.deepEqual(w[0].body, { reviewers: ['alice', 'bob'] });
  });

  it('already requested: a second identical request posts nothing', async () => {
    await sendRequest(github, input());
    const again = await sendRequest(github, input());
    assert.equal(again.outcome, 'already-requested');
    assert.equal(gh.writes().length, 1);
    const rr = await sendRequest(github, input({ kind: 'review-request' }));
    const rr2 = await sendRequest(github, input({ kind: 'review-request' }));
    assert.equal(rr.outcome, 'sent');
    assert.equal(rr2.outcome, 'already-requested');
    assert.equal(gh.writes().length, 2);
  });

  it('dry run sends nothing and shows the exact text', async () => {
    const r = await sendRequest(github, input({ dryRun: true }));
    assert.equal(r.outcome, 'dry-run');
    assert.match(r.text, /^\/cc @alice @bob/);
    assert.equal(gh.requests.length, 0);
  });

  it('401: reported as an authentication problem (re-authentication offered by the UI)', async () => {
    github = new GitHub({ baseUrl: gh.url, auth: { getToken: async () => 'gho_wrong' }, timeoutMs: 1500 });
    await assert.rejects(sendRequest(github, input()), (e: unknown) => e instanceof GitHubError && e.kind === 'auth' && !e.message.includes('gho_wrong'));
    assert.equal(gh.writes().length, 0);
  });

  it('not signed in: no request at all', async () => {
    github = new GitHub({ baseUrl: gh.url, auth: { getToken: async () => undefined } });
    await assert.rejects(sendRequest(github, input()), (e: unknown) => e instanceof GitHubError && e.kind === 'auth');
    assert.equal(gh.requests.length, 0);
  });

  it('403 primary rate limit with retry-after on a read: waits and retries once', async () => {
    gh.faults.push({ match: (r) => r.operationId === 'issues/list-comments', status: 403, headers: { 'retry-after': '1', 'x-ratelimit-remaining': '0' }, body: { message: 'API rate limit exceeded' } });
    const r = await sendRequest(github, input());
    assert.equal(r.outcome, 'sent');
    assert.equal(gh.requests.filter((x) => x.operationId === 'issues/list-comments').length, 2);
    assert.equal(gh.writes().length, 1);
  });

  it('429 secondary limit on the write: reported with retry-after, never retried, never duplicated', async () => {
    gh.faults.push({ match: (r) => r.operationId === 'issues/create-comment', status: 429, headers: { 'retry-after': '30' }, body: { message: 'You have exceeded a secondary rate limit' } });
    await assert.rejects(sendRequest(github, input()), (e: unknown) => e instanceof GitHubError && e.kind === 'rate-limited' && e.retryAfterSeconds === 30);
    assert.equal(gh.writes().length, 1);
    assert.equal(gh.comments.get('kubernetes/kubernetes#42'), undefined);
  });

  it('404: no pull request for the branch → undefined (the UI offers the KEP/issue route)', async () => {
    assert.equal(await github.findPullRequest('kubernetes', 'kubernetes', 'carol', 'no-such-branch'), undefined);
    await assert.rejects(github.getPullRequest('kubernetes', 'kubernetes', 7), (e: unknown) => e instanceof GitHubError && e.kind === 'not-found');
  });

  it('422 (not a collaborator): a clear message', async () => {
    await assert.rejects(
      sendRequest(github, input({ kind: 'review-request', chosen: [{ login: 'mallory', reasons: [] }] })),
      (e: unknown) => e instanceof GitHubError && e.kind === 'validation' && /not a collaborator/.test(e.message),
    );
  });

  it('500 on the write: reported, attempted exactly once', async () => {
    gh.faults.push({ match: (r) => r.operationId === 'issues/create-comment', status: 500 });
    await assert.rejects(sendRequest(github, input()), (e: unknown) => e instanceof GitHubError && e.kind === 'server');
    assert.equal(gh.writes().length, 1);
  });

  it('500 after the comment landed: detected by re-reading, reported as sent, never posted twice', async () => {
    gh.faults.push({ match: (r) => r.operationId === 'issues/create-comment', status: 502, afterHandling: true });
    const r = await sendRequest(github, input());
    assert.equal(r.outcome, 'sent');
    assert.equal(gh.writes().length, 1);
    assert.equal(gh.comments.get('kubernetes/kubernetes#42')?.length, 1);
  });

  it('timeout: a slow GitHub gives a timeout error, not a hang', async () => {
    gh.faults.push({ match: (r) => r.operationId === 'issues/list-comments', delayMs: 3000, status: 200, body: [], times: 5 });
    const t0 = Date.now();
    await assert.rejects(sendRequest(github, input()), (e: unknown) => e instanceof GitHubError && (e.kind === 'timeout' || e.kind === 'network'));
    assert.ok(Date.now() - t0 < 10000);
    assert.equal(gh.writes().length, 0);
  });

  it('network down: a clear message', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = net.createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as net.AddressInfo).port;
        s.close(() => resolve(p));
      });
    });
    const offline = new GitHub({ baseUrl: `http://127.0.0.1:${port}`, auth: { getToken: async () => 'x' }, timeoutMs: 1000, retryBaseMs: 1 });
    await assert.rejects(sendRequest(offline, input()), (e: unknown) => e instanceof GitHubError && e.kind === 'network' && /Cannot reach GitHub/.test(e.message));
  });

  it('load, availability and reality checks read through the same adapter', async () => {
    gh.reviewLoad.set('alice', 3);
    gh.busy.add('bob');
    gh.users.add('alice');
    gh.orgMembers.set('kubernetes', new Set(['alice']));
    gh.collaborators.set('kubernetes/kubernetes', new Set(['alice']));
    assert.equal(await github.openReviewRequests('alice'), 3);
    assert.equal(await github.isBusy('bob'), true);
    assert.equal(await github.isBusy('alice'), false);
    assert.equal(await github.userExists('alice'), true);
    assert.equal(await github.userExists('ghost'), false);
    assert.equal(await github.isOrgMember('kubernetes', 'alice'), true);
    assert.equal(await github.isOrgMember('kubernetes', 'ghost'), false);
    assert.equal(await github.isCollaborator('kubernetes', 'kubernetes', 'alice'), true);
  });
});
