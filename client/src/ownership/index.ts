/**
 * Ownership UI: status bar item, Explorer decorations, Ownership view and the "Show Owners" commands. Everything
 * comes from the language server (`shepherd/ownersOf`); this module only displays it.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SigsSettingsNotification, type OwnersOfResult, type SigsSettingsParams } from '../../../server/src/lsp/protocol';
import { OwnershipDecorations } from './decorations';
import { OwnershipService } from './ownershipService';
import { OwnershipStatusBar } from './statusBar';
import { OPEN_LOCATION_COMMAND, OwnershipView, type ViewItemSnapshot } from './ownershipView';

export const VIEW_ID = 'kubeShepherd.ownership';
export const SHOW_OWNERS_COMMAND = 'kubeShepherd.showOwners';
export const SHOW_OWNERS_OF_COMMAND = 'kubeShepherd.showOwnersOf';
export const REFRESH_COMMAND = 'kubeShepherd.ownership.refresh';

/** What the tests can see (returned from activate()). */
export interface OwnershipApi {
  statusBarText(): Promise<string>;
  statusBarTooltip(): Promise<string>;
  /** Whether the status bar item is shown for the active editor. */
  statusBarVisible(): Promise<boolean>;
  ownershipViewItems(): Promise<ViewItemSnapshot[]>;
  decorationFor(uri: vscode.Uri): Promise<{ tooltip?: string; badge?: string } | undefined>;
  ownersOf(uri: vscode.Uri): Promise<OwnersOfResult | null>;
  /** Shows the ownership of `uri` (or the active file) in the view, as the command does. */
  showOwners(uri?: vscode.Uri): Promise<void>;
}

export function registerOwnership(context: vscode.ExtensionContext, client: LanguageClient): OwnershipApi {
  const service = new OwnershipService(client);
  const statusBar = new OwnershipStatusBar(service, SHOW_OWNERS_COMMAND);
  const decorations = new OwnershipDecorations(service);
  const view = new OwnershipView(service, VIEW_ID);

  const sendSettings = () => {
    const cfg = vscode.workspace.getConfiguration('kubeShepherd');
    const storage = context.globalStorageUri;
    const params: SigsSettingsParams = {
      sigsYaml: cfg.get<string>('sigsYaml', '') || undefined,
      download: cfg.get<boolean>('sigsYamlDownload', true),
      trusted: vscode.workspace.isTrusted,
      cacheDir: storage.scheme === 'file' ? storage.fsPath : undefined,
    };
    void client.sendNotification(SigsSettingsNotification, params);
    service.invalidate(0);
  };

  const showOwners = async (uri?: vscode.Uri) => {
    const target = uri instanceof vscode.Uri ? uri : vscode.window.activeTextEditor?.document.uri;
    await view.show(uri instanceof vscode.Uri ? uri : undefined);
    await vscode.commands.executeCommand(`${VIEW_ID}.focus`);
    if (!target) void vscode.window.showInformationMessage('Kube Shepherd: open a file to see who owns it.');
  };

  context.subscriptions.push(
    service,
    statusBar,
    decorations,
    view,
    vscode.window.registerFileDecorationProvider(decorations),
    vscode.commands.registerCommand(SHOW_OWNERS_COMMAND, showOwners),
    vscode.commands.registerCommand(SHOW_OWNERS_OF_COMMAND, showOwners),
    vscode.commands.registerCommand(REFRESH_COMMAND, () => service.invalidate(0)),
    vscode.commands.registerCommand(OPEN_LOCATION_COMMAND, async (target: { uri: string; line?: number; character?: number } | { url: string }) => {
      if ('url' in target) return vscode.env.openExternal(vscode.Uri.parse(target.url));
      const pos = new vscode.Position(Math.max(0, target.line ?? 0), Math.max(0, target.character ?? 0));
      await vscode.window.showTextDocument(vscode.Uri.parse(target.uri), { selection: new vscode.Range(pos, pos), preview: true });
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('kubeShepherd.sigsYaml') || e.affectsConfiguration('kubeShepherd.sigsYamlDownload')) sendSettings();
    }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => sendSettings()),
  );
  sendSettings();

  return {
    async statusBarText() {
      await service.idle();
      await statusBar.update();
      return statusBar.item.text;
    },
    async statusBarVisible() {
      await service.idle();
      await statusBar.update();
      return statusBar.visible;
    },
    async statusBarTooltip() {
      await service.idle();
      await statusBar.update();
      const t = statusBar.item.tooltip;
      return typeof t === 'string' ? t : t?.value ?? '';
    },
    async ownershipViewItems() {
      await service.idle();
      await view.refresh();
      return view.snapshot();
    },
    async decorationFor(uri) {
      const d = await decorations.provideFileDecoration(uri);
      return d ? { tooltip: d.tooltip, badge: d.badge } : undefined;
    },
    ownersOf: (uri) => service.ownersOf(uri),
    showOwners,
  };
}
