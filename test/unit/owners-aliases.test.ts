/** owners.md §2: OWNERS_ALIASES parsing and Prow's ExpandAliases (non-recursive, sorted-order deletion quirk). */
import { strict as assert } from 'node:assert';
import { parseAliasesFile } from '../../server/src/core/owners/aliasesFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import { repoOf, sorted } from './owners-helpers';

const groups = (text: string) => {
  const a = parseAliasesFile(text);
  return Object.fromEntries([...a.aliases].map(([k, v]) => [k, sorted(v)]));
};
const expand = (aliases: string, logins: string[]) =>
  sorted(RepoOwners.build([], parseAliasesFile(aliases).aliases).expandAliases(new Set(logins)));

describe('owners: OWNERS_ALIASES parsing', () => {
  it('lists are normalised (lower case, one @), names too', () => {
    assert.deepEqual(groups('aliases:\n  Sig-Foo:\n  - "@Alice"\n  - "@@Bob"\n  - " dave "\n'), { 'sig-foo': [' dave ', '@bob', 'alice'] });
  });
  it('@-prefixed group names are normalised', () => {
    assert.deepEqual(groups('aliases:\n  "@Team": [a]\n'), { team: ['a'] });
  });
  it('flow mapping members {alice, bob} are its keys', () => {
    assert.deepEqual(groups('aliases:\n  g: {Alice, bob}\n'), { g: ['alice', 'bob'] });
  });
  it('empty group (null or {}) is an empty set', () => {
    assert.deepEqual(groups('aliases:\n  a:\n  b: {}\n  c: []\n'), { a: [], b: [], c: [] });
  });
  it('other top-level keys are ignored; no aliases key is an empty map', () => {
    assert.deepEqual(groups('foo: bar\n'), {});
    assert.deepEqual(groups(''), {});
  });
  it('a string group is an error', () => {
    const a = parseAliasesFile('aliases:\n  g: ""\n  ok: [x]\n');
    assert.equal(a.errors[0].message, "alias group 'g' must contain a list of members");
    assert.deepEqual(sorted(a.aliases.get('ok')!), ['x']);
  });
  it('non-string members are errors: no coercion into map[string]any', () => {
    for (const [m, type] of [['~', '<nil>'], ['yes', 'bool'], ['y', 'bool'], ['on', 'bool'], ['123', 'float64'], ['[x]', '[]interface {}'], ['{a: b}', 'map[string]interface {}']]) {
      const a = parseAliasesFile(`aliases:\n  g: [alice, ${m}]\n`);
      assert.equal(a.errors[0]?.message, `unexpected type for alias group member: ${type}`, m);
      assert.equal(a.aliases.has('g'), false);
    }
  });
  it('a numeric or boolean group value is an error', () => {
    assert.match(parseAliasesFile('aliases:\n  g: 5\n').errors[0].message, /unexpected type for alias group: float64/);
    assert.match(parseAliasesFile('aliases:\n  g: true\n').errors[0].message, /unexpected type for alias group: bool/);
  });
  it('YAML 1.1 bool group names are stored as "true"/"false"', () => {
    assert.deepEqual(groups('aliases:\n  ON: [a]\n  no: [b]\n'), { true: ['a'], false: ['b'] });
  });
  it('case-variant aliases keys are merged', () => {
    assert.deepEqual(groups('aliases:\n  a: [x]\nAliases:\n  b: [w]\n'), { a: ['x'], b: ['w'] });
  });
  it('syntax errors and a wrong shape give an empty map', () => {
    const a = parseAliasesFile('aliases:\n  g: [a\n');
    assert.equal(a.aliases.size, 0);
    assert.ok(a.errors.length > 0);
    assert.equal(parseAliasesFile('aliases: [a, b]\n').aliases.size, 0);
    assert.equal(parseAliasesFile('- a\n').aliases.size, 0);
    assert.equal(parseAliasesFile('aliases: {g: [.nan]}\n').aliases.size, 0);
  });
});

describe('owners: ExpandAliases', () => {
  it('§2 order quirk: [a,b] with a:[b,c], b:[d] → {c,d}', () => {
    assert.deepEqual(expand('aliases:\n  a: [b, c]\n  b: [d]\n', ['a', 'b']), ['c', 'd']);
  });
  it('§2 order quirk: [b,z] with z:[b], b:[d] → {b,d}', () => {
    assert.deepEqual(expand('aliases:\n  z: [b]\n  b: [d]\n', ['b', 'z']), ['b', 'd']);
  });
  it('not recursive: a member naming another group stays a login', () => {
    assert.deepEqual(expand('aliases:\n  outer: [inner, x]\n  inner: [v]\n', ['outer']), ['inner', 'x']);
  });
  it('unknown names are kept as logins', () => {
    assert.deepEqual(expand('aliases:\n  g: [x]\n', ['sig-foo-leads', 'g']), ['sig-foo-leads', 'x']);
  });
  it('an empty group removes the name and adds nothing', () => {
    assert.deepEqual(expand('aliases:\n  empty:\n', ['empty', 'alice']), ['alice']);
  });
  it('case-insensitive on both sides (through NormLogin at load)', () => {
    const o = repoOf({ OWNERS: 'approvers: ["@Sig-Leads", Alice]\n' }, 'aliases:\n  SIG-leads: [Bob]\n');
    assert.deepEqual(sorted(o.leafApprovers('x')), ['alice', 'bob']);
  });
  it('a `yes` login inside filters meets an `ON:` group', () => {
    const o = repoOf({ OWNERS: 'filters:\n  ".*":\n    approvers: [yes]\n' }, 'aliases:\n  ON: [carl]\n');
    assert.deepEqual(sorted(o.leafApprovers('x')), ['carl']);
  });
  it('no alias file: names stay; empty alias file: no group matches', () => {
    assert.deepEqual(sorted(repoOf({ OWNERS: 'approvers: [g]\n' }).leafApprovers('x')), ['g']);
    assert.deepEqual(sorted(repoOf({ OWNERS: 'approvers: [g]\n' }, '').leafApprovers('x')), ['g']);
  });
  it('flow-mapping members expand', () => {
    const o = repoOf({ OWNERS: 'reviewers: [g]\n' }, 'aliases:\n  g: {x, w}\n');
    assert.deepEqual(sorted(o.leafReviewers('f')), ['w', 'x']);
  });
  it('expansion applies to required_reviewers but not labels', () => {
    const o = repoOf({ OWNERS: 'required_reviewers: [g]\nlabels: [g]\n' }, 'aliases:\n  g: [x]\n');
    assert.deepEqual(sorted(o.requiredReviewers('f')), ['x']);
    assert.deepEqual(sorted(o.findLabelsForFile('f')), ['g']);
  });
  it('an alias to an empty group leaves an empty cell: no approver OWNERS file there', () => {
    const o = repoOf({ OWNERS: 'approvers: [root]\n', 'a/OWNERS': 'approvers: [none]\n' }, 'aliases:\n  none: []\n');
    assert.equal(o.findApproverOwnersForFile('a/x.go'), '');
    assert.deepEqual(o.approvers('a/x.go').toArrays(), [[], [], ['root']]);
  });
  it('replacing the aliases re-expands every file', () => {
    const o = repoOf({ OWNERS: 'approvers: [g]\n' }, 'aliases:\n  g: [x]\n');
    o.setAliases(parseAliasesFile('aliases:\n  g: [w]\n').aliases);
    assert.deepEqual(sorted(o.leafApprovers('f')), ['w']);
    o.setAliases(null);
    assert.deepEqual(sorted(o.leafApprovers('f')), ['g']);
  });
});
