/**
 * Warnings about list entries: duplicates, emeritus logins that still approve, alias names Prow will not expand,
 * aliases in labels, strings that cannot be GitHub logins.
 */
import type { SeqNode } from '../../goyaml/nodes';
import { normLogin } from '../../gostrings';
import type { FileContext, OwnersRepoContext } from './context';
import { removeSeqItem, replaceNode, writtenRange } from './edits';
import { looksLikeAliasName, loginProblem } from './logins';
import { didYouMean, editDistance } from './suggest';
import { LOGIN_LISTS, type EntryRef, type OwnersOutline } from './syntax';

const PROW_LOGIN_LISTS = new Set(['approvers', 'reviewers', 'required_reviewers']);

function isStringEntry(e: EntryRef): boolean {
  return e.node.kind === 'scalar' && (e.node.value.t === 'str' || !e.node.plain);
}

function seqIndex(e: EntryRef): number {
  return e.keyRef.value.kind === 'seq' ? e.keyRef.value.items.indexOf(e.node) : -1;
}

export function entryWarnings(ctx: FileContext, outline: OwnersOutline, repo: OwnersRepoContext): void {
  duplicates(ctx, outline);
  emeritusAlsoApprover(ctx, outline);
  aliasUse(ctx, outline, repo);
  malformed(ctx, outline, repo);
}

function duplicates(ctx: FileContext, outline: OwnersOutline): void {
  const byList = new Map<EntryRef['keyRef'], EntryRef[]>();
  for (const e of outline.entries) {
    if (e.scalarValue || e.node.kind !== 'scalar') continue;
    let l = byList.get(e.keyRef);
    if (!l) byList.set(e.keyRef, (l = []));
    l.push(e);
  }
  for (const [keyRef, entries] of byList) {
    // A list written as `*name` is the anchored list: its duplicates are reported where the anchor is.
    if (keyRef.value.aliasAt) continue;
    const logins = LOGIN_LISTS.has(keyRef.canonical ?? '');
    const seen = new Map<string, EntryRef>();
    for (const e of entries) {
      const k = logins ? normLogin(e.text) : e.text;
      const first = seen.get(k);
      if (!first) {
        seen.set(k, e);
        continue;
      }
      const edit = removeSeqItem(ctx, keyRef.value as SeqNode, seqIndex(e));
      ctx.add({
        range: ctx.range(writtenRange(e.node)),
        severity: 'warning',
        code: 'owners/duplicate-entry',
        message: `\`${e.text}\` is already listed in ${keyRef.text} (line ${ctx.lines.position(writtenRange(first.node)[0]).line + 1})${logins && first.text !== e.text ? ' (Prow lower-cases logins)' : ''}; Prow keeps a set, so the repeat does nothing.`,
        upstream: 'prow repoowners (sets.New)',
        fixes: edit ? [{ title: `Remove the duplicate \`${e.text}\``, edits: [edit], isPreferred: true }] : undefined,
      });
    }
  }
}

function emeritusAlsoApprover(ctx: FileContext, outline: OwnersOutline): void {
  const pairs: [string, string][] = [
    ['emeritus_approvers', 'approvers'],
    ['emeritus_reviewers', 'reviewers'],
  ];
  for (const [em, role] of pairs) {
    const emeritus = outline.entries.filter((e) => e.list === em && !e.scalarValue);
    if (emeritus.length === 0) continue;
    const emNames = new Set(emeritus.map((e) => normLogin(e.text)));
    // Same place: top level with top level; a filter with the same filter (and the top level with filter ".*").
    for (const e of outline.entries) {
      if (e.list !== role || e.scalarValue || !emNames.has(normLogin(e.text))) continue;
      const sameScope = emeritus.some(
        (x) => normLogin(x.text) === normLogin(e.text) && (x.pattern === e.pattern || (x.place === 'top' && e.pattern === '.*') || (e.place === 'top' && x.pattern === '.*')),
      );
      if (!sameScope) continue;
      const edit = removeSeqItem(ctx, e.keyRef.value as SeqNode, seqIndex(e));
      ctx.add({
        range: ctx.range(e.node.range),
        severity: 'warning',
        code: 'owners/emeritus-also-approver',
        message: `\`${e.text}\` is listed in both ${role} and ${em}. Prow never reads ${em}, so ${e.text} is still ${role === 'approvers' ? 'an approver' : 'a reviewer'} here (and may be picked for PRs). Drop the entry from ${role} if they stepped down.`,
        upstream: 'prow repoowners (no emeritus handling)',
        fixes: edit ? [{ title: `Remove ${e.text} from ${role}`, edits: [edit], isPreferred: true }] : undefined,
      });
    }
  }
}

