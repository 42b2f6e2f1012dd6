// "Kube Shepherd: New KEP…" in a real extension host: the scaffold lands in the workspace and the language server
// reports no Error on it (the same verdict `kube-shepherd check` gives).
const assert = require('node:assert/strict');
const vscode = require('vscode');

const { sleep } = require('./waitFor');

describe('Kube Shepherd: New KEP… (extension host)', function () {
  this.timeout(60000);

  it('scaffolds keps/<sig>/<n>-<name>/ with README, kep.yaml and PRR file, free of Errors', async () => {
    const api = await vscode.extensions.getExtension('kube-shepherd.kube-shepherd').activate();
    await api.ready;
    const r = await vscode.commands.executeCommand('kubeShepherd.newKep', { sig: 'sig-node', name: 'e2e-scaffold', title: 'E2E scaffold', authors: ['@alice'], withPrr: true });
    assert.ok(r && r.files, `scaffold result: ${JSON.stringify(r)}`);
    const paths = r.files.map((f) => f.path).sort();
    assert.ok(paths.some((p) => /^keps\/sig-node\/\d+-e2e-scaffold\/README\.md$/.test(p)), paths.join(', '));
    assert.ok(paths.some((p) => /^keps\/sig-node\/\d+-e2e-scaffold\/kep\.yaml$/.test(p)));
    assert.ok(paths.some((p) => /^keps\/prod-readiness\/sig-node\/\d+\.yaml$/.test(p)));
    for (const f of r.files) {
      const uri = vscode.Uri.parse(f.uri);
      await vscode.workspace.fs.stat(uri);
      const doc = await vscode.workspace.openTextDocument(uri);
      assert.equal(doc.getText(), f.content);
    }
    const kep = vscode.Uri.parse(r.files.find((f) => f.path.endsWith('kep.yaml')).uri);
    await vscode.window.showTextDocument(kep);
    await sleep(1500);
    for (const f of r.files) {
      const errors = vscode.languages.getDiagnostics(vscode.Uri.parse(f.uri)).filter((d) => d.severity === vscode.DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => `${d.code}: ${d.message}`), [], f.path);
    }
  });
});
