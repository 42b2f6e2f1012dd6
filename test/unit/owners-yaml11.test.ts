/** owners.md §1.3: yaml.v2 (YAML 1.1) scalar typing and sigs.k8s.io/yaml's target-directed string coercion. */
import { strict as assert } from 'node:assert';
import { parseGoYaml } from '../../server/src/core/goyaml/nodes';
import { formatFloat32g, resolvePlainScalar } from '../../server/src/core/goyaml/resolve';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { coercedInFilter, filterLists, repoOf, simpleList, sorted } from './owners-helpers';

describe('owners: yaml.v2 scalar resolution', () => {
  const t = (s: string) => resolvePlainScalar(s);
  it('YAML 1.1 booleans in every spelling yaml.v2 knows', () => {
    for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) assert.deepEqual(t(s), { t: 'bool', v: true }, s);
    for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) assert.deepEqual(t(s), { t: 'bool', v: false }, s);
    for (const s of ['yES', 'oN', 'tRUE', 'nO']) assert.deepEqual(t(s), { t: 'str', v: s }, s);
  });
  it('nulls', () => {
    for (const s of ['', '~', 'null', 'Null', 'NULL']) assert.deepEqual(t(s), { t: 'null' }, s);
    assert.deepEqual(t('nULL'), { t: 'str', v: 'nULL' });
  });
  it('Go ParseInt base 0 integers, underscores dropped', () => {
    assert.deepEqual(t('123'), { t: 'int', v: 123n, u: false });
    assert.deepEqual(t('0x1F'), { t: 'int', v: 31n, u: false });
    assert.deepEqual(t('012'), { t: 'int', v: 10n, u: false });
    assert.deepEqual(t('0o17'), { t: 'int', v: 15n, u: false });
    assert.deepEqual(t('0b101'), { t: 'int', v: 5n, u: false });
    assert.deepEqual(t('-0b11'), { t: 'int', v: -3n, u: false });
    assert.deepEqual(t('+12'), { t: 'int', v: 12n, u: false });
    assert.deepEqual(t('1_000'), { t: 'int', v: 1000n, u: false });
    assert.deepEqual(t('18446744073709551615'), { t: 'int', v: 18446744073709551615n, u: true });
  });
  it('ParseUint takes no sign: +2^64-1 is a float', () => {
    assert.deepEqual(t('+18446744073709551615'), { t: 'float', v: 18446744073709551615 });
  });
  it('floats: 09 is not octal but matches the YAML float rule', () => {
    assert.deepEqual(t('09'), { t: 'float', v: 9 });
    assert.deepEqual(t('1e3'), { t: 'float', v: 1000 });
    assert.deepEqual(t('1.50'), { t: 'float', v: 1.5 });
    assert.deepEqual(t('.5'), { t: 'float', v: 0.5 });
    assert.ok(Number.isNaN((t('.nan') as { v: number }).v));
    assert.deepEqual(t('-.Inf'), { t: 'float', v: -Infinity });
  });
  it('strings that merely look special', () => {
    for (const s of ['alice', '1.2.3', '0x', '0xZZ', '1e', '-', '+', '.', 'yess', 'o', 'toString', 'toLocaleString', 'valueOf'])
      assert.deepEqual(t(s), { t: 'str', v: s }, s);
  });
  it('timestamps stay strings (yaml.v2 decodes them into interface{} as text)', () => {
    assert.deepEqual(t('2001-12-14'), { t: 'str', v: '2001-12-14' });
    assert.deepEqual(t('2001-12-14t21:59:43.10Z'), { t: 'str', v: '2001-12-14t21:59:43.10Z' });
  });
});

describe('owners: Go FormatFloat(v, g, -1, 32)', () => {
  const cases: [number, string][] = [
    [1000, '1000'], [31, '31'], [10, '10'], [1.5, '1.5'], [9, '9'], [0.5, '0.5'], [100000, '100000'], [1e6, '1e+06'],
    [123456789, '1.2345679e+08'], [0.0001, '0.0001'], [0.00001, '1e-05'], [-2.5, '-2.5'], [0, '0'], [0.1, '0.1'],
    [1e39, '+Inf'], [Infinity, '+Inf'], [-Infinity, '-Inf'], [NaN, 'NaN'], [3.4028234663852886e38, '3.4028235e+38'],
  ];
  for (const [v, s] of cases) it(`${v} → ${s}`, () => assert.equal(formatFloat32g(v), s));
});

