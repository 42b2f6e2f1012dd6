import * as assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { SERVER_JS } from '../support/lspClient';

/** `check --format json` of root, with the TOC worker thread forced on or off; exit status and output. */
function check(root: string, worker: '0' | '1'): { status: number; out: string } {
  try {
    const out = execFileSync(process.execPath, [SERVER_JS, 'check', '--root', root, '--format', 'json', '--today', '2026-01-01'], {
      encoding: 'utf8',
      env: { ...process.env, KUBE_SHEPHERD_TOC_WORKER: worker },
    });
    return { status: 0, out };
  } catch (e) {
    const err = e as { status: number; stdout: string };
    return { status: err.status, out: err.stdout };
  }
}

describe('mdtoc: check computes TOC findings on a worker thread with the same answers', function () {
  this.timeout(120_000);
  let root: string;

  before(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'ks-toc-worker-'));
    const write = (rel: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
      fs.writeFileSync(path.join(root, rel), text);
    };
    write('keps/sig-x/1-stale/README.md', '# KEP-1: Stale\n\n<!-- toc -->\n- [Old](#old)\n<!-- /toc -->\n\n## Summary\n### Goals\n');
    write('keps/sig-x/2-fresh/README.md', '# KEP-2: Fresh\n\n<!-- toc -->\n- [Summary](#summary)\n<!-- /toc -->\n\n## Summary\n');
    write('keps/sig-x/3-split/README.md', '<!-- toc -->\n<!-- /toc -->Title\n===\n## B\n');
    write('keps/sig-x/4-notes/notes.md', '# Notes without tags\n');
    write('keps/sig-x/5-crlf/README.md', '<!-- toc -->\r\n<!-- /toc -->\r\n\r\n## Café `x`\r\n');
  });

  after(() => fs.rmSync(root, { recursive: true, force: true }));

  it('reports the same diagnostics, byte for byte, with and without the worker', () => {
    const withWorker = check(root, '1');
    const without = check(root, '0');
    assert.equal(withWorker.out, without.out);
    assert.equal(withWorker.status, without.status);
    const toc = without.out
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { file: string; code: string })
      .filter((d) => d.code.startsWith('kep/toc-'))
      .map((d) => `${d.file} ${d.code}`);
    assert.deepEqual(toc.sort(), [
      'keps/sig-x/1-stale/README.md kep/toc-stale',
      'keps/sig-x/3-split/README.md kep/toc-stale',
      'keps/sig-x/4-notes/notes.md kep/toc-missing-start',
      'keps/sig-x/5-crlf/README.md kep/toc-stale',
    ]);
  });
});
