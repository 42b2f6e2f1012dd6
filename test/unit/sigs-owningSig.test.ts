/** The owning SIG of a path (README "Owning SIG") and the explained OWNERS chain. */
import { strict as assert } from 'node:assert';
import { ownershipOf } from '../../server/src/core/sigs/ownership';
import { groupFromAliasName, subprojectIndex, type RepoIdentity } from '../../server/src/core/sigs/owningSig';
import { parseSigsModel } from '../../server/src/core/sigs/sigsModel';
import { repoOf } from './owners-helpers';
import { SIGS_YAML } from './sigs-model.test';

const model = parseSigsModel(SIGS_YAML);
const upstream: RepoIdentity = { remotes: [{ name: 'upstream', org: 'kubernetes', repo: 'kubernetes' }, { name: 'origin', org: 'me', repo: 'kubernetes' }] };

const ALIASES = `aliases:
  sig-node-leads: [node-chair, node-lead]
  sig-storage-approvers: [sto]
`;

const repo = repoOf(
  {
    OWNERS: 'approvers: [root]\nlabels: [sig/architecture]\n',
    'pkg/OWNERS': 'approvers: [pkg-approver]\n',
    'pkg/kubelet/OWNERS': 'approvers:\n  - sig-node-leads\n  - dave\nreviewers: [rev]\nemeritus_approvers:\n  - old-timer\n  - dave\nlabels:\n  - sig/node\n  - area/kubelet\n',
    'pkg/kubelet/cm/OWNERS': 'filters:\n  ".*":\n    reviewers: [erin]\n  "cpu_.*\\\\.go$":\n    approvers: [frank]\n    labels: [sig/scheduling]\n',
    'cmd/kubelet/OWNERS': 'approvers: [cmd]\n',
    'storage/OWNERS': 'options:\n  no_parent_owners: true\napprovers: [sig-storage-approvers]\nlabels: [sig/storage-unknown]\n',
    'storage/x/OWNERS': 'reviewers: [sx]\n',
    'hack/OWNERS': 'approvers: [sig-storage-approvers]\n',
  },
  ALIASES,
);

function own(path: string, identity: RepoIdentity = upstream, m = model) {
  return ownershipOf(repo, repo, path, { model: m, subprojects: subprojectIndex(m, identity) });
}

describe('sigs: owning SIG', () => {
  it('(a) a subproject listing the nearest OWNERS file, matched by the upstream remote; labels of the same file add evidence', () => {
    const o = own('pkg/kubelet/kubelet.go');
    assert.equal(o.owning.via, 'subproject');
    assert.equal(o.owning.repoMatch, 'kubernetes/kubernetes (git remote upstream)');
    const [node, arch] = o.owning.groups;
    assert.deepEqual([node.id, node.subproject, node.known, node.weak], ['sig-node', 'kubelet', true, false]);
    assert.deepEqual(node.evidence.map((e) => [e.kind, e.file, e.line]), [['subproject', 'pkg/kubelet/OWNERS', 0], ['label', 'pkg/kubelet/OWNERS', 8]]);
    assert.equal(node.evidence[0].sigsYamlLine, 31);
    assert.deepEqual([arch.id, arch.evidence[0].kind], ['sig-architecture', 'label']);
    assert.equal(arch.known, false, 'sig/architecture is not in this sigs.yaml');
  });
  it('(b) labels accumulate over ancestors, nearest first, and a nearer label beats a farther subproject', () => {
    const o = own('pkg/kubelet/cm/cpu_manager.go');
    assert.deepEqual(o.owning.groups.map((g) => g.id), ['sig-scheduling', 'sig-node', 'sig-architecture']);
    assert.equal(o.owning.via, 'labels');
    assert.equal(o.owning.groups[1].subproject, 'kubelet');
    // Filtered label does not apply to other files of the directory.
    assert.deepEqual(own('pkg/kubelet/cm/memory.go').owning.groups.map((g) => g.id), ['sig-node', 'sig-architecture']);
  });
  it('(b) a github.com blob URL is a subproject too; only labels when nothing lists an ancestor', () => {
    assert.equal(own('cmd/kubelet/main.go').owning.groups[0].subproject, 'kubelet');
    const o = own('pkg/other.go');
    assert.equal(o.owning.via, 'labels');
    assert.deepEqual(o.owning.groups.map((g) => g.id), ['sig-architecture']);
  });
  it('no_parent_owners stops labels like Prow; unknown group labels are kept, marked', () => {
    const o = own('storage/x/file.go');
    assert.deepEqual(o.labels, ['sig/storage-unknown']);
    assert.deepEqual(o.owning.groups.map((g) => [g.id, g.known]), [['sig-storage-unknown', false]]);
    assert.match(o.owning.groups[0].evidence[0].detail, /no such group in sigs.yaml/);
  });
  it('(c) alias names are a weak hint, only when (a) and (b) find nothing', () => {
    const bare = repoOf({ 'hack/OWNERS': 'approvers: [sig-node-leads, bob]\n' }, ALIASES);
    const o = ownershipOf(bare, bare, 'hack/x.sh', { model, subprojects: subprojectIndex(model, upstream) });
    assert.equal(o.owning.via, 'alias');
    assert.deepEqual(o.owning.groups.map((g) => [g.id, g.weak, g.known]), [['sig-node', true, true]]);
    // Without sigs.yaml the alias stem names the group.
    const o2 = ownershipOf(bare, bare, 'hack/x.sh', {});
    assert.deepEqual(o2.owning.groups.map((g) => [g.id, g.weak, g.known]), [['sig-node', true, false]]);
    assert.deepEqual(groupFromAliasName('sig-api-machinery-tech-leads'), { category: 'sig', id: 'sig-api-machinery' });
    assert.equal(groupFromAliasName('sig-api-machinery-tech-leads', model)?.group?.name, 'API Machinery');
    assert.equal(groupFromAliasName('committee-steering', model)?.group?.category, 'committee');
    assert.equal(groupFromAliasName('signode'), undefined);
  });
  it('none: no OWNERS at all is not an error', () => {
    const empty = repoOf({});
    const o = ownershipOf(empty, empty, 'a/b.go', { model });
    assert.equal(o.noOwners, true);
    assert.equal(o.owning.via, 'none');
    assert.deepEqual(o.leafApprovers, []);
  });
  it('repository matching: a fork by repository name, the folder name without remotes, nothing otherwise', () => {
    const fork = subprojectIndex(model, { remotes: [{ name: 'origin', org: 'me', repo: 'kubernetes' }] });
    assert.equal(fork.how, 'kubernetes/kubernetes (git remote origin, a fork)');
    assert.ok(fork.byDir.has('pkg/kubelet'));
    const folder = subprojectIndex(model, { remotes: [], folderName: 'node-thing' });
    assert.equal(folder.how, 'kubernetes-sigs/node-thing (workspace folder name, no git remote)');
    assert.ok(folder.byDir.has(''));
    assert.equal(subprojectIndex(model, { remotes: [{ name: 'origin', org: 'x', repo: 'y' }], folderName: 'kubernetes' }).byDir.size, 0);
    assert.equal(own('pkg/kubelet/kubelet.go', { remotes: [{ name: 'origin', org: 'x', repo: 'y' }] }).owning.via, 'labels');
  });
});

