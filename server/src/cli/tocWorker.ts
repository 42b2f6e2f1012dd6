/**
 * `check` runs the TOC check of every `keps/**.md` (mdtoc's parse, about a quarter of a whole-tree check) on a second
 * thread while the main thread does everything else. The check is a pure function of each file's text, so the worker
 * reads the files itself and hands back each file's diagnostics; the main thread takes them at the end of its pass
 * and falls back to computing a file itself whenever the worker's answer is missing or was made from another text.
 *
 * The worker is this same bundle started again (there is no separate worker file to ship): its module
 * initialisation sees `workerData`, does the job synchronously and exits before the CLI's `main` would run. Both sides
 * block on Atomics rather than await messages, because `check` is synchronous from start to end.
 */
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics';
import { tocDiagnostics } from '../core/kep/tocRules';
import { readText } from '../workspace/scan';

const MARK = 'kube-shepherd-toc-worker';
/** Slots of the shared flags: the file list is posted; the results are posted (1) or the worker failed (2). */
const LIST = 0, RESULT = 1;

/** Per file: the length of the text the worker checked (a guard against a file changed in between) and its findings. */
export type TocResults = Map<string, { length: number; diagnostics: Diagnostic[] }>;

interface WorkerInput {
  mark: typeof MARK;
  flags: Int32Array;
  port: MessagePort;
}

export interface TocWorkerHandle {
  /** Hands the worker the files to check (repository-relative, under root). */
  start(root: string, files: string[]): void;
  /** The results (blocking until the worker is done), or undefined when it failed or took too long. */
  results(): TocResults | undefined;
}

/**
 * Starts the worker early (loading the bundle overlaps with the main thread's own start-up), or returns undefined
 * where a second thread cannot pay: not running from the bundle (tests load the TypeScript sources), one core, or no
 * core to spare right now (the worker adds CPU time: loading the bundle again, its own GC; it only shortens the wall
 * time when the other core is idle). KUBE_SHEPHERD_TOC_WORKER=1 or 0 forces the choice (tests compare both ways).
 */
export function spawnTocWorker(): TocWorkerHandle | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const forced = process.env.KUBE_SHEPHERD_TOC_WORKER;
  if (forced === '0') return undefined;
  if (forced !== '1') {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores < 2 || os.loadavg()[0] > cores - 1) return undefined;
  }
  const flags = new Int32Array(new SharedArrayBuffer(8));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const input: WorkerInput = { mark: MARK, flags, port: port2 };
    // Its own stdout/stderr (never read): nothing the worker prints may reach the CLI's output.
    worker = new Worker(__filename, { workerData: input, transferList: [port2], stdout: true, stderr: true });
  } catch {
    return undefined;
  }
  worker.unref();
  let started = false;
  return {
    start(root, files) {
      port1.postMessage({ root, files });
      started = true;
      Atomics.store(flags, LIST, 1);
      Atomics.notify(flags, LIST);
    },
    results() {
      if (!started) return undefined;
      // Generous: the worker does less than the main thread; the timeout only guards against a worker that died.
      if (Atomics.wait(flags, RESULT, 0, 60_000) === 'timed-out' || Atomics.load(flags, RESULT) !== 1) {
        void worker.terminate();
        return undefined;
      }
      const msg = receiveMessageOnPort(port1);
      port1.close();
      return msg ? (msg.message as TocResults) : undefined;
    },
  };
}

/** The worker's side: wait for the file list, check every file, post the results, leave. */
function runWorker(input: WorkerInput): never {
  const { flags, port } = input;
  let outcome = 2;
  try {
    Atomics.wait(flags, LIST, 0);
    const msg = receiveMessageOnPort(port);
    if (msg) {
      const { root, files } = msg.message as { root: string; files: string[] };
      const out: TocResults = new Map();
      for (const rel of files) {
        const text = readText(path.join(root, ...rel.split('/'))).text;
        if (text !== undefined) out.set(rel, { length: text.length, diagnostics: tocDiagnostics(rel, text) });
      }
      port.postMessage(out);
      outcome = 1;
    }
  } catch {
    outcome = 2;
  }
  Atomics.store(flags, RESULT, outcome);
  Atomics.notify(flags, RESULT);
  process.exit(0);
}

if (!isMainThread && (workerData as WorkerInput | undefined)?.mark === MARK) runWorker(workerData as WorkerInput);
