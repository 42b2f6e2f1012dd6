/**
 * The few git questions Kube Shepherd asks (changed files, commit counts). git can run code from a repository's
 * config, so callers must only use this in trusted workspaces; every spawn goes through `runGit`, which tests hook.
 */
import { spawnSync } from 'node:child_process';

export type GitRunner = (cwd: string, args: string[]) => { ok: boolean; stdout: string; stderr: string };

let runner: GitRunner = (cwd, args) => {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8', maxBuffer: 64 << 20, timeout: 20_000, env: { ...process.env, GIT_TERMINAL_PROMPT: '0' } });
  return { ok: r.status === 0, stdout: r.stdout ?? '', stderr: r.stderr ?? String(r.error ?? '') };
};

/** Replace the git runner (tests count spawns through this). */
export function setGitRunner(r: GitRunner): GitRunner {
  const old = runner;
  runner = r;
  return old;
}

export function runGit(cwd: string, args: string[]): { ok: boolean; stdout: string; stderr: string } {
  return runner(cwd, args);
}

/** Files changed on this branch: against the merge base with `base` (e.g. upstream/master), plus uncommitted ones. */
export function changedFilesAgainst(root: string, base: string): { files: string[]; error?: string } {
  const mb = runGit(root, ['merge-base', base, 'HEAD']);
  if (!mb.ok) return { files: [], error: `git merge-base ${base} HEAD failed: ${mb.stderr.trim()}` };
  const diff = runGit(root, ['diff', '--name-only', '-z', mb.stdout.trim()]);
  if (!diff.ok) return { files: [], error: `git diff failed: ${diff.stderr.trim()}` };
  return { files: [...new Set(diff.stdout.split('\0').filter(Boolean))] };
}

/**
 * Commits per GitHub login touching `paths` since `since` (e.g. "6 months ago"). Logins come from GitHub noreply
 * addresses (`123+login@users.noreply.github.com`) or, failing that, an author name/e-mail local part equal to a
 * candidate login.
 */
export function commitsByLogin(root: string, paths: string[], candidates: Iterable<string>, since = '6 months ago'): Map<string, number> {
  const out = new Map<string, number>();
  if (paths.length === 0) return out;
  const r = runGit(root, ['log', `--since=${since}`, '--no-merges', '--format=%ae%x09%an', '--', ...paths.slice(0, 500)]);
  if (!r.ok) return out;
  const cands = new Map([...candidates].map((c) => [c.toLowerCase(), c]));
  for (const line of r.stdout.split('\n')) {
    if (!line) continue;
    const [email, name] = line.split('\t');
    const noreply = /^(?:\d+\+)?([^@]+)@users\.noreply\.github\.com$/i.exec(email ?? '');
    const local = (email ?? '').split('@')[0].toLowerCase();
    const login = noreply ? noreply[1].toLowerCase() : cands.has(local) ? local : cands.has((name ?? '').toLowerCase()) ? (name ?? '').toLowerCase() : undefined;
    if (login && cands.has(login)) out.set(cands.get(login)!, (out.get(cands.get(login)!) ?? 0) + 1);
  }
  return out;
}
