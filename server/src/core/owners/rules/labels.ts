/**
 * Labels Prow's owners-label plugin would try to add: unknown to label_sync's labels.yaml (never applied: the plugin
 * only adds labels that exist in the repository) or naming a group that sigs.yaml no longer has / label_sync renamed.
 */
import type { FileContext, OwnersRepoContext } from './context';
import { replaceNode } from './edits';
import { groupLabelCategory } from '../sigsLeadership';
import { didYouMean } from './suggest';
import type { OwnersOutline } from './syntax';

export function labelWarnings(ctx: FileContext, outline: OwnersOutline, repo: OwnersRepoContext): void {
  const known = repo.labels;
  const sigs = repo.sigs;
  if (!known && !sigs) return;
  let renamed: Map<string, string> | undefined;
  if (known) {
    renamed = new Map();
    for (const l of known.values()) for (const p of l.previously) renamed.set(p, l.name);
  }
  for (const e of outline.entries) {
    if (e.list !== 'labels' || e.scalarValue || e.node.kind !== 'scalar' || e.text === '') continue;
    const label = e.text;
    if (repo.aliases?.aliases.has(label.toLowerCase())) continue; // alias-in-labels explains it
    if (repo.settings.bannedLabels.includes(label)) continue;
    const category = groupLabelCategory(label);
    if (known && !known.has(label)) {
      const to = renamed?.get(label);
      if (to) {
        ctx.add({
          range: ctx.range(e.node.range),
          severity: 'warning',
          code: 'owners/retired-label',
          message: `\`${label}\` is an old label name: label_sync renamed it to \`${to}\` (labels.yaml "previously"). Prow's owners-label plugin only adds labels that exist in the repository, so this one is never applied.`,
          upstream: 'prow owners-label + label_sync',
          fixes: [{ title: `Replace with ${to}`, edits: [replaceNode(ctx, e.node, to)], isPreferred: true }],
          data: { suggestion: to },
        });
        continue;
      }
      const suggestion = didYouMean(label, known.keys(), 3);
      ctx.add({
        range: ctx.range(e.node.range),
        severity: 'warning',
        code: 'owners/unknown-label',
        message: `\`${label}\` is not defined in labels.yaml${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}. label_sync does not create it, and Prow's owners-label plugin only adds labels that exist in the repository (it merely logs the others), so unless someone created the label by hand it is never applied.`,
        upstream: 'prow owners-label (pkg/plugins/owners-label)',
        fixes: suggestion ? [{ title: `Replace with ${suggestion}`, edits: [replaceNode(ctx, e.node, suggestion)], isPreferred: true }] : undefined,
        data: suggestion ? { suggestion } : undefined,
      });
      continue;
    }
    if (sigs && category && !sigs.labels.has(label)) {
      const suggestion = didYouMean(label, [...sigs.labels].filter((l) => l.startsWith(category + '/')), 3);
      ctx.add({
        range: ctx.range(e.node.range),
        severity: 'warning',
        code: 'owners/retired-label',
        message: `No ${category === 'sig' ? 'SIG' : category === 'wg' ? 'working group' : category === 'ug' ? 'user group' : 'committee'} in sigs.yaml has the label \`${label}\`: the group was retired or renamed${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}. label_sync no longer keeps such labels, and Prow's owners-label plugin does not apply labels that do not exist.`,
        upstream: 'sigs.yaml + prow owners-label',
        fixes: suggestion ? [{ title: `Replace with ${suggestion}`, edits: [replaceNode(ctx, e.node, suggestion)] }] : undefined,
        data: suggestion ? { suggestion } : undefined,
      });
    }
  }
}
