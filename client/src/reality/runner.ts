/**
 * Runs the GitHub reality checks: decides whether any request may be made at all (trusted workspace, opted in,
 * signed in — otherwise none), collects the logins, lets the checker ask GitHub, turns the answers into diagnostics
 * and publishes them. Runs are debounced and never overlap; a rate-limit pause is reported once and a run is
 * scheduled for when it ends. No VS Code import: the extension wires it up (index.ts), tests drive it directly.
 */
import { distinctLogins } from '../../../server/src/core/github/loginUses';
import { rateLimitNotice, realityDiagnostics } from '../../../server/src/core/github/realityChecks';
import type { Diagnostic } from '../../../server/src/core/diagnostics';
import type { LoginsInWorkspaceResult } from '../../../server/src/lsp/logins';
import { GitHubError } from '../shepherd/githubErrors';
import type { RealityChecker } from './checker';

export interface FolderDiagnostics {
  /** URI of the workspace folder; diagnostics' files are relative to it. */
  root: string;
  diagnostics: Diagnostic[];
}

export interface RealityEnvironment {
  /** VS Code workspace trust. */
  trusted(): boolean;
  /** `kubeShepherd.githubChecks.enabled`. */
  enabled(): boolean;
  /** A GitHub session exists (asked silently, never prompting). */
  signedIn(): Promise<boolean>;
  /** The logins to check (the server's `shepherd/loginsInWorkspace`). */
  logins(): Promise<LoginsInWorkspaceResult>;
  /** Replaces everything published before. */
  publish(results: FolderDiagnostics[]): void;
  notify(message: string): void;
  log(message: string): void;
  /** The clock the checker uses too (epoch ms). */
  now(): number;
  /** A one-shot timer. */
  schedule(delayMs: number, run: () => void): { dispose(): void };
  /** The host of the GitHub the API base URL points at (github.com for api.github.com). */
  githubHost: string;
}

export type RunResult =
  | { ran: false; reason: 'untrusted' | 'disabled' | 'signed-out' | 'busy' }
  | { ran: true; requests: number; diagnostics: number; unfinished: number; pausedUntil?: number; trouble?: string };

/**
 * Does a remote on `host` belong to the GitHub at `apiHost`? (github.com ↔ api.github.com; GHE shares its host.)
 * An API on this machine (a local proxy or mirror, or the test double) stands in for any host.
 */
export function sameGitHub(remoteHost: string | undefined, githubHost: string): boolean {
  if (!remoteHost || /^(?:127\.0\.0\.1|localhost|\[::1\])(?::\d+)?$/i.test(githubHost)) return true;
  const norm = (h: string) => h.toLowerCase().replace(/^api\./, '').replace(/^ssh\./, '');
  return norm(remoteHost) === norm(githubHost);
}

export class RealityRunner {
  private timer: { dispose(): void } | undefined;
  private retryTimer: { dispose(): void } | undefined;
  private running: Promise<RunResult> | undefined;
  private again = false;
  private published = false;

  constructor(private readonly env: RealityEnvironment, private readonly checker: RealityChecker, private readonly debounceMs = 1500) {}

  /** Asks for a run soon; bursts of requests (typing, opening many files) make one run. */
  request(): void {
    this.timer?.dispose();
    this.timer = this.env.schedule(this.debounceMs, () => {
      this.timer = undefined;
      // A run started by a timer has nobody to report to but the log.
      this.run().catch((e: unknown) => this.env.log(`GitHub checks failed: ${e instanceof Error ? e.message : String(e)}`));
    });
  }

  /** Runs now (or right after the current run). */
  async run(): Promise<RunResult> {
    if (this.running) {
      this.again = true;
      return { ran: false, reason: 'busy' };
    }
    this.running = this.runOnce();
    try {
      return await this.running;
    } finally {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        this.request();
      }
    }
  }

  private clear(): void {
    if (this.published) this.env.publish([]);
    this.published = false;
  }

  private async runOnce(): Promise<RunResult> {
    // The order matters: nothing below may touch the network unless all three hold.
    if (!this.env.trusted()) return this.clear(), { ran: false, reason: 'untrusted' };
    if (!this.env.enabled()) return this.clear(), { ran: false, reason: 'disabled' };
    if (!(await this.env.signedIn())) return this.clear(), { ran: false, reason: 'signed-out' };
    const { folders } = await this.env.logins();
    const results: FolderDiagnostics[] = [];
    let requests = 0;
    let unfinished = 0;
    let pausedUntil: number | undefined;
    let pauseStarted = false;
    let trouble: string | undefined;
    try {
      for (const f of folders) {
        if (!f.repository || f.uses.length === 0 || !sameGitHub(f.repository.host, this.env.githubHost)) continue;
        const out = await this.checker.check(f.repository, distinctLogins(f.uses));
        requests += out.requests;
        unfinished += out.unfinished;
        pausedUntil = out.pausedUntil ?? pausedUntil;
        pauseStarted ||= out.pauseStarted;
        trouble ??= out.trouble;
        results.push({ root: f.root, diagnostics: realityDiagnostics(f.uses, out.answers, { ...f.repository, ownerIsOrg: out.ownerIsOrg }) });
      }
    } catch (e) {
      if (e instanceof GitHubError && e.kind === 'auth') {
        this.env.log(`GitHub checks stopped: ${e.message}`);
        this.clear();
        return { ran: false, reason: 'signed-out' };
      }
      throw e;
    }
    this.env.publish(results);
    this.published = true;
    if (pausedUntil !== undefined) {
      if (pauseStarted) this.env.notify(rateLimitNotice(pausedUntil));
      this.retryTimer?.dispose();
      // A second past the reset, so GitHub's own clock has moved on too.
      this.retryTimer = this.env.schedule(Math.max(0, pausedUntil - this.env.now()) + 1000, () => {
        this.retryTimer = undefined;
        this.request();
      });
    }
    if (trouble) this.env.log(`GitHub checks incomplete: ${trouble}`);
    const diagnostics = results.reduce((n, r) => n + r.diagnostics.length, 0);
    return { ran: true, requests, diagnostics, unfinished, pausedUntil, trouble };
  }

  dispose(): void {
    this.timer?.dispose();
    this.retryTimer?.dispose();
  }
}
