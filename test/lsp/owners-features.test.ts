/** Hover, completion, definition, references, rename, document symbols and workspace-wide diagnostics over stdio. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  CompletionRequest,
  DefinitionRequest,
  DocumentSymbolRequest,
  HoverRequest,
  PrepareRenameRequest,
  ReferencesRequest,
  RenameRequest,
  type CompletionItem,
  type DocumentSymbol,
  type Hover,
  type Location,
  type MarkupContent,
} from 'vscode-languageserver/node';
import { LspClient, REPO_ROOT } from '../support/lspClient';

const BASE = path.join(REPO_ROOT, 'test', 'fixtures', 'owners-lsp', 'base');

/** Position of the n-th occurrence of `needle` in `text` (+ `delta` characters). */
function pos(text: string, needle: string, delta = 1, nth = 0): { line: number; character: number } {
  let i = -1;
  for (let k = 0; k <= nth; k++) i = text.indexOf(needle, i + 1);
  assert.ok(i >= 0, `${needle} not in text`);
  const before = text.slice(0, i + delta);
  const line = before.split('\n').length - 1;
  return { line, character: before.length - before.lastIndexOf('\n') - 1 };
}

function hoverText(h: Hover | null): string {
  assert.ok(h, 'a hover');
  return (h.contents as MarkupContent).value;
}

