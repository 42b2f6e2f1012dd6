/** Warnings for OWNERS_ALIASES: empty groups (verify-owners nags about them) and members that are aliases themselves. */
import { normLogin } from '../../gostrings';
import type { AliasesFile } from '../aliasesFile';
import type { FileContext } from './context';
import { removeSeqItem, writtenRange } from './edits';
import { loginProblem } from './logins';
import type { AliasesOutline } from './syntax';
import type { SeqNode } from '../../goyaml/nodes';

export function aliasesWarnings(ctx: FileContext, file: AliasesFile, outline: AliasesOutline): void {
  if (file.syntaxError) return;
  const defined = new Set(outline.groups.map((g) => g.name));
  const invalidGroups = new Set(file.errors.map((e) => e.group).filter(Boolean));
  for (const g of outline.groups) {
    if (invalidGroups.has(g.text)) continue;
    const emptyValue = g.value.kind === 'scalar' ? g.value.value.t === 'null' : g.members.length === 0;
    if (emptyValue) {
      ctx.add({
        range: ctx.range(g.key.range),
        severity: 'warning',
        code: 'aliases/empty-group',
        message: `The alias group \`${g.text}\` has no members: wherever it is used it expands to nobody. verify-owners comments "There are empty aliases in OWNER_ALIASES, cleanup is advised." on every PR that touches OWNERS files while it exists.`,
        upstream: 'prow verify-owners',
      });
      continue;
    }
    const seen = new Map<string, number>();
    g.members.forEach((m, i) => {
      if (m.node.kind !== 'scalar') return;
      const norm = normLogin(m.text);
      if (defined.has(norm) && norm !== g.name) {
        ctx.add({
          range: ctx.range(m.node.range),
          severity: 'warning',
          code: 'aliases/nested-alias',
          message: `\`${m.text}\` is itself an alias, but Prow does not expand aliases recursively: in \`${g.text}\` it stays the literal login "${norm}", which nobody has. List its members here instead.`,
          upstream: 'prow repoowners ExpandAliases (not recursive)',
          data: { alias: norm },
        });
      } else if (norm === g.name) {
        ctx.add({
          range: ctx.range(m.node.range),
          severity: 'warning',
          code: 'aliases/nested-alias',
          message: `\`${g.text}\` lists itself; Prow does not expand aliases recursively, so this stays the literal login "${norm}".`,
          upstream: 'prow repoowners ExpandAliases (not recursive)',
        });
      }
      const prev = seen.get(norm);
      // A group written as `*name` is the anchored list: its duplicates are reported where the anchor is.
      if (prev !== undefined && g.value.kind === 'seq' && !g.value.aliasAt) {
        const edit = removeSeqItem(ctx, g.value as SeqNode, i);
        ctx.add({
          range: ctx.range(writtenRange(m.node)),
          severity: 'warning',
          code: 'owners/duplicate-entry',
          message: `\`${m.text}\` is already a member of \`${g.text}\`; Prow keeps a set, so the repeat does nothing.`,
          upstream: 'prow repoowners (sets.New)',
          fixes: edit ? [{ title: `Remove the duplicate \`${m.text}\``, edits: [edit], isPreferred: true }] : undefined,
        });
      } else seen.set(norm, i);
      const p = m.node.value.t === 'str' ? loginProblem(m.text) : undefined;
      if (p && !defined.has(norm)) {
        ctx.add({
          range: ctx.range(m.node.range),
          severity: 'warning',
          code: 'owners/malformed-login',
          message: `\`${m.text}\` cannot be a GitHub login: ${p.detail}. Prow keeps it as written, so it never matches anyone.`,
          upstream: 'prow repoowners (NormLogin)',
        });
      }
    });
  }
}
