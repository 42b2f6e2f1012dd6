// "Files Owned by…" / "My Files" in a real extension host: the command fills the "Owned by" view from the language
// server, its items open the OWNERS file at the entry, and the search action hands VS Code's Search the owned
// directories. The workspace is a copy of test/fixtures/sample-repo.
const assert = require('node:assert/strict');
const vscode = require('vscode');

const EXT_ID = 'kube-shepherd.kube-shepherd';
const { sleep } = require('./waitFor');
const show = (items) => items.map((i) => `${'  '.repeat(i.depth)}${i.label}${i.description ? ` — ${i.description}` : ''}`);

describe('Kube Shepherd: Files Owned by… (extension host)', function () {
  this.timeout(60000);

  before(async () => {
    const api = await vscode.extensions.getExtension(EXT_ID).activate();
    await api.ready;
  });

  it('an alias: the view lists the OWNERS directories that name it, with inheritance', async () => {
    const out = await vscode.commands.executeCommand('kubeShepherd.filesOwnedBy', { subject: 'sig-node-leads' });
    const rows = show(out.items);
    assert.equal(rows[0], 'sig-node-leads — alias · members: node-chair, node-lead', rows.join('\n'));
    assert.equal(rows[1], 'Approves — 1 directory', rows.join('\n'));
    assert.match(rows[2], /^ {2}pkg\/kubelet — \+ subdirectories · \d+ files$/, rows.join('\n'));
    assert.equal(rows.length, 3, rows.join('\n'));
    assert.equal(out.result.entries[0].uri, vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, 'pkg', 'kubelet', 'OWNERS').toString());
  });

  it('a login: direct and through aliases, filtered entries list their files; items open the entry line', async () => {
    const out = await vscode.commands.executeCommand('kubeShepherd.filesOwnedBy', { subject: 'frank' });
    const rows = show(out.items);
    assert.deepEqual(rows, ['frank — login', 'Approves — 1 directory', '  pkg/kubelet/cm — direct · only cpu_.*\\.go$ · 1 file', '    cpu_manager.go — pkg/kubelet/cm/cpu_manager.go']);
    const entry = out.result.entries[0];
    await vscode.commands.executeCommand('kubeShepherd.ownership.openLocation', { uri: entry.uri, line: entry.line, character: entry.character });
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor && editor.document.uri.path.endsWith('/pkg/kubelet/cm/OWNERS'));
    assert.equal(editor.selection.active.line, 7);
    assert.equal(editor.document.lineAt(7).text.trim(), '- frank');
  });

  it('a SIG: its aliases and its sigs.yaml subproject', async () => {
    const out = await vscode.commands.executeCommand('kubeShepherd.filesOwnedBy', { subject: 'sig-node' });
    const rows = show(out.items).map((r) => r.replace(/\d+ files$/, 'N files'));
    assert.deepEqual(rows, [
      'Node (sig-node) — SIG · aliases: sig-node-leads, sig-node-reviewers, sig-node-tech-leads',
      'Approves — 1 directory',
      '  pkg/kubelet — via sig-node-leads · + subdirectories · N files',
      'Reviews — 1 directory',
      '  pkg/kubelet — via sig-node-reviewers · + subdirectories · N files',
      'sigs.yaml subprojects — 1 OWNERS file',
      '  pkg/kubelet — subproject kubelet',
    ]);
  });

  it('search: VS Code Search gets the owned directories as files to include', async () => {
    await vscode.commands.executeCommand('kubeShepherd.filesOwnedBy', { subject: 'arch-chair' });
    const args = await vscode.commands.executeCommand('kubeShepherd.ownedBy.search');
    assert.deepEqual(args, { query: '', filesToInclude: './**', filesToExclude: '', triggerSearch: false });
    await vscode.commands.executeCommand('kubeShepherd.filesOwnedBy', { subject: 'dave' });
    const dave = await vscode.commands.executeCommand('kubeShepherd.ownedBy.search');
    assert.equal(dave.filesToInclude, './pkg/kubelet/**');
  });

  it('My Files without a GitHub session offers a choice; dismissing it queries nothing', async () => {
    let settled = false;
    const run = Promise.resolve(vscode.commands.executeCommand('kubeShepherd.myFiles')).finally(() => (settled = true));
    for (let i = 0; i < 50 && !settled; i++) {
      await sleep(200);
      await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
    }
    assert.equal(await run, undefined);
  });
});
