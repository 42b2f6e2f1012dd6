/** "Files owned by …": which OWNERS files name a login, an alias or a SIG, and how (core/owners/ownedBy). */
import { strict as assert } from 'node:assert';
import { filesOwnedBy, ownerSubjects, resolveSubject, type OwnedEntry, type SubjectQuery } from '../../server/src/core/owners/ownedBy';
import { subprojectIndex } from '../../server/src/core/sigs/owningSig';
import { parseSigsModel } from '../../server/src/core/sigs/sigsModel';
import { repoOf } from './owners-helpers';

const ALIASES = `aliases:
  sig-node-leads: [node-chair, Node-Lead]
  sig-node-reviewers: [alice, bob]
  chain-a: [chain-b]
  chain-b: [carol]
  sig-storage-approvers: [sto]
`;

const OWNERS: Record<string, string> = {
  OWNERS: 'approvers:\n  - root\n  - "@Dave"\nreviewers: [root-reviewer]\n',
  'pkg/kubelet/OWNERS': 'approvers:\n  - sig-node-leads\n  - dave\nreviewers:\n  - sig-node-reviewers\nemeritus_approvers:\n  - old-timer\n',
  'pkg/kubelet/cm/OWNERS': 'filters:\n  ".*":\n    reviewers: [erin]\n  "cpu_.*\\\\.go$":\n    approvers: [frank, alice]\n',
  'storage/OWNERS': 'options:\n  no_parent_owners: true\napprovers: [sig-storage-approvers]\n',
  'storage/legacy/OWNERS': 'reviewers: [sto-rev]\n',
  'hack/OWNERS': 'approvers:\n  - chain-a\n  - chain-b\n',
  'broken/OWNERS': 'approvers: [ok\n',
};

const FILES = [
  'README.md',
  'pkg/kubelet/kubelet.go',
  'pkg/kubelet/cm/cpu_manager.go',
  'pkg/kubelet/cm/memory_manager.go',
  'pkg/kubelet/cm/sub/cpu_sub.go',
  'storage/volume.go',
  'storage/legacy/old.go',
  'hack/verify.sh',
  ...Object.keys(OWNERS),
];

const SIGS = `sigs:
- dir: sig-node
  name: Node
  label: node
  leadership:
    chairs:
    - github: node-chair
  subprojects:
  - name: kubelet
    owners:
    - https://raw.githubusercontent.com/example/repo/main/pkg/kubelet/OWNERS
- dir: sig-storage
  name: Storage
  label: storage
`;

const repo = repoOf(OWNERS, ALIASES);
const model = parseSigsModel(SIGS);
const subprojects = subprojectIndex(model, { remotes: [{ name: 'origin', org: 'example', repo: 'repo' }] });
const ask = (q: SubjectQuery | string) => filesOwnedBy(typeof q === 'string' ? { name: q } : q, { owners: repo, files: FILES, model, subprojects });
const brief = (e: OwnedEntry) => [e.role, e.key, e.value, e.via ?? null, e.filter ?? null];

