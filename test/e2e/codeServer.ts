/**
 * code-server 4.100.3 (VS Code 1.100.3) as a test harness, offline (../shared/e2e/README.md): start it on a free
 * loopback port with private user/extension dirs, open the workbench in headless Debian Chromium with playwright-core,
 * stop everything started (by PID / process group).
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const CODE_SERVER = path.join(REPO_ROOT, '.vscode-test', 'code-server', 'node_modules', '.bin', 'code-server');
export const CHROMIUM = process.env.KS_CHROMIUM ?? '/usr/bin/chromium';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(port));
    });
  });
}

export function installExtension(vsix: string, extensionsDir: string): void {
  const r = spawnSync(CODE_SERVER, ['--install-extension', vsix, '--extensions-dir', extensionsDir, '--force'], { encoding: 'utf8', timeout: 120_000 });
  if (r.status !== 0) throw new Error(`code-server --install-extension failed (${r.status}): ${r.stdout}\n${r.stderr}`);
}

export interface CodeServer {
  port: number;
  url: string;
  proc: ChildProcess;
  log: () => string;
  stop: () => Promise<void>;
}

/**
 * `workspaceTrust`: run with VS Code's workspace trust on (default off: the workspace is trusted), so that a fresh
 * user-data dir opens the folder untrusted — for the untrusted-workspace scenario (test/e2e/untrusted.ts).
 */
export async function startCodeServer(opts: {
  userDataDir: string;
  extensionsDir: string;
  workspace: string;
  env?: Record<string, string>;
  settings?: Record<string, unknown>;
  workspaceTrust?: boolean;
}): Promise<CodeServer> {
  fs.mkdirSync(path.join(opts.userDataDir, 'User'), { recursive: true });
  fs.writeFileSync(
    path.join(opts.userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'security.workspace.trust.enabled': opts.workspaceTrust === true,
      'workbench.startupEditor': 'none',
      'workbench.tips.enabled': false,
      'workbench.hover.delay': 300,
      'telemetry.telemetryLevel': 'off',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'window.restoreWindows': 'none',
      'git.enabled': false,
      'explorer.compactFolders': false,
      ...opts.settings,
    }),
  );
  const port = await freePort();
  const args = [
    '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    ...(opts.workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override', '--ignore-last-opened',
    '--user-data-dir', opts.userDataDir, '--extensions-dir', opts.extensionsDir, opts.workspace,
  ];
  // Its own process group, so that stopping it stops its children (the extension host, the language server) too.
  const proc = spawn(CODE_SERVER, args, { env: { ...process.env, ...opts.env }, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let out = '';
  proc.stdout!.on('data', (d) => (out += d));
  proc.stderr!.on('data', (d) => (out += d));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`code-server exited (${proc.exitCode}):\n${out}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`code-server did not start:\n${out}`);
    await new Promise((r) => setTimeout(r, 200));
  }
  const stop = async () => {
    if (proc.exitCode !== null || proc.pid === undefined) return;
    const exited = new Promise((r) => proc.once('exit', r));
    try {
      process.kill(-proc.pid, 'SIGTERM');
    } catch {
      return;
    }
    const t = setTimeout(() => {
      try {
        process.kill(-proc.pid!, 'SIGKILL');
      } catch {
        // gone
      }
    }, 5000);
    await exited;
    clearTimeout(t);
  };
  return { port, url, proc, log: () => out, stop };
}

export async function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} not found: run scripts/install-e2e.sh`);
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

export async function openWorkbench(browser: Browser, url: string): Promise<Page> {
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  await page.goto(url);
  await page.waitForSelector('.monaco-workbench', { timeout: 60_000 });
  return page;
}
