/**
 * `check` runs the TOC check of every `keps/**.md` (mdtoc's parse, about a quarter of a whole-tree check) on a second
 * thread while the main thread does everything else. The check is a pure function of each file's text, so the worker
 * reads the files itself and hands back each file's diagnostics; the main thread takes them at the end of its pass
 * and falls back to computing a file itself whenever the worker's answer is missing or was made from another text.
 * Files are claimed one at a time from a shared counter: when the main thread is done with its own pass before the
 * worker, it checks the files nobody has claimed yet itself, so both threads finish together.
 *
 * The worker is this same bundle started again (there is no separate worker file to ship): its module
 * initialisation sees `workerData`, does the job synchronously and exits before the CLI's `main` would run. Both sides
 * block on Atomics rather than await messages, because `check` is synchronous from start to end.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { isMainThread, MessageChannel, receiveMessageOnPort, Worker, workerData, type MessagePort } from 'node:worker_threads';
import type { Diagnostic } from '../core/diagnostics';
import { tocDiagnosticsOnce } from '../core/kep/tocRules';
import { readTextWithBytes } from '../workspace/scan';

const MARK = 'kube-shepherd-toc-worker';
/**
 * Slots of the shared flags: the file list is posted; the results are posted (1) or the worker failed (2); the index
 * of the next file to claim.
 */
const LIST = 0, RESULT = 1, NEXT = 2;

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
  /**
   * Checks the files not claimed yet on this thread with `check` while the worker finishes its own, then returns the
   * results of both threads (blocking until the worker is done; only this thread's when it failed or took too long).
   */
  results(check: (rel: string) => { length: number; diagnostics: Diagnostic[] } | undefined): TocResults | undefined;
}

/**
 * Starts the worker early (loading the bundle overlaps with the main thread's own start-up), or returns undefined
 * where a second thread cannot pay: not running from the bundle (tests load the TypeScript sources), or one core.
 * A busy machine is no reason to stay on one thread: files are shared out as the threads get to them, so the main
 * thread never waits for more than the file the worker holds, and a second thread gets its own share of the CPU.
 * KUBE_SHEPHERD_TOC_WORKER=1 or 0 forces the choice (tests compare both ways).
 */
export function spawnTocWorker(): TocWorkerHandle | undefined {
  if (!__filename.endsWith('.js')) return undefined;
  const forced = process.env.KUBE_SHEPHERD_TOC_WORKER;
  if (forced === '0') return undefined;
  if (forced !== '1') {
    const cores = typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length;
    if (cores < 2) return undefined;
  }
  const flags = new Int32Array(new SharedArrayBuffer(12));
  const { port1, port2 } = new MessageChannel();
  let worker: Worker;
  try {
    const input: WorkerInput = { mark: MARK, flags, port: port2 };
    // Its own stdout/stderr (never read): nothing the worker prints may reach the CLI's output.
    const options = { workerData: input, transferList: [port2], stdout: true, stderr: true };
    // Through the CLI's code cache loader when it is there (bin/ beside dist/): compiling the whole bundle again is
    // a good part of the worker's start. It only reads the cache the `check` process itself writes.
    const loader = path.join(__dirname, '..', 'bin', 'codeCache.js');
    worker = fs.existsSync(loader)
      ? new Worker(`require(${JSON.stringify(loader)}).runBundle(${JSON.stringify(__filename)}, 'check', { write: false });`, { ...options, eval: true })
      : new Worker(__filename, options);
  } catch {
    return undefined;
  }
  worker.unref();
  let list: string[] | undefined;
  return {
    start(root, files) {
      port1.postMessage({ root, files });
      list = files;
      Atomics.store(flags, LIST, 1);
      Atomics.notify(flags, LIST);
    },
    results(check) {
      if (!list) return undefined;
      const own: TocResults = new Map();
      let claimed = 0;
      for (let k = Atomics.add(flags, NEXT, 1); k < list.length; k = Atomics.add(flags, NEXT, 1)) {
        claimed++;
        const r = check(list[k]);
        if (r) own.set(list[k], r);
      }
      // Every file was claimed here (a small tree, or a worker slow to start): nothing to wait for.
      if (claimed === list.length) {
        port1.close();
        return own;
      }
      // Generous: the worker only finishes the file it holds; the timeout only guards against a worker that died.
      if (Atomics.wait(flags, RESULT, 0, 60_000) === 'timed-out' || Atomics.load(flags, RESULT) !== 1) {
        void worker.terminate();
        return own;
      }
      const msg = receiveMessageOnPort(port1);
      port1.close();
      const theirs = msg ? (msg.message as TocResults) : new Map();
      for (const [rel, r] of own) theirs.set(rel, r);
      return theirs;
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
      for (let k = Atomics.add(flags, NEXT, 1); k < files.length; k = Atomics.add(flags, NEXT, 1)) {
        const rel = files[k];
        const { text, bytes } = readTextWithBytes(path.join(root, ...rel.split('/')));
        // The file's bytes spare the TOC parser encoding the text again; with a CR the parser works on LF-only text.
        const textBytes = bytes && bytes.indexOf(13) < 0 ? bytes : undefined;
        if (text !== undefined) out.set(rel, { length: text.length, diagnostics: tocDiagnosticsOnce(rel, text, textBytes) });
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