describe('LSP: OWNERS editor features (real server over stdio)', function () {
  this.timeout(30_000);
  let client: LspClient;
  const read = (rel: string) => fs.readFileSync(path.join(BASE, rel), 'utf8');

  before(async () => {
    client = await LspClient.start({ root: BASE });
  });
  after(async () => {
    await client?.stop();
  });

  const at = (rel: string, needle: string, delta = 1, nth = 0) => ({ textDocument: { uri: client.uri(rel) }, position: pos(read(rel), needle, delta, nth) });

  it('advertises the OWNERS features', () => {
    const caps = client.initializeResult.capabilities;
    assert.ok(caps.hoverProvider && caps.completionProvider && caps.definitionProvider && caps.referencesProvider && caps.renameProvider && caps.codeActionProvider && caps.documentSymbolProvider);
  });

  it('hover on an alias: members, definition, users', async () => {
    const h = hoverText(await client.request(HoverRequest.type, at('pkg/OWNERS', 'sig-foo-leads')));
    assert.match(h, /alias from OWNERS_ALIASES/);
    assert.match(h, /`alice`, `bob`/);
    assert.match(h, /Defined at OWNERS_ALIASES:2/);
    assert.match(h, /Used in 2 OWNERS files: OWNERS, pkg\/OWNERS/);
  });

  it('hover on a login: aliases, OWNERS usage and sigs.yaml leadership', async () => {
    const h = hoverText(await client.request(HoverRequest.type, at('docs/OWNERS', 'alice')));
    assert.match(h, /Member of aliases: `sig-foo-leads`, `sig-bar-reviewers`/);
    assert.match(h, /Named in 1 OWNERS file: reviewers in 1/);
    assert.match(h, /chairs of Foo/);
  });

  it('hover on a label shows its labels.yaml description', async () => {
    const h = hoverText(await client.request(HoverRequest.type, at('pkg/OWNERS', 'sig/bar')));
    assert.match(h, /relevant to SIG Bar/);
    assert.match(h, /sigs\.yaml: Bar/);
  });

  it('hover on a key uses the schema description; on no_parent_owners it says what is cut off', async () => {
    const k = hoverText(await client.request(HoverRequest.type, at('pkg/OWNERS', 'reviewers')));
    assert.match(k, /blunderbuss/);
    const npo = hoverText(await client.request(HoverRequest.type, at('docs/OWNERS', 'no_parent_owners')));
    assert.match(npo, /Prow stops before:/);
    assert.match(npo, /- OWNERS: approvers .*root-approver/);
  });

  it('hover on a filter pattern lists the files it matches now', async () => {
    const text = 'filters:\n  ".*":\n    approvers:\n      - dave\n  "\\\\.go$":\n    reviewers:\n      - erin\n';
    await client.open('pkg/OWNERS', text);
    const h = hoverText(await client.request(HoverRequest.type, { textDocument: { uri: client.uri('pkg/OWNERS') }, position: pos(text, '\\\\.go', 2) }));
    assert.match(h, /Matches 2 files now/);
    assert.match(h, /- a\.go/);
    assert.match(h, /- sub\/b\.go/);
    await client.close('pkg/OWNERS');
  });

  it('completion: logins and aliases in approvers, labels in labels, keys at the top level, filter snippets', async () => {
    const text = 'approvers:\n  - \nlabels:\n  - sig/\nfilters:\n  \n';
    await client.open('cases/complete/OWNERS', text);
    const uri = client.uri('cases/complete/OWNERS');
    const c1 = (await client.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 4 } })) as CompletionItem[];
    const l1 = c1.map((c) => c.label);
    for (const x of ['sig-foo-leads', 'sig-bar-reviewers', 'alice', 'dave', 'root-approver']) assert.ok(l1.includes(x), `${x} in ${l1}`);
    const c2 = (await client.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 3, character: 8 } })) as CompletionItem[];
    const l2 = c2.map((c) => c.label);
    for (const x of ['sig/foo', 'sig/bar', 'committee/new-name']) assert.ok(l2.includes(x), `${x} in ${l2}`);
    assert.ok(!l2.includes('alice'));
    const c3 = (await client.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 6, character: 0 } })) as CompletionItem[];
    const l3 = c3.map((c) => c.label);
    for (const x of ['approvers', 'reviewers', 'required_reviewers', 'labels', 'options', 'filters']) assert.ok(l3.includes(x), `${x} in ${l3}`);
    const c4 = (await client.request(CompletionRequest.type, { textDocument: { uri }, position: { line: 5, character: 2 } })) as CompletionItem[];
    assert.ok(c4.some((c) => c.label.startsWith('".*"')), `filter snippets: ${c4.map((c) => c.label)}`);
    await client.close('cases/complete/OWNERS');
  });

  it('completion: options keys and members in OWNERS_ALIASES', async () => {
    const text = 'options:\n  \napprovers:\n  - dave\n';
    await client.open('cases/complete2/OWNERS', text);
    const c = (await client.request(CompletionRequest.type, { textDocument: { uri: client.uri('cases/complete2/OWNERS') }, position: { line: 1, character: 2 } })) as CompletionItem[];
    assert.deepEqual(c.map((x) => x.label).sort(), ['auto_approve_unowned_subfolders', 'no_parent_owners']);
    await client.close('cases/complete2/OWNERS');
    const a = read('OWNERS_ALIASES').replace('    - bob\n', '    - bob\n    - \n');
    await client.open('OWNERS_ALIASES', a);
    const m = (await client.request(CompletionRequest.type, { textDocument: { uri: client.uri('OWNERS_ALIASES') }, position: pos(a, '    - \n', 6) })) as CompletionItem[];
    assert.ok(m.some((x) => x.label === 'dave'), `${m.map((x) => x.label)}`);
    await client.close('OWNERS_ALIASES');
  });

  it('definition: an alias jumps to its OWNERS_ALIASES group', async () => {
    const defs = (await client.request(DefinitionRequest.type, at('pkg/OWNERS', 'sig-bar-reviewers'))) as Location[];
    assert.equal(defs.length, 1);
    assert.equal(defs[0].uri, client.uri('OWNERS_ALIASES'));
    assert.equal(defs[0].range.start.line, 4);
  });

  it('references: an alias → every OWNERS file using it; a login → every OWNERS and alias naming it', async () => {
    const refs = (await client.request(ReferencesRequest.type, { ...at('OWNERS', 'sig-foo-leads'), context: { includeDeclaration: true } })) as Location[];
    const files = refs.map((r) => path.relative(BASE, new URL(r.uri).pathname)).sort();
    assert.deepEqual(files, ['OWNERS', 'OWNERS_ALIASES', 'pkg/OWNERS']);
    const noDecl = (await client.request(ReferencesRequest.type, { ...at('OWNERS', 'sig-foo-leads'), context: { includeDeclaration: false } })) as Location[];
    assert.equal(noDecl.length, 2);
    const alice = (await client.request(ReferencesRequest.type, { ...at('docs/OWNERS', 'alice'), context: { includeDeclaration: true } })) as Location[];
    const af = alice.map((r) => path.relative(BASE, new URL(r.uri).pathname)).sort();
    assert.deepEqual(af, ['OWNERS_ALIASES', 'OWNERS_ALIASES', 'docs/OWNERS']);
  });

  it('rename: an alias across OWNERS_ALIASES and all OWNERS files; logins cannot be renamed', async () => {
    const prep = await client.request(PrepareRenameRequest.type, at('pkg/OWNERS', 'sig-foo-leads'));
    assert.ok(prep && 'placeholder' in prep && prep.placeholder === 'sig-foo-leads');
    const edit = await client.request(RenameRequest.type, { ...at('pkg/OWNERS', 'sig-foo-leads'), newName: 'sig-foo-chairs' });
    assert.ok(edit?.changes);
    for (const f of ['OWNERS', 'OWNERS_ALIASES', 'pkg/OWNERS']) {
      const after = LspClient.applyEdits(read(f), client.editsFor(edit, f));
      assert.ok(after.includes('sig-foo-chairs') && !after.includes('sig-foo-leads'), `${f}:\n${after}`);
    }
    assert.equal(Object.keys(edit.changes).length, 3);
    const none = await client.request(PrepareRenameRequest.type, at('pkg/OWNERS', 'dave'));
    assert.equal(none, null);
  });

  it('rename applied: the workspace stays clean', async () => {
    const edit = await client.request(RenameRequest.type, { ...at('OWNERS_ALIASES', 'sig-bar-reviewers'), newName: 'sig-bar-approvers' });
    const aliases = LspClient.applyEdits(read('OWNERS_ALIASES'), client.editsFor(edit, 'OWNERS_ALIASES'));
    const pkg = LspClient.applyEdits(read('pkg/OWNERS'), client.editsFor(edit, 'pkg/OWNERS'));
    await client.open('pkg/OWNERS', pkg);
    await client.open('OWNERS_ALIASES', aliases);
    const d = await client.change('pkg/OWNERS', pkg);
    assert.deepEqual(d, []);
    await client.close('OWNERS_ALIASES');
    await client.close('pkg/OWNERS');
  });

  it('document symbols: OWNERS keys, filters and entries; OWNERS_ALIASES groups and members', async () => {
    const syms = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri: client.uri('pkg/OWNERS') } })) as DocumentSymbol[];
    assert.deepEqual(syms.map((s) => s.name), ['approvers', 'reviewers', 'labels']);
    assert.deepEqual(syms[0].children!.map((s) => s.name), ['sig-foo-leads', 'dave']);
    const a = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri: client.uri('OWNERS_ALIASES') } })) as DocumentSymbol[];
    assert.equal(a[0].name, 'aliases');
    assert.deepEqual(a[0].children!.map((s) => s.name), ['sig-foo-leads', 'sig-bar-reviewers']);
    assert.deepEqual(a[0].children![0].children!.map((s) => s.name), ['alice', 'bob']);
    const text = 'filters:\n  ".*":\n    approvers:\n      - dave\n';
    await client.open('cases/sym/OWNERS', text);
    const f = (await client.request(DocumentSymbolRequest.type, { textDocument: { uri: client.uri('cases/sym/OWNERS') } })) as DocumentSymbol[];
    assert.equal(f[0].children![0].name, '.*');
    assert.equal(f[0].children![0].children![0].children![0].name, 'dave');
    await client.close('cases/sym/OWNERS');
  });
});

