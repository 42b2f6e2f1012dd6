/** What OWNERS lint rules see: one file's parse, its text positions, and repository-wide ownership data. */
import type { Diagnostic, Range } from '../../diagnostics';
import type { Offsets } from '../../goyaml/nodes';
import { LineIndex } from '../../text';
import type { AliasesFile } from '../aliasesFile';
import type { OwnersFile } from '../ownersFile';
import type { RepoOwners } from '../repoOwners';

export interface OwnersRuleSettings {
  /** Prow's owners.labels_denylist (verify-owners "File contains banned labels"). */
  bannedLabels: string[];
}

export const DEFAULT_OWNERS_RULE_SETTINGS: OwnersRuleSettings = {
  bannedLabels: ['approved', 'lgtm'],
};

export interface OwnersRepoContext {
  owners: RepoOwners;
  /** The root OWNERS_ALIASES, if any. */
  aliases?: AliasesFile;
  /** Known label names (from a labels.yaml in the workspace), if any. */
  knownLabels?: ReadonlySet<string>;
  /** Every file path of the repository (for filter regex reachability). */
  files?: ReadonlySet<string>;
  settings: OwnersRuleSettings;
}

export class FileContext {
  readonly lines: LineIndex;
  readonly out: Diagnostic[] = [];
  constructor(readonly path: string, readonly text: string) {
    this.lines = new LineIndex(text);
  }
  range(o: Offsets): Range {
    return this.lines.range(o[0], o[1]);
  }
  add(d: Omit<Diagnostic, 'file'>): void {
    this.out.push({ file: this.path, ...d });
  }
}

export interface OwnersFileInput {
  path: string;
  text: string;
  file: OwnersFile;
}
