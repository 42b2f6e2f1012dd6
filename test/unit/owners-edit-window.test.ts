/**
 * The syntax error of a mid-edit OWNERS_ALIASES found near the edit (core/goyaml/editWindow.ts) must be exactly the
 * full parse's error — same message, same offset — or the window must decline. Differential test over random edit
 * sessions on canonical files: typing lines character by character, inserting and deleting random snippets.
 */
import { strict as assert } from 'node:assert';
import fc from 'fast-check';
import { parseCanonicalBlockYaml } from '../../server/src/core/goyaml/canonicalBlock';
import { parseErrorNearEdit, type CanonicalText } from '../../server/src/core/goyaml/editWindow';
import { parseGoYaml } from '../../server/src/core/goyaml/nodes';
import { parseAliasesYaml } from '../../server/src/core/owners/aliasesFile';

const NAMES = ['sig-node-leads', 'wg-x', 'yes', 'team', 'a_b', 'x.y', 'foo'];
const MEMBERS = ['alice', 'bob', 'dims', 'eve-x', 'no', '017'];

const group = fc.tuple(fc.constantFrom(...NAMES), fc.array(fc.constantFrom(...MEMBERS), { maxLength: 3 }), fc.constantFrom('', '', '', ' # c', ' []'), fc.constantFrom('', '', '', '\n', '  # note\n')).map(
  ([name, members, tail, after]) => (tail === ' []' ? `  ${name}: []\n` : `  ${name}:${tail}\n${members.map((m) => `    - ${m}\n`).join('')}`) + after,
);
const topEntry = fc.tuple(fc.constantFrom('aliases', 'other'), fc.array(group, { minLength: 1, maxLength: 6 })).map(([k, gs]) => `${k}:\n${gs.join('')}`);
const canonicalDoc = fc.tuple(fc.constantFrom('', '# header\n'), fc.array(topEntry, { minLength: 1, maxLength: 2 })).map(([h, es]) => h + es.join(''));

/** Snippets typed into the text: plausible (and implausible) pieces of YAML. */
const SNIPPET = fc.constantFrom('n', 'new-group', ':', ': ', ' ', '  ', '-', '- ', '#', ' # x', '\n', '\n  ', 'x:', 'a: b', '[', ']', '"', "'", '|', '&a', '*a', '!t', '?', '\t', 'é', '---', '   - m', '\n    - m');

type Edit = { k: 'type'; at: number; line: string } | { k: 'insert'; at: number; s: string } | { k: 'delete'; at: number; n: number } | { k: 'join'; at: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  { weight: 3, arbitrary: fc.record({ k: fc.constant('type' as const), at: fc.nat(), line: fc.constantFrom('  new-group0: []', '  n: x', '    - alice', '   bad', '  g:', ' x', '  # c', 'top:', '  k: [a') }) },
  { weight: 3, arbitrary: fc.record({ k: fc.constant('insert' as const), at: fc.nat(), s: SNIPPET }) },
  { weight: 2, arbitrary: fc.record({ k: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 1, max: 12 }) }) },
  // Larger deletions (across group and top-level key lines) and joined lines (a newline deleted).
  { weight: 1, arbitrary: fc.record({ k: fc.constant('delete' as const), at: fc.nat(), n: fc.integer({ min: 13, max: 60 }) }) },
  { weight: 1, arbitrary: fc.record({ k: fc.constant('join' as const), at: fc.nat() }) },
);

/** Every text the edit goes through (typing: one per character). */
function states(text: string, e: Edit): string[] {
  // Edits land at line starts mostly (where typing a group usually happens), sometimes anywhere.
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index! + 1)].filter((i) => i < text.length);
  const at = e.at % 3 === 0 ? e.at % (text.length + 1) : lineStarts[e.at % lineStarts.length] ?? 0;
  if (e.k === 'type') return Array.from({ length: e.line.length }, (_, i) => text.slice(0, at) + e.line.slice(0, i + 1) + text.slice(at));
  if (e.k === 'insert') return [text.slice(0, at) + e.s + text.slice(at)];
  if (e.k === 'join') {
    const nl = text.indexOf('\n', at);
    return nl < 0 ? [] : [text.slice(0, nl) + text.slice(nl + 1)];
  }
  return [text.slice(0, at) + text.slice(at + e.n)];
}

