/**
 * The fast kep.yaml reader (fastYamlV3.ts) must build exactly the tree the `yaml` package path builds, offsets
 * included, or decline. Checked on hand-written cases at the edges of its subset and on generated documents (seeded,
 * so a failure reproduces) mixing everything KEP files contain plus mutations that leave the subset.
 */
import * as assert from 'node:assert/strict';
import { fastParseV3 } from '../../server/src/core/kep/fastYamlV3';
import { parseV3, parseV3ViaLibrary, type V3Node } from '../../server/src/core/kep/goYamlV3';
import { rng } from '../support/seededRandom';

/** Asserts the fast reader either declines or agrees with the library; returns whether it answered. */
function agrees(text: string): boolean {
  const fast = fastParseV3(text);
  if (fast === undefined) return false;
  const lib = parseV3ViaLibrary(text);
  assert.equal(lib.syntaxError, undefined, `fast reader accepted a text the library rejects: ${JSON.stringify(text)}`);
  assert.deepStrictEqual(fast, lib.root, `trees differ for ${JSON.stringify(text)}`);
  return true;
}


const KEYS = ['title', 'kep-number', 'authors', 'owning-sig', 'status', 'milestone', 'alpha', 'beta', 'stable', 'name', 'components', 'a', 'x-y'];
const SCALARS = ['[-, a]', '[-a, b]', '[a, -]', '[- a]', '[-]', 'v1.36', '"v1.36"', "'it''s'", 'Foo & Bar: baz', 'http://x.y/z?q=1', '-1', '@someone', '"@someone"', '[]', '{}', '~', 'yes', '2024-01-02', 'a #b', '"a: b"', "''", '""', 'x  ', 'y # comment', '"q" # c', 'a]b', 'k8s.io/x', '"a : b"', 'a ,:]', 'y # a : b', 'ünï €', '[a, "b" , c]', "['x']", '[x, ]', '[ q ]', '[a,b] # c', '[a b, c d]', '[,]', '[a, [b]]', '[a'];

function generate(r: () => number): string {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)];
  const lines: string[] = [];
  const trivia = () => {
    const n = r() < 0.6 ? 0 : 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const k = r();
      lines.push(k < 0.3 ? '' : k < 0.55 ? pick(['# note', '# a : b']) : k < 0.9 ? ' '.repeat(1 + Math.floor(r() * 6)) + '# indented' : '  ');
    }
  };
  const block = (indent: number, depth: number, compactFirst?: string) => {
    const seq = r() < 0.35;
    const n = 1 + Math.floor(r() * 3);
    for (let i = 0; i < n; i++) {
      const pad = i === 0 && compactFirst !== undefined ? compactFirst : ' '.repeat(indent);
      trivia();
      if (seq) {
        const k = r();
        if (k < 0.5 || depth > 2) lines.push(`${pad}- ${pick(SCALARS)}`);
        else if (k < 0.6) lines.push(`${pad}-`);
        else if (k < 0.8) {
          // A compact mapping in the item.
          block(indent + 2, depth + 1, `${pad}- `);
        } else {
          lines.push(`${pad}-`);
          block(indent + 2, depth + 1);
        }
      } else {
        const key = pick(KEYS);
        const k = r();
        if (k < 0.55 || depth > 2) lines.push(`${pad}${key}: ${pick(SCALARS)}`);
        else if (k < 0.7) lines.push(`${pad}${key}:`);
        else {
          lines.push(`${pad}${key}:${r() < 0.2 ? '  ' : ''}`);
          trivia();
          // A nested block, or a sequence at the key's own column.
          block(r() < 0.25 ? indent : indent + pick([1, 2, 4]), depth + 1);
        }
      }
    }
  };
  block(r() < 0.9 ? 0 : 2, 0);
  trivia();
  // Mutations that usually leave the subset (or make the text invalid): the reader must decline or still agree.
  const m = r();
  if (m < 0.1 && lines.length) {
    const i = Math.floor(r() * lines.length);
    lines[i] = ' ' + lines[i];
  } else if (m < 0.15 && lines.length) {
    lines.splice(Math.floor(r() * lines.length), 0, pick(['  continued', '- stray', 'key: value: more', '---', 'a:\tb', '"k": v', 'k : v']));
  }
  return lines.join('\n') + (r() < 0.85 ? '\n' : '');
}

