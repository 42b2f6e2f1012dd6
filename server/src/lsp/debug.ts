/**
 * `shepherd/debug/memory`: the server's memory after a full GC when the server runs with --expose-gc (soak tests and
 * benchmarks measure growth, not garbage not yet collected).
 */
import type { Connection } from 'vscode-languageserver/node';

export function registerDebugMemory(connection: Connection): void {
  connection.onRequest('shepherd/debug/memory', () => {
    const gc = (globalThis as { gc?: () => void }).gc;
    if (gc) {
      gc();
      gc();
    }
    return { collected: !!gc, ...process.memoryUsage() };
  });
}
