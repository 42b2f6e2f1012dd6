/**
 * Grammar-aware fuzz inputs for every file kind Kube Shepherd checks: synthetic texts built from the grammar of each
 * kind (YAML 1.1 scalars that coerce, flow/block styles, anchors, filters and regexes, KEP fields, Markdown headings and
 * TOC blocks), and mutations of seeds (small synthetic ones plus the real corpus files under ../shared/corpus when present)
 * that keep most of the structure and break it in the places a half-typed line breaks it.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { generateToc, TOC_END_TAG, TOC_START_TAG } from '../../../server/src/core/kep/mdtoc';

export type FuzzKind = 'owners' | 'aliases' | 'kep' | 'prr' | 'readme';
export const FUZZ_KINDS: readonly FuzzKind[] = ['owners', 'aliases', 'kep', 'prr', 'readme'];

// ---------------------------------------------------------------- tokens

const LOGINS = ['alice', 'bob', 'Carol', '@dave', 'eve-x', 'team-a', 'sig-node-leads', 'sig-node-approvers', 'x', 'dims', 'thockin', 'liggitt', 'a_b', 'üser', '-lead', 'prod-readiness-approvers'];
/** Scalars yaml.v2 / YAML 1.1 coerces (booleans, numbers, null, timestamps) or that need quoting. */
const TRICKY = ['yes', 'no', 'on', 'off', 'y', 'n', 'true', 'False', '~', 'null', '0x1F', '0o17', '017', '1e3', '.inf', '-.Inf', '.nan', '1_000', '12:30:45', '2001-12-14', '""', "''", '"yes"', "'no'", '-', '?', '|', '>', '!!str 1', '!!binary aGk=', '&a x', '*a', '*undefined', '<<', '"\\u00e9"', '"\\x41"', '"a\\nb"', '9223372036854775808', '-9223372036854775809', '0b101', '+1', '00', '1.', '.5', 'NaN', 'TBD', 'constructor', '__proto__', 'toString', 'hasOwnProperty'];
const LABELS = ['sig/node', 'area/kubelet', 'kind/bug', 'approved', 'lgtm', 'sig/Node', 'committee/steering', 'wg/x', 'do-not-merge/hold', 'area/'];
const REGEXES = ['.*', '\\.go$', '^pkg/.*\\.go$', '.*_test\\.go$', '^/docs/', '(a+)+$', '(x+x+)+y', '[', '(', '\\', 'a{1000}{1000}', '(?i)readme', '\\pL+', '(?P<n>a)', '^$', '', '*.go', 'docs/**', '(?=x)', '\\d+\\.md$', '^[^/]+$'];
const OWNERS_KEYS = ['approvers', 'reviewers', 'required_reviewers', 'labels', 'options', 'filters', 'emeritus_approvers', 'emeritus_reviewers', 'Approvers', 'approver', 'reviewer', 'APPROVERS', 'aliases', 'no_parent_owners', 'ſilters'];
const OPTION_KEYS = ['no_parent_owners', 'auto_approve_unowned_subfolders', 'No_Parent_Owners', 'noparentowners'];
const KEP_FIELDS = ['title', 'kep-number', 'authors', 'owning-sig', 'participating-sigs', 'status', 'creation-date', 'last-updated', 'reviewers', 'approvers', 'prr-approvers', 'see-also', 'replaces', 'superseded-by', 'stage', 'latest-milestone', 'milestone', 'feature-gates', 'disable-supported', 'metrics', 'editor', 'unknown-field'];
const STATUSES = ['provisional', 'implementable', 'implemented', 'deferred', 'rejected', 'withdrawn', 'replaced', 'Implementable', 'done', ''];
const STAGES = ['alpha', 'beta', 'stable', 'ga', 'Alpha', ''];
const SIGS = ['sig-node', 'sig-api-machinery', 'sig-apps', 'sig-architecture', 'sig-nope', 'wg-x', 'committee-steering', 'sig-Node'];
const MILESTONES = ['v1.30', '"v1.30"', 'v1.9', '1.30', 'v1.30.1', 'v2.0', 'v1.3x', 'v0.1', '"v1.31"', 'v1.36'];
const DATES = ['2024-01-15', '"2024-01-15"', '2024-13-40', '2024/01/15', 'yesterday', '2001-12-14t21:59:43.10-05:00'];
const MD_WORDS = ['Summary', 'Motivation', 'Goals', 'Non-Goals', 'Proposal', 'Design Details', 'Test Plan', 'Graduation Criteria', 'Production Readiness Review Questionnaire', 'Implementation History', 'Drawbacks', 'Alternatives', 'Risks and Mitigations', 'Notes/Constraints/Caveats (Optional)', 'User Stories', 'Story 1', 'Ünïcödé', '`code`', '[link](#x)', '*emph*', '<b>html</b>', 'a & b', 'Ç#', '🙂 emoji', 'Upgrade / Downgrade Strategy', 'Version Skew Strategy'];

