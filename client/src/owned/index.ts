/**
 * "Kube Shepherd: Files Owned by…" (a login, an alias or a SIG, picked or typed) and "Kube Shepherd: My Files" (the
 * signed-in GitHub login): the OWNERS directories that name the subject, shown in the "Owned by" view, and searchable
 * with VS Code's Search (files to include = the owned directories). Answers come from the language server.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import {
  FilesOwnedByRequest,
  OwnerSubjectsRequest,
  type FilesOwnedByParams,
  type FilesOwnedByResult,
  type OwnerSubjectKind,
  type OwnerSubjectsResult,
} from '../../../server/src/lsp/protocol';
import { loginForMyFiles } from './githubLogin';
import { OWNED_BY_VIEW, OwnedByView, type OwnedItemSnapshot } from './ownedByView';
import { findInFilesArgs, scopeOf, type OwnedNode, type SearchScope } from './ownedNodes';

export const FILES_OWNED_BY_COMMAND = 'kubeShepherd.filesOwnedBy';
export const MY_FILES_COMMAND = 'kubeShepherd.myFiles';
export const OWNED_SEARCH_COMMAND = 'kubeShepherd.ownedBy.search';
export const OWNED_REFRESH_COMMAND = 'kubeShepherd.ownedBy.refresh';

/** Arguments of the commands when run programmatically (tests, other commands). */
export interface OwnedByArgs {
  subject?: string;
  kind?: OwnerSubjectKind;
  /** A workspace folder URI; default: the active file's folder, else the only (or a picked) folder. */
  folder?: vscode.Uri | string;
}

/** What the commands return: the view's content once it is shown. */
export interface OwnedByOutcome {
  subject?: string;
  result: FilesOwnedByResult | null;
  items: OwnedItemSnapshot[];
}

async function pickFolder(arg?: vscode.Uri | string): Promise<vscode.WorkspaceFolder | undefined> {
  if (arg) {
    const uri = typeof arg === 'string' ? vscode.Uri.parse(arg) : arg;
    return vscode.workspace.getWorkspaceFolder(uri);
  }
  const folders = vscode.workspace.workspaceFolders ?? [];
  const active = vscode.window.activeTextEditor?.document.uri;
  const own = active ? vscode.workspace.getWorkspaceFolder(active) : undefined;
  if (own) return own;
  if (folders.length <= 1) return folders[0];
  return vscode.window.showWorkspaceFolderPick({ placeHolder: 'Which repository?' });
}

type SubjectItem = vscode.QuickPickItem & { subject?: string; subjectKind?: OwnerSubjectKind };

/** Quick pick of SIGs, aliases and logins (with counts); anything typed can be used as is. */
async function pickSubject(client: LanguageClient, folder: vscode.WorkspaceFolder): Promise<{ subject: string; kind?: OwnerSubjectKind } | undefined> {
  const qp = vscode.window.createQuickPick<SubjectItem>();
  qp.title = 'Kube Shepherd: Files Owned by…';
  qp.placeholder = 'A GitHub login, an OWNERS_ALIASES alias or a SIG';
  qp.busy = true;
  qp.matchOnDescription = true;
  let base: SubjectItem[] = [];
  const render = () => {
    const typed = qp.value.trim();
    const exact = base.some((i) => i.subject === typed.toLowerCase().replace(/^@/, ''));
    qp.items = typed && !exact ? [{ label: `$(search) ${typed}`, description: 'use as typed', subject: typed, alwaysShow: true }, ...base] : base;
  };
  qp.onDidChangeValue(render);
  const answer = new Promise<SubjectItem | undefined>((resolve) => {
    qp.onDidAccept(() => resolve(qp.selectedItems[0] ?? (qp.value.trim() ? { label: qp.value, subject: qp.value.trim() } : undefined)));
    qp.onDidHide(() => resolve(undefined));
  });
  qp.show();
  void client.sendRequest<OwnerSubjectsResult | null>(OwnerSubjectsRequest, { uri: folder.uri.toString() }).then(
    (r) => {
      const sections: [OwnerSubjectKind, string][] = [['sig', 'SIGs'], ['alias', 'Aliases (OWNERS_ALIASES)'], ['login', 'Logins']];
      base = [];
      for (const [kind, title] of sections) {
        const subjects = (r?.subjects ?? []).filter((s) => s.kind === kind);
        if (subjects.length === 0) continue;
        base.push({ label: title, kind: vscode.QuickPickItemKind.Separator });
        for (const s of subjects) {
          base.push({ label: s.name, description: [s.detail, `${s.count} OWNERS file${s.count === 1 ? '' : 's'}`].filter(Boolean).join(' · '), subject: s.name, subjectKind: s.kind });
        }
      }
      qp.busy = false;
      render();
    },
    () => (qp.busy = false),
  );
  const chosen = await answer;
  qp.dispose();
  return chosen?.subject ? { subject: chosen.subject, kind: chosen.subjectKind } : undefined;
}

