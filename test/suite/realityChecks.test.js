// GitHub reality checks in a real extension host against the local GitHub double started by the runner
// (test/e2e/run.ts passes KS_GITHUB_DOUBLE / KS_GITHUB_TOKEN). The double knows no users and no `example` org, so
// every login of the sample repository is an unknown account. Off by default; opting in and out shows and clears them.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { sleep, until } = require('./waitFor');

const EXT_ID = 'kube-shepherd.kube-shepherd';
const SOURCE = 'Kube Shepherd (GitHub)';


const githubFindings = (uri) => vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
const codeOf = (d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code);

describe('Kube Shepherd: GitHub reality checks (extension host, GitHub double)', function () {
  this.timeout(60000);
  const settings = () => vscode.workspace.getConfiguration('kubeShepherd');
  let uri;
  let api;

  before(async () => {
    assert.ok(process.env.KS_GITHUB_DOUBLE, 'the runner starts the GitHub double and passes KS_GITHUB_DOUBLE');
    api = await vscode.extensions.getExtension(EXT_ID).activate();
    await api.ready;
    await settings().update('github.baseUrl', process.env.KS_GITHUB_DOUBLE, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('kubeShepherd.setGitHubToken', process.env.KS_GITHUB_TOKEN);
    uri = vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'OWNERS');
    await vscode.window.showTextDocument(uri);
  });

  after(async () => {
    await settings().update('githubChecks.enabled', undefined, vscode.ConfigurationTarget.Global);
  });

  it('off by default: no GitHub findings', async () => {
    assert.equal(settings().get('githubChecks.enabled'), false);
    // Longer than the debounce: a run would have published by now.
    await sleep(2500);
    assert.deepEqual(githubFindings(uri), []);
  });

  it('opted in: logins GitHub does not know are warned about on their entries', async () => {
    await settings().update('githubChecks.enabled', true, vscode.ConfigurationTarget.Global);
    // A run on demand (the debounced one may be under way: then wait for it) says why, if it cannot run.
    const res = await until('a run', async () => {
      const r = await api.reality.run();
      return r.ran || r.reason !== 'busy' ? r : undefined;
    });
    assert.equal(res.ran, true, JSON.stringify(res));
    const found = await until('github/unknown-login on OWNERS', () => {
      const f = githubFindings(uri);
      return f.length >= 2 ? f : undefined;
    });
    assert.deepEqual(found.map(codeOf).sort(), ['github/unknown-login', 'github/unknown-login']);
    assert.ok(found.every((d) => d.severity === vscode.DiagnosticSeverity.Warning));
    const doc = await vscode.workspace.openTextDocument(uri);
    assert.deepEqual(found.map((d) => doc.getText(d.range)).sort(), ['root-approver', 'root-reviewer']);
    console.log(`REALITY_FINDINGS=${JSON.stringify(found.map((d) => d.message))}`);
  });

  it('opting out clears them', async () => {
    await settings().update('githubChecks.enabled', false, vscode.ConfigurationTarget.Global);
    await until('no GitHub findings', () => githubFindings(uri).length === 0);
  });
});
