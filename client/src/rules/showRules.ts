/**
 * "Kube Shepherd: Show Rules for This File": asks the server (shepherd/rulesForFile) which files govern the active
 * document and which rules apply to it, and lists both in a quick pick. Picking a file opens it; picking a rule opens
 * its section of docs/rules.md.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface RuleForFile {
  code: string;
  severity: string;
  summary: string;
  url: string;
}
interface GoverningFile {
  role: string;
  path: string;
  uri: string;
  exists: boolean;
  detail: string;
}
interface RulesForFileResult {
  kind: string;
  path: string;
  rules: RuleForFile[];
  governing: GoverningFile[];
}

type Item = vscode.QuickPickItem & { open?: () => Thenable<unknown> };

export function buildItems(r: RulesForFileResult): Item[] {
  const items: Item[] = [{ label: 'Files that govern this file', kind: vscode.QuickPickItemKind.Separator }];
  for (const g of r.governing) {
    items.push({
      label: `$(${g.exists ? 'file' : 'circle-slash'}) ${g.path}`,
      description: g.role,
      detail: g.detail,
      open: g.exists ? () => vscode.window.showTextDocument(vscode.Uri.parse(g.uri)) : undefined,
    });
  }
  if (r.governing.length === 0) items.push({ label: 'none' });
  items.push({ label: `Rules for ${r.kind} files`, kind: vscode.QuickPickItemKind.Separator });
  for (const rule of r.rules) {
    items.push({ label: `$(book) ${rule.code}`, description: rule.severity, detail: rule.summary, open: () => vscode.env.openExternal(vscode.Uri.parse(rule.url)) });
  }
  if (r.rules.length === 0) items.push({ label: 'no Kube Shepherd rules apply to this file' });
  return items;
}

export function registerShowRules(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeShepherd.showRules', async (uri?: vscode.Uri) => {
      const target = uri ?? vscode.window.activeTextEditor?.document.uri;
      if (!target) {
        void vscode.window.showInformationMessage('Kube Shepherd: open a file first.');
        return undefined;
      }
      const result = await client.sendRequest<RulesForFileResult | null>('shepherd/rulesForFile', { uri: target.toString() });
      if (!result) {
        void vscode.window.showInformationMessage('Kube Shepherd: this file is not in a workspace folder Kube Shepherd knows.');
        return undefined;
      }
      const picked = await vscode.window.showQuickPick(buildItems(result), {
        title: `Kube Shepherd: rules for ${result.path} (${result.kind})`,
        matchOnDescription: true,
        matchOnDetail: true,
      });
      await picked?.open?.();
      return result;
    }),
  );
}
