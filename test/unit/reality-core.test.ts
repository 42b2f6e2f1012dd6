/** The pure core of the GitHub reality checks: which logins are looked up, where, and what the answers mean. */
import * as assert from 'node:assert/strict';
import { aliasesLoginUses, distinctLogins, kepLoginUses, ownersLoginUses, type LoginUse } from '../../server/src/core/github/loginUses';
import { nextLookup, rateLimitNotice, realityDiagnostics, standingOf, type LoginAnswers } from '../../server/src/core/github/realityChecks';
import { parseAliasesFile } from '../../server/src/core/owners/aliasesFile';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';

const owners = (file: string, text: string, aliases: string[] = []) => ownersLoginUses(file, text, parseOwnersFile(text), new Set(aliases));
const brief = (uses: LoginUse[]) => uses.map((u) => `${u.role}:${u.login}@${u.range.start.line}:${u.range.start.character}-${u.range.end.character}`);

describe('reality checks core: where logins are named', () => {
  it('OWNERS: approvers and reviewers (top level and filters), normalised; aliases, malformed, labels, emeritus skipped', () => {
    const text = ['approvers:', '  - "@Alice"', '  - sig-foo-leads', '  - bad login', '  - org/team', 'reviewers: [bob]', 'emeritus_approvers: [old]', 'labels: [sig/foo]', ''].join('\n');
    assert.deepEqual(brief(owners('pkg/OWNERS', text, ['sig-foo-leads'])), ['approvers:alice@1:4-12', 'reviewers:bob@5:12-15']);
    const filters = ['filters:', '  ".*":', '    approvers: [carol]', '  "\\\\.go$":', '    reviewers:', '      - dave', ''].join('\n');
    assert.deepEqual(brief(owners('OWNERS', filters)), ['approvers:carol@2:16-21', 'reviewers:dave@5:8-12']);
  });

  it('OWNERS that Prow ignores (unparsable) yields nothing', () => {
    assert.deepEqual(owners('OWNERS', 'approvers: [a\n'), []);
  });

  it('OWNERS_ALIASES: every member with its group; nested alias names skipped', () => {
    const text = ['aliases:', '  sig-foo-leads:', '    - Alice', '    - sig-bar', '  sig-bar:', '    - bob', ''].join('\n');
    const uses = aliasesLoginUses('OWNERS_ALIASES', text, parseAliasesFile(text));
    assert.deepEqual(brief(uses), ['alias member:alice@2:6-11', 'alias member:bob@5:6-9']);
    assert.deepEqual(uses.map((u) => u.group), ['sig-foo-leads', 'sig-bar']);
  });

  it('kep.yaml: authors, reviewers, approvers; "@" stripped; placeholders and template KEPs skipped', () => {
    const text = ['title: x', 'authors:', '  - "@Jane"', '  - "@jane.doe"', 'reviewers:', '  - TBD', '  - "@bob"', 'approvers:', '  - "@carol"', 'see-also: ["@nobody"]', ''].join('\n');
    assert.deepEqual(brief(kepLoginUses('keps/sig-x/1-a/kep.yaml', text)), ['authors:jane@2:4-11', 'reviewers:bob@6:4-10', 'approvers:carol@8:4-12']);
    assert.deepEqual(kepLoginUses('keps/NNNN-kep-template/kep.yaml', text), []);
    assert.deepEqual(kepLoginUses('keps/sig-x/1-a/kep.yaml', 'authors: [\n'), []);
  });

  it('distinct logins keep first-use order', () => {
    const uses = owners('OWNERS', 'approvers: [b, a]\nreviewers: [a, c]\n');
    assert.deepEqual(distinctLogins(uses), ['b', 'a', 'c']);
  });
});

describe('reality checks core: standing and lookups', () => {
  const cases: [LoginAnswers | undefined, boolean, string, string | undefined][] = [
    [undefined, true, 'unknown', 'member'],
    [{ member: true }, true, 'trusted', undefined],
    [{ member: false }, true, 'unknown', 'exists'],
    [{ member: false, exists: false }, true, 'missing', undefined],
    [{ member: false, exists: true }, true, 'unknown', 'collaborator'],
    [{ member: false, exists: true, collaborator: false }, true, 'untrusted', undefined],
    [{ member: false, exists: true, collaborator: true }, true, 'collaborator-only', undefined],
    [{ member: false, exists: true, collaborator: null }, true, 'not-member', undefined],
    [{ member: null, exists: true, collaborator: false }, true, 'unknown', undefined],
    [{ member: null, exists: true, collaborator: true }, true, 'trusted', undefined],
    [undefined, false, 'unknown', 'exists'],
    [{ exists: true, collaborator: true }, false, 'trusted', undefined],
    [{ exists: true, collaborator: false }, false, 'untrusted', undefined],
    [{ exists: true, collaborator: null }, false, 'unknown', undefined],
    [{ exists: false }, false, 'missing', undefined],
  ];
  for (const [a, org, standing, next] of cases) {
    it(`${JSON.stringify(a)} (${org ? 'org' : 'user'}-owned) → ${standing}, next ${next ?? 'none'}`, () => {
      assert.equal(standingOf(a, org), standing);
      assert.equal(nextLookup(a, org), next);
    });
  }
});

describe('reality checks core: diagnostics', () => {
  const text = 'approvers: [alice, ghost, mallory, dave, eve]\n';
  const uses = owners('OWNERS', text);
  const answers = new Map<string, LoginAnswers>([
    ['alice', { member: true }],
    ['ghost', { member: false, exists: false }],
    ['mallory', { member: false, exists: true, collaborator: false }],
    ['dave', { member: false, exists: true, collaborator: true }],
    // eve: not settled yet (rate limit) → nothing said.
    ['eve', { member: false }],
  ]);

  it('one warning per problematic use, with stable codes and the login in data', () => {
    const d = realityDiagnostics(uses, answers, { owner: 'kubernetes', repo: 'kubernetes' });
    assert.deepEqual(
      d.map((x) => [x.data?.login, x.code, x.severity]),
      [
        ['ghost', 'github/unknown-login', 'warning'],
        ['mallory', 'github/untrusted-login', 'warning'],
        ['dave', 'github/not-org-member', 'warning'],
      ],
    );
    assert.match(d[1].message, /neither a member of the kubernetes organisation nor a collaborator of kubernetes\/kubernetes/);
    assert.equal(d[1].upstream, 'prow verify-owners');
    assert.match(d[2].message, /though a collaborator of kubernetes\/kubernetes/);
    assert.deepEqual(d[0].range, { start: { line: 0, character: 19 }, end: { line: 0, character: 24 } });
  });

  it('user-owned repository: no organisation wording, no not-org-member', () => {
    const d = realityDiagnostics(uses, new Map([['mallory', { exists: true, collaborator: false }], ['dave', { exists: true, collaborator: true }]]), { owner: 'carol', repo: 'tools', ownerIsOrg: false });
    assert.deepEqual(d.map((x) => x.code), ['github/untrusted-login']);
    assert.match(d[0].message, /is not a collaborator of carol\/tools\./);
  });

  it('rate-limit notice: HH:MM in local time, rounded up to the minute checks have resumed by', () => {
    const t = Date.parse('2026-03-01T10:41:20Z');
    assert.equal(rateLimitNotice(t, 0), 'GitHub rate limit reached; checks resume at 10:42');
    assert.equal(rateLimitNotice(Date.parse('2026-03-01T10:41:00Z'), 0), 'GitHub rate limit reached; checks resume at 10:41');
    assert.equal(rateLimitNotice(t, -120), 'GitHub rate limit reached; checks resume at 12:42');
  });
});
