/**
 * Which files kepval looks at (pkg/repo/validate.go's filepath.Walk over `keps/`), replayed over the snapshot's file
 * list: lexical byte order; every directory named `prod-readiness` skipped; in a directory holding `kep.yaml`, reaching
 * `kep.yaml` queues it and skips the rest of that directory (entries sorting after it, subdirectories included); a
 * `README.md` outside `keps/` itself with no `kep.yaml` beside it is an error.
 */
import { goCompare } from '../gostrings';
import type { RepoSnapshot } from '../snapshot';

export const KEPS_DIR = 'keps';
export const PRR_DIR = 'keps/prod-readiness';
export const TEMPLATE_README = 'keps/NNNN-kep-template/README.md';
export const PRR_TEMPLATE_DIR = 'keps/prod-readiness/template';

/**
 * Template KEP directories (keps/NNNN-kep-template, keps/sig-cloud-provider/providers/0000-cloud-provider-template):
 * a placeholder or all-zero number and a name ending in `template`. CI validates them like any KEP, so their CI errors
 * stay, but their placeholder content (sig-xyz, TBD, yyyy-mm-dd, 0000) is not worth a warning. A real KEP about
 * templates (5978-cluster-resource-claim-template) has a real number.
 */
export function isTemplateKepDir(dir: string): boolean {
  return /^(?:N+|0+)-.*template$/i.test(dir.slice(dir.lastIndexOf('/') + 1));
}

/** keps/prod-readiness/template/**: the PRR template, which kepval never parses (nothing points at it). */
export function isPrrTemplate(path: string): boolean {
  return path.startsWith(PRR_TEMPLATE_DIR + '/');
}

interface DirNode {
  files: Set<string>;
  dirs: Map<string, DirNode>;
}

export interface KepLayout {
  /** kep.yaml files repo.Validate decodes, in walk order. */
  kepYamls: string[];
  /** README.md files that make repo.Validate fail for lack of a kep.yaml beside them. */
  readmesWithoutKep: string[];
  /** kep.yaml files under keps/ that the walk never reaches (skipped dirs, or after a kep.yaml in its directory). */
  unvalidatedKepYamls: string[];
  /** Every kep.yaml under keps/ (what the SIG Node walks see: they do not skip anything). */
  allKepYamls: string[];
  /** `prod-readiness` directories other than keps/prod-readiness (skipped, with everything inside). */
  strayProdReadinessDirs: string[];
  /** PRR files: *.yaml under keps/prod-readiness/. */
  prrFiles: string[];
  /** Markdown files under keps/, `.md` in any case (for the README rules). */
  readmes: string[];
  /** KEP directories (containing kep.yaml), for link resolution. */
  kepDirs: Set<string>;
}

/** Whether the snapshot looks like kubernetes/enhancements (so that KEP rules apply at all). */
export function hasKepTree(snapshot: RepoSnapshot): boolean {
  if (snapshot.files.has(TEMPLATE_README)) return true;
  for (const f of snapshot.files) if (f.startsWith('keps/') && f.endsWith('/kep.yaml')) return true;
  return false;
}

function buildTree(files: Iterable<string>): DirNode {
  const root: DirNode = { files: new Set(), dirs: new Map() };
  for (const f of files) {
    if (!f.startsWith('keps/')) continue;
    const parts = f.slice('keps/'.length).split('/');
    let node = root;
    for (let i = 0; i < parts.length - 1; i++) {
      let next = node.dirs.get(parts[i]);
      if (!next) {
        next = { files: new Set(), dirs: new Map() };
        node.dirs.set(parts[i], next);
      }
      node = next;
    }
    node.files.add(parts[parts.length - 1]);
  }
  return root;
}

export function kepLayout(snapshot: RepoSnapshot): KepLayout {
  const tree = buildTree(snapshot.files);
  const layout: KepLayout = {
    kepYamls: [],
    readmesWithoutKep: [],
    unvalidatedKepYamls: [],
    allKepYamls: [],
    strayProdReadinessDirs: [],
    prrFiles: [],
    readmes: [],
    kepDirs: new Set(),
  };
  const reached = new Set<string>();
  walk(tree, KEPS_DIR, layout, reached, false);
  for (const k of layout.allKepYamls) if (!reached.has(k)) layout.unvalidatedKepYamls.push(k);
  return layout;
}

function walk(node: DirNode, dir: string, layout: KepLayout, reached: Set<string>, skipped: boolean): void {
  const hasKep = node.files.has('kep.yaml');
  if (hasKep) {
    layout.allKepYamls.push(`${dir}/kep.yaml`);
    layout.kepDirs.add(dir);
  }
  const entries: { name: string; dir: boolean }[] = [];
  for (const f of node.files) entries.push({ name: f, dir: false });
  for (const d of node.dirs.keys()) entries.push({ name: d, dir: true });
  entries.sort((a, b) => goCompare(a.name, b.name));
  let skipRest = skipped;
  for (const e of entries) {
    const path = `${dir}/${e.name}`;
    if (e.dir) {
      const child = node.dirs.get(e.name)!;
      const isPrr = e.name === 'prod-readiness';
      if (isPrr && path !== PRR_DIR) layout.strayProdReadinessDirs.push(path);
      if (path === PRR_DIR) collectPrr(child, path, layout);
      walk(child, path, layout, reached, skipRest || isPrr || skipped);
      continue;
    }
    // Any case of `.md` (README.MD gets the kep/readme-case warning; find -name '*.md' and kepval ignore it).
    if (e.name.toLowerCase().endsWith('.md')) layout.readmes.push(path);
    if (skipRest) continue;
    if (hasKep && e.name === 'kep.yaml') {
      layout.kepYamls.push(path);
      reached.add(path);
      skipRest = true;
      continue;
    }
    if (e.name === 'README.md' && dir !== KEPS_DIR && !hasKep) layout.readmesWithoutKep.push(path);
  }
}

function collectPrr(node: DirNode, dir: string, layout: KepLayout): void {
  for (const f of node.files) if (f.endsWith('.yaml')) layout.prrFiles.push(`${dir}/${f}`);
  for (const [name, child] of node.dirs) collectPrr(child, `${dir}/${name}`, layout);
}

/** What repo.NewRepo requires before validating anything; each missing piece fails the whole check. */
export function missingLayout(snapshot: RepoSnapshot): string[] {
  const missing: string[] = [];
  const hasDir = (d: string) => {
    for (const f of snapshot.files) if (f.startsWith(d + '/')) return true;
    return false;
  };
  if (!hasDir(PRR_DIR)) missing.push(PRR_DIR + '/');
  if (!snapshot.files.has('keps/README.md')) missing.push('keps/README.md');
  if (!snapshot.files.has(TEMPLATE_README)) missing.push(TEMPLATE_README);
  return missing;
}
