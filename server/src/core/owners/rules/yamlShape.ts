/**
 * Warnings about how sigs.k8s.io/yaml (YAML 1.1, case-folded keys, last duplicate wins) and Prow's simple-vs-filters
 * rule read what was written: the silent ways an OWNERS file loses entries.
 */
import type { Fix, TextEdit } from '../../diagnostics';
import type { MapNode, Node, ScalarNode } from '../../goyaml/nodes';
import { goCompare, jsonFoldKey } from '../../gostrings';
import { isEmptyConfig, type OwnersFile } from '../ownersFile';
import type { FileContext } from './context';
import { keyBlockOffsets, keyBlockText, quoted, reindent, removeKeyBlock, replaceNode } from './edits';
import { didYouMean } from './suggest';
import { EMERITUS_KEYS, OPTION_KEYS, ROLE_KEYS, TOP_KEYS, type KeyRef, type OwnersOutline } from './syntax';

const ROLE_SET = new Set<string>(ROLE_KEYS);
const PROW_KEYS = new Set<string>([...TOP_KEYS, ...OPTION_KEYS]);

function describeScalar(n: ScalarNode): string {
  switch (n.value.t) {
    case 'bool':
      return `the boolean ${n.value.v}`;
    case 'int':
      return `the number ${n.value.v.toString()}`;
    case 'float':
      return `the number ${n.value.v}`;
    default:
      return 'a non-string';
  }
}

function nonString(n: Node): n is ScalarNode {
  return n.kind === 'scalar' && n.plain && (n.value.t === 'bool' || n.value.t === 'int' || n.value.t === 'float');
}

export function yamlShapeWarnings(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  yaml11Scalars(ctx, file, outline);
  scalarNotList(ctx, file, outline);
  filtersIgnored(ctx, file, outline);
  unknownKeys(ctx, outline);
  keyCase(ctx, outline);
  duplicateKeys(ctx, file);
  emeritusInFilters(ctx, outline);
  noEffectiveEntries(ctx, file, outline);
}

function yaml11Scalars(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  for (const e of outline.entries) {
    if (!ROLE_SET.has(e.list) || e.scalarValue || !nonString(e.node)) continue;
    const n = e.node;
    const fix: Fix = { title: `Quote ${n.text} so Prow reads it as a string`, edits: [replaceNode(ctx, n, quoted(n.text))], isPreferred: true };
    if (e.place === 'top') {
      ctx.add({
        range: ctx.range(n.range),
        severity: 'warning',
        code: 'owners/yaml11-scalar',
        message: `Prow reads OWNERS as YAML 1.1, where \`${n.text}\` is ${describeScalar(n)}, not a login. A non-string in a top-level list makes Prow's decode fail, so it drops every top-level list of this file (${file.mode === 'full' ? 'only filters still apply' : 'the file contributes nothing'}). Quote it.`,
        upstream: 'prow repoowners (sigs.k8s.io/yaml, yaml.v2)',
        fixes: [fix],
      });
    } else {
      const coerced = coercedText(n);
      ctx.add({
        range: ctx.range(n.range),
        severity: 'warning',
        code: 'owners/yaml11-scalar',
        message: `Prow reads OWNERS as YAML 1.1, where \`${n.text}\` is ${describeScalar(n)}; inside filters it is turned back into the string "${coerced}", so the entry Prow stores is "${coerced}", not "${n.text}". Quote it.`,
        upstream: 'prow repoowners (sigs.k8s.io/yaml, yaml.v2)',
        fixes: [fix],
      });
    }
  }
}

function coercedText(n: ScalarNode): string {
  const v = n.value;
  if (v.t === 'bool') return v.v ? 'true' : 'false';
  if (v.t === 'int') return v.v.toString();
  if (v.t === 'float') return String(Math.fround(v.v));
  return n.text;
}

function scalarNotList(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  if (file.mode === 'ignored') return; // the Error already explains it
  for (const e of outline.entries) {
    if (!ROLE_SET.has(e.list) || !e.scalarValue || e.place !== 'top') continue;
    const n = e.node as ScalarNode;
    ctx.add({
      range: ctx.range(n.range),
      severity: 'warning',
      code: 'owners/scalar-not-list',
      message: `\`${e.keyRef.text}\` must be a list. Prow cannot decode a single value here, so it drops every top-level list of this file (${file.mode === 'full' && (file.filters?.length ?? 0) > 0 ? 'only filters still apply' : 'the file contributes nothing'}).`,
      upstream: 'prow repoowners (sigs.k8s.io/yaml)',
      fixes: [{ title: `Make it a list: [${n.text}]`, edits: [replaceNode(ctx, n, `[${n.value.t === 'str' ? n.text : quoted(n.text)}]`)], isPreferred: true }],
    });
  }
}

