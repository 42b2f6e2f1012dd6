/** Builds the pure core's OwnersView for a document of a workspace repository. */
import type { Position } from '../core/diagnostics';
import { parseAliasesFile } from '../core/owners/aliasesFile';
import type { OwnersDoc, OwnersView } from '../core/owners/editor/view';
import { parseOwnersFile } from '../core/owners/ownersFile';
import { basename } from '../core/snapshot';
import { LineIndex } from '../core/text';
import { ownersContext } from '../workspace/diagnose';
import type { Located } from './workspaces';

export function ownersViewOf(loc: Located): OwnersView | undefined {
  const { repo, rel } = loc;
  const idx = repo.index;
  const text = repo.text(rel);
  if (text === undefined) return undefined;
  const isAliases = basename(rel) === (repo.opts.aliasesFilename ?? 'OWNERS_ALIASES');
  const root = idx.aliases?.file && idx.aliases.text !== undefined ? { path: idx.aliases.path, text: idx.aliases.text, file: idx.aliases.file } : undefined;
  const view: OwnersView = {
    path: rel,
    text,
    kind: isAliases ? 'aliases' : 'owners',
    all: function* (): Iterable<OwnersDoc> {
      for (const [path, e] of idx.files) if (e.file && e.text !== undefined) yield { path, text: e.text, file: e.file };
    },
    rootAliases: root,
    ctx: ownersContext(repo),
  };
  if (isAliases) view.aliasesFile = root && root.path === rel ? root.file : parseAliasesFile(text);
  else {
    const entry = idx.files.get(rel);
    view.owners = entry?.file && entry.text === text ? entry.file : parseOwnersFile(text);
  }
  return view;
}

export function offsetIn(view: OwnersView, pos: Position): number {
  return new LineIndex(view.text).offset(pos);
}
