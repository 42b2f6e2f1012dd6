'use strict';
/**
 * Loads the CLI bundle (dist/cli.js, ~2 MB) with a V8 code cache. Node 20 has no module compile cache, and compiling
 * the bundle (plus every function compiled lazily while a command runs) costs a noticeable part of a short `check`.
 * The bundle is compiled through vm.Script with `cachedData`; when there is no usable cache, the data is produced at
 * exit (after the command ran, so it holds the functions that command compiled, hence one cache per command) and
 * written for the next run.
 *
 * The cache is an optimisation only: whatever goes wrong before the bundle starts (unreadable or corrupt cache,
 * unwritable directory, vm failure) falls back to a plain compile or a plain `require`. A cache file is named by the
 * bundle's content hash, Node's version and the CPU architecture (V8 itself only checks the source length), and it
 * carries a SHA-256 of its payload, checked before V8 sees it (release V8 builds do not checksum code caches).
 *
 * Environment: KUBE_SHEPHERD_CODE_CACHE=0 turns it off; KUBE_SHEPHERD_CACHE_DIR chooses the directory;
 * KUBE_SHEPHERD_CODE_CACHE_DEBUG=1 reports what happened on stderr (tests use it).
 */
const crypto = require('node:crypto');
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');
const vm = require('node:vm');

const MAGIC = Buffer.from('KSCC0001');
const DIGEST = 32;
const HEAD = '(function (exports, require, module, __filename, __dirname) { ';
const TAIL = '\n})';
/** Commands with a cache of their own (anything else shares "other"). */
const COMMANDS = new Set(['check', 'owners', 'suggest', 'lsp', 'demo']);
/** Cache files kept in one directory (old bundles' files are removed beyond that). */
const KEEP = 12;

function debug(msg) {
  if (process.env.KUBE_SHEPHERD_CODE_CACHE_DEBUG === '1') process.stderr.write(`kube-shepherd code cache: ${msg}\n`);
}

/**
 * The cache directory: KUBE_SHEPHERD_CACHE_DIR, else node_modules/.cache/kube-shepherd of the package when it has a
 * node_modules directory (a checkout), else a directory of this user's own under the system temp directory. A shared
 * directory others could write to is refused: a code cache is code.
 */
function cacheDir(packageRoot) {
  const configured = process.env.KUBE_SHEPHERD_CACHE_DIR;
  if (configured) return path.resolve(configured);
  const nm = path.join(packageRoot, 'node_modules');
  if (fs.existsSync(nm)) return path.join(nm, '.cache', 'kube-shepherd');
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  return path.join(os.tmpdir(), `kube-shepherd-cache-${uid ?? os.userInfo().username}`);
}

/** Throws unless `dir` is a directory only this user can write to (checked before reading and before writing). */
function checkPrivate(dir) {
  const st = fs.statSync(dir);
  if (!st.isDirectory()) throw new Error(`${dir} is not a directory`);
  if (typeof process.getuid === 'function' && (st.uid !== process.getuid() || (st.mode & 0o022) !== 0)) {
    throw new Error(`${dir} is not private to this user`);
  }
}

function ensurePrivateDir(dir) {
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  checkPrivate(dir);
}

/** The verified V8 payload of a cache file, or undefined (missing, truncated, corrupt). */
function readCache(file) {
  let buf;
  try {
    buf = fs.readFileSync(file);
  } catch {
    return undefined;
  }
  if (buf.length <= MAGIC.length + DIGEST || !buf.subarray(0, MAGIC.length).equals(MAGIC)) return 'corrupt';
  const payload = buf.subarray(MAGIC.length + DIGEST);
  const digest = crypto.createHash('sha256').update(payload).digest();
  return digest.equals(buf.subarray(MAGIC.length, MAGIC.length + DIGEST)) ? payload : 'corrupt';
}

function writeCache(dir, file, data) {
  ensurePrivateDir(dir);
  const digest = crypto.createHash('sha256').update(data).digest();
  const tmp = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(tmp, Buffer.concat([MAGIC, digest, data]), { mode: 0o600 });
  fs.renameSync(tmp, file); // atomic: a concurrent run reads the old file or the new one, never half of one
  prune(dir, file);
}

/** Removes the oldest cache files beyond KEEP (older bundles, other Node versions), and stale temporary files. */
function prune(dir, keep) {
  for (const f of fs.readdirSync(dir)) {
    const p = path.join(dir, f);
    if (f.endsWith('.tmp') && Date.now() - fs.statSync(p).mtimeMs > 600_000) fs.rmSync(p, { force: true });
  }
  const files = fs
    .readdirSync(dir)
    .filter((f) => f.startsWith('cli-') && f.endsWith('.cache'))
    .map((f) => path.join(dir, f))
    .filter((f) => f !== keep)
    .map((f) => ({ f, t: fs.statSync(f).mtimeMs }))
    .sort((a, b) => b.t - a.t);
  for (const { f } of files.slice(KEEP - 1)) fs.rmSync(f, { force: true });
}

/**
 * Runs the bundle at `bundle` as `require(bundle)` would, compiled with a code cache when possible. With
 * `{ write: false }` (the CLI's worker threads) an existing cache is used but none is written: the command's own
 * process writes it, from the functions that command compiled.
 */
function runBundle(bundle, command, { write = true } = {}) {
  const file = path.resolve(bundle);
  // Source-mapped stack traces need Node's own loader (vm.Script sources are not source-mapped in Node 20).
  if (process.env.KUBE_SHEPHERD_CODE_CACHE === '0' || process.sourceMapsEnabled) return require(file);
  let script;
  let cacheFile;
  let dir;
  let state;
  try {
    const source = fs.readFileSync(file, 'utf8');
    dir = cacheDir(path.resolve(path.dirname(file), '..'));
    const hash = crypto.createHash('sha256').update(source).digest('hex').slice(0, 24);
    const tag = COMMANDS.has(command) ? command : 'other';
    cacheFile = path.join(dir, `cli-${hash}-${process.version}-${process.arch}-${tag}.cache`);
    if (fs.existsSync(dir)) checkPrivate(dir);
    const cached = readCache(cacheFile);
    const options = { filename: file, columnOffset: -HEAD.length };
    if (cached && cached !== 'corrupt') options.cachedData = cached;
    // import() inside the bundle resolves as it would in a CommonJS module.
    if (vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER) options.importModuleDynamically = vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER;
    script = new vm.Script(HEAD + source + TAIL, options);
    state = cached === undefined ? 'miss' : cached === 'corrupt' ? 'corrupt' : script.cachedDataRejected ? 'rejected' : 'hit';
  } catch (e) {
    debug(`unavailable (${e && e.message}), plain require`);
    return require(file);
  }
  debug(state);
  if (state !== 'hit' && write) {
    process.once('exit', () => {
      try {
        writeCache(dir, cacheFile, script.createCachedData());
        debug(`wrote ${cacheFile}`);
      } catch (e) {
        debug(`not written (${e && e.message})`);
      }
    });
  }
  const mod = new Module(file, module);
  mod.filename = file;
  mod.paths = Module._nodeModulePaths(path.dirname(file));
  Module._cache[file] = mod;
  try {
    script.runInThisContext().call(mod.exports, mod.exports, Module.createRequire(file), mod, file, path.dirname(file));
  } catch (e) {
    delete Module._cache[file];
    throw e;
  }
  mod.loaded = true;
  return mod.exports;
}

module.exports = { runBundle };
