/**
 * Owning-SIG conformance over the real corpora (`node --import tsx scripts/conformance-sigs.ts`): the owning SIG of
 * every FILES.txt path of ../shared/corpus/community and ../shared/corpus/test-infra, with community's sigs.yaml and
 * the repositories' own identity (kubernetes/community, kubernetes/test-infra). Prints the distribution (via sigs.yaml
 * subproject / labels / alias hint / none) and the per-OWNERS-file mapping table of owners.md §7, and checks it
 * against the numbers there (a difference is reported as a note: the table classifies OWNERS files, the rule files).
 * Exits 1 when any file has no owning SIG (owners.md: "neither: 0"); prints "skipped" without the corpus.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { canonicalize, goDir } from '../server/src/core/gopath';
import { ownershipOf } from '../server/src/core/sigs/ownership';
import { subprojectIndex } from '../server/src/core/sigs/owningSig';
import { groupLabelCategory, parseSigsModel } from '../server/src/core/sigs/sigsModel';
import { OwnersIndex } from '../server/src/workspace/ownersIndex';
import { readText } from '../server/src/workspace/scan';

const repoRoot = path.resolve(__dirname, '..');
const corpus = path.join(repoRoot, '..', 'shared', 'corpus');
if (!fs.existsSync(path.join(corpus, 'community', 'sigs.yaml'))) {
  console.log(`sigs conformance: skipped (no corpus at ${corpus})`);
  process.exit(0);
}

/** owners.md §7 "OWNERS → SIG mapping" (loaded OWNERS files). */
const EXPECTED: Record<string, Record<string, number>> = {
  community: { 'listed+own label': 10, 'listed only': 6, 'own label only': 80, 'inherited label only': 15, 'ancestor listed only': 3, neither: 0 },
  'test-infra': { 'listed+own label': 5, 'listed only': 1, 'own label only': 82, 'inherited label only': 151, 'ancestor listed only': 0, neither: 0 },
};

const model = parseSigsModel(fs.readFileSync(path.join(corpus, 'community', 'sigs.yaml'), 'utf8'));
let failures = 0;
let notes = 0;

for (const name of ['community', 'test-infra']) {
  const root = path.join(corpus, name);
  const files = fs.readFileSync(path.join(root, 'FILES.txt'), 'utf8').split('\n').filter(Boolean);
  const t0 = process.hrtime.bigint();
  const index = OwnersIndex.build(files, (p) => readText(path.join(root, p)));
  const subprojects = subprojectIndex(model, { remotes: [{ name: 'upstream', org: 'kubernetes', repo: name }] });
  const via: Record<string, number> = { subproject: 0, labels: 0, alias: 0, none: 0 };
  const multi = { files: 0 };
  const none: string[] = [];
  const top = new Map<string, number>();
  for (const f of files) {
    const o = ownershipOf(index.queries, index.owners, f, { model, subprojects });
    via[o.owning.via]++;
    if (o.owning.groups.length > 1) multi.files++;
    if (o.owning.via === 'none') none.push(f);
    const first = o.owning.groups[0];
    if (first) top.set(first.id, (top.get(first.id) ?? 0) + 1);
  }
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;

  // The per-OWNERS-file table of owners.md §7.
  const table: Record<string, number> = { 'listed+own label': 0, 'listed only': 0, 'own label only': 0, 'inherited label only': 0, 'ancestor listed only': 0, neither: 0 };
  for (const src of index.owners.sourcePaths()) {
    const dir = canonicalize(goDir(src));
    const f = index.owners.source(src)!.file;
    const unconditional = f.mode === 'simple' ? f.simple?.labels ?? [] : (f.filters ?? []).filter((x) => x.pattern === '.*').flatMap((x) => x.config.labels ?? []);
    const own = unconditional.some((l) => groupLabelCategory(l.value));
    const listed = subprojects.byDir.has(dir);
    const probe = dir === '' ? 'probe-file' : `${dir}/probe-file`;
    const inherited = [...index.queries.findLabelsForFile(probe)].some((l) => groupLabelCategory(l) && !unconditional.some((u) => u.value === l));
    const ancestorListed = index.owners.ancestorKeys(dir).slice(1).some((k) => subprojects.byDir.has(k));
    const cat = listed ? (own ? 'listed+own label' : 'listed only') : own ? 'own label only' : inherited ? 'inherited label only' : ancestorListed ? 'ancestor listed only' : 'neither';
    table[cat]++;
  }

  console.log(`\n${name}: ${files.length} files, ${index.owners.sourcePaths().length} OWNERS files, matched as ${subprojects.how ?? 'nothing'} (${ms.toFixed(0)} ms)`);
  console.log(`  owning SIG of every file: via sigs.yaml subproject ${via.subproject}, via labels ${via.labels}, via alias hint ${via.alias}, none ${via.none}; ${multi.files} files with more than one group`);
  console.log(`  most common first group: ${[...top.entries()].sort((a, b) => b[1] - a[1]).slice(0, 6).map(([k, v]) => `${k} ${v}`).join(', ')}`);
  console.log('  OWNERS → SIG mapping (owners.md §7):');
  for (const [k, v] of Object.entries(table)) {
    const want = EXPECTED[name][k];
    const ok = v === want;
    if (!ok) notes++;
    console.log(`    ${ok ? 'same' : 'DIFF'} ${k.padEnd(22)} ${String(v).padStart(4)}  (owners.md: ${want})`);
  }
  if (via.none > 0) {
    failures++;
    console.log(`  FAIL ${via.none} files without an owning SIG, e.g. ${none.slice(0, 5).join(', ')}`);
  }
}

console.log(`\nsigs conformance: ${failures === 0 ? 'passed (every file has an owning SIG)' : `${failures} failures`}${notes ? `; ${notes} table rows differ from owners.md §7` : ''}`);
process.exit(failures === 0 ? 0 : 1);