describe('owners: the syntax error found near an OWNERS_ALIASES edit equals the full parse', () => {
  it('random edit sessions: same message and offset, or the window declines', () => {
    let used = 0;
    fc.assert(
      fc.property(canonicalDoc, fc.array(edit, { minLength: 1, maxLength: 8 }), (doc, edits) => {
        const first = parseCanonicalBlockYaml(doc);
        if (!first) return;
        let last: CanonicalText = { text: doc, yaml: first };
        let text = doc;
        for (const e of edits) {
          for (const t of states(text, e)) {
            text = t;
            const fast = parseCanonicalBlockYaml(t);
            if (fast) {
              last = { text: t, yaml: fast };
              continue;
            }
            const near = parseErrorNearEdit(t, last);
            if (!near) continue;
            used++;
            const full = parseGoYaml(t);
            assert.ok(full.error, `the window found an error in a text that parses: ${JSON.stringify(t)}\nlast canonical: ${JSON.stringify(last.text)}`);
            assert.deepEqual(near.error, full.error, `text ${JSON.stringify(t)}\nlast canonical: ${JSON.stringify(last.text)}`);
            assert.equal(near.root, null);
            // (The `yaml` package stops counting lines where it gives up; the window's line starts are the text's own.)
            assert.deepEqual([...(near.lineCounter as unknown as { lineStarts: number[] }).lineStarts], [0, ...[...t.matchAll(/\n/g)].map((m) => m.index! + 1)]);
          }
        }
      }),
      { numRuns: 3000 },
    );
    // The property means little if the window never applies.
    assert.ok(used > 1000, `the window applied only ${used} times`);
  });

  it('edits that remove or join the lines meant to close the window: the full parse answer, or a decline', () => {
    const cases: [string, string][] = [
      // The next top-level key (`other:`) is deleted with the lines before it: `dims` now runs on into `foo`.
      [
        'aliases:\n  a_b: []\n  a_b:\n    - dims\nother:\n  foo: # c\n    - alice\n\n  sig-node-leads: # c\n    - alice\n  team: []\n',
        'aliases:\n  a_b: []\n  dims\n\n  foo: # c\n    - alice\n\n  sig-node-leads: # c\n    - alice\n  team: []\n',
      ],
      // A newline deleted before a group key joins it to the edited line.
      ['aliases:\n  a:\n    - x\n  b:\n    - y\n  c:\n  d:\n  e:\n', 'aliases:\n  a:\n    - x  b:\n    - y\n  c:\n  d:\n  e:\n'],
      ['aliases:\n  a:\n    - x\n  b:\n  c:\nother:\n  d:\n', 'aliases:\n  a:\n    - x\n  b:\n  c:other:\n  d:\n'],
    ];
    for (const [before, after] of cases) {
      const last: CanonicalText = { text: before, yaml: parseCanonicalBlockYaml(before)! };
      assert.ok(last.yaml, before);
      const near = parseErrorNearEdit(after, last);
      if (near) assert.deepEqual(near.error, parseGoYaml(after).error, after);
    }
  });

  it('typing a new group name before a comment line: every broken state is answered near the edit', () => {
    const groups = Array.from({ length: 100 }, (_, i) => `  group-${i}:\n    - user${i}\n    - other${i}\n`).join('');
    const doc = `aliases:\n  # copied from elsewhere\n${groups}`;
    let last: CanonicalText = { text: doc, yaml: parseCanonicalBlockYaml(doc)! };
    const at = doc.indexOf('\n') + 1;
    let near = 0;
    let broken = 0;
    for (const line of ['  new-group0: []', '  n']) {
      for (let i = 1; i <= line.length; i++) {
        const t = doc.slice(0, at) + line.slice(0, i) + doc.slice(at);
        const r = parseAliasesYaml(t, last);
        if (r.canonical) last = { text: t, yaml: r.yaml };
        const full = parseGoYaml(t);
        if (full.error) broken++;
        if (full.error && !line.slice(0, i).includes('[')) {
          near++;
          assert.deepEqual(parseErrorNearEdit(t, last)?.error, full.error, t.slice(0, 80));
        }
        assert.deepEqual(r.yaml.error, full.error);
      }
    }
    assert.ok(broken > 10 && near > 10, `${broken} broken states, ${near} answered near the edit`);
  });
});
