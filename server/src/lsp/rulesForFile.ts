/**
 * `shepherd/rulesForFile`: behind "Kube Shepherd: Show Rules for This File". For a document: its kind, the rules
 * (diagnostic codes) reported on that kind of file with their docs/rules.md links, and the files that govern it (the
 * OWNERS chain, OWNERS_ALIASES, sigs.yaml, labels.yaml, `.kube-shepherd.yaml`; for KEP files the template README, the
 * PRR file and the kep.yaml).
 */
import type { Connection } from 'vscode-languageserver/node';
import { parse as parseYaml } from 'yaml';
import { REPO_CONFIG_PATH } from '../core/config/repoConfig';
import { KEPS_DIR, PRR_DIR, TEMPLATE_README } from '../core/kep/kepFiles';
import { prrPathFor } from '../core/kep/prr';
import { rulesOfKind, type FileKind } from '../core/ruleCatalog';
import { LABELS_YAML_PATHS, SIGS_YAML_PATH } from '../workspace/diagnose';
import { isChecked } from '../workspace/pipeline';
import type { Repository } from '../workspace/repository';
import type { Workspaces } from './workspaces';

export const RulesForFileRequest = 'shepherd/rulesForFile';

export interface RulesForFileParams {
  uri: string;
}

export interface RuleForFile {
  code: string;
  severity: string;
  /** One line from docs/rules.md's summary table: severity, what it mirrors upstream, its quick fix. */
  summary: string;
  /** docs/rules.md section (the same link as the diagnostics' codeDescription). */
  url: string;
}

export type GoverningRole = 'OWNERS' | 'OWNERS_ALIASES' | 'sigs.yaml' | 'labels.yaml' | 'settings' | 'template' | 'PRR' | 'kep.yaml';

export interface GoverningFile {
  role: GoverningRole;
  /** Repository-relative path. */
  path: string;
  uri: string;
  /** False for a file that should exist but does not (a KEP's missing PRR file). */
  exists: boolean;
  /** Why it governs the document. */
  detail: string;
}

export interface RulesForFileResult {
  kind: FileKind;
  /** Repository-relative path of the document. */
  path: string;
  rules: RuleForFile[];
  governing: GoverningFile[];
}

function basename(rel: string): string {
  return rel.slice(rel.lastIndexOf('/') + 1);
}

function dirname(rel: string): string {
  const i = rel.lastIndexOf('/');
  return i < 0 ? '' : rel.slice(0, i);
}

export function fileKind(repo: Repository, rel: string): FileKind {
  const name = basename(rel);
  if (repo.index.aliases?.path === rel || name === 'OWNERS_ALIASES') return 'OWNERS_ALIASES';
  if (name === 'OWNERS' || (repo.index.files.has(rel) && rel.endsWith('.md') && !rel.startsWith(`${KEPS_DIR}/`))) return 'OWNERS';
  if (!rel.startsWith(`${KEPS_DIR}/`)) return 'other';
  if (rel.startsWith(`${PRR_DIR}/`) && /\.ya?ml$/.test(name)) return 'PRR';
  if (name === 'kep.yaml') return 'kep.yaml';
  if (name.toLowerCase() === 'readme.md' && dirname(rel) !== KEPS_DIR) return 'KEP README';
  return 'other';
}

/** owning-sig and kep-number of a kep.yaml, read leniently (the diagnostics report what is wrong with it). */
function kepFacts(repo: Repository, kepYaml: string): { sig?: string; number?: string } {
  try {
    const v = parseYaml(repo.text(kepYaml) ?? '') as Record<string, unknown> | null;
    if (!v || typeof v !== 'object') return {};
    const sig = typeof v['owning-sig'] === 'string' ? v['owning-sig'] : undefined;
    const n = v['kep-number'];
    return { sig, number: typeof n === 'string' || typeof n === 'number' ? String(n) : undefined };
  } catch {
    return {};
  }
}

/** The kep.yaml of the KEP directory holding `rel`, if any. */
function kepYamlOf(repo: Repository, rel: string): string | undefined {
  const parts = rel.split('/');
  for (let i = parts.length - 1; i >= 2; i--) {
    const p = `${parts.slice(0, i).join('/')}/kep.yaml`;
    if (repo.files.has(p)) return p;
  }
  return undefined;
}