describe('LSP: workspace-wide OWNERS diagnostics', function () {
  this.timeout(30_000);
  let dir: string;
  let client: LspClient;

  before(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-owners-ws-'));
    const w = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
      fs.writeFileSync(path.join(dir, rel), text);
    };
    w('OWNERS', 'approvers:\n  - root\n');
    w('OWNERS_ALIASES', 'aliases:\n  team-leads:\n    - alice\n');
    w('a/OWNERS', 'approvers:\n  - team-leads\n');
    w('b/OWNERS', 'approvers:\n  - team-leads\n  - yes\n');
    w('c/OWNERS', 'reviewers:\n  - bob\n');
    client = await LspClient.start({ root: dir });
  });
  after(async () => {
    await client?.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('checks every OWNERS file when the workspace opens, not only open ones', async () => {
    const b = await client.diagnostics('b/OWNERS');
    assert.deepEqual(b.map((d) => d.code), ['owners/yaml11-scalar']);
  });

  it('an OWNERS_ALIASES edit re-checks the OWNERS files that use it', async () => {
    const aNext = client.nextDiagnostics('a/OWNERS');
    await client.open('OWNERS_ALIASES', 'aliases:\n  team-lead:\n    - alice\n');
    const a = await aNext;
    assert.deepEqual(a.map((d) => d.code), ['owners/undefined-alias']);
    assert.match(a[0].message, /did you mean `team-lead`/);
    const back = client.nextDiagnostics('a/OWNERS');
    await client.change('OWNERS_ALIASES', 'aliases:\n  team-leads:\n    - alice\n');
    assert.deepEqual(await back, []);
    await client.close('OWNERS_ALIASES');
  });
});
