/**
 * Rule control over the real server (stdio), in a temporary workspace with OWNERS, OWNERS_ALIASES and a small KEP
 * tree: in-file suppressions (next line, whole file, unused, the quick fix, an upstream-mirroring Error that CI still
 * reports), `.kube-shepherd.yaml` (severity change, rule off, invalid config with a range), `codeDescription` links
 * to existing docs/rules.md headings, and the `shepherd/rulesForFile` request.
 */
import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionRequest,
  DiagnosticSeverity,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  RequestType,
  type CodeAction,
  type Diagnostic,
} from 'vscode-languageserver/node';
import type { RulesForFileParams, RulesForFileResult } from '../../server/src/lsp/rulesForFile';
import { removeWorkspace, writeWorkspace } from '../fixtures/keps-lsp/workspace';
import { LspClient, REPO_ROOT, SERVER_JS } from '../support/lspClient';
import { githubAnchor } from '../support/githubAnchor';

const ROOT_OWNERS = 'approvers:\n  - sig-node-leads\nreviewers:\n  - alice\n';
/** duplicate-entry on line 2, emeritus-also-approver on line 3 (both Warnings). */
const PKG_OWNERS = 'approvers:\n  - alice\n  - alice\n  - carol\nemeritus_approvers:\n  - carol\n';
const LABELS_YAML = 'default:\n  labels:\n    - name: sig/node\n      description: SIG Node.\n';

const RulesForFile = new RequestType<RulesForFileParams, RulesForFileResult | null, void>('shepherd/rulesForFile');

