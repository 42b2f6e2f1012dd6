/**
 * kep.md §7.4: `replaces` and `superseded-by` should be reciprocal. When KEP A lists B under `superseded-by`, B should
 * list A under `replaces`, and the other way round. Nothing upstream checks it (kep.md §1.7), so this is a Warning,
 * reported on A's entry, with a quick fix that adds A to B's list (an edit in B's kep.yaml).
 *
 * Only entries that resolve to a KEP directory are compared (free text and broken paths have their own lints), and
 * only against a counterpart whose kep.yaml decodes; template KEPs are left out on both sides.
 */
import type { Diagnostic, Fix, TextEdit } from '../diagnostics';
import type { KepRun } from './context';
import { field, makeDiagnostic } from './diag';
import type { GoStruct } from './goDecode';
import type { V3Node } from './goYamlV3';
import { isTemplateKepDir } from './kepFiles';
import type { KepFile } from './kepYaml';
import { nodeRange, spanRange } from './strictFile';

type LinkKey = 'replaces' | 'superseded-by';
const COUNTERPART: Record<LinkKey, LinkKey> = { replaces: 'superseded-by', 'superseded-by': 'replaces' };

/** The KEP directories a link list names (via `toDir`, which resolves one entry or gives undefined). */
function linkedDirs(p: GoStruct, key: LinkKey, toDir: (v: string) => string | undefined): Set<string> {
  const out = new Set<string>();
  const f = field(p, key);
  if (!f || f.node.kind !== 'seq') return out;
  for (const item of f.node.items) {
    if (item.kind !== 'scalar') continue;
    const d = toDir(item.value.trim());
    if (d !== undefined) out.add(d);
  }
  return out;
}

export function reciprocityLints(run: KepRun, kep: KepFile, p: GoStruct, toDir: (v: string) => string | undefined): Diagnostic[] {
  const out: Diagnostic[] = [];
  if (isTemplateKepDir(kep.dir)) return out;
  for (const key of ['superseded-by', 'replaces'] as const) {
    const f = field(p, key);
    if (!f || f.node.kind !== 'seq') continue;
    const other = COUNTERPART[key];
    for (const item of f.node.items) {
      if (item.kind !== 'scalar') continue;
      const target = toDir(item.value.trim());
      if (target === undefined || target === kep.dir || isTemplateKepDir(target) || !run.layout.kepDirs.has(target)) continue;
      const them = run.kep(`${target}/kep.yaml`);
      const tp = them && them.problems.length === 0 ? them.proposal : undefined;
      if (!them || !tp) continue;
      if (linkedDirs(tp, other, toDir).has(kep.dir)) continue;
      const fix = addEntryFix(them, tp, other, `/${kep.dir}`);
      const message = key === 'superseded-by'
        ? `This KEP is superseded by ${target}, but that KEP's \`replaces\` does not list ${kep.dir}: the link should go both ways.`
        : `This KEP replaces ${target}, but that KEP's \`superseded-by\` does not list ${kep.dir}: the link should go both ways.`;
      out.push(makeDiagnostic(kep.path, nodeRange(kep, item), 'warning', 'kep/replaces-reciprocal', message,
        { fixes: fix ? [fix] : undefined, data: { target, missingIn: `${target}/kep.yaml`, key: other } }));
    }
  }
  return out;
}

/**
 * Adds `"<entry>"` to `key` in another kep.yaml: after the last item of a block list, as a new list when the key is
 * null or `[]`, or as a new key at the end of a file kepval reads whole. Anything else (flow lists with items, files
 * split by `---`) gets no fix rather than a risky edit.
 */
function addEntryFix(target: KepFile, tp: GoStruct, key: LinkKey, entry: string): Fix | undefined {
  const f = field(tp, key);
  const file = target.path;
  const title = `Add ${entry} to \`${key}\` in ${file}`;
  const quoted = `"${entry}"`;
  let edit: TextEdit | undefined;
  if (!f) {
    if (target.scanned.dashLines.length > 0) return undefined;
    const end = target.lines.position(target.text.length);
    const nl = target.text.length > 0 && !target.text.endsWith('\n') ? '\n' : '';
    edit = { file, range: { start: end, end }, newText: `${nl}${key}:\n  - ${quoted}\n` };
  } else if (f.node.kind === 'seq' && f.node.items.length > 0 && isBlockSeq(target, f.node)) {
    const last = f.node.items[f.node.items.length - 1];
    const first = nodeRange(target, f.node.items[0]).start;
    const prefix = target.lines.text.slice(target.lines.lineStart(first.line), target.lines.lineStart(first.line) + first.character);
    if (!/^[ ]*-[ ]+$/.test(prefix)) return undefined;
    const at = nodeRange(target, last).end;
    edit = { file, range: { start: at, end: at }, newText: `\n${prefix}${quoted}` };
  } else if (isEmptyValue(f.node)) {
    edit = { file, range: spanRange(target, f.key, f.node), newText: `${key}:\n  - ${quoted}` };
  }
  return edit ? { title, edits: [edit], isPreferred: true } : undefined;
}

function isBlockSeq(file: KepFile, n: V3Node): boolean {
  return file.scanned.yaml[n.range[0]] === '-';
}

function isEmptyValue(n: V3Node): boolean {
  if (n.kind === 'seq') return n.items.length === 0;
  return n.kind === 'scalar' && n.style === 'plain' && ['', '~', 'null', 'Null', 'NULL'].includes(n.value);
}