const login = fc.constantFrom(...LOGINS);
const tricky = fc.constantFrom(...TRICKY);
const scalar = fc.oneof({ weight: 5, arbitrary: login }, { weight: 2, arbitrary: tricky }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) });
const indentArb = fc.constantFrom('  ', '    ', ' ', '\t', '   ');
const commentArb = fc.option(fc.constantFrom(' # comment', ' #', '  # TODO: add @bob', '#not-a-comment'), { nil: '' });

function quote(s: string, style: number): string {
  if (style === 1) return `"${s.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  if (style === 2) return `'${s.replace(/'/g, "''")}'`;
  return s;
}
const quoted = (a: fc.Arbitrary<string>) => fc.tuple(a, fc.nat(4)).map(([s, q]) => quote(s, q));

/** A YAML list in block or flow style (or a lone scalar, a common mistake). */
function yamlList(item: fc.Arbitrary<string>, indent: string, maxLength = 6): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(fc.array(fc.tuple(quoted(item), commentArb), { maxLength }), fc.constantFrom('', '  ', '- ')).map(([xs, extra]) => (xs.length === 0 ? ' []' : '\n' + xs.map(([x, c]) => `${indent}${extra}- ${x}${c}`).join('\n'))) },
    { weight: 2, arbitrary: fc.array(quoted(item), { maxLength }).map((xs) => ` [${xs.join(', ')}]`) },
    { weight: 1, arbitrary: quoted(item).map((x) => ` ${x}`) },
    { weight: 1, arbitrary: fc.constantFrom('', ' ~', ' {}', ' [', ' - a', ' &l [a, b]', ' *l') },
  );
}

// ---------------------------------------------------------------- OWNERS / OWNERS_ALIASES

function ownersBody(indent: string, depth: number): fc.Arbitrary<string> {
  const roleKey = fc.oneof({ weight: 6, arbitrary: fc.constantFrom('approvers', 'reviewers', 'required_reviewers') }, { weight: 1, arbitrary: fc.constantFrom(...OWNERS_KEYS) });
  const roleLine = fc.tuple(roleKey, fc.nat(10)).chain(([k, r]) =>
    (k === 'labels' || r === 0 ? yamlList(fc.constantFrom(...LABELS), indent.repeat(depth + 1)) : yamlList(scalar, indent.repeat(depth + 1))).map((v) => `${indent.repeat(depth)}${k}:${v}`),
  );
  const labelsLine = yamlList(fc.constantFrom(...LABELS), indent.repeat(depth + 1)).map((v) => `${indent.repeat(depth)}labels:${v}`);
  return fc.array(fc.oneof({ weight: 5, arbitrary: roleLine }, { weight: 1, arbitrary: labelsLine }), { minLength: 0, maxLength: 5 }).map((ls) => ls.join('\n'));
}

