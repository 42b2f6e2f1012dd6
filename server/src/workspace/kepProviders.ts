/** KEP rule families plugged into the diagnostics pipeline. */
import * as path from 'node:path';
import type { Diagnostic } from '../core/diagnostics';
import { kepDiagnostics, kepDiagnosticsForFile, type KepOptions } from '../core/kep';
import { isTocChecked, tocDiagnostics } from '../core/kep/tocRules';
import type { RuleProvider } from './pipeline';
import { repoSettings } from './repoSettings';
import type { Repository } from './repository';

/**
 * Git checks symlinks out as small files holding the link target when symlinks are unsupported (core.symlinks=false,
 * and some archive exports). verify-toc reads through real symlinks, so such a stand-in is checked as its target.
 */
export function resolveSymlinkStandIn(repo: Repository, rel: string, text: string): string {
  const t = text.trim();
  if (t.length === 0 || t.length > 512 || /[\n\r]/.test(t) || !t.endsWith('.md')) return text;
  const target = path.posix.normalize(path.posix.join(path.posix.dirname(rel), t));
  if (target.startsWith('..') || target === rel || !repo.files.has(target)) return text;
  return repo.text(target) ?? text;
}

/** mdtoc's table-of-contents check on every `keps/**.md` (hack/verify-toc.sh). */
export const tocProvider: RuleProvider = {
  name: 'kep-toc',
  files: (repo: Repository) => [...repo.files].filter(isTocChecked),
  covers: (_repo, rel) => isTocChecked(rel),
  diagnose: (repo, rel) => {
    const text = repo.text(rel);
    if (text === undefined) return [];
    const checked = resolveSymlinkStandIn(repo, rel, text);
    // Diagnostics of a stand-in belong to its target; the stand-in itself has nothing to fix.
    return checked === text ? tocDiagnostics(rel, text) : [];
  },
};

// ---- kep.yaml, PRR files, READMEs, SIG Node ----