function filtersIgnored(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  if (file.mode !== 'simple' || !outline.filtersMap || outline.filtersMap.entries.length === 0) return;
  const filtersKey = outline.keys.find((k) => k.place === 'top' && k.canonical === 'filters' && k.value === outline.filtersMap);
  if (!filtersKey) return;
  const top = outline.keys.filter((k) => k.place === 'top' && k.canonical && (ROLE_SET.has(k.canonical) || (EMERITUS_KEYS as readonly string[]).includes(k.canonical)));
  const used = top.filter((k) => ROLE_SET.has(k.canonical!)).map((k) => k.text);
  const fixes: Fix[] = [];
  const into = moveIntoFilters(ctx, outline.filtersMap, top);
  if (into) fixes.push({ title: 'Move the top-level lists into filters: {".*": …}', edits: into, isPreferred: true });
  const back = moveFiltersToTop(ctx, outline.filtersMap, filtersKey, top);
  if (back) fixes.push({ title: 'Move filters[".*"] to the top level and remove filters', edits: back });
  ctx.add({
    range: ctx.range(filtersKey.key.range),
    severity: 'warning',
    code: 'owners/filters-ignored',
    message: `Prow ignores \`filters\` here: this file also has top-level ${used.join(', ')}, so Prow reads it as a simple config and never looks at its ${outline.filtersMap.entries.length} filter${outline.filtersMap.entries.length === 1 ? '' : 's'}. Put everything under filters (".*" for the top-level lists) or everything at the top level.`,
    upstream: 'prow repoowners ParseSimpleConfig/ParseFullConfig',
    fixes,
  });
}

function indentOf(ctx: FileContext, node: Node): number {
  return ctx.lines.position(node.range[0]).character;
}

function dedent(block: string, by: number): string {
  return block
    .split('\n')
    .map((l) => {
      let i = 0;
      while (i < by && l[i] === ' ') i++;
      return l.slice(i);
    })
    .join('\n');
}

function moveIntoFilters(ctx: FileContext, filters: MapNode, top: KeyRef[]): TextEdit[] | undefined {
  if (top.length === 0 || ctx.text[filters.range[0]] === '{') return undefined;
  const first = filters.entries[0];
  const patternIndent = indentOf(ctx, first.key);
  const blocks = top.map((k) => ({ k, text: keyBlockText(ctx, k.key, k.value), indent: indentOf(ctx, k.key) }));
  const existing = filters.entries.find((e) => e.key.kind === 'scalar' && e.key.text === '.*');
  const edits: TextEdit[] = top.map((k) => removeKeyBlock(ctx, k.key, k.value));
  if (existing) {
    if (existing.value.kind !== 'map' || ctx.text[existing.value.range[0]] === '{' || existing.value.entries.length === 0) return undefined;
    const names = new Set(existing.value.entries.map((e) => (e.key.kind === 'scalar' ? jsonFoldKey(e.key.text) : '')));
    if (top.some((k) => names.has(jsonFoldKey(k.canonical!)))) return undefined;
    const childIndent = indentOf(ctx, existing.value.entries[0].key);
    const [, at] = keyBlockOffsets(ctx, existing.key, existing.value);
    const text = blocks.map((b) => reindent(dedent(b.text, b.indent), childIndent).replace(/ +$/, '')).join('');
    edits.push({ range: ctx.range([at, at]), newText: ensureNl(ctx, at) + text });
  } else {
    const at = ctx.lines.lineStart(ctx.lines.position(first.key.range[0]).line);
    const text = ' '.repeat(patternIndent) + '".*":\n' + blocks.map((b) => reindent(dedent(b.text, b.indent), patternIndent + 2).replace(/ +$/, '')).join('');
    edits.push({ range: ctx.range([at, at]), newText: text });
  }
  return edits;
}

function ensureNl(ctx: FileContext, at: number): string {
  return at > 0 && ctx.text[at - 1] !== '\n' ? '\n' : '';
}

