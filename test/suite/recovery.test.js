// The language server dies (SIGKILL, as on a crash or the OOM killer) in a real extension host: the client starts a
// new server process and the UI recovers — status bar, diagnostics, edits after the restart, and the sigs.yaml setting
// the server only knows from a one-off client notification. When restarts run out, the client gives up with a clear
// message, and its "Restart Server" action brings everything back. (client/src/serverRecovery.ts)
const assert = require('node:assert/strict');
const { execFileSync } = require('node:child_process');
const vscode = require('vscode');
const { sleep, until: waitUntil } = require('./waitFor');
// Restarts take longer than the other waits.
const until = (what, fn) => waitUntil(what, fn, 30000);

const EXT_ID = 'kube-shepherd.kube-shepherd';
const MAX_RESTARTS = 4;
const STATE_RUNNING = 2; // vscode-languageclient State.Running

const file = (rel) => vscode.Uri.joinPath(vscode.workspace.workspaceFolders[0].uri, ...rel.split('/'));


/** PIDs of the language servers this extension host started (they are given our PID as --clientProcessId). */
function serverPids() {
  return execFileSync('ps', ['-A', '-ww', '-o', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((l) => /dist\/cli\.js lsp/.test(l) && l.includes(`--clientProcessId=${process.pid}`))
    .map((l) => Number(l.trim().split(/\s+/)[0]));
}

async function runningServer(api, notPid) {
  return until('a running language server', async () => {
    const pids = serverPids();
    return api.client.state === STATE_RUNNING && pids.length === 1 && pids[0] !== notPid ? pids[0] : undefined;
  });
}

function yaml11Count(uri) {
  return vscode.languages.getDiagnostics(uri).filter((d) => String(d.code && typeof d.code === 'object' ? d.code.value : d.code) === 'owners/yaml11-scalar').length;
}

async function ownersFromServer(api, rel) {
  // Drop the client's cached answers, so what follows comes from the server now running.
  await vscode.commands.executeCommand('kubeShepherd.ownership.refresh');
  return api.ownership.ownersOf(file(rel));
}

describe('Kube Shepherd: language server restart and UI recovery (extension host)', function () {
  this.timeout(180000);
  let api;

  before(async () => {
    api = await vscode.extensions.getExtension(EXT_ID).activate();
    await api.ready;
    await runningServer(api);
  });

  after(async () => {
    await vscode.workspace.getConfiguration('kubeShepherd').update('sigsYaml', undefined, vscode.ConfigurationTarget.Global);
  });

  it('a killed server is restarted; status bar, diagnostics, edits and the sigs.yaml setting come back', async () => {
    // A setting the server learns only from the client's notification: it must reach the new process too.
    await vscode.workspace.getConfiguration('kubeShepherd').update('sigsYaml', 'sigs.yaml', vscode.ConfigurationTarget.Global);
    await until('sigs.yaml from the setting', async () => (await ownersFromServer(api, 'pkg/kubelet/kubelet.go'))?.sigsSource.kind === 'setting');
    const owners = file('docs/OWNERS');
    const doc = await vscode.workspace.openTextDocument(owners);
    await vscode.window.showTextDocument(doc);
    await until('diagnostics of docs/OWNERS', () => yaml11Count(owners) === 1);
    const restartsBefore = api.recovery.restarts;

    const pid = await runningServer(api);
    process.kill(pid, 'SIGKILL');
    const newPid = await runningServer(api, pid);
    assert.notEqual(newPid, pid);
    assert.equal(api.recovery.restarts, restartsBefore + 1);
    assert.equal(api.recovery.gaveUp, undefined);

    // Status bar and ownership from the new process, with the sigs.yaml setting it was re-sent.
    await vscode.window.showTextDocument(file('pkg/kubelet/kubelet.go'));
    const after = await until('ownership from the new server', async () => {
      const r = await ownersFromServer(api, 'pkg/kubelet/kubelet.go');
      return r && r.sigsSource.kind === 'setting' ? r : undefined;
    }, 15000).catch(async (e) => {
      const r = await ownersFromServer(api, 'pkg/kubelet/kubelet.go');
      throw new Error(`${e.message}; sigs source after the restart: ${JSON.stringify(r && r.sigsSource)}`);
    });
    assert.deepEqual(after.sigs.map((s) => s.id), ['sig-node', 'sig-architecture']);
    await until('status bar after the restart', async () => (await api.ownership.statusBarText()) === '$(organization) sig-node · 3 approvers');

    // Diagnostics: republished by the new server, and an edit made after the restart is checked by it.
    await vscode.window.showTextDocument(doc);
    await until('diagnostics after the restart', () => yaml11Count(owners) === 1);
    const edit = new vscode.WorkspaceEdit();
    edit.insert(owners, new vscode.Position(doc.lineCount, 0), doc.getText().endsWith('\n') ? '  - no\n' : '\n  - no\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    await until('a diagnostic for the edit made after the restart', () => yaml11Count(owners) === 2);
    await vscode.commands.executeCommand('workbench.action.files.revert');
    await until('diagnostics after the revert', () => yaml11Count(owners) === 1);
  });

  it(`after ${MAX_RESTARTS} restarts within 3 minutes it gives up with a clear message; "Restart Server" recovers`, async () => {
    let pid = await runningServer(api);
    let kills = 0;
    while (api.recovery.gaveUp === undefined && kills <= MAX_RESTARTS + 1) {
      process.kill(pid, 'SIGKILL');
      kills++;
      await until('the client to restart the server or give up', async () => {
        if (api.recovery.gaveUp !== undefined) return 'gave up';
        const pids = serverPids();
        return api.client.state === STATE_RUNNING && pids.length === 1 && pids[0] !== pid ? 'restarted' : undefined;
      });
      if (api.recovery.gaveUp === undefined) pid = serverPids()[0];
    }
    assert.ok(api.recovery.gaveUp, `still restarting after ${kills} kills`);
    assert.equal(api.recovery.restarts, MAX_RESTARTS, 'every crash before giving up was restarted');
    assert.match(api.recovery.gaveUp, /stopped 5 times within 3 minutes/);
    assert.match(api.recovery.gaveUp, /diagnostics.*unavailable until it runs/);
    await sleep(500);
    assert.deepEqual(serverPids(), [], 'no server process left');
    assert.notEqual(api.client.state, STATE_RUNNING);

    await api.recovery.restart();
    await runningServer(api, pid);
    assert.equal(api.recovery.gaveUp, undefined);
    await vscode.window.showTextDocument(file('pkg/kubelet/kubelet.go'));
    await until('status bar after the manual restart', async () => {
      await vscode.commands.executeCommand('kubeShepherd.ownership.refresh');
      return (await api.ownership.statusBarText()) === '$(organization) sig-node · 3 approvers';
    });
    assert.equal((await ownersFromServer(api, 'pkg/kubelet/kubelet.go')).sigsSource.kind, 'setting', 'settings re-sent after a manual restart too');
  });
});