describe('owners: files owned by a subject', () => {
  it('a login named directly: every OWNERS file, role, position; NormLogin applies (@Dave)', () => {
    const r = ask('dave');
    assert.deepEqual(r.subject, { kind: 'login', name: 'dave', display: 'dave' });
    assert.deepEqual(r.entries.map(brief), [
      ['approvers', '', '@Dave', null, null],
      ['approvers', 'pkg/kubelet', 'dave', null, null],
    ]);
    const kubelet = r.entries[1];
    assert.deepEqual([kubelet.file, kubelet.line, kubelet.character], ['pkg/kubelet/OWNERS', 2, 4]);
  });

  it('a login through an alias names the alias, its members, and the entry line', () => {
    const r = ask('node-lead');
    assert.deepEqual(r.entries.map(brief), [['approvers', 'pkg/kubelet', 'sig-node-leads', 'sig-node-leads', null]]);
    assert.deepEqual(r.entries[0].members, ['node-chair', 'node-lead']);
    assert.equal(r.entries[0].line, 1);
  });

  it('an alias subject: the entries that name the alias', () => {
    const r = ask('sig-node-reviewers');
    assert.equal(r.subject.kind, 'alias');
    assert.deepEqual(r.members, ['alice', 'bob']);
    assert.deepEqual(r.entries.map(brief), [['reviewers', 'pkg/kubelet', 'sig-node-reviewers', null, null]]);
  });

  it('a SIG: its aliases by name and the OWNERS files its sigs.yaml subprojects list', () => {
    for (const name of ['sig-node', 'Node', 'sig/node']) {
      const r = ask(name);
      assert.deepEqual(r.subject, { kind: 'sig', name: 'sig-node', display: 'Node (sig-node)' }, name);
      assert.deepEqual(r.aliases, ['sig-node-leads', 'sig-node-reviewers']);
      assert.deepEqual(r.entries.map(brief), [
        ['approvers', 'pkg/kubelet', 'sig-node-leads', 'sig-node-leads', null],
        ['reviewers', 'pkg/kubelet', 'sig-node-reviewers', 'sig-node-reviewers', null],
      ]);
      assert.deepEqual(r.subprojects.map((s) => [s.key, s.file, s.subproject]), [['pkg/kubelet', 'pkg/kubelet/OWNERS', 'kubelet']]);
    }
    const storage = ask('sig-storage');
    assert.deepEqual(storage.entries.map(brief), [['approvers', 'storage', 'sig-storage-approvers', 'sig-storage-approvers', null]]);
    assert.deepEqual(storage.subprojects, []);
  });

  it('a filter restricts the entry to the files it matches, relative to the OWNERS directory (subdirectories too)', () => {
    const r = ask('frank');
    assert.deepEqual(r.entries.map(brief), [['approvers', 'pkg/kubelet/cm', 'frank', null, 'cpu_.*\\.go$']]);
    assert.deepEqual(r.entries[0].files, ['pkg/kubelet/cm/cpu_manager.go', 'pkg/kubelet/cm/sub/cpu_sub.go']);
    assert.equal(r.entries[0].fileCount, 2);
    const erin = ask('erin').entries;
    assert.deepEqual(erin.map(brief), [['reviewers', 'pkg/kubelet/cm', 'erin', null, null]], '".*" is no restriction');
    assert.deepEqual(erin[0].files, [], 'unfiltered entries cover whole subtrees: files are not listed');
    assert.equal(erin[0].fileCount, 4, 'OWNERS, cpu_manager.go, memory_manager.go, sub/cpu_sub.go');
    // alice: reviewer of pkg/kubelet through an alias, approver of cpu files directly.
    assert.deepEqual(ask('alice').entries.map(brief), [
      ['reviewers', 'pkg/kubelet', 'sig-node-reviewers', 'sig-node-reviewers', null],
      ['approvers', 'pkg/kubelet/cm', 'alice', null, 'cpu_.*\\.go$'],
    ]);
  });

  it('no_parent_owners: inheritance stops where a deeper OWNERS names its own people for the role', () => {
    const root = ask('root').entries[0];
    assert.deepEqual(root.stoppedAt, ['storage']);
    assert.ok(!root.files.length && root.fileCount > 0);
    const rootReviewer = ask('root-reviewer').entries[0];
    assert.deepEqual(rootReviewer.stoppedAt, [], 'storage names no reviewers: the walk for reviewers goes on to the root');
    assert.equal(rootReviewer.fileCount - root.fileCount, 4, 'storage/{OWNERS,volume.go} and storage/legacy/{OWNERS,old.go} are covered for reviewers only');
  });

  it('emeritus approvers are not owners (Prow ignores the list): reported apart', () => {
    const r = ask('old-timer');
    assert.deepEqual(r.entries, []);
    assert.deepEqual(r.emeritus, [{ role: 'approver', key: 'pkg/kubelet', file: 'pkg/kubelet/OWNERS', line: 6 }]);
  });

  it('aliases expand like Prow: once, not recursively — a member of an alias that a sibling entry re-expands is not an owner', () => {
    // hack/OWNERS: [chain-a, chain-b]; chain-a → chain-b, chain-b → carol. Prow: {chain-a, chain-b} → {carol}.
    assert.deepEqual(ask({ name: 'chain-b', kind: 'login' }).entries, []);
    assert.deepEqual(ask('carol').entries.map(brief), [['approvers', 'hack', 'chain-b', 'chain-b', null]]);
  });

  it('without OWNERS_ALIASES nothing expands: an alias-looking entry is a login', () => {
    const bare = repoOf(OWNERS);
    const asLogin = filesOwnedBy({ name: 'sig-node-leads' }, { owners: bare });
    assert.equal(asLogin.subject.kind, 'login');
    assert.deepEqual(asLogin.entries.map(brief), [['approvers', 'pkg/kubelet', 'sig-node-leads', null, null]]);
    assert.deepEqual(filesOwnedBy({ name: 'node-lead' }, { owners: bare }).entries, []);
    const asAlias = filesOwnedBy({ name: 'sig-node-leads', kind: 'alias' }, { owners: bare });
    assert.deepEqual(asAlias.entries, []);
    assert.match(asAlias.notes.join(' '), /no OWNERS_ALIASES/);
  });

  it('md-yaml: a markdown header owns that file only; filters in a header are not read by Prow', () => {
    const md = repoOf({ OWNERS: 'approvers: [root]\n', 'docs/guide.md': 'approvers: [writer]\n', 'docs/other.md': 'filters:\n  ".*":\n    approvers: [sig-node-leads]\n' }, ALIASES, { mdYaml: true });
    const files = ['OWNERS', 'docs/guide.md', 'docs/other.md', 'docs/x.txt'];
    const writer = filesOwnedBy({ name: 'writer' }, { owners: md, files }).entries;
    assert.deepEqual(writer.map((e) => [e.key, e.file, e.fileCount]), [['docs/guide.md', 'docs/guide.md', 1]]);
    assert.deepEqual(filesOwnedBy({ name: 'sig-node-leads' }, { owners: md, files }).entries, []);
    assert.deepEqual(filesOwnedBy({ name: 'node-lead' }, { owners: md, files }).entries, []);
  });

  it('an OWNERS file Prow cannot decode grants nothing', () => {
    assert.deepEqual(ask('ok').entries, []);
  });

  it('subject kinds are guessed: alias, then SIG, then login', () => {
    assert.equal(resolveSubject({ name: 'sig-node-leads' }, repo, model).kind, 'alias');
    assert.equal(resolveSubject({ name: 'Storage' }, repo, model).kind, 'sig');
    assert.equal(resolveSubject({ name: 'sig-storage' }, repo, null).kind, 'sig', 'aliases named after a group, even without sigs.yaml');
    assert.equal(resolveSubject({ name: '@Alice' }, repo, model).name, 'alice');
  });

  it('quick-pick subjects: SIGs, aliases, logins with the number of OWNERS files naming them', () => {
    const s = ownerSubjects({ owners: repo, model, subprojects });
    const find = (kind: string, name: string) => s.find((x) => x.kind === kind && x.name === name);
    assert.deepEqual(find('sig', 'sig-node'), { kind: 'sig', name: 'sig-node', count: 1, detail: 'Node' });
    assert.equal(find('sig', 'sig-storage')?.count, 1);
    assert.deepEqual(find('alias', 'sig-node-leads'), { kind: 'alias', name: 'sig-node-leads', count: 1, detail: '2 members' });
    assert.equal(find('login', 'dave')?.count, 2);
    assert.equal(find('login', 'alice')?.count, 2);
    assert.equal(find('login', 'chain-b'), undefined, 'expanded away');
    assert.equal(find('login', 'old-timer'), undefined, 'emeritus only');
    assert.deepEqual([...new Set(s.map((x) => x.kind))], ['sig', 'alias', 'login']);
  });
});
