/**
 * The lists kepval takes from outside the KEP: community groups (api/groups.go FetchGroups: every line of sigs.yaml
 * matching the unanchored regex `- dir: (.*)$`, taken verbatim), and aliases from OWNERS_ALIASES decoded with yaml.v3
 * (PRR approvers: strict; SIG Node tech leads: lenient).
 */
import { decodeV3, type GoMap, type GoType } from './goDecode';
import { parseV3, type V3Document } from './goYamlV3';
import { scanMetadata } from './metadataLines';
import { normalizeNodeUser } from './nodeUsers';

export function groupsFromSigsYaml(text: string): string[] {
  const out: string[] = [];
  const { yaml } = scanMetadata(text, false);
  for (const line of yaml.split('\n')) {
    const i = line.indexOf('- dir: ');
    if (i >= 0) out.push(line.slice(i + '- dir: '.length));
  }
  return out.sort();
}

const ALIASES_TYPE: GoType = {
  kind: 'struct',
  goName: 'struct { Data map[string][]string }',
  fields: { aliases: { kind: 'map', goName: 'map[string][]string', elem: { kind: 'slice', elem: { kind: 'string' }, goName: '[]string' } } },
};

export interface AliasesRead {
  aliases?: Map<string, string[]>;
  /** Why the file could not be decoded as kepval decodes it. */
  error?: string;
}

/**
 * A KEP run reads OWNERS_ALIASES three ways (PRR approvers, SIG Node tech leads, the alias map): one parse per text.
 * The tree is only read (decodeV3 does not change it).
 */
let lastParsed: { text: string; doc: V3Document } | undefined;

function parseAliases(text: string): V3Document {
  if (lastParsed?.text !== text) lastParsed = { text, doc: parseV3(text) };
  return lastParsed.doc;
}

/** OWNERS_ALIASES decoded as `{aliases: map[string][]string}` (strict = KnownFields, as FetchPRRApprovers does). */
export function readAliases(text: string, strict: boolean): AliasesRead {
  const doc = parseAliases(text);
  if (doc.syntaxError) return { error: `YAML syntax error: ${doc.syntaxError.message}` };
  if (!doc.root) return { aliases: new Map() };
  const r = decodeV3(doc.root, ALIASES_TYPE, strict);
  if (r.fatal) return { error: r.fatal.message };
  if (r.issues.length) return { error: `${r.issues[0].kind} ${r.issues[0].found}` };
  const out = new Map<string, string[]>();
  const v = r.value;
  if (v && typeof v === 'object' && !Array.isArray(v) && v.kind === 'struct') {
    const m = v.fields.get('aliases')?.value as GoMap | null | undefined;
    if (m && m.kind === 'map') {
      for (const [k, e] of m.entries) out.set(k, Array.isArray(e.value) ? (e.value as string[]) : []);
    }
  }
  return { aliases: out };
}

/**
 * PRR approvers when the workspace has no usable OWNERS_ALIASES (kepval reads master's copy over the network):
 * `prod-readiness-approvers` ∪ `-emeritus` at enhancements 64765b4.
 */
export const DEFAULT_PRR_APPROVERS = ['deads2k', 'ehashman', 'johnbelamaric', 'jpbetz', 'kannon92', 'soltysh', 'wojtek-t'];

/** SIG Node tech leads when OWNERS_ALIASES has none (enhancements 64765b4). */
export const DEFAULT_SIG_NODE_TECH_LEADS = ['dchen1107', 'derekwaynecarr', 'mrunalp'];

export function prrApproversFrom(text: string | undefined): { approvers: string[]; fromWorkspace: boolean } {
  if (text !== undefined) {
    const r = readAliases(text, true);
    if (r.aliases) {
      const list = [...(r.aliases.get('prod-readiness-approvers') ?? []), ...(r.aliases.get('prod-readiness-approvers-emeritus') ?? [])];
      if (list.length) return { approvers: list.sort(), fromWorkspace: true };
    }
  }
  return { approvers: DEFAULT_PRR_APPROVERS, fromWorkspace: false };
}

export type TechLeadsLoad = { leads: Set<string> } | { error: string };

/**
 * nodeapprovers loadTechLeads: the repo-root OWNERS_ALIASES decoded (lenient yaml.v3) as `{aliases: map[string][]string}`;
 * a missing file, a decode error, a missing `sig-node-tech-leads` alias or one without members fails the whole
 * tech-lead check (VerifyAllTechLeadApprovers returns the error, so CI fails), whatever the KEPs say.
 */
export function loadSigNodeTechLeads(text: string | undefined): TechLeadsLoad {
  if (text === undefined) return { error: 'OWNERS_ALIASES does not exist at the repository root' };
  const r = readAliases(text, false);
  if (!r.aliases) return { error: `OWNERS_ALIASES cannot be decoded (${r.error})` };
  const members = r.aliases.get('sig-node-tech-leads');
  if (members === undefined) return { error: 'OWNERS_ALIASES has no `sig-node-tech-leads` alias' };
  const leads = new Set(members.map(normalizeNodeUser));
  if (leads.size === 0) return { error: 'the OWNERS_ALIASES alias `sig-node-tech-leads` has no members' };
  return { leads };
}

/** sig-node-tech-leads, normalized (trimmed, `@` stripped, lower-cased) as nodeapprovers compares them; defaults when unusable (for scaffolding). */
export function sigNodeTechLeadsFrom(text: string | undefined): Set<string> {
  if (text !== undefined) {
    const r = readAliases(text, false);
    const members = r.aliases?.get('sig-node-tech-leads');
    if (members && members.length) return new Set(members.map(normalizeNodeUser));
  }
  return new Set(DEFAULT_SIG_NODE_TECH_LEADS);
}