/** The kep.yaml a PRR file keps/prod-readiness/<sig>/<number>.yaml belongs to (keps/<sig>/<number>-*). */
function kepYamlOfPrr(repo: Repository, rel: string): string | undefined {
  const m = /^keps\/prod-readiness\/([^/]+)\/([^/]+)\.ya?ml$/.exec(rel);
  if (!m) return undefined;
  const prefix = `${KEPS_DIR}/${m[1]}/${m[2]}-`;
  const hits = [...repo.files].filter((f) => f.startsWith(prefix) && f.endsWith('/kep.yaml') && f.split('/').length === 4).sort();
  return hits.find((f) => kepFacts(repo, f).number === m[2]) ?? hits[0];
}

export function rulesForFile(repo: Repository, rel: string, uriOf: (rel: string) => string): RulesForFileResult {
  const kind = fileKind(repo, rel);
  let rules = rulesOfKind(kind);
  if (kind === 'other') {
    rules = rules.filter((r) => {
      if (r.code.startsWith('config/')) return rel === REPO_CONFIG_PATH;
      if (r.code.startsWith('suppression/')) return isChecked(repo, rel);
      return rel.startsWith(`${KEPS_DIR}/`);
    });
  }
  const governing: GoverningFile[] = [];
  const seen = new Set<string>();
  const add = (role: GoverningRole, path: string, detail: string, exists = repo.files.has(path)) => {
    if (path === rel || seen.has(path)) return;
    seen.add(path);
    governing.push({ role, path, uri: uriOf(path), exists, detail });
  };

  // The OWNERS chain Prow walks for this file, nearest first.
  for (const key of repo.index.owners.ancestorKeys(rel)) {
    const candidates = key.endsWith('.md') ? [key] : [key === '' ? 'OWNERS' : `${key}/OWNERS`];
    for (const c of candidates) if (repo.index.files.has(c)) add('OWNERS', c, c === 'OWNERS' ? 'root OWNERS (approvers and reviewers)' : 'OWNERS (approvers and reviewers)');
  }
  const aliases = repo.index.aliases?.path ?? 'OWNERS_ALIASES';
  if (repo.files.has(aliases)) add('OWNERS_ALIASES', aliases, 'aliases used by the OWNERS files');
  if (repo.files.has(SIGS_YAML_PATH)) add('sigs.yaml', SIGS_YAML_PATH, 'SIGs, subprojects and their leads');
  const labels = LABELS_YAML_PATHS.find((p) => repo.files.has(p));
  if (labels) add('labels.yaml', labels, 'labels known to label_sync (owners/unknown-label)');
  if (repo.files.has(REPO_CONFIG_PATH)) add('settings', REPO_CONFIG_PATH, 'Kube Shepherd rule settings for this repository');

  if (kind === 'kep.yaml' || kind === 'KEP README' || kind === 'PRR') {
    if (repo.files.has(TEMPLATE_README)) add('template', TEMPLATE_README, 'the KEP template');
    const kepYaml = kind === 'PRR' ? kepYamlOfPrr(repo, rel) : kind === 'kep.yaml' ? rel : kepYamlOf(repo, rel);
    if (kepYaml && kepYaml !== rel) add('kep.yaml', kepYaml, "the KEP's metadata");
    if (kepYaml && kind !== 'PRR') {
      const { sig, number } = kepFacts(repo, kepYaml);
      const prr = sig && number ? prrPathFor(sig, number) : undefined;
      if (prr) add('PRR', prr, repo.files.has(prr) ? 'the production readiness approval file' : 'the production readiness approval file (missing)');
    }
  }
  return { kind, path: rel, rules: rules.map((r) => ({ code: r.code, severity: r.severity, summary: r.summary, url: r.url })), governing };
}

export function registerRulesForFile(connection: Connection, workspaces: Workspaces): void {
  connection.onRequest(RulesForFileRequest, (p: RulesForFileParams): RulesForFileResult | null => {
    const loc = workspaces.locate(p.uri);
    if (!loc) return null;
    return rulesForFile(loc.repo, loc.rel, (rel) => workspaces.uriOf(loc.repo, rel));
  });
}
