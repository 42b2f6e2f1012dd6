/**
 * The client side of `shepherd/ownersOf`: asks the language server (the client never parses OWNERS), caches answers
 * per URI until something changes (OWNERS/OWNERS_ALIASES/sigs.yaml edited or changed on disk, the server says so),
 * and tells the UI when to refresh.
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { workingTreeUriOf } from '../../../server/src/core/repoPath';
import { OwnersOfRequest, OwnershipChangedNotification, type OwnersOfResult } from '../../../server/src/lsp/protocol';

const OWNERSHIP_FILES = /(^|\/)(OWNERS|OWNERS_ALIASES|sigs\.yaml)$/;

export class OwnershipService implements vscode.Disposable {
  private readonly cache = new Map<string, Promise<OwnersOfResult | null>>();
  private readonly emitter = new vscode.EventEmitter<void>();
  /** Fires (debounced) when cached answers were dropped: refresh everything shown. */
  readonly onDidChange = this.emitter.event;
  private readonly disposables: vscode.Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  private inFlight = 0;
  private idleWaiters: (() => void)[] = [];

  constructor(private readonly client: LanguageClient) {
    const watcher = vscode.workspace.createFileSystemWatcher('**/{OWNERS,OWNERS_ALIASES,sigs.yaml}');
    this.disposables.push(
      watcher,
      watcher.onDidChange(() => this.invalidate()),
      watcher.onDidCreate(() => this.invalidate()),
      watcher.onDidDelete(() => this.invalidate()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.contentChanges.length > 0 && OWNERSHIP_FILES.test(e.document.uri.path)) this.invalidate();
      }),
      vscode.workspace.onDidCloseTextDocument((d) => {
        if (OWNERSHIP_FILES.test(d.uri.path)) this.invalidate();
      }),
      this.emitter,
    );
    this.disposables.push(client.onNotification(OwnershipChangedNotification, () => this.invalidate(0)));
  }

  /**
   * Ownership of a file or folder — also when shown through another scheme (`git:` in Source Control diffs and
   * staged changes, `review:` of GitHub Pull Requests); null for documents that are no working-tree file (untitled,
   * output, settings), outside every workspace repository, or when the server cannot answer.
   */
  ownersOf(uri: vscode.Uri): Promise<OwnersOfResult | null> {
    // Both sides of a diff are the same file: one cache entry, keyed by the working-tree URI.
    const key = workingTreeUriOf(uri.toString());
    if (key === undefined) return Promise.resolve(null);
    let p = this.cache.get(key);
    if (!p) {
      this.inFlight++;
      p = this.client
        .sendRequest<OwnersOfResult | null>(OwnersOfRequest, { uri: this.client.code2ProtocolConverter.asUri(uri) })
        .then(
          (r) => r,
          (e: unknown) => {
            this.cache.delete(key);
            this.client.outputChannel.appendLine(`ownersOf ${key}: ${(e as Error)?.message ?? e}`);
            return null;
          },
        )
        .finally(() => {
          if (--this.inFlight === 0) for (const w of this.idleWaiters.splice(0)) w();
        });
      if (this.cache.size > 5000) this.cache.clear();
      this.cache.set(key, p);
    }
    return p;
  }

  /** Drop cached answers and notify after `delayMs` (edits come in bursts; the server sees the change first). */
  invalidate(delayMs = 250): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.cache.clear();
      this.emitter.fire();
    }, delayMs);
  }

  /** Resolves when no request is in flight and no refresh is pending (for tests). */
  async idle(): Promise<void> {
    for (let i = 0; i < 50 && (this.inFlight > 0 || this.timer); i++) {
      if (this.inFlight > 0) await new Promise<void>((r) => this.idleWaiters.push(r));
      else await new Promise((r) => setTimeout(r, 50));
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    for (const d of this.disposables) d.dispose();
  }
}
