/**
 * Kube Shepherd in a real Neovim (Debian's 0.7+, `nvim --headless`): its built-in LSP client starts
 * `node dist/cli.js lsp --stdio` (init.lua, the setup docs/neovim.md documents), opens a broken OWNERS file and a
 * kep.yaml; the Lua side writes what Neovim received to a JSON file, asserted here. `npm run test:neovim`.
 */
import { strict as assert } from 'node:assert';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const repoRoot = path.resolve(__dirname, '..', '..');
const cli = path.join(repoRoot, 'dist', 'cli.js');
const sample = path.join(repoRoot, 'test', 'fixtures', 'sample-repo');

interface Diag {
  lnum: number;
  col: number;
  severity: number;
  message: string;
  code?: string;
}
interface NvimResult {
  errors: string[];
  hover_provider: unknown;
  owners_diagnostics: Diag[];
  kep_diagnostics: Diag[];
  owners_hover: { text?: string; empty?: boolean; error?: string };
  kep_hover: { text?: string; empty?: boolean; error?: string };
  owners_of: { sigs?: string[]; leafApprovers?: string[]; sigsVia?: string; error?: string };
  server_exit?: number;
}

/** KEP validation is part of the bundle once the KEP rules ship (their codes start with `kep/`). */
describe('Neovim (headless) with kube-shepherd lsp --stdio', function () {
  this.timeout(90_000);
  let result: NvimResult;
  let tmp: string;

  before(async function () {
    const v = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    if (v.status !== 0) throw new Error('nvim is not installed: run scripts/install-e2e.sh (apt-get install neovim)');
    assert.ok(fs.existsSync(cli), 'dist/cli.js missing: npm run build');
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-nvim-'));
    const out = path.join(tmp, 'result.json');
    const child = spawn('nvim', ['--headless', '-n', '-i', 'NONE', '-u', path.join(__dirname, 'init.lua')], {
      cwd: sample,
      env: { ...process.env, KS_ROOT: sample, KS_CLI: cli, KS_OUT: out, XDG_STATE_HOME: tmp, XDG_CACHE_HOME: tmp, XDG_DATA_HOME: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const code = await new Promise<number | null>((resolve) => {
      const timer = setTimeout(() => child.kill('SIGKILL'), 75_000);
      child.on('exit', (c) => {
        clearTimeout(timer);
        resolve(c);
      });
    });
    assert.ok(fs.existsSync(out), `Neovim wrote no result (exit ${code}): ${stderr}`);
    result = JSON.parse(fs.readFileSync(out, 'utf8')) as NvimResult;
    assert.deepEqual(result.errors, [], 'errors inside Neovim');
  });

  after(() => {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  });

  it('publishes diagnostics of the broken OWNERS file (YAML 1.1 `yes` as a login) at the right position', () => {
    const d = result.owners_diagnostics.find((x) => x.code === 'owners/yaml11-scalar');
    assert.ok(d, JSON.stringify(result.owners_diagnostics));
    assert.deepEqual([d.lnum, d.col], [1, 4]);
    assert.match(d.message, /YAML 1\.1/);
  });

  it('answers a hover on a login in OWNERS', () => {
    assert.ok(result.hover_provider, 'the server announces hoverProvider');
    assert.match(result.owners_hover.text ?? JSON.stringify(result.owners_hover), /docs-writer/);
  });

  it('kep.yaml: diagnostics for the sample KEP', () => {
    assert.ok(result.kep_diagnostics.length > 0, 'no diagnostics for kep.yaml (see-also points at a KEP that does not exist)');
  });

  it('answers the custom shepherd/ownersOf request from another editor', () => {
    assert.deepEqual(result.owners_of.sigs, ['sig-node', 'sig-architecture']);
    assert.deepEqual(result.owners_of.leafApprovers, ['dave', 'node-chair', 'node-lead']);
    assert.equal(result.owners_of.sigsVia, 'subproject');
  });

  it('shuts the server down cleanly', () => {
    assert.equal(result.server_exit, 0);
  });
});
