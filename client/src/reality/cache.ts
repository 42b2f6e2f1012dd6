/**
 * The reality checks' answer cache: an in-memory map persisted to a VS Code Memento (globalState), so answers survive
 * restarts and a window reload asks GitHub nothing new. Writes are coalesced; expired entries are dropped on load.
 * Only yes/no facts about public logins are stored — never tokens.
 */
import type { AnswerCache, CachedAnswer } from './checker';

/** The part of vscode.Memento the cache uses (a plain object in tests). */
export interface KeyValueStore {
  get<T>(key: string): T | undefined;
  update(key: string, value: unknown): Thenable<void> | Promise<void>;
}

export const CACHE_KEY = 'kubeShepherd.githubChecks.answers';
/** Entries older than this are never useful (longer than any TTL the setting allows). */
const MAX_AGE_MS = 30 * 24 * 3_600_000;

export class PersistedAnswerCache implements AnswerCache {
  private readonly map = new Map<string, CachedAnswer>();
  private dirty = false;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly store: KeyValueStore, private readonly now: () => number, private readonly storeKey = CACHE_KEY) {
    const saved = store.get<Record<string, CachedAnswer>>(storeKey) ?? {};
    const t = now();
    for (const [k, v] of Object.entries(saved)) {
      if (v && typeof v.at === 'number' && (v.value === null || typeof v.value === 'boolean') && t - v.at < MAX_AGE_MS) this.map.set(k, v);
    }
  }

  get(key: string): CachedAnswer | undefined {
    return this.map.get(key);
  }

  set(key: string, answer: CachedAnswer): void {
    this.map.set(key, answer);
    // One write per burst of answers (a run learns many): the checker flushes at the end of each run, and a timer
    // covers answers learnt outside a run.
    this.dirty = true;
    this.timer ??= setTimeout(() => void this.flush(), 2000);
    this.timer.unref?.();
  }

  /** Writes pending answers now (end of a run, deactivation, tests). */
  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    await this.store.update(this.storeKey, Object.fromEntries(this.map));
  }

  get size(): number {
    return this.map.size;
  }

  clear(): Promise<void> | Thenable<void> {
    this.map.clear();
    return this.store.update(this.storeKey, undefined);
  }
}
