/**
 * A small LSP test client: spawns the real server (`node dist/cli.js lsp --stdio`), speaks JSON-RPC over stdio, and
 * gives tests awaitable diagnostics per document plus typed requests. Reusable by every feature's LSP tests.
 *
 *   const client = await LspClient.start({ root: '/path/to/workspace' });
 *   const diags = await client.open('OWNERS');                 // didOpen + next publishDiagnostics for it
 *   const hover = await client.request(HoverRequest.type, { textDocument: { uri: client.uri('OWNERS') }, position });
 *   await client.stop();
 */
import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type RequestType,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver/node';
import { diffChange } from './textChange';

export const REPO_ROOT = path.resolve(__dirname, '..', '..');
export const SERVER_JS = path.join(REPO_ROOT, 'dist', 'cli.js');

export interface StartOptions {
  /** Workspace folder (absolute path). */
  root: string;
  /** Server command; default `node dist/cli.js lsp --stdio`. */
  command?: string[];
  /** Diagnostics wait timeout (ms). */
  timeoutMs?: number;
}

/** `version`: only a publish for that document version (or an unversioned one) settles the waiter. */
type Waiter = { resolve: (p: PublishDiagnosticsParams) => void; reject: (e: Error) => void; timer: NodeJS.Timeout; version?: number };

export class LspClient {
  readonly latest = new Map<string, PublishDiagnosticsParams>();
  /** Every publishDiagnostics received, in order. */
  readonly log: PublishDiagnosticsParams[] = [];
  private readonly waiters = new Map<string, Waiter[]>();
  private readonly versions = new Map<string, number>();
  private readonly texts = new Map<string, string>();
  initializeResult!: InitializeResult;
  stderr = '';

  /** Ours stamps every publish for an open document with its version; other servers (yaml-language-server) may not. */
  private versionedServer = true;

  private constructor(readonly root: string, readonly proc: ChildProcess, readonly connection: ProtocolConnection, readonly timeoutMs: number) {}

  static async start(opts: StartOptions): Promise<LspClient> {
    if (!fs.existsSync(SERVER_JS)) throw new Error(`${SERVER_JS} is missing: run node scripts/build.mjs first`);
    const [cmd, ...args] = opts.command ?? [process.execPath, SERVER_JS, 'lsp', '--stdio'];
    const proc = spawn(cmd, args, { cwd: REPO_ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
    const connection = createProtocolConnection(new StreamMessageReader(proc.stdout!), new StreamMessageWriter(proc.stdin!));
    const client = new LspClient(path.resolve(opts.root), proc, connection, opts.timeoutMs ?? 10_000);
    client.versionedServer = args.includes(SERVER_JS);
    proc.stderr!.on('data', (b: Buffer) => (client.stderr += b.toString()));
    connection.onNotification(PublishDiagnosticsNotification.type, (p) => client.onDiagnostics(p));
    connection.onRequest('workspace/configuration', () => []);
    connection.onRequest('client/registerCapability', () => null);
    connection.onRequest('window/workDoneProgress/create', () => null);
    connection.listen();
    const rootUri = pathToFileURL(client.root).toString();
    client.initializeResult = await connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri,
      workspaceFolders: [{ uri: rootUri, name: path.basename(client.root) }],
      capabilities: {
        textDocument: {
          publishDiagnostics: { relatedInformation: true },
          hover: { contentFormat: ['markdown', 'plaintext'] },
          completion: { completionItem: { snippetSupport: true } },
          rename: { prepareSupport: true },
          codeAction: { codeActionLiteralSupport: { codeActionKind: { valueSet: ['quickfix'] } } },
          documentSymbol: { hierarchicalDocumentSymbolSupport: true },
        },
        workspace: { workspaceFolders: true, workspaceEdit: { documentChanges: false } },
      },
    });
    await connection.sendNotification(InitializedNotification.type, {});
    return client;
  }

  uri(rel: string): string {
    return pathToFileURL(path.join(this.root, ...rel.split('/'))).toString();
  }

  private onDiagnostics(p: PublishDiagnosticsParams): void {
    this.latest.set(p.uri, p);
    this.log.push(p);
    const ws = this.waiters.get(p.uri);
    if (!ws || ws.length === 0) return;
    // A publish for an older version of an open document (still in flight when it was edited) settles nobody
    // waiting for the newer one.
    const settles = (w: Waiter) => w.version === undefined || p.version === w.version || (p.version === undefined && !this.versionedServer);
    const keep = ws.filter((w) => !settles(w));
    if (keep.length > 0) this.waiters.set(p.uri, keep);
    else this.waiters.delete(p.uri);
    for (const w of ws) {
      if (!settles(w)) continue;
      clearTimeout(w.timer);
      w.resolve(p);
    }
  }