const optionsBlock = fc.array(fc.tuple(fc.constantFrom(...OPTION_KEYS), fc.constantFrom('true', 'false', 'yes', 'no', '1', 'on', '"true"', '')), { minLength: 1, maxLength: 2 }).map((xs) => 'options:\n' + xs.map(([k, v]) => `  ${k}: ${v}`).join('\n'));

const filtersBlock = fc.array(fc.tuple(fc.constantFrom(...REGEXES), fc.nat(3)), { minLength: 0, maxLength: 4 }).chain((pats) =>
  fc.tuple(...pats.map(([p, q]) => ownersBody('  ', 2).map((b) => `  ${quote(p, q === 0 && /^[\w.]/.test(p) && !p.includes('\\') ? 0 : q === 2 ? 2 : 1)}:\n${b}`))).map((bs) => 'filters:' + (bs.length === 0 ? ' {}' : '\n' + bs.join('\n'))),
);

const SYNTHETIC_OWNERS = fc
  .tuple(fc.option(optionsBlock, { nil: '' }), fc.oneof(ownersBody('  ', 0), filtersBlock, fc.tuple(ownersBody('  ', 0), filtersBlock).map(([a, b]) => a + '\n' + b)), fc.option(fc.constantFrom('# See the OWNERS docs at https://go.k8s.io/owners\n', '---\n', '%YAML 1.1\n---\n', 'x: &anchor\n  - a\n'), { nil: '' }), fc.boolean())
  .map(([opts, body, head, optsLast]) => head + (optsLast ? body + '\n' + opts : opts + '\n' + body) + '\n');

const SYNTHETIC_ALIASES = fc
  .tuple(
    fc.array(fc.tuple(fc.constantFrom('sig-node-leads', 'sig-node-approvers', 'team-a', 'Team-A', '@team-b', 'prod-readiness-approvers', 'empty', 'yes', '1234', 'a b', '<<'), yamlList(scalar, '    ', 8)), { maxLength: 6 }),
    fc.constantFrom('aliases', 'aliases', 'aliases', 'Aliases', 'alias', ''),
    fc.option(fc.constantFrom('# comment\n', '---\n', 'other: 1\n'), { nil: '' }),
  )
  .map(([groups, key, head]) => head + `${key}:` + (groups.length === 0 ? ' {}' : '\n' + groups.map(([g, l]) => `  ${g}:${l}`).join('\n')) + '\n');

// ---------------------------------------------------------------- kep.yaml / PRR

const kepValue = (field: string): fc.Arbitrary<string> => {
  switch (field) {
    case 'title':
      return fc.constantFrom(' Sleep better', ' "Quoted: title"', ' ', ' |\n  multi\n  line', ' [not, a, string]');
    case 'kep-number':
      return fc.constantFrom(' 1234', ' "1234"', ' NNNN', ' 0', ' -1', ' 1234.5', ' 99999999999999999999', ' 12a');
    case 'owning-sig':
      return fc.constantFrom(...SIGS).map((s) => ' ' + s);
    case 'participating-sigs':
      return yamlList(fc.constantFrom(...SIGS), '  ');
    case 'status':
      return fc.constantFrom(...STATUSES).map((s) => ' ' + s);
    case 'stage':
      return fc.constantFrom(...STAGES).map((s) => ' ' + s);
    case 'creation-date':
    case 'last-updated':
      return fc.constantFrom(...DATES).map((s) => ' ' + s);
    case 'latest-milestone':
      return fc.constantFrom(...MILESTONES).map((s) => ' ' + s);
    case 'milestone':
      return fc.array(fc.tuple(fc.constantFrom('alpha', 'beta', 'stable', 'deprecated', 'removed', 'ga'), fc.constantFrom(...MILESTONES)), { maxLength: 4 }).map((xs) => (xs.length === 0 ? ' {}' : '\n' + xs.map(([k, v]) => `  ${k}: ${v}`).join('\n')));
    case 'feature-gates':
      return fc.array(fc.tuple(fc.constantFrom('SleepBetter', 'sleep-better', '', 'A'), yamlList(fc.constantFrom('kubelet', 'kube-apiserver', 'kube-scheduler', 'nope'), '      ')), { maxLength: 3 }).map((xs) => (xs.length === 0 ? ' []' : '\n' + xs.map(([n, c]) => `  - name: ${n}\n    components:${c}`).join('\n')));
    case 'disable-supported':
      return fc.constantFrom(' true', ' false', ' yes', ' "true"', ' maybe');
    case 'authors':
    case 'reviewers':
    case 'approvers':
    case 'prr-approvers':
    case 'editor':
      return yamlList(fc.constantFrom('"@alice"', '"@mrunalp"', '"@wojtek-t"', 'TBD', '@bob', '"@"', '"sig-node-leads"', 'alice', '"@dchen1107"'), '  ');
    case 'see-also':
    case 'replaces':
    case 'superseded-by':
      return yamlList(fc.constantFrom('"/keps/sig-node/1234-sleep"', '"/keps/sig-node/9999-missing"', 'keps/sig-x/1', '"https://example.com"', '"/keps/sig-node/1235-other"'), '  ');
    case 'metrics':
      return yamlList(fc.constantFrom('my_metric_total', 'x', ''), '  ');
    default:
      return yamlList(scalar, '  ');
  }
};

