/**
 * Everything one KEP check run needs besides the file being checked: the layout of `keps/`, the PRR approvers, the
 * groups list, aliases, and parsed kep.yaml / PRR files. A run is built per call, but what does not depend on the
 * edited file is kept per snapshot between runs (keyed by what it is computed from: the `keps/` file list, the text of
 * OWNERS_ALIASES / sigs.yaml, each file's text), so a keystroke re-parses only the file that changed.
 */
import type { RepoSnapshot } from '../snapshot';
import { DEFAULT_GROUPS } from './defaultGroups';
import { groupsFromSigsYaml, loadSigNodeTechLeads, prrApproversFrom, readAliases } from './groups';
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

/** FNV-1a of each `keps/` path seen (paths are long-lived strings; the map lookup reuses V8's cached string hash). */
const pathHashes = new Map<string, number>();

function pathHash(f: string): number {
  let h = pathHashes.get(f);
  if (h === undefined) {
    h = 0x811c9dc5;
    for (let i = 5; i < f.length; i++) h = Math.imul(h ^ f.charCodeAt(i), 0x01000193);
    if (pathHashes.size > 200_000) pathHashes.clear();
    pathHashes.set(f, h);
  }
  return h;
}

/** Order-independent fingerprint of the `keps/` file list (count + sum and xor-mix of per-path hashes). */
function kepsFilesKey(files: ReadonlySet<string>): string {
  let n = 0;
  let sum = 0;
  let x = 0;
  for (const f of files) {
    if (f.charCodeAt(0) !== 107 || !f.startsWith('keps/')) continue; // 'k'
    const h = pathHash(f);
    sum = (sum + h) | 0;
    x ^= Math.imul(h, 0x9e3779b1);
    n++;
  }
  return `${n}:${sum}:${x}`;
}

interface Keyed<K, V> {
  key: K;
  value: V;
}

interface AliasFacts {
  prrApprovers: string[];
  prrApproversFromWorkspace: boolean;
  techLeads: Set<string>;
  techLeadsError?: string;
  aliases: Map<string, string[]>;
}

/** What KEP runs over one snapshot share (each entry recomputed only when its input changed). */
interface SharedState {
  layout?: Keyed<string, KepLayout>;
  aliases?: Keyed<string | undefined, AliasFacts>;
  groups?: Keyed<string | undefined, string[]>;
  keps: Map<string, Keyed<string, KepFile>>;
  prrs: Map<string, Keyed<string, StrictFile>>;
  memos: Map<string, Keyed<unknown, unknown>>;
}

const shared = new WeakMap<RepoSnapshot, SharedState>();

function sharedOf(snapshot: RepoSnapshot): SharedState {
  let s = shared.get(snapshot);
  if (!s) shared.set(snapshot, (s = { keps: new Map(), prrs: new Map(), memos: new Map() }));
  return s;
}

function aliasFacts(aliasesText: string | undefined): AliasFacts {
  const r = prrApproversFrom(aliasesText);
  const leads = loadSigNodeTechLeads(aliasesText);
  return {
    prrApprovers: r.approvers,
    prrApproversFromWorkspace: r.fromWorkspace,
    techLeads: 'leads' in leads ? leads.leads : new Set(),
    techLeadsError: 'error' in leads ? leads.error : undefined,
    aliases: (aliasesText !== undefined ? readAliases(aliasesText, false).aliases : undefined) ?? new Map(),
  };
}

export class KepRun {
  readonly layout: KepLayout;
  readonly groups: string[];
  readonly groupsFromSigsYaml: boolean;
  readonly prrApprovers: string[];
  readonly prrApproversFromWorkspace: boolean;
  readonly techLeads: Set<string>;
  /** Why nodeapprovers cannot load the SIG Node tech leads (the whole tech-lead check then fails in CI). */
  readonly techLeadsError: string | undefined;
  readonly aliases: Map<string, string[]>;
  readonly upcomingMinor: number;
  /** kep.yaml files repo.Validate decodes. */
  readonly validated: Set<string>;
  private readonly parsed = new Map<string, KepFile | undefined>();
  private readonly parsedPrr = new Map<string, StrictFile | undefined>();

