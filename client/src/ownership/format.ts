/** Text shown by the ownership UI, from a `shepherd/ownersOf` answer. Pure (no vscode import): unit-testable. */
import type { OwnersOfResult, SigInfo } from '../../../server/src/lsp/protocol';

export function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** `sig-node`, or the label's group when it is not in sigs.yaml; `~` marks a weak (alias-name) hint. */
export function sigShortName(s: SigInfo): string {
  return `${s.weak ? '~' : ''}${s.id}`;
}

/** Status bar text: `$(organization) sig-node · 3 approvers`. */
export function statusBarText(r: OwnersOfResult | null | undefined): string {
  if (!r) return '';
  if (r.noOwners) return '$(organization) no OWNERS';
  const sig = r.sigs[0];
  const approvers = plural(r.leafApprovers.length, 'approver');
  return sig ? `$(organization) ${sigShortName(sig)} · ${approvers}` : `$(organization) ${approvers}`;
}

function list(xs: readonly string[], max = 12): string {
  if (xs.length === 0) return '—';
  return xs.length > max ? `${xs.slice(0, max).join(', ')} … (+${xs.length - max})` : xs.join(', ');
}

/** Markdown tooltip of the status bar item: SIG, subproject, approvers, reviewers. */
export function statusBarTooltip(r: OwnersOfResult | null | undefined): string {
  if (!r) return '';
  if (r.noOwners) return `**${r.path}**\n\nNo OWNERS file applies to this file.`;
  const lines: string[] = [`**${r.path}**`, ''];
  if (r.sigs.length === 0) lines.push('SIG: none found (no sigs.yaml subproject, no sig/wg/committee label)');
  for (const s of r.sigs) {
    lines.push(`SIG: **${sigShortName(s)}**${s.known ? ` (${s.name})` : ''}${s.subproject ? ` — subproject **${s.subproject}**` : ''}${s.weak ? ' — weak hint from an alias name' : ''}`);
  }
  lines.push('');
  lines.push(`Approvers (${r.approverOwnersFile === '' ? 'OWNERS' : `${r.approverOwnersFile}/OWNERS`}): ${list(r.leafApprovers)}`);
  lines.push('');
  lines.push(`Reviewers: ${list(r.leafReviewers)}`);
  if (r.requiredReviewers.length > 0) lines.push('', `Required reviewers: ${list(r.requiredReviewers)}`);
  lines.push('', '_Click to open the Ownership view._');
  return lines.join('\n');
}

/** Explorer hover (FileDecoration tooltip): owning SIG + leaf approvers, one line. */
export function decorationTooltip(r: OwnersOfResult | null | undefined): string | undefined {
  if (!r) return undefined;
  if (r.noOwners) return 'No OWNERS file';
  const sig = r.sigs.length > 0 ? r.sigs.map((s) => `${sigShortName(s)}${s.subproject ? ` (${s.subproject})` : ''}`).join(', ') : 'no SIG found';
  return `${sig} · approvers: ${list(r.leafApprovers, 8)}`;
}

/** A ≤2-character Explorer badge: initials of the owning group's name (Node → N, API Machinery → AM). */
export function decorationBadge(r: OwnersOfResult | null | undefined): string | undefined {
  const s = r?.sigs[0];
  if (!s) return undefined;
  const name = s.known ? s.name : s.id.replace(/^(sig|wg|ug|committee)-/, '');
  const initials = name
    .split(/[\s-]+/)
    .filter(Boolean)
    .map((w) => w[0].toUpperCase())
    .join('');
  return initials.slice(0, 2) || undefined;
}

/** Heading for one approver/reviewer layer: the OWNERS file it comes from. */
export function layerLabel(r: OwnersOfResult, layers: string[][], layer: number): string {
  const link = r.chain.find((c) => c.layer === layer);
  const where = link ? link.file : `layer ${layer}`;
  const first = layers.findIndex((l) => l.length > 0);
  return layer === first ? `${where} (nearest)` : where;
}
