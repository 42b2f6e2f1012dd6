/**
 * Differential test of the reviewer suggestion: the optimised path (one per-change owners table shared by the approve
 * preview, the blunderbuss pools and the ranking; per-directory reports from the cache) must return exactly what the
 * straightforward per-file implementation returns (test/unit/suggest-reference/, frozen from before the table) —
 * same order, same reasons, same Prow preview — over many random changes on generated trees that use every OWNERS
 * feature the algorithms branch on.
 */
import * as assert from 'node:assert/strict';
import { parseAliasesFile } from '../../server/src/core/owners/aliasesFile';
import { CachedOwnersQueries } from '../../server/src/core/owners/cachedQueries';
import { parseOwnersFile } from '../../server/src/core/owners/ownersFile';
import { RepoOwners } from '../../server/src/core/owners/repoOwners';
import { ownersReport } from '../../server/src/core/owners/report';
import { suggestReviewers, type SuggestInput } from '../../server/src/core/reviewers/suggest';
import { suggestReviewers as suggestPerFile } from './suggest-reference/suggest';
import { rng } from '../support/seededRandom';


interface Tree {
  owners: RepoOwners;
  dirs: string[];
  files: string[];
  people: string[];
}

/** A random repository: nested directories, OWNERS with filters, options, aliases, mixed-case logins, md front matter. */
function generate(seed: number, ownersCount: number): Tree {
  const rand = rng(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const some = <T>(a: readonly T[], max: number): T[] => Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(a));
  // Few people, so that directories share approvers and the greedy cover has real choices; some spelled in capitals.
  const people = Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? `User${i}` : `user${i}`));
  const aliasNames = ['sig-a-leads', 'sig-b-leads', 'sig-c-reviewers', 'empty-alias'];
  const aliasText =
    'aliases:\n' +
    aliasNames.map((a) => `  ${a}:\n` + (a === 'empty-alias' ? '' : some(people, 4).map((p) => `    - ${p}\n`).join(''))).join('');
  const dirs = [''];
  while (dirs.length < ownersCount * 3) {
    const parent = pick(dirs);
    if (parent.split('/').length >= 5) continue;
    dirs.push(parent === '' ? `d${dirs.length}` : `${parent}/d${dirs.length}`);
  }
  const logins = () => some([...people, ...people.map((p) => `@${p}`), ...aliasNames], 4);
  const list = (key: string, items: string[], indent = '') => (items.length ? `${indent}${key}:\n${items.map((i) => `${indent}  - "${i}"\n`).join('')}` : '');
  const sources: { path: string; file: ReturnType<typeof parseOwnersFile> }[] = [];
  const ownersDirs = new Set<string>(['']);
  while (ownersDirs.size < ownersCount) ownersDirs.add(pick(dirs));
  for (const d of ownersDirs) {
    let text = '';
    const r = rand();
    if (r < 0.15) {
      // Filters: per-file answers that differ inside one directory.
      text += 'filters:\n';
      text += `  ".*":\n${list('approvers', logins(), '    ')}${list('reviewers', logins(), '    ')}`;
      text += `  "\\\\.go$":\n${list('approvers', logins(), '    ')}${list('required_reviewers', some(people, 1), '    ')}`;
      if (rand() < 0.5) text += `  "^OWNERS$":\n${list('reviewers', logins(), '    ')}`;
    } else {
      // Sometimes reviewers only (the approver search walks further up), sometimes approvers only.
      if (r > 0.25) text += list('approvers', logins());
      if (rand() < 0.8) text += list('reviewers', logins());
      if (rand() < 0.2) text += list('required_reviewers', some(people, 2));
      if (rand() < 0.2) text += list('emeritus_approvers', some(people, 2));
      if (rand() < 0.5) text += list('labels', [pick(['sig/a', 'sig/b', 'area/x'])]);
    }
    const opts: string[] = [];
    if (d !== '' && rand() < 0.12) opts.push('  no_parent_owners: true');
    if (rand() < 0.12) opts.push('  auto_approve_unowned_subfolders: true');
    if (opts.length) text += `options:\n${opts.join('\n')}\n`;
    sources.push({ path: d === '' ? 'OWNERS' : `${d}/OWNERS`, file: parseOwnersFile(text || '{}\n') });
  }
  const mdDocs: string[] = [];
  for (let i = 0; i < 3; i++) {
    const md = `${pick(dirs)}/guide${i}.md`.replace(/^\//, '');
    mdDocs.push(md);
    sources.push({ path: md, file: parseOwnersFile(list('approvers', logins()) + list('reviewers', logins())) });
  }
  const owners = RepoOwners.build(sources, parseAliasesFile(aliasText).aliases, { mdYaml: true });
  const files: string[] = [...sources.map((s) => s.path), ...mdDocs, 'OWNERS_ALIASES', 'README.md', 'go.mod'];
  const exts = ['.go', '_test.go', '.md', '.yaml', ''];
  for (let i = 0; i < ownersCount * 8; i++) files.push(`${pick(dirs)}/f${i}${pick(exts)}`.replace(/^\//, ''));
  return { owners, dirs, files, people };
}

/** A random change and everything a caller can pass along with it. */
function randomInput(tree: Tree, rand: () => number, owners: SuggestInput['owners']): SuggestInput {
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rand() * a.length)];
  const some = <T>(a: readonly T[], max: number): T[] => Array.from({ length: Math.floor(rand() * (max + 1)) }, () => pick(a));
  const anyCase = (l: string) => (rand() < 0.3 ? l.toUpperCase() : l);
  const files = some(tree.files, rand() < 0.2 ? 120 : 25); // duplicates on purpose: GitHub never sends them, callers might
  const logins = tree.people;
  const input: SuggestInput = {
    owners,
    files,
    author: rand() < 0.7 ? anyCase(pick(logins)) : rand() < 0.5 ? '' : 'outsider',
    prNumber: rand() < 0.1 ? 0 : Math.floor(rand() * 2 ** (rand() < 0.5 ? 16 : 31)),
    approvedBy: rand() < 0.5 ? some(logins, 3).map(anyCase) : undefined,
    assignees: rand() < 0.4 ? some(logins, 2).map(anyCase) : undefined,
  };
  if (rand() < 0.4) {
    input.blunderbuss = { requestCount: Math.floor(rand() * 4), maxRequestCount: Math.floor(rand() * 3), excludeApprovers: rand() < 0.5 };
  }
  if (rand() < 0.6) {
    const now = 1_700_000_000_000;
    input.ranking = {
      expertise: Object.fromEntries(some(logins, 5).map((l) => [anyCase(l), { commits: Math.floor(rand() * 40), area: rand() < 0.5 ? 'pkg/x' : undefined }])),
      expertiseWindow: rand() < 0.5 ? '6 months' : undefined,
      openReviewRequests: Object.fromEntries(some(logins, 4).map((l) => [anyCase(l), Math.floor(rand() * 9)])),
      busy: some(logins, 2).map(anyCase),
      recentRequests: { now, requests: some(logins, 4).map((l) => ({ login: anyCase(l), at: now - Math.floor(rand() * 20 * 86_400_000) })) },
      weights: rand() < 0.3 ? { ancestorCoverage: rand(), availability: 1 + rand() } : undefined,
    };
  }
  return input;
}

