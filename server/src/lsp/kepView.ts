/** Builds the pure KEP editor core's world (workspace facts) for a document of a workspace repository. */
import type { Position } from '../core/diagnostics';
import { kepWorld, type KepWorld } from '../core/kep/editor/world';
import { LineIndex } from '../core/text';
import { upcomingMinor } from '../workspace/kepProviders';
import type { Repository } from '../workspace/repository';
import type { Located } from './workspaces';

export function today(): string {
  return new Date().toISOString().slice(0, 10);
}

export function kepWorldOf(repo: Repository): KepWorld {
  return kepWorld(repo, {
    upcomingMinor: upcomingMinor(repo),
    sigsYamlText: repo.files.has('sigs.yaml') ? repo.text('sigs.yaml') : undefined,
    today: today(),
  });
}

/** The document's text and the cursor offset in it. */
export function kepDocAt(loc: Located, pos: Position): { text: string; offset: number } | undefined {
  const text = loc.repo.text(loc.rel);
  if (text === undefined) return undefined;
  return { text, offset: new LineIndex(text).offset(pos) };
}
