/**
 * What the "Owned by" view shows for a `shepherd/filesOwnedBy` answer, and the search that covers the same files.
 * Pure (no vscode import): unit-testable. Tree: role → OWNERS directory → (entries, when several) → matched files
 * (for filtered entries).
 */
import type { FilesOwnedByResult } from '../../../server/src/lsp/protocol';

type Entry = FilesOwnedByResult['entries'][number];

export interface OwnedNode {
  label: string;
  description?: string;
  tooltip?: string;
  icon?: string;
  /** A file (and position) to open. */
  open?: { uri: string; line?: number; character?: number };
  /** What the inline search action of this node covers. */
  scope?: SearchScope;
  children?: OwnedNode[];
  expanded?: boolean;
}

/** Files to search: whole directories (repository-relative, "" = root), single files, and directories cut off. */
export interface SearchScope {
  dirs: string[];
  files: string[];
  exclude: string[];
}

const ROLE_TITLES = { approvers: 'Approves', reviewers: 'Reviews' } as const;

export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

function dirLabel(key: string): string {
  return key === '' ? '. (repository root)' : key;
}

/** "via sig-node-leads · + subdirectories · 12 files", "only cpu_.*\.go$ · 1 file". */
export function describeEntry(e: Entry, subjectKind: string): string {
  const parts: string[] = [];
  if (e.via) parts.push(`via ${e.via}`);
  else if (subjectKind === 'login') parts.push('direct');
  if (e.filter !== undefined) parts.push(`only ${e.filter}`);
  else if (e.stoppedAt.length > 0) parts.push(`+ subdirectories except ${e.stoppedAt.join(', ')} (no_parent_owners)`);
  else parts.push('+ subdirectories');
  parts.push(plural(e.fileCount, 'file'));
  return parts.join(' · ');
}

function entryTooltip(e: Entry): string {
  const lines = [`${e.file}, line ${e.line + 1}: ${e.role} entry "${e.value}"`];
  if (e.members) lines.push(`alias of ${e.members.join(', ')}`);
  if (e.filter !== undefined) lines.push(`filter ${e.filter}: only files whose path relative to ${dirLabel(e.key)} matches`);
  else lines.push(`applies to ${dirLabel(e.key)} and its subdirectories (Prow inherits OWNERS down the tree)`);
  if (e.stoppedAt.length > 0) lines.push(`not inherited by ${e.stoppedAt.join(', ')}: no_parent_owners there`);
  return lines.join('\n');
}

function fileNodes(e: Entry, rootUri: string): OwnedNode[] {
  const nodes: OwnedNode[] = e.files.map((f) => ({ label: f.slice(f.lastIndexOf('/') + 1), description: f, icon: 'file', open: { uri: joinUri(rootUri, f) } }));
  if (e.fileCount > e.files.length) nodes.push({ label: `… ${e.fileCount - e.files.length} more`, icon: 'ellipsis' });
  return nodes;
}

export function scopeOf(entries: readonly Entry[]): SearchScope {
  const dirs = new Set<string>();
  const files = new Set<string>();
  for (const e of entries) {
    if (e.filter !== undefined) for (const f of e.files) files.add(f);
    else dirs.add(e.key);
  }
  // A cut-off directory is excluded only when no other entry of the scope covers it again.
  const under = (k: string, d: string) => d === '' || k === d || k.startsWith(d + '/');
  const exclude = new Set<string>();
  for (const e of entries) {
    if (e.filter !== undefined) continue;
    for (const s of e.stoppedAt) if (![...dirs].some((d) => under(d, s))) exclude.add(s);
  }
  return { dirs: [...dirs].sort(), files: [...files].sort(), exclude: [...exclude].sort() };
}

