/**
 * Asks GitHub what the reality checks need to know, as cheaply as possible: answers are cached with a time-to-live
 * (negative and "GitHub would not say" answers too), lookups run a few at a time, and the checker stops before the
 * rate limit is used up (x-ratelimit-remaining) or as soon as GitHub refuses (403/429), resuming after the reset.
 * Cache, clock and GitHub are injected, so tests drive time and watch requests.
 */
import { nextLookup, type LoginAnswers } from '../../../server/src/core/github/realityChecks';
import type { GitHubErrorKind } from '../shepherd/githubErrors';
import type { ProbeKind, ProbeResult } from '../shepherd/github';

export interface RealityGitHub {
  probe(kind: ProbeKind, owner: string, repo: string, login?: string): Promise<ProbeResult>;
}

export interface CachedAnswer {
  /** null = GitHub would not say (kept for a shorter time). */
  value: boolean | null;
  /** When it was learnt (epoch ms). */
  at: number;
}

export interface AnswerCache {
  get(key: string): CachedAnswer | undefined;
  set(key: string, answer: CachedAnswer): void;
  /** Persists what was learnt (called at the end of each run). */
  flush?(): Promise<void>;
}

export interface CheckerOptions {
  github: RealityGitHub;
  cache: AnswerCache;
  now: () => number;
  /** Separates caches of different GitHub servers (the API base URL). */
  scope: string;
  /** How long yes/no answers stay valid (default 24 h). */
  ttlMs?: number;
  /** How long "GitHub would not say" stays valid (default 1 h). */
  unknownTtlMs?: number;
  /** Lookups in flight at once (default 4). */
  concurrency?: number;
  /** Stop when x-ratelimit-remaining falls to this, leaving the rest for the user's other tools (default 50). */
  reserve?: number;
}

export interface RepoCoordinates {
  owner: string;
  repo: string;
}

export interface CheckOutcome {
  answers: Map<string, LoginAnswers>;
  /** False when the owner is a user account; undefined when unknown (treated as an organisation). */
  ownerIsOrg?: boolean;
  /** Requests made by this run. */
  requests: number;
  /** Logins whose lookups are not finished (rate limit, GitHub trouble). */
  unfinished: number;
  /** Epoch ms until which no request is made, when paused by the rate limit. */
  pausedUntil?: number;
  /** This run started the pause (so it is reported once). */
  pauseStarted: boolean;
  /** GitHub could not be reached or failed; the run stopped early. */
  trouble?: string;
}

const HOUR = 3_600_000;
/** Trouble that makes every further request pointless for this run. */
const STOP_RUN: ReadonlySet<GitHubErrorKind> = new Set(['network', 'timeout', 'server']);

export class RealityChecker {
  private pausedUntil = 0;
  private readonly ttl: number;
  private readonly unknownTtl: number;

  constructor(private readonly opts: CheckerOptions) {
    this.ttl = opts.ttlMs ?? 24 * HOUR;
    this.unknownTtl = opts.unknownTtlMs ?? HOUR;
  }

  /** Epoch ms when checks resume, while paused. */
  resumeAt(): number | undefined {
    return this.opts.now() < this.pausedUntil ? this.pausedUntil : undefined;
  }

  private key(kind: ProbeKind, r: RepoCoordinates, login: string): string {
    const owner = r.owner.toLowerCase();
    const where = kind === 'collaborator' ? `${owner}/${r.repo.toLowerCase()}` : kind === 'exists' ? '' : owner;
    return `${this.opts.scope}|${kind}|${where}|${login}`;
  }

  private cached(key: string): boolean | null | undefined {
    const hit = this.opts.cache.get(key);
    if (!hit) return undefined;
    const age = this.opts.now() - hit.at;
    return age >= 0 && age < (hit.value === null ? this.unknownTtl : this.ttl) ? hit.value : undefined;
  }

