/**
 * What happens when the language server process dies (crash, out of memory, killed):
 *   - the client restarts it, up to MAX_RESTARTS times in 3 minutes (vscode-languageclient's policy, kept);
 *   - a restarted server is a new process that knows none of the settings the UI sent once (sigs.yaml source,
 *     workspace trust, cache dir): the last such notification is remembered and sent again on every restart, so
 *     ownership answers do not silently change after a crash;
 *   - when restarts are exhausted, one clear notification says what stopped working and offers to restart it (a manual
 *     restart starts a fresh restart budget).
 */
import * as vscode from 'vscode';
import { CloseAction, State, type ErrorHandler, type LanguageClient, type Middleware } from 'vscode-languageclient/node';
import { SigsSettingsNotification } from '../../server/src/lsp/protocol';

export const MAX_RESTARTS = 4;
/** Notifications that carry state the server keeps: the last of each is sent again to a restarted server. */
const STICKY_NOTIFICATIONS = new Set([SigsSettingsNotification]);

/** What the tests can see (part of the extension API). */
export interface ServerRecoveryApi {
  /** Restarts after the server died, since activation. */
  readonly restarts: number;
  /** The message shown when restarts were exhausted (undefined while the server is being kept alive). */
  readonly gaveUp: string | undefined;
  /** What the notification's "Restart Server" button does. */
  restart(): Promise<void>;
}

export class ServerRecovery implements ErrorHandler, ServerRecoveryApi {
  restarts = 0;
  gaveUp: string | undefined;
  private client: LanguageClient | undefined;
  private policy: ErrorHandler | undefined;
  private readonly sticky = new Map<string, unknown>();
  private runs = 0;

  /** Client middleware: remembers the sticky notifications on their way to the server. */
  readonly middleware: Middleware = {
    sendNotification: (type, next, params) => {
      const method = typeof type === 'string' ? type : type.method;
      if (STICKY_NOTIFICATIONS.has(method)) this.sticky.set(method, params);
      return next(type, params);
    },
  };

  attach(client: LanguageClient): vscode.Disposable {
    this.client = client;
    this.policy = client.createDefaultErrorHandler(MAX_RESTARTS);
    return client.onDidChangeState((e) => {
      if (e.newState !== State.Running) return;
      if (this.runs++ === 0) return;
      for (const [method, params] of this.sticky) void client.sendNotification(method, params);
    });
  }

  error(...args: Parameters<ErrorHandler['error']>): ReturnType<ErrorHandler['error']> {
    return this.policy!.error(...args);
  }

  async closed(): Promise<Awaited<ReturnType<ErrorHandler['closed']>>> {
    const decision = await this.policy!.closed();
    const out = this.client!.outputChannel;
    if (decision.action === CloseAction.Restart) {
      this.restarts++;
      out.appendLine(`Kube Shepherd: the language server stopped unexpectedly; restarting it (restart ${this.restarts}).`);
      return { action: CloseAction.Restart, handled: true };
    }
    this.gaveUp =
      `Kube Shepherd: the language server stopped ${MAX_RESTARTS + 1} times within 3 minutes and was not restarted again. ` +
      'Owners in the status bar and Explorer, OWNERS/KEP diagnostics and Request Shepherd are unavailable until it runs.';
    out.appendLine(this.gaveUp);
    void vscode.window.showErrorMessage(this.gaveUp, 'Restart Server', 'Show Output').then((choice) => {
      if (choice === 'Restart Server') void this.restart();
      else if (choice === 'Show Output') out.show();
    });
    return { action: CloseAction.DoNotRestart, handled: true };
  }

  async restart(): Promise<void> {
    const client = this.client!;
    this.gaveUp = undefined;
    this.policy = client.createDefaultErrorHandler(MAX_RESTARTS);
    if (client.state === State.Running) await client.restart();
    else await client.start();
  }
}