export function registerOwnedBy(context: vscode.ExtensionContext, client: LanguageClient): void {
  const view = new OwnedByView();
  let last: { params: FilesOwnedByParams; typed: string } | undefined;

  const query = async (params: FilesOwnedByParams, typed: string): Promise<OwnedByOutcome> => {
    last = { params, typed };
    const result = await client.sendRequest<FilesOwnedByResult | null>(FilesOwnedByRequest, params);
    await view.show(result, typed);
    await vscode.commands.executeCommand(`${OWNED_BY_VIEW}.focus`);
    return { subject: typed, result, items: view.snapshot() };
  };

  const filesOwnedBy = async (args: OwnedByArgs = {}): Promise<OwnedByOutcome | undefined> => {
    const folder = await pickFolder(args.folder);
    if (!folder) {
      void vscode.window.showInformationMessage('Kube Shepherd: open a folder with OWNERS files first.');
      return undefined;
    }
    const picked = args.subject ? { subject: args.subject, kind: args.kind } : await pickSubject(client, folder);
    if (!picked) return undefined;
    return query({ subject: picked.subject, kind: picked.kind, uri: folder.uri.toString() }, picked.subject);
  };

  const myFiles = async (args: Pick<OwnedByArgs, 'folder'> = {}): Promise<OwnedByOutcome | undefined> => {
    const folder = await pickFolder(args.folder);
    if (!folder) {
      void vscode.window.showInformationMessage('Kube Shepherd: open a folder with OWNERS files first.');
      return undefined;
    }
    const login = await loginForMyFiles();
    if (!login) return undefined;
    return query({ subject: login, kind: 'login', uri: folder.uri.toString() }, login);
  };

  /** Opens Search over the files a node (default: the whole answer) covers. Returns the arguments used. */
  const search = async (node?: OwnedNode) => {
    const r = view.result;
    if (!r) return undefined;
    const scope: SearchScope = node?.scope ?? scopeOf(r.entries);
    const folders = vscode.workspace.workspaceFolders ?? [];
    const folder = vscode.workspace.getWorkspaceFolder(vscode.Uri.parse(r.root));
    const prefix = folders.length > 1 && folder ? `${folder.name}/` : '';
    const args = findInFilesArgs(scope, prefix);
    if (!args) {
      void vscode.window.showInformationMessage(`Kube Shepherd: no files owned by ${r.subject.display} to search.`);
      return undefined;
    }
    await vscode.commands.executeCommand('workbench.action.findInFiles', args);
    // Search keeps "files to include" folded away; show it so the scope is visible (the Search view has focus now).
    await vscode.commands.executeCommand('workbench.action.search.toggleQueryDetails', { show: true });
    return args;
  };

  context.subscriptions.push(
    view,
    vscode.commands.registerCommand(FILES_OWNED_BY_COMMAND, filesOwnedBy),
    vscode.commands.registerCommand(MY_FILES_COMMAND, myFiles),
    vscode.commands.registerCommand(OWNED_SEARCH_COMMAND, search),
    vscode.commands.registerCommand(OWNED_REFRESH_COMMAND, () => (last ? query(last.params, last.typed) : filesOwnedBy())),
  );
}
