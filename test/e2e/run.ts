/**
 * Real-editor end-to-end run in code-server 4.100.3 (VS Code 1.100.3) + headless Chromium (`npm run test:e2e`):
 *   1. packages the extension (.vsix, size checked ≤ 2 MB) and installs it with `code-server --install-extension`;
 *   2. UI: opens a copy of test/fixtures/sample-repo and asserts what a person sees — the status bar text, the
 *      Explorer hover of a file, the Ownership view, the Problems panel for a broken OWNERS file, an editor hover —
 *      saving a screenshot of each to test-artifacts/e2e/; then an UNTRUSTED copy (workspace trust on): no git, no
 *      HTTP, counted by a git shim and the GitHub double (./untrusted.ts; KS_E2E_ONLY=untrusted runs only that);
 *   3. suite: runs test/suite (mocha) inside code-server's extension host against the installed (packaged) extension,
 *      guarding the false pass (extension host died → workbench still says 0) with a result file and the log.
 * Every process started here is stopped by PID (code-server by its process group). Exit code 0 = all passed.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { format } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { GitHubDouble } from '../support/githubDouble';
import { copySample } from './sampleWorkspace';
import { CODE_SERVER, installExtension, launchBrowser, openWorkbench, REPO_ROOT, startCodeServer, type CodeServer } from './codeServer';
import { untrustedWorkspaceScenario } from './untrusted';

const ARTIFACTS = path.join(REPO_ROOT, 'test-artifacts', 'e2e');
const MAX_VSIX = 2 * 1024 * 1024;

const results: { name: string; ok: boolean; detail?: string; ms: number }[] = [];
const started: { stop: () => Promise<void> }[] = [];
/** The page a failing step screenshots. */
let currentPage: Page | undefined;

async function step(name: string, fn: () => Promise<string | void>): Promise<boolean> {
  const t0 = Date.now();
  try {
    const detail = (await fn()) ?? undefined;
    results.push({ name, ok: true, detail, ms: Date.now() - t0 });
    console.log(`  ✔ ${name}${detail ? ` — ${detail}` : ''} (${Date.now() - t0} ms)`);
    return true;
  } catch (e) {
    const detail = (e as Error)?.message ?? String(e);
    results.push({ name, ok: false, detail, ms: Date.now() - t0 });
    console.log(`  ✖ ${name}\n      ${detail.split('\n').join('\n      ')}`);
    if (currentPage) {
      const file = path.join(ARTIFACTS, `failed-${results.length}.png`);
      await currentPage.screenshot({ path: file }).catch(() => undefined);
      console.log(`      screenshot: ${path.relative(REPO_ROOT, file)}`);
    }
    return false;
  }
}

function packageVsix(out: string): number {
  const vsce = path.join(REPO_ROOT, 'node_modules', '.bin', 'vsce');
  const r = spawnSync(vsce, ['package', '--no-dependencies', '--out', out], { cwd: REPO_ROOT, encoding: 'utf8', input: 'y\n', timeout: 180_000 });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`vsce package failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return fs.statSync(out).size;
}

// ---- UI helpers ----

async function shot(page: Page, name: string, clip?: { x: number; y: number; width: number; height: number }): Promise<string> {
  const file = path.join(ARTIFACTS, `${name}.png`);
  await page.screenshot({ path: file, clip });
  return path.relative(REPO_ROOT, file);
}

async function runCommand(page: Page, title: string): Promise<void> {
  await page.keyboard.press('F1');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(`>${title}`);
  const row = page.locator('.quick-input-widget .monaco-list-row', { hasText: title }).first();
  await row.waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

async function openFile(page: Page, rel: string): Promise<void> {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 10_000 });
  await input.fill(rel);
  const base = path.posix.basename(rel);
  // Enter opens the focused row: wait until filtering has focused the file we asked for (not a recent one).
  const focused = page.locator('.quick-input-widget .monaco-list-row.focused');
  for (let i = 0; i < 100; i++) {
    const t = (await focused.count()) > 0 ? await focused.first().innerText() : '';
    if (t.includes(base) && t.includes(path.posix.dirname(rel)) && !t.includes(`${path.posix.dirname(rel)}/`)) break;
    await page.waitForTimeout(100);
  }
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab.active[aria-label^="${base}"]`).first().waitFor({ timeout: 15_000 });
  await page.locator('.monaco-breadcrumbs', { hasText: base }).first().waitFor({ timeout: 15_000 });
}

