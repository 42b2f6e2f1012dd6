/**
 * Errors: exactly what Prow's verify-owners rejects in an OWNERS file (owners.md §5 step 5) — a file neither
 * config shape can decode, banned labels, a root OWNERS without approvers.
 */
import type { Node } from '../../goyaml/nodes';
import { goSort } from '../../gostrings';
import type { OwnersFile } from '../ownersFile';
import type { FileContext, OwnersRuleSettings } from './context';

const VERIFY_OWNERS = 'prow verify-owners';

export function prowOwnersErrors(ctx: FileContext, file: OwnersFile, settings: OwnersRuleSettings): void {
  if (file.mode === 'ignored') {
    if (file.syntaxError) {
      const at = file.syntaxError.offset;
      ctx.add({
        range: ctx.lines.lineRange(ctx.lines.position(at).line),
        severity: 'error',
        code: 'owners/unparsable',
        message: `Prow cannot parse this file (YAML syntax error: ${file.syntaxError.message}); it is ignored entirely, options included.`,
        upstream: VERIFY_OWNERS,
      });
    } else {
      const p = file.fullError ?? file.simpleError;
      ctx.add({
        range: p?.node ? ctx.range(p.node.range) : ctx.lines.lineRange(0),
        severity: 'error',
        code: 'owners/unparsable',
        message: `Prow cannot decode this file (${p?.message ?? 'unknown error'}); it is ignored entirely, options included.`,
        upstream: VERIFY_OWNERS,
      });
    }
    return;
  }
  const labels = file.mode === 'simple' ? file.simple?.labels ?? [] : (file.filters ?? []).flatMap((f) => f.config.labels ?? []);
  const banned = new Set(settings.bannedLabels);
  const hits = labels.filter((l) => banned.has(l.value));
  if (hits.length > 0) {
    const names = goSort(new Set(hits.map((h) => h.value)));
    for (const h of hits) {
      ctx.add({
        range: h.src ? ctx.range(h.src.range) : ctx.lines.lineRange(0),
        severity: 'error',
        code: 'owners/banned-label',
        message: `Label "${h.value}" is banned in OWNERS files (Prow's labels_denylist); verify-owners rejects the file: "File contains banned labels: [${names.join(' ')}]."`,
        upstream: VERIFY_OWNERS,
      });
    }
    return;
  }
  if (!ctx.path.includes('/')) {
    const approvers = file.mode === 'simple' ? file.simple?.approvers ?? [] : (file.filters ?? []).flatMap((f) => f.config.approvers ?? []);
    if (approvers.length === 0) {
      ctx.add({
        range: rootKeyRange(ctx, file.yaml.root),
        severity: 'error',
        code: 'owners/root-no-approvers',
        message: 'The root OWNERS file must list approvers (verify-owners: "No approvers defined in this root directory OWNERS file.").',
        upstream: VERIFY_OWNERS,
      });
    }
  }
}

function rootKeyRange(ctx: FileContext, root: Node | null) {
  if (root && root.kind === 'map' && root.entries.length > 0) return ctx.range(root.entries[0].key.range);
  return ctx.lines.lineRange(0);
}
