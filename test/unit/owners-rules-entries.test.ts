/** Pure rules: list entries, aliases, filter regexes, labels, placement; schemas. */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import { parse } from 'yaml';
import { ALIASES_KEY_DOCS, OWNERS_KEY_DOCS } from '../../server/src/core/owners/editor/keyDocs';
import { aliasesNotAtRootDiagnostics, denylistedOwnersDiagnostics } from '../../server/src/core/owners/rules';
import { loginProblem, looksLikeAliasName } from '../../server/src/core/owners/rules/logins';
import { didYouMean } from '../../server/src/core/owners/rules/suggest';
import { applyEdits, lint, MemoryRepo } from '../support/ownersRules';

const codes = (ds: { code: string }[]) => ds.map((d) => d.code);
const ALIASES = 'aliases:\n  sig-foo-leads: [alice, bob]\n  sig-bar-reviewers: [carol]\n';

describe('owners rules: entries and aliases', () => {
  it('undefined-alias: alias-shaped names and near-misses, with did-you-mean; ordinary logins are fine', () => {
    const ds = lint('a/OWNERS', 'approvers:\n  - sig-foo-lead\n  - sig-pm-leads\n  - dave\n  - thockin\n  - sig-foo-leads\n', { OWNERS_ALIASES: ALIASES });
    assert.deepEqual(codes(ds), ['owners/undefined-alias', 'owners/undefined-alias']);
    assert.equal(ds[0].data?.suggestion, 'sig-foo-leads');
    assert.equal(ds[1].fixes, undefined);
    assert.match(ds[1].message, /treats it as a GitHub login/);
  });

  it('undefined-alias without any OWNERS_ALIASES', () => {
    const ds = lint('a/OWNERS', 'approvers:\n  - wg-serving-leads\n');
    assert.deepEqual(codes(ds), ['owners/undefined-alias']);
    assert.match(ds[0].message, /no OWNERS_ALIASES/);
  });

  it('duplicate-entry compares normalised logins; fixes block and flow lists', () => {
    const t = 'approvers:\n  - dave\n  - "@Dave"\nreviewers: [a, b, a]\n';
    const ds = lint('a/OWNERS', t);
    assert.deepEqual(codes(ds), ['owners/duplicate-entry', 'owners/duplicate-entry']);
    assert.equal(applyEdits(t, ds[0].fixes![0].edits), 'approvers:\n  - dave\nreviewers: [a, b, a]\n');
    assert.equal(applyEdits(t, ds[1].fixes![0].edits), 'approvers:\n  - dave\n  - "@Dave"\nreviewers: [a, b]\n');
  });

  it('duplicate-entry with YAML anchors/aliases: points at the `*a` reference, removes only references, never an anchor', () => {
    const dups = (path: string, t: string, more: Record<string, string> = {}) => lint(path, t, more).filter((d) => d.code === 'owners/duplicate-entry');
    const at = (t: string, d: { range: { start: { line: number; character: number }; end: { character: number } } }) => t.split('\n')[d.range.start.line].slice(d.range.start.character, d.range.end.character);
    // The repeat is the alias: reported there, and removing it leaves valid YAML with the anchor intact.
    for (const t of ['approvers: [&a alice, bob, *a]\n', 'approvers:\n  - &a alice\n  - bob\n  - *a\n']) {
      const [d, ...rest] = dups('a/OWNERS', t);
      assert.equal(rest.length, 0, t);
      assert.equal(at(t, d), '*a', t);
      const fixed = applyEdits(t, d.fixes![0].edits);
      assert.ok(fixed.includes('&a alice') && !fixed.includes('*a'), fixed);
      assert.deepEqual(codes(lint('a/OWNERS', fixed)), [], fixed);
    }
    // The repeat carries an anchor that another list refers to: no automatic removal (it would break `*a`).
    const anchored = 'approvers: [alice, &a alice]\nreviewers: [*a]\n';
    const [d] = dups('a/OWNERS', anchored);
    assert.equal(d.fixes, undefined);
    // A list written as `*l` is the anchored list: its duplicate is reported once, where the anchor is.
    assert.equal(dups('a/OWNERS', 'approvers: &l\n  - alice\n  - bob\n  - alice\nreviewers: *l\n').length, 1);
    // Same in OWNERS_ALIASES groups.
    const aliases = 'aliases:\n  a-leads: [&x alice, bob, *x]\n';
    const [g] = dups('OWNERS_ALIASES', aliases, { 'a/OWNERS': 'approvers: [a-leads]\n' });
    assert.equal(at(aliases, g), '*x');
    assert.equal(applyEdits(aliases, g.fixes![0].edits), 'aliases:\n  a-leads: [&x alice, bob]\n');
  });

  it('emeritus-also-approver: same file, case-insensitive, also top-level emeritus vs the ".*" filter', () => {
    const ds = lint('a/OWNERS', 'approvers:\n  - BenTheElder\n  - x\nemeritus_approvers:\n  - bentheelder\n');
    assert.deepEqual(codes(ds), ['owners/emeritus-also-approver']);
    assert.equal(applyEdits('approvers:\n  - BenTheElder\n  - x\nemeritus_approvers:\n  - bentheelder\n', ds[0].fixes![0].edits), 'approvers:\n  - x\nemeritus_approvers:\n  - bentheelder\n');
    const f = lint('a/OWNERS', 'emeritus_approvers: [a]\nfilters:\n  ".*":\n    approvers: [a, b]\n');
    assert.deepEqual(codes(f), ['owners/emeritus-also-approver']);
  });

  it('alias-in-labels and malformed-login', () => {
    assert.deepEqual(codes(lint('a/OWNERS', 'approvers: [a]\nlabels: [sig-foo-leads]\n', { OWNERS_ALIASES: ALIASES })), ['owners/alias-in-labels']);
    const bad = lint('a/OWNERS', 'approvers:\n  - a\n  - kubernetes/steering\n  - "two words"\n  - "@@x"\n  - bad_name\n  -\n');
    assert.deepEqual(codes(bad), Array(5).fill('owners/malformed-login'));
    assert.equal(loginProblem('ok-login'), undefined);
    assert.equal(loginProblem('@Ok'), undefined);
    assert.equal(loginProblem('x'.repeat(40))?.kind, 'long');
    assert.ok(looksLikeAliasName('sig-node-leads') && looksLikeAliasName('wg-lts') && !looksLikeAliasName('dims'));
    assert.equal(didYouMean('sig/apimachinery', ['sig/api-machinery', 'sig/apps']), 'sig/api-machinery');
  });

  it('OWNERS_ALIASES: empty groups, nested aliases, duplicates; invalid members offer the quote fix', () => {
    const repo = new MemoryRepo({ OWNERS: 'approvers: [a, c-leads]\n', OWNERS_ALIASES: 'aliases:\n  a-leads: []\n  b-leads:\n  c-leads: [a-leads, x, X]\n' });
    assert.deepEqual(codes(repo.diagnose('OWNERS_ALIASES')), ['aliases/empty-group', 'aliases/empty-group', 'aliases/nested-alias', 'owners/duplicate-entry']);
    const inv = new MemoryRepo({ OWNERS: 'approvers: [a]\n', OWNERS_ALIASES: 'aliases:\n  a: [x, on]\n' });
    const d = inv.diagnose('OWNERS_ALIASES');
    assert.deepEqual(codes(d), ['aliases/invalid']);
    assert.equal(applyEdits('aliases:\n  a: [x, on]\n', d[0].fixes![0].edits), 'aliases:\n  a: [x, "on"]\n');
    // Fuzz finding: an empty member right after `-` or an anchor name; the quotes must not join that token.
    for (const [t, want] of [
      ['aliases:\n  a:\n    - &m|x\n    - b\n', 'aliases:\n  a:\n    - &m|x ""\n    - b\n'],
      ['aliases:\n  a:\n    -\n    - b\n', 'aliases:\n  a:\n    - ""\n    - b\n'],
    ]) {
      const e = new MemoryRepo({ OWNERS: 'approvers: [a]\n', OWNERS_ALIASES: t }).diagnose('OWNERS_ALIASES').find((x) => x.code === 'aliases/invalid');
      const fixed = applyEdits(t, e!.fixes![0].edits);
      assert.equal(fixed, want);
      assert.ok(!codes(new MemoryRepo({ OWNERS: 'approvers: [a]\n', OWNERS_ALIASES: fixed }).diagnose('OWNERS_ALIASES')).includes('aliases/invalid'), fixed);
    }
  });

  it('aliases/unused: groups no OWNERS file lists as approver / reviewer / required reviewer (owners.md §8.3)', () => {
    const aliases = 'aliases:\n  Used-Leads: [x]\n  filter-leads: [x]\n  req-leads: [x]\n  emeritus-leads: [x]\n  label-leads: [x]\n  nested-leads: [used-leads]\n  empty-leads: []\n';
    const repo = new MemoryRepo({
      OWNERS: 'approvers: ["@used-leads"]\nemeritus_approvers: [emeritus-leads]\nlabels: [label-leads]\n',
      'a/OWNERS': 'filters:\n  ".*":\n    reviewers: [FILTER-LEADS]\n',
      'b/OWNERS': 'required_reviewers: [req-leads]\n',
      OWNERS_ALIASES: aliases,
    });
    const unused = repo.diagnose('OWNERS_ALIASES').filter((d) => d.code === 'aliases/unused');
    // Emeritus lists, labels and other groups do not use an alias; an empty group is aliases/empty-group's business.
    assert.deepEqual(unused.map((d) => aliases.split('\n')[d.range.start.line].trim().split(':')[0]), ['emeritus-leads', 'label-leads', 'nested-leads']);
    assert.ok(unused.every((d) => d.severity === 'information' && !d.fixes));
    // No OWNERS file at all: nothing to compare with, nothing reported.
    assert.deepEqual(codes(new MemoryRepo({ OWNERS_ALIASES: 'aliases:\n  a-leads: [x]\n' }).diagnose('OWNERS_ALIASES')), []);
    // Groups the KEP checks read are still reported (spec counts), but the message says they are in use and to keep them.
    const kep = new MemoryRepo({ OWNERS: 'approvers: [x]\n', OWNERS_ALIASES: 'aliases:\n  sig-node-tech-leads: [x]\n  other-leads: [x]\n' }).diagnose('OWNERS_ALIASES');
    assert.match(kep[0].message, /SIG Node KEP checks read it.*keep it/);
    assert.doesNotMatch(kep[1].message, /keep it/);
  });

  it('placement: denylisted OWNERS and nested OWNERS_ALIASES', () => {
    assert.deepEqual(codes(denylistedOwnersDiagnostics('vendor/a/b/OWNERS', 'approvers: [a]\n', 'vendor/a/b')), ['owners/denylisted-dir']);
    assert.deepEqual(codes(aliasesNotAtRootDiagnostics('x/OWNERS_ALIASES', '')), ['aliases/not-at-root']);
    const np = lint('a/OWNERS', 'options:\n  no_parent_owners: true\nreviewers: [x]\n');
    assert.deepEqual(codes(np), ['owners/no-parent-owners-without-approvers']);
  });
});

