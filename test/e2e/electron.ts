/**
 * The same extension-host suite (test/suite) in desktop VS Code via @vscode/test-electron, for machines that can
 * download VS Code (`node --import tsx test/e2e/electron.ts`). Offline machines use test/e2e/run.ts (code-server).
 * Guards the false pass like run.ts: the suite must write its result file.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { copySample } from './sampleWorkspace';

const REPO_ROOT = path.resolve(__dirname, '..', '..');

async function main(): Promise<number> {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-electron-'));
  // The same workspace as the code-server run (the Source Control tests need its git history).
  const ws = copySample(tmp, { history: true });
  const resultFile = path.join(tmp, 'suite-result.json');
  try {
    await runTests({
      version: process.env.KS_VSCODE_VERSION ?? 'stable',
      extensionDevelopmentPath: REPO_ROOT,
      extensionTestsPath: path.join(REPO_ROOT, 'test', 'suite', 'index.js'),
      extensionTestsEnv: { KS_SUITE_RESULT: resultFile },
      launchArgs: [ws, '--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes', `--user-data-dir=${path.join(tmp, 'user')}`],
    });
    if (!fs.existsSync(resultFile)) throw new Error('the suite wrote no result file: the extension host did not finish the run');
    const r = JSON.parse(fs.readFileSync(resultFile, 'utf8')) as { passes: number; failures: number };
    console.log(`electron: ${r.passes} passed, ${r.failures} failed`);
    return r.failures === 0 && r.passes > 0 ? 0 : 1;
  } catch (e) {
    console.error(`electron: ${(e as Error)?.message ?? e}`);
    return 1;
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then((c) => process.exit(c));
