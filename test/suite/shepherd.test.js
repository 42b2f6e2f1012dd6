// "Request Shepherd" in a real extension host against the local GitHub double started by the runner
// (test/e2e/run.ts passes its URL and token in KS_GITHUB_DOUBLE / KS_GITHUB_TOKEN): the quick pick shows every
// candidate with reasons, and exactly one request reaches GitHub (the runner checks the double's record).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXT_ID = 'kube-shepherd.kube-shepherd';

describe('Kube Shepherd: Request Shepherd (extension host, GitHub double)', function () {
  this.timeout(60000);
  let api;

  before(async function () {
    assert.ok(process.env.KS_GITHUB_DOUBLE, 'the runner starts the GitHub double and passes KS_GITHUB_DOUBLE');
    api = await vscode.extensions.getExtension(EXT_ID).activate();
    await api.ready;
    await vscode.workspace.getConfiguration('kubeShepherd').update('github.baseUrl', process.env.KS_GITHUB_DOUBLE, vscode.ConfigurationTarget.Global);
    await vscode.commands.executeCommand('kubeShepherd.setGitHubToken', process.env.KS_GITHUB_TOKEN);
  });

  it('ranks with reasons, previews Prow, and posts one /cc comment on the branch pull request', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'pkg', 'kubelet', 'kubelet.go');
    await vscode.window.showTextDocument(uri);
    await vscode.commands.executeCommand('kubeShepherd.requestShepherd', { uri, pick: ['alice'], confirm: true });
    const items = api.shepherd.lastItems;
    assert.ok(items.length >= 3, `candidates shown: ${JSON.stringify(items)}`);
    for (const i of items) assert.ok(i.detail && i.detail.length > 0, `reasons shown for ${i.label}`);
    assert.ok(items.some((i) => /alice/.test(i.label) && /covers \d+ of \d+ OWNERS director/.test(i.detail)), JSON.stringify(items));
    assert.match(api.shepherd.lastTitle, /Prow would suggest/);
    assert.equal(api.shepherd.lastResult && api.shepherd.lastResult.outcome, 'sent', JSON.stringify(api.shepherd.lastResult));
    assert.match(api.shepherd.lastResult.url, /issuecomment-\d+/);
    console.log(`SHEPHERD_ITEMS=${JSON.stringify(items)}`);
  });

  it('asking again posts nothing (the marker is recognised)', async () => {
    const folder = vscode.workspace.workspaceFolders[0].uri;
    const uri = vscode.Uri.joinPath(folder, 'pkg', 'kubelet', 'kubelet.go');
    await vscode.commands.executeCommand('kubeShepherd.requestShepherd', { uri, pick: ['alice'], confirm: true });
    assert.equal(api.shepherd.lastResult && api.shepherd.lastResult.outcome, 'already-requested', JSON.stringify(api.shepherd.lastResult));
  });
});
