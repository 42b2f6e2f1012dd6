/**
 * Every OWNERS / OWNERS_ALIASES diagnostic code over the real server (stdio): a failing document reports it with
 * the right severity, a passing one does not, and each quick fix applied yields a document without it.
 */
import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { CodeActionRequest, DiagnosticSeverity, type CodeAction, type Diagnostic } from 'vscode-languageserver/node';
import { LspClient, REPO_ROOT } from '../support/lspClient';
import { OWNERS_CASES, type OwnersCase } from './ownersCases';

const BASE = path.join(REPO_ROOT, 'test', 'fixtures', 'owners-lsp', 'base');
const SEVERITY = { error: DiagnosticSeverity.Error, warning: DiagnosticSeverity.Warning, information: DiagnosticSeverity.Information };

function codes(ds: Diagnostic[]): string[] {
  return ds.map((d) => String(d.code));
}

describe('LSP: OWNERS diagnostics (real server over stdio)', function () {
  this.timeout(30_000);
  let client: LspClient;

  before(async () => {
    client = await LspClient.start({ root: BASE });
  });
  after(async () => {
    await client?.stop();
  });

  it('the base workspace is clean', async () => {
    for (const f of ['OWNERS', 'OWNERS_ALIASES', 'pkg/OWNERS', 'docs/OWNERS']) {
      const ds = await client.open(f);
      assert.deepEqual(codes(ds), [], `${f}: ${JSON.stringify(ds)}`);
      await client.close(f);
    }
  });

  async function openFresh(rel: string, text: string): Promise<Diagnostic[]> {
    return client.open(rel, text);
  }

  async function closeAndSettle(rel: string): Promise<void> {
    await client.close(rel);
    // Closing re-publishes; wait for it so the next case starts from the restored state.
    await new Promise((r) => setTimeout(r, 30));
  }

  async function checkFix(c: OwnersCase, title: string, text: string, ds: Diagnostic[]): Promise<void> {
    const target = ds.filter((d) => d.code === c.code);
    const actions = (await client.request(CodeActionRequest.type, {
      textDocument: { uri: client.uri(c.path) },
      range: target[0].range,
      context: { diagnostics: target, only: ['quickfix'] },
    })) as CodeAction[];
    const action = actions.find((a) => a.title.startsWith(title));
    assert.ok(action, `${c.code}: no quick fix "${title}…" among ${JSON.stringify(actions.map((a) => a.title))}`);
    const fixed = LspClient.applyEdits(text, client.editsFor(action.edit, c.path));
    const after = await client.change(c.path, fixed);
    assert.ok(!codes(after).includes(c.code), `${c.code}: still reported after "${action.title}":\n${fixed}\n${JSON.stringify(after, null, 1)}`);
    // Back to the failing text for the next fix.
    await client.change(c.path, text);
  }

  for (const c of OWNERS_CASES) {
    const label = `${c.code} (${c.path}${c.fix ? `, fix "${c.fix}"` : ''})`;
    it(label, async () => {
      const failing = await openFresh(c.path, c.fail);
      const hit = failing.find((d) => d.code === c.code);
      assert.ok(hit, `${c.code} not reported for:\n${c.fail}\ngot ${JSON.stringify(failing, null, 1)}`);
      assert.equal(hit.severity, SEVERITY[c.severity], `${c.code} severity`);
      assert.ok(hit.message.length > 40, 'the message explains what Prow does');
      assert.equal(hit.source, 'kube-shepherd');
      for (const title of [c.fix, ...(c.moreFixes ?? [])].filter((t): t is string => !!t)) await checkFix(c, title, c.fail, failing);
      if (c.passPath) {
        await closeAndSettle(c.path);
        const passing = await openFresh(c.passPath, c.pass);
        assert.ok(!codes(passing).includes(c.code), `${c.code} reported for the passing document ${c.passPath}: ${JSON.stringify(passing)}`);
        await closeAndSettle(c.passPath);
      } else {
        const passing = await client.change(c.path, c.pass);
        assert.ok(!codes(passing).includes(c.code), `${c.code} reported for the passing document:\n${c.pass}\n${JSON.stringify(passing)}`);
        await closeAndSettle(c.path);
      }
    });
  }

  it('aliases/unused follows the OWNERS files: listing the group in an OWNERS buffer clears it, closing brings it back', async () => {
    const aliases = 'aliases:\n  sig-foo-leads:\n    - alice\n  sig-bar-reviewers:\n    - carol\n  wg-new-leads:\n    - dave\n';
    const unused = (ds: Diagnostic[]) => ds.filter((d) => d.code === 'aliases/unused').map((d) => d.range.start.line);
    assert.deepEqual(unused(await client.open('OWNERS_ALIASES', aliases)), [5]);
    const cleared = client.nextDiagnostics('OWNERS_ALIASES');
    await client.open('docs/OWNERS', 'approvers:\n  - wg-new-leads\n');
    assert.deepEqual(unused(await cleared), []);
    const back = client.nextDiagnostics('OWNERS_ALIASES');
    await client.close('docs/OWNERS');
    assert.deepEqual(unused(await back), [5]);
    await closeAndSettle('OWNERS_ALIASES');
  });

  it('covers every documented code', async () => {
    const fs = await import('node:fs');
    const doc = fs.readFileSync(path.join(REPO_ROOT, 'docs', 'rules.md'), 'utf8');
    const documented = [...doc.matchAll(/^### `((?:owners|aliases)\/[a-z0-9-]+)`/gm)].map((m) => m[1]);
    const tested = new Set(OWNERS_CASES.map((c) => c.code));
    const untested = documented.filter((c) => !tested.has(c) && c !== 'owners/unreadable');
    assert.deepEqual(untested, [], 'every documented OWNERS code has an LSP case');
  });
});