/** Rows of the Ownership view: "label description". */
async function viewRows(page: Page): Promise<string[]> {
  return ownershipPane(page)
    .locator('.monaco-list-row')
    .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('.label-name, .label-description')].map((e) => (e.textContent ?? '').trim()).filter(Boolean).join(' ')));
}

function ownershipPane(page: Page) {
  return page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Ownership/i }) }).first();
}

function explorerRow(page: Page, name: string) {
  return page.locator('.explorer-folders-view .monaco-list-row').filter({ has: page.locator('.label-name', { hasText: new RegExp(`^${name.replace(/\./g, '\\.')}$`) }) }).first();
}

async function expandExplorerPath(page: Page, rel: string): Promise<void> {
  const parts = rel.split('/');
  if (await explorerRow(page, parts[parts.length - 1]).isVisible()) return;
  for (let i = 0; i < parts.length - 1; i++) {
    const row = explorerRow(page, parts[i]);
    await row.waitFor({ timeout: 15_000 });
    if ((await row.getAttribute('aria-expanded')) !== 'true') await row.click();
  }
  await explorerRow(page, parts[parts.length - 1]).waitFor({ timeout: 15_000 });
}

async function uiChecks(page: Page): Promise<void> {
  await step('workbench: the extension activated (status bar item for the open file)', async () => {
    await openFile(page, 'pkg/kubelet/kubelet.go');
    const item = page.locator('.statusbar-item', { hasText: 'sig-node · 3 approvers' });
    await item.waitFor({ state: 'visible', timeout: 60_000 });
    const text = (await item.innerText()).trim();
    if (text !== 'sig-node · 3 approvers') throw new Error(`status bar says "${text}"`);
    const box = (await page.locator('.part.statusbar').boundingBox())!;
    await item.hover();
    const tip = page.locator('.monaco-hover, .workbench-hover').filter({ hasText: 'subproject' }).first();
    await tip.waitFor({ state: 'visible', timeout: 10_000 });
    const tipText = await tip.innerText();
    for (const want of ['sig-node', 'kubelet', 'dave, node-chair, node-lead', 'alice, bob, carol']) if (!tipText.includes(want)) throw new Error(`tooltip lacks "${want}": ${tipText}`);
    const tipBox = (await tip.boundingBox())!;
    const y = Math.max(0, Math.min(tipBox.y, box.y) - 10);
    const s = await shot(page, '01-status-bar', { x: 0, y, width: 1400, height: 900 - y });
    await page.mouse.move(700, 300);
    return `"${text}", tooltip shown; ${s}`;
  });

  await step('status bar follows the active editor (filtered OWNERS: cpu_manager.go has 1 approver)', async () => {
    await openFile(page, 'pkg/kubelet/cm/cpu_manager.go');
    await page.locator('.statusbar-item', { hasText: 'sig-node · 1 approver' }).waitFor({ state: 'visible', timeout: 15_000 });
    return 'sig-node · 1 approver';
  });

  await step('Explorer: hovering a file shows its owning SIG and leaf approvers', async () => {
    await page.keyboard.press('Control+Shift+E');
    await expandExplorerPath(page, 'pkg/kubelet/kubelet.go');
    const row = explorerRow(page, 'kubelet.go');
    const want = 'sig-node (kubelet), sig-architecture · approvers: dave, node-chair, node-lead';
    // The decoration arrives asynchronously (a request to the server): hover again until the tooltip carries it.
    let text = '';
    for (let i = 0; i < 10 && !text.includes(want); i++) {
      await page.mouse.move(900, 600);
      await page.waitForTimeout(300);
      await row.hover();
      const hover = page.locator('.workbench-hover').first();
      await hover.waitFor({ state: 'visible', timeout: 5_000 }).catch(() => undefined);
      text = (await hover.isVisible()) ? await hover.innerText() : '';
    }
    if (!text.includes(want)) throw new Error(`explorer hover: "${text}"`);
    const s = await shot(page, '02-explorer-hover');
    await page.mouse.move(900, 600);
    return `"${text.replace(/\s+/g, ' ').trim()}"; ${s}`;
  });

  await step('Ownership view: "Show Owners of Current File" shows SIG, contacts, approvers, chain', async () => {
    await openFile(page, 'pkg/kubelet/kubelet.go');
    await runCommand(page, 'Kube Shepherd: Show Owners of Current File');
    const pane = ownershipPane(page);
    await pane.locator('.monaco-list-row', { hasText: 'sig-node' }).first().waitFor({ timeout: 15_000 });
    // Collapse the file tree so the view has room.
    const folders = page.locator('.pane-header', { hasText: /sample-repo/i }).first();
    if ((await folders.getAttribute('aria-expanded')) === 'true') await folders.click();
    await pane.locator('.monaco-list-row', { hasText: 'Slack #sig-node' }).first().waitFor({ timeout: 10_000 });
    const rows = await viewRows(page);
    for (const want of [/^SIGs \(2\) via sigs\.yaml subproject$/, /^sig-node Node · subproject kubelet$/, /^Slack #sig-node/, /^Meeting Regular SIG Meeting/, /^Approvers 6$/, /^pkg\/kubelet\/OWNERS \(nearest\) 3 approvers$/, /^Reviewers 4$/]) {
      if (!rows.some((r) => want.test(r))) throw new Error(`${want} not in the view:\n${rows.join('\n')}`);
    }
    const s = await shot(page, '03-ownership-view');
    return `${rows.length} rows visible; ${s}`;
  });

  await step('Ownership view: go-to-line link of the OWNERS chain opens the file at the entry', async () => {
    // The list is virtual: focus a row above the chain and walk down with the keyboard; Enter runs the item's command.
    const pane = ownershipPane(page);
    await pane.locator('.monaco-list-row', { hasText: 'sig/node' }).first().click();
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    const focused = (await pane.locator('.monaco-list-row.focused').innerText()).replace(/\s+/g, ' ').trim();
    if (!focused.startsWith('pkg/kubelet/OWNERS')) throw new Error(`focused "${focused}"`);
    await page.keyboard.press('Enter');
    await page.locator('.tabs-container .tab.active[aria-label^="OWNERS"]').first().waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: /Ln 2,/ }).first().waitFor({ timeout: 10_000 });
    return 'pkg/kubelet/OWNERS opened at Ln 2';
  });

  await step('Problems panel: diagnostics of the broken OWNERS file', async () => {
    await openFile(page, 'docs/OWNERS');
    await runCommand(page, 'View: Focus Problems');
    const row = page.locator('.markers-panel .monaco-list-row', { hasText: 'YAML 1.1' }).first();
    await row.waitFor({ state: 'visible', timeout: 20_000 });
    const text = (await page.locator('.markers-panel').innerText()).replace(/\s+/g, ' ');
    if (!text.includes('owners/yaml11-scalar')) throw new Error(`Problems panel: ${text.slice(0, 500)}`);
    const s = await shot(page, '04-problems');
    return `owners/yaml11-scalar listed; ${s}`;
  });

  await step('editor hover on a login in OWNERS', async () => {
    await openFile(page, 'docs/OWNERS');
    const token = page.locator('.monaco-editor .view-line span', { hasText: 'docs-writer' }).first();
    await token.waitFor({ timeout: 10_000 });
    await token.hover();
    const hover = page.locator('.monaco-editor .monaco-hover, .monaco-hover', { hasText: 'GitHub login' }).first();
    await hover.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await hover.innerText()).replace(/\s+/g, ' ').trim();
    if (!text.includes('docs-writer')) throw new Error(`hover: ${text}`);
    const s = await shot(page, '05-editor-hover');
    return `"${text.slice(0, 80)}"; ${s}`;
  });

  await step('Source Control: the staged diff of a modified file (git: documents) shows its owners in the status bar', async () => {
    // The active editor (docs/OWNERS) has other owners: the item must change to cpu_manager.go's.
    const item = page.locator('.statusbar-item', { hasText: 'sig-node · 1 approver' });
    if (await item.isVisible()) throw new Error('status bar already shows cpu_manager.go\'s owners before the diff opens');
    await page.keyboard.press('Escape');
    // The activity bar entry (its pending-changes badge covers the icon: click the item, not the label).
    await page.locator('.activitybar .action-item').filter({ has: page.locator('.action-label[aria-label^="Source Control"]') }).first().click();
    // Move off the activity bar so its hover does not cover the view.
    await page.mouse.move(700, 400);
    await page.locator('.context-view .hover-contents', { hasText: 'Source Control' }).waitFor({ state: 'hidden', timeout: 10_000 }).catch(() => undefined);
    const row = page.locator('.scm-view .monaco-list-row', { hasText: 'cpu_manager.go' }).first();
    await row.waitFor({ state: 'visible', timeout: 30_000 });
    await row.click();
    // A staged change opens HEAD ↔ index: both sides are `git:` documents, none is a file: editor.
    await page.locator('.tabs-container .tab.active[aria-label*="cpu_manager.go (Index)"]').first().waitFor({ timeout: 15_000 });
    await item.waitFor({ state: 'visible', timeout: 15_000 });
    const text = (await item.innerText()).trim();
    const s = await shot(page, '06-scm-diff-status-bar');
    return `"${text}" for the staged diff "cpu_manager.go (Index)"; ${s}`;
  });

  await step('"Files Owned by…" for an alias: the Owned by view lists the OWNERS directories naming it; a row opens the entry', async () => {
    await page.keyboard.press('Escape');
    await page.keyboard.press('F1');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('>Kube Shepherd: Files Owned by');
    await page.locator('.quick-input-widget .monaco-list-row', { hasText: 'Files Owned by' }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
    // The subject pick replaces the palette: SIGs, aliases and logins with counts; type the alias and take its row.
    await page.locator('.quick-input-widget .quick-input-title', { hasText: 'Files Owned by' }).waitFor({ state: 'visible', timeout: 10_000 });
    await input.fill('sig-node-leads');
    await page.locator('.quick-input-widget .monaco-list-row.focused', { hasText: '2 members' }).waitFor({ state: 'visible', timeout: 15_000 });
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    const pane = page.locator('.pane').filter({ has: page.locator('.pane-header', { hasText: /^Owned by/i }) }).first();
    await pane.locator('.monaco-list-row', { hasText: 'pkg/kubelet' }).first().waitFor({ timeout: 15_000 });
    // Collapse the Ownership view so the Owned by view has room in the screenshot.
    const ownershipHeader = page.locator('.pane-header', { hasText: /^Ownership/i }).first();
    if ((await ownershipHeader.getAttribute('aria-expanded')) === 'true') await ownershipHeader.click();
    const rows = await pane.locator('.monaco-list-row').evaluateAll((els) => els.map((r) => [...r.querySelectorAll('.label-name, .label-description')].map((e) => (e.textContent ?? '').trim()).filter(Boolean).join(' ')));
    const want = ['sig-node-leads alias · members: node-chair, node-lead', 'Approves 1 directory', 'pkg/kubelet + subdirectories · 4 files'];
    if (JSON.stringify(rows) !== JSON.stringify(want)) throw new Error(`Owned by view rows:\n${rows.join('\n')}`);
    const s = await shot(page, '07-files-owned-by');
    await pane.locator('.monaco-list-row', { hasText: 'pkg/kubelet' }).first().click();
    await page.locator('.tabs-container .tab.active[aria-label^="OWNERS"]').first().waitFor({ timeout: 10_000 });
    await page.locator('.statusbar-item', { hasText: /Ln 2,/ }).first().waitFor({ timeout: 10_000 });
    // "As a search": the view's search action opens VS Code's Search limited to the owned directories.
    await runCommand(page, 'Kube Shepherd: Search Owned Files');
    const include = page.locator('.search-view .file-types.includes input').first();
    await include.waitFor({ state: 'visible', timeout: 10_000 });
    const value = await include.inputValue();
    if (value !== './pkg/kubelet/**') throw new Error(`Search "files to include" is "${value}"`);
    return `${rows.join(' | ')}; pkg/kubelet/OWNERS opened at Ln 2; Search includes ${value}; ${s}`;
  });
}

