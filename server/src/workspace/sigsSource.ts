/**
 * Where the workspace's sigs.yaml comes from, in order:
 *   1. the `kubeShepherd.sigsYaml` setting: a path (absolute, or relative to a workspace folder) or an http(s) URL —
 *      URLs are downloaded only in trusted workspaces, through an injectable fetcher, cached on disk with their date;
 *   2. a `sigs.yaml` at the root of the file's workspace folder, else of any workspace folder;
 *   3. in trusted workspaces (and unless downloads are switched off), a cached copy of kubernetes/community's sigs.yaml;
 *   4. none — ownership still works from OWNERS labels.
 * Also reads the workspace's git remotes from `.git/config` (never runs git) to match sigs.yaml OWNERS URLs.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { emptySigsModel, parseSigsModel, type SigsModel } from '../core/sigs/sigsModel';
import type { RepoIdentity } from '../core/sigs/owningSig';

export const DEFAULT_SIGS_URL = 'https://raw.githubusercontent.com/kubernetes/community/master/sigs.yaml';
const MAX_AGE_MS = 24 * 60 * 60 * 1000;
const MAX_BYTES = 16 * 1024 * 1024;

export interface SigsSettings {
  /** `kubeShepherd.sigsYaml`: a path or an http(s) URL; empty = not set. */
  sigsYaml?: string;
  /** Workspace trust, as the client knows it. Untrusted (the default): no network. */
  trusted?: boolean;
  /** Download kubernetes/community's sigs.yaml when no other source exists (trusted workspaces only). */
  download?: boolean;
  /** Directory for downloaded copies (the extension's global storage). */
  cacheDir?: string;
}

export interface SigsSourceInfo {
  kind: 'setting' | 'workspace' | 'download' | 'none';
  /** e.g. "sigs.yaml (workspace folder community)", "https://… downloaded 2026-01-02T03:04:05Z". */
  description: string;
  /** Local file the model was read from. */
  file?: string;
  url?: string;
  /** ISO date of the download, for downloaded copies. */
  date?: string;
  /** Why a configured source could not be used. */
  problem?: string;
}

export interface FetchResult {
  status: number;
  text: string;
}
export type Fetcher = (url: string) => Promise<FetchResult>;

export const defaultFetcher: Fetcher = async (url) => {
  const res = await fetch(url, { signal: AbortSignal.timeout(15_000), redirect: 'follow' });
  const text = await res.text();
  if (text.length > MAX_BYTES) throw new Error(`sigs.yaml larger than ${MAX_BYTES} bytes`);
  return { status: res.status, text };
};

/** A workspace folder as the source sees it. */
export interface SigsFolder {
  root: string;
  /** Text of a repository-relative file (editor buffers included), undefined when absent. */
  text(rel: string): string | undefined;
}

interface Loaded {
  model: SigsModel;
  info: SigsSourceInfo;
}

export class SigsSource {
  private settings: SigsSettings = {};
  private readonly byText = new Map<string, SigsModel>();
  private readonly fileCache = new Map<string, { mtimeMs: number; size: number; text: string }>();
  private readonly downloads = new Map<string, { text?: string; date?: string; problem?: string; pending?: Promise<void> }>();
  private readonly listeners: (() => void)[] = [];

  constructor(private readonly fetcher: Fetcher = defaultFetcher, private readonly now: () => number = Date.now) {}

  configure(settings: SigsSettings): void {
    this.settings = { ...settings };
    this.changed();
  }

  /** Called when a download finishes (the model of some file may have changed). */
  onDidChange(listener: () => void): void {
    this.listeners.push(listener);
  }

  private changed(): void {
    for (const l of this.listeners) l();
  }

