/**
 * The top-level `emeritus_approvers` / `emeritus_reviewers` entries of an OWNERS file, as written (Prow reads neither;
 * inside filters they are dropped too): the one walk behind the Ownership view's emeritus list and the owned-by query.
 */
import type { Node } from '../goyaml/nodes';
import type { OwnersFile } from './ownersFile';

export interface EmeritusItem {
  role: 'approver' | 'reviewer';
  /** The scalar node of the entry (its text is the login as written). */
  item: Node & { kind: 'scalar' };
}

export function emeritusItems(f: OwnersFile): EmeritusItem[] {
  const out: EmeritusItem[] = [];
  const root = f.yaml.root;
  if (!root || root.kind !== 'map') return out;
  for (const e of root.entries) {
    if (e.key.kind !== 'scalar') continue;
    const k = e.key.text.toLowerCase();
    const role = k === 'emeritus_approvers' ? 'approver' : k === 'emeritus_reviewers' ? 'reviewer' : undefined;
    if (!role || e.value.kind !== 'seq') continue;
    for (const item of e.value.items as Node[]) if (item.kind === 'scalar') out.push({ role, item: item as Node & { kind: 'scalar' } });
  }
  return out;
}
