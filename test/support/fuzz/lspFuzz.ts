/**
 * Fuzzing the real server over stdio: random edit sequences (incremental didChange, as an editor sends them) on
 * OWNERS, OWNERS_ALIASES and KEP files, interleaved with requests. Checked per sequence:
 *  - the server stays alive and every request answers within 200 ms;
 *  - every published diagnostic range lies inside the document as last sent;
 *  - the diagnostics published after the last edit are those of the final text (computed in-process on the same tree);
 *  - applying any quick fix the server offers (codeAction) yields a document the server still accepts.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import fc from 'fast-check';
import {
  CodeActionRequest,
  CompletionRequest,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  DocumentSymbolRequest,
  HoverRequest,
  type Diagnostic,
} from 'vscode-languageserver/node';
import { LspClient } from '../lspClient';
import { diffChange } from '../textChange';
import { Repository } from '../../../server/src/workspace/repository';
import { diagnoseFile } from '../../../server/src/workspace/diagnose';
import { applyEdits, lineLengths, rangeProblem } from './coreProps';
import { inputArb, mutationArb, applyMutation, type FuzzKind } from './texts';

export const REQUEST_LIMIT_MS = 200;

export const WORKSPACE_FILES: Record<string, string> = {
  OWNERS: 'approvers:\n  - root-approver\nreviewers:\n  - root-reviewer\nlabels:\n  - sig/node\n',
  OWNERS_ALIASES: 'aliases:\n  sig-node-leads:\n    - alice\n    - bob\n  team-a:\n    - carol\n',
  'pkg/OWNERS': 'approvers:\n  - sig-node-leads\nreviewers:\n  - bob\n',
  'pkg/a.go': 'package pkg\n',
  'pkg/sub/b_test.go': 'package sub\n',
  'docs/README.md': '# docs\n',
  'keps/README.md': '# KEPs\n',
  'keps/prod-readiness/.gitkeep': '',
  'keps/sig-node/1234-sleep/kep.yaml': 'title: Sleep better\nkep-number: 1234\nauthors:\n  - "@alice"\nowning-sig: sig-node\nstatus: implementable\napprovers:\n  - "@mrunalp"\nstage: alpha\nlatest-milestone: "v1.30"\n',
  'keps/sig-node/1234-sleep/README.md': '# KEP-1234: Sleep better\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n',
  'keps/prod-readiness/sig-node/1234.yaml': 'kep-number: 1234\nalpha:\n  approver: "@wojtek-t"\n',
};

export function writeWorkspace(files: Record<string, string> = WORKSPACE_FILES): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-fuzz-'));
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

/** The document (path, kind) a sequence edits. */
const DOCS: { rel: string; kind: FuzzKind; languageId: string }[] = [
  { rel: 'pkg/OWNERS', kind: 'owners', languageId: 'owners' },
  { rel: 'docs/OWNERS', kind: 'owners', languageId: 'owners' },
  { rel: 'OWNERS_ALIASES', kind: 'aliases', languageId: 'owners' },
  { rel: 'keps/sig-node/1234-sleep/kep.yaml', kind: 'kep', languageId: 'yaml' },
  { rel: 'keps/prod-readiness/sig-node/1234.yaml', kind: 'prr', languageId: 'yaml' },
  { rel: 'keps/sig-node/1234-sleep/README.md', kind: 'readme', languageId: 'markdown' },
];


export interface LspFuzzResult {
  sequences: number;
  edits: number;
  requests: number;
  maxRequestMs: number;
  /** Requests over the limit whose immediate repeat answered in time. */
  slowOnce: number;
  fixesApplied: number;
  crashes: number;
  hangs: number;
  violations: string[];
}

export interface LspFuzzOptions {
  sequences: number;
  seed: number;
  corpus: Record<FuzzKind, string[]>;
  /** Edits per sequence (max). */
  maxEdits?: number;
  log?: (s: string) => void;
}

/**
 * Sends a request and times it. An answer over the limit is asked again at once: a slow repeat is a hang; a fast one
 * means the first waited behind a runtime pause or a loaded machine (counted in `slowOnce`, reported, not a violation).
 */
async function timed<T>(r: LspFuzzResult, what: string, send: () => Promise<T>, repeat = true): Promise<T | undefined> {
  const t0 = performance.now();
  const p = send();
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<'timeout'>((res) => (timer = setTimeout(() => res('timeout'), 5_000)));
  try {
    const v = await Promise.race([p, limit]);
    const ms = performance.now() - t0;
    r.requests++;
    r.maxRequestMs = Math.max(r.maxRequestMs, ms);
    if (v === 'timeout') {
      r.hangs++;
      r.violations.push(`${what}: no answer within 5 s`);
      return undefined;
    }
    if (ms > REQUEST_LIMIT_MS && repeat) {
      const t1 = performance.now();
      await send();
      if (performance.now() - t1 <= REQUEST_LIMIT_MS) {
        r.slowOnce++;
        return v as T;
      }
    }
    if (ms > REQUEST_LIMIT_MS) {
      r.hangs++;
      r.violations.push(`${what}: answered in ${ms.toFixed(0)} ms (> ${REQUEST_LIMIT_MS})`);
    }
    return v as T;
  } catch (e) {
    r.violations.push(`${what}: request failed: ${(e as Error).message}`);
    return undefined;
  } finally {
    clearTimeout(timer);
  }
}

function key(ds: { code?: unknown; range: Diagnostic['range']; message: string }[]): string {
  return JSON.stringify(ds.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character]).sort());
}

