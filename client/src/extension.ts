/** Kube Shepherd's VS Code client: starts the language server and registers the UI. */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerOwnership, type OwnershipApi } from './ownership';
import { registerShepherd, type ShepherdTestApi } from './shepherd/command';
import { registerNewKep } from './kep/newKep';
import { registerShowRules } from './rules/showRules';
import { ServerRecovery, type ServerRecoveryApi } from './serverRecovery';
import { registerRealityChecks, type RealityApi } from './reality';
import { registerOwnedBy } from './owned';

let client: LanguageClient | undefined;

export interface KubeShepherdApi {
  client: LanguageClient;
  /** Ownership UI, as the tests see it. */
  ownership: OwnershipApi;
  /** "Request Shepherd" as the tests see it (last quick pick, last outcome). */
  shepherd: ShepherdTestApi;
  /** GitHub reality checks: their diagnostic collection, and a run on demand. */
  reality: RealityApi;
  /** Milliseconds spent in activate() (the server keeps starting in the background). */
  activationMs: number;
  /** Resolves when the language server is running. */
  ready: Promise<unknown>;
  /** Restarts of a server that died, and the give-up message (serverRecovery.ts). */
  recovery: ServerRecoveryApi;
}

export async function activate(context: vscode.ExtensionContext): Promise<KubeShepherdApi> {
  const t0 = performance.now();
  const serverModule = context.asAbsolutePath(path.join('dist', 'cli.js'));
  // A small young generation keeps the server's resident memory flat under rapid typing (live heap is flat anyway).
  const options = { execArgv: ['--max-semi-space-size=4'] };
  const serverOptions: ServerOptions = {
    run: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options },
    debug: { module: serverModule, args: ['lsp'], transport: TransportKind.ipc, options },
  };
  // A dead server is restarted (and re-sent the settings it lost); when restarts run out, the user is told.
  const recovery = new ServerRecovery();
  const clientOptions: LanguageClientOptions = {
    errorHandler: recovery,
    middleware: recovery.middleware,
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
  context.subscriptions.push(recovery.attach(client));
  // Activation does not wait for the server to index the workspace: the UI registers at once and its requests wait
  // for the server by themselves (the language client queues them until it is running).
  const c = client;
  const ready = c.start().catch((e: unknown) => c.outputChannel.appendLine(`Kube Shepherd: the language server did not start: ${(e as Error)?.message ?? e}`));
  context.subscriptions.push({ dispose: () => void client?.stop() });
  const ownership = registerOwnership(context, client);
  const shepherd = registerShepherd(context, client, client.outputChannel);
  registerNewKep(context, client);
  registerShowRules(context, client);
  const reality = registerRealityChecks(context, client, client.outputChannel);
  registerOwnedBy(context, client);
  const activationMs = Math.round(performance.now() - t0);
  client.outputChannel.appendLine(`Kube Shepherd activated in ${activationMs} ms`);
  return { client, ownership, shepherd, activationMs, ready, recovery, reality };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
}
