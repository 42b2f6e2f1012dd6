/**
 * OWNERS conformance over the real corpora: runs the CLI `owners` on every FILES.txt path of
 * ../shared/corpus/{community,test-infra,enhancements,prow} and checks what the spec lets us derive by reasoning
 * (owners.md §3, §7, §8). Prints a summary; exits 1 on any violation. Skips when the corpus is absent.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { OwnersReport } from '../server/src/core/owners/report';

const repoRoot = path.resolve(__dirname, '..');
const corpus = path.resolve(process.argv.includes('--corpus') ? process.argv[process.argv.indexOf('--corpus') + 1] : path.join(repoRoot, '..', 'shared', 'corpus'));
if (!fs.existsSync(corpus)) {
  console.log(`owners conformance: skipped (no corpus at ${corpus})`);
  process.exit(0);
}

let failures = 0;
const fail = (msg: string) => {
  failures++;
  if (failures <= 30) console.log(`  FAIL ${msg}`);
};

function sortedGo(a: string[]): boolean {
  for (let i = 1; i < a.length; i++) if (Buffer.compare(Buffer.from(a[i - 1]), Buffer.from(a[i])) >= 0) return false;
  return true;
}

function ownersDirs(root: string): Set<string> {
  const out = new Set<string>();
  const files = fs.readFileSync(path.join(root, 'FILES.txt'), 'utf8').split('\n').filter(Boolean);
  for (const f of files) if (path.posix.basename(f) === 'OWNERS') out.add(path.posix.dirname(f) === '.' ? '' : path.posix.dirname(f));
  return out;
}

function checkRepo(name: string): OwnersReport[] {
  const root = path.join(corpus, name);
  const list = path.join(root, 'FILES.txt');
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, [path.join(repoRoot, 'bin', 'kube-shepherd.js'), 'owners', '--root', root, '--files', list, '--format', 'json'], {
    encoding: 'utf8',
    maxBuffer: 512 * 1024 * 1024,
  });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (res.status !== 0) {
    fail(`${name}: exit ${res.status}: ${res.stderr}`);
    return [];
  }
  const paths = fs.readFileSync(list, 'utf8').split('\n').filter(Boolean);
  const reports = res.stdout.split('\n').filter(Boolean).map((l) => JSON.parse(l) as OwnersReport);
  if (reports.length !== paths.length) fail(`${name}: ${reports.length} answers for ${paths.length} paths`);
  const dirs = ownersDirs(root);
  const keys = ['path', 'approvers', 'reviewers', 'leafApprovers', 'leafReviewers', 'requiredReviewers', 'labels', 'approverOwnersFile', 'reviewerOwnersFile'];
  reports.forEach((r, i) => {
    if (r.path !== paths[i]) fail(`${name}: answer ${i} is for ${r.path}, expected ${paths[i]}`);
    if (JSON.stringify(Object.keys(r)) !== JSON.stringify(keys)) fail(`${name}: keys ${Object.keys(r)}`);
    for (const role of ['approvers', 'reviewers'] as const) {
      const layers = r[role];
      if (layers.length > 0 && layers[layers.length - 1].length === 0) fail(`${name}: ${r.path} ${role} has a trailing empty layer`);
      const seen = new Set<string>();
      for (const l of layers) {
        if (!sortedGo(l)) fail(`${name}: ${r.path} ${role} layer not sorted`);
        for (const x of l) {
          if (seen.has(x)) fail(`${name}: ${r.path} ${role}: ${x} in two layers`);
          seen.add(x);
        }
      }
      const leaf = role === 'approvers' ? r.leafApprovers : r.leafReviewers;
      const first = layers.find((l) => l.length > 0) ?? [];
      if (JSON.stringify(first) !== JSON.stringify(leaf)) fail(`${name}: ${r.path} leaf ${role} ≠ first non-empty layer`);
      // The file itself is never an OWNERS directory: layer 0 must be empty for these file paths.
      if (layers.length > 0 && layers[0].length > 0 && !dirs.has(r.path)) fail(`${name}: ${r.path} ${role} layer 0 non-empty`);
    }
    for (const k of ['approverOwnersFile', 'reviewerOwnersFile'] as const) {
      if (r[k] !== '' && !dirs.has(r[k])) fail(`${name}: ${r.path} ${k} ${r[k]} has no OWNERS file`);
    }
    if (!sortedGo(r.labels) || !sortedGo(r.requiredReviewers)) fail(`${name}: ${r.path} unsorted set`);
    // §3.3: the closest approver OWNERS directory contributes the leaf approvers (its layer = its depth distance).
    if (r.approverOwnersFile !== '' && r.leafApprovers.length === 0) fail(`${name}: ${r.path} approver OWNERS without leaf approvers`);
  });
  const withApprovers = reports.filter((r) => r.leafApprovers.length > 0).length;
  console.log(`  ${name}: ${reports.length} paths answered in ${ms.toFixed(0)} ms; ${withApprovers} with approvers; ${dirs.size} OWNERS files`);
  return reports;
}

console.log('owners conformance');
const byRepo: Record<string, OwnersReport[]> = {};
for (const name of ['community', 'test-infra', 'enhancements', 'prow']) {
  if (fs.existsSync(path.join(corpus, name, 'FILES.txt'))) byRepo[name] = checkRepo(name);
}

// Facts from owners.md §7/§8 that must show in the answers.
const find = (repo: string, p: string) => byRepo[repo]?.find((r) => r.path === p);
const ti = byRepo['test-infra'] ?? [];
if (ti.length) {
  // Labels stop at no_parent_owners directories (Prow's entriesForFile), so only files outside them inherit sig/testing.
  const cut = ['config/jobs/kubernetes/sig-k8s-infra/trusted/', 'config/jobs/image-pushing/', 'config/tests/jobs/'];
  const noSigTesting = ti.filter((r) => !r.labels.includes('sig/testing') && !cut.some((c) => r.path.startsWith(c))).length;
  if (noSigTesting > 0) fail(`test-infra: ${noSigTesting} files outside no_parent_owners dirs do not inherit sig/testing (§7)`);
  console.log(`  test-infra: ${ti.filter((r) => !r.labels.includes('sig/testing')).length} files inside no_parent_owners dirs stop before the root's sig/testing`);
  const multi = ti.filter((r) => r.labels.filter((l) => l.startsWith('sig/')).length >= 2).length;
  console.log(`  test-infra: ${multi} files get ≥2 sig/* labels (label accumulation, §8.9)`);
}
const pm = (byRepo['community'] ?? []).find((r) => r.path.startsWith('archive/sig-pm/') && r.path !== 'archive/sig-pm/OWNERS');
if (pm && !pm.leafApprovers.includes('sig-pm-leads')) fail(`community: undefined alias sig-pm-leads must stay a login (§2, §8.1), got ${pm.leafApprovers}`);
const charter = (byRepo['community'] ?? []).find((r) => /^sig-[^/]+\/charter\.md$/i.test(r.path));
if (charter && !charter.requiredReviewers.includes('kubernetes/steering-committee')) fail(`community: (?i)charter.md filter must require kubernetes/steering-committee on ${charter.path}`);
const scen = find('test-infra', 'scenarios/OWNERS');
if (scen && !scen.leafApprovers.includes('bentheelder')) fail('test-infra: scenarios approver+emeritus bentheelder must still approve (§8.5)');

console.log(failures === 0 ? 'owners conformance: OK' : `owners conformance: ${failures} failures`);
process.exit(failures === 0 ? 0 : 1);
