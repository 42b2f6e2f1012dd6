/**
 * Status bar item for the active editor: `$(organization) sig-node · 3 approvers`; click → Ownership view. Works for
 * any editor showing a repository file (also the `git:` sides of Source Control diffs); hidden for the others
 * (untitled, output, settings, files outside every workspace repository).
 */
import * as vscode from 'vscode';
import { statusBarText, statusBarTooltip } from './format';
import type { OwnershipService } from './ownershipService';

export class OwnershipStatusBar implements vscode.Disposable {
  readonly item: vscode.StatusBarItem;
  private readonly disposables: vscode.Disposable[] = [];
  private seq = 0;
  private pending: Promise<void> = Promise.resolve();
  /** Whether the item is shown (StatusBarItem has no getter for it). */
  visible = false;

  constructor(private readonly service: OwnershipService, command: string) {
    this.item = vscode.window.createStatusBarItem('kubeShepherd.ownership', vscode.StatusBarAlignment.Left, 50);
    this.item.name = 'Kube Shepherd: owners of the current file';
    this.item.command = command;
    this.disposables.push(
      this.item,
      vscode.window.onDidChangeActiveTextEditor(() => this.update()),
      service.onDidChange(() => this.update()),
    );
    this.update();
  }

  /** Recomputes the item for the active editor; the returned promise settles when it is shown. */
  update(): Promise<void> {
    const seq = ++this.seq;
    const uri = vscode.window.activeTextEditor?.document.uri;
    this.pending = (async () => {
      const r = uri ? await this.service.ownersOf(uri) : null;
      if (seq !== this.seq) return;
      if (!r) {
        this.item.hide();
        this.visible = false;
        return;
      }
      this.item.text = statusBarText(r);
      const md = new vscode.MarkdownString(statusBarTooltip(r));
      md.supportThemeIcons = true;
      this.item.tooltip = md;
      this.item.accessibilityInformation = { label: statusBarText(r).replace('$(organization) ', 'Owners: ') };
      this.item.show();
      this.visible = true;
    })();
    return this.pending;
  }

  settled(): Promise<void> {
    return this.pending;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
