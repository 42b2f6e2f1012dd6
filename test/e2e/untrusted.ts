/**
 * Untrusted workspace in real VS Code (code-server with workspace trust ON, the folder not trusted): Kube Shepherd
 * still shows owners and diagnostics from local files, "Request Shepherd" sends nothing and says why, and —
 * counted from outside the extension — no HTTP request reaches the local GitHub double and no `git` process starts.
 *
 * Counting:
 *   - network: `kubeShepherd.github.baseUrl` and the `kubeShepherd.sigsYaml` URL both point at the double, which
 *     records every request it receives (before routing), and a GitHub token is stored, so an untrusted run has
 *     every reason to call it;
 *   - git: a recording `git` shim comes first on code-server's PATH (inherited by the extension host and the language
 *     server — see VSCODE_CLI below); it logs each invocation with its parent's command line, then runs the real git. The workspace has a
 *     remote HEAD (`origin/main`), so a trusted "Request Shepherd" would ask git for the branch's changed files.
 *     VS Code's own git extension is switched off (`git.enabled: false`, and it does not run untrusted anyway), so
 *     ANY invocation during the untrusted phase fails the check — no filtering.
 * Control (so a silent hook cannot pass): the folder is then trusted through the workspace-trust editor and the same
 * command runs again — now the server's git call must show up in the shim's log (parent: dist/cli.js) and requests
 * must reach the double.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { GitHubDouble } from '../support/githubDouble';
import { openWorkbench, startCodeServer } from './codeServer';

/** What run.ts lends the scenario (its step/screenshot helpers and cleanup list). */
export interface ScenarioContext {
  browser: Browser;
  extDir: string;
  tmp: string;
  step(name: string, fn: () => Promise<string | void>): Promise<boolean>;
  shot(page: Page, name: string): Promise<string>;
  runCommand(page: Page, title: string): Promise<void>;
  openFile(page: Page, rel: string): Promise<void>;
  copySample(parent: string): string;
  started: { stop: () => Promise<void> }[];
  /** The page a failing step screenshots. */
  setPage(page: Page | undefined): void;
}

interface GitCall {
  args: string;
  cwd: string;
  parent: string;
}

/** A `git` that records who ran it, then runs the real one (or fails like a missing git when there is none). */
function writeGitShim(binDir: string, logFile: string): void {
  const real = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
  fs.mkdirSync(binDir, { recursive: true });
  fs.writeFileSync(logFile, '');
  const q = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  fs.writeFileSync(
    path.join(binDir, 'git'),
    [
      '#!/bin/sh',
      `{ printf '%s\\t%s\\t' "$PWD" "$*"; tr '\\000' ' ' < /proc/$PPID/cmdline; echo; } >> ${q(logFile)}`,
      real ? `exec ${q(real)} "$@"` : 'echo "git: not installed" >&2; exit 127',
      '',
    ].join('\n'),
    { mode: 0o755 },
  );
}

function gitCalls(logFile: string): GitCall[] {
  return fs
    .readFileSync(logFile, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => {
      const [cwd, args, parent] = l.split('\t');
      return { cwd, args, parent: (parent ?? '').trim() };
    });
}

const fromOurServer = (c: GitCall) => /dist\/cli\.js\s+lsp/.test(c.parent);

async function waitFor(cond: () => boolean, ms: number): Promise<boolean> {
  const deadline = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > deadline) return false;
    await new Promise((r) => setTimeout(r, 200));
  }
  return true;
}

/** The open quick pick's title and visible rows (separators included). */
async function quickPickText(page: Page): Promise<string> {
  const widget = page.locator('.quick-input-widget');
  await widget.locator('.monaco-list-row').first().waitFor({ state: 'visible', timeout: 30_000 });
  return (await widget.innerText()).replace(/\s+/g, ' ');
}

async function openCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  await page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
}