  private readonly shared: SharedState;

  constructor(readonly snapshot: RepoSnapshot, readonly options: KepOptions) {
    const sh = (this.shared = sharedOf(snapshot));
    const layoutKey = kepsFilesKey(snapshot.files);
    if (sh.layout?.key !== layoutKey) sh.layout = { key: layoutKey, value: kepLayout(snapshot) };
    this.layout = sh.layout.value;
    this.validated = new Set(this.layout.kepYamls);
    const sigs = options.sigsYamlText;
    if (!sh.groups || sh.groups.key !== sigs) sh.groups = { key: sigs, value: sigs !== undefined ? groupsFromSigsYaml(sigs) : DEFAULT_GROUPS };
    this.groups = sh.groups.value;
    this.groupsFromSigsYaml = sigs !== undefined;
    const aliasesText = snapshot.files.has('OWNERS_ALIASES') ? snapshot.text('OWNERS_ALIASES') : undefined;
    if (!sh.aliases || sh.aliases.key !== aliasesText) sh.aliases = { key: aliasesText, value: aliasFacts(aliasesText) };
    const facts = sh.aliases.value;
    if (options.prrApprovers) {
      this.prrApprovers = [...options.prrApprovers].sort();
      this.prrApproversFromWorkspace = true;
    } else {
      this.prrApprovers = facts.prrApprovers;
      this.prrApproversFromWorkspace = facts.prrApproversFromWorkspace;
    }
    this.techLeads = facts.techLeads;
    this.techLeadsError = facts.techLeadsError;
    this.aliases = facts.aliases;
    this.upcomingMinor = options.upcomingMinor ?? 999;
  }

  /** The parsed kep.yaml at `path` (memoized for this run), or undefined when it cannot be read. */
  kep(path: string): KepFile | undefined {
    if (this.parsed.has(path)) return this.parsed.get(path);
    const text = this.snapshot.text(path);
    let k: KepFile | undefined;
    if (text !== undefined) {
      const hit = this.shared.keps.get(path);
      if (hit && hit.key === text) k = hit.value;
      else this.shared.keps.set(path, { key: text, value: (k = readKepYaml(path, text)) });
    }
    this.parsed.set(path, k);
    return k;
  }

  private readonly memos = new Map<string, unknown>();

  /** A value computed once per run (e.g. the template README's headings). */
  memo<T>(key: string, compute: () => T): T {
    if (!this.memos.has(key)) this.memos.set(key, compute());
    return this.memos.get(key) as T;
  }

  /** A value kept between runs over this snapshot while `dep` (e.g. the text it is computed from) is unchanged. */
  memoFor<T>(key: string, dep: unknown, compute: () => T): T {
    const hit = this.shared.memos.get(key);
    if (hit && hit.key === dep) return hit.value as T;
    const value = compute();
    this.shared.memos.set(key, { key: dep, value });
    return value;
  }

  /** A PRR file read as PRRHandler.Parse reads it (memoized for this run), or undefined when unreadable. */
  prr(path: string): StrictFile | undefined {
    if (this.parsedPrr.has(path)) return this.parsedPrr.get(path);
    const text = this.snapshot.files.has(path) ? this.snapshot.text(path) : undefined;
    let f: StrictFile | undefined;
    if (text !== undefined) {
      const hit = this.shared.prrs.get(path);
      if (hit && hit.key === text) f = hit.value;
      else this.shared.prrs.set(path, { key: text, value: (f = readStrictFile(text, PRR_TYPE, false)) });
    }
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
    // Files parsed by an earlier run with the same text answer from the shared cache; the rest are pre-filtered by text.
    const out: KepFile[] = [];
    for (const p of this.layout.allKepYamls) {
      const text = this.snapshot.text(p);
      if (text === undefined) continue;
      const hit = this.shared.keps.get(p);
      let k: KepFile | undefined;
      if (hit && hit.key === text) k = hit.value;
      else if (text.includes(n) || text.includes('\\')) k = this.kep(p);
      if (k && k.proposal?.fields.get('kep-number')?.value === n) out.push(k);
    }
    return out;
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
