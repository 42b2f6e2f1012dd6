/** The "Owned by" view (Explorer): the last "Files Owned by…" / "My Files" answer as a tree. */
import * as vscode from 'vscode';
import type { FilesOwnedByResult } from '../../../server/src/lsp/protocol';
import { treeItemOf, treeSnapshot, type TreeItemSnapshot } from '../ownership/treeNodes';
import { buildOwnedNodes, plural, type OwnedNode } from './ownedNodes';

export const OWNED_BY_VIEW = 'kubeShepherd.ownedBy';
/** Context key: the view is shown once a query ran. */
export const OWNED_BY_ACTIVE = 'kubeShepherd.ownedBy.active';

export type OwnedItemSnapshot = TreeItemSnapshot;

export class OwnedByView implements vscode.TreeDataProvider<OwnedNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<OwnedNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: OwnedNode[] = [];
  readonly treeView: vscode.TreeView<OwnedNode>;
  /** The answer shown (for the search action and refresh). */
  result: FilesOwnedByResult | null = null;

  constructor() {
    this.treeView = vscode.window.createTreeView(OWNED_BY_VIEW, { treeDataProvider: this, showCollapseAll: true });
  }

  /** Shows an answer; resolves once the view is enabled (its `when` context key set), so it can be focused. */
  async show(r: FilesOwnedByResult | null, typed: string): Promise<void> {
    this.result = r;
    this.roots = buildOwnedNodes(r, typed);
    this.treeView.description = r ? `${r.subject.display} · ${r.entries.length === 0 ? 'nothing owned' : plural(new Set(r.entries.map((e) => e.key)).size, 'OWNERS file')}` : undefined;
    this.emitter.fire(undefined);
    await vscode.commands.executeCommand('setContext', OWNED_BY_ACTIVE, true);
  }

  snapshot(): OwnedItemSnapshot[] {
    return treeSnapshot(this.roots);
  }

  getChildren(node?: OwnedNode): OwnedNode[] {
    return node ? node.children ?? [] : this.roots;
  }

  getTreeItem(n: OwnedNode): vscode.TreeItem {
    const item = treeItemOf(n);
    // The inline "search these files" action appears on nodes that cover files.
    if (n.scope) item.contextValue = 'ownedScope';
    return item;
  }

  dispose(): void {
    this.treeView.dispose();
    this.emitter.dispose();
  }
}