describe('suggest: optimised path ≡ straightforward per-file path (differential)', () => {
  const trees = [generate(1, 20), generate(2, 45), generate(3, 80)];

  it('same suggestion over random changes, with the per-directory cache (warm and cold) and with bare RepoOwners', function () {
    this.timeout(180_000); // 1 200 suggestions; a loaded shared machine can take a while (no speed goal here)
    let compared = 0;
    let withCcs = 0;
    let withUnapproved = 0;
    trees.forEach((tree, t) => {
      const rand = rng(100 + t);
      const cached = new CachedOwnersQueries(tree.owners);
      for (let i = 0; i < 100; i++) {
        const input = randomInput(tree, rand, tree.owners);
        const label = `tree ${t}, change ${i}: ${JSON.stringify({ ...input, owners: undefined })}`;
        const want = suggestPerFile(input);
        // Half the time warm the cache's per-directory reports first, as the ownership view does.
        if (rand() < 0.5) for (const f of input.files) ownersReport(cached, f);
        if (rand() < 0.2) cached.invalidate();
        assert.deepEqual(suggestReviewers({ ...input, owners: cached }), want, label);
        assert.deepEqual(suggestReviewers({ ...input, owners: cached }), want, `${label} (second call, shared cache)`);
        assert.deepEqual(suggestReviewers(input), want, `${label} (bare RepoOwners)`);
        // The reports the optimised path left in the cache are the ones the ownership view would have computed.
        for (const f of input.files) assert.deepEqual(ownersReport(cached, f), ownersReport(tree.owners, f), `${label}: report of ${f}`);
        compared++;
        if (want.suggestedApprovers.ccs.length > 0) withCcs++;
        if (want.unapprovedFiles.length > 1) withUnapproved++;
      }
    });
    // The random changes must exercise the interesting parts, or the equality above proves little.
    assert.equal(compared, 300);
    assert.ok(withCcs > 200, `only ${withCcs} changes with suggested approvers`);
    assert.ok(withUnapproved > 100, `only ${withUnapproved} changes with several unapproved directories`);
  });

  it('the trees exercise filters, no_parent_owners, auto-approval and md front matter', () => {
    for (const tree of trees) {
      const files = tree.files;
      const cached = new CachedOwnersQueries(tree.owners);
      const autoDirs = files.map((f) => tree.owners.findApproverOwnersForFile(f)).filter((d) => tree.owners.isAutoApproveUnownedSubfolders(d));
      assert.ok(autoDirs.length > 0, 'some files fall under auto_approve_unowned_subfolders');
      assert.ok(tree.dirs.some((d) => tree.owners.isNoParentOwners(d)), 'some no_parent_owners');
      // Files of one directory whose answers differ (filters, OWNERS keys, md front matter).
      const byDir = new Map<string, Set<string>>();
      for (const f of files) {
        const dir = f.includes('/') ? f.slice(0, f.lastIndexOf('/')) : '';
        const key = JSON.stringify(ownersReport(cached, f).approvers);
        (byDir.get(dir) ?? byDir.set(dir, new Set()).get(dir)!).add(key);
      }
      assert.ok([...byDir.values()].some((s) => s.size > 1), 'some directory holds files with different approvers');
    }
  });
});
