/** Errors: an OWNERS_ALIASES that Prow's ParseAliasesConfig rejects ("The content of OWNERS_ALIASES is invalid."). */
import type { AliasesFile } from '../aliasesFile';
import type { FileContext } from './context';

export function prowAliasesErrors(ctx: FileContext, file: AliasesFile): void {
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
    ctx.add({
      range: e.node ? ctx.range(e.node.range) : ctx.lines.lineRange(0),
      severity: 'error',
      code: 'aliases/invalid',
      message: `Prow cannot load OWNERS_ALIASES: ${e.message}. verify-owners fails with "The content of OWNERS_ALIASES is invalid."${
        e.group ? ' Prow then keeps an unpredictable subset of the groups.' : ''
      }`,
      upstream: 'prow verify-owners',
    });
  }
}
