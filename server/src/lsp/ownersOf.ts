/** `shepherd/ownersOf`: ownership of a document for the client UI (status bar, explorer, ownership view). */
import type { Connection } from 'vscode-languageserver/node';
import { ownersReport } from '../core/owners/report';
import { OwnersOfRequest, type OwnersOfParams, type OwnersOfResult } from './protocol';
import type { Workspaces } from './workspaces';

const GROUP_LABEL = /^(sig|wg|committee|ug)\//;

export function registerOwnersOf(connection: Connection, workspaces: Workspaces): void {
  connection.onRequest(OwnersOfRequest, (params: OwnersOfParams): OwnersOfResult | null => {
    const loc = workspaces.locate(params.uri);
    if (!loc) return null;
    const owners = loc.repo.index.queries;
    const r = ownersReport(owners, loc.rel);
    const chain = loc.repo.index.owners
      .ancestorKeys(loc.rel)
      .map((k) => (k === '' ? 'OWNERS' : `${k}/OWNERS`))
      .filter((f) => loc.repo.index.files.has(f))
      .map((f) => ({ uri: workspaces.uriOf(loc.repo, f), file: f, line: 0, roles: [] as string[] }));
    const sigs = r.labels.filter((l) => GROUP_LABEL.test(l)).map((l) => ({ name: l, evidence: 'label from OWNERS' }));
    return { ...r, chain, sigs };
  });
}
