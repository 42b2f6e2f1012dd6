/** sigs.yaml model and subproject OWNERS URLs (owners.md §7). */
import { strict as assert } from 'node:assert';
import { parseOwnersUrl } from '../../server/src/core/sigs/ownersUrl';
import { describeMeeting, groupLabelCategory, parseSigsModel, slackUrl } from '../../server/src/core/sigs/sigsModel';

export const SIGS_YAML = `sigs:
- dir: sig-node
  name: Node
  label: node
  mission_statement: >
    Kubelet things.
  leadership:
    chairs:
    - github: node-chair
      name: Node Chair
      company: Acme
    tech_leads:
    - github: node-lead
    emeritus_leads:
    - github: old-lead
  meetings:
  - description: Regular SIG Meeting
    day: Tuesday
    time: "10:00"
    tz: PT (Pacific Time)
    frequency: weekly
    url: https://zoom.example/node
  contact:
    slack: sig-node
    mailing_list: https://groups.google.com/a/kubernetes.io/g/sig-node
    teams:
    - name: sig-node-pr-reviews
      description: PR Reviews
  subprojects:
  - name: kubelet
    owners:
    - https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS
    - https://raw.githubusercontent.com/kubernetes-sigs/node-thing/refs/heads/main/OWNERS
    - https://github.com/kubernetes/kubernetes/blob/master/cmd/kubelet/OWNERS
    - not a url
    contact:
      slack: sig-node-kubelet
- dir: sig-api-machinery
  name: API Machinery
  label: api-machinery
  subprojects:
  - name: gengo
    owners:
    - https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/code-generator
workinggroups:
- dir: wg-lts
  name: LTS
  label: lts
usergroups: []
committees:
- dir: committee-steering
  name: Steering
  label: steering
  subprojects:
  - name: steering
    owners:
    - https://raw.githubusercontent.com/kubernetes/steering/main/OWNERS
gb_rep:
  name: ignored
`;

describe('sigs: OWNERS URLs of subprojects', () => {
  it('raw.githubusercontent <org>/<repo>/<branch>/<path>', () => {
    const u = parseOwnersUrl('https://raw.githubusercontent.com/kubernetes/kubernetes/master/pkg/kubelet/OWNERS')!;
    assert.deepEqual({ org: u.org, repo: u.repo, branch: u.branch, path: u.path, dir: u.dir, form: u.form }, {
      org: 'kubernetes', repo: 'kubernetes', branch: 'master', path: 'pkg/kubelet/OWNERS', dir: 'pkg/kubelet', form: 'raw',
    });
  });
  it('raw …/refs/heads/<branch>/… reads the branch it names (the generator regex would say branch "refs")', () => {
    const u = parseOwnersUrl('https://raw.githubusercontent.com/kubernetes-sigs/kro/refs/heads/main/OWNERS')!;
    assert.equal(u.branch, 'main');
    assert.equal(u.path, 'OWNERS');
    assert.equal(u.dir, '');
    assert.equal(u.form, 'raw-refs');
  });
  it('github.com blob and tree URLs; a tree URL names the directory', () => {
    const b = parseOwnersUrl('https://github.com/oracle/cluster-api-provider-oci/blob/main/OWNERS')!;
    assert.deepEqual([b.org, b.repo, b.branch, b.dir, b.form], ['oracle', 'cluster-api-provider-oci', 'main', '', 'blob']);
    const t = parseOwnersUrl('https://github.com/kubernetes/kubernetes/tree/master/staging/src/k8s.io/code-generator/')!;
    assert.deepEqual([t.path, t.dir, t.form], ['staging/src/k8s.io/code-generator/OWNERS', 'staging/src/k8s.io/code-generator', 'tree']);
  });
  it('rejects what is not one of the forms', () => {
    for (const u of ['not a url', 'https://example.com/a/b/c/OWNERS', 'https://raw.githubusercontent.com/org/repo/main', 'https://github.com/org/repo/raw/main/OWNERS']) {
      assert.equal(parseOwnersUrl(u), undefined, u);
    }
  });
});

describe('sigs: sigs.yaml model', () => {
  const m = parseSigsModel(SIGS_YAML);
  it('reads sigs, working groups, user groups and committees (not gb_rep) with category labels', () => {
    assert.deepEqual(m.groups.map((g) => [g.category, g.dir, g.label]), [
      ['sig', 'sig-node', 'sig/node'],
      ['sig', 'sig-api-machinery', 'sig/api-machinery'],
      ['wg', 'wg-lts', 'wg/lts'],
      ['committee', 'committee-steering', 'committee/steering'],
    ]);
    assert.equal(m.byLabel.get('wg/lts')?.name, 'LTS');
    assert.equal(m.byDir.get('committee-steering')?.label, 'committee/steering');
  });
  it('leadership, contact, teams, meetings', () => {
    const node = m.byDir.get('sig-node')!;
    assert.equal(node.missionStatement, 'Kubelet things.');
    assert.deepEqual(node.leadership.chairs, [{ github: 'node-chair', name: 'Node Chair', company: 'Acme' }]);
    assert.deepEqual(node.leadership.techLeads.map((p) => p.github), ['node-lead']);
    assert.deepEqual(node.leadership.emeritusLeads.map((p) => p.github), ['old-lead']);
    assert.equal(node.contact.slack, 'sig-node');
    assert.deepEqual(node.contact.teams, [{ name: 'sig-node-pr-reviews', description: 'PR Reviews' }]);
    assert.equal(describeMeeting(node.meetings[0]), 'Regular SIG Meeting: Tuesday 10:00 PT (Pacific Time), weekly');
    assert.equal(node.meetings[0].url, 'https://zoom.example/node');
    assert.equal(slackUrl('#sig-node'), 'https://kubernetes.slack.com/messages/sig-node');
  });
  it('subprojects with parsed owners URLs and their sigs.yaml lines; bad URLs are reported', () => {
    const sp = m.byDir.get('sig-node')!.subprojects[0];
    assert.equal(sp.name, 'kubelet');
    assert.deepEqual(sp.owners.map((o) => [o.org, o.repo, o.dir, o.line]), [
      ['kubernetes', 'kubernetes', 'pkg/kubelet', 31],
      ['kubernetes-sigs', 'node-thing', '', 32],
      ['kubernetes', 'kubernetes', 'cmd/kubelet', 33],
    ]);
    assert.deepEqual(sp.invalidOwners, [{ url: 'not a url', line: 34 }]);
    assert.equal(sp.contact?.slack, 'sig-node-kubelet');
    assert.ok(m.problems.some((p) => p.line === 34));
  });
  it('tolerates garbage', () => {
    assert.equal(parseSigsModel('').groups.length, 0);
    assert.equal(parseSigsModel('sigs: 3\ncommittees: [1, "x", {dir: c}]\n').groups.length, 1);
    assert.equal(parseSigsModel('sigs: [\n').groups.length, 0);
  });
  it('group label categories', () => {
    assert.equal(groupLabelCategory('sig/node'), 'sig');
    assert.equal(groupLabelCategory('committee/steering'), 'committee');
    assert.equal(groupLabelCategory('area/kubelet'), undefined);
    assert.equal(groupLabelCategory('sig/'), undefined);
  });
});