describe('owners: coercion inside filters (§1.3)', () => {
  it('yes→true, n→false, 123, 1e3→1000, 0x1F→31, 012→10, 1.50→1.5, 09→9', () => {
    assert.deepEqual(coercedInFilter('yes, n, 123, 1e3, 0x1F, 012, 1.50, 09'), ['true', 'false', '123', '1000', '31', '10', '1.5', '9']);
  });
  it('quoted scalars are not coerced, NaN/Inf become their Go spelling', () => {
    assert.deepEqual(coercedInFilter('"yes", \'012\', .nan, .inf, -.inf'), ['yes', '012', 'NaN', '+Inf', '-Inf']);
  });
  it('a large integer is formatted as an integer, a float as float32', () => {
    assert.deepEqual(coercedInFilter('123456789, 123456789.0, 18446744073709551615'), ['123456789', '1.2345679e+08', '18446744073709551615']);
  });
  it('null list item becomes the empty login', () => {
    assert.deepEqual(coercedInFilter('~, null, alice'), ['', '', 'alice']);
  });
  it('coerced logins reach the queries', () => {
    const o = repoOf({ OWNERS: 'filters:\n  ".*":\n    approvers: [yes, 0x1F]\n' });
    assert.deepEqual(sorted(o.leafApprovers('x.go')), ['31', 'true']);
  });
});

describe('owners: top-level lists are not coerced (§1.3)', () => {
  for (const item of ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'false', '123', '1e3', '0x1F']) {
    it(`top-level approvers item ${item} drops the whole file (reviewers, labels too)`, () => {
      const f = parseOwnersFile(`approvers:\n- alice\n- ${item}\nreviewers:\n- bob\nlabels:\n- sig/foo\n`);
      assert.equal(f.mode, 'full');
      assert.deepEqual(f.filters, []);
      assert.match(f.simpleError!.message, /cannot unmarshal (bool|number) into Go value of type string/);
      const o = repoOf({ OWNERS: `approvers:\n- alice\n- ${item}\nreviewers:\n- bob\nlabels:\n- sig/foo\n` });
      assert.deepEqual(o.approvers('x').toArrays(), []);
      assert.deepEqual(o.reviewers('x').toArrays(), []);
      assert.deepEqual(sorted(o.findLabelsForFile('x')), []);
    });
  }
  it('a bool in reviewers drops approvers too', () => {
    const o = repoOf({ OWNERS: 'approvers: [alice]\nreviewers: [bob, off]\n' });
    assert.deepEqual(sorted(o.allOwners()), []);
  });
  it('but options keep their bool typing and survive in the full fallback', () => {
    const f = parseOwnersFile('options:\n  no_parent_owners: yes\napprovers: [alice, 1]\n');
    assert.equal(f.mode, 'full');
    assert.equal(f.options.noParentOwners, true);
  });
  it('`approvers: alice` (a scalar) drops the file', () => {
    const f = parseOwnersFile('approvers: alice\nreviewers: [bob]\n');
    assert.equal(f.mode, 'full');
    assert.deepEqual(repoOf({ OWNERS: 'approvers: alice\nreviewers: [bob]\n' }).reviewers('x').toArrays(), []);
  });
  it('`approvers: {a: b}` and nested lists drop the file', () => {
    assert.equal(parseOwnersFile('approvers: {a: b}\n').mode, 'full');
    assert.equal(parseOwnersFile('approvers: [[a]]\n').mode, 'full');
  });
  it('null top-level item becomes the empty login ""', () => {
    const f = parseOwnersFile('approvers:\n- alice\n- ~\n-\n');
    assert.equal(f.mode, 'simple');
    assert.deepEqual(simpleList(f, 'approvers'), ['alice', '', '']);
    assert.deepEqual(sorted(repoOf({ OWNERS: 'approvers:\n- alice\n- ~\n' }).leafApprovers('x')), ['', 'alice']);
  });
  it('a login that is a timestamp stays text', () => {
    assert.deepEqual(simpleList(parseOwnersFile('approvers: [2001-12-14]\n'), 'approvers'), ['2001-12-14']);
  });
  it('a login named toString is a string, not an Object.prototype hit', () => {
    assert.deepEqual(simpleList(parseOwnersFile('approvers: [toString, valueOf, constructor]\n'), 'approvers'), ['toString', 'valueOf', 'constructor']);
  });
});