const LATEST = /^latest-milestone:\s*["']?v?(\d+)\.(\d+)/m;
const minorsByRepo = new WeakMap<Repository, Map<string, number>>();

/**
 * The upcoming Kubernetes minor: `upcomingRelease` from .kube-shepherd.yaml, else the highest `latest-milestone`
 * minor that at least two of the workspace's kep.yaml files target (KEPs target the release in progress, so the newest
 * common target is the best offline guess; a single KEP planning ahead must not move it: at enhancements 64765b4, 94
 * KEPs target v1.37 and one v1.38, and CI's answer was 37). With fewer than two files per minor, the highest minor.
 * Upstream CI asks GitHub (kubernetes/sig-release) instead and falls back to 999.
 */
export function upcomingMinor(repo: Repository, changed?: string): number {
  const configured = repoSettings(repo).config.upcomingRelease;
  if (configured !== undefined) return configured;
  let minors = minorsByRepo.get(repo);
  const read = (f: string) => {
    const m = LATEST.exec(repo.text(f) ?? '');
    if (m && m[1] === '1') minors!.set(f, Number(m[2]));
    else minors!.delete(f);
  };
  if (!minors) {
    minors = new Map();
    minorsByRepo.set(repo, minors);
    for (const f of repo.files) if (f.startsWith('keps/') && f.endsWith('/kep.yaml')) read(f);
  } else if (changed?.endsWith('/kep.yaml')) read(changed);
  const counts = new Map<number, number>();
  for (const v of minors.values()) counts.set(v, (counts.get(v) ?? 0) + 1);
  let max = 0;
  let common = 0;
  for (const [v, n] of counts) {
    if (v > max) max = v;
    if (n >= 2 && v > common) common = v;
  }
  if (common > 0) return common;
  return max > 0 ? max : 999;
}

/** Today's date (yyyy-mm-dd, UTC) for the date lints; the core never reads the clock, this adapter does. */
let clock: () => string = () => new Date().toISOString().slice(0, 10);

/** Replaces the clock (the CLI's `--today`, tests); returns the previous one. */
export function setKepClock(next: () => string): () => string {
  const prev = clock;
  clock = next;
  return prev;
}

function kepOptions(repo: Repository, changed?: string): KepOptions {
  return {
    upcomingMinor: upcomingMinor(repo, changed),
    sigsYamlText: repo.files.has('sigs.yaml') ? repo.text('sigs.yaml') : undefined,
    today: clock(),
  };
}

/** nodeapprovers reads the SIG Node tech leads from the root OWNERS_ALIASES (a broken alias fails every SIG Node KEP). */
const ALIASES = 'OWNERS_ALIASES';

/** Per repository, the tech-leads signature the SIG Node KEP findings were last computed with. */
const techLeadsSeen = new WeakMap<Repository, string>();

/**
 * What the SIG Node checks read from OWNERS_ALIASES, as a cheap change detector: whether the file exists and parses,
 * and the lines of the `sig-node-tech-leads` group (up to the next line indented no deeper than its key).
 */
function techLeadsSignature(repo: Repository): string {
  const text = repo.text(ALIASES);
  if (text === undefined) return 'missing';
  const broken = repo.index.aliases?.file?.syntaxError ? 'broken' : 'ok';
  const lines = text.split('\n');
  const start = lines.findIndex((l) => /^\s*["']?sig-node-tech-leads["']?\s*:/.test(l));
  if (start < 0) return `${broken}|absent`;
  const indent = lines[start].length - lines[start].trimStart().length;
  let end = start + 1;
  for (; end < lines.length; end++) {
    const l = lines[end];
    const t = l.trimStart();
    if (t === '' || t.startsWith('#')) continue;
    if (l.length - t.length <= indent && !t.startsWith('- ')) break;
  }
  return `${broken}|${lines.slice(start, end).join('\n')}`;
}

function isKepFile(rel: string): boolean {
  if (!rel.startsWith('keps/')) return false;
  // Any case of .md: README.MD and friends get the kep/readme-case warning.
  return rel.endsWith('.yaml') || rel.toLowerCase().endsWith('.md');
}

export const kepProvider: RuleProvider = {
  name: 'kep',
  files: (repo) => [...repo.files].filter(isKepFile),
  covers: (_repo, rel) => isKepFile(rel),
  diagnose: (repo, rel) => kepDiagnosticsForFile(repo, rel, kepOptions(repo, rel)),
  diagnoseAll: (repo) => {
    techLeadsSeen.set(repo, techLeadsSignature(repo));
    return kepDiagnostics(repo, kepOptions(repo));
  },
  dependents: (repo, rel): string[] => {
    // A kep.yaml decides its PRR file's and README's findings; a PRR file or README decides its kep.yaml's.
    const dir = path.posix.dirname(rel);
    const out: string[] = [];
    if (rel.endsWith('/kep.yaml')) {
      for (const f of [`${dir}/README.md`]) if (repo.files.has(f)) out.push(f);
      const text = repo.text(rel) ?? '';
      const num = /^kep-number:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
      const sig = /^owning-sig:\s*["']?([^"'\s#]+)/m.exec(text)?.[1];
      if (num && sig && repo.files.has(`keps/prod-readiness/${sig}/${num}.yaml`)) out.push(`keps/prod-readiness/${sig}/${num}.yaml`);
      // KEPs linking here by replaces/superseded-by: their reciprocity warnings read this file.
      for (const f of repo.files) {
        if (f === rel || !f.startsWith('keps/') || !f.endsWith('/kep.yaml')) continue;
        const t = repo.text(f) ?? '';
        if (t.includes(dir) && /^(?:replaces|superseded-by)\s*:/m.test(t)) out.push(f);
      }
    } else if ((rel.endsWith('/README.md') || rel.endsWith('/OWNERS')) && rel.startsWith('keps/') && repo.files.has(`${dir}/kep.yaml`)) {
      out.push(`${dir}/kep.yaml`);
    } else if (rel === ALIASES) {
      // The SIG Node tech leads (and whether they can be loaded at all) decide every keps/sig-node KEP's findings;
      // re-check those only when that part of the file changed, not at every keystroke in another group.
      const now = techLeadsSignature(repo);
      if (techLeadsSeen.get(repo) !== now) {
        techLeadsSeen.set(repo, now);
        for (const f of repo.files) if (f.startsWith('keps/sig-node/') && f.endsWith('/kep.yaml')) out.push(f);
      }
    }
    return out;
  },
};

export function allKepProviders(): RuleProvider[] {
  return [tocProvider, kepProvider];
}

export type { Diagnostic };
