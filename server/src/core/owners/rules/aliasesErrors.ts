/** Errors: an OWNERS_ALIASES that Prow's ParseAliasesConfig rejects ("The content of OWNERS_ALIASES is invalid."). */
import type { Fix } from '../../diagnostics';
import type { Node } from '../../goyaml/nodes';
import type { AliasesFile } from '../aliasesFile';
import type { FileContext } from './context';
import { quoted, replaceNode } from './edits';
import type { AliasesOutline } from './syntax';

export function prowAliasesErrors(ctx: FileContext, file: AliasesFile, outline?: AliasesOutline): void {
  if (file.syntaxError) {
    ctx.add({
      range: ctx.lines.lineRange(ctx.lines.position(file.syntaxError.offset).line),
      severity: 'error',
      code: 'aliases/unparsable',
      message: `Prow cannot parse OWNERS_ALIASES (YAML syntax error: ${file.syntaxError.message}); no alias is expanded.`,
      upstream: 'prow verify-owners',
    });
    return;
  }
  for (const e of file.errors) {
    const group = e.group !== undefined ? outline?.groups.find((g) => g.text === e.group) : undefined;
    const bad = group?.members.filter((m) => nonStringScalar(m.node)) ?? [];
    const fixes: Fix[] = bad.length > 0 ? [{ title: 'Quote the members YAML 1.1 reads as booleans/numbers', edits: bad.map((m) => quoteMember(ctx, m.node)), isPreferred: true }] : [];
    ctx.add({
      range: bad.length === 1 ? ctx.range(bad[0].node.range) : e.node ? ctx.range(e.node.range) : ctx.lines.lineRange(0),
      severity: 'error',
      code: 'aliases/invalid',
      message: `Prow cannot load OWNERS_ALIASES: ${e.message}${bad.length > 0 ? ` (YAML 1.1 reads ${bad.map((b) => '`' + b.text + '`').join(', ')} as ${bad.length === 1 ? 'a boolean/number' : 'booleans/numbers'}, not a login)` : ''}. verify-owners fails with "The content of OWNERS_ALIASES is invalid."${
        e.group ? ' Prow then keeps an unpredictable subset of the groups.' : ''
      }`,
      upstream: 'prow verify-owners',
      fixes: fixes.length > 0 ? fixes : undefined,
    });
  }
}

/**
 * `""`-quote a member in place. An empty member (`-`, or `- &anchor` with nothing after it) has an empty range right
 * after the dash or the anchor name: the quotes then need a space before them, or they would join that token
 * (`-""` is a plain scalar, `&a""` a longer anchor name).
 */
function quoteMember(ctx: FileContext, n: Node) {
  const empty = n.range[0] === n.range[1];
  const before = n.range[0] > 0 ? ctx.text[n.range[0] - 1] : '\n';
  return replaceNode(ctx, n, (empty && before !== ' ' && before !== '\t' && before !== '\n' ? ' ' : '') + quoted(n.kind === 'scalar' ? n.text : ''));
}

function nonStringScalar(n: Node): boolean {
  return n.kind === 'scalar' && n.plain && (n.value.t === 'bool' || n.value.t === 'int' || n.value.t === 'float' || n.value.t === 'null');
}