export function buildOwnedNodes(r: FilesOwnedByResult | null, subjectTyped?: string): OwnedNode[] {
  if (!r) return [{ label: subjectTyped ? `No workspace folder to search for ${subjectTyped}` : 'Run "Files Owned by…" or "My Files"', icon: 'info' }];
  const nodes: OwnedNode[] = [];
  const kindWord = { login: 'login', alias: 'alias', sig: 'SIG' }[r.subject.kind];
  const subjectDetail = r.members ? `members: ${r.members.join(', ')}` : r.aliases ? (r.aliases.length ? `aliases: ${r.aliases.join(', ')}` : 'no aliases named after it') : undefined;
  nodes.push({ label: r.subject.display, description: [kindWord, subjectDetail].filter(Boolean).join(' · '), icon: r.subject.kind === 'login' ? 'person' : 'organization', tooltip: r.notes.join('\n') || undefined });
  for (const role of ['approvers', 'reviewers'] as const) {
    const entries = r.entries.filter((e) => e.role === role);
    if (entries.length === 0) continue;
    const byKey = new Map<string, Entry[]>();
    for (const e of entries) {
      const list = byKey.get(e.key) ?? [];
      list.push(e);
      byKey.set(e.key, list);
    }
    nodes.push({
      label: ROLE_TITLES[role],
      description: plural(byKey.size, 'directory', 'directories'),
      icon: role === 'approvers' ? 'pass' : 'eye',
      expanded: true,
      scope: scopeOf(entries),
      children: [...byKey].map(([key, es]) => dirNode(key, es, r)),
    });
  }
  if (r.subprojects.length > 0) {
    nodes.push({
      label: 'sigs.yaml subprojects',
      description: plural(r.subprojects.length, 'OWNERS file'),
      icon: 'organization',
      expanded: true,
      children: r.subprojects.map((s) => ({ label: dirLabel(s.key), description: `subproject ${s.subproject}`, tooltip: s.url, icon: 'folder', open: { uri: s.uri, line: 0 } })),
    });
  }
  if (r.entries.length === 0 && r.subprojects.length === 0) {
    nodes.push({ label: 'No OWNERS file names this subject', description: r.notes.join(' ') || undefined, icon: 'info' });
  }
  if (r.emeritus.length > 0) {
    nodes.push({
      label: 'Emeritus (not counted)',
      description: plural(r.emeritus.length, 'OWNERS file'),
      icon: 'history',
      tooltip: 'Prow ignores emeritus_approvers and emeritus_reviewers: they grant nothing.',
      children: r.emeritus.map((e) => ({ label: dirLabel(e.key), description: `emeritus ${e.role} · ${e.file}:${e.line + 1}`, icon: 'person', open: { uri: e.uri, line: e.line } })),
    });
  }
  return nodes;
}

function dirNode(key: string, es: Entry[], r: FilesOwnedByResult): OwnedNode {
  const first = es[0];
  const base: OwnedNode = {
    label: dirLabel(key),
    icon: 'folder',
    open: { uri: first.uri, line: Math.max(0, first.line), character: Math.max(0, first.character) },
    scope: scopeOf(es),
  };
  if (es.length === 1) {
    const children = first.filter !== undefined ? fileNodes(first, r.root) : undefined;
    return { ...base, description: describeEntry(first, r.subject.kind), tooltip: entryTooltip(first), children };
  }
  return {
    ...base,
    description: plural(es.length, 'entry', 'entries'),
    tooltip: es.map(entryTooltip).join('\n\n'),
    expanded: true,
    children: es.map((e) => ({
      label: e.value,
      description: `line ${e.line + 1} · ${describeEntry(e, r.subject.kind)}`,
      tooltip: entryTooltip(e),
      icon: e.members ? 'people' : 'person',
      open: { uri: e.uri, line: Math.max(0, e.line), character: Math.max(0, e.character) },
      children: e.filter !== undefined ? fileNodes(e, r.root) : undefined,
    })),
  };
}

/** `file:///ws` + `pkg/a.go` → `file:///ws/pkg/a.go` (each segment URI-encoded). */
export function joinUri(root: string, rel: string): string {
  return `${root.replace(/\/$/, '')}/${rel.split('/').map(encodeURIComponent).join('/')}`;
}

/**
 * Arguments of `workbench.action.findInFiles` covering a scope. Patterns start with `./` (relative to the workspace
 * folder; in a multi-root workspace, `./<folder name>/`). Undefined when the scope is empty.
 */
export function findInFilesArgs(scope: SearchScope, folderPrefix = ''): { query: string; filesToInclude: string; filesToExclude: string; triggerSearch: boolean } | undefined {
  const esc = (p: string) => p.replace(/[[{}*?,]/g, (c) => `[${c}]`);
  const at = (p: string) => `./${folderPrefix}${esc(p)}`;
  const include = [...scope.dirs.map((d) => (d === '' ? `./${folderPrefix}**` : `${at(d)}/**`)), ...scope.files.map(at)];
  if (include.length === 0) return undefined;
  return { query: '', filesToInclude: include.join(', '), filesToExclude: scope.exclude.map((d) => `${at(d)}/**`).join(', '), triggerSearch: false };
}