const DOC_ANCHORS = new Set(
  fs
    .readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8')
    .split('\n')
    .filter((l) => /^#{1,6}\s/.test(l))
    .map((l) => githubAnchor(l.replace(/^#+\s+/, ''))),
);

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

function find(ds: Diagnostic[], code: string): Diagnostic {
  const d = ds.find((x) => x.code === code);
  assert.ok(d, `${code} not reported; got ${JSON.stringify(ds, null, 1)}`);
  return d;
}

function anchorOf(href: string): string {
  return decodeURIComponent(href.slice(href.indexOf('#') + 1));
}

describe('LSP: rule control (suppressions, .kube-shepherd.yaml, rule docs)', function () {
  this.timeout(40_000);
  let root: string;
  let client: LspClient;

  const write = (rel: string, text: string) => fs.writeFileSync(path.join(root, ...rel.split('/')), text);
  const watched = (rel: string, type: FileChangeType) =>
    client.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
      changes: [{ uri: client.uri(rel), type }],
    });

  before(async () => {
    root = writeWorkspace({
      OWNERS: ROOT_OWNERS,
      'pkg/OWNERS': PKG_OWNERS,
      'pkg/a.go': 'package a\n',
      'label_sync/labels.yaml': LABELS_YAML,
    });
    client = await LspClient.start({ root });
  });
  after(async () => {
    await client?.stop();
    if (root) removeWorkspace(root);
  });

  it('the workspace reports the two pkg/OWNERS Warnings and nothing on the root OWNERS', async () => {
    const pkg = await client.diagnostics('pkg/OWNERS');
    assert.deepEqual(codes(pkg).sort(), ['owners/duplicate-entry', 'owners/emeritus-also-approver']);
    for (const d of pkg) assert.equal(d.severity, DiagnosticSeverity.Warning);
    const top = await client.open('OWNERS');
    assert.deepEqual(codes(top), []);
    const settled = client.nextDiagnostics('OWNERS');
    await client.close('OWNERS');
    await settled;
  });

  describe('suppressions', () => {
    afterEach(async () => {
      const settled = client.nextDiagnostics('pkg/OWNERS').catch(() => []);
      await client.close('pkg/OWNERS');
      await settled;
    });

    it('next-line: the diagnostic below the comment is gone, the others stay', async () => {
      const text =
        'approvers:\n  - alice\n  # kube-shepherd-disable-next-line owners/duplicate-entry\n  - alice\n  - carol\nemeritus_approvers:\n  - carol\n';
      const ds = await client.open('pkg/OWNERS', text);
      assert.deepEqual(codes(ds), ['owners/emeritus-also-approver'], JSON.stringify(ds));
    });

    it('file-wide: the code is gone everywhere in the file, the others stay', async () => {
      const text = `# kube-shepherd-disable owners/emeritus-also-approver, owners/malformed-login\n${PKG_OWNERS}`;
      const ds = await client.open('pkg/OWNERS', text);
      assert.deepEqual(codes(ds), ['owners/duplicate-entry'], JSON.stringify(ds));
    });

    it('a suppression that suppresses nothing is reported as suppression/unused (Warning, with a removal fix)', async () => {
      const text = `approvers:\n  - alice\n  # kube-shepherd-disable-next-line owners/undefined-alias\n  - carol\nemeritus_approvers:\n  - dave\n`;
      const ds = await client.open('pkg/OWNERS', text);
      const unused = find(ds, 'suppression/unused');
      assert.equal(unused.severity, DiagnosticSeverity.Warning);
      assert.equal(unused.range.start.line, 2);
      assert.match(unused.message, /owners\/undefined-alias/);
      const actions = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: client.uri('pkg/OWNERS') },
        range: unused.range,
        context: { diagnostics: [unused], only: ['quickfix'] },
      })) as CodeAction[];
      const remove = actions.find((a) => a.title === 'Remove the unused suppression');
      assert.ok(remove, JSON.stringify(actions.map((a) => a.title)));
      const after = await client.change('pkg/OWNERS', LspClient.applyEdits(text, client.editsFor(remove.edit, 'pkg/OWNERS')));
      assert.deepEqual(codes(after), []);
    });

    it('the "Suppress <code> on this line" quick fix applied makes the diagnostic go away (and is not unused)', async () => {
      const ds = await client.open('pkg/OWNERS', PKG_OWNERS);
      const dup = find(ds, 'owners/duplicate-entry');
      const actions = (await client.request(CodeActionRequest.type, {
        textDocument: { uri: client.uri('pkg/OWNERS') },
        range: dup.range,
        context: { diagnostics: [dup], only: ['quickfix'] },
      })) as CodeAction[];
      const suppress = actions.find((a) => a.title === 'Suppress owners/duplicate-entry on this line');
      assert.ok(suppress, JSON.stringify(actions.map((a) => a.title)));
      const fixed = LspClient.applyEdits(PKG_OWNERS, client.editsFor(suppress.edit, 'pkg/OWNERS'));
      assert.match(fixed, /^ {2}# kube-shepherd-disable-next-line owners\/duplicate-entry\n {2}- alice$/m);
      const after = await client.change('pkg/OWNERS', fixed);
      assert.deepEqual(codes(after), ['owners/emeritus-also-approver'], fixed);
    });
  });

  it('an upstream Error suppressed in the editor becomes suppression/upstream-still-fails; the CLI still fails on it', async () => {
    const text = `${ROOT_OWNERS}labels:\n  # kube-shepherd-disable-next-line owners/banned-label\n  - approved\n`;
    // Without the suppression: the Error, naming the upstream check.
    const raw = await client.open('OWNERS', text.replace(/ *# kube-shepherd-disable-next-line owners\/banned-label\n/, ''));
    assert.equal(find(raw, 'owners/banned-label').severity, DiagnosticSeverity.Error);
    const ds = await client.change('OWNERS', text);
    assert.ok(!codes(ds).includes('owners/banned-label'), JSON.stringify(ds));
    assert.ok(!codes(ds).includes('suppression/unused'), 'the suppression is used');
    const note = find(ds, 'suppression/upstream-still-fails');
    assert.equal(note.severity, DiagnosticSeverity.Information);
    assert.equal(note.range.start.line, 6);
    assert.match(note.message, /owners\/banned-label/);
    assert.match(note.message, /CI/);

    write('OWNERS', text);
    try {
      const r = spawnSync(process.execPath, [SERVER_JS, 'check', '--root', root, '--format', 'json'], { encoding: 'utf8' });
      assert.equal(r.status, 1, `exit status; stderr: ${r.stderr}`);
      const findings = r.stdout
        .split('\n')
        .filter((l) => l.trim())
        .map(
          (l) =>
            JSON.parse(l) as {
              file: string;
              code: string;
              severity: string;
              range: { start: { line: number } };
            },
        );
      const banned = findings.find((f) => f.file === 'OWNERS' && f.code === 'owners/banned-label');
      assert.ok(banned, `the CLI does not report owners/banned-label:\n${r.stdout}`);
      assert.equal(banned.severity, 'error');
      assert.equal(banned.range.start.line, 6);
      assert.ok(!findings.some((f) => f.code === 'suppression/upstream-still-fails' || f.code === 'suppression/unused'), r.stdout);
    } finally {
      write('OWNERS', ROOT_OWNERS);
      const settled = client.nextDiagnostics('OWNERS').catch(() => []);
      await client.close('OWNERS');
      await settled;
    }
  });

  it('publishes for an open document carry its version; after close they carry none', async () => {
    await client.open('pkg/OWNERS');
    await client.change('pkg/OWNERS', PKG_OWNERS + '# edit\n');
    const versions = client.log.filter((p) => p.uri === client.uri('pkg/OWNERS')).map((p) => p.version);
    assert.equal(versions.at(-1), 2, JSON.stringify(versions));
    const closed = client.nextDiagnostics('pkg/OWNERS');
    await client.close('pkg/OWNERS');
    await closed;
    assert.equal(client.latest.get(client.uri('pkg/OWNERS'))?.version, undefined);
  });

  describe('.kube-shepherd.yaml', () => {
    const CONFIG = 'rules:\n  owners/duplicate-entry: error\n  owners/emeritus-also-approver: off\n';

    it('a severity change (warning → error) and a rule turned off take effect in files that are not open', async () => {
      write('.kube-shepherd.yaml', CONFIG);
      const next = client.nextDiagnostics('pkg/OWNERS');
      await watched('.kube-shepherd.yaml', FileChangeType.Created);
      const ds = await next;
      assert.deepEqual(codes(ds), ['owners/duplicate-entry'], JSON.stringify(ds));
      assert.equal(ds[0].severity, DiagnosticSeverity.Error);
    });

    it('a change of the file on disk re-publishes the repository (rule back on, severity information)', async () => {
      write('.kube-shepherd.yaml', 'rules:\n  owners/duplicate-entry: information\n');
      const next = client.nextDiagnostics('pkg/OWNERS');
      await watched('.kube-shepherd.yaml', FileChangeType.Changed);
      const ds = await next;
      assert.equal(find(ds, 'owners/duplicate-entry').severity, DiagnosticSeverity.Information);
      assert.equal(find(ds, 'owners/emeritus-also-approver').severity, DiagnosticSeverity.Warning);
    });

    it('an invalid config is reported on .kube-shepherd.yaml with a range on the offending line; defaults apply', async () => {
      const bad = 'upcomingRelease: 37\nrules:\n  owners/duplicate-entry: loud\n';
      const pkg = client.nextDiagnostics('pkg/OWNERS');
      const ds = await client.open('.kube-shepherd.yaml', bad, 'yaml');
      const invalid = find(ds, 'config/invalid');
      assert.equal(invalid.severity, DiagnosticSeverity.Error);
      assert.equal(invalid.range.start.line, 2, JSON.stringify(invalid));
      assert.equal(invalid.range.end.line, 2);
      assert.ok(invalid.range.end.character > invalid.range.start.character);
      assert.match(invalid.message, /one of/);
      // The file is ignored: pkg/OWNERS is back to the defaults.
      const defaults = await pkg;
      assert.deepEqual(codes(defaults).sort(), ['owners/duplicate-entry', 'owners/emeritus-also-approver']);
      for (const d of defaults) assert.equal(d.severity, DiagnosticSeverity.Warning);
    });

    it('closing it and deleting it restores the defaults', async () => {
      let pkg = client.nextDiagnostics('pkg/OWNERS');
      await client.close('.kube-shepherd.yaml');
      // The disk version (duplicate-entry: information) applies again.
      assert.equal(find(await pkg, 'owners/duplicate-entry').severity, DiagnosticSeverity.Information);
      fs.rmSync(path.join(root, '.kube-shepherd.yaml'));
      pkg = client.nextDiagnostics('pkg/OWNERS');
      await watched('.kube-shepherd.yaml', FileChangeType.Deleted);
      const ds = await pkg;
      for (const d of ds) assert.equal(d.severity, DiagnosticSeverity.Warning);
      assert.equal(ds.length, 2);
    });
  });

  describe('shepherd/rulesForFile', () => {
    const ask = (rel: string) => client.request(RulesForFile, { uri: client.uri(rel) });

    it('a KEP README: its rules and the files that govern it (OWNERS chain, aliases, sigs.yaml, template, kep.yaml, PRR)', async () => {
      const r = await ask('keps/sig-node/1234-sleep/README.md');
      assert.ok(r);
      assert.equal(r.kind, 'KEP README');
      assert.equal(r.path, 'keps/sig-node/1234-sleep/README.md');
      const ruleCodes = r.rules.map((x) => x.code);
      for (const c of ['kep/toc-stale', 'kep/template-heading', 'kep/unresolved', 'suppression/unused'])
        assert.ok(ruleCodes.includes(c), c);
      assert.ok(!ruleCodes.some((c) => c.startsWith('owners/') || c === 'kep/prr-orphan'), ruleCodes.join(', '));
      const byRole = Object.fromEntries(r.governing.map((g) => [g.role, g]));
      assert.deepEqual(
        r.governing.map((g) => [g.role, g.path, g.exists]),
        [
          ['OWNERS', 'OWNERS', true],
          ['OWNERS_ALIASES', 'OWNERS_ALIASES', true],
          ['sigs.yaml', 'sigs.yaml', true],
          ['labels.yaml', 'label_sync/labels.yaml', true],
          ['template', 'keps/NNNN-kep-template/README.md', true],
          ['kep.yaml', 'keps/sig-node/1234-sleep/kep.yaml', true],
          ['PRR', 'keps/prod-readiness/sig-node/1234.yaml', true],
        ],
      );
      assert.equal(byRole.PRR.uri, client.uri('keps/prod-readiness/sig-node/1234.yaml'));
    });

    it('an OWNERS file: the owners/* rules, its parent chain (not itself)', async () => {
      const r = await ask('pkg/OWNERS');
      assert.ok(r);
      assert.equal(r.kind, 'OWNERS');
      const ruleCodes = r.rules.map((x) => x.code);
      for (const c of ['owners/duplicate-entry', 'owners/banned-label', 'owners/root-no-approvers', 'suppression/upstream-still-fails'])
        assert.ok(ruleCodes.includes(c), c);
      assert.ok(!ruleCodes.some((c) => c.startsWith('kep/') && c !== 'kep/sig-node-owners'), ruleCodes.join(', '));
      assert.deepEqual(
        r.governing.filter((g) => g.role === 'OWNERS').map((g) => g.path),
        ['OWNERS'],
      );
    });

    it('a file in pkg/: the OWNERS chain nearest first; no rules apply', async () => {
      const r = await ask('pkg/a.go');
      assert.ok(r);
      assert.equal(r.kind, 'other');
      assert.deepEqual(r.rules, []);
      assert.deepEqual(
        r.governing.filter((g) => g.role === 'OWNERS').map((g) => g.uri),
        [client.uri('pkg/OWNERS'), client.uri('OWNERS')],
      );
    });

    it('OWNERS_ALIASES, kep.yaml (missing PRR file listed as missing), a PRR file, .kube-shepherd.yaml', async () => {
      const aliases = await ask('OWNERS_ALIASES');
      assert.equal(aliases?.kind, 'OWNERS_ALIASES');
      assert.ok(aliases.rules.some((x) => x.code === 'aliases/empty-group'));
      assert.ok(!aliases.governing.some((g) => g.path === 'OWNERS_ALIASES'));

      const kep = await ask('keps/sig-apps/2000-apps-thing/kep.yaml');
      assert.equal(kep?.kind, 'kep.yaml');
      assert.ok(kep.rules.some((x) => x.code === 'kep/prr-missing'));
      const prr = kep.governing.find((g) => g.role === 'PRR');
      assert.deepEqual(prr && [prr.path, prr.exists], ['keps/prod-readiness/sig-apps/2000.yaml', false]);
      assert.ok(!kep.governing.some((g) => g.role === 'kep.yaml'));

      const prrFile = await ask('keps/prod-readiness/sig-node/1234.yaml');
      assert.equal(prrFile?.kind, 'PRR');
      assert.ok(prrFile.rules.some((x) => x.code === 'kep/prr-orphan'));
      assert.equal(prrFile.governing.find((g) => g.role === 'kep.yaml')?.path, 'keps/sig-node/1234-sleep/kep.yaml');

      const config = await ask('.kube-shepherd.yaml');
      assert.equal(config?.kind, 'other');
      assert.ok(config.rules.some((x) => x.code === 'config/invalid'));
    });

    it('every rule has its docs/rules.md link and a summary; a URI outside the workspace answers null', async () => {
      for (const rel of [
        'OWNERS',
        'OWNERS_ALIASES',
        'keps/sig-node/1234-sleep/kep.yaml',
        'keps/sig-node/1234-sleep/README.md',
        'keps/prod-readiness/sig-node/1234.yaml',
      ]) {
        const r = await ask(rel);
        assert.ok(r && r.rules.length > 0, rel);
        for (const rule of r.rules) {
          assert.ok(DOC_ANCHORS.has(anchorOf(rule.url)), `${rule.code}: ${rule.url} has no heading in docs/rules.md`);
          assert.ok(rule.summary.length > 0 && rule.severity.length > 0, rule.code);
        }
      }
      assert.equal(
        await client.request(RulesForFile, {
          uri: 'file:///nowhere/at/all/OWNERS',
        }),
        null,
      );
    });
  });

  // A suite of its own so that it runs last (mocha runs a suite's own tests before its child suites).
  describe('rule docs', () => {
    it('every diagnostic seen carries codeDescription.href to an existing docs/rules.md heading', () => {
      const seen = new Map<string, string>();
      for (const p of client.log) {
        for (const d of p.diagnostics) {
          const href = d.codeDescription?.href;
          assert.ok(href, `${d.code} on ${p.uri} has no codeDescription`);
          assert.ok(DOC_ANCHORS.has(anchorOf(href)), `${d.code}: ${href} has no heading in docs/rules.md`);
          assert.equal(anchorOf(href), githubAnchor(String(d.code)));
          seen.set(String(d.code), href);
        }
      }
      for (const c of [
        'owners/duplicate-entry',
        'owners/emeritus-also-approver',
        'owners/banned-label',
        'suppression/unused',
        'suppression/upstream-still-fails',
        'config/invalid',
      ]) {
        assert.ok(seen.has(c), `${c} never seen (seen: ${[...seen.keys()].join(', ')})`);
      }
    });
  });
});
