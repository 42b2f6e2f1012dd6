/**
 * One OWNERS file as Prow's repoowners reads it (owners.md §1): decode as SimpleConfig; if that fails or has no
 * entries, decode as FullConfig; if that fails too, the file contributes nothing.
 */
import { parseCanonicalBlockYaml } from '../goyaml/canonicalBlock';
import { parseGoYaml, type Node, type ParsedYaml } from '../goyaml/nodes';
import { sigsUnmarshal, type DecodeProblem, type GoField, type GoString, type GoStruct, type GoType } from '../goyaml/sigsYaml';

const stringList: GoType = { k: 'slice', elem: { k: 'string' } };
const configFields: GoField[] = [
  { name: 'approvers', type: stringList },
  { name: 'reviewers', type: stringList },
  { name: 'required_reviewers', type: stringList },
  { name: 'labels', type: stringList },
];
const configType: GoType = { k: 'struct', fields: configFields };
const optionsType: GoType = {
  k: 'struct',
  fields: [
    { name: 'no_parent_owners', type: { k: 'bool' } },
    { name: 'auto_approve_unowned_subfolders', type: { k: 'bool' } },
  ],
};
/** SimpleConfig embeds Config: its fields are promoted, but sigs.k8s.io/yaml's coercion sees the embedded struct. */
export const simpleConfigType: GoType = {
  k: 'struct',
  fields: [{ name: 'options', type: optionsType }, ...configFields.map((f) => ({ ...f, embeddedIn: configType }))],
};
export const fullConfigType: GoType = {
  k: 'struct',
  fields: [
    { name: 'options', type: optionsType },
    { name: 'filters', type: { k: 'map', elem: configType } },
  ],
};

export type Role = 'approvers' | 'reviewers' | 'required_reviewers' | 'labels';
export const ROLES: readonly Role[] = ['approvers', 'reviewers', 'required_reviewers', 'labels'];

/** One list entry as Prow stores it (raw string after YAML→JSON, with its source). */
export interface Entry {
  value: string;
  src: Node | null;
  coerced?: boolean;
}

export type ConfigLists = Partial<Record<Role, Entry[]>>;

export interface DirOptions {
  noParentOwners: boolean;
  autoApproveUnownedSubfolders: boolean;
}

export interface FilterConfig {
  pattern: string;
  /** Source of the pattern key. */
  keySrc: Node | null;
  config: ConfigLists;
}

export interface OwnersFile {
  /** simple: top-level lists apply; full: filters apply; ignored: Prow drops the file. */
  mode: 'simple' | 'full' | 'ignored';
  simple?: ConfigLists;
  filters?: FilterConfig[];
  options: DirOptions;
  /**
   * Options as the SimpleConfig decode read them, when that decode succeeded (an md-yaml header is decoded as a
   * SimpleConfig only: Prow applies its options even when it has no lists, and nothing when it fails).
   */
  simpleOptions?: DirOptions;
  /** Why SimpleConfig failed, when it did (explains why top-level lists were dropped). */
  simpleError?: DecodeProblem;
  /** Why FullConfig failed, when the file is ignored. */
  fullError?: DecodeProblem;
  syntaxError?: { message: string; offset: number };
  yaml: ParsedYaml;
}

function lists(s: GoStruct | null | undefined): ConfigLists {
  const out: ConfigLists = {};
  if (!s) return out;
  for (const r of ROLES) {
    const v = s[r] as GoString[] | null | undefined;
    if (Array.isArray(v)) out[r] = v.map((g) => ({ value: g.value, src: g.src, coerced: g.coerced }));
  }
  return out;
}

function options(s: GoStruct | null | undefined): DirOptions {
  const o = (s?.options ?? {}) as GoStruct;
  return { noParentOwners: o.no_parent_owners === true, autoApproveUnownedSubfolders: o.auto_approve_unowned_subfolders === true };
}

export function isEmptyConfig(c: ConfigLists): boolean {
  return ROLES.every((r) => !c[r] || c[r]!.length === 0);
}

/** `parsed` defaults to the fast parse of the common block shape (the very tree parseGoYaml builds), else parseGoYaml. */
export function parseOwnersFile(text: string, parsed: ParsedYaml = parseCanonicalBlockYaml(text) ?? parseGoYaml(text)): OwnersFile {
  if (parsed.error) {
    return { mode: 'ignored', options: noOptions(), syntaxError: parsed.error, yaml: parsed };
  }
  const simple = sigsUnmarshal(parsed.root, simpleConfigType);
  const simpleLists = lists(simple.value as GoStruct);
  const simpleOptions = simple.error ? undefined : options(simple.value as GoStruct);
  if (!simple.error && !isEmptyConfig(simpleLists)) {
    return { mode: 'simple', simple: simpleLists, options: simpleOptions!, simpleOptions, yaml: parsed };
  }
  const full = sigsUnmarshal(parsed.root, fullConfigType);
  if (full.error) {
    return { mode: 'ignored', options: noOptions(), simpleOptions, simpleError: simple.error, fullError: full.error, yaml: parsed };
  }
  const fv = full.value as GoStruct;
  const filters: FilterConfig[] = [];
  const fm = fv.filters as Map<string, GoStruct> | null;
  if (fm) {
    const keySources = filterKeySources(parsed.root);
    for (const [pattern, cfg] of fm) filters.push({ pattern, keySrc: keySources.get(pattern) ?? null, config: lists(cfg) });
  }
  return { mode: 'full', filters, options: options(fv), simpleOptions, simpleError: simple.error, yaml: parsed };
}

function noOptions(): DirOptions {
  return { noParentOwners: false, autoApproveUnownedSubfolders: false };
}

/** Where each filter pattern is written (for ranges); the decode keeps values' sources but not map keys'. */
function filterKeySources(root: Node | null): Map<string, Node> {
  const out = new Map<string, Node>();
  if (!root || root.kind !== 'map') return out;
  for (const e of root.entries) {
    if (e.key.kind !== 'scalar' || e.key.text.toLowerCase().replace(/\u017f/g, 's') !== 'filters') continue;
    if (e.value.kind !== 'map') continue;
    for (const fe of e.value.entries) if (fe.key.kind === 'scalar') out.set(String(fe.key.text), fe.key);
  }
  return out;
}
