// Ownership UI in a real extension host (code-server or VS Code): status bar, Explorer decorations, Ownership view,
// commands, diagnostics and hover — through the public VS Code API and the small test API activate() returns.
// The workspace is a copy of test/fixtures/sample-repo opened by the harness.
const assert = require('node:assert/strict');
const vscode = require('vscode');
const { until } = require('./waitFor');

const EXT_ID = 'kube-shepherd.kube-shepherd';

function folder() {
  const f = vscode.workspace.workspaceFolders && vscode.workspace.workspaceFolders[0];
  assert.ok(f, 'the harness opens the sample workspace');
  return f.uri;
}
const file = (rel) => vscode.Uri.joinPath(folder(), ...rel.split('/'));


describe('Kube Shepherd ownership (extension host)', function () {
  this.timeout(60000);
  let api;

  before(async () => {
    const ext = vscode.extensions.getExtension(EXT_ID);
    assert.ok(ext, `${EXT_ID} is installed`);
    api = await ext.activate();
    assert.ok(api && api.ownership, 'activate() returns the test API');
    console.log(`ACTIVATION_MS=${api.activationMs}`);
  });

  it('status bar: owning SIG and leaf approvers of the active file', async () => {
    await vscode.window.showTextDocument(file('pkg/kubelet/kubelet.go'));
    const text = await until('status bar text', async () => {
      const t = await api.ownership.statusBarText();
      return t === '$(organization) sig-node · 3 approvers' ? t : undefined;
    });
    assert.equal(text, '$(organization) sig-node · 3 approvers');
    const tooltip = await api.ownership.statusBarTooltip();
    assert.match(tooltip, /subproject \*\*kubelet\*\*/);
    assert.match(tooltip, /dave, node-chair, node-lead/);
    assert.match(tooltip, /Reviewers: alice, bob, carol/);
  });

  it('status bar follows the active editor; a file under a filter gets its own approvers', async () => {
    await vscode.window.showTextDocument(file('pkg/kubelet/cm/cpu_manager.go'));
    await until('cpu_manager status', async () => (await api.ownership.statusBarText()) === '$(organization) sig-node · 1 approver');
  });

  it('git: documents (the Source Control staged diff) get the status bar and the Ownership view; untitled hides it', async () => {
    // The harness makes the workspace a real repository with a staged change to cpu_manager.go (test/e2e/run.ts).
    const gitExt = vscode.extensions.getExtension('vscode.git');
    assert.ok(gitExt, 'the built-in git extension is present');
    const git = (await gitExt.activate()).getAPI(1);
    const repo = await until('the git extension opened the workspace repository', async () => git.repositories.find((r) => r.rootUri.fsPath === folder().fsPath));
    const change = await until('the staged change', async () => repo.state.indexChanges.find((c) => c.uri.path.endsWith('/pkg/kubelet/cm/cpu_manager.go')));
    // What Source Control opens for a staged change: HEAD ↔ index, both `git:` documents built by the git extension.
    const head = git.toGitUri(change.uri, 'HEAD');
    const index = git.toGitUri(change.uri, '');
    // Drop cached answers (cpu_manager.go was shown above): the server itself must map the git: URI.
    await vscode.commands.executeCommand('kubeShepherd.ownership.refresh');
    await api.ownership.statusBarText();
    await vscode.commands.executeCommand('vscode.diff', head, index, 'cpu_manager.go (Index)');
    await until('a git: editor active', async () => vscode.window.activeTextEditor && vscode.window.activeTextEditor.document.uri.scheme === 'git');
    await until('status bar for the staged diff', async () => (await api.ownership.statusBarVisible()) && (await api.ownership.statusBarText()) === '$(organization) sig-node · 1 approver');
    const items = await until('view items for the git: document', async () => {
      const it = await api.ownership.ownershipViewItems();
      return it.some((i) => i.label === 'pkg/kubelet/cm/OWNERS (nearest)') ? it : undefined;
    });
    assert.ok(items.some((i) => i.label === 'sig-node'), JSON.stringify(items.map((i) => i.label)));
    const fromGit = await api.ownership.ownersOf(head);
    const fromFile = await api.ownership.ownersOf(file('pkg/kubelet/cm/cpu_manager.go'));
    assert.deepEqual([fromGit.path, fromGit.leafApprovers, fromGit.chain.map((c) => c.uri)], [fromFile.path, fromFile.leafApprovers, fromFile.chain.map((c) => c.uri)]);

    // No working-tree file behind the document → the item hides; so do a file outside every repository and output.
    await vscode.window.showTextDocument(await vscode.workspace.openTextDocument({ content: 'scratch', language: 'plaintext' }));
    await until('status bar hidden for untitled', async () => !(await api.ownership.statusBarVisible()));
    assert.equal(await api.ownership.ownersOf(vscode.Uri.parse('output:kube-shepherd')), null);
    assert.equal(await api.ownership.ownersOf(vscode.Uri.file(require('node:path').join(require('node:os').tmpdir(), 'elsewhere.go'))), null);
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('Explorer decoration: owning SIG and leaf approvers in the tooltip; badge only with the setting', async () => {
    const d = await api.ownership.decorationFor(file('pkg/kubelet/kubelet.go'));
    assert.equal(d.tooltip, 'sig-node (kubelet), sig-architecture · approvers: dave, node-chair, node-lead');
    assert.equal(d.badge, undefined);
    const dir = await api.ownership.decorationFor(file('pkg/kubelet'));
    assert.match(dir.tooltip, /^sig-node \(kubelet\)/);
    await vscode.workspace.getConfiguration('kubeShepherd').update('explorer.badges', true, vscode.ConfigurationTarget.Workspace);
    try {
      assert.equal((await api.ownership.decorationFor(file('pkg/kubelet/kubelet.go'))).badge, 'N');
    } finally {
      await vscode.workspace.getConfiguration('kubeShepherd').update('explorer.badges', undefined, vscode.ConfigurationTarget.Workspace);
    }
  });

  it('Ownership view: SIG with evidence and contacts, layered approvers, reviewers, labels, OWNERS chain, emeritus', async () => {
    await vscode.window.showTextDocument(file('pkg/kubelet/kubelet.go'));
    const items = await until('view items', async () => {
      const it = await api.ownership.ownershipViewItems();
      return it.some((i) => i.label === 'sig-node') ? it : undefined;
    });
    const labels = items.map((i) => `${'  '.repeat(i.depth)}${i.label}${i.description ? ` — ${i.description}` : ''}`);
    const has = (re) => assert.ok(labels.some((l) => re.test(l)), `${re} in\n${labels.join('\n')}`);
    has(/^SIGs \(2\) — via sigs\.yaml subproject$/);
    has(/^  sig-node — Node · subproject kubelet$/);
    has(/^    sigs\.yaml subproject — pkg\/kubelet\/OWNERS:1$/);
    has(/^    Slack #sig-node — https:\/\/kubernetes\.slack\.com\/messages\/sig-node$/);
    has(/^    Meeting — Regular SIG Meeting: Tuesday 10:00/);
    has(/^Approvers — 6$/);
    has(/^  pkg\/kubelet\/OWNERS \(nearest\) — 3 approvers$/);
    has(/^    node-chair$/);
    has(/^Reviewers — 4$/);
    has(/^Labels — 3$/);
    has(/^OWNERS chain — 2 files$/);
    has(/^    sig-node-leads — approvers · line 2 · alias: node-chair, node-lead$/);
    has(/^  old-timer — emeritus approver · pkg\/kubelet\/OWNERS:7 · no longer counts$/);
    has(/^sigs\.yaml — sigs\.yaml in workspace folder /);
  });

  it('"Show Owners" for a file chosen in the Explorer (context-menu command)', async () => {
    await vscode.commands.executeCommand('kubeShepherd.showOwnersOf', file('README.md'));
    const items = await api.ownership.ownershipViewItems();
    assert.ok(items.some((i) => i.label === 'sig-architecture' && /subproject sample-root/.test(i.description || '')), JSON.stringify(items));
    await vscode.commands.executeCommand('kubeShepherd.showOwners');
  });

  it('refreshes when an OWNERS file changes (unsaved edit), and back', async () => {
    const owners = await vscode.workspace.openTextDocument(file('pkg/kubelet/OWNERS'));
    await vscode.window.showTextDocument(file('pkg/kubelet/kubelet.go'));
    const edit = new vscode.WorkspaceEdit();
    const line = owners.getText().split('\n').indexOf('  - dave');
    assert.ok(line > 0);
    edit.insert(owners.uri, new vscode.Position(line + 1, 0), '  - erin\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until('4 approvers after the edit', async () => (await api.ownership.statusBarText()) === '$(organization) sig-node · 4 approvers');
    const undo = new vscode.WorkspaceEdit();
    undo.delete(owners.uri, new vscode.Range(line + 1, 0, line + 2, 0));
    assert.ok(await vscode.workspace.applyEdit(undo));
    await until('3 approvers again', async () => (await api.ownership.statusBarText()) === '$(organization) sig-node · 3 approvers');
  });

  it('diagnostics of a broken OWNERS file', async () => {
    const uri = file('docs/OWNERS');
    await vscode.workspace.openTextDocument(uri);
    const d = await until('diagnostics', () => vscode.languages.getDiagnostics(uri).find((x) => String(x.code && x.code.value !== undefined ? x.code.value : x.code) === 'owners/yaml11-scalar'));
    assert.equal(d.range.start.line, 1);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Warning);
  });

  it('an editor hover in OWNERS', async () => {
    const uri = file('docs/OWNERS');
    const doc = await vscode.workspace.openTextDocument(uri);
    const line = doc.getText().split('\n').findIndex((l) => l.includes('docs-writer'));
    const hovers = await until('hover', async () => {
      const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(line, 6));
      return h && h.length > 0 ? h : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /docs-writer/);
  });
});
