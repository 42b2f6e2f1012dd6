/**
 * "Kube Shepherd: New KEP…": asks for the SIG, title and directory name like `kepctl create`, gets the files from the
 * server (shepherd/newKep: README from the workspace template with a fresh TOC, kep.yaml, optionally the PRR file),
 * writes them with one workspace edit and opens the README.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';

interface NextKepNumberResult {
  number: number;
  sigs: string[];
}
type NewKepResult = { files: { uri: string; path: string; content: string }[]; dir: string } | { error: string };

/** Answers the tests (and keybindings) may pass instead of the prompts. */
export interface NewKepOptions {
  folder?: vscode.Uri;
  sig?: string;
  name?: string;
  title?: string;
  authors?: string[];
  withPrr?: boolean;
}

export function registerNewKep(context: vscode.ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    vscode.commands.registerCommand('kubeShepherd.newKep', async (opts: NewKepOptions = {}) => {
      const folder = opts.folder ?? vscode.workspace.workspaceFolders?.[0]?.uri;
      if (!folder) {
        void vscode.window.showInformationMessage('Kube Shepherd: open the kubernetes/enhancements folder first.');
        return undefined;
      }
      const next = await client.sendRequest<NextKepNumberResult>('shepherd/nextKepNumber', { folder: folder.toString() });
      const sig = opts.sig ?? (await vscode.window.showQuickPick(next.sigs, { title: 'New KEP (1/4): owning SIG' }));
      if (!sig) return undefined;
      const title = opts.title ?? (await vscode.window.showInputBox({ title: 'New KEP (2/4): title', prompt: 'A short, descriptive title' }));
      if (!title) return undefined;
      const suggested = title.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
      const name =
        opts.name ??
        (await vscode.window.showInputBox({
          title: `New KEP (3/4): directory name (keps/${sig}/${next.number}-…)`,
          value: suggested,
          validateInput: (v) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(v) ? undefined : 'lower-case words separated by dashes'),
        }));
      if (!name) return undefined;
      const withPrr = opts.withPrr ?? (await vscode.window.showQuickPick(['Yes', 'No'], { title: 'New KEP (4/4): create the PRR approval file too?' })) === 'Yes';
      const authors = opts.authors ?? ['@your-github-handle'];
      const r = await client.sendRequest<NewKepResult>('shepherd/newKep', { folder: folder.toString(), sig, name, title, authors, withPrr, number: next.number });
      if ('error' in r) {
        void vscode.window.showWarningMessage(`Kube Shepherd: ${r.error}`);
        return r;
      }
      const edit = new vscode.WorkspaceEdit();
      for (const f of r.files) edit.createFile(vscode.Uri.parse(f.uri), { ignoreIfExists: false, contents: Buffer.from(f.content, 'utf8') });
      if (!(await vscode.workspace.applyEdit(edit))) {
        void vscode.window.showWarningMessage('Kube Shepherd: could not create the KEP files (do they exist already?).');
        return r;
      }
      const readme = r.files.find((f) => f.path.endsWith('README.md'));
      if (readme) await vscode.window.showTextDocument(vscode.Uri.parse(readme.uri));
      return r;
    }),
  );
}