const SYNTHETIC_KEP = fc
  .uniqueArray(fc.constantFrom(...KEP_FIELDS), { minLength: 0, maxLength: KEP_FIELDS.length })
  .chain((fields) => fc.tuple(...fields.map((f) => kepValue(f).map((v) => `${f}:${v}`))))
  .map((lines) => lines.join('\n') + '\n');

const approverLine = fc.constantFrom('"@wojtek-t"', '"@johnbelamaric"', '"@ehashman"', '"@nobody"', '@wojtek-t', '""', 'TBD', '[a, b]');
const SYNTHETIC_PRR = fc
  .tuple(
    fc.constantFrom('kep-number: 1234', 'kep-number: "1234"', 'kep-number: 1235', 'kep-number: NNNN', '', 'kep-number: [1]'),
    fc.uniqueArray(fc.constantFrom('alpha', 'beta', 'stable', 'ga', 'deprecated'), { maxLength: 3 }).chain((stages) => fc.tuple(...stages.map((s) => approverLine.map((a) => `${s}:\n  approver: ${a}`)))),
    fc.option(fc.constantFrom('unknown: 1', '# comment', 'alpha: "@x"'), { nil: '' }),
  )
  .map(([num, stages, extra]) => [num, ...stages, extra].filter((l) => l !== '').join('\n') + '\n');

// ---------------------------------------------------------------- KEP README (Markdown)

