/**
 * VS Code wiring of the opt-in GitHub reality checks (`kubeShepherd.githubChecks.enabled`): logins named in OWNERS,
 * OWNERS_ALIASES and kep.yaml are looked up on GitHub in the background and findings go to the
 * `kube-shepherd-github` diagnostic collection. Nothing is requested in an untrusted workspace, when not opted in, or
 * when not signed in (the session is asked for silently: these checks never prompt).
 */
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Diagnostic } from '../../../server/src/core/diagnostics';
import { ruleDocUrl } from '../../../server/src/core/ruleDocs';
import { LoginsInWorkspaceRequest, type LoginsInWorkspaceParams, type LoginsInWorkspaceResult } from '../../../server/src/lsp/logins';
import { GitHub, type TokenSource } from '../shepherd/github';
import { githubBaseUrl, SECRET_KEY, VsCodeTokenSource } from '../shepherd/tokenSource';
import { PersistedAnswerCache } from './cache';
import { RealityChecker } from './checker';
import { RealityRunner, type FolderDiagnostics, type RealityEnvironment } from './runner';

export const COLLECTION = 'kube-shepherd-github';
const RELEVANT = /(?:^|[\\/])(?:OWNERS|OWNERS_ALIASES|kep\.yaml)$/;

export interface RealityApi {
  collection: vscode.DiagnosticCollection;
  /** Runs the checks now (tests). */
  run(): ReturnType<RealityRunner['run']>;
}

function settings() {
  const c = vscode.workspace.getConfiguration('kubeShepherd');
  return {
    enabled: c.get<boolean>('githubChecks.enabled', false) === true,
    scope: c.get<string>('githubChecks.scope', 'openFiles'),
    ttlHours: Math.min(24 * 30, Math.max(1, c.get<number>('githubChecks.cacheHours', 24) ?? 24)),
  };
}

function apiHost(baseUrl: string): string {
  try {
    return new URL(baseUrl).host;
  } catch {
    return 'api.github.com';
  }
}

function toVsCode(d: Diagnostic): vscode.Diagnostic {
  const r = d.range;
  const v = new vscode.Diagnostic(new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character), d.message, vscode.DiagnosticSeverity.Warning);
  v.source = 'Kube Shepherd (GitHub)';
  v.code = { value: d.code, target: vscode.Uri.parse(ruleDocUrl(d.code)) };
  return v;
}

/**
 * The token for background checks: the silent session lookup, or SecretStorage when that lookup does not answer
 * promptly (some hosts never answer a silent request for a provider that is not there). Remembered for a minute so
 * each request does not ask again; forgotten when sessions or secrets change.
 */
class BackgroundTokenSource implements TokenSource {
  private remembered: { token: string | undefined; at: number } | undefined;
  constructor(private readonly inner: VsCodeTokenSource, private readonly secrets: vscode.SecretStorage) {}

  forget(): void {
    this.remembered = undefined;
  }

  async getToken(): Promise<string | undefined> {
    if (this.remembered && Date.now() - this.remembered.at < 60_000) return this.remembered.token;
    const fallback = new Promise<string | undefined>((resolve) => setTimeout(() => resolve(this.secrets.get(SECRET_KEY)), 3000));
    const token = await Promise.race([this.inner.getToken(false), fallback]);
    this.remembered = { token, at: Date.now() };
    return token;
  }
}

export function registerRealityChecks(context: vscode.ExtensionContext, client: LanguageClient, log: vscode.OutputChannel): RealityApi {
  const collection = vscode.languages.createDiagnosticCollection(COLLECTION);
  const tokens = new BackgroundTokenSource(new VsCodeTokenSource(context.secrets), context.secrets);
  const cache = new PersistedAnswerCache(context.globalState, Date.now);
  const say = (m: string) => log.appendLine(`[github checks] ${m}`);

  const build = (): RealityRunner => {
    const baseUrl = githubBaseUrl();
    const github = new GitHub({ baseUrl, auth: tokens, timeoutMs: 15_000, log: say });
    const checker = new RealityChecker({ github, cache, now: Date.now, scope: baseUrl, ttlMs: settings().ttlHours * 3_600_000 });
    const env: RealityEnvironment = {
      trusted: () => vscode.workspace.isTrusted,
      enabled: () => settings().enabled,
      // Silent: these checks never prompt.
      signedIn: async () => (await tokens.getToken()) !== undefined,
      logins: async (): Promise<LoginsInWorkspaceResult> => {
        const params: LoginsInWorkspaceParams = {};
        if (settings().scope !== 'workspace') {
          params.uris = vscode.workspace.textDocuments.filter((d) => d.uri.scheme === 'file' && RELEVANT.test(d.uri.fsPath)).map((d) => d.uri.toString());
          if (params.uris.length === 0) return { folders: [] };
        }
        return client.sendRequest<LoginsInWorkspaceResult>(LoginsInWorkspaceRequest, params);
      },
      publish: (results: FolderDiagnostics[]) => {
        collection.clear();
        for (const f of results) {
          const byFile = new Map<string, vscode.Diagnostic[]>();
          for (const d of f.diagnostics) byFile.set(d.file, [...(byFile.get(d.file) ?? []), toVsCode(d)]);
          const root = vscode.Uri.parse(f.root);
          for (const [file, diags] of byFile) collection.set(vscode.Uri.joinPath(root, ...file.split('/')), diags);
        }
      },
      notify: (m) => void vscode.window.showInformationMessage(`Kube Shepherd: ${m}`),
      log: say,
      now: Date.now,
      schedule: (ms, fn) => {
        const t = setTimeout(fn, ms);
        return { dispose: () => clearTimeout(t) };
      },
      githubHost: apiHost(baseUrl),
    };
    return new RealityRunner(env, checker);
  };

  let runner = build();
  const relevant = (doc: vscode.TextDocument) => doc.uri.scheme === 'file' && RELEVANT.test(doc.uri.fsPath);
  const soon = () => runner.request();
  context.subscriptions.push(
    collection,
    { dispose: () => runner.dispose() },
    vscode.workspace.onDidGrantWorkspaceTrust(soon),
    vscode.authentication.onDidChangeSessions(() => (tokens.forget(), soon())),
    context.secrets.onDidChange(() => (tokens.forget(), soon())),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (!e.affectsConfiguration('kubeShepherd.githubChecks') && !e.affectsConfiguration('kubeShepherd.github.baseUrl')) return;
      runner.dispose();
      // The new runner knows nothing of what the old one published: start from nothing (it republishes if enabled).
      collection.clear();
      runner = build();
      soon();
    }),
    vscode.workspace.onDidOpenTextDocument((d) => relevant(d) && soon()),
    vscode.workspace.onDidCloseTextDocument((d) => relevant(d) && soon()),
    // Debounced: a run happens once typing pauses, and it never holds up the editor.
    vscode.workspace.onDidChangeTextDocument((e) => relevant(e.document) && e.contentChanges.length > 0 && soon()),
  );
  soon();
  return { collection, run: () => runner.run() };
}
