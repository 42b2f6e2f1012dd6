/** KEP editor features over stdio: completion, hover, definition, document symbols, and the New KEP request. */
import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CompletionRequest,
  DefinitionRequest,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  DocumentSymbolRequest,
  HoverRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { LspClient, SERVER_JS } from '../support/lspClient';
import { KP, PP, RP } from '../fixtures/keps-lsp/cases';
import { kepYaml, removeWorkspace, writeWorkspace } from '../fixtures/keps-lsp/workspace';

/** Position just after the n-th occurrence of `needle` (+ delta) in `text`. */
function pos(text: string, needle: string, delta = needle.length, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i + delta);
  return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
}

const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);
const hoverText = (h: Hover | null) => {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
};

describe('LSP: KEP editor features (real server over stdio)', function () {
  this.timeout(60_000);
  let root: string;
  let client: LspClient;

  before(async () => {
    root = writeWorkspace();
    client = await LspClient.start({ root });
  });
  after(async () => {
    await client?.stop();
    if (root) removeWorkspace(root);
  });

  /** Opens `rel` with `text` and asks `type` at the end of `needle`. */
  async function ask<R>(type: typeof CompletionRequest.type | typeof HoverRequest.type | typeof DefinitionRequest.type, rel: string, text: string, needle: string, delta?: number): Promise<R> {
    await client.open(rel, text, 'yaml');
    try {
      return (await client.request(type as never, { textDocument: { uri: client.uri(rel) }, position: pos(text, needle, delta) } as never)) as R;
    } finally {
      await client.close(rel);
    }
  }

  describe('completion in kep.yaml', () => {
    it('status and stage enums', async () => {
      const s = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml().replace('status: implementable', 'status: '), 'status: ');
      assert.deepEqual(labels(s), ['provisional', 'implementable', 'implemented', 'deferred', 'rejected', 'withdrawn', 'replaced']);
      assert.match((s[1].documentation as MarkupContent).value, /PRR/);
      const st = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml({ stage: 'be' }), 'stage: be');
      assert.deepEqual(labels(st), ['alpha', 'beta', 'stable', 'deprecated', 'disabled', 'removed']);
      assert.deepEqual(st[1].textEdit && 'range' in st[1].textEdit ? st[1].textEdit.range : undefined, { start: pos(kepYaml({ stage: 'be' }), 'stage: '), end: pos(kepYaml({ stage: 'be' }), 'stage: be') });
    });
    it('SIGs from sigs.yaml for owning-sig and participating-sigs (without the owning SIG)', async () => {
      const o = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml().replace('owning-sig: sig-node', 'owning-sig: '), 'owning-sig: ');
      assert.deepEqual(labels(o), ['sig-apps', 'sig-architecture', 'sig-node', 'wg-batch']);
      assert.equal(o[2].detail, 'SIG Node');
      const p = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml({ 'participating-sigs': '\n  - ' }), 'participating-sigs:\n  - ');
      assert.deepEqual(labels(p), ['sig-apps', 'sig-architecture', 'wg-batch']);
    });
    it('milestones around the upcoming release, quoted', async () => {
      const t = kepYaml().replace('latest-milestone: "v1.30"', 'latest-milestone: ');
      const m = await ask<CompletionItem[]>(CompletionRequest.type, KP, t, 'latest-milestone: ');
      assert.deepEqual(labels(m), ['v1.30', 'v1.31', 'v1.29', 'v1.32', 'v1.28']);
      assert.equal(m[0].detail, 'upcoming release');
      assert.equal(m[0].textEdit?.newText, '"v1.30"');
      const b = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml({ milestone: '\n  alpha: "v1.30"\n  beta: ' }), 'beta: ');
      assert.equal(labels(b)[0], 'v1.30');
    });
    it('handles: owning-SIG leads and approvers first, then people of the SIG’s KEPs', async () => {
      const t = kepYaml({ approvers: '\n  - "@' });
      const a = await ask<CompletionItem[]>(CompletionRequest.type, KP, t, 'approvers:\n  - "@');
      const l = labels(a);
      assert.deepEqual(l.slice(0, 2), ['@mrunalp', '@dchen1107']);
      assert.match(a[0].detail ?? '', /chair/);
      assert.match(a[1].detail ?? '', /tech lead/);
      assert.ok(l.includes('@alice') && l.includes('@soltysh'), l.join(' '));
      assert.equal(a[0].textEdit?.newText, '"@mrunalp"');
    });
    it('feature-gate components, keys with schema descriptions, links to KEPs', async () => {
      const c = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml({ 'feature-gates': '\n  - name: SleepBetter\n    components:\n      - kube' }), '      - kube');
      assert.deepEqual(labels(c).slice(0, 4), ['kube-apiserver', 'kubelet', 'kube-controller-manager', 'kube-scheduler']);
      const text = kepYaml() + 'sup';
      const k = await ask<CompletionItem[]>(CompletionRequest.type, KP, text, '\nsup');
      const keys = labels(k);
      assert.ok(keys.includes('superseded-by') && keys.includes('metrics') && keys.includes('last-updated'), keys.join(' '));
      assert.ok(!keys.includes('title'), 'keys already present are not offered');
      assert.match((k.find((i) => i.label === 'superseded-by')!.documentation as MarkupContent).value, /./);
      const s = await ask<CompletionItem[]>(CompletionRequest.type, KP, kepYaml({ 'see-also': '\n  - ' }), 'see-also:\n  - ');
      assert.deepEqual(labels(s), ['/keps/sig-apps/2000-apps-thing', '/keps/sig-node/1000-old-sleep']);
      assert.match(s[0].detail ?? '', /KEP-2000: Apps thing/);
    });
  });

  describe('completion in PRR files', () => {
    it('stage keys and PRR approvers', async () => {
      const t = 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\nbe';
      const k = await ask<CompletionItem[]>(CompletionRequest.type, PP, t, '\nbe');
      assert.deepEqual(labels(k), ['beta', 'stable', 'deprecated', 'disabled', 'removed']);
      assert.match(k[0].textEdit?.newText ?? '', /^beta:\n  approver: /);
      const a = await ask<CompletionItem[]>(CompletionRequest.type, PP, 'kep-number: 1234\nalpha:\n  approver: ', 'approver: ');
      assert.deepEqual(labels(a), ['@ehashman', '@johnbelamaric', '@wojtek-t']);
    });
  });

  describe('hover', () => {
    it('owning-sig: SIG name, chairs, tech leads, Slack, meetings', async () => {
      const h = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml(), 'owning-sig: sig-no'));
      assert.match(h, /\*\*SIG Node\*\*/);
      assert.match(h, /Chairs: @mrunalp \(Mrunal Patel\)/);
      assert.match(h, /Tech leads: @dchen1107 \(Dawn Chen\)/);
      assert.match(h, /Slack: \[#sig-node\]\(https:\/\/kubernetes\.slack\.com\/messages\/sig-node\)/);
      assert.match(h, /Meeting: Regular SIG Meeting: Tuesday 10:00 PT \(Pacific Time\), weekly/);
    });
    it('a handle: KEPs they author / approve, SIG roles', async () => {
      const h = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml(), '"@mrun'));
      assert.match(h, /chair of Node/);
      assert.match(h, /member of `sig-node-leads`/);
      assert.match(h, /Approver of 2 KEPs: KEP-1000, KEP-1234/);
      const a = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml(), '"@ali'));
      assert.match(a, /Author of 3 KEPs/);
      const p = hoverText(await ask<Hover>(HoverRequest.type, PP, 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n', '@woj'));
      assert.match(p, /PRR approver/);
    });
    it('a see-also target: its title and status; keys: the schema description', async () => {
      const h = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml(), '/keps/sig-apps/2000'));
      assert.match(h, /KEP-2000: Apps thing/);
      assert.match(h, /Status: `provisional`/);
      const k = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml(), 'latest-mile'));
      assert.match(k, /`latest-milestone`/);
      const broken = hoverText(await ask<Hover>(HoverRequest.type, KP, kepYaml({ 'see-also': '\n  - /keps/sig-x/1-gone' }), '/keps/sig-x'));
      assert.match(broken, /does not resolve/);
    });
  });

  describe('definition', () => {
    const target = (ls: Location[] | null) => (ls ?? []).map((l) => path.relative(root, new URL(l.uri).pathname).split(path.sep).join('/'));
    it('see-also / superseded-by → that KEP’s kep.yaml', async () => {
      assert.deepEqual(target(await ask<Location[]>(DefinitionRequest.type, KP, kepYaml(), '/keps/sig-apps/2000')), ['keps/sig-apps/2000-apps-thing/kep.yaml']);
      const old = fs.readFileSync(path.join(root, 'keps/sig-node/1000-old-sleep/kep.yaml'), 'utf8');
      assert.deepEqual(target(await ask<Location[]>(DefinitionRequest.type, 'keps/sig-node/1000-old-sleep/kep.yaml', old, '/keps/sig-node/1234')), [KP]);
    });
    it('kep.yaml kep-number / owning-sig → PRR file, and back', async () => {
      assert.deepEqual(target(await ask<Location[]>(DefinitionRequest.type, KP, kepYaml(), 'kep-number: 12')), [PP]);
      assert.deepEqual(target(await ask<Location[]>(DefinitionRequest.type, KP, kepYaml(), 'owning-sig: sig')), [PP]);
      assert.deepEqual(target(await ask<Location[]>(DefinitionRequest.type, PP, 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n', 'kep-number: 12')), [KP]);
    });
  });

  it('document symbols of kep.yaml', async () => {
    await client.open(KP, kepYaml(), 'yaml');
    const syms = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri: client.uri(KP) } })) as DocumentSymbol[];
    await client.close(KP);
    const names = syms.map((s) => s.name);
    assert.deepEqual(names.slice(0, 5), ['title', 'kep-number', 'authors', 'owning-sig', 'status']);
    assert.equal(syms[0].detail, 'Sleep better');
    const fg = syms.find((s) => s.name === 'feature-gates')!;
    assert.equal(fg.children?.[0].name, 'SleepBetter');
    assert.deepEqual(fg.children?.[0].children?.map((c) => c.name), ['name', 'components']);
    assert.deepEqual(syms.find((s) => s.name === 'milestone')!.children?.map((c) => c.name), ['alpha']);
  });

  describe('shepherd/newKep', () => {
    it('proposes the next free number', async () => {
      const r = (await client.connection.sendRequest('shepherd/nextKepNumber', { folder: client.uri('') })) as { number: number; sigs: string[] };
      assert.equal(r.number, 2001);
      assert.ok(r.sigs.includes('sig-node'));
    });
    it('rejects bad input and existing directories / numbers', async () => {
      const bad = (await client.connection.sendRequest('shepherd/newKep', { folder: client.uri(''), sig: 'sig-node', number: '12a', name: 'Bad Name', title: 'x', authors: ['@alice'], withPrr: false })) as { error?: string };
      assert.match(bad.error ?? '', /digits/);
      assert.match(bad.error ?? '', /lower-case/);
      const taken = (await client.connection.sendRequest('shepherd/newKep', { folder: client.uri(''), sig: 'sig-node', number: 2000, name: 'nap', title: 'Nap', authors: ['alice'], withPrr: false })) as { error?: string };
      assert.match(taken.error ?? '', /already used by keps\/sig-apps\/2000-apps-thing/);
      const unknown = (await client.connection.sendRequest('shepherd/newKep', { folder: client.uri(''), sig: 'sig-nope', name: 'nap', title: 'Nap', authors: ['alice'], withPrr: false })) as { error?: string };
      assert.match(unknown.error ?? '', /not a group/);
    });
    it('scaffolds README, kep.yaml and PRR file that pass `check` with 0 Errors', async function () {
      const ws = writeWorkspace();
      try {
        await scaffoldAndCheck(ws);
      } finally {
        removeWorkspace(ws);
      }
    });
    async function scaffoldAndCheck(ws: string): Promise<void> {
      const c = await LspClient.start({ root: ws });
      try {
        const r = (await c.connection.sendRequest('shepherd/newKep', {
          folder: c.uri(''), sig: 'sig-node', name: 'faster-naps', title: 'Faster naps: less waiting', authors: ['alice', '@bob'], withPrr: true, prrApprover: 'wojtek-t',
        })) as { files: { uri: string; path: string; content: string }[]; dir: string; error?: string };
        assert.equal(r.error, undefined);
        assert.equal(r.dir, 'keps/sig-node/2001-faster-naps');
        assert.deepEqual(r.files.map((f) => f.path), ['keps/sig-node/2001-faster-naps/README.md', 'keps/sig-node/2001-faster-naps/kep.yaml', 'keps/prod-readiness/sig-node/2001.yaml']);
        const readme = r.files[0].content;
        assert.match(readme, /^# KEP-2001: Faster naps: less waiting$/m);
        assert.match(readme, /<!-- toc -->\n- \[Release Signoff Checklist\]\(#release-signoff-checklist\)/);
        const kep = r.files[1].content;
        assert.match(kep, /^title: "Faster naps: less waiting"$/m);
        assert.match(kep, /^status: provisional$/m);
        assert.match(kep, /^latest-milestone: "v1\.30"$/m);
        for (const f of r.files) {
          const abs = new URL(f.uri).pathname;
          fs.mkdirSync(path.dirname(abs), { recursive: true });
          fs.writeFileSync(abs, f.content);
        }
        await c.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: r.files.map((f) => ({ uri: f.uri, type: FileChangeType.Created })) });
        // A round trip, so that the publishes caused by the file events arrive before we open the files.
        await c.connection.sendRequest('shepherd/nextKepNumber', { folder: c.uri('') });
        // The new files, opened in the editor, have no Errors either.
        for (const f of r.files) {
          const ds = await c.open(f.path, f.content, f.path.endsWith('.md') ? 'markdown' : 'yaml');
          assert.deepEqual(ds.filter((d) => d.severity === 1).map((d) => `${d.code}: ${d.message}`), [], f.path);
        }
      } finally {
        await c.stop();
      }
      let out = '';
      let status = 0;
      try {
        out = execFileSync(process.execPath, [SERVER_JS, 'check', '--root', ws, '--format', 'json'], { encoding: 'utf8' });
      } catch (e) {
        const err = e as { status: number; stdout: string };
        status = err.status;
        out = err.stdout;
      }
      const diags = out.split('\n').filter((l) => l.startsWith('{')).map((l) => JSON.parse(l) as { file: string; severity: string; code: string });
      const errors = diags.filter((d) => d.severity === 'error');
      assert.deepEqual(errors, [], out);
      assert.equal(status, 0, out);
      const mine = diags.filter((d) => d.file.includes('2001'));
      assert.deepEqual(mine.filter((d) => d.severity === 'warning').map((d) => d.code), [], 'no Warnings on the scaffold either');
    }
  });
});
