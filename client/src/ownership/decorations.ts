/**
 * Explorer file decorations: hovering a file or folder shows its owning SIG and leaf approvers; with
 * `kubeShepherd.explorer.badges` a ≤2-letter badge of the owning group too.
 */
import * as vscode from 'vscode';
import { decorationBadge, decorationTooltip } from './format';
import type { OwnershipService } from './ownershipService';

export const BADGES_SETTING = 'explorer.badges';

export class OwnershipDecorations implements vscode.FileDecorationProvider, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<vscode.Uri | vscode.Uri[] | undefined>();
  readonly onDidChangeFileDecorations = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];

  constructor(private readonly service: OwnershipService) {
    this.disposables.push(
      this.emitter,
      service.onDidChange(() => this.emitter.fire(undefined)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration(`kubeShepherd.${BADGES_SETTING}`)) this.emitter.fire(undefined);
      }),
    );
  }

  async provideFileDecoration(uri: vscode.Uri): Promise<vscode.FileDecoration | undefined> {
    if (uri.scheme !== 'file' || !vscode.workspace.getWorkspaceFolder(uri)) return undefined;
    const r = await this.service.ownersOf(uri);
    const tooltip = decorationTooltip(r);
    if (!tooltip) return undefined;
    const badges = vscode.workspace.getConfiguration('kubeShepherd', uri).get<boolean>(BADGES_SETTING, false);
    const d = new vscode.FileDecoration(badges ? decorationBadge(r) : undefined, tooltip);
    d.propagate = false;
    return d;
  }

  dispose(): void {
    for (const d of this.disposables) d.dispose();
  }
}