function moveFiltersToTop(ctx: FileContext, filters: MapNode, filtersKey: KeyRef, top: KeyRef[]): TextEdit[] | undefined {
  if (filters.entries.length !== 1) return undefined;
  const only = filters.entries[0];
  if (only.key.kind !== 'scalar' || only.key.text !== '.*' || only.value.kind !== 'map' || ctx.text[only.value.range[0]] === '{') return undefined;
  const topNames = new Set(top.map((k) => k.canonical!));
  for (const e of only.value.entries) {
    if (e.key.kind !== 'scalar') return undefined;
    const c = [...ROLE_KEYS, ...EMERITUS_KEYS].find((k) => jsonFoldKey(k) === jsonFoldKey((e.key as ScalarNode).text));
    if (!c || topNames.has(c)) return undefined;
  }
  const childIndent = indentOf(ctx, only.value.entries[0].key);
  const [from, to] = keyBlockOffsets(ctx, filtersKey.key, filtersKey.value);
  const body = only.value.entries.map((e) => keyBlockText(ctx, e.key, e.value)).join('');
  const text = reindent(dedent(body, childIndent), indentOf(ctx, filtersKey.key)).replace(/ +\n/g, '\n');
  return [{ range: ctx.range([from, to]), newText: text }];
}

const CANDIDATES: Record<string, readonly string[]> = {
  top: [...TOP_KEYS, ...EMERITUS_KEYS],
  options: OPTION_KEYS,
  filter: [...ROLE_KEYS, ...EMERITUS_KEYS],
};

function unknownKeys(ctx: FileContext, outline: OwnersOutline): void {
  for (const k of outline.keys) {
    if (k.place === 'filters' || k.canonical) continue;
    const candidates = CANDIDATES[k.place];
    const suggestion = didYouMean(k.text, candidates) ?? prefixMatch(k.text, candidates);
    const where = k.place === 'top' ? 'at the top level' : k.place === 'options' ? 'in options' : `in filter "${k.pattern}"`;
    const known = k.place === 'options' ? 'no_parent_owners and auto_approve_unowned_subfolders' : k.place === 'filter' ? 'approvers, reviewers, required_reviewers and labels' : 'approvers, reviewers, required_reviewers, labels, options and filters';
    ctx.add({
      range: ctx.range(k.key.range),
      severity: 'warning',
      code: 'owners/unknown-key',
      message: `Prow silently ignores the unknown key \`${k.text}\` ${where}${suggestion ? ` — did you mean \`${suggestion}\`?` : ''} It only reads ${known}.`,
      upstream: 'prow repoowners (sigs.k8s.io/yaml ignores unknown fields)',
      fixes: suggestion ? [{ title: `Rename to ${suggestion}`, edits: [replaceNode(ctx, k.key, suggestion)], isPreferred: true }] : undefined,
      data: suggestion ? { suggestion } : undefined,
    });
  }
}

function prefixMatch(text: string, candidates: readonly string[]): string | undefined {
  const t = text.toLowerCase().replace(/[-\s]/g, '_');
  if (t.length < 4) return undefined;
  return candidates.find((c) => c.startsWith(t) || t.startsWith(c));
}

function keyCase(ctx: FileContext, outline: OwnersOutline): void {
  for (const k of outline.keys) {
    if (!k.canonical || k.text === k.canonical || !PROW_KEYS.has(k.canonical)) continue;
    ctx.add({
      range: ctx.range(k.key.range),
      severity: 'warning',
      code: 'owners/key-case',
      message: `\`${k.text}\` works only by accident: Prow matches keys case-insensitively (Go encoding/json), so it reads it as \`${k.canonical}\`; tools and people expect \`${k.canonical}\`.`,
      upstream: 'prow repoowners (encoding/json case folding)',
      fixes: [{ title: `Rename to ${k.canonical}`, edits: [replaceNode(ctx, k.key, k.canonical)], isPreferred: true }],
    });
  }
}