describe('owners: documents Prow cannot decode are ignored entirely', () => {
  it('invalid YAML: nothing, not even options', () => {
    const f = parseOwnersFile('options:\n  no_parent_owners: true\napprovers: [alice\n');
    assert.equal(f.mode, 'ignored');
    assert.ok(f.syntaxError);
    const o = repoOf({ OWNERS: 'approvers: [root]\n', 'a/OWNERS': 'options:\n  no_parent_owners: true\napprovers: [alice\n' });
    assert.deepEqual(o.approvers('a/x').toArrays(), [[], [], ['root']]);
    assert.equal(o.isNoParentOwners('a'), false);
  });
  it('NaN or Inf anywhere fails json.Marshal (even under an unknown key)', () => {
    for (const text of ['approvers: [.inf]\n', 'foo: .nan\napprovers: [a]\n', 'approvers: [a]\nfilters: {x: {foo: -.Inf}}\n']) {
      assert.equal(parseOwnersFile(text).mode, 'ignored', text);
    }
  });
  it('a control character (binary file) fails the reader', () => {
    assert.equal(parseOwnersFile('approvers: [a\u0000b]\n').mode, 'ignored');
    assert.equal(parseOwnersFile('approvers: [a]\n\u0007\n').mode, 'ignored');
    assert.equal(parseOwnersFile('approvers: [a\tb, "\u00e9\u{1F600}"]\n').mode, 'simple');
  });
  it('a top-level list or scalar document', () => {
    assert.equal(parseOwnersFile('- alice\n').mode, 'ignored');
    assert.equal(parseOwnersFile('alice\n').mode, 'ignored');
  });
  it('empty and comment-only files are full with no filters', () => {
    assert.equal(parseOwnersFile('').mode, 'full');
    assert.equal(parseOwnersFile('# nothing\n').mode, 'full');
  });
  it('a non-string option value fails both decodes', () => {
    assert.equal(parseOwnersFile('options:\n  no_parent_owners: "true"\napprovers: [a]\n').mode, 'ignored');
    assert.equal(parseOwnersFile('options:\n  no_parent_owners: 1\napprovers: [a]\n').mode, 'ignored');
  });
  it('a null map key fails the conversion', () => {
    assert.equal(parseOwnersFile('~: x\napprovers: [a]\n').mode, 'ignored');
  });
  it('a uint64 map key fails the conversion, a signed one is a float key', () => {
    assert.equal(parseOwnersFile('filters:\n  18446744073709551615: {approvers: [a]}\n').mode, 'ignored');
    const f = parseOwnersFile('filters:\n  +18446744073709551615: {approvers: [a]}\n');
    assert.deepEqual(Object.keys(filterLists(f, 'approvers')), ['1.8446744e+19']);
  });
});

describe('owners: explicit tags (yaml.v2 resolve with a tag)', () => {
  it('!!str keeps text, !!int "12" is an int, !!float 1 is a float', () => {
    assert.deepEqual(coercedInFilter('!!str 12, !!int "12", !!float 123456789'), ['12', '12', '1.2345679e+08']);
    assert.deepEqual(simpleList(parseOwnersFile('approvers: [!!str yes, !!str 1]\n'), 'approvers'), ['yes', '1']);
  });
  it('a tag that disagrees with the text fails the document', () => {
    assert.equal(parseOwnersFile('approvers: [!!int 1.5]\n').mode, 'ignored');
    assert.equal(parseOwnersFile('approvers: [!!bool alice]\n').mode, 'ignored');
  });
  it('!!binary is base64-decoded; unknown local tags keep the text', () => {
    assert.deepEqual(simpleList(parseOwnersFile('approvers: [!!binary YWxpY2U=, !foo bob]\n'), 'approvers'), ['alice', 'bob']);
    assert.equal(parseOwnersFile('approvers: [!!binary "%%%"]\n').mode, 'ignored');
  });
});

