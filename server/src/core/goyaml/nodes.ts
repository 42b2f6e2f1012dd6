/**
 * A YAML tree with Go yaml.v2 (YAML 1.1) scalar typing and source offsets, built from the `yaml` package's AST.
 * Prow reads OWNERS files with sigs.k8s.io/yaml over yaml.v2, so a bare `yes` is a bool and `012` is the int 10:
 * the `yaml` package's own YAML 1.2 typing would silently disagree with Prow.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, Scalar, type Document, type Node as YNode } from 'yaml';
import { isTimestampText, resolvePlainScalar, type GoScalar } from './resolve';

export type Offsets = [start: number, end: number];

export interface ScalarNode {
  kind: 'scalar';
  value: GoScalar;
  /** The scalar's source text value (after YAML folding/unescaping). */
  text: string;
  /** Plain (unquoted) scalars are the ones YAML 1.1 typing applies to. */
  plain: boolean;
  range: Offsets;
  aliasAt?: Offsets;
}

export interface MapEntry {
  key: Node;
  value: Node;
  /** `<<: *anchor` merge entries are kept for diagnostics but expanded by `effectiveEntries`. */
  merge: boolean;
}

export interface MapNode {
  kind: 'map';
  entries: MapEntry[];
  range: Offsets;
  aliasAt?: Offsets;
}

export interface SeqNode {
  kind: 'seq';
  items: Node[];
  range: Offsets;
  aliasAt?: Offsets;
}

/**
 * A node reached through a `*name` alias is a copy of the anchored node: its `range` (and its children's) is where the
 * anchor is written, and `aliasAt` where the `*name` reference is. Edits must use `aliasAt` (removing a reference is
 * safe; editing the anchored text changes every use of it).
 */
export type Node = ScalarNode | MapNode | SeqNode;

export interface ParsedYaml {
  /** Root of the first document, or null for an empty document. */
  root: Node | null;
  /** First syntax error of the first document (Go's yaml.v2 reports one), with its offset. */
  error?: { message: string; offset: number };
  lineCounter: LineCounter;
}

/** Hard cap on nodes produced while expanding aliases: YAML bombs must not blow up memory (yaml.v2 caps aliasing too). */
const MAX_EXPANDED_NODES = 200_000;
const MAX_DEPTH = 1_000;

export class YamlTooComplexError extends Error {}

/**
 * libyaml's reader (yaml.v2 readerc.go) rejects any character outside YAML's printable set before parsing:
 * TAB, LF, CR, 0x20-0x7E, NEL, 0xA0-0xD7FF, 0xE000-0xFFFD, astral planes. A NUL or other C0/C1 control character
 * (a binary file) makes the whole Unmarshal fail.
 */
const NON_PRINTABLE = /[^\t\n\r\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\u{10000}-\u{10ffff}]/u;

/** Tag resolution failed the way yaml.v2's `failf("cannot decode …")` does: the whole Unmarshal errors. */
class TagResolutionError extends Error {
  constructor(message: string, readonly offset: number) {
    super(message);
  }
}

export function parseGoYaml(text: string): ParsedYaml {
  const lineCounter = new LineCounter();
  const bad = NON_PRINTABLE.exec(text);
  if (bad) {
    const cp = bad[0].codePointAt(0) ?? 0;
    return {
      root: null,
      error: { message: `control characters are not allowed (U+${cp.toString(16).toUpperCase().padStart(4, '0')})`, offset: bad.index },
      lineCounter: lineCounterFor(text),
    };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.1',
      schema: 'failsafe',
      uniqueKeys: false,
      keepSourceTokens: false,
      lineCounter,
      strict: false,
      prettyErrors: false,
    }) as Document.Parsed[];
  } catch (e) {
    return { root: null, error: { message: String((e as Error).message ?? e), offset: 0 }, lineCounter };
  }
  if (!Array.isArray(docs)) docs = [docs as unknown as Document.Parsed];
  const doc = docs[0];
  if (!doc) return { root: null, lineCounter };
  const firstError = doc.errors[0];
  if (firstError) return { root: null, error: { message: cleanYamlMessage(firstError.message), offset: firstError.pos[0] }, lineCounter };
  if (doc.contents === null || doc.contents === undefined) return { root: null, lineCounter };
  try {
    const budget = { nodes: 0 };
    return { root: convert(doc.contents as YNode, doc, budget, 0), lineCounter };
  } catch (e) {
    if (e instanceof TagResolutionError) return { root: null, error: { message: e.message, offset: e.offset }, lineCounter };
    if (e instanceof YamlTooComplexError || e instanceof RangeError) {
      const at = (doc.contents as YNode).range?.[0] ?? 0;
      return { root: null, error: { message: 'document contains excessive aliasing or nesting', offset: at }, lineCounter };
    }
    throw e;
  }
}

function cleanYamlMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

