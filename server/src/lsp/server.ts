/** The Kube Shepherd language server: connection set-up and scheduling; features live in their own handler files. */
import { createConnection, ProposedFeatures, TextDocuments, TextDocumentSyncKind, type Connection, type InitializeParams, type ServerCapabilities } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { URI } from 'vscode-uri';
import { registerCodeActions } from './codeActions';
import { COMPLETION_TRIGGERS, registerCompletion } from './completion';
import { registerDefinition } from './definition';
import { DiagnosticsPublisher } from './diagnosticsPublisher';
import { registerDocumentSymbols } from './documentSymbols';
import type { FeatureContext } from './features';
import { registerHover } from './hover';
import { registerOwnersOf } from './ownersOf';
import { registerOwnedBy } from './ownedBy';
import { registerReferences } from './references';
import { registerRename } from './rename';
import { registerSuggestReviewers } from './suggest';
import { registerRulesForFile } from './rulesForFile';
import { registerDebugMemory } from './debug';
import { registerNewKep } from './newKep';
import { registerLogins } from './logins';
import { Workspaces } from './workspaces';
import { registerRuleProvider } from '../workspace/pipeline';
import { allKepProviders } from '../workspace/kepProviders';

/** Request features: each registers one handler that dispatches by file kind (see features.ts). */
const FEATURES: ((ctx: FeatureContext) => void)[] = [
  registerHover,
  registerCompletion,
  registerDefinition,
  registerReferences,
  registerRename,
  registerCodeActions,
  registerDocumentSymbols,
];

const CAPABILITIES: ServerCapabilities = {
  textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
  workspace: { workspaceFolders: { supported: false } },
  hoverProvider: true,
  completionProvider: { triggerCharacters: COMPLETION_TRIGGERS, resolveProvider: false },
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  codeActionProvider: { codeActionKinds: ['quickfix'] },
  documentSymbolProvider: true,
};

for (const p of allKepProviders()) registerRuleProvider(p);

export function startServer(connection: Connection = createConnection(ProposedFeatures.all)): void {
  const documents = new TextDocuments(TextDocument);
  const workspaces = new Workspaces();
  const publisher = new DiagnosticsPublisher(connection, workspaces, (uri) => documents.get(uri)?.version);

  connection.onInitialize((params: InitializeParams) => {
    const folders = params.workspaceFolders?.map((f) => URI.parse(f.uri).fsPath) ?? (params.rootUri ? [URI.parse(params.rootUri).fsPath] : []);
    for (const f of folders) {
      try {
        workspaces.add(f);
      } catch (e) {
        connection.console.error(`Kube Shepherd: cannot index ${f}: ${(e as Error).message}`);
      }
    }
    return { capabilities: CAPABILITIES, serverInfo: { name: 'kube-shepherd', version: '0.1.0' } };
  });

  connection.onInitialized(() => publisher.publishAll());

  documents.onDidChangeContent((e) => {
    const loc = workspaces.locate(e.document.uri);
    if (!loc) return;
    loc.repo.setOverlay(loc.rel, e.document.getText());
    publisher.fileChanged(loc.repo, loc.rel);
  });

  documents.onDidClose((e) => {
    const loc = workspaces.locate(e.document.uri);
    if (!loc) return;
    loc.repo.clearOverlay(loc.rel);
    publisher.fileChanged(loc.repo, loc.rel);
  });

  connection.onDidChangeWatchedFiles((p) => {
    for (const c of p.changes) {
      const loc = workspaces.locate(c.uri);
      if (!loc || documents.get(c.uri)) continue;
      loc.repo.diskChanged(loc.rel, c.type === 3);
      publisher.fileChanged(loc.repo, loc.rel);
    }
  });

  const ctx: FeatureContext = { connection, documents, workspaces, publisher };
  for (const register of FEATURES) register(ctx);
  const ownersOf = registerOwnersOf(connection, workspaces);
  registerOwnedBy(connection, workspaces, ownersOf.sigs);
  registerSuggestReviewers(connection, workspaces);
  registerRulesForFile(connection, workspaces);
  registerDebugMemory(connection);
  registerNewKep(connection, workspaces);
  registerLogins(connection, workspaces);

  documents.listen(connection);
  connection.listen();
}