const heading = fc.tuple(fc.integer({ min: 1, max: 7 }), fc.constantFrom(...MD_WORDS), fc.nat(8)).map(([lvl, w, style]) => {
  if (style === 0 && lvl <= 2) return `${w}\n${lvl === 1 ? '=' : '-'}${'='.repeat(3)}`; // setext
  if (style === 1) return `${' '.repeat(1 + (lvl % 3))}${'#'.repeat(lvl)} ${w}`; // indented ATX
  if (style === 2) return `${'#'.repeat(lvl)}${w}`; // no space: not a heading
  if (style === 3) return `${'#'.repeat(lvl)} ${w} ${'#'.repeat(lvl)}`;
  return `${'#'.repeat(lvl)} ${w}`;
});
const mdBlock = fc.oneof(
  { weight: 5, arbitrary: heading },
  { weight: 3, arbitrary: fc.constantFrom('Some text.', '- [ ] (R) item', '1. one\n2. two', '> quote', '<!-- comment -->', '| a | b |\n|---|---|\n| 1 | 2 |', '***', '<details>\n<summary>x</summary>\n\n## Hidden\n</details>', '[ref]: https://example.com', '\\# escaped') },
  { weight: 1, arbitrary: fc.constantFrom('```\n## not a heading\n```', '```go\ncode\n', '~~~\n# in tilde fence\n~~~', '    ## indented code') },
  { weight: 1, arbitrary: fc.constantFrom(TOC_START_TAG, TOC_END_TAG, '<!-- toc -->\n<!-- /toc -->', `${TOC_END_TAG}\n${TOC_START_TAG}`) },
);
const SYNTHETIC_README = fc
  .tuple(fc.constantFrom('# KEP-1234: Sleep better', '# Title', '', 'KEP\n==='), fc.array(mdBlock, { maxLength: 14 }), fc.nat(4), fc.array(fc.constantFrom('- [Summary](#summary)', '  - [Goals](#goals)', '- [Gone](#gone)', '', 'text'), { maxLength: 4 }))
  .map(([title, blocks, tocMode, junkToc]) => {
    const body = blocks.join('\n\n');
    let toc = '';
    if (tocMode === 0) toc = `${TOC_START_TAG}\n${safeToc(body)}${TOC_END_TAG}`; // fresh
    else if (tocMode === 1) toc = `${TOC_START_TAG}\n${junkToc.join('\n')}\n${TOC_END_TAG}`; // stale
    else if (tocMode === 2) toc = TOC_START_TAG; // half-typed
    else if (tocMode === 3) toc = `${TOC_START_TAG}\n${TOC_END_TAG}`;
    return `${title}\n\n${toc}\n\n${body}\n`;
  });

function safeToc(md: string): string {
  try {
    const t = generateToc(md, { maxDepth: 5 });
    return t === '' ? '' : t.endsWith('\n') ? t : t + '\n';
  } catch {
    return '';
  }
}

// ---------------------------------------------------------------- seeds

const SMALL_SEEDS: Record<FuzzKind, string[]> = {
  owners: [
    'approvers:\n  - alice\n  - sig-node-leads\nreviewers:\n  - bob\nlabels:\n  - sig/node\n',
    'options:\n  no_parent_owners: true\nfilters:\n  ".*":\n    approvers: [alice]\n  "\\\\.go$":\n    reviewers:\n      - bob\n    labels: [area/kubelet]\n',
    '# See the OWNERS docs at https://go.k8s.io/owners\n\napprovers:\n- yes\n- alice\n- alice\nreviewers: bob\nemeritus_approvers:\n- carol\n',
  ],
  aliases: ['aliases:\n  sig-node-leads:\n    - alice\n    - bob\n  team-a:\n  - carol\n  - no\n  empty:\n', 'aliases:\n  prod-readiness-approvers: [wojtek-t, johnbelamaric]\n  Team-A: [x]\n  team-a: [y]\n'],
  kep: [
    'title: Sleep better\nkep-number: 1234\nauthors:\n  - "@alice"\nowning-sig: sig-node\nstatus: implementable\napprovers:\n  - "@mrunalp"\nstage: alpha\nlatest-milestone: "v1.30"\nmilestone:\n  alpha: "v1.30"\nfeature-gates:\n  - name: SleepBetter\n    components:\n      - kubelet\ndisable-supported: true\n',
  ],
  prr: ['kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n', 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\nbeta:\n  approver: "@johnbelamaric"\n'],
  readme: [
    '# KEP-1234: Sleep better\n\n<!-- toc -->\n- [Summary](#summary)\n- [Motivation](#motivation)\n  - [Goals](#goals)\n<!-- /toc -->\n\n## Summary\n\n## Motivation\n\n### Goals\n',
    '# KEP-1234\n\n<!-- toc -->\n<!-- /toc -->\n\n## A\n```\n## B\n```\n### C\n',
  ],
};

export const CORPUS_DIR = path.resolve(__dirname, '..', '..', '..', '..', 'shared', 'corpus');

/** Real files of each kind from the corpus (absent corpus: none; this seed source is then skipped). */
export function corpusSeeds(maxPerKind = 400, maxBytes = 64 * 1024): Record<FuzzKind, string[]> {
  const out: Record<FuzzKind, string[]> = { owners: [], aliases: [], kep: [], prr: [], readme: [] };
  if (!fs.existsSync(CORPUS_DIR)) return out;
  const stack = [CORPUS_DIR];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let ents: fs.Dirent[];
    try {
      ents = fs.readdirSync(dir, { withFileTypes: true });
    } catch {
      continue;
    }
    for (const e of ents) {
      const p = path.join(dir, e.name);
      if (e.isDirectory()) stack.push(p);
      else if (e.isFile()) {
        const rel = path.relative(CORPUS_DIR, p).split(path.sep).join('/');
        const kind: FuzzKind | undefined =
          e.name === 'OWNERS' ? 'owners'
          : e.name === 'OWNERS_ALIASES' ? 'aliases'
          : e.name === 'kep.yaml' ? 'kep'
          : /\/keps\/prod-readiness\/[^/]+\/\d+\.yaml$/.test('/' + rel) ? 'prr'
          : /\/keps\/.*\.md$/.test('/' + rel) ? 'readme'
          : undefined;
        if (!kind || out[kind].length >= maxPerKind * 4) continue;
        try {
          const st = fs.statSync(p);
          if (st.size <= maxBytes) out[kind].push(fs.readFileSync(p, 'utf8'));
        } catch {
          /* unreadable corpus file: skip */
        }
      }
    }
  }
  // Deterministic thinning to maxPerKind (spread over the sorted list).
  for (const k of FUZZ_KINDS) {
    const all = out[k].sort();
    if (all.length > maxPerKind) {
      const step = all.length / maxPerKind;
      out[k] = Array.from({ length: maxPerKind }, (_, i) => all[Math.floor(i * step)]);
    }
  }
  return out;
}