async function suiteInExtensionHost(browser: Browser, extDir: string, tmp: string): Promise<void> {
  const resultFile = path.join(tmp, 'suite-result.json');
  const ws = copySample(path.join(tmp, 'suite'), { history: true });
  // The branch `main` of example/sample-repo has pull request #42 on the double; alice and bob may be requested.
  const gh = await GitHubDouble.start();
  started.push({ stop: () => gh.stop() });
  gh.pulls.set('example/sample-repo', [{ number: 42, author: 'carol', headOwner: 'example', headRef: 'main', requestedReviewers: [], collaborators: ['alice', 'bob'] }]);
  gh.reviewLoad.set('alice', 1);
  const cs = await startCodeServer({
    userDataDir: path.join(tmp, 'suite-user'),
    extensionsDir: path.join(tmp, 'suite-ext'),
    workspace: ws,
    env: { KS_SUITE_RESULT: resultFile, KS_GITHUB_DOUBLE: gh.url, KS_GITHUB_TOKEN: gh.token },
    // VS Code's git extension serves the `git:` documents the ownership suite opens.
    settings: { 'git.enabled': true },
  });
  started.push(cs);
  const remote = (p: string) => `vscode-remote://127.0.0.1:${cs.port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(extDir)],
    ['extensionTestsPath', remote(path.join(REPO_ROOT, 'test', 'suite', 'index.js'))],
    ['skipWelcome', 'true'],
    ['skipReleaseNotes', 'true'],
  ];
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  const logs: string[] = [];
  let exitCode: number | undefined;
  const exited = new Promise<void>((resolve) => {
    void page.exposeFunction('codeAutomationExit', (code: number) => {
      exitCode = code;
      resolve();
    });
  });
  await page.exposeFunction('codeAutomationLog', (_type: string, args: unknown[]) => {
    const line = format(...(args as [unknown, ...unknown[]]));
    logs.push(line);
    if (process.env.KS_E2E_VERBOSE) console.log(`    | ${line}`);
  });
  await page.goto(`${cs.url}/?folder=${encodeURIComponent(ws)}&payload=${encodeURIComponent(JSON.stringify(payload))}`);
  const timeout = new Promise<void>((r) => setTimeout(r, 180_000));
  await Promise.race([exited, timeout]);
  await page.close();
  await cs.stop();
  fs.writeFileSync(path.join(ARTIFACTS, 'suite.log'), logs.join('\n') + '\n');
  const crashed = logs.some((l) => /ExtensionHost/.test(l) && /socket close event/.test(l));
  const result = fs.existsSync(resultFile) ? (JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passes: number; failures: number; tests: { title: string; state: string; error?: string }[] }) : undefined;
  if (result) fs.copyFileSync(resultFile, path.join(ARTIFACTS, 'suite-result.json'));
  const activation = logs.map((l) => /ACTIVATION_MS=(\d+)/.exec(l)).find(Boolean);
  for (const t of result?.tests ?? []) {
    results.push({ name: `suite: ${t.title}`, ok: t.state !== 'failed', detail: t.state === 'failed' ? t.error : t.state === 'pending' ? 'pending' : undefined, ms: 0 });
    console.log(`  ${t.state === 'failed' ? '✖' : t.state === 'pending' ? '-' : '✔'} suite: ${t.title}${t.state === 'failed' ? `\n      ${t.error}` : ''}`);
  }
  const problems: string[] = [];
  if (exitCode === undefined) problems.push('the workbench never reported an exit code (timeout)');
  else if (exitCode !== 0) problems.push(`the workbench reported exit code ${exitCode}`);
  if (crashed) problems.push('the extension host connection closed during the run (crash or process.exit): not a pass');
  if (!result) problems.push('no result file: the suite did not finish inside the extension host (false-pass guard)');
  else if (result.tests.length === 0) problems.push('the suite ran no tests');
  // What reached "GitHub": exactly one write, valid against GitHub's OpenAPI description.
  const writes = gh.writes();
  const ghProblems = [
    ...(writes.length !== 1 ? [`expected exactly one write to GitHub, got ${writes.length}: ${JSON.stringify(writes.map((w) => `${w.method} ${w.path}`))}`] : []),
    ...(writes[0] && writes[0].operationId !== 'issues/create-comment' ? [`the write was ${writes[0].operationId}`] : []),
    ...gh.violations,
  ];
  results.push({ name: 'GitHub double: exactly one request posted, every request valid against the OpenAPI description', ok: ghProblems.length === 0, detail: ghProblems.join('; ') || `${gh.requests.length} requests, 1 write (${writes[0]?.operationId})`, ms: 0 });
  console.log(`  ${ghProblems.length === 0 ? '✔' : '✖'} GitHub double: ${ghProblems.join('; ') || `${gh.requests.length} requests, exactly 1 write (${writes[0]?.operationId}), all OpenAPI-valid`}`);
  await gh.stop();
  results.push({ name: 'suite: mocha in the extension host finished cleanly', ok: problems.length === 0, detail: problems.join('; ') || `${result!.passes} passed, ${result!.failures} failed${activation ? `, activation ${activation[1]} ms` : ''}`, ms: 0 });
  console.log(`  ${problems.length === 0 ? '✔' : '✖'} suite run: ${problems.join('; ') || `${result!.passes} passed${activation ? `, activation ${activation[1]} ms` : ''}`} (log: test-artifacts/e2e/suite.log)`);
}

async function main(): Promise<number> {
  if (!fs.existsSync(CODE_SERVER)) {
    console.error(`code-server missing at ${CODE_SERVER}: run scripts/install-e2e.sh`);
    return 2;
  }
  if (!fs.existsSync(path.join(REPO_ROOT, 'dist', 'extension.js'))) {
    console.error('dist/ missing: npm run build');
    return 2;
  }
  fs.rmSync(ARTIFACTS, { recursive: true, force: true });
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-e2e-'));
  const onSignal = () => void cleanup().then(() => process.exit(130));
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  let browser: Browser | undefined;
  const cleanup = async () => {
    await browser?.close().catch(() => undefined);
    for (const s of started.reverse()) await s.stop().catch(() => undefined);
    fs.rmSync(tmp, { recursive: true, force: true });
  };
  try {
    console.log('e2e: code-server 4.100.3 + headless Chromium');
    const vsix = path.join(ARTIFACTS, 'kube-shepherd.vsix');
    const extDir = path.join(tmp, 'ext');
    const ok = await step('package the extension (.vsix ≤ 2 MB) and install it into code-server', async () => {
      const size = packageVsix(vsix);
      if (size > MAX_VSIX) throw new Error(`vsix is ${size} bytes`);
      installExtension(vsix, extDir);
      return `${(size / 1024).toFixed(0)} KB`;
    });
    if (!ok) return 1;
    browser = await launchBrowser();

    const ws = copySample(path.join(tmp, 'ui'), { history: true });
    let cs: CodeServer | undefined;
    await step('start code-server and open the sample workspace', async () => {
      cs = await startCodeServer({ userDataDir: path.join(tmp, 'ui-user'), extensionsDir: extDir, workspace: ws, settings: { 'git.enabled': true } });
      started.push(cs);
      return `port ${cs.port}`;
    });
    if (cs && process.env.KS_E2E_ONLY !== 'suite' && process.env.KS_E2E_ONLY !== 'untrusted') {
      const page = await openWorkbench(browser, `${cs.url}/?folder=${encodeURIComponent(ws)}`);
      currentPage = page;
      await uiChecks(page);
      currentPage = undefined;
      await page.close();
      await cs.stop();
    }
    if (process.env.KS_E2E_ONLY !== 'suite') {
      // Workspace trust on, folder not trusted: no git, no network (test/e2e/untrusted.ts).
      const ctx = { browser, extDir, tmp, step, shot, runCommand, openFile, copySample, started, setPage: (p?: Page) => void (currentPage = p) };
      await step('untrusted-workspace scenario ran to the end', () => untrustedWorkspaceScenario(ctx));
    }
    if (process.env.KS_E2E_ONLY === 'untrusted') throw new Error('KS_E2E_ONLY=untrusted: the other UI checks and the extension-host suite were not run');

    if (process.env.KS_E2E_ONLY === 'ui') throw new Error('KS_E2E_ONLY=ui: the extension-host suite was not run');
    const installed = fs.readdirSync(extDir).find((d) => d.startsWith('kube-shepherd.kube-shepherd-'));
    if (!installed) throw new Error('installed extension directory not found');
    await suiteInExtensionHost(browser, path.join(extDir, installed), tmp);
  } catch (e) {
    results.push({ name: 'runner', ok: false, detail: (e as Error)?.stack ?? String(e), ms: 0 });
    console.log(`  ✖ runner: ${(e as Error)?.stack ?? e}`);
  } finally {
    await cleanup();
  }
  fs.writeFileSync(path.join(ARTIFACTS, 'results.json'), JSON.stringify(results, null, 2));
  const failed = results.filter((r) => !r.ok);
  console.log(`e2e: ${results.length - failed.length} passed, ${failed.length} failed; artifacts in test-artifacts/e2e/`);
  return failed.length === 0 ? 0 : 1;
}

main().then((code) => process.exit(code));
