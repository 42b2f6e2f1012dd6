/** Runs every rule that applies to a repository (or to some of its files) and collects the diagnostics. */
import { compareDiagnostics, type Diagnostic } from '../core/diagnostics';
import { aliasesFileDiagnostics, ownersFileDiagnostics } from '../core/owners/rules';
import { DEFAULT_OWNERS_RULE_SETTINGS, type OwnersRepoContext, type OwnersRuleSettings } from '../core/owners/rules/context';
import { loadKnownLabels } from '../core/owners/labelsYaml';
import type { Repository } from './repository';

export interface DiagnoseOptions {
  owners?: Partial<OwnersRuleSettings>;
}

export function ownersContext(repo: Repository, opts: DiagnoseOptions = {}): OwnersRepoContext {
  const labelsPath = [...repo.files].find((f) => f === 'label_sync/labels.yaml' || f === 'labels.yaml');
  const labelsText = labelsPath ? repo.text(labelsPath) : undefined;
  return {
    owners: repo.index.owners,
    aliases: repo.index.aliases?.file,
    knownLabels: labelsText ? loadKnownLabels(labelsText) : undefined,
    files: repo.files,
    settings: { ...DEFAULT_OWNERS_RULE_SETTINGS, ...opts.owners },
  };
}

/** Diagnostics of one file of the repository (the keystroke path). */
export function diagnoseFile(repo: Repository, rel: string, ctx: OwnersRepoContext = ownersContext(repo)): Diagnostic[] {
  const out: Diagnostic[] = [];
  const idx = repo.index;
  if (idx.aliases && rel === idx.aliases.path) {
    if (idx.aliases.file && idx.aliases.text !== undefined) out.push(...aliasesFileDiagnostics(rel, idx.aliases.text, idx.aliases.file, ctx));
  } else {
    const entry = idx.files.get(rel);
    if (entry?.file && entry.text !== undefined) out.push(...ownersFileDiagnostics({ path: rel, text: entry.text, file: entry.file }, ctx));
    else if (entry?.problem) out.push(unreadable(rel, entry.problem));
  }
  return out.sort(compareDiagnostics);
}

/** Diagnostics of every OWNERS source of the repository. */
export function diagnoseRepository(repo: Repository, opts: DiagnoseOptions = {}): Diagnostic[] {
  const ctx = ownersContext(repo, opts);
  const out: Diagnostic[] = [];
  const paths = new Set<string>(repo.index.files.keys());
  if (repo.index.aliases) paths.add(repo.index.aliases.path);
  for (const p of paths) out.push(...diagnoseFile(repo, p, ctx));
  return out.sort(compareDiagnostics);
}

function unreadable(file: string, problem: string): Diagnostic {
  return {
    file,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: 'warning',
    code: 'owners/unreadable',
    message: `This OWNERS file cannot be read as text (${problem}); Kube Shepherd skips it.`,
  };
}