describe('sigs: the OWNERS chain, explained', () => {
  it('files nearest first with layers, entries with lines, filters, alias members', () => {
    const o = own('pkg/kubelet/cm/cpu_manager.go');
    assert.deepEqual(o.chain.map((c) => [c.file, c.layer]), [['pkg/kubelet/cm/OWNERS', 1], ['pkg/kubelet/OWNERS', 2], ['pkg/OWNERS', 3], ['OWNERS', 4]]);
    const cm = o.chain[0];
    assert.deepEqual(cm.entries.map((e) => [e.role, e.value, e.line, e.filter]), [
      ['reviewers', 'erin', 2, '.*'],
      ['approvers', 'frank', 4, 'cpu_.*\\.go$'],
      ['labels', 'sig/scheduling', 5, 'cpu_.*\\.go$'],
    ]);
    const lead = o.chain[1].entries[0];
    assert.deepEqual([lead.value, lead.line, lead.character, lead.members], ['sig-node-leads', 1, 4, ['node-chair', 'node-lead']]);
  });
  it('agrees with Prow’s layered answers: every login of layer i comes from the chain file of layer i', () => {
    for (const p of ['pkg/kubelet/cm/cpu_manager.go', 'pkg/kubelet/kubelet.go', 'storage/x/f', 'hack/a', 'x']) {
      const o = own(p);
      o.approvers.forEach((logins, layer) => {
        if (logins.length === 0) return;
        const link = o.chain.find((c) => c.layer === layer)!;
        const fromChain = new Set(link.entries.filter((e) => e.role === 'approvers' && e.counts).flatMap((e) => e.members ?? [e.value]));
        for (const l of logins) assert.ok(fromChain.has(l), `${p}: ${l} in layer ${layer}`);
      });
    }
  });
  it('no_parent_owners: entries above a directory that stops the walk do not count', () => {
    const o = own('storage/x/f.go');
    const root = o.chain.find((c) => c.file === 'OWNERS')!;
    assert.deepEqual(root.entries.map((e) => e.counts), [false, false]);
    assert.equal(root.reached.approvers, false);
    const storage = o.chain.find((c) => c.file === 'storage/OWNERS')!;
    assert.ok(storage.entries.every((e) => e.counts));
    assert.equal(storage.noParentOwners, true);
    assert.deepEqual(o.approvers, [[], [], ['sto']]);
  });
  it('emeritus people who no longer count, and one listed as both (Prow ignores emeritus: still counts)', () => {
    const o = own('pkg/kubelet/kubelet.go');
    assert.deepEqual(o.emeritus.map((e) => [e.login, e.role, e.file, e.line, e.stillCounts]), [
      ['old-timer', 'approver', 'pkg/kubelet/OWNERS', 5, false],
      ['dave', 'approver', 'pkg/kubelet/OWNERS', 6, true],
    ]);
  });
});
