/**
 * Shared plumbing for feature handlers: which kind of file a document is, and dispatch of a request to the handler
 * registered for that kind. A feature file exports one handler map per request; new file kinds (KEPs, …) add an
 * entry to `fileKindOf` and to the maps of the features they support.
 */
import type { Connection, TextDocuments } from 'vscode-languageserver/node';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { basename } from '../core/snapshot';
import type { DiagnosticsPublisher } from './diagnosticsPublisher';
import type { Located, Workspaces } from './workspaces';

export interface FeatureContext {
  connection: Connection;
  documents: TextDocuments<TextDocument>;
  workspaces: Workspaces;
  publisher: DiagnosticsPublisher;
}

export type FileKind = 'owners' | 'owners-aliases' | 'kep-yaml' | 'prr' | 'kep-md' | 'repo-config' | 'other';

export function fileKindOf(loc: Located): FileKind {
  const name = basename(loc.rel);
  if (name === (loc.repo.opts.aliasesFilename ?? 'OWNERS_ALIASES')) return 'owners-aliases';
  if (name === (loc.repo.opts.ownersFilename ?? 'OWNERS')) return 'owners';
  if (loc.rel === '.kube-shepherd.yaml') return 'repo-config';
  if (loc.rel.startsWith('keps/')) {
    if (name === 'kep.yaml') return 'kep-yaml';
    if (loc.rel.startsWith('keps/prod-readiness/') && name.endsWith('.yaml')) return 'prr';
    if (name.endsWith('.md')) return 'kep-md';
  }
  return 'other';
}

export type KindHandler<P, R> = (loc: Located, params: P, ctx: FeatureContext) => R;
export type KindHandlers<P, R> = Partial<Record<FileKind, KindHandler<P, R>>>;

/** A request handler that locates the document and calls the handler for its kind (or answers `none`). */
export function byKind<P extends { textDocument: { uri: string } }, R>(ctx: FeatureContext, handlers: KindHandlers<P, R>, none: R): (params: P) => R {
  return (params: P) => {
    const loc = ctx.workspaces.locate(params.textDocument.uri);
    if (!loc) return none;
    const h = handlers[fileKindOf(loc)];
    if (!h) return none;
    try {
      return h(loc, params, ctx);
    } catch (e) {
      ctx.connection.console.error(`Kube Shepherd: ${(e as Error)?.stack ?? e}`);
      return none;
    }
  };
}
