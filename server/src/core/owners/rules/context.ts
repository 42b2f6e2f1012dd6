/** What OWNERS lint rules see: one file's parse, its text positions, and repository-wide ownership data. */
import type { Diagnostic, Range } from '../../diagnostics';
import type { Offsets } from '../../goyaml/nodes';
import { LineIndex } from '../../text';
import type { AliasesFile } from '../aliasesFile';
import type { DirDenylist } from '../discovery';
import type { KnownLabel } from '../labelsYaml';
import type { OwnersFile } from '../ownersFile';
import type { RepoOwners } from '../repoOwners';
import type { SigsModel } from '../sigsLeadership';

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
  /** The labels.yaml entries (descriptions, `previously` names), when a labels.yaml is present. */
  labels?: ReadonlyMap<string, KnownLabel>;
  /** sigs.yaml (groups, their labels and leadership), when present. */
  sigs?: SigsModel;
  /** Every file path of the repository (for filter regex reachability). */
  files?: ReadonlySet<string>;
  /** Prow's directory denylist (for OWNERS files Prow never reads). */
  denylist?: DirDenylist;
  /** Name of the aliases file (OWNERS_ALIASES by default). */
  aliasesFilename?: string;
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
  /** Has a diagnostic with this code already been reported? */
  has(code: string): boolean {
    return this.out.some((d) => d.code === code);
  }
}

export interface OwnersFileInput {
  path: string;
  text: string;
  file: OwnersFile;
}

/** The directory of an OWNERS file ("" for the root). */
export function dirOf(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}