  private answersFromCache(r: RepoCoordinates, login: string): LoginAnswers {
    const a: LoginAnswers = {};
    const set = (field: keyof LoginAnswers, kind: ProbeKind) => {
      const v = this.cached(this.key(kind, r, login));
      if (v !== undefined) a[field] = v;
    };
    set('member', 'member');
    set('exists', 'exists');
    set('collaborator', 'collaborator');
    return a;
  }

  /** Notes the rate-limit state of a response; true when the checker must stop asking. */
  private noteRate(p: ProbeResult, outcome: CheckOutcome): boolean {
    const now = this.opts.now();
    let until: number | undefined;
    if (p.rateLimited) {
      until = p.retryAfterSeconds !== undefined ? now + p.retryAfterSeconds * 1000 : p.resetAtMs ?? now + 60_000;
    } else if (p.remaining !== undefined && p.remaining <= (this.opts.reserve ?? 50)) {
      until = p.resetAtMs ?? now + HOUR;
    }
    if (until === undefined || until <= now) return false;
    if (now >= this.pausedUntil) outcome.pauseStarted = true;
    this.pausedUntil = Math.max(this.pausedUntil, until);
    outcome.pausedUntil = this.pausedUntil;
    return true;
  }

  private paused(): boolean {
    return this.opts.now() < this.pausedUntil;
  }

  /** One lookup: returns the answer (null = GitHub would not say), or undefined when nothing was learnt. */
  private async ask(kind: ProbeKind, r: RepoCoordinates, login: string, outcome: CheckOutcome): Promise<boolean | null | undefined> {
    outcome.requests++;
    const p = await this.opts.github.probe(kind, r.owner, r.repo, login);
    const stop = this.noteRate(p, outcome);
    let value: boolean | null | undefined = p.answer;
    if (value === undefined && (p.failure === 'forbidden' || p.failure === 'validation')) value = null;
    if (value !== undefined) this.opts.cache.set(this.key(kind, r, login), { value, at: this.opts.now() });
    else if (p.failure && STOP_RUN.has(p.failure)) outcome.trouble ??= p.problem ?? p.failure;
    if (stop && value === undefined) return undefined;
    return value;
  }

  /** Settles as many logins as the cache and the rate limit allow. Never throws except when not signed in. */
  async check(r: RepoCoordinates, logins: readonly string[]): Promise<CheckOutcome> {
    const outcome: CheckOutcome = { answers: new Map(), requests: 0, unfinished: 0, pauseStarted: false };
    if (this.paused()) outcome.pausedUntil = this.pausedUntil;
    const orgKey = this.key('org', r, '');
    let isOrg = this.cached(orgKey);
    if (isOrg === undefined && !this.paused()) isOrg = await this.ask('org', r, '', outcome);
    outcome.ownerIsOrg = isOrg === false ? false : isOrg === true ? true : undefined;
    const org = isOrg !== false;

    const queue: string[] = [];
    for (const login of logins) {
      const a = this.answersFromCache(r, login);
      outcome.answers.set(login, a);
      if (nextLookup(a, org)) queue.push(login);
    }
    const FIELD: Record<'member' | 'exists' | 'collaborator', keyof LoginAnswers> = { member: 'member', exists: 'exists', collaborator: 'collaborator' };
    const worker = async () => {
      for (;;) {
        if (this.paused() || outcome.trouble) return;
        const login = queue.shift();
        if (login === undefined) return;
        const a = outcome.answers.get(login)!;
        for (let step = nextLookup(a, org); step; step = nextLookup(a, org)) {
          if (this.paused() || outcome.trouble) break;
          const v = await this.ask(step, r, login, outcome);
          if (v === undefined) break;
          a[FIELD[step]] = v;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.max(1, this.opts.concurrency ?? 4) }, worker));
    for (const a of outcome.answers.values()) if (nextLookup(a, org)) outcome.unfinished++;
    if (this.paused()) outcome.pausedUntil = this.pausedUntil;
    await this.opts.cache.flush?.();
    return outcome;
  }
}
