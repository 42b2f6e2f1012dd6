/** `kube-shepherd demo`: the main job on the embedded sample workspace — owners of a few files, then diagnostics. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkCommand } from './checkCommand';
import { ownersCommand } from './ownersCommand';

export function demoCommand(argv: string[], out: (s: string) => void): number {
  const root = argv[0] ?? findSample();
  const sample = ['README.md', 'pkg/kubelet/kubelet.go', 'pkg/kubelet/cm/cpu_manager.go', 'docs/guide.md', 'keps/sig-node/1234-sample-kep/kep.yaml'];
  out(`Kube Shepherd — sample workspace ${root}\n\n== Owners ==\n`);
  ownersCommand(['--root', root, '--format', 'text', ...sample], out);
  out('\n== Diagnostics ==\n');
  checkCommand(['--root', root, '--format', 'text'], out);
  return 0;
}

function findSample(): string {
  for (const base of [process.cwd(), path.resolve(__dirname, '..')]) {
    const p = path.join(base, 'test', 'fixtures', 'sample-repo');
    if (fs.existsSync(p)) return p;
  }
  throw new Error('sample workspace test/fixtures/sample-repo not found');
}
