/**
 * Keystroke → diagnostics latency over real stdio, Kube Shepherd against redhat's yaml-language-server (the peer,
 * given equivalent JSON Schemas) on the same documents and the same edit sequences: typing a line character by
 * character, pasting a block, deleting a key. Time is from sending didChange to the matching publishDiagnostics. Each
 * didChange carries only the changed span, as an editor sends it (both servers take incremental changes).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { LspClient, REPO_ROOT, SERVER_JS } from '../test/support/lspClient';
import { quantile } from './stats';

export interface LatencyResult {
  server: string;
  doc: string;
  samples: number;
  median: number;
  p99: number;
  missed: number;
}

export interface LatencyDoc {
  label: string;
  rel: string;
  languageId: string;
  /** Where in the text edits happen: after this substring's line. */
  anchor: RegExp;
  /** The line typed character by character, and the block pasted. */
  typed: string;
  pasted: string;
}

/** The full texts of the edit sequence: typing `typed` char by char after the anchor line, pasting, deleting. */
export function editSequence(text: string, doc: LatencyDoc, rounds: number): string[] {
  const m = doc.anchor.exec(text);
  const at = m ? text.indexOf('\n', m.index) + 1 || text.length : text.length;
  const seq: string[] = [];
  let cur = text;
  for (let r = 0; r < rounds; r++) {
    const line = doc.typed.replace('$n', String(r));
    for (let i = 1; i <= line.length; i++) seq.push(cur.slice(0, at) + line.slice(0, i) + cur.slice(at));
    cur = cur.slice(0, at) + line + '\n' + cur.slice(at);
    seq.push(cur);
  }
  const pasted = cur.slice(0, at) + doc.pasted + cur.slice(at);
  seq.push(pasted);
  seq.push(cur); // delete the pasted block again (deleting lines/keys)
  return seq;
}

async function measure(client: LspClient, doc: LatencyDoc, text: string, rounds: number): Promise<{ times: number[]; missed: number }> {
  await client.open(doc.rel, text, doc.languageId).catch(() => undefined);
  const times: number[] = [];
  let missed = 0;
  for (const t of editSequence(text, doc, rounds)) {
    const t0 = process.hrtime.bigint();
    try {
      await client.edit(doc.rel, t);
      times.push(Number(process.hrtime.bigint() - t0) / 1e6);
    } catch {
      missed++;
    }
  }
  await client.close(doc.rel);
  return { times, missed };
}

export interface LatencyOptions {
  /** Our server bundle (default dist/cli.js): a private bundle keeps a run independent of others rebuilding dist/. */
  serverJs?: string;
  /** Extra node flags for our server (e.g. --cpu-prof to profile the keystroke path). */
  nodeArgs?: string[];
  /** How long to wait for each publish (default 3000 ms). */
  timeoutMs?: number;
  /** Also measure yaml-language-server (default true). */
  peer?: boolean;
}

export async function runLatency(root: string, docs: LatencyDoc[], rounds: number, opts: LatencyOptions = {}): Promise<LatencyResult[]> {
  const results: LatencyResult[] = [];
  const schemaUri = (f: string) => pathToFileURL(path.join(REPO_ROOT, 'schemas', f)).toString();
  const yamlSettings = {
    yaml: {
      validate: true,
      hover: false,
      completion: false,
      format: { enable: false },
      schemas: Object.fromEntries(
        [
          ['owners.schema.json', ['**/OWNERS', 'OWNERS']],
          ['owners-aliases.schema.json', ['**/OWNERS_ALIASES', 'OWNERS_ALIASES']],
          ['kep.schema.json', ['**/kep.yaml']],
        ]
          .filter(([f]) => fs.existsSync(path.join(REPO_ROOT, 'schemas', f as string)))
          .map(([f, globs]) => [schemaUri(f as string), globs]),
      ),
    },
  };
  const servers: { name: string; command?: string[]; settings?: unknown }[] = [
    { name: 'kube-shepherd', command: opts.serverJs || opts.nodeArgs ? [process.execPath, ...(opts.nodeArgs ?? []), opts.serverJs ?? SERVER_JS, 'lsp', '--stdio'] : undefined },
    { name: 'yaml-language-server', command: [process.execPath, path.join(REPO_ROOT, 'node_modules', 'yaml-language-server', 'bin', 'yaml-language-server'), '--stdio'], settings: yamlSettings },
  ];
  for (const s of opts.peer === false ? servers.slice(0, 1) : servers) {
    const client = await LspClient.start({ root, command: s.command, timeoutMs: opts.timeoutMs ?? 3000 });
    // A private bundle is still our server, which stamps publishes with the document version: wait for that version.
    if (s.name === 'kube-shepherd') (client as unknown as { versionedServer: boolean }).versionedServer = true;
    if (s.settings) {
      client.connection.onRequest('workspace/configuration', (p: { items: { section?: string }[] }) =>
        p.items.map((i) => (i.section ? (s.settings as Record<string, unknown>)[i.section.split('.')[0]] ?? null : s.settings)),
      );
      await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: s.settings });
    }
    for (const doc of docs) {
      if (s.name !== 'kube-shepherd' && doc.languageId === 'markdown') continue; // the peer does not read Markdown
      const text = fs.readFileSync(path.join(root, doc.rel), 'utf8');
      const { times, missed } = await measure(client, { ...doc, languageId: s.name === 'kube-shepherd' ? doc.languageId : 'yaml' }, text, rounds);
      results.push({ server: s.name, doc: doc.label, samples: times.length, median: quantile(times, 0.5), p99: quantile(times, 0.99), missed });
    }
    await client.stop();
  }
  return results;
}
