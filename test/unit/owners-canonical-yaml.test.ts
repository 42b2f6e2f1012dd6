/**
 * The OWNERS_ALIASES fast parse (core/goyaml/canonicalBlock.ts) must build exactly the tree `parseGoYaml` (the `yaml`
 * package + yaml.v2 typing) builds — same kinds, typed values, texts and source ranges, same line starts — or decline.
 * Differential test over random documents near the canonical shape (blank lines, comments, trailing spaces, odd
 * indentation, YAML 1.1 scalars, and the constructs the fast path must decline).
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCanonicalBlockYaml } from '../../server/src/core/goyaml/canonicalBlock';
import { parseGoYaml } from '../../server/src/core/goyaml/nodes';
import { parseAliasesFile } from '../../server/src/core/owners/aliasesFile';

const NAMES = ['aliases', 'Aliases', 'sig-node-leads', 'wg-x', 'yes', 'on', 'null', '123', '0x1F', '1e3', '2001-12-14', 'a_b', 'x.y', 'foo', '_z', 'true', 'n  new-group', 'a b', 'g ', 'x  '];
const MEMBERS = ['alice', 'Bob', 'dims', 'eve-x', 'y', 'no', 'null', '017', '1.5', 'a.b', '9223372036854775808'];
/** Members outside the fast path's shape (it must decline them). */
const ODD_MEMBERS = ['~', '.inf', '@dave', '"quoted"', "'q'", '*a', '&a x', 'a b', 'x:y', '[a]', '{a}', '-', 'é', 'a #b'];
const member = fc.oneof({ weight: 30, arbitrary: fc.constantFrom(...MEMBERS) }, { weight: 1, arbitrary: fc.constantFrom(...ODD_MEMBERS) });

const spaces = fc.constantFrom('', '', '', ' ', '  ');
const comment = fc.constantFrom('', '', '', '', '', '', ' # note', '  #', '#x', ' # - dims');
const filler = fc.constantFrom('', '', '', '   ', '# top comment', '# top comment', '## BEGIN CUSTOM CONTENT', '  # indented', '    # deeper', '      # deepest', '\t', '---', '...', 'x: y', '  k: v', '- loose');

const item = (indent: number) =>
  fc.tuple(member, fc.constantFrom(' ', ' ', ' ', ' ', '  ', ''), comment, spaces).map(([m, gap, c, tail]) => `${' '.repeat(indent)}-${gap}${m}${c}${c === '' ? tail : ''}`);

/** What may follow a group's colon: nothing, an empty flow sequence (the one flow form the fast path takes), or others. */
const flowTail = fc.constantFrom('', '', '', '', '', '', '', '', ' []', ' []', '  []  ', ' []x', ' [ ]', ' [a]', '[]');

const group = (indent: number) =>
  fc.tuple(fc.constantFrom(...NAMES.slice(2), ...MEMBERS.slice(0, 6)), spaces, fc.constantFrom(indent + 2, indent + 2, indent + 2, indent, indent, indent + 1, 0, indent - 1), fc.nat(4), comment, flowTail).chain(([name, sp, itemIndent, n, c, flow]) =>
    fc
      .array(fc.oneof({ weight: 20, arbitrary: item(Math.max(0, itemIndent)) }, { weight: 1, arbitrary: filler }), { maxLength: flow ? n % 2 : n })
      .map((items) => [`${' '.repeat(indent)}${name}:${flow || sp}${c === ' # note' || c === '  #' ? c : ''}`, ...items]),
  );

const topEntry = fc.tuple(fc.constantFrom(...NAMES), spaces, fc.constantFrom(2, 2, 4, 1), fc.constantFrom('', '', '', '', '', '', '', ' # top', ' []')).chain(([key, sp, gi, tail]) =>
  fc.array(fc.oneof({ weight: 10, arbitrary: group(gi) }, { weight: 1, arbitrary: filler.map((f) => [f]) }), { maxLength: 5 }).map((gs) => [`${key}:${sp}${tail}`, ...gs.flat()]),
);

const document = fc.tuple(fc.array(fc.oneof({ weight: 5, arbitrary: topEntry }, { weight: 1, arbitrary: filler.map((f) => [f]) }), { minLength: 1, maxLength: 3 }), fc.boolean()).map(
  ([parts, nl]) => parts.flat().join('\n') + (nl ? '\n' : ''),
);

// OWNERS shapes: lists right under top-level keys (indented or not), `options` with inline values, labels with slashes.
const OWNERS_KEYS = ['approvers', 'reviewers', 'labels', 'required_reviewers', 'emeritus_approvers', 'Approvers', 'options', 'filters', 'no_parent_owners'];
const OWNERS_ITEMS = fc.oneof(
  { weight: 20, arbitrary: fc.constantFrom('alice', 'Bob', 'sig/node', 'area/x/y', 'kind/bug', 'a-b', 'yes', '1.0', '0x10') },
  { weight: 1, arbitrary: fc.constantFrom('@bob', 'a b', '/x', 'x/', '~', '"q"') },
);
const ownersItem = (indent: number) =>
  fc.tuple(OWNERS_ITEMS, comment, spaces).map(([m, c, tail]) => `${' '.repeat(indent)}- ${m}${c}${c === '' ? tail : ''}`);