function convert(node: YNode, doc: Document.Parsed, budget: { nodes: number }, depth: number): Node {
  if (++budget.nodes > MAX_EXPANDED_NODES || depth > MAX_DEPTH) throw new YamlTooComplexError();
  if (isAlias(node)) {
    const target = node.resolve(doc);
    // yaml.v2: an alias to an anchor not defined before it fails the whole document.
    if (!target) throw new TagResolutionError(`unknown anchor '${node.source}' referenced`, rangeOf(node)[0]);
    const copy = convert(target as YNode, doc, budget, depth + 1);
    copy.aliasAt = rangeOf(node);
    return copy;
  }
  if (isScalar(node)) return scalarNode(node);
  if (isMap(node)) {
    const entries: MapEntry[] = [];
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const keyNode = pair.key as YNode | null;
      const key: Node = keyNode ? convert(keyNode, doc, budget, depth + 1) : emptyScalar(rangeOf(node)[0]);
      const valueNode = pair.value as YNode | null;
      const value: Node = valueNode ? convert(valueNode, doc, budget, depth + 1) : emptyScalar(key.range[1]);
      const merge = key.kind === 'scalar' && key.value.t === 'merge';
      entries.push({ key, value, merge });
    }
    return { kind: 'map', entries, range: rangeOf(node) };
  }
  if (isSeq(node)) {
    const items: Node[] = [];
    for (const item of node.items) {
      items.push(item ? convert(item as YNode, doc, budget, depth + 1) : emptyScalar(rangeOf(node)[0]));
    }
    return { kind: 'seq', items, range: rangeOf(node) };
  }
  return emptyScalar(0);
}

function emptyScalar(at: number): ScalarNode {
  return { kind: 'scalar', value: { t: 'null' }, text: '', plain: true, range: [at, at] };
}

function rangeOf(node: YNode): Offsets {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function scalarNode(node: Scalar): ScalarNode {
  const text = node.value === null || node.value === undefined ? '' : String(node.value);
  const plain = node.type === Scalar.PLAIN || node.type === undefined;
  const tag = node.tag;
  let value: GoScalar;
  if (tag && tag !== '?' && tag !== '!') {
    value = resolveTagged(tag, text, rangeOf(node)[0]);
  } else if (plain) {
    value = resolvePlainScalar(text);
  } else {
    value = { t: 'str', v: text };
  }
  return { kind: 'scalar', value, text, plain, range: rangeOf(node) };
}

export function lineCounterFor(text: string): LineCounter {
  const lc = new LineCounter();
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
  return lc;
}

const GO_TAG_NAMES: Record<GoScalar['t'], string> = { str: '!!str', bool: '!!bool', int: '!!int', float: '!!float', null: '!!null', merge: '!!merge' };

/**
 * Explicit tags as yaml.v2's resolve(tag, in) treats them: `!!str`/`!!binary` take the text as is (binary decoded
 * from base64); `!!int`, `!!float`, `!!bool`, `!!null`, `!!timestamp` resolve the text and must agree with the tag
 * (an int under `!!float` becomes a float), otherwise the document fails to decode; unknown tags keep the text.
 */
function resolveTagged(tag: string, text: string, offset: number): GoScalar {
  const short = tag.startsWith('tag:yaml.org,2002:') ? '!!' + tag.slice('tag:yaml.org,2002:'.length) : tag;
  switch (short) {
    case '!!str':
      return { t: 'str', v: text };
    case '!!binary': {
      const decoded = decodeStdBase64(text);
      if (decoded === undefined) throw new TagResolutionError('!!binary value contains invalid base64 data', offset);
      return { t: 'str', v: decoded };
    }
    case '!!merge':
      return text === '<<' ? { t: 'merge' } : { t: 'str', v: text };
    case '!!int':
    case '!!float':
    case '!!bool':
    case '!!null':
    case '!!timestamp': {
      const r = text === '<<' ? ({ t: 'str', v: text } as GoScalar) : resolvePlainScalar(text);
      const rtag = r.t === 'str' && short === '!!timestamp' && isTimestampText(text) ? '!!timestamp' : GO_TAG_NAMES[r.t];
      if (rtag === short) return r;
      if (short === '!!float' && r.t === 'int') return { t: 'float', v: Number(r.v) };
      throw new TagResolutionError(`cannot decode ${rtag} \`${text}\` as a ${short}`, offset);
    }
    default:
      return { t: 'str', v: text };
  }
}

/** Go's base64.StdEncoding.DecodeString (CR/LF ignored, padding required); the bytes read as a Go string. */
function decodeStdBase64(text: string): string | undefined {
  const s = text.replace(/[\r\n]/g, '');
  if (s.length % 4 !== 0 || !/^[A-Za-z0-9+/]*(={0,2})$/.test(s)) return undefined;
  const bytes = Buffer.from(s, 'base64');
  return new TextDecoder('utf-8').decode(bytes);
}

/**
 * Map entries as yaml.v2 decodes a mapping into a Go map: merge keys (`<<`) splice in the referenced mapping(s) at
 * their position, later keys overwrite earlier ones with the same resolved key.
 */
export function effectiveEntries(map: MapNode): MapEntry[] {
  const out: MapEntry[] = [];
  for (const e of map.entries) {
    if (e.merge) {
      if (e.value.kind === 'map') out.push(...effectiveEntries(e.value));
      else if (e.value.kind === 'seq') {
        // yaml.v2 applies a sequence of merged maps last-to-first, so earlier maps win.
        for (let i = e.value.items.length - 1; i >= 0; i--) {
          const m = e.value.items[i];
          if (m.kind === 'map') out.push(...effectiveEntries(m));
        }
      }
      continue;
    }
    out.push(e);
  }
  return out;
}