/**
 * Did-you-mean over the alias names, memoised per alias map: after an OWNERS_ALIASES edit every file that lists the
 * same undefined name asks the same question, and each answer scans every alias name.
 */
/** How far (edits) an undefined alias may be from the alias we suggest for it. */
export const ALIAS_SUGGESTION_MAX_DISTANCE = 2;

const suggestions = new WeakMap<ReadonlyMap<string, unknown>, Map<string, string | undefined>>();
function closestAlias(norm: string, aliases: ReadonlyMap<string, unknown>): string | undefined {
  let memo = suggestions.get(aliases);
  if (!memo) suggestions.set(aliases, (memo = new Map()));
  if (memo.has(norm)) return memo.get(norm);
  const near = aliases.size > 0 ? didYouMean(norm, aliases.keys(), ALIAS_SUGGESTION_MAX_DISTANCE) : undefined;
  memo.set(norm, near);
  return near;
}

function aliasUse(ctx: FileContext, outline: OwnersOutline, repo: OwnersRepoContext): void {
  const aliases = repo.aliases ? repo.aliases.aliases : undefined;
  for (const e of outline.entries) {
    if (e.scalarValue || !isStringEntry(e)) continue;
    const norm = normLogin(e.text);
    if (e.list === 'labels') {
      if (aliases?.has(norm)) {
        ctx.add({
          range: ctx.range(e.node.range),
          severity: 'warning',
          code: 'owners/alias-in-labels',
          message: `\`${e.text}\` is an alias in OWNERS_ALIASES, but Prow does not expand aliases in labels: it would try to add a label literally named "${e.text}". Labels are GitHub labels such as sig/node.`,
          upstream: 'prow repoowners (labels are not alias-expanded)',
        });
      }
      continue;
    }
    if (!PROW_LOGIN_LISTS.has(e.list) || aliases?.has(norm) || loginProblem(e.text)) continue;
    const near = aliases ? closestAlias(norm, aliases) : undefined;
    const suggestion = near && plausibleAliasFix(norm, near) ? near : undefined;
    const aliasLike = looksLikeAliasName(norm);
    if (!aliasLike && !(suggestion && norm.includes('-'))) continue;
    const msgTail = 'so Prow treats it as a GitHub login; nobody has that login, collaborator filtering removes it, and approval falls back to parent OWNERS files.';
    ctx.add({
      range: ctx.range(e.node.range),
      severity: 'warning',
      code: 'owners/undefined-alias',
      message: aliases
        ? `\`${e.text}\` looks like an alias but is not defined in OWNERS_ALIASES${suggestion ? ` (did you mean \`${suggestion}\`?)` : ''}, ${msgTail}`
        : `\`${e.text}\` looks like an alias, but this repository has no OWNERS_ALIASES at its root, ${msgTail}`,
      upstream: 'prow repoowners ExpandAliases (unknown names stay logins)',
      fixes: suggestion ? [{ title: `Replace with ${suggestion}`, edits: [replaceNode(ctx, e.node, suggestion)], isPreferred: true }] : undefined,
      data: suggestion ? { suggestion } : undefined,
    });
  }
}

function malformed(ctx: FileContext, outline: OwnersOutline, repo: OwnersRepoContext): void {
  const aliases = repo.aliases?.aliases;
  for (const e of outline.entries) {
    if (!PROW_LOGIN_LISTS.has(e.list) || e.scalarValue) continue;
    if (e.node.kind !== 'scalar') continue;
    if (e.node.plain && e.node.value.t !== 'str' && e.node.value.t !== 'null') continue; // yaml11-scalar explains it
    if (aliases?.has(normLogin(e.text))) continue;
    const p = loginProblem(e.text);
    if (!p) continue;
    ctx.add({
      range: e.node.range[0] === e.node.range[1] ? ctx.lines.lineRange(ctx.lines.position(e.node.range[0]).line) : ctx.range(e.node.range),
      severity: 'warning',
      code: 'owners/malformed-login',
      message: `\`${e.text}\` cannot be a GitHub login: ${p.detail}. Prow keeps it as written, so it never matches anyone.`,
      upstream: 'prow repoowners (NormLogin only lower-cases and strips one @)',
    });
  }
}

/** A typo fix keeps each hyphen-separated word recognisable: `sig-foo-lead` → `sig-foo-leads`, not `sig-pm-leads` → `sig-ui-leads`. */
function plausibleAliasFix(a: string, b: string): boolean {
  const ta = a.split('-');
  const tb = b.split('-');
  if (ta.length !== tb.length) return true;
  return ta.every((t, i) => t === tb[i] || editDistance(t, tb[i]) * 2 <= Math.max(t.length, tb[i].length) - (Math.max(t.length, tb[i].length) <= 2 ? 1 : 0));
}
