/**
 * Walks a directory like Go's filepath.Walk as Prow uses it: lexical order, never follows symlinks (only regular
 * files and real directories), skips denylisted directories with their subtree, and carries on past unreadable
 * directories, reporting them.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { DirDenylist } from '../core/owners/discovery';

export interface ScanResult {
  /** Repository-relative paths of regular files, forward slashes. */
  files: string[];
  /** Directories that could not be read, with the reason. */
  unreadable: { dir: string; error: string }[];
  /** Denylisted directories that were skipped with their subtree. */
  skipped: string[];
}

export interface ScanOptions {
  denylist?: DirDenylist;
  /** Directory names never entered, whatever Prow does (e.g. node_modules for speed); empty by default. */
  alwaysSkip?: ReadonlySet<string>;
}

export function scanTree(root: string, opts: ScanOptions = {}): ScanResult {
  const files: string[] = [];
  const unreadable: ScanResult['unreadable'] = [];
  const skipped: string[] = [];
  const stack: string[] = [''];
  if (opts.denylist?.matchesDir('')) return { files, unreadable, skipped: [''] };
  while (stack.length > 0) {
    const rel = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(rel === '' ? root : path.join(root, rel), { withFileTypes: true });
    } catch (e) {
      unreadable.push({ dir: rel, error: (e as NodeJS.ErrnoException).code ?? String(e) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subdirs: string[] = [];
    for (const ent of entries) {
      const p = rel === '' ? ent.name : joinFlat(rel, ent.name);
      let isDir = ent.isDirectory();
      let isFile = ent.isFile();
      if (!isDir && !isFile && !ent.isSymbolicLink() && !ent.isFIFO() && !ent.isSocket() && !ent.isBlockDevice() && !ent.isCharacterDevice()) {
        // Some file systems report no type in readdir (DT_UNKNOWN): ask lstat, as filepath.Walk does.
        try {
          const st = fs.lstatSync(path.join(root, p));
          isDir = st.isDirectory();
          isFile = st.isFile();
        } catch {
          continue;
        }
      }
      if (isDir) {
        if (opts.alwaysSkip?.has(ent.name)) continue;
        if (opts.denylist?.matchesDir(p)) {
          skipped.push(p);
          continue;
        }
        subdirs.push(p);
      } else if (isFile) {
        files.push(p);
      }
    }
    for (let i = subdirs.length - 1; i >= 0; i--) stack.push(subdirs[i]);
  }
  return { files, unreadable, skipped };
}

/**
 * `dir + '/' + name` as one flat string. Plain concatenation makes V8 keep a rope (two cons cells pointing at the
 * directory string and the Dirent's name) for every file, which costs ~50 bytes per path more than the flat string
 * and keeps every name alive: on a 1M-file tree that is ~50 MB of the index's heap (issue #7).
 */
function joinFlat(dir: string, name: string): string {
  return [dir, name].join('/');
}

/** Reads a file as UTF-8 text; undefined if it is missing, not a regular file, too large, or not valid UTF-8. */
export function readText(absPath: string, maxBytes = 4 * 1024 * 1024): { text?: string; problem?: string } {
  const r = readBytes(absPath, maxBytes);
  return r.bytes ? decodeUtf8(r.bytes) : { problem: r.problem };
}

/**
 * readText, with the file's bytes when they are exactly the UTF-8 encoding of the text (no byte-order mark was
 * dropped), for a consumer that works on bytes (the TOC check) and need not encode the text again.
 */
export function readTextWithBytes(absPath: string, maxBytes = 4 * 1024 * 1024): { text?: string; bytes?: Uint8Array; problem?: string } {
  const r = readBytes(absPath, maxBytes);
  if (!r.bytes) return { problem: r.problem };
  const decoded = decodeUtf8(r.bytes);
  const b = r.bytes;
  const bom = b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf;
  // A plain Uint8Array view: consumers index it in hot loops, where a Buffer would be a second receiver shape.
  return decoded.text !== undefined && !bom ? { text: decoded.text, bytes: new Uint8Array(b.buffer, b.byteOffset, b.length) } : decoded;
}

function readBytes(absPath: string, maxBytes: number): { bytes?: Buffer; problem?: string } {
  let st: fs.Stats;
  try {
    st = fs.lstatSync(absPath);
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
  if (!st.isFile()) return { problem: 'not a regular file' };
  if (st.size > maxBytes) return { problem: `file is ${st.size} bytes, over the ${maxBytes}-byte limit` };
  try {
    return { bytes: fs.readFileSync(absPath) };
  } catch (e) {
    return { problem: (e as NodeJS.ErrnoException).code ?? 'unreadable' };
  }
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

export function decodeUtf8(buf: Uint8Array): { text?: string; problem?: string } {
  try {
    let text = strictUtf8.decode(buf);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch {
    return { problem: 'not valid UTF-8' };
  }
}
