/**
 * `.kube-shepherd.yaml` at the repository root: per-repository rule settings, read by the language server and the
 * CLI alike. Validated against schemas/kube-shepherd.schema.json; problems are diagnostics with ranges.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import { isMap, isScalar, isSeq, parseDocument, type Node as YNode } from 'yaml';
import schema from '../../../../schemas/kube-shepherd.schema.json';
import type { Diagnostic, Severity } from '../diagnostics';
import { LineIndex } from '../text';

export const REPO_CONFIG_PATH = '.kube-shepherd.yaml';

export interface RepoConfig {
  /** Per-code severity override, or "off". */
  rules: Record<string, Severity | 'off'>;
  /** The upcoming Kubernetes minor release (e.g. 37), for KEP milestone and SIG Node rules. */
  upcomingRelease?: number;
  /** Prow's owners.labels_denylist. */
  bannedLabels?: string[];
  /** Prow's owners_dir_denylist additions. */
  dirDenylist?: string[];
  ignorePreconfiguredDefaults?: boolean;
  /** Prow's owners.mdyamlrepos: is this repository one of them? */
  mdYaml?: boolean;
}

export const DEFAULT_REPO_CONFIG: RepoConfig = { rules: {} };

/** Compiled on first use: most runs (a repository without `.kube-shepherd.yaml`) never need it. */
let validator: ValidateFunction | undefined;
function schemaErrors(value: unknown): ErrorObject[] {
  validator ??= new Ajv({ allErrors: true, strict: false }).compile(schema);
  return validator(value) ? [] : [...(validator.errors ?? [])];
}

export interface LoadedRepoConfig {
  config: RepoConfig;
  diagnostics: Diagnostic[];
}

export function parseRepoConfig(text: string): LoadedRepoConfig {
  const lines = new LineIndex(text);
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    diagnostics.push({ file: REPO_CONFIG_PATH, range: lines.range(e.pos[0], e.pos[1]), severity: 'error', code: 'config/invalid', message: `Invalid YAML: ${e.message.split('\n')[0]}` });
  }
  if (doc.errors.length) return { config: DEFAULT_REPO_CONFIG, diagnostics };
  const value = doc.toJS() ?? {};
  const errors = schemaErrors(value);
  if (errors.length > 0) {
    for (const err of errors) {
      const node = nodeAt(doc.contents as YNode | null, err.instancePath);
      const range = node?.range ? lines.range(node.range[0], node.range[1]) : lines.lineRange(0);
      const extra = err.keyword === 'additionalProperties' ? ` ("${(err.params as { additionalProperty: string }).additionalProperty}")` : err.keyword === 'enum' ? ` (one of ${(err.params as { allowedValues: unknown[] }).allowedValues.join(', ')})` : '';
      diagnostics.push({ file: REPO_CONFIG_PATH, range, severity: 'error', code: 'config/invalid', message: `${err.instancePath || 'configuration'} ${err.message}${extra}` });
    }
    return { config: DEFAULT_REPO_CONFIG, diagnostics };
  }
  const v = value as Partial<RepoConfig>;
  return { config: { ...DEFAULT_REPO_CONFIG, ...v, rules: { ...(v.rules ?? {}) } }, diagnostics };
}

/** The YAML node at an ajv instancePath (`/rules/owners~1duplicate-entry`), for error ranges. */
function nodeAt(root: YNode | null, pointer: string): YNode | null {
  let node: YNode | null = root;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && String(p.key.value) === key);
      node = (pair?.value as YNode) ?? (pair?.key as YNode) ?? null;
    } else if (isSeq(node)) {
      node = (node.items[Number(key)] as YNode) ?? null;
    } else return node;
  }
  return node;
}

/** Applies severity overrides and rule switches to a list of diagnostics. */
export function applyRuleSettings(diags: Diagnostic[], config: RepoConfig): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const d of diags) {
    const s = config.rules[d.code];
    if (s === 'off') continue;
    out.push(s ? { ...d, severity: s } : d);
  }
  return out;
}
