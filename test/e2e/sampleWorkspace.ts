/**
 * The e2e workspace: a private copy of test/fixtures/sample-repo with `origin` at github.com/example/sample-repo (the
 * server matches sigs.yaml OWNERS URLs through `.git/config`). With `history`, a real git repository with one commit
 * and a staged change (for the Source Control diff checks); without, a minimal .git that runs no git at all.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';

const SAMPLE = path.resolve(__dirname, '..', 'fixtures', 'sample-repo');

export function copySample(parent: string, opts: { history?: boolean } = {}): string {
  const dest = path.join(parent, 'sample-repo');
  fs.cpSync(SAMPLE, dest, { recursive: true });
  if (opts.history) {
    const env = { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1', GIT_AUTHOR_NAME: 'e2e', GIT_AUTHOR_EMAIL: 'e2e@example.com', GIT_COMMITTER_NAME: 'e2e', GIT_COMMITTER_EMAIL: 'e2e@example.com' };
    const git = (...args: string[]) => {
      const r = spawnSync('git', args, { cwd: dest, env, encoding: 'utf8', timeout: 30_000 });
      if (r.status !== 0) throw new Error(`git ${args.join(' ')} failed (${r.status}): ${r.stderr ?? r.error}`);
    };
    git('init', '-q', '-b', 'main');
    git('remote', 'add', 'origin', 'https://github.com/example/sample-repo.git');
    git('add', '-A');
    git('commit', '-q', '-m', 'sample repository');
    fs.appendFileSync(path.join(dest, 'pkg', 'kubelet', 'cm', 'cpu_manager.go'), '\n// A staged change, for the Source Control view.\n');
    git('add', 'pkg/kubelet/cm/cpu_manager.go');
    return dest;
  }
  const git = path.join(dest, '.git');
  fs.mkdirSync(path.join(git, 'objects'), { recursive: true });
  fs.mkdirSync(path.join(git, 'refs', 'heads'), { recursive: true });
  fs.writeFileSync(path.join(git, 'HEAD'), 'ref: refs/heads/main\n');
  fs.writeFileSync(path.join(git, 'config'), '[core]\n\trepositoryformatversion = 0\n\tbare = false\n[remote "origin"]\n\turl = https://github.com/example/sample-repo.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
  return dest;
}

