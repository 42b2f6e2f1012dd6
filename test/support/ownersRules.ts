/** Builds the pure OWNERS rule context over an in-memory repository, for unit tests of the rules. */
import type { Diagnostic, TextEdit } from '../../server/src/core/diagnostics';
import { parseLabelsYaml } from '../../server/src/core/owners/labelsYaml';
import { aliasesFileDiagnostics, ownersFileDiagnostics } from '../../server/src/core/owners/rules';
import { DEFAULT_OWNERS_RULE_SETTINGS, type OwnersRepoContext } from '../../server/src/core/owners/rules/context';
import { parseSigsYaml } from '../../server/src/core/owners/sigsLeadership';
import { OwnersIndex } from '../../server/src/workspace/ownersIndex';

export class MemoryRepo {
  readonly index: OwnersIndex;
  readonly ctx: OwnersRepoContext;
  constructor(readonly contents: Record<string, string>, extraFiles: string[] = []) {
    const files = new Set([...Object.keys(contents), ...extraFiles]);
    this.index = OwnersIndex.build(files, (p) => ({ text: contents[p] }));
    const labels = contents['label_sync/labels.yaml'] !== undefined ? parseLabelsYaml(contents['label_sync/labels.yaml']) : undefined;
    this.ctx = {
      owners: this.index.owners,
      aliases: this.index.aliases?.file,
      labels,
      knownLabels: labels ? new Set(labels.keys()) : undefined,
      sigs: contents['sigs.yaml'] !== undefined ? parseSigsYaml(contents['sigs.yaml']) : undefined,
      files,
      denylist: this.index.denylist,
      settings: DEFAULT_OWNERS_RULE_SETTINGS,
    };
  }

  diagnose(path: string): Diagnostic[] {
    if (path === 'OWNERS_ALIASES') {
      const a = this.index.aliases!;
      return aliasesFileDiagnostics(path, a.text!, a.file!, this.ctx);
    }
    const e = this.index.files.get(path);
    if (!e?.file) throw new Error(`${path} is not a loaded OWNERS file`);
    return ownersFileDiagnostics({ path, text: e.text!, file: e.file }, this.ctx);
  }

  codes(path: string): string[] {
    return this.diagnose(path).map((d) => d.code);
  }
}

/** One-file shorthand: diagnostics of `OWNERS` at `path` in a repo with a root OWNERS (unless given). */
export function lint(path: string, text: string, more: Record<string, string> = {}, extraFiles: string[] = []): Diagnostic[] {
  const repo = new MemoryRepo({ OWNERS: 'approvers:\n  - root\n', ...more, [path]: text }, extraFiles);
  return repo.diagnose(path);
}

export function applyEdits(text: string, edits: TextEdit[]): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const off = (p: { line: number; character: number }) => (p.line >= starts.length ? text.length : starts[p.line] + p.character);
  let out = text;
  for (const e of [...edits].sort((a, b) => off(b.range.start) - off(a.range.start))) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
  return out;
}
