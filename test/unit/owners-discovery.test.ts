/** owners.md §1.2: which files load (denylist, md-yaml), plus the Go path and string helpers they rely on. */
import { strict as assert } from 'node:assert';
import { DirDenylist, isOwnersPath, ownersSourcePaths } from '../../server/src/core/owners/discovery';
import { mdFrontMatter } from '../../server/src/core/owners/mdYaml';
import { canonicalize, goClean, goDir, goRel } from '../../server/src/core/gopath';
import { goCompare, goSort, goToLower, normLogin } from '../../server/src/core/gostrings';
import { compileGoRegexp } from '../../server/src/core/re2';
import { OwnersIndex } from '../../server/src/workspace/ownersIndex';
import { sorted } from './owners-helpers';

const indexOf = (files: Record<string, string>, opts = {}) =>
  OwnersIndex.build(Object.keys(files), (p) => ({ text: files[p] }), opts);

describe('owners: directory denylist', () => {
  const files = ['OWNERS', 'vendor/OWNERS', 'vendor/x/OWNERS', 'vendor/k8s.io/client-go/OWNERS', 'a/vendor/x/y/OWNERS', 'x.git/OWNERS',
    'foo_output/OWNERS', 'foo_output/sub/OWNERS', '_output2/OWNERS', 'OWNERS.md', 'sub/owners', 'sub/OWNERS'];
  it('preconfigured \\.git$, _output$, vendor/.*/.* (two components below vendor)', () => {
    assert.deepEqual(ownersSourcePaths(files), ['OWNERS', '_output2/OWNERS', 'sub/OWNERS', 'vendor/OWNERS', 'vendor/x/OWNERS']);
  });
  it('ignore_preconfigured_defaults loads them all', () => {
    assert.equal(ownersSourcePaths(files, { ignorePreconfiguredDefaults: true }).length, 10);
  });
  it('extra patterns are unanchored against repo-relative dirs; invalid ones are dropped', () => {
    const d = new DirDenylist({ dirDenylist: ['^sub$', '('] });
    assert.equal(d.invalid.length, 1);
    assert.deepEqual(ownersSourcePaths(['sub/OWNERS', 'a/sub/OWNERS', 'sub/x/OWNERS', 'subx/OWNERS'], {}, d), ['a/sub/OWNERS', 'subx/OWNERS']);
  });
  it('an OWNERS path is one whose last element is exactly the file name', () => {
    for (const p of ['OWNERS', 'a/OWNERS', 'a/b/OWNERS', '/OWNERS']) assert.equal(isOwnersPath(p), true, p);
    for (const p of ['', 'WNERS', 'xOWNERS', 'a/xOWNERS', 'a_OWNERS', 'OWNERS/x', 'OWNERS.md', 'a/owners', 'a\\OWNERS']) assert.equal(isOwnersPath(p), false, p);
    assert.equal(isOwnersPath('d/MAINTAINERS', { ownersFilename: 'MAINTAINERS' }), true);
    assert.equal(isOwnersPath('d/OWNERS', { ownersFilename: 'MAINTAINERS' }), false);
    assert.equal(isOwnersPath('d/XMAINTAINERS', { ownersFilename: 'MAINTAINERS' }), false);
  });
  it('the index builds from a Set of paths as from an array', () => {
    const texts: Record<string, string> = { OWNERS: 'approvers: [g]\n', 'a/OWNERS': 'approvers: [h]\n', 'a/f.go': '', OWNERS_ALIASES: 'aliases:\n  g: [x]\n' };
    const fromSet = OwnersIndex.build(new Set(Object.keys(texts)), (p) => ({ text: texts[p] }));
    assert.deepEqual([...fromSet.files.keys()], ['OWNERS', 'a/OWNERS']);
    assert.deepEqual(sorted(fromSet.owners.approvers('a/f.go').toSet()), ['h', 'x']);
    assert.deepEqual(ownersSourcePaths(new Set(['b/OWNERS', 'OWNERS', 'a/OWNERS'])), ['OWNERS', 'a/OWNERS', 'b/OWNERS']);
    // A one-shot iterable is read once for both the aliases file and the OWNERS files.
    const fromGen = OwnersIndex.build((function* () { yield* Object.keys(texts); })(), (p) => ({ text: texts[p] }));
    assert.deepEqual(sorted(fromGen.owners.approvers('a/f.go').toSet()), ['h', 'x']);
  });
  it('the root is matched as "."', () => {
    assert.deepEqual(ownersSourcePaths(['OWNERS', 'a/OWNERS'], { dirDenylist: ['^\\.$'] }), []);
    assert.deepEqual(ownersSourcePaths(['OWNERS', 'a/OWNERS'], { dirDenylist: ['^$'] }), ['OWNERS', 'a/OWNERS']);
  });
  it('only the root OWNERS_ALIASES is read', () => {
    const idx = indexOf({ OWNERS: 'approvers: [g]\n', 'sub/OWNERS_ALIASES': 'aliases:\n  g: [x]\n' });
    assert.deepEqual(sorted(idx.owners.leafApprovers('f')), ['g']);
    const idx2 = indexOf({ OWNERS: 'approvers: [g]\n', OWNERS_ALIASES: 'aliases:\n  g: [x]\n' });
    assert.deepEqual(sorted(idx2.owners.leafApprovers('f')), ['x']);
  });
  it('custom file names', () => {
    const idx = indexOf({ OWNERS: 'approvers: [no]\n', MAINTAINERS: 'approvers: [g]\n', ALIASES: 'aliases:\n  g: [x]\n' }, { ownersFilename: 'MAINTAINERS', aliasesFilename: 'ALIASES' });
    assert.deepEqual(sorted(idx.owners.allApprovers()), ['x']);
  });
});

