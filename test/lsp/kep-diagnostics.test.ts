/**
 * Every KEP diagnostic code over the real server (stdio): a failing document reports it with the right severity, a
 * passing one does not, and each quick fix applied (edits in this or another file, files created) removes it.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  type CodeAction,
  type Diagnostic,
  type TextEdit,
} from 'vscode-languageserver/node';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { KEP_CASES, KP, RP, type KepCase } from '../fixtures/keps-lsp/cases';
import { removeWorkspace, writeWorkspace } from '../fixtures/keps-lsp/workspace';

const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));
const lang = (rel: string) => (rel.toLowerCase().endsWith('.md') ? 'markdown' : 'yaml');

/** Applies a code action: edits to the open document are returned, other files are written on disk (and reported). */
async function applyAction(client: LspClient, action: CodeAction, docRel: string, docText: string, touched: Map<string, string | undefined>): Promise<string> {
  const docUri = client.uri(docRel);
  const byUri = new Map<string, TextEdit[]>();
  const created = new Set<string>();
  for (const [uri, edits] of Object.entries(action.edit?.changes ?? {})) byUri.set(uri, [...(byUri.get(uri) ?? []), ...edits]);
  for (const c of action.edit?.documentChanges ?? []) {
    if ('kind' in c) {
      if (c.kind === 'create') created.add(c.uri);
      continue;
    }
    byUri.set(c.textDocument.uri, [...(byUri.get(c.textDocument.uri) ?? []), ...(c.edits as TextEdit[])]);
  }
  let text = docText;
  const changes: { uri: string; type: FileChangeType }[] = [];
  for (const uri of new Set([...created, ...byUri.keys()])) {
    const edits = byUri.get(uri) ?? [];
    if (uri === docUri) {
      text = LspClient.applyEdits(text, edits);
      continue;
    }
    const abs = fileURLToPath(uri);
    const exists = fs.existsSync(abs);
    if (!touched.has(abs)) touched.set(abs, exists ? fs.readFileSync(abs, 'utf8') : undefined);
    const before = exists ? fs.readFileSync(abs, 'utf8') : '';
    fs.mkdirSync(path.dirname(abs), { recursive: true });
    fs.writeFileSync(abs, LspClient.applyEdits(before, edits));
    changes.push({ uri, type: exists ? FileChangeType.Changed : FileChangeType.Created });
  }
  if (changes.length) {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    // A round trip, so that the publishes caused by the file events arrive before the next wait.
    await client.connection.sendRequest('shepherd/nextKepNumber', { folder: client.uri('') });
  }
  return text;
}

/** Puts files changed by fixes back as they were. */
async function restore(client: LspClient, touched: Map<string, string | undefined>): Promise<void> {
  const changes: { uri: string; type: FileChangeType }[] = [];
  for (const [abs, text] of touched) {
    if (text === undefined) fs.rmSync(abs, { force: true });
    else fs.writeFileSync(abs, text);
    changes.push({ uri: client.uri(path.relative(client.root, abs).split(path.sep).join('/')), type: text === undefined ? FileChangeType.Deleted : FileChangeType.Changed });
  }
  touched.clear();
  if (changes.length) {
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes });
    await client.connection.sendRequest('shepherd/nextKepNumber', { folder: client.uri('') });
  }
}

async function actionsFor(client: LspClient, rel: string, target: Diagnostic[]): Promise<CodeAction[]> {
  return (await client.request(CodeActionRequest.type, {
    textDocument: { uri: client.uri(rel) },
    range: target[0].range,
    context: { diagnostics: target, only: ['quickfix'] },
  })) as CodeAction[];
}

function assertHit(c: KepCase, ds: Diagnostic[], what: string): Diagnostic {
  const hit = ds.find((d) => d.code === c.code);
  assert.ok(hit, `${c.code} not reported for ${what}; got ${JSON.stringify(ds.map((d) => `${d.code}: ${d.message}`), null, 1)}`);
  assert.equal(hit.severity, SEVERITY[c.severity], `${c.code} severity`);
  assert.equal(hit.source, 'kube-shepherd');
  assert.ok(hit.message.length > 20, 'the message explains the finding');
  return hit;
}