const inlineEntry = (indent: number) =>
  fc.tuple(fc.constantFrom('no_parent_owners', 'auto_approve_unowned_subfolders', 'k', '".*"'), fc.constantFrom('true', 'true', 'true', 'false', 'yes', 'x', 'sig/node', '1', '', '[]', '[a]', '"q"'), fc.constantFrom('', '', '', '', ' # c', ' ')).map(
    ([k, v, c]) => `${' '.repeat(indent)}${k}:${v === '' ? '' : ' ' + v}${c}`,
  );
const ownersTop = fc.tuple(fc.constantFrom(...OWNERS_KEYS), fc.constantFrom('', '', '', '', '', '', '', ' # c', ' ', ' x', ' []'), fc.constantFrom(0, 0, 2, 2, 2, 4, 1), fc.nat(3)).chain(([key, tail, indent, mode]) =>
  fc
    .array(
      mode === 0
        ? fc.oneof({ weight: 20, arbitrary: inlineEntry(indent === 0 ? 2 : indent) }, { weight: 1, arbitrary: ownersItem(indent) }, { weight: 1, arbitrary: filler })
        : fc.oneof({ weight: 30, arbitrary: ownersItem(indent) }, { weight: 1, arbitrary: inlineEntry(indent === 0 ? 2 : indent) }, { weight: 1, arbitrary: filler }),
      { maxLength: 6 },
    )
    .map((lines) => [`${key}:${tail}`, ...lines]),
);
const ownersDocument = fc.tuple(fc.constantFrom('', '# See the OWNERS docs at https://go.k8s.io/owners\n\n'), fc.array(ownersTop, { minLength: 1, maxLength: 4 }), fc.boolean()).map(
  ([head, parts, nl]) => head + parts.flat().join('\n') + (nl ? '\n' : ''),
);

function lineStarts(p: { lineCounter: unknown }): number[] {
  return [...(p.lineCounter as { lineStarts: number[] }).lineStarts];
}

/**
 * Runs the fast parse on generated documents: where it answers, its tree and line starts must be the real parser's.
 * Returns the documents it answered (the caller checks it answered enough of each kind) and how many were tried.
 */
function checkAgainstYamlPackage(docs: fc.Arbitrary<string>): { answered: string[]; runs: number } {
  const answered: string[] = [];
  let runs = 0;
  fc.assert(
    fc.property(docs, (text) => {
      runs++;
      const fast = parseCanonicalBlockYaml(text);
      if (!fast) return;
      answered.push(text);
      const slow = parseGoYaml(text);
      assert.equal(slow.error, undefined, `fast path accepted a document the real parser rejects: ${JSON.stringify(text)}`);
      assert.deepEqual(fast.root, slow.root, JSON.stringify(text));
      assert.deepEqual(lineStarts(fast), lineStarts(slow), JSON.stringify(text));
    }),
    { numRuns: 8000 },
  );
  return { answered, runs };
}

describe('owners: fast OWNERS_ALIASES parse equals the yaml-package parse', () => {
  it('same tree, ranges and line starts on random documents, or declines', () => {
    const { answered, runs } = checkAgainstYamlPackage(document);
    const flow = answered.filter((t) => /: ?\[\]/.test(t)).length;
    const keyComment = answered.filter((t) => /: +#/.test(t)).length;
    // The property means little if the fast path declines nearly everything.
    assert.ok(answered.length > runs / 12, `fast path accepted only ${answered.length} of ${runs}`);
    assert.ok(flow > 50 && keyComment > 50, `fast path accepted ${flow} documents with \`[]\`, ${keyComment} with a comment after a key`);
  });

  it('OWNERS shapes: same tree, ranges and line starts, or declines', () => {
    const { answered, runs } = checkAgainstYamlPackage(ownersDocument);
    const unindented = answered.filter((t) => /^- /m.test(t)).length;
    const inline = answered.filter((t) => /^ +[a-z_]+: [a-z]/m.test(t)).length;
    assert.ok(answered.length > runs / 8, `fast path accepted only ${answered.length} of ${runs}`);
    assert.ok(unindented > 100 && inline > 100, `fast path accepted ${unindented} documents with unindented lists, ${inline} with inline values`);
  });

  it('a canonical file takes the fast path; flow style, quotes and anchors fall back to the yaml package', () => {
    assert.ok(parseCanonicalBlockYaml('aliases:\n  sig-a-leads:\n    - alice # lead\n    - bob\n\n  empty:\n'));
    assert.ok(parseCanonicalBlockYaml('aliases: # groups\n  sig-a-leads: # the leads\n    - alice\n  none: []\n  later: [] # soon\n  b:\n    - bob\n'));
    for (const t of ['aliases:\n  g: [a]\n', 'aliases:\n  g: []\n    - a\n', 'aliases:\n  g: # last\n', 'aliases:\n  g:\n    - "a"\n', 'aliases:\n  g: &x\n    - a\n  h: *x\n', 'aliases:\n\tg:\n', 'aliases:\n  g:\n    - a\n    # c\n']) {
      assert.equal(parseCanonicalBlockYaml(t), undefined, t);
    }
  });

  it('parseAliasesFile gives the same groups and errors either way', () => {
    const text = 'aliases:\n  Sig-A:\n    - Alice\n    - yes\n  b:\n  - x\n  empty:\nother:\n';
    const viaFast = parseAliasesFile(text);
    const viaYaml = parseAliasesFile(text, parseGoYaml(text));
    assert.deepEqual(viaFast.aliases, viaYaml.aliases);
    assert.deepEqual(viaFast.errors.map((e) => e.message), viaYaml.errors.map((e) => e.message));
    assert.deepEqual(viaFast.errors.map((e) => e.message), ['unexpected type for alias group member: bool']);
  });
});
