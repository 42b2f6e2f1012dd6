/**
 * The Ownership view (Explorer): for the active file, or a file chosen in the Explorer — SIG(s) with evidence and
 * contacts, approvers layered nearest first, reviewers, required reviewers, labels, the OWNERS chain with go-to-line
 * links, emeritus people who no longer count, and where sigs.yaml came from.
 */
import * as vscode from 'vscode';
import type { OwnersOfResult, SigInfo } from '../../../server/src/lsp/protocol';
import { layerLabel, plural, sigShortName } from './format';
import type { OwnershipService } from './ownershipService';
import { OPEN_LOCATION_COMMAND, treeItemOf, treeSnapshot, type TreeItemSnapshot, type TreeNode } from './treeNodes';

export { OPEN_LOCATION_COMMAND };

export type ViewNode = TreeNode;
export type ViewItemSnapshot = TreeItemSnapshot;

export class OwnershipView implements vscode.TreeDataProvider<ViewNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<ViewNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  /** A file chosen in the Explorer overrides the active editor until the active editor changes. */
  private pinned: vscode.Uri | undefined;
  private roots: ViewNode[] = [];
  private seq = 0;
  private pending: Promise<void> = Promise.resolve();
  readonly treeView: vscode.TreeView<ViewNode>;

  constructor(private readonly service: OwnershipService, viewId: string) {
    this.treeView = vscode.window.createTreeView(viewId, { treeDataProvider: this, showCollapseAll: true });
    this.disposables.push(
      this.treeView,
      this.emitter,
      vscode.window.onDidChangeActiveTextEditor(() => {
        this.pinned = undefined;
        void this.refresh();
      }),
      service.onDidChange(() => void this.refresh()),
    );
    void this.refresh();
  }

  target(): vscode.Uri | undefined {
    return this.pinned ?? vscode.window.activeTextEditor?.document.uri;
  }

  show(uri: vscode.Uri | undefined): Promise<void> {
    this.pinned = uri;
    return this.refresh();
  }

  refresh(): Promise<void> {
    const seq = ++this.seq;
    const uri = this.target();
    this.pending = (async () => {
      const r = uri ? await this.service.ownersOf(uri) : null;
      if (seq !== this.seq) return;
      this.roots = buildNodes(uri, r);
      this.treeView.description = r ? r.path : undefined;
      this.treeView.message = undefined;
      this.emitter.fire(undefined);
    })();
    return this.pending;
  }

  settled(): Promise<void> {
    return this.pending;
  }

  snapshot(): ViewItemSnapshot[] {
    return treeSnapshot(this.roots);
  }

  getChildren(node?: ViewNode): ViewNode[] {
    return node ? node.children ?? [] : this.roots;
  }

  getTreeItem(n: ViewNode): vscode.TreeItem {
    return treeItemOf(n);
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}

export function buildNodes(uri: vscode.Uri | undefined, r: OwnersOfResult | null): ViewNode[] {
  if (!uri) return [{ label: 'Open a file to see who owns it', icon: 'info' }];
  if (!r) return [{ label: 'Not in a workspace folder', description: uri.fsPath, icon: 'info' }];
  if (r.noOwners) {
    return [
      { label: r.path, icon: 'file' },
      { label: 'No OWNERS file applies to this file', description: 'nothing to approve: Prow has no owners here', icon: 'info' },
    ];
  }
  const nodes: ViewNode[] = [];
  const via = { subproject: 'via sigs.yaml subproject', labels: 'via OWNERS labels', alias: 'weak hint from an alias name', none: '' }[r.sigsVia];
  nodes.push({
    label: r.sigs.length === 0 ? 'SIG: none found' : r.sigs.length === 1 ? 'SIG' : `SIGs (${r.sigs.length})`,
    description: via,
    icon: 'organization',
    expanded: true,
    tooltip: r.repoMatch ? `Repository matched as ${r.repoMatch}` : undefined,
    children: r.sigs.map(sigNode),
  });
  nodes.push(layersNode('Approvers', r, r.approvers, 'pass'));
  nodes.push(layersNode('Reviewers', r, r.reviewers, 'eye'));
  if (r.requiredReviewers.length > 0) {
    nodes.push({ label: 'Required reviewers', description: String(r.requiredReviewers.length), icon: 'shield', expanded: true, children: r.requiredReviewers.map((l) => ({ label: l, icon: 'person' })) });
  }
  nodes.push({ label: 'Labels', description: r.labels.length === 0 ? 'none' : String(r.labels.length), icon: 'tag', expanded: true, children: r.labels.map((l) => ({ label: l, icon: 'tag' })) });
  nodes.push({
    label: 'OWNERS chain',
    description: plural(r.chain.length, 'file'),
    icon: 'list-tree',
    expanded: true,
    children: r.chain.map((c) => ({
      label: c.file,
      description: c.ignored ? 'ignored by Prow (cannot be decoded)' : [c.roles.join(', ') || 'nothing applies', c.noParentOwners ? 'no_parent_owners' : ''].filter(Boolean).join(' · '),
      icon: 'file',
      open: { uri: c.uri, line: c.line },
      children: c.entries.map((e) => ({
        label: e.value,
        description: [e.role, `line ${e.line + 1}`, e.filter !== null ? `filter ${e.filter}` : '', e.members ? `alias: ${e.members.join(', ')}` : '', e.counts ? '' : 'does not count (no_parent_owners below)'].filter(Boolean).join(' · '),
        icon: e.role === 'labels' ? 'tag' : e.members ? 'people' : 'person',
        open: { uri: c.uri, line: e.line, character: e.character },
      })),
    })),
  });
  if (r.emeritus.length > 0) {
    nodes.push({
      label: 'Emeritus',
      description: `${r.emeritus.filter((e) => !e.stillCounts).length} no longer count`,
      icon: 'history',
      children: r.emeritus.map((e) => ({
        label: e.login,
        description: `emeritus ${e.role} · ${e.file}:${e.line + 1}${e.stillCounts ? ' · still counts (also listed as ' + e.role + ')' : ' · no longer counts'}`,
        icon: 'person',
        open: { uri: e.uri, line: e.line },
      })),
    });
  }
  nodes.push({
    label: 'sigs.yaml',
    description: r.sigsSource.description,
    icon: 'database',
    tooltip: [r.sigsSource.description, r.sigsSource.date ? `downloaded ${r.sigsSource.date}` : '', r.sigsSource.problem ?? ''].filter(Boolean).join('\n'),
  });
  return nodes;
}