export async function runLspFuzz(opts: LspFuzzOptions): Promise<LspFuzzResult> {
  const r: LspFuzzResult = { sequences: 0, edits: 0, requests: 0, maxRequestMs: 0, slowOnce: 0, fixesApplied: 0, crashes: 0, hangs: 0, violations: [] };
  const dir = writeWorkspace();
  let client = await LspClient.start({ root: dir, timeoutMs: 5_000 });
  const maxEdits = opts.maxEdits ?? 12;
  const seqArb = fc.record({
    doc: fc.nat(DOCS.length - 1),
    start: fc.nat(),
    mutations: fc.array(mutationArb, { minLength: 1, maxLength: maxEdits }),
  });
  const starts = Object.fromEntries(DOCS.map((d) => [d.kind, fc.sample(inputArb(d.kind, opts.corpus), { numRuns: 50, seed: opts.seed })])) as unknown as Record<FuzzKind, { text: string }[]>;
  const samples = fc.sample(seqArb, { numRuns: opts.sequences, seed: opts.seed });
  let version = 1000;
  try {
    for (const [i, s] of samples.entries()) {
      if (!client.alive) {
        r.crashes++;
        r.violations.push(`server died before sequence ${i}: ${client.stderr.slice(-2000)}`);
        await client.stop();
        client = await LspClient.start({ root: dir, timeoutMs: 5_000 });
      }
      r.sequences++;
      const doc = DOCS[s.doc];
      const uri = client.uri(doc.rel);
      const pool = starts[doc.kind];
      let text = pool[s.start % pool.length].text;
      const send = async (next: string) => {
        const change = diffChange(text, next);
        text = next;
        r.edits++;
        await client.connection.sendNotification(DidChangeTextDocumentNotification.method, { textDocument: { uri, version: ++version }, contentChanges: [change] });
      };
      await client.connection.sendNotification(DidOpenTextDocumentNotification.method, { textDocument: { uri, languageId: doc.languageId, version: ++version, text } });
      for (const [j, m] of s.mutations.entries()) {
        await send(applyMutation(text, m));
        if (j % 3 === 0) {
          const pos = { line: Math.min(j, lineLengths(text).length - 1), character: 2 };
          await timed(r, `hover ${doc.rel}`, () => client.connection.sendRequest(HoverRequest.method, { textDocument: { uri }, position: pos }));
          await timed(r, `completion ${doc.rel}`, () => client.connection.sendRequest(CompletionRequest.method, { textDocument: { uri }, position: pos }));
        }
      }
      // A request answered after the last change: every publish for it has been sent (the server handles messages in order).
      await timed(r, `documentSymbol ${doc.rel}`, () => client.connection.sendRequest(DocumentSymbolRequest.method, { textDocument: { uri } }));
      await new Promise((res) => setImmediate(res));
      const published = client.latest.get(uri)?.diagnostics ?? [];
      const lens = lineLengths(text);
      for (const d of published) {
        const p = rangeProblem(text, d.range, lens);
        if (p) r.violations.push(`${doc.rel}: published ${d.code}: ${p}; text ${JSON.stringify(text.slice(0, 300))}`);
      }
      // Final diagnostics are those of the final text (OWNERS family: computed in-process on the same tree).
      if (doc.kind === 'owners' || doc.kind === 'aliases') {
        const repo = Repository.open(dir, { alwaysSkip: ['node_modules'] });
        repo.setOverlay(doc.rel, text);
        const expected = diagnoseFile(repo, doc.rel);
        if (key(expected) !== key(published)) r.violations.push(`${doc.rel}: final publish ${key(published)} ≠ diagnostics of the final text ${key(expected)}; text ${JSON.stringify(text.slice(0, 300))}`);
      }
      // Quick fixes the server offers, applied: the server still accepts the document.
      const withFixes = published.filter((d) => ((d.data as { fixes?: unknown[] } | undefined)?.fixes?.length ?? 0) > 0).slice(0, 3);
      if (withFixes.length > 0) {
        const actions: { title: string; edit?: { changes?: Record<string, { range: Diagnostic['range']; newText: string }[]> } }[] | undefined = await timed(r, `codeAction ${doc.rel}`, () => client.connection.sendRequest(CodeActionRequest.method, { textDocument: { uri }, range: withFixes[0].range, context: { diagnostics: withFixes } }));
        for (const a of (actions ?? []).slice(0, 3)) {
          const edits = 'edit' in a ? a.edit?.changes?.[uri] ?? [] : [];
          if (edits.length === 0) continue;
          for (const e of edits) {
            const p = rangeProblem(text, e.range, lens);
            if (p) r.violations.push(`${doc.rel}: quick fix "${a.title}" edit ${p}`);
          }
          r.fixesApplied++;
          await send(applyEdits(text, edits));
          await timed(r, `documentSymbol after fix ${doc.rel}`, () => client.connection.sendRequest(DocumentSymbolRequest.method, { textDocument: { uri } }));
        }
      }
      await client.connection.sendNotification(DidCloseTextDocumentNotification.method, { textDocument: { uri } });
      if (!client.alive) {
        r.crashes++;
        r.violations.push(`server died during ${doc.rel}: ${client.stderr.slice(-2000)}`);
      }
      if (opts.log && (i + 1) % 200 === 0) opts.log(`  lsp: ${i + 1} sequences, ${r.edits} edits, ${r.violations.length} violations`);
    }
  } finally {
    await client.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return r;
}