describe('owners: anchors, aliases and merge keys', () => {
  it('an aliased list', () => {
    const o = repoOf({ OWNERS: 'approvers: &people\n- alice\n- bob\nreviewers: *people\n' });
    assert.deepEqual(o.reviewers('x').toArrays(), [[], ['alice', 'bob']]);
  });
  it('<< merges a mapping at its position; later keys override', () => {
    const f = parseOwnersFile('base: &b\n  approvers: [carl]\n  reviewers: [dora]\n<<: *b\nreviewers: [erin]\n');
    assert.equal(f.mode, 'simple');
    assert.deepEqual(simpleList(f, 'approvers'), ['carl']);
    assert.deepEqual(simpleList(f, 'reviewers'), ['erin']);
  });
  it('a merge overrides keys written before it', () => {
    const f = parseOwnersFile('base: &b\n  reviewers: [dora]\nreviewers: [erin]\n<<: *b\napprovers: [a]\n');
    assert.deepEqual(simpleList(f, 'reviewers'), ['dora']);
  });
  it('a sequence of merges: earlier maps win', () => {
    const f = parseOwnersFile('x: &x {approvers: [x1]}\ny: &y {approvers: [y1], reviewers: [y2]}\n<<: [*x, *y]\n');
    assert.deepEqual(simpleList(f, 'approvers'), ['x1']);
    assert.deepEqual(simpleList(f, 'reviewers'), ['y2']);
  });
  it('merges inside filters', () => {
    const f = parseOwnersFile('common: &c {approvers: [a1]}\nfilters:\n  ".*":\n    <<: *c\n    reviewers: [r1]\n');
    assert.deepEqual(filterLists(f, 'approvers'), { '.*': ['a1'] });
    assert.deepEqual(filterLists(f, 'reviewers'), { '.*': ['r1'] });
  });
  it('an alias to an unknown or later anchor fails the document (options included)', () => {
    assert.equal(parseOwnersFile('options: {no_parent_owners: true}\napprovers: *nope\n').mode, 'ignored');
    assert.equal(parseOwnersFile('approvers: *x\nreviewers: &x [a]\n').mode, 'ignored');
  });
  it('a redefined anchor: the alias sees the latest definition', () => {
    assert.deepEqual(simpleList(parseOwnersFile('a: &x [p]\nb: &x [q]\napprovers: *x\n'), 'approvers'), ['q']);
  });
  it('a quoted "<<" is an ordinary key', () => {
    assert.equal(parseOwnersFile('base: &b\n  approvers: [carl]\n"<<": *b\n').mode, 'full');
  });
  it('merging a scalar, null or a list of scalars fails the document', () => {
    for (const text of ['<<: 5\napprovers: [a]\n', '<<:\napprovers: [a]\n', 's: &s x\n<<: *s\napprovers: [a]\n', '<<: [a]\napprovers: [a]\n']) {
      assert.equal(parseOwnersFile(text).mode, 'ignored', text);
    }
  });
  it('a YAML alias bomb does not hang or crash', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 12; i++) text += `a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]\n`;
    text += 'approvers: [alice]\n';
    const f = parseOwnersFile(text);
    assert.equal(f.mode, 'ignored');
  });
  it('tree offsets point into the source', () => {
    const text = 'approvers:\n  - alice\n';
    const p = parseGoYaml(text);
    assert.equal(p.root?.kind, 'map');
    const item = (p.root as { entries: { value: { items: { range: [number, number] }[] } }[] }).entries[0].value.items[0];
    assert.equal(text.slice(item.range[0], item.range[1]), 'alice');
  });
});