function sigNode(s: SigInfo): ViewNode {
  const children: ViewNode[] = [];
  for (const e of s.evidence) {
    children.push({
      label: e.kind === 'subproject' ? 'sigs.yaml subproject' : e.kind === 'label' ? 'OWNERS label' : 'alias name (weak hint)',
      description: e.file !== undefined && e.line !== undefined ? `${e.file}:${e.line + 1}` : e.detail,
      tooltip: e.detail,
      icon: 'search',
      open: e.kind === 'subproject' && e.sigsYamlUri && e.sigsYamlLine !== undefined
        ? e.sigsYamlUri.startsWith('file:') ? { uri: e.sigsYamlUri, line: e.sigsYamlLine } : { url: e.sigsYamlUri }
        : e.uri ? { uri: e.uri, line: e.line } : undefined,
    });
  }
  if (s.contact?.slack) children.push({ label: `Slack #${s.contact.slack}`, description: s.contact.slackUrl, icon: 'comment-discussion', open: s.contact.slackUrl ? { url: s.contact.slackUrl } : undefined });
  if (s.contact?.mailingList) children.push({ label: 'Mailing list', description: s.contact.mailingList, icon: 'mail', open: /^https?:/.test(s.contact.mailingList) ? { url: s.contact.mailingList } : undefined });
  for (const m of s.meetings) children.push({ label: 'Meeting', description: m.description, icon: 'calendar', open: m.url ? { url: m.url } : undefined });
  if (s.chairs.length > 0) children.push({ label: 'Chairs', description: s.chairs.join(', '), icon: 'person' });
  if (s.techLeads.length > 0) children.push({ label: 'Tech leads', description: s.techLeads.join(', '), icon: 'person' });
  const desc = [s.known ? s.name : 'not in sigs.yaml', s.subproject ? `subproject ${s.subproject}` : '', s.weak ? 'weak hint' : ''].filter(Boolean).join(' · ');
  return { label: sigShortName(s), description: desc, icon: s.category === 'sig' ? 'organization' : 'people', expanded: true, children };
}

function layersNode(title: string, r: OwnersOfResult, layers: string[][], icon: string): ViewNode {
  const children: ViewNode[] = [];
  layers.forEach((logins, layer) => {
    if (logins.length === 0) return;
    const link = r.chain.find((c) => c.layer === layer);
    children.push({
      label: layerLabel(r, layers, layer),
      description: plural(logins.length, title === 'Approvers' ? 'approver' : 'reviewer'),
      icon: 'file',
      expanded: children.length === 0,
      open: link ? { uri: link.uri, line: link.line } : undefined,
      children: logins.map((l) => ({ label: l, icon: 'person' })),
    });
  });
  const total = layers.reduce((n, l) => n + l.length, 0);
  return { label: title, description: total === 0 ? 'none' : String(total), icon, expanded: true, children };
}