describe('LSP: KEP diagnostics (real server over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;
  const touched = new Map<string, string | undefined>();

  before(async () => {
    root = writeWorkspace();
    client = await LspClient.start({ root });
  });
  after(async () => {
    await client?.stop();
    if (root) removeWorkspace(root);
  });

  it('the base workspace has no KEP errors', async () => {
    const ds = await client.open(RP, undefined, 'markdown');
    assert.deepEqual(ds.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.code), []);
    for (const [uri, p] of client.latest) {
      const errors = p.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error);
      assert.deepEqual(errors.map((d) => d.code), [], uri);
    }
    await client.close(RP);
  });

  for (const c of KEP_CASES.filter((x) => !x.workspace)) {
    it(`${c.code} (${c.path}${c.fixes ? `; fix ${c.fixes.map((f) => `"${f}"`).join(', ')}` : ''})`, async () => {
      const failing = await client.open(c.path, c.fail, lang(c.path));
      assertHit(c, failing, `failing ${c.path}`);
      for (const title of c.fixes ?? []) {
        const target = failing.filter((d) => d.code === c.code);
        const actions = await actionsFor(client, c.path, target);
        const action = actions.find((a) => a.title.startsWith(title));
        assert.ok(action, `${c.code}: no quick fix "${title}…" among ${JSON.stringify(actions.map((a) => a.title))}`);
        const fixed = await applyAction(client, action, c.path, c.fail, touched);
        const after = await client.change(c.path, fixed);
        assert.ok(!codes(after).includes(c.code), `${c.code}: still reported after "${action.title}":\n${fixed.slice(0, 2000)}\n${JSON.stringify(after, null, 1)}`);
        await restore(client, touched);
        await client.change(c.path, c.fail);
      }
      if (c.passPath) {
        await client.close(c.path);
        const passing = await client.open(c.passPath, c.pass, lang(c.passPath));
        assert.ok(!codes(passing).includes(c.code), `${c.code} reported for the passing ${c.passPath}: ${JSON.stringify(passing)}`);
        await client.close(c.passPath);
      } else {
        const passing = await client.change(c.path, c.pass);
        assert.ok(!codes(passing).includes(c.code), `${c.code} reported for the passing document:\n${c.pass.slice(0, 2000)}\n${JSON.stringify(passing, null, 1)}`);
        await client.close(c.path);
      }
      await new Promise((r) => setTimeout(r, 20));
    });
  }

  for (const c of KEP_CASES.filter((x) => x.workspace)) {
    it(`${c.code} (${c.path}; files on disk${c.fixes ? `; fix ${c.fixes.map((f) => `"${f}"`).join(', ')}` : ''})`, async () => {
      const ws = c.workspace!;
      const failRoot = writeWorkspace({ ...(c.path in ws.fail ? {} : { [c.path]: c.failBytes ?? c.fail }), ...ws.fail });
      const fc = await LspClient.start({ root: failRoot });
      try {
        // The first full publish reports files on disk; a request afterwards proves it is complete.
        await fc.open(RP, fs.existsSync(path.join(failRoot, RP)) ? undefined : '# x\n', 'markdown').catch(() => []);
        const published = fc.latest.get(fc.uri(c.path))?.diagnostics ?? [];
        assertHit(c, published, `the workspace with ${JSON.stringify(Object.keys(ws.fail))}`);
        for (const title of c.fixes ?? []) {
          const target = published.filter((d) => d.code === c.code);
          const actions = await actionsFor(fc, c.path, target);
          const action = actions.find((a) => a.title.startsWith(title));
          assert.ok(action, `${c.code}: no quick fix "${title}…" among ${JSON.stringify(actions.map((a) => a.title))}`);
          const text = fs.readFileSync(path.join(failRoot, c.path), 'utf8');
          const fixed = await applyAction(fc, action, c.path, text, new Map());
          // Edits in the document itself are checked as the editor holds them; created files were written on disk.
          const after = await fc.open(c.path, fixed, lang(c.path));
          assert.ok(!codes(after).includes(c.code), `${c.code}: still reported after "${action.title}": ${JSON.stringify(after, null, 1)}`);
        }
      } finally {
        await fc.stop();
        removeWorkspace(failRoot);
      }
      const passRoot = writeWorkspace({ [c.path]: c.pass, ...ws.pass });
      const pc = await LspClient.start({ root: passRoot });
      try {
        await pc.open(RP, undefined, 'markdown');
        const published = pc.latest.get(pc.uri(c.path))?.diagnostics ?? [];
        assert.ok(!codes(published).includes(c.code), `${c.code} reported in the passing workspace: ${JSON.stringify(published)}`);
        const opened = await pc.open(c.path, c.pass, lang(c.path));
        assert.ok(!codes(opened).includes(c.code), `${c.code} reported for the passing document: ${JSON.stringify(opened)}`);
      } finally {
        await pc.stop();
        removeWorkspace(passRoot);
      }
    });
  }

  it('README rules that compare with kep.yaml are skipped while kep.yaml does not decode', async () => {
    const kp = 'keps/sig-node/1234-sleep/kep.yaml';
    const good = fs.readFileSync(path.join(root, kp), 'utf8');
    const readmeText = fs.readFileSync(path.join(root, RP), 'utf8').replace('# KEP-1234: Sleep better', '# KEP-99: Other');
    await client.open(kp, 'title: [Sleep better\nkep-number: 1234\n', 'yaml');
    const broken = await client.open(RP, readmeText, 'markdown');
    assert.deepEqual(broken.filter((d) => d.code === 'kep/readme-h1' || d.code === 'kep/readme-title'), []);
    assert.ok(!broken.some((d) => /kep-number \./.test(d.message)), JSON.stringify(broken));
    await client.change(kp, good);
    const live = await client.change(RP, readmeText + '\n');
    assert.ok(codes(live).includes('kep/readme-h1'), JSON.stringify(live));
    await client.close(RP);
    await client.close(kp);
  });

  it('an OWNERS_ALIASES edit that drops sig-node-tech-leads re-checks the SIG Node kep.yaml files at once', async () => {
    const aliases = fs.readFileSync(path.join(root, 'OWNERS_ALIASES'), 'utf8');
    const without = aliases.replace(/ {2}sig-node-tech-leads:\n(?: {4}- .*\n)+/, '');
    assert.notEqual(without, aliases);
    const techLead = (ds: Diagnostic[]) => codes(ds).includes('kep/sig-node-tech-lead');
    await client.diagnosticsUntil(KP, (ds) => !techLead(ds));
    await client.open('OWNERS_ALIASES', without);
    const broken = await client.diagnosticsUntil(KP, techLead);
    assert.equal(broken.find((d) => d.code === 'kep/sig-node-tech-lead')?.severity, DiagnosticSeverity.Error);
    await client.change('OWNERS_ALIASES', aliases);
    await client.diagnosticsUntil(KP, (ds) => !techLead(ds));
    await client.close('OWNERS_ALIASES');
  });

  it('covers every KEP code the server can report', () => {
    const src = path.join(REPO_ROOT, 'server', 'src', 'core', 'kep');
    const found = new Set<string>();
    const walk = (d: string) => {
      for (const e of fs.readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (p.endsWith('.ts')) for (const m of fs.readFileSync(p, 'utf8').matchAll(/'(kep\/[a-z0-9-]+)'/g)) found.add(m[1]);
      }
    };
    walk(src);
    // Built from StrictProblemKind in kepYaml.ts (`kep/${kind}`).
    for (const k of ['unknown-key', 'duplicate-key', 'type-mismatch', 'empty-document', 'line-too-long', 'yaml-syntax']) found.add(`kep/${k}`);
    const tested = new Set(KEP_CASES.map((c) => c.code));
    assert.deepEqual([...found].filter((c) => !tested.has(c)).sort(), []);
  });
});
