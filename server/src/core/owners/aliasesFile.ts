/**
 * OWNERS_ALIASES as Prow's ParseAliasesConfig reads it (owners.md §2): `aliases: {name: members}` decoded into
 * map[string]any (so no YAML-1.1 coercion: a `yes` member is a bool and an error), names and members normalised.
 */
import { goCompare, normLogin } from '../gostrings';
import { parseCanonicalBlockYaml } from '../goyaml/canonicalBlock';
import { parseErrorNearEdit, type CanonicalText } from '../goyaml/editWindow';
import { parseGoYaml, type Node, type ParsedYaml } from '../goyaml/nodes';
import { sigsUnmarshal, type DecodeProblem, type GoType } from '../goyaml/sigsYaml';

const aliasesType: GoType = { k: 'struct', fields: [{ name: 'aliases', type: { k: 'map', elem: { k: 'any' } } }] };

export interface AliasGroup {
  /** Normalised name (lower-case, one leading @ stripped). */
  name: string;
  members: Set<string>;
}

export interface AliasesProblem {
  message: string;
  node: Node | null;
  /** The group name the problem is in, when known. */
  group?: string;
}

export interface AliasesFile {
  /** The groups Kube Shepherd uses. On a member-type error Prow keeps an unpredictable subset; we keep every valid group. */
  aliases: Map<string, Set<string>>;
  /** What makes Prow's ParseAliasesConfig return an error (verify-owners: "The content of OWNERS_ALIASES is invalid."). */
  errors: AliasesProblem[];
  syntaxError?: { message: string; offset: number };
  yaml: ParsedYaml;
}

function goTypeOf(v: unknown): string {
  if (v === null || v === undefined) return '<nil>';
  if (typeof v === 'boolean') return 'bool';
  if (typeof v === 'number') return 'float64';
  if (typeof v === 'string') return 'string';
  if (Array.isArray(v)) return '[]interface {}';
  if (v instanceof Map) return 'map[string]interface {}';
  return 'unknown';
}

/**
 * The YAML of an OWNERS_ALIASES, as `parseGoYaml` reads it, by the cheapest exact route: the fast parse of the
 * canonical shape; else, mid-edit, the syntax error found near the edit (given the last text that parsed canonically);
 * else the full parse. `canonical`: this text took the fast path (keep it as the next edit's reference).
 */
export function parseAliasesYaml(text: string, lastCanonical?: CanonicalText): { yaml: ParsedYaml; canonical: boolean } {
  const fast = parseCanonicalBlockYaml(text);
  if (fast) return { yaml: fast, canonical: true };
  return { yaml: (lastCanonical && parseErrorNearEdit(text, lastCanonical)) ?? parseGoYaml(text), canonical: false };
}

/** `parsed` defaults to parseAliasesYaml (without an edit reference). */
export function parseAliasesFile(text: string, parsed: ParsedYaml = parseAliasesYaml(text).yaml): AliasesFile {
  const aliases = new Map<string, Set<string>>();
  if (parsed.error) return { aliases, errors: [{ message: parsed.error.message, node: null }], syntaxError: parsed.error, yaml: parsed };
  const res = sigsUnmarshal(parsed.root, aliasesType);
  const errors: AliasesProblem[] = [];
  if (res.error) return { aliases, errors: [problem(res.error)], yaml: parsed };
  const data = (res.value as { aliases: Map<string, unknown> | null }).aliases;
  if (!data) return { aliases, errors, yaml: parsed };
  const groupNodes = groupSources(parsed.root);
  // Go iterates the map randomly; sorted order makes our choice (the last of case-variants wins) deterministic.
  for (const name of [...data.keys()].sort(goCompare)) {
    const v = data.get(name);
    const node = groupNodes.get(name) ?? null;
    const norm = normLogin(name);
    if (Array.isArray(v)) {
      const bad = v.find((m) => typeof m !== 'string');
      if (bad !== undefined || v.some((m) => typeof m !== 'string')) {
        errors.push({ message: `unexpected type for alias group member: ${goTypeOf(bad)}`, node, group: name });
        continue;
      }
      aliases.set(norm, new Set((v as string[]).map(normLogin)));
    } else if (typeof v === 'string') {
      errors.push({ message: `alias group '${name}' must contain a list of members`, node, group: name });
    } else if (v instanceof Map) {
      aliases.set(norm, new Set([...v.keys()].map(normLogin)));
    } else if (v === null || v === undefined) {
      aliases.set(norm, new Set());
    } else {
      errors.push({ message: `unexpected type for alias group: ${goTypeOf(v)}`, node, group: name });
    }
  }
  return { aliases, errors, yaml: parsed };
}

function problem(p: DecodeProblem): AliasesProblem {
  return { message: p.message, node: p.node };
}

/** Key node of each alias group (for ranges). */
export function groupSources(root: Node | null): Map<string, Node> {
  const out = new Map<string, Node>();
  const aliasesMap = aliasesMapNode(root);
  if (!aliasesMap) return out;
  for (const e of aliasesMap.entries) if (e.key.kind === 'scalar') out.set(e.key.text, e.key);
  return out;
}

export function aliasesMapNode(root: Node | null): (Node & { kind: 'map' }) | undefined {
  if (!root || root.kind !== 'map') return undefined;
  for (const e of root.entries) {
    if (e.key.kind === 'scalar' && e.key.text.toLowerCase() === 'aliases' && e.value.kind === 'map') return e.value;
  }
  return undefined;
}