describe('owners rules: filter regexes', () => {
  const files = ['pkg/a.go', 'pkg/sub/b.go', 'pkg/README.md'];
  const f = (pattern: string) => `filters:\n  ".*":\n    approvers: [a]\n  ${JSON.stringify(pattern)}:\n    reviewers: [b]\n`;
  it('invalid, non-RE2, never-matching and repository-anchored patterns', () => {
    assert.deepEqual(codes(lint('pkg/OWNERS', f('a(b'), {}, files)), ['owners/invalid-regex']);
    assert.deepEqual(codes(lint('pkg/OWNERS', f('(?<=x)y'), {}, files)), ['owners/non-re2-regex']);
    assert.deepEqual(codes(lint('pkg/OWNERS', f('(a)\\1'), {}, files)), ['owners/non-re2-regex']);
    assert.deepEqual(codes(lint('pkg/OWNERS', f('\\.py$'), {}, files)), ['owners/regex-never-matches']);
    const anch = lint('pkg/OWNERS', f('^pkg/sub/'), {}, files);
    assert.deepEqual(codes(anch), ['owners/anchored-regex']);
    assert.equal(anch[0].fixes![0].edits[0].newText, '"^sub/"');
    assert.deepEqual(codes(lint('pkg/OWNERS', f('(?i)readme\\.MD'), {}, files)), [], 'Go inline flags are RE2');
    assert.deepEqual(codes(lint('pkg/OWNERS', f('^sub/'), {}, files)), []);
    assert.deepEqual(codes(lint('OWNERS', f('^pkg/'), {}, files)), [], 'at the root, repository paths are the relative paths');
  });
});

