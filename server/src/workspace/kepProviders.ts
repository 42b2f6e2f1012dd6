/** KEP rule families plugged into the diagnostics pipeline. */
import * as path from 'node:path';
import { isTocChecked, tocDiagnostics } from '../core/kep/tocRules';
import type { RuleProvider } from './pipeline';
import type { Repository } from './repository';

/**
 * Git checks symlinks out as small files holding the link target when symlinks are unsupported (core.symlinks=false,
 * and some archive exports). verify-toc reads through real symlinks, so such a stand-in is checked as its target.
 */
export function resolveSymlinkStandIn(repo: Repository, rel: string, text: string): string {
  const t = text.trim();
  if (t.length === 0 || t.length > 512 || /[\n\r]/.test(t) || !t.endsWith('.md')) return text;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), t));
  if (target.startsWith('..') || target === rel || !repo.files.has(target)) return text;
  return repo.text(target) ?? text;
}

/** mdtoc's table-of-contents check on every `keps/**.md` (hack/verify-toc.sh). */
export const tocProvider: RuleProvider = {
  name: 'kep-toc',
  files: (repo: Repository) => [...repo.files].filter(isTocChecked),
  covers: (_repo, rel) => isTocChecked(rel),
  diagnose: (repo, rel) => {
    const text = repo.text(rel);
    if (text === undefined) return [];
    const checked = resolveSymlinkStandIn(repo, rel, text);
    // Diagnostics of a stand-in belong to its target; the stand-in itself has nothing to fix.
    return checked === text ? tocDiagnostics(rel, text) : [];
  },
};
