// Extension-host test entry (the @vscode/test-electron convention: exports run()). Used by both harnesses:
// code-server (test/e2e/run.ts, through the workbench `extensionTestsPath` payload) and VS Code (test/e2e/electron.ts).
// Writes {passes, failures, tests} to $KS_SUITE_RESULT: a missing file means the extension host died — the runner
// treats that as a failure (the workbench alone would report success: see ../shared/e2e/README.md "False pass").
const fs = require('node:fs');
const path = require('node:path');
const Mocha = require('mocha');

function run() {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec' });
  for (const f of fs.readdirSync(__dirname).filter((n) => n.endsWith('.test.js')).sort()) mocha.addFile(path.join(__dirname, f));
  return new Promise((resolve, reject) => {
    const tests = [];
    let runner;
    try {
      runner = mocha.run((failures) => {
        const out = process.env.KS_SUITE_RESULT;
        if (out) {
          fs.writeFileSync(out, JSON.stringify({ passes: tests.filter((t) => t.state === 'passed').length, failures, tests }, null, 2));
        }
        if (failures > 0) reject(new Error(`${failures} tests failed.`));
        else resolve();
      });
    } catch (e) {
      reject(e);
      return;
    }
    runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', ms: t.duration }));
    runner.on('fail', (t, err) => tests.push({ title: t.fullTitle(), state: 'failed', error: String(err && err.stack || err) }));
    runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'pending' }));
  });
}

module.exports = { run };