describe('owners rules: labels', () => {
  const labels = 'default:\n  labels:\n    - name: sig/api-machinery\n    - name: committee/code-of-conduct\n      previously:\n        - name: committee/conduct\n    - name: sig/pm\n';
  const sigs = 'sigs:\n  - dir: sig-api-machinery\n    name: API Machinery\n    label: api-machinery\n';
  it('unknown-label with did-you-mean; renamed labels; groups missing from sigs.yaml', () => {
    const ds = lint('a/OWNERS', 'approvers: [a]\nlabels:\n  - sig/apimachinery\n  - committee/conduct\n  - sig/pm\n  - sig/api-machinery\n', { 'label_sync/labels.yaml': labels, 'sigs.yaml': sigs });
    assert.deepEqual(codes(ds), ['owners/unknown-label', 'owners/retired-label', 'owners/retired-label']);
    assert.equal(ds[0].data?.suggestion, 'sig/api-machinery');
    assert.equal(ds[1].data?.suggestion, 'committee/code-of-conduct');
    assert.match(ds[2].message, /No SIG in sigs\.yaml/);
    assert.deepEqual(codes(lint('a/OWNERS', 'approvers: [a]\nlabels: [area/x, sig/whatever]\n')), [], 'nothing to compare against: no label warnings');
  });
});

