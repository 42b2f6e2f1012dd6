/** `kube-shepherd suggest`: Prow's approve/blunderbuss preview and Kube Shepherd's explained ranking for a change. */
import * as fs from 'node:fs';
import { suggestReviewers } from '../core/reviewers/suggest';
import { changedFilesAgainst, commitsByLogin } from '../workspace/git';
import { Repository } from '../workspace/repository';
import { parseArgs, stringFlag, UsageError } from './args';
import { readPathList } from './ownersCommand';

export const SUGGEST_USAGE =
  'kube-shepherd suggest --root DIR (--files LIST | --base REF) [--author LOGIN] [--pr NUMBER] [--approved-by a,b] [--assignees c] [--expertise] [--format json|text]';

export function suggestCommand(argv: string[], out: (s: string) => void): number {
  const args = parseArgs(argv, new Set(['expertise']), new Set(['root', 'files', 'base', 'author', 'pr', 'approved-by', 'assignees', 'format']));
  const root = stringFlag(args, 'root');
  if (!root) throw new UsageError('--root is required');
  if (!fs.existsSync(root) || !fs.statSync(root).isDirectory()) throw new UsageError(`--root ${root} is not a directory`);
  const format = stringFlag(args, 'format') ?? 'json';
  if (format !== 'json' && format !== 'text') throw new UsageError('--format must be json or text');
  const filesArg = stringFlag(args, 'files');
  const base = stringFlag(args, 'base');
  if (!filesArg && !base) throw new UsageError('one of --files or --base is required');
  let files: string[];
  if (filesArg) files = fs.existsSync(filesArg) && fs.statSync(filesArg).isFile() ? readPathList(filesArg) : filesArg.split(',').map((s) => s.trim()).filter(Boolean);
  else {
    const r = changedFilesAgainst(root, base!);
    if (r.error) throw new UsageError(r.error);
    files = r.files;
  }
  const prText = stringFlag(args, 'pr');
  const pr = prText === undefined ? 0 : Number(prText);
  if (!Number.isSafeInteger(pr) || pr < 0) throw new UsageError('--pr must be a pull request number');
  const list = (name: string) => (stringFlag(args, name) ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const repo = Repository.open(root);
  const owners = repo.index.queries;
  const author = stringFlag(args, 'author') ?? '';
  let expertise: Record<string, { commits: number }> | undefined;
  if (args.flags.has('expertise')) {
    const cands = new Set<string>();
    for (const f of files) for (const s of [owners.approvers(f).toSet(), owners.reviewers(f).toSet()]) for (const l of s) cands.add(l);
    expertise = Object.fromEntries([...commitsByLogin(root, files, cands)].map(([l, n]) => [l, { commits: n }]));
  }
  const report = suggestReviewers({
    owners,
    files,
    author,
    prNumber: pr,
    approvedBy: list('approved-by'),
    assignees: list('assignees'),
    ranking: expertise ? { expertise, expertiseWindow: '6 months' } : undefined,
  });
  const { approve: _a, rankedDetails: _r, ...json } = report;
  if (format === 'json') out(JSON.stringify(json) + '\n');
  else {
    out(`OWNERS directories to approve: ${report.ownersSet.map((d) => d || '(root)').join(', ') || '—'}\n`);
    out(`still unapproved: ${report.unapprovedFiles.map((d) => d || '(root)').join(', ') || 'none'}\n`);
    out(`Prow would suggest (PR #${pr}): ${report.suggestedApprovers.ccs.join(', ') || '—'}\n`);
    out(`blunderbuss requests ${report.blunderbuss.requestCount} reviewer(s), at random from:\n`);
    for (const p of report.blunderbuss.pools) out(`  ${p.dir || '(root)'}: ${p.leafReviewers.join(', ') || '—'}\n`);
    out('Kube Shepherd ranking:\n');
    for (const r of report.ranked) out(`  ${r.login.padEnd(20)} ${r.score.toFixed(3)}  ${r.reasons.join(' · ')}\n`);
  }
  return 0;
}