/** Maps whose duplicate keys matter: the root, options, the filters map, each filter's config. */
function duplicateKeys(ctx: FileContext, file: OwnersFile): void {
  const root = file.yaml.root;
  if (!root || root.kind !== 'map') return;
  checkMap(ctx, root, true, 'the top level');
  for (const e of root.entries) {
    if (e.key.kind !== 'scalar' || e.value.kind !== 'map') continue;
    const f = jsonFoldKey(e.key.text);
    if (f === 'OPTIONS') checkMap(ctx, e.value, true, 'options');
    if (f === 'FILTERS') {
      checkMap(ctx, e.value, false, 'filters');
      for (const fe of e.value.entries) if (fe.value.kind === 'map' && fe.key.kind === 'scalar') checkMap(ctx, fe.value, true, `filter "${fe.key.text}"`);
    }
  }
}

function checkMap(ctx: FileContext, map: MapNode, fold: boolean, where: string): void {
  const groups = new Map<string, { key: ScalarNode; value: Node; index: number }[]>();
  map.entries.forEach((e, index) => {
    if (e.merge || e.key.kind !== 'scalar') return;
    const k = fold ? jsonFoldKey(e.key.text) : e.key.text;
    let g = groups.get(k);
    if (!g) groups.set(k, (g = []));
    g.push({ key: e.key, value: e.value, index });
  });
  for (const g of groups.values()) {
    if (g.length < 2) continue;
    // yaml.v2: the last of identical keys wins; encoding/json then applies case variants in byte order.
    const texts = [...new Set(g.map((x) => x.key.text))].sort(goCompare);
    const winnerText = texts[texts.length - 1];
    const winner = [...g].reverse().find((x) => x.key.text === winnerText)!;
    const mapValued = g.every((x) => x.value.kind === 'map');
    if (mapValued && texts.length > 1 && texts.length === g.length) continue; // case variants of mappings are merged
    const winnerLine = ctx.lines.position(winner.key.range[0]).line + 1;
    for (const x of g) {
      if (x === winner) continue;
      const variant = x.key.text !== winner.key.text;
      ctx.add({
        range: ctx.range(x.key.range),
        severity: 'warning',
        code: 'owners/duplicate-key',
        message: variant
          ? `\`${x.key.text}\` and \`${winner.key.text}\` (line ${winnerLine}) are the same key for Prow (case-insensitive); it applies them in byte order, so \`${winner.key.text}\` wins and this one is ignored.`
          : `\`${x.key.text}\` appears again in ${where} (line ${winnerLine}); Prow keeps only the last occurrence, so this one is ignored.`,
        upstream: 'prow repoowners (yaml.v2 duplicate keys)',
        fixes: [{ title: `Remove the ignored \`${x.key.text}\``, edits: [removeKeyBlock(ctx, x.key, x.value)] }],
      });
    }
  }
}

function emeritusInFilters(ctx: FileContext, outline: OwnersOutline): void {
  for (const k of outline.keys) {
    if (k.place !== 'filter' || !k.canonical || !(EMERITUS_KEYS as readonly string[]).includes(k.canonical)) continue;
    ctx.add({
      range: ctx.range(k.key.range),
      severity: 'warning',
      code: 'owners/emeritus-in-filters',
      message: `\`${k.text}\` inside filter "${k.pattern}" is dropped: Prow never reads emeritus lists, and the community convention (contributors/guide/owners.md) only defines them at the top level, where tooling looks for them.`,
      upstream: 'prow repoowners (FullConfig has no emeritus fields)',
    });
  }
}

function noEffectiveEntries(ctx: FileContext, file: OwnersFile, outline: OwnersOutline): void {
  if (file.mode !== 'full') return;
  if ((file.filters ?? []).some((f) => !isEmptyConfig(f.config))) return;
  if (file.options.noParentOwners || file.options.autoApproveUnownedSubfolders) return;
  if (ctx.has('owners/yaml11-scalar') || ctx.has('owners/scalar-not-list')) return;
  const emeritus = outline.keys.some((k) => k.canonical && (EMERITUS_KEYS as readonly string[]).includes(k.canonical));
  const first = outline.keys[0];
  ctx.add({
    range: first ? ctx.range(first.key.range) : ctx.lines.lineRange(0),
    severity: 'warning',
    code: 'owners/no-effective-entries',
    message: emeritus
      ? 'This OWNERS file has no effect: it lists only emeritus entries, which Prow never reads, so nobody approves, reviews or labels anything because of it. Add approvers/reviewers or delete the file.'
      : 'This OWNERS file has no effect: Prow finds no approvers, reviewers, required_reviewers, labels or options in it. Add entries or delete the file.',
    upstream: 'prow repoowners',
  });
}
