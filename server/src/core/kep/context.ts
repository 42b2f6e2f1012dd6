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

/**
 * Whether `files` still holds exactly the `keps/` paths `seen` (same paths, same order). A repository keeps its path
 * strings and its set's insertion order, so an unchanged list compares by identity, path by path, with no hashing;
 * a path removed and added again changes the order and only costs a needless re-layout.
 */
function sameKepsFiles(files: ReadonlySet<string>, seen: readonly string[]): boolean {
  let i = 0;
  for (const f of files) {
    if (f.charCodeAt(0) !== 107 || !f.startsWith('keps/')) continue; // 'k'
    if (seen[i++] !== f) return false;
  }
  return i === seen.length;
}

function kepsFiles(files: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const f of files) if (f.charCodeAt(0) === 107 && f.startsWith('keps/')) out.push(f);
  return out;
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
  /**
   * The layout, keyed by the `keps/` paths it was computed from; `validated` is its kepYamls as a set; `numbers` holds,
   * per entry of its allKepYamls, the last text parsed there and its decoded kep-number (for kepsWithNumber).
   */
  layout?: { files: string[]; value: KepLayout; validated: ReadonlySet<string>; numbers: { texts: (string | undefined)[]; nums: unknown[] } };
  aliases?: Keyed<string | undefined, AliasFacts>;
  groups?: Keyed<string | undefined, string[]>;
  keps: Map<string, Keyed<string, KepFile>>;
  prrs: Map<string, Keyed<string, StrictFile>>;
  memos: Map<string, Keyed<unknown, unknown>>;
  /**
   * Per needle (a KEP number), kep.yaml texts known not to contain it and to have no backslash escape (path → that
   * text): the pre-filter of kepsWithNumber/kepsMentioning, kept so that a keystroke does not rescan every kep.yaml.
   */
  absent: Map<string, Map<string, string>>;
}

const shared = new WeakMap<RepoSnapshot, SharedState>();

function sharedOf(snapshot: RepoSnapshot): SharedState {
  let s = shared.get(snapshot);
  if (!s) shared.set(snapshot, (s = { keps: new Map(), prrs: new Map(), memos: new Map(), absent: new Map() }));
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
  readonly validated: ReadonlySet<string>;
  private readonly parsed = new Map<string, KepFile | undefined>();
  private readonly parsedPrr = new Map<string, StrictFile | undefined>();

  private readonly shared: SharedState;
  /** Aligned with this.layout.allKepYamls (taken with it: a later run may replace the shared layout). */
  private readonly knownNumbers: { texts: (string | undefined)[]; nums: unknown[] };

  constructor(readonly snapshot: RepoSnapshot, readonly options: KepOptions) {
    const sh = (this.shared = sharedOf(snapshot));
    if (!sh.layout || !sameKepsFiles(snapshot.files, sh.layout.files)) {
      const value = kepLayout(snapshot);
      sh.layout = { files: kepsFiles(snapshot.files), value, validated: new Set(value.kepYamls), numbers: { texts: [], nums: [] } };
    }
    this.layout = sh.layout.value;
    this.validated = sh.layout.validated;
    this.knownNumbers = sh.layout.numbers;
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

  private readonly withNumber = new Map<string, KepFile[]>();

  /** KEPs whose decoded kep-number is exactly `n` (memoized for this run). */
  kepsWithNumber(n: string): KepFile[] {
    if (this.byNumber) return this.byNumber.get(n) ?? [];
    let out = this.withNumber.get(n);
    if (out) return out;
    out = [];
    // A file whose current text was parsed before answers from the number remembered for that text; the others from
    // the shared parse cache, or parsed when the text pre-filter lets them through.
    const paths = this.layout.allKepYamls;
    const known = this.knownNumbers;
    for (let i = 0; i < paths.length; i++) {
      const p = paths[i];
      const text = this.snapshot.text(p);
      if (text === undefined) continue;
      if (known.texts[i] === text) {
        if (known.nums[i] === n) {
          const k = this.kep(p);
          if (k && k.proposal?.fields.get('kep-number')?.value === n) out.push(k);
        }
        continue;
      }
      const hit = this.shared.keps.get(p);
      let k: KepFile | undefined;
      if (hit && hit.key === text) k = hit.value;
      else if (this.mayMention(p, text, n)) k = this.kep(p);
      if (!k) continue;
      const num = k.proposal?.fields.get('kep-number')?.value;
      known.texts[i] = text;
      known.nums[i] = num;
      if (num === n) out.push(k);
    }
    this.withNumber.set(n, out);
    return out;
  }

  /**
   * The text pre-filter: false when `text` neither contains `s` nor has an escape that could spell it (a decoded
   * value is then never `s`). Negative answers are kept per snapshot, keyed by the text itself.
   */
  private mayMention(path: string, text: string, s: string): boolean {
    let absent = this.shared.absent.get(s);
    if (absent?.get(path) === text) return false;
    if (text.includes(s) || text.includes('\\')) return true;
    if (!absent) {
      // Needles are the numbers of the KEPs being edited: a handful; start over if that ever stops being true.
      if (this.shared.absent.size >= 64) this.shared.absent.clear();
      this.shared.absent.set(s, (absent = new Map()));
    }
    absent.set(path, text);
    return false;
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
      if (text === undefined || !this.mayMention(p, text, s)) continue;
      const k = this.kep(p);
      if (k) out.push(k);
    }
    return out;
  }
}