describe('OWNERS JSON Schemas', () => {
  const root = path.resolve(__dirname, '..', '..');
  const load = (f: string) => JSON.parse(fs.readFileSync(path.join(root, 'schemas', f), 'utf8'));
  const ajv = new Ajv({ strict: false, allErrors: true });
  const owners = ajv.compile(load('owners.schema.json'));
  const aliases = ajv.compile(load('owners-aliases.schema.json'));

  it('are valid draft-07 and accept the sample files', () => {
    for (const f of ['OWNERS', 'pkg/kubelet/OWNERS', 'docs/OWNERS']) assert.ok(owners(parse(fs.readFileSync(path.join(root, 'test/fixtures/sample-repo', f), 'utf8'))), `${f}: ${JSON.stringify(owners.errors)}`);
    assert.ok(aliases(parse(fs.readFileSync(path.join(root, 'test/fixtures/sample-repo/OWNERS_ALIASES'), 'utf8'))), JSON.stringify(aliases.errors));
    assert.ok(owners({ filters: { '.*': { approvers: ['a'] } }, options: { no_parent_owners: true } }));
  });

  it('reject what Prow would not read', () => {
    assert.ok(!owners({ approver: ['a'] }));
    assert.ok(!owners({ approvers: 'a' }));
    assert.ok(!owners({ options: { no_parent_owner: true } }));
    assert.ok(!aliases({ aliases: { a: 'x' } }));
  });

  it('carry the descriptions the server shows on hover', () => {
    const o = load('owners.schema.json');
    for (const k of ['approvers', 'reviewers', 'required_reviewers', 'labels', 'filters', 'emeritus_approvers']) assert.equal(o.properties[k].description, OWNERS_KEY_DOCS[k]);
    assert.equal(o.properties.options.properties.no_parent_owners.description, OWNERS_KEY_DOCS.no_parent_owners);
    assert.equal(load('owners-aliases.schema.json').properties.aliases.description, ALIASES_KEY_DOCS.aliases);
  });
});
