/** The "Owned by" view's tree and its Search arguments (client/src/owned/ownedNodes.ts, pure), from real core answers. */
import { strict as assert } from 'node:assert';
import { filesOwnedBy, type SubjectQuery } from '../../server/src/core/owners/ownedBy';
import type { FilesOwnedByResult } from '../../server/src/lsp/protocol';
import { repoOf } from './owners-helpers';

// The client project is not part of test/tsconfig.json (tsc -b would reject a typed import of client code), so the
// module is loaded at run time and its surface restated here; tsx still runs the real client source.
interface OwnedNode {
  label: string;
  description?: string;
  open?: { uri: string; line?: number; character?: number };
  children?: OwnedNode[];
}
interface SearchScope {
  dirs: string[];
  files: string[];
  exclude: string[];
}
const { buildOwnedNodes, findInFilesArgs, scopeOf } = require('../../client/src/owned/ownedNodes') as {
  buildOwnedNodes(r: FilesOwnedByResult | null, typed?: string): OwnedNode[];
  scopeOf(entries: FilesOwnedByResult['entries']): SearchScope;
  findInFilesArgs(scope: SearchScope, folderPrefix?: string): { query: string; filesToInclude: string; filesToExclude: string; triggerSearch: boolean } | undefined;
};

const ROOT = 'file:///ws';
const repo = repoOf(
  {
    OWNERS: 'approvers: [root, sig-x-leads]\n',
    'a/OWNERS': 'approvers:\n  - lead\n  - sig-x-leads\nreviewers: [lead]\n',
    'a/b/OWNERS': 'filters:\n  "\\\\.go$":\n    approvers: [lead]\n',
    'c/OWNERS': 'options: {no_parent_owners: true}\napprovers: [other]\nemeritus_reviewers: [lead]\n',
    'c/d/OWNERS': 'approvers: [sig-x-leads]\n',
  },
  'aliases:\n  sig-x-leads: [lead, x2]\n',
);
const FILES = ['OWNERS', 'a/OWNERS', 'a/x.txt', 'a/b/OWNERS', 'a/b/m.go', 'a/b/n.md', 'c/OWNERS', 'c/y.txt', 'c/d/OWNERS', 'c/d/z.go'];

function answer(q: SubjectQuery): FilesOwnedByResult {
  const r = filesOwnedBy(q, { owners: repo, files: FILES });
  const uri = (f: string) => `${ROOT}/${f}`;
  return { ...r, root: ROOT, entries: r.entries.map((e) => ({ ...e, uri: uri(e.file) })), subprojects: r.subprojects.map((s) => ({ ...s, uri: uri(s.file) })), emeritus: r.emeritus.map((e) => ({ ...e, uri: uri(e.file) })) };
}

function lines(nodes: OwnedNode[], depth = 0): string[] {
  return nodes.flatMap((n) => [`${'  '.repeat(depth)}${n.label}${n.description ? ` — ${n.description}` : ''}`, ...lines(n.children ?? [], depth + 1)]);
}

describe('client: the "Owned by" tree', () => {
  it('role → directory → entries/files, with inheritance, filters and emeritus explained', () => {
    const nodes = buildOwnedNodes(answer({ name: 'lead' }));
    assert.deepEqual(lines(nodes), [
      'lead — login',
      'Approves — 4 directories',
      '  . (repository root) — via sig-x-leads · + subdirectories except c (no_parent_owners) · 6 files',
      '  a — 2 entries',
      '    lead — line 2 · direct · + subdirectories · 5 files',
      '    sig-x-leads — line 3 · via sig-x-leads · + subdirectories · 5 files',
      '  a/b — direct · only \\.go$ · 1 file',
      '    m.go — a/b/m.go',
      '  c/d — via sig-x-leads · + subdirectories · 2 files',
      'Reviews — 1 directory',
      '  a — direct · + subdirectories · 5 files',
      'Emeritus (not counted) — 1 OWNERS file',
      '  c — emeritus reviewer · c/OWNERS:3',
    ]);
    const root = nodes[1].children![0];
    assert.deepEqual(root.open, { uri: `${ROOT}/OWNERS`, line: 0, character: 18 });
    assert.deepEqual(nodes[1].children![2].children![0].open, { uri: `${ROOT}/a/b/m.go` });
  });

  it('nothing owned: says so, with the core\'s notes', () => {
    const nodes = buildOwnedNodes(answer({ name: 'nobody-here', kind: 'alias' }));
    assert.deepEqual(lines(nodes), ['nobody-here — alias', 'No OWNERS file names this subject — OWNERS_ALIASES defines no alias "nobody-here".']);
    assert.match(lines(buildOwnedNodes(null, 'x'))[0], /No workspace folder/);
  });

  it('Search: owned directories included, cut-off directories excluded unless another entry owns them again', () => {
    const r = answer({ name: 'lead' });
    const all = scopeOf(r.entries);
    assert.deepEqual(all, { dirs: ['', 'a', 'c/d'], files: ['a/b/m.go'], exclude: [] }, 'c/d is owned again below the cut at c');
    const rootOnly = scopeOf(r.entries.filter((e) => e.key === ''));
    assert.deepEqual(rootOnly.exclude, ['c']);
    assert.deepEqual(findInFilesArgs(rootOnly), { query: '', filesToInclude: './**', filesToExclude: './c/**', triggerSearch: false });
    assert.equal(findInFilesArgs({ dirs: ['a', 'c/d'], files: ['a/b/m.go'], exclude: [] }, 'repo/')!.filesToInclude, './repo/a/**, ./repo/c/d/**, ./repo/a/b/m.go');
    assert.equal(findInFilesArgs({ dirs: ['we[ir]d'], files: [], exclude: [] })!.filesToInclude, './we[[]ir]d/**', 'glob characters in names are literal');
    assert.equal(findInFilesArgs({ dirs: [], files: [], exclude: [] }), undefined);
  });
});