describe('fast kep.yaml reader (same tree as the yaml package path)', () => {
  it('reads the shapes KEP files use, with the library offsets', () => {
    const cases = [
      'title: Foo\nkep-number: 1\nauthors:\n  - "@a"\n  - b # c\nmilestone:\n  alpha: "v1.1"\n  beta:\n  stable:\n\n# trailing\n',
      'a:\n- x\n- y\nb: 1\n',
      '- a: 1\n  b: 2\n-\n- c\n',
      'k:\n\n',
      'a:\n  b:\n# c\nd: 1\n',
      'a:\n  b:\n# c\n',
      "a: 'it''s' # x\nb: \"q\"\nc: []  # e\nd: {}\n",
      'a: b',
      ' a: 1\n b: 2\n',
      'a:\n  b: 1\n    # c\n\n    # d\n  # e\n\n# f\nc: 2\n',
      'a:\n  - b:\n      c: 1\n    # x\n# y\nd: 1\n',
      'a:\n  b:   \n  c:\n    # x\n',
      'a: [x, "y" , z]\nb: [ q ]  # c\n',
    ];
    for (const c of cases) assert.ok(agrees(c), `expected the fast reader to answer for ${JSON.stringify(c)}`);
  });

  it('declines what it does not follow (the library answers instead)', () => {
    const cases = [
      'a:\t1\n', 'a: |\n  x\n', 'a: &x 1\nb: *x\n', 'a: !!str 1\n', 'a: "x\\ty"\n', 'a: [1, [2]]\n', 'a: {b: 1}\n', 'a: b\n  c\n',
      '---\na: 1\n', 'a: 1\r\n', '"k": v\n', 'k : v\n', '-   a: x\n', '-  \n', 'a: b: c\n', 'plain\n', '',
      '# only a comment\n', 'a: 1\n- b\n', '? a\n: b\n',
    ];
    for (const c of cases) assert.equal(fastParseV3(c), undefined, JSON.stringify(c));
  });

  it('leaves deep nesting to the library', () => {
    let text = '';
    for (let d = 0; d < 300; d++) text += ' '.repeat(d) + `k${d}:\n`;
    text += ' '.repeat(300) + 'leaf: 1\n';
    assert.equal(fastParseV3(text), undefined);
    assert.deepStrictEqual(parseV3(text), parseV3ViaLibrary(text));
  });

  it('parseV3 gives the same answer through either path', () => {
    for (const c of ['a: 1\n', 'a: [1, 2]\nb:\n  - x\n']) {
      assert.deepStrictEqual(parseV3(c), parseV3ViaLibrary(c));
    }
  });

  it('a `-` glued to a flow indicator is the scalar "-", as libyaml reads it, through either path', () => {
    // Verdicts of yaml.v3 v3.0.1 for each text: the scalar "-" where the dash touches `,`, `]` or `}`; an error when a
    // space follows it.
    const cases: [string, string[] | 'error'][] = [
      ['a: [-, b]\n', ['-', 'b']],
      ['a: [-]\n', ['-']],
      ['a: [a, -]\n', ['a', '-']],
      ['a: [-,-,-]\n', ['-', '-', '-']],
      ['a: [a, - ]\n', 'error'],
      ['a: [ - , b]\n', 'error'],
    ];
    for (const [text, want] of cases) {
      for (const doc of [parseV3(text), parseV3ViaLibrary(text)]) {
        if (want === 'error') {
          assert.ok(doc.syntaxError, text);
          continue;
        }
        const seq = doc.root?.kind === 'map' ? doc.root.pairs[0].value : undefined;
        assert.ok(seq?.kind === 'seq', text);
        assert.deepEqual(seq.items.map((i) => (i.kind === 'scalar' ? i.value : i.kind)), want, text);
      }
    }
    const map = parseV3ViaLibrary('a: {x: -}\n').root;
    assert.ok(map?.kind === 'map' && map.pairs[0].value.kind === 'map' && map.pairs[0].value.pairs[0].value.kind === 'scalar');
    assert.equal(map.pairs[0].value.pairs[0].value.value, '-');
  });

  it('agrees with the library on generated documents', () => {
    let answered = 0;
    const total = 4000;
    for (let seed = 1; seed <= total; seed++) {
      const text = generate(rng(seed));
      try {
        if (agrees(text)) answered++;
      } catch (e) {
        (e as Error).message += ` (seed ${seed})`;
        throw e;
      }
    }
    // The generator is meant to exercise the fast path, not only its refusals.
    assert.ok(answered > total / 4, `fast reader answered only ${answered} of ${total}`);
  });
});

export type { V3Node };