  /** The sigs.yaml model for a file of `folder`. Never blocks on the network: starts downloads and answers meanwhile. */
  modelFor(folder: SigsFolder, all: readonly SigsFolder[]): Loaded {
    const s = this.settings;
    let problem: string | undefined;
    const setting = s.sigsYaml?.trim();
    if (setting) {
      if (/^https?:\/\//i.test(setting)) {
        if (s.trusted) {
          const d = this.download(setting);
          if (d.text !== undefined) return this.loaded(d.text, { kind: 'setting', url: setting, date: d.date, description: `${setting} (setting kubeShepherd.sigsYaml, downloaded ${d.date})` });
          problem = d.problem ?? 'download in progress';
        } else {
          problem = 'not downloaded: the workspace is not trusted';
        }
      } else {
        const candidates = path.isAbsolute(setting) ? [setting] : [folder, ...all].map((f) => path.join(f.root, setting));
        for (const file of candidates) {
          const text = this.readFile(file);
          if (text !== undefined) return this.loaded(text, { kind: 'setting', file, description: `${file} (setting kubeShepherd.sigsYaml)` });
        }
        problem = `cannot read ${setting}`;
      }
    }
    for (const f of [folder, ...all.filter((x) => x !== folder)]) {
      const text = f.text('sigs.yaml');
      if (text !== undefined) {
        const file = path.join(f.root, 'sigs.yaml');
        return this.loaded(text, { kind: 'workspace', file, description: `sigs.yaml in workspace folder ${path.basename(f.root)}`, problem });
      }
    }
    if (s.trusted && s.download !== false && s.cacheDir) {
      const d = this.download(DEFAULT_SIGS_URL);
      if (d.text !== undefined) return this.loaded(d.text, { kind: 'download', url: DEFAULT_SIGS_URL, date: d.date, description: `kubernetes/community sigs.yaml, downloaded ${d.date}`, problem });
      problem = problem ?? d.problem;
    }
    return { model: emptySigsModel(), info: { kind: 'none', description: 'no sigs.yaml (owning SIGs come from OWNERS labels)', problem } };
  }

  private loaded(text: string, info: SigsSourceInfo): Loaded {
    let model = this.byText.get(text);
    if (!model) {
      model = parseSigsModel(text);
      if (this.byText.size > 8) this.byText.clear();
      this.byText.set(text, model);
    }
    return { model, info };
  }

  private readFile(file: string): string | undefined {
    try {
      const st = fs.statSync(file);
      if (!st.isFile() || st.size > MAX_BYTES) return undefined;
      const hit = this.fileCache.get(file);
      if (hit && hit.mtimeMs === st.mtimeMs && hit.size === st.size) return hit.text;
      const text = fs.readFileSync(file, 'utf8');
      this.fileCache.set(file, { mtimeMs: st.mtimeMs, size: st.size, text });
      return text;
    } catch {
      return undefined;
    }
  }

  /** Cached copy of a URL (fresh for a day); starts a (re)download when missing or stale. */
  private download(url: string): { text?: string; date?: string; problem?: string } {
    let d = this.downloads.get(url);
    if (!d) {
      d = {};
      this.downloads.set(url, d);
      const cached = this.readCache(url);
      if (cached) {
        d.text = cached.text;
        d.date = cached.date;
      }
    }
    const stale = d.date === undefined || this.now() - Date.parse(d.date) > MAX_AGE_MS;
    if (stale && !d.pending && !d.problem) {
      const entry = d;
      entry.pending = this.fetch(url, entry).finally(() => {
        entry.pending = undefined;
        this.changed();
      });
    }
    return d;
  }

  private async fetch(url: string, entry: { text?: string; date?: string; problem?: string }): Promise<void> {
    try {
      const res = await this.fetcher(url);
      if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
      const model = parseSigsModel(res.text);
      if (model.groups.length === 0) throw new Error('the download has no sigs, working groups or committees');
      entry.text = res.text;
      entry.date = new Date(this.now()).toISOString();
      entry.problem = undefined;
      this.writeCache(url, entry.text, entry.date);
    } catch (e) {
      entry.problem = `download of ${url} failed: ${(e as Error).message}`;
    }
  }

  /** Waits for downloads in flight (tests, CLI). */
  async settled(): Promise<void> {
    await Promise.all([...this.downloads.values()].map((d) => d.pending));
  }

