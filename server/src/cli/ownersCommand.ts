/** `kube-shepherd owners`: who approves, reviews and labels each path, exactly as Prow decides it. */
import * as fs from 'node:fs';
import { ownersReport, type OwnersReport } from '../core/owners/report';
import { Repository } from '../workspace/repository';
import { parseArgs, stringFlag, UsageError } from './args';

export const OWNERS_USAGE = 'kube-shepherd owners --root DIR [--files LIST_FILE] [PATH...] [--format json|text]';

export function ownersCommand(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, new Set(), new Set(['root', 'files', 'format']));
  const root = stringFlag(args, 'root');
  if (!root) throw new UsageError('--root is required');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a directory`);
  const format = stringFlag(args, 'format') ?? 'text';
  if (format !== 'json' && format !== 'text') throw new UsageError(`--format must be json or text`);
  const paths = [...args.positionals];
  const list = stringFlag(args, 'files');
  if (list) paths.push(...readPathList(list));
  const repo = Repository.open(root);
  const owners = repo.index.queries;
  const chunks: string[] = [];
  for (const p of paths) {
    const r = ownersReport(owners, p);
    chunks.push(format === 'json' ? JSON.stringify(r) : formatText(r, repo));
    if (chunks.length >= 512) {
      out(chunks.join('\n') + '\n');
      chunks.length = 0;
    }
  }
  if (chunks.length > 0) out(chunks.join('\n') + '\n');
  return 0;
}

export function readPathList(file: string): string[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new UsageError(`cannot read --files ${file}: ${(e as NodeJS.ErrnoException).code ?? e}`);
  }
  return text.split(/\r?\n/).filter((l) => l.length > 0);
}

function formatText(r: OwnersReport, repo: Repository): string {
  const rows: [string, string][] = [
    ['approvers', layered(r.approvers)],
    ['reviewers', layered(r.reviewers)],
    ['required reviewers', r.requiredReviewers.join(', ') || '—'],
    ['labels', r.labels.join(', ') || '—'],
    ['approvers from', ownersFile(r.approverOwnersFile, r.approvers.length > 0)],
    ['reviewers from', ownersFile(r.reviewerOwnersFile, r.reviewers.length > 0)],
  ];
  const chain = repo.index.owners
    .ancestorKeys(r.path)
    .filter((k) => repo.index.files.has(k === '' ? 'OWNERS' : `${k}/OWNERS`))
    .map((k) => (k === '' ? 'OWNERS' : `${k}/OWNERS`));
  rows.push(['OWNERS chain', chain.join(' → ') || 'no OWNERS found']);
  const w = Math.max(...rows.map(([k]) => k.length));
  return [r.path, ...rows.map(([k, v]) => `  ${k.padEnd(w)}  ${v}`)].join('\n');
}

function layered(layers: string[][]): string {
  const parts = layers.map((l, i) => (l.length ? `${l.join(', ')} (${i === 0 ? 'here' : `${i} up`})` : '')).filter(Boolean);
  return parts.join(' · ') || '—';
}

function ownersFile(dir: string, any: boolean): string {
  if (!any) return '—';
  return dir === '' ? 'OWNERS (root)' : `${dir}/OWNERS`;
}
