/**
 * Everything one KEP check run needs besides the file being checked: the layout of `keps/`, the PRR approvers, the
 * groups list, aliases, and a per-run memo of parsed kep.yaml files. Built per call; nothing is cached globally.
 */
import type { RepoSnapshot } from '../snapshot';
import { DEFAULT_GROUPS } from './defaultGroups';
import { groupsFromSigsYaml, prrApproversFrom, readAliases, sigNodeTechLeadsFrom } from './groups';
import { kepLayout, type KepLayout } from './kepFiles';
import { readKepYaml, type KepFile } from './kepYaml';
import { PRR_TYPE } from './kepTypes';
import { readStrictFile, type StrictFile } from './strictFile';

export interface KepOptions {
  /** Upcoming Kubernetes minor (e.g. 37), as nodeapprovers fetches it; default 999, its fallback. */
  upcomingMinor?: number;
  /** Text of kubernetes/community sigs.yaml for the groups list; default: a built-in copy of that list. */
  sigsYamlText?: string;
  /** PRR approvers to use instead of the workspace OWNERS_ALIASES. */
  prrApprovers?: string[];
  /** Today's date (yyyy-mm-dd) for date lints; default: no "in the future" check. */
  today?: string;
}

export class KepRun {
  readonly layout: KepLayout;
  readonly groups: string[];
  readonly groupsFromSigsYaml: boolean;
  readonly prrApprovers: string[];
  readonly prrApproversFromWorkspace: boolean;
  readonly techLeads: Set<string>;
  readonly aliases: Map<string, string[]>;
  readonly upcomingMinor: number;
  /** kep.yaml files repo.Validate decodes. */
  readonly validated: Set<string>;
  private readonly parsed = new Map<string, KepFile | undefined>();
  private readonly parsedPrr = new Map<string, StrictFile | undefined>();

  constructor(readonly snapshot: RepoSnapshot, readonly options: KepOptions) {
    this.layout = kepLayout(snapshot);
    this.validated = new Set(this.layout.kepYamls);
    const sigs = options.sigsYamlText;
    this.groups = sigs !== undefined ? groupsFromSigsYaml(sigs) : DEFAULT_GROUPS;
    this.groupsFromSigsYaml = sigs !== undefined;
    const aliasesText = snapshot.files.has('OWNERS_ALIASES') ? snapshot.text('OWNERS_ALIASES') : undefined;
    if (options.prrApprovers) {
      this.prrApprovers = [...options.prrApprovers].sort();
      this.prrApproversFromWorkspace = true;
    } else {
      const r = prrApproversFrom(aliasesText);
      this.prrApprovers = r.approvers;
      this.prrApproversFromWorkspace = r.fromWorkspace;
    }
    this.techLeads = sigNodeTechLeadsFrom(aliasesText);
    this.aliases = (aliasesText !== undefined ? readAliases(aliasesText, false).aliases : undefined) ?? new Map();
    this.upcomingMinor = options.upcomingMinor ?? 999;
  }

  /** The parsed kep.yaml at `path` (memoized for this run), or undefined when it cannot be read. */
  kep(path: string): KepFile | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const text = this.snapshot.text(path);
    const k = text === undefined ? undefined : readKepYaml(path, text);
    this.parsed.set(path, k);
    return k;
  }

  private readonly memos = new Map<string, unknown>();

  /** A value computed once per run (e.g. the template README's headings). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** A PRR file read as PRRHandler.Parse reads it (memoized for this run), or undefined when unreadable. */
  prr(path: string): StrictFile | undefined {
    if (this.parsedPrr.has(path)) return this.parsedPrr.get(path);
    const text = this.snapshot.files.has(path) ? this.snapshot.text(path) : undefined;
    const f = text === undefined ? undefined : readStrictFile(text, PRR_TYPE, false);
    this.parsedPrr.set(path, f);
    return f;
  }

  private byNumber: Map<string, KepFile[]> | undefined;
  private dirsByNumber: Map<string, string[]> | undefined;

  /** Parses every kep.yaml and indexes them by kep-number (whole-tree runs); single-file runs search lazily. */
  indexAll(): KepFile[] {
    const all: KepFile[] = [];
    const byNumber = new Map<string, KepFile[]>();
    for (const p of this.layout.allKepYamls) {
      const k = this.kep(p);
      if (!k) continue;
      all.push(k);
      const n = k.proposal?.fields.get('kep-number')?.value;
      if (typeof n !== 'string' || n === '') continue;
      const list = byNumber.get(n);
      if (list) list.push(k);
      else byNumber.set(n, [k]);
    }
    this.byNumber = byNumber;
    return all;
  }

  /** KEPs whose decoded kep-number is exactly `n`. */
  kepsWithNumber(n: string): KepFile[] {
    if (this.byNumber) return this.byNumber.get(n) ?? [];
    return this.kepsMentioning(n).filter((k) => k.proposal?.fields.get('kep-number')?.value === n);
  }

  /** KEP directories whose name starts with the number `n` (leading zeros ignored), for link fixes. */
  kepDirsNumbered(n: string): string[] {
    if (!this.dirsByNumber) {
      const m = new Map<string, string[]>();
      for (const d of this.layout.kepDirs) {
        const x = /^([0-9]+)-/.exec(d.slice(d.lastIndexOf('/') + 1));
        if (!x) continue;
        const key = x[1].replace(/^0+(?=.)/, '');
        const list = m.get(key);
        if (list) list.push(d);
        else m.set(key, [d]);
      }
      this.dirsByNumber = m;
    }
    return this.dirsByNumber.get(n.replace(/^0+(?=.)/, '')) ?? [];
  }

  /** kep.yaml files whose text contains `s` (a cheap pre-filter before parsing, exact unless escapes hide it). */
  kepsMentioning(s: string): KepFile[] {
    const out: KepFile[] = [];
    for (const p of this.layout.allKepYamls) {
      const text = this.snapshot.text(p);
      if (text === undefined || (!text.includes(s) && !text.includes('\\'))) continue;
      const k = this.kep(p);
      if (k) out.push(k);
    }
    return out;
  }
}