  private cachePaths(url: string): { body: string; meta: string } | undefined {
    if (!this.settings.cacheDir) return undefined;
    const h = createHash('sha256').update(url).digest('hex').slice(0, 16);
    return { body: path.join(this.settings.cacheDir, `sigs-${h}.yaml`), meta: path.join(this.settings.cacheDir, `sigs-${h}.json`) };
  }

  private readCache(url: string): { text: string; date: string } | undefined {
    const p = this.cachePaths(url);
    if (!p) return undefined;
    try {
      const meta = JSON.parse(fs.readFileSync(p.meta, 'utf8')) as { url: string; date: string };
      if (meta.url !== url || typeof meta.date !== 'string') return undefined;
      return { text: fs.readFileSync(p.body, 'utf8'), date: meta.date };
    } catch {
      return undefined;
    }
  }

  private writeCache(url: string, text: string, date: string): void {
    const p = this.cachePaths(url);
    if (!p) return;
    try {
      fs.mkdirSync(path.dirname(p.body), { recursive: true });
      fs.writeFileSync(p.body, text);
      fs.writeFileSync(p.meta, JSON.stringify({ url, date }));
    } catch {
      // A cache we cannot write only costs a download next time.
    }
  }
}

// ---- git remotes, read from .git/config without running git ----

/** `https://github.com/org/repo(.git)`, `git@github.com:org/repo.git`, `ssh://git@host/org/repo` → org/repo. */
export function parseGitRemoteUrl(url: string): { org: string; repo: string } | undefined {
  const u = url.trim();
  const m = /^(?:[a-z+]+:\/\/)?(?:[^@/]+@)?[^/:]+(?::\d+)?[:/](.+)$/i.exec(u);
  if (!m) return undefined;
  const parts = m[1].replace(/\/+$/, '').replace(/\.git$/, '').split('/').filter(Boolean);
  if (parts.length < 2) return undefined;
  return { org: parts[parts.length - 2], repo: parts[parts.length - 1] };
}

/** Remotes of the repository at `root` (upstream first, then origin, then the rest). */
export function readGitRemotes(root: string): RepoIdentity['remotes'] {
  const config = gitConfigPath(root);
  if (!config) return [];
  let text: string;
  try {
    text = fs.readFileSync(config, 'utf8');
  } catch {
    return [];
  }
  const out: RepoIdentity['remotes'] = [];
  let remote: string | undefined;
  for (const raw of text.split(/\r?\n/)) {
    const line = raw.trim();
    const sec = /^\[\s*remote\s+"([^"]*)"\s*\]$/.exec(line);
    if (sec) {
      remote = sec[1];
      continue;
    }
    if (line.startsWith('[')) {
      remote = undefined;
      continue;
    }
    const kv = /^url\s*=\s*(.*)$/i.exec(line);
    if (remote !== undefined && kv) {
      const r = parseGitRemoteUrl(kv[1].replace(/^"|"$/g, ''));
      if (r && !out.some((o) => o.name === remote)) out.push({ name: remote, ...r });
    }
  }
  const rank = (n: string) => (n === 'upstream' ? 0 : n === 'origin' ? 1 : 2);
  return out.sort((a, b) => rank(a.name) - rank(b.name));
}

function gitConfigPath(root: string): string | undefined {
  const dotGit = path.join(root, '.git');
  try {
    const st = fs.statSync(dotGit);
    if (st.isDirectory()) return path.join(dotGit, 'config');
    // A worktree or submodule: `.git` is a file "gitdir: <path>"; the config lives in the common dir.
    const m = /^gitdir:\s*(.+)$/m.exec(fs.readFileSync(dotGit, 'utf8'));
    if (!m) return undefined;
    const gitDir = path.resolve(root, m[1].trim());
    let common = gitDir;
    try {
      common = path.resolve(gitDir, fs.readFileSync(path.join(gitDir, 'commondir'), 'utf8').trim());
    } catch {
      // not a linked worktree
    }
    return path.join(common, 'config');
  } catch {
    return undefined;
  }
}

export function repoIdentity(root: string): RepoIdentity {
  return { remotes: readGitRemotes(root), folderName: path.basename(root) };
}
