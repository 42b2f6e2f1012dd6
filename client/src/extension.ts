/** Kube Shepherd's VS Code client: starts the language server and registers the UI. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';

let client: LanguageClient | undefined;

export interface KubeShepherdApi {
  client: LanguageClient;
}

export async function activate(context: vscode.ExtensionContext): Promise<KubeShepherdApi> {
  const serverModule = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { scheme: 'file', language: 'owners' },
      { scheme: 'file', pattern: '**/OWNERS' },
      { scheme: 'file', pattern: '**/OWNERS_ALIASES' },
      { scheme: 'file', pattern: '**/keps/**/*.{yaml,md}' },
    ],
    synchronize: {
      fileEvents: vscode.workspace.createFileSystemWatcher('**/{OWNERS,OWNERS_ALIASES,kep.yaml,*.md,sigs.yaml,labels.yaml}'),
    },
  };
  client = new LanguageClient('kubeShepherd', 'Kube Shepherd', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });
  return { client };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