export async function untrustedWorkspaceScenario(ctx: ScenarioContext): Promise<void> {
  const { step } = ctx;
  const dir = path.join(ctx.tmp, 'untrusted');
  const ws = ctx.copySample(dir);
  // A remote HEAD: with it, a trusted "Request Shepherd" runs `git merge-base origin/main HEAD` (the control below).
  fs.mkdirSync(path.join(ws, '.git', 'refs', 'remotes', 'origin'), { recursive: true });
  fs.writeFileSync(path.join(ws, '.git', 'refs', 'remotes', 'origin', 'HEAD'), 'ref: refs/remotes/origin/main\n');
  const bin = path.join(dir, 'bin');
  const gitLog = path.join(dir, 'git-calls.log');
  writeGitShim(bin, gitLog);

  const gh = await GitHubDouble.start();
  ctx.started.push({ stop: () => gh.stop() });
  const cs = await startCodeServer({
    userDataDir: path.join(dir, 'user'),
    extensionsDir: ctx.extDir,
    workspace: ws,
    workspaceTrust: true,
    // VSCODE_CLI=1: the VS Code server then skips re-reading PATH from a login shell for the extension host (which
    // would drop the shim); the extension host and the language server inherit this PATH as it is.
    env: { PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`, VSCODE_CLI: '1' },
    settings: {
      'kubeShepherd.github.baseUrl': gh.url,
      'kubeShepherd.sigsYaml': `${gh.url}/kubernetes/community/master/sigs.yaml`,
      'security.workspace.trust.banner': 'always',
      // VS Code's own git extension stays off (it also never runs untrusted): every git call counted is ours.
      'git.enabled': false,
    },
  });
  ctx.started.push(cs);
  const page = await openWorkbench(ctx.browser, `${cs.url}/?folder=${encodeURIComponent(ws)}`);
  ctx.setPage(page);
  const restricted = page.locator('.statusbar-item', { hasText: 'Restricted Mode' }).first();
  try {
    await step('untrusted: the folder opens in Restricted Mode (trust prompt answered "No")', async () => {
      const dialog = page.locator('.monaco-dialog-box', { hasText: 'Do you trust the authors' });
      await dialog.waitFor({ state: 'visible', timeout: 30_000 });
      await dialog.locator('.monaco-button', { hasText: "No, I don't trust the authors" }).click();
      await dialog.waitFor({ state: 'hidden', timeout: 10_000 });
      await restricted.waitFor({ state: 'visible', timeout: 10_000 });
      return 'status bar shows "Restricted Mode"';
    });

    await step('untrusted: status bar shows owners from local OWNERS files', async () => {
      await ctx.openFile(page, 'pkg/kubelet/kubelet.go');
      await page.locator('.statusbar-item', { hasText: 'sig-node · 3 approvers' }).waitFor({ state: 'visible', timeout: 60_000 });
      await ctx.openFile(page, 'pkg/kubelet/cm/cpu_manager.go');
      await page.locator('.statusbar-item', { hasText: 'sig-node · 1 approver' }).waitFor({ state: 'visible', timeout: 15_000 });
      return 'kubelet.go: sig-node · 3 approvers; cpu_manager.go: sig-node · 1 approver';
    });

    await step('untrusted: diagnostics of the broken OWNERS file still appear', async () => {
      await ctx.openFile(page, 'docs/OWNERS');
      await ctx.runCommand(page, 'View: Focus Problems');
      await page.locator('.markers-panel .monaco-list-row', { hasText: 'YAML 1.1' }).first().waitFor({ state: 'visible', timeout: 20_000 });
      return 'owners/yaml11-scalar listed';
    });

    await step('untrusted: a GitHub token is stored (so nothing but trust stops a request)', async () => {
      await openCommand(page, 'Kube Shepherd: Set GitHub Token');
      const prompt = page.locator('.quick-input-widget', { hasText: 'GitHub token for Kube Shepherd' });
      await prompt.waitFor({ state: 'visible', timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill(gh.token);
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
      return 'stored through the command\'s password input';
    });

    await step('untrusted: "Request Shepherd" ranks from local data, sends nothing and says why', async () => {
      await ctx.openFile(page, 'pkg/kubelet/kubelet.go');
      await openCommand(page, 'Kube Shepherd: Request Shepherd');
      const text = await quickPickText(page);
      for (const want of ['untrusted workspace: local data only', 'git is not run in untrusted workspaces', 'alice']) {
        if (!text.includes(want)) throw new Error(`quick pick lacks "${want}": ${text.slice(0, 600)}`);
      }
      await page.keyboard.press('Enter');
      const toast = page.locator('.notification-toast', { hasText: 'this workspace is not trusted, so nothing is sent to GitHub' }).first();
      await toast.waitFor({ state: 'visible', timeout: 15_000 });
      // Let the toast finish sliding in, away from any hover, before the screenshot.
      await page.mouse.move(700, 300);
      await page.waitForTimeout(1000);
      const s = await ctx.shot(page, '08-untrusted');
      return `"${(await toast.innerText()).replace(/\s+/g, ' ').trim().slice(0, 120)}"; ${s}`;
    });

    await step('untrusted: zero HTTP requests reached the GitHub double, zero git processes started', async () => {
      // Give anything the actions started in the background (downloads, git) time to show up before counting.
      await new Promise((r) => setTimeout(r, 3000));
      const calls = gitCalls(gitLog);
      const problems = [
        ...(gh.requests.length ? [`${gh.requests.length} HTTP requests reached the double: ${gh.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`] : []),
        ...(calls.length ? [`${calls.length} git invocations: ${calls.map((c) => `git ${c.args} (cwd ${c.cwd}; parent ${c.parent.slice(0, 160)})`).join('; ')}`] : []),
      ];
      if (problems.length) throw new Error(problems.join('\n'));
      return '0 requests, 0 git invocations';
    });

    await step('control: once the folder is trusted, the same command reaches git (from our server) and the double', async () => {
      await openCommand(page, 'Workspaces: Manage Workspace Trust');
      const trust = page.locator('.workspace-trust-editor .monaco-button', { hasText: /^Trust( Folder)?$/ }).first();
      await trust.waitFor({ state: 'visible', timeout: 15_000 });
      await trust.click();
      await restricted.waitFor({ state: 'hidden', timeout: 15_000 });
      await ctx.openFile(page, 'pkg/kubelet/kubelet.go');
      await openCommand(page, 'Kube Shepherd: Request Shepherd');
      const text = await quickPickText(page);
      await page.keyboard.press('Escape');
      if (text.includes('untrusted workspace')) throw new Error(`still untrusted after granting trust: ${text.slice(0, 300)}`);
      const ok = await waitFor(() => gh.requests.length > 0 && gitCalls(gitLog).some(fromOurServer), 20_000);
      const calls = gitCalls(gitLog);
      if (!ok) throw new Error(`counters did not move: ${gh.requests.length} requests, git calls: ${JSON.stringify(calls)}`);
      const others = calls.filter((c) => !fromOurServer(c));
      return `${gh.requests.length} requests (${[...new Set(gh.requests.map((r) => r.operationId))].join(', ')}); git from our server: ${calls.filter(fromOurServer).map((c) => `git ${c.args}`).join(', ')}${others.length ? `; other git callers: ${others.length}` : ''}; nothing written: ${gh.writes().length === 0}`;
    });
  } finally {
    ctx.setPage(undefined);
    await page.close().catch(() => undefined);
    await cs.stop();
    await gh.stop();
  }
}