// ---------------------------------------------------------------- mutations

const INSERTS = ['\n', ':', ': ', '- ', '  ', '\t', '[', ']', '{', '}', ',', '"', "'", '#', '&a ', '*a', '!!', '|', '>', '? ', '<<: *a', '%', '@', '`', '\r\n', '\r', '\u0000', '\ufeff', '\ud800', '\udc00', '🙂', 'é', '\u2028', '\u0085', '---\n', '...\n', 'yes', '0x1F', '(a+)+$', '<!-- toc -->', '<!-- /toc -->', '## ', '```\n', '# '];

export type Mutation =
  | { op: 'insert'; at: number; s: string }
  | { op: 'delete'; at: number; len: number }
  | { op: 'truncate'; at: number }
  | { op: 'dupLine'; line: number }
  | { op: 'dropLine'; line: number }
  | { op: 'swapLines'; a: number; b: number }
  | { op: 'indent'; line: number; by: number }
  | { op: 'crlf' }
  | { op: 'splice'; at: number; donorAt: number; len: number };

const frac = fc.double({ min: 0, max: 1, noNaN: true, maxExcluded: true });
export const mutationArb: fc.Arbitrary<Mutation> = fc.oneof(
  { weight: 5, arbitrary: fc.record({ op: fc.constant('insert' as const), at: frac, s: fc.oneof({ weight: 4, arbitrary: fc.constantFrom(...INSERTS) }, { weight: 1, arbitrary: fc.string({ maxLength: 6, unit: 'binary' }) }) }) },
  { weight: 3, arbitrary: fc.record({ op: fc.constant('delete' as const), at: frac, len: fc.integer({ min: 1, max: 40 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dupLine' as const), line: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('dropLine' as const), line: frac }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('swapLines' as const), a: frac, b: frac }) },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('indent' as const), line: frac, by: fc.integer({ min: -4, max: 4 }) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('crlf' as const) }) },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('splice' as const), at: frac, donorAt: frac, len: fc.integer({ min: 1, max: 80 }) }) },
);

export function applyMutation(text: string, m: Mutation): string {
  const at = (f: number) => Math.floor(f * (text.length + 1));
  const lines = text.split('\n');
  const li = (f: number) => Math.floor(f * lines.length);
  switch (m.op) {
    case 'insert':
      return text.slice(0, at(m.at)) + m.s + text.slice(at(m.at));
    case 'delete':
      return text.slice(0, at(m.at)) + text.slice(at(m.at) + m.len);
    case 'truncate':
      return text.slice(0, at(m.at));
    case 'dupLine': {
      const i = li(m.line);
      lines.splice(i, 0, lines[i] ?? '');
      return lines.join('\n');
    }
    case 'dropLine':
      lines.splice(li(m.line), 1);
      return lines.join('\n');
    case 'swapLines': {
      const a = li(m.a);
      const b = li(m.b);
      [lines[a], lines[b]] = [lines[b], lines[a]];
      return lines.join('\n');
    }
    case 'indent': {
      const i = li(m.line);
      const l = lines[i] ?? '';
      lines[i] = m.by >= 0 ? ' '.repeat(m.by) + l : l.replace(new RegExp(`^ {0,${-m.by}}`), '');
      return lines.join('\n');
    }
    case 'crlf':
      return text.includes('\r\n') ? text.replace(/\r\n/g, '\n') : text.replace(/\n/g, '\r\n');
    case 'splice': {
      const d = at(m.donorAt);
      return text.slice(0, at(m.at)) + text.slice(d, d + m.len) + text.slice(at(m.at));
    }
  }
}

export function mutate(text: string, ms: Mutation[]): string {
  let t = text;
  for (const m of ms) t = applyMutation(t, m);
  return t;
}

const SYNTHETIC: Record<FuzzKind, fc.Arbitrary<string>> = {
  owners: SYNTHETIC_OWNERS,
  aliases: SYNTHETIC_ALIASES,
  kep: SYNTHETIC_KEP,
  prr: SYNTHETIC_PRR,
  readme: SYNTHETIC_README,
};

/** Where an input came from (counted by the long run). */
export type InputSource = 'synthetic' | 'synthetic+mutated' | 'seed+mutated' | 'corpus+mutated';

export interface FuzzInput {
  kind: FuzzKind;
  source: InputSource;
  text: string;
}

/** Inputs of one kind: synthetic texts, mutated synthetic texts, mutated small seeds and (when present) mutated corpus files. */
export function inputArb(kind: FuzzKind, corpus: Record<FuzzKind, string[]>): fc.Arbitrary<FuzzInput> {
  const muts = fc.array(mutationArb, { minLength: 1, maxLength: 6 });
  const parts: { weight: number; arbitrary: fc.Arbitrary<FuzzInput> }[] = [
    { weight: 3, arbitrary: SYNTHETIC[kind].map((text) => ({ kind, source: 'synthetic' as const, text })) },
    { weight: 3, arbitrary: fc.tuple(SYNTHETIC[kind], muts).map(([t, ms]) => ({ kind, source: 'synthetic+mutated' as const, text: mutate(t, ms) })) },
    { weight: 2, arbitrary: fc.tuple(fc.constantFrom(...SMALL_SEEDS[kind]), muts).map(([t, ms]) => ({ kind, source: 'seed+mutated' as const, text: mutate(t, ms) })) },
  ];
  if (corpus[kind].length > 0) {
    parts.push({ weight: 3, arbitrary: fc.tuple(fc.constantFrom(...corpus[kind]), muts).map(([t, ms]) => ({ kind, source: 'corpus+mutated' as const, text: mutate(t, ms) })) });
  }
  return fc.oneof(...parts);
}

export function syntheticArb(kind: FuzzKind): fc.Arbitrary<string> {
  return SYNTHETIC[kind];
}

export function smallSeeds(kind: FuzzKind): string[] {
  return SMALL_SEEDS[kind];
}
