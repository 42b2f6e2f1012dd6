/**
 * Workspace trust, server side: git can run code from a repository's config, so in an untrusted workspace
 * shepherd/suggestReviewers (the only server path that runs git) must spawn none. Counted through setGitRunner, with a
 * trusted control run proving the counter sees git when it is allowed.
 */
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { setGitRunner, type GitRunner } from '../../server/src/workspace/git';
import { Repository } from '../../server/src/workspace/repository';
import { computeSuggestion } from '../../server/src/lsp/suggest';

describe('untrusted workspace: zero git spawns', () => {
  let root: string;
  let old: GitRunner;
  const calls: string[][] = [];
  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-untrusted-'));
    fs.writeFileSync(path.join(root, 'OWNERS'), 'approvers: [alice]\n');
    fs.mkdirSync(path.join(root, 'pkg'));
    fs.writeFileSync(path.join(root, 'pkg', 'a.go'), 'package pkg\n');
    // A repository whose metadata makes the trusted path ask git for the branch's changes.
    const g = path.join(root, '.git');
    fs.mkdirSync(path.join(g, 'refs', 'remotes', 'upstream'), { recursive: true });
    fs.writeFileSync(path.join(g, 'HEAD'), 'ref: refs/heads/fix\n');
    fs.writeFileSync(path.join(g, 'config'), '[core]\n\tfsmonitor = "touch /tmp/ks-pwned"\n[remote "upstream"]\n\turl = https://github.com/kubernetes/kubernetes.git\n');
    fs.writeFileSync(path.join(g, 'refs', 'remotes', 'upstream', 'HEAD'), 'ref: refs/remotes/upstream/master\n');
    fs.writeFileSync(path.join(g, 'refs', 'remotes', 'upstream', 'master'), '0'.repeat(40) + '\n');
    old = setGitRunner((_cwd, args) => {
      calls.push(args);
      return { ok: false, stdout: '', stderr: 'counted, not run' };
    });
  });
  after(() => {
    setGitRunner(old);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('untrusted: no git command at all; the open file is used', () => {
    calls.length = 0;
    const repo = Repository.open(root);
    const r = computeSuggestion(repo, 'pkg/a.go', { uri: 'file://' + path.join(root, 'pkg', 'a.go'), trusted: false });
    assert.equal(calls.length, 0, `git spawned: ${JSON.stringify(calls)}`);
    assert.deepEqual(r.files, ['pkg/a.go']);
    assert.match(r.filesFrom, /untrusted/);
  });

  it('control: trusted, the same request asks git (so the counter works)', () => {
    calls.length = 0;
    const repo = Repository.open(root);
    computeSuggestion(repo, 'pkg/a.go', { uri: 'file://' + path.join(root, 'pkg', 'a.go'), trusted: true });
    assert.ok(calls.length > 0, 'trusted run did not reach git');
  });
});
