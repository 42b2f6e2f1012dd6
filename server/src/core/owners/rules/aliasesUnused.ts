/**
 * owners.md §8.3: alias groups that no OWNERS file of the repository uses. Prow expands them nowhere here, but copies
 * in other repositories and tools beyond Prow (KEP approver suggestions read `<sig>-leads`; community generates its
 * `*-leads` groups for copying) may still read them, so this is Information and has no removal fix.
 */
import type { AliasesFile } from '../aliasesFile';
import type { FileContext } from './context';
import type { AliasesOutline } from './syntax';

/** Groups that the KEP checks of kubernetes/enhancements read from the root OWNERS_ALIASES (kep.md §2, §4). */
const READ_BY_KEP_CHECKS = new Map([
  ['prod-readiness-approvers', 'the PRR check reads it for the PRR approvers'],
  ['prod-readiness-approvers-emeritus', 'the PRR check reads it for the PRR approvers'],
  ['sig-node-tech-leads', 'the SIG Node KEP checks read it for the tech leads'],
]);

/** `used`: the alias names some OWNERS file lists as approver / reviewer / required reviewer; undefined = no OWNERS file at all. */
export function unusedAliasInfos(ctx: FileContext, file: AliasesFile, outline: AliasesOutline, used: ReadonlySet<string> | undefined): void {
  if (file.syntaxError || !used) return;
  const invalidGroups = new Set(file.errors.map((e) => e.group).filter(Boolean));
  for (const g of outline.groups) {
    if (invalidGroups.has(g.text) || used.has(g.name)) continue;
    const empty = g.value.kind === 'scalar' ? g.value.value.t === 'null' : g.members.length === 0;
    if (empty) continue; // aliases/empty-group already asks for its cleanup
    const kepUse = READ_BY_KEP_CHECKS.get(g.name);
    ctx.add({
      range: ctx.range(g.key.range),
      severity: 'information',
      code: 'aliases/unused',
      message: `No OWNERS file in this repository lists \`${g.text}\` as an approver, reviewer or required reviewer, so Prow expands it nowhere here. ${kepUse ? `It is still in use: ${kepUse} (keep it).` : 'Copies of this file in other repositories and tools beyond Prow may still read it; remove it only if nothing else does.'}`,
      upstream: 'prow repoowners (aliases expand only where OWNERS files list them)',
    });
  }
}
