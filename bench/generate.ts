/**
 * Deterministic generator of Kubernetes-shaped repositories for benchmarks: N files, M OWNERS files, with the
 * frequencies of the real corpora (owners.md §7): most OWNERS simple, ~1.5% with filters, ~2.5% no_parent_owners,
 * ~65% labels, ~20% emeritus_approvers, ~45% referencing aliases, a root OWNERS_ALIASES with ~50 groups.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { rng } from '../test/support/seededRandom';

export interface GeneratedTree {
  root: string;
  files: string[];
  ownersFiles: string[];
}

export function generateTree(root: string, fileCount: number, ownersCount: number, seed = 42): GeneratedTree {
  const rand = rng(seed);
  const pick = <T>(a: T[]) => a[Math.floor(rand() * a.length)];
  fs.rmSync(root, { recursive: true, force: true });
  fs.mkdirSync(root, { recursive: true });
  const people = Array.from({ length: 800 }, (_, i) => `user-${i.toString(36)}${i % 7 === 0 ? 'X' : ''}`);
  const aliasNames = Array.from({ length: 50 }, (_, i) => `sig-group${i}-leads`);
  const sigs = Array.from({ length: 30 }, (_, i) => `sig/group${i}`);
  // Directories: a tree whose depth resembles k/k (2–7 levels).
  const dirs: string[] = [''];
  const dirTarget = Math.max(ownersCount * 2, Math.ceil(fileCount / 12));
  while (dirs.length < dirTarget) {
    const parent = dirs[Math.floor(Math.pow(rand(), 1.5) * dirs.length)];
    if (parent.split('/').length >= 7) continue;
    dirs.push(parent === '' ? `d${dirs.length}` : `${parent}/d${dirs.length}`);
  }
  for (const d of dirs) fs.mkdirSync(path.join(root, d), { recursive: true });
  const ownersDirs = new Set<string>(['']);
  while (ownersDirs.size < ownersCount) ownersDirs.add(pick(dirs));
  const files: string[] = [];
  const ownersFiles: string[] = [];
  const list = (n: number) => Array.from({ length: n }, () => (rand() < 0.45 ? pick(aliasNames) : pick(people)));
  for (const d of ownersDirs) {
    const p = d === '' ? 'OWNERS' : `${d}/OWNERS`;
    const lines: string[] = ['# See the OWNERS docs at https://go.k8s.io/owners', ''];
    if (rand() < 0.015) {
      lines.push('filters:', '  ".*":', '    approvers:', ...list(3).map((l) => `      - ${l}`), '  "\\\\.go$":', '    reviewers:', ...list(2).map((l) => `      - ${l}`));
    } else {
      lines.push('approvers:', ...list(1 + Math.floor(rand() * 5)).map((l) => `  - ${l}`));
      lines.push('reviewers:', ...list(1 + Math.floor(rand() * 8)).map((l) => `  - ${l}`));
      if (rand() < 0.2) lines.push('emeritus_approvers:', ...list(2).map((l) => `  - ${l}`));
      if (rand() < 0.65) lines.push('labels:', `  - ${pick(sigs)}`, ...(rand() < 0.5 ? ['  - area/something'] : []));
    }
    if (d !== '' && rand() < 0.025) lines.push('options:', '  no_parent_owners: true');
    fs.writeFileSync(path.join(root, p), lines.join('\n') + '\n');
    files.push(p);
    ownersFiles.push(p);
  }
  const aliasLines = ['aliases:'];
  for (const a of aliasNames) aliasLines.push(`  ${a}:`, ...Array.from({ length: 2 + Math.floor(rand() * 6) }, () => `    - ${pick(people)}`));
  fs.writeFileSync(path.join(root, 'OWNERS_ALIASES'), aliasLines.join('\n') + '\n');
  files.push('OWNERS_ALIASES');
  const exts = ['.go', '.go', '.go', '_test.go', '.yaml', '.md', '.sh'];
  for (let i = 0; files.length < fileCount; i++) {
    const p = `${pick(dirs)}/f${i}${pick(exts)}`.replace(/^\//, '');
    fs.writeFileSync(path.join(root, p), '');
    files.push(p);
  }
  return { root, files, ownersFiles };
}