describe('owners: md-yaml front matter', () => {
  it('greedy: runs to the last \\n---', () => {
    const text = '---\napprovers: [md]\n---\n# Title\ntext\n---\nmore\n';
    assert.equal(mdFrontMatter(text), '---\napprovers: [md]\n---\n# Title\ntext\n---');
    assert.equal(mdFrontMatter('---\n---\n'), '');
    assert.equal(mdFrontMatter('---\n\n---'), '---\n\n---');
    assert.equal(mdFrontMatter('x\n---\na: b\n---\n'), '');
    assert.equal(mdFrontMatter('---\r\na: b\r\n---\r\n'), '');
  });
  const files = {
    OWNERS: 'approvers: [root]\n',
    'docs/file.md': '---\napprovers:\n- ALICE\n\nlabels:\n- docs\n---\n# Title\n\nbody\n\n---\n\nfooter\n',
    'docs/other.md': 'no header\n',
    'docs/filters.md': '---\nfilters:\n  ".*":\n    approvers: [viafilter]\n---\n',
    'docs/bad.md': '---\noptions:\n  no_parent_owners: true\napprovers: [yes]\n---\n',
    'docs/opts.md': '---\noptions:\n  no_parent_owners: true\n---\n',
  };
  const idx = indexOf(files, { mdYaml: true });
  const o = idx.owners;
  it('applies to the file path itself (layer 0), not its directory', () => {
    assert.deepEqual(o.approvers('docs/file.md').toArrays(), [['alice'], [], ['root']]);
    assert.deepEqual(sorted(o.findLabelsForFile('docs/file.md')), ['docs']);
    assert.deepEqual(o.approvers('docs/other.md').toArrays(), [[], [], ['root']]);
    assert.equal(o.findApproverOwnersForFile('docs/file.md'), 'docs/file.md');
  });
  it('decoded as SimpleConfig only: filters in a header do nothing', () => {
    assert.deepEqual(o.approvers('docs/filters.md').toArrays(), [[], [], ['root']]);
    assert.deepEqual(sorted(o.allApprovers()), ['alice', 'root']);
  });
  it('a header Prow cannot decode is dropped with its options', () => {
    assert.equal(o.isNoParentOwners('docs/bad.md'), false);
  });
  it('options of a list-less header apply to the file', () => {
    assert.equal(o.isNoParentOwners('docs/opts.md'), true);
  });
  it('without md-yaml, .md files are not sources', () => {
    const plain = indexOf(files);
    assert.deepEqual(sorted(plain.owners.allApprovers()), ['root']);
  });
});