  /** The next publishDiagnostics for a document (registered before the action that triggers it). */
  nextDiagnostics(relOrUri: string, timeoutMs = this.timeoutMs, version?: number): Promise<Diagnostic[]> {
    const uri = relOrUri.includes('://') ? relOrUri : this.uri(relOrUri);
    return new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no publishDiagnostics for ${uri} within ${timeoutMs} ms`)), timeoutMs);
      const list = this.waiters.get(uri) ?? [];
      list.push({ resolve, reject, timer, version });
      this.waiters.set(uri, list);
    }).then((p) => p.diagnostics);
  }

  /** The latest diagnostics published for a document, waiting for the first publish if none arrived yet. */
  async diagnostics(rel: string, timeoutMs = this.timeoutMs): Promise<Diagnostic[]> {
    const hit = this.latest.get(this.uri(rel));
    if (hit) return hit.diagnostics;
    return this.nextDiagnostics(rel, timeoutMs);
  }

  /**
   * The first diagnostics published for a document that satisfy `ok`, counting the latest ones already received: for
   * effects on other documents, where publishes from earlier actions may still be in flight.
   */
  async diagnosticsUntil(rel: string, ok: (ds: Diagnostic[]) => boolean, timeoutMs = this.timeoutMs): Promise<Diagnostic[]> {
    const deadline = Date.now() + timeoutMs;
    // Nothing published yet means no diagnostics.
    const current = this.latest.get(this.uri(rel))?.diagnostics ?? [];
    if (ok(current)) return current;
    for (;;) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`no diagnostics for ${rel} satisfied the condition within ${timeoutMs} ms; last: ${JSON.stringify(this.latest.get(this.uri(rel))?.diagnostics)}`);
      const ds = await this.nextDiagnostics(rel, left);
      if (ok(ds)) return ds;
    }
  }

  /** didOpen (text defaults to the file on disk); resolves with the diagnostics published for it. */
  async open(rel: string, text?: string, languageId = 'owners'): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const t = text ?? fs.readFileSync(path.join(this.root, rel), 'utf8');
    this.versions.set(uri, 1);
    this.texts.set(uri, t);
    const next = this.nextDiagnostics(uri, this.timeoutMs, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text: t } });
    return next;
  }

  /** Full-text didChange; resolves with the diagnostics published for it. */
  async change(rel: string, text: string): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const next = this.nextDiagnostics(uri, this.timeoutMs, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
    return next;
  }

  /**
   * didChange the way an editor sends a keystroke or a paste: only the changed span, when the server takes incremental
   * changes (both servers the benchmarks compare do); resolves with the diagnostics published for it.
   */
  async edit(rel: string, text: string): Promise<Diagnostic[]> {
    const uri = this.uri(rel);
    const next = this.nextDiagnostics(uri, this.timeoutMs, (this.versions.get(uri) ?? 1) + 1);
    await this.editNoWait(rel, text);
    return next;
  }

  /** `edit` without waiting (for benchmarks that wait on other documents too). */
  async editNoWait(rel: string, text: string): Promise<void> {
    const uri = this.uri(rel);
    const before = this.texts.get(uri);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    const change = before !== undefined && this.takesIncrementalChanges() ? diffChange(before, text) : { text };
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
  }

  private takesIncrementalChanges(): boolean {
    const sync = this.initializeResult.capabilities.textDocumentSync;
    return (typeof sync === 'number' ? sync : sync?.change) === 2; // TextDocumentSyncKind.Incremental
  }

  /** didChange without waiting (for benchmarks that wait on other documents). */
  async changeNoWait(rel: string, text: string): Promise<void> {
    const uri = this.uri(rel);
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    this.texts.set(uri, text);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  async close(rel: string): Promise<void> {
    const uri = this.uri(rel);
    this.versions.delete(uri);
    this.texts.delete(uri);
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  /** Current text of an open document (as last sent). */
  text(rel: string): string | undefined {
    return this.texts.get(this.uri(rel));
  }

  request<P, R>(type: RequestType<P, R, unknown>, params: P): Promise<R> {
    return this.connection.sendRequest(type, params);
  }

  /** Apply a WorkspaceEdit's edits for one document to a text. */
  static applyEdits(text: string, edits: TextEdit[]): string {
    const offsets = lineStarts(text);
    const off = (p: { line: number; character: number }) => (p.line >= offsets.length ? text.length : Math.min(offsets[p.line] + p.character, text.length));
    const sorted = [...edits].sort((a, b) => off(b.range.start) - off(a.range.start) || off(b.range.end) - off(a.range.end));
    let out = text;
    for (const e of sorted) out = out.slice(0, off(e.range.start)) + e.newText + out.slice(off(e.range.end));
    return out;
  }

  editsFor(edit: WorkspaceEdit | null | undefined, rel: string): TextEdit[] {
    return edit?.changes?.[this.uri(rel)] ?? [];
  }

  async stop(): Promise<void> {
    try {
      await Promise.race([this.connection.sendRequest(ShutdownRequest.type), delay(2000)]);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      /* already gone */
    }
    await Promise.race([new Promise((r) => this.proc.once('exit', r)), delay(2000)]);
    if (this.proc.exitCode === null) this.proc.kill();
    this.connection.dispose();
    for (const ws of this.waiters.values()) for (const w of ws) clearTimeout(w.timer);
  }

  get alive(): boolean {
    return this.proc.exitCode === null && !this.proc.killed;
  }
}

function lineStarts(text: string): number[] {
  const s = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) s.push(i + 1);
  return s;
}

function delay(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, ms));
}

