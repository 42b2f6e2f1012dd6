/**
 * Hover in kep.yaml and PRR files: keys (schema description), owning-sig / participating-sigs (the group from
 * sigs.yaml: chairs, tech leads, Slack, meetings), handles (KEPs they author / approve / review, SIG roles, PRR
 * approver), see-also / replaces / superseded-by targets (title, status), status and stage values.
 */
import type { Range } from '../../diagnostics';
import { describeMeeting, slackUrl } from '../../sigs/sigsModel';
import { keyDoc, STAGE_DOCS, STATUS_DOCS } from './docs';
import { slotAt, yamlView } from './locate';
import type { KepDocKind } from './completion';
import { groupOf, linkDir, linkTarget, normHandle, type KepWorld } from './world';

export interface KepHover {
  range: Range;
  markdown: string;
}

const HANDLE_LISTS = new Set(['authors', 'reviewers', 'approvers', 'editor']);
const LINK_LISTS = new Set(['see-also', 'replaces', 'superseded-by']);

export function kepHover(kind: KepDocKind, text: string, offset: number, world: KepWorld): KepHover | undefined {
  const view = yamlView(text);
  const slot = slotAt(view, offset);
  if (!slot || (slot.value === '' && slot.role !== 'key')) return undefined;
  const range = view.lines.range(slot.range[0], slot.range[1]);
  const key = slot.path[0];
  if (slot.role === 'key') {
    const doc = keyDoc(kind, slot.path);
    return doc ? { range, markdown: `**\`${slot.path.join('.')}\`** — ${doc}` } : undefined;
  }
  let md: string | undefined;
  if (kind === 'prr') {
    if (slot.path[slot.path.length - 1] === 'approver') md = handleHover(world, slot.value);
  } else if (key === 'owning-sig' || key === 'participating-sigs') md = groupHover(world, slot.value);
  else if (HANDLE_LISTS.has(key)) md = handleHover(world, slot.value);
  else if (LINK_LISTS.has(key)) md = linkHover(world, slot.value);
  else if (key === 'status' && STATUS_DOCS[slot.value]) md = `**status \`${slot.value}\`** — ${STATUS_DOCS[slot.value]}`;
  else if (key === 'stage' && STAGE_DOCS[slot.value]) md = `**stage \`${slot.value}\`** — ${STAGE_DOCS[slot.value]}`;
  return md ? { range, markdown: md } : undefined;
}

function people(ps: { github: string; name?: string }[]): string {
  return ps.map((p) => `@${p.github}${p.name ? ` (${p.name})` : ''}`).join(', ');
}

export function groupHover(world: KepWorld, dir: string): string {
  const g = groupOf(world, dir);
  const known = world.groups.includes(dir);
  const lines: string[] = [];
  if (!g) {
    lines.push(`**${dir}**`, '');
    lines.push(known ? `A group of ${world.groupsFromSigsYaml ? 'sigs.yaml' : 'the built-in groups list (kubernetes/community sigs.yaml at 24e7d8f); add sigs.yaml to the workspace for leads and meetings'}.` : `Not a group of ${world.groupsFromSigsYaml ? 'sigs.yaml' : 'the built-in groups list'}.`);
  } else {
    const title = `${g.category === 'sig' ? 'SIG' : g.category === 'wg' ? 'WG' : g.category === 'ug' ? 'UG' : 'Committee'} ${g.name}`;
    lines.push(`**${title}** (\`${g.dir}\`)`, '');
    if (g.missionStatement) lines.push(g.missionStatement.trim().split('\n')[0], '');
    if (g.leadership.chairs.length) lines.push(`- Chairs: ${people(g.leadership.chairs)}`);
    if (g.leadership.techLeads.length) lines.push(`- Tech leads: ${people(g.leadership.techLeads)}`);
    if (g.contact.slack) lines.push(`- Slack: [#${g.contact.slack}](${slackUrl(g.contact.slack)})`);
    if (g.contact.mailingList) lines.push(`- Mailing list: ${g.contact.mailingList}`);
    for (const m of g.meetings.slice(0, 4)) lines.push(`- Meeting: ${describeMeeting(m)}${m.url ? ` ([join](${m.url}))` : ''}`);
  }
  const leads = world.aliases.get(`${dir}-leads`);
  if (leads?.length) lines.push(`- \`${dir}-leads\` (OWNERS_ALIASES): ${leads.map((l) => `@${l}`).join(', ')}`);
  const n = world.keps().filter((k) => k.owningSig === dir).length;
  if (n) lines.push(`- Owns ${n} KEP${n === 1 ? '' : 's'} in this workspace`);
  return lines.join('\n');
}

export function handleHover(world: KepWorld, raw: string): string | undefined {
  const h = normHandle(raw);
  if (!h || h === 'tbd') return undefined;
  const lines = [`**@${raw.trim().replace(/^@/, '')}**`, ''];
  const roles: string[] = [];
  for (const g of world.sigs?.groups ?? []) {
    if (g.leadership.chairs.some((p) => p.github.toLowerCase() === h)) roles.push(`chair of ${g.name} (\`${g.dir}\`)`);
    if (g.leadership.techLeads.some((p) => p.github.toLowerCase() === h)) roles.push(`tech lead of ${g.name} (\`${g.dir}\`)`);
  }
  for (const [alias, members] of world.aliases) {
    if (alias.endsWith('-leads') && members.some((m) => normHandle(m) === h)) roles.push(`member of \`${alias}\``);
  }
  if (world.prrApprovers.includes(raw.trim().replace(/^@/, ''))) roles.push('PRR approver (`prod-readiness-approvers`)');
  else if (world.prrApprovers.some((a) => a.toLowerCase() === h)) roles.push('PRR approver, but CI compares case-sensitively: write it as in OWNERS_ALIASES');
  if (roles.length) lines.push(`Roles: ${roles.join('; ')}`, '');
  const mine = (l: string[]) => l.some((x) => normHandle(x) === h);
  const authored = world.keps().filter((k) => mine(k.authors));
  const approves = world.keps().filter((k) => mine(k.approvers));
  const reviews = world.keps().filter((k) => mine(k.reviewers));
  const list = (ks: typeof authored) => ks.slice(0, 8).map((k) => `KEP-${k.number}`).join(', ') + (ks.length > 8 ? `, … (${ks.length})` : '');
  if (authored.length) lines.push(`- Author of ${authored.length} KEP${authored.length === 1 ? '' : 's'}: ${list(authored)}`);
  if (approves.length) lines.push(`- Approver of ${approves.length} KEP${approves.length === 1 ? '' : 's'}: ${list(approves)}`);
  if (reviews.length) lines.push(`- Reviewer of ${reviews.length} KEP${reviews.length === 1 ? '' : 's'}: ${list(reviews)}`);
  if (!roles.length && !authored.length && !approves.length && !reviews.length) lines.push('Not named in any other KEP of this workspace, sigs.yaml leadership or a `-leads` alias.');
  return lines.join('\n');
}

function linkHover(world: KepWorld, value: string): string {
  const k = linkTarget(world, value);
  if (!k) {
    const dir = linkDir(value);
    return dir ? `\`${value}\` does not resolve to a KEP directory of this workspace.` : `\`${value}\` is not a KEP path (\`/keps/<sig>/<NNNN-name>\`).`;
  }
  return [`**KEP-${k.number}: ${k.title}**`, '', `- Status: \`${k.status || '—'}\`${k.stage ? `, stage \`${k.stage}\`` : ''}`, `- Owning SIG: \`${k.owningSig}\``, `- ${k.dir}/kep.yaml`].join('\n');
}