describe('owners: Go path helpers', () => {
  it('Clean', () => {
    const cases: [string, string][] = [['', '.'], ['.', '.'], ['./a', 'a'], ['a//b/./c/..', 'a/b'], ['a/', 'a'], ['../a/..', '..'], ['/../a', '/a'], ['/', '/'], ['a/../..', '..'], ['..//../x', '../../x']];
    for (const [i, o] of cases) assert.equal(goClean(i), o, i);
  });
  it('Dir', () => {
    const cases: [string, string][] = [['a/b', 'a'], ['a', '.'], ['', '.'], ['a/b/', 'a/b'], ['/', '/'], ['/a', '/'], ['./foo.txt', '.'], ['a//b', 'a']];
    for (const [i, o] of cases) assert.equal(goDir(i), o, i);
  });
  it('Rel', () => {
    const cases: [string, string, string | undefined][] = [
      ['a', 'a/b', 'b'], ['a/b', 'a', '..'], ['', 'x', 'x'], ['.', 'x/y', 'x/y'], ['a', 'b', '../b'], ['a/b', 'a/b/', '.'],
      ['a/b/c', 'a/x', '../../x'], ['', '.', '.'], ['', './foo.txt', 'foo.txt'], ['/a', 'b', undefined], ['..', 'x', undefined],
    ];
    for (const [b, t, o] of cases) assert.equal(goRel(b, t), o, `${b} ${t}`);
  });
  it('canonicalize strips one trailing slash, "." is the root', () => {
    assert.equal(canonicalize('.'), '');
    assert.equal(canonicalize('a/'), 'a');
    assert.equal(canonicalize('a//'), 'a/');
    assert.equal(canonicalize('./'), '.');
  });
});

describe('owners: Go string helpers', () => {
  it('NormLogin strips one @ and does not trim', () => {
    assert.equal(normLogin('@@Carl'), '@carl');
    assert.equal(normLogin(' dave '), ' dave ');
    assert.equal(normLogin('@Alice'), 'alice');
    assert.equal(normLogin('al@ice'), 'al@ice');
  });
  it('Go ToLower: İ → i, no final sigma', () => {
    assert.equal(goToLower('\u0130STANBUL'), 'istanbul');
    assert.equal(goToLower('ΟΔΟΣ'), 'οδοσ');
    assert.equal(goToLower('ΑΣ b'), 'ασ b');
    assert.equal(goToLower('\u212a'), 'k');
    assert.equal(goToLower('ÀÉ'), 'àé');
  });
  it('byte-order compare (UTF-8), astral after U+FFFF-range BMP', () => {
    assert.ok(goCompare('B', 'a') < 0);
    assert.ok(goCompare('\uffff', '\u{1F600}') < 0);
    assert.deepEqual(goSort(['b', 'a', 'B', '']), ['', 'B', 'a', 'b']);
  });
  it('RE2 compile: unanchored match, Go errors for unsupported syntax', () => {
    const re = compileGoRegexp('a\\.go');
    assert.ok(re.ok && re.re.matchString('xa.go') && re.re.matchString('a.go.bak'));
    for (const bad of ['(', '(?=x)', '(?<!x)', '\\1', 'a{1001}']) assert.equal(compileGoRegexp(bad).ok, false, bad);
    const pos = compileGoRegexp('(?P<name>x)');
    assert.ok(pos.ok);
  });
});
