/**
 * What the pure core sees of a repository: the list of its files and a way to read the text of the few it needs.
 * Paths are repository-relative with forward slashes ("" is the root directory). The workspace layer implements it
 * over the disk or over open editor buffers; tests implement it over an object literal.
 */
export interface RepoSnapshot {
  /** Every file path of the repository (not directories), repository-relative. */
  readonly files: ReadonlySet<string>;
  /** Text of a file, or undefined when it does not exist / is not readable / is not text. */
  text(path: string): string | undefined;
}

/** A snapshot over an in-memory map, for tests and for the CLI's single-file mode. */
export class MemorySnapshot implements RepoSnapshot {
  readonly files: ReadonlySet<string>;
  constructor(private readonly contents: Record<string, string>, extraFiles: Iterable<string> = []) {
    this.files = new Set([...Object.keys(contents), ...extraFiles]);
  }
  text(path: string): string | undefined {
    return Object.prototype.hasOwnProperty.call(this.contents, path) ? this.contents[path] : undefined;
  }
}

/** Directory part of a repository-relative path ("" for top-level files). */
export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}
