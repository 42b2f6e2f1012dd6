/**
 * What the Ownership and Owned-by views share: the node shape, its TreeItem, and the flattened snapshot tests read.
 */
import * as vscode from 'vscode';

export const OPEN_LOCATION_COMMAND = 'kubeShepherd.ownership.openLocation';

export interface TreeNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** A file position to open, or a URL. */
  open?: { uri: string; line?: number; character?: number } | { url: string };
  children?: TreeNode[];
  expanded?: boolean;
}

/** Flattened view content for tests: depth + label + description. */
export interface TreeItemSnapshot {
  depth: number;
  label: string;
  description?: string;
}

export function treeSnapshot(roots: readonly TreeNode[]): TreeItemSnapshot[] {
  const out: TreeItemSnapshot[] = [];
  const walk = (nodes: readonly TreeNode[], depth: number) => {
    for (const n of nodes) {
      out.push({ depth, label: n.label, description: n.description });
      if (n.children) walk(n.children, depth + 1);
    }
  };
  walk(roots, 0);
  return out;
}

export function treeItemOf(n: TreeNode): vscode.TreeItem {
  const state = n.children && n.children.length > 0
    ? n.expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed
    : vscode.TreeItemCollapsibleState.None;
  const item = new vscode.TreeItem(n.label, state);
  item.description = n.description;
  item.tooltip = n.tooltip;
  if (n.icon) item.iconPath = new vscode.ThemeIcon(n.icon);
  if (n.open) item.command = { command: OPEN_LOCATION_COMMAND, title: 'Open', arguments: [n.open] };
  return item;
}
