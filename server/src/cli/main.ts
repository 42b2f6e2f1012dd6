/** kube-shepherd: the CLI entry point (check | owners | suggest | lsp --stdio | demo). */
import { checkCommand, CHECK_USAGE } from './checkCommand';
import { ownersCommand, OWNERS_USAGE } from './ownersCommand';
import { suggestCommand, SUGGEST_USAGE } from './suggestCommand';
import { UsageError } from './args';

const USAGE = `Usage:
  ${CHECK_USAGE}
  ${OWNERS_USAGE}
  ${SUGGEST_USAGE}
  kube-shepherd lsp --stdio
  kube-shepherd demo            (owners and diagnostics of the embedded sample workspace)`;

// Node's process.env is a slow accessor object and the `yaml` parser reads it on every token (debug switches):
// a plain copy keeps the same values and makes parsing a whole KEP tree markedly faster.
process.env = { ...process.env };

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  const write = (s: string) => process.stdout.write(s);
  switch (cmd) {
    case 'owners':
      return ownersCommand(rest, write);
    case 'check':
      return checkCommand(rest, write);
    case 'suggest':
      return suggestCommand(rest, write);
    case 'lsp': {
      const { startServer } = await import('../lsp/server');
      startServer();
      return -1;
    }
    case 'demo': {
      const { demoCommand } = await import('./demoCommand');
      return demoCommand(rest, write);
    }
    case '--help':
    case '-h':
    case 'help':
      write(USAGE + '\n');
      return 0;
    default:
      throw new UsageError(cmd ? `unknown command ${cmd}` : 'missing command');
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) {
      process.exitCode = code;
    }
  },
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(`kube-shepherd: ${e.message}\n${USAGE}\n`);
      process.exitCode = 2;
    } else {
      process.stderr.write(`kube-shepherd: ${(e as Error)?.stack ?? e}\n`);
      process.exitCode = 3;
    }
  },
);
