/**
 * A YAML node tree shaped like gopkg.in/yaml.v3's `yaml.Node`, built from the `yaml` package's AST, with source
 * offsets for every node. kepval reads kep.yaml and PRR files with yaml.v3, so the tree keeps exactly what yaml.v3's
 * decoder looks at: node kind, the scalar's text (`Value`), its style (plain or not) and its explicit tag.
 *
 * The `yaml` package is a YAML 1.2 parser; libyaml (which yaml.v3 ports) rejects a few inputs it accepts. Those that
 * authors actually hit are re-checked here: tabs where libyaml's scanner does not allow them, and control characters.
 */
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, Scalar, type Document, type Node as YNode } from 'yaml';

export type Offsets = [start: number, end: number];

export type ScalarStyle = 'plain' | 'single' | 'double' | 'literal' | 'folded';

export interface V3Scalar {
  kind: 'scalar';
  /** The scalar's value as yaml.v3 keeps it in `Node.Value` (after unescaping and folding). */
  value: string;
  style: ScalarStyle;
  /** Explicit tag in short form (`!!str`, `!foo`), undefined when there is none (or the non-specific `!`). */
  tag?: string;
  range: Offsets;
}

export interface V3Pair {
  key: V3Node;
  value: V3Node;
}

export interface V3Map {
  kind: 'map';
  pairs: V3Pair[];
  range: Offsets;
}

export interface V3Seq {
  kind: 'seq';
  items: V3Node[];
  range: Offsets;
}

export interface V3Alias {
  kind: 'alias';
  name: string;
  target: V3Node | undefined;
  range: Offsets;
}

export type V3Node = V3Scalar | V3Map | V3Seq | V3Alias;

export interface V3SyntaxError {
  message: string;
  range: Offsets;
}

export interface V3Document {
  /** Root node of the first document; null when the stream holds no document at all (yaml.v3 returns io.EOF). */
  root: V3Node | null;
  syntaxError?: V3SyntaxError;
}

const LONG_TAG_PREFIX = 'tag:yaml.org,2002:';

export function shortTag(tag: string): string {
  return tag.startsWith(LONG_TAG_PREFIX) ? '!!' + tag.slice(LONG_TAG_PREFIX.length) : tag;
}

/** eemeli/yaml errors that libyaml does not raise: libyaml takes `"x"#c` as a value followed by a comment. */
function isIgnoredError(code: string, message: string): boolean {
  return code === 'MISSING_CHAR' && message.startsWith('Comments must be separated from other tokens');
}

/** Parses the first YAML document of `text` as yaml.v3's Decoder would see it. */
export function parseV3(text: string): V3Document {
  const control = findControlCharacter(text);
  if (control !== undefined) {
    return { root: null, syntaxError: { message: 'control characters are not allowed', range: [control, control + 1] } };
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      version: '1.2',
      schema: 'failsafe',
      uniqueKeys: false,
      strict: true,
      prettyErrors: false,
      keepSourceTokens: false,
    }) as unknown as Document.Parsed[];
  } catch (e) {
    return { root: null, syntaxError: { message: String((e as Error).message ?? e), range: [0, 0] } };
  }
  const doc = docs[0];
  if (!doc) return { root: null };
  const err = doc.errors.find((e) => !isIgnoredError(e.code, e.message));
  if (err) {
    return { root: null, syntaxError: { message: cleanMessage(err.message), range: [err.pos[0], Math.max(err.pos[0], err.pos[1])] } };
  }
  const tab = findForbiddenTab(text, doc.range[2]);
  if (tab) return { root: null, syntaxError: tab };
  const contents = doc.contents as YNode | null;
  if (contents === null || contents === undefined) {
    const at = doc.range[0];
    return { root: { kind: 'scalar', value: '', style: 'plain', range: [at, at] } };
  }
  const anchors = new Map<YNode, V3Node>();
  return { root: convert(contents, doc, anchors, 0) };
}

function cleanMessage(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

const MAX_DEPTH = 10_000;

function convert(node: YNode, doc: Document.Parsed, anchors: Map<YNode, V3Node>, depth: number): V3Node {
  if (depth > MAX_DEPTH) throw new RangeError('YAML nesting too deep');
  const range = offsets(node);
  if (isAlias(node)) {
    const target = node.resolve(doc) as YNode | undefined;
    return { kind: 'alias', name: node.source, target: target ? anchors.get(target) : undefined, range };
  }
  let out: V3Node;
  if (isScalar(node)) {
    out = scalarOf(node, range);
  } else if (isMap(node)) {
    const m: V3Map = { kind: 'map', pairs: [], range };
    anchors.set(node, m);
    for (const pair of node.items) {
      const k = pair.key as YNode | null;
      const v = pair.value as YNode | null;
      const key = k ? convert(k, doc, anchors, depth + 1) : emptyScalar(range[0]);
      const value = v ? convert(v, doc, anchors, depth + 1) : emptyScalar(key.range[1]);
      m.pairs.push({ key, value });
    }
    return m;
  } else if (isSeq(node)) {
    const s: V3Seq = { kind: 'seq', items: [], range };
    anchors.set(node, s);
    for (const item of node.items) {
      s.items.push(item ? convert(item as YNode, doc, anchors, depth + 1) : emptyScalar(range[0]));
    }
    return s;
  } else {
    out = emptyScalar(range[0]);
  }
  anchors.set(node, out);
  return out;
}

function offsets(node: YNode): Offsets {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function emptyScalar(at: number): V3Scalar {
  return { kind: 'scalar', value: '', style: 'plain', range: [at, at] };
}

function scalarOf(node: Scalar, range: Offsets): V3Scalar {
  const value = node.value === null || node.value === undefined ? '' : String(node.value);
  let style: ScalarStyle = 'plain';
  switch (node.type) {
    case Scalar.QUOTE_DOUBLE: style = 'double'; break;
    case Scalar.QUOTE_SINGLE: style = 'single'; break;
    case Scalar.BLOCK_LITERAL: style = 'literal'; break;
    case Scalar.BLOCK_FOLDED: style = 'folded'; break;
  }
  const tag = node.tag && node.tag !== '!' ? shortTag(node.tag) : undefined;
  return { kind: 'scalar', value, style, tag, range };
}

/**
 * libyaml's reader rejects characters outside its printable set (yaml.v3 readerc.go): C0 controls other than tab/LF/CR,
 * DEL, C1 controls other than NEL, surrogates and U+FFFE/U+FFFF.
 */
function findControlCharacter(text: string): number | undefined {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0x20 && c <= 0x7e) continue;
    if (c === 0x09 || c === 0x0a || c === 0x0d || c === 0x85) continue;
    if (c >= 0xa0 && c <= 0xd7ff) continue;
    if (c >= 0xe000 && c <= 0xfffd) continue;
    if (c >= 0xd800 && c <= 0xdbff) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { i++; continue; }
    }
    return i;
  }
  return undefined;
}

/**
 * libyaml skips a tab between tokens only in flow context or where a simple key is not allowed; in block context at
 * the start of a line (blank lines included) and right after `-`, `?` or `:` a tab "cannot start any token". After a
 * plain scalar the scalar scanner itself eats following blank lines and only rejects a tab left of the indentation.
 * The `yaml` package accepts all of these, so they are found here from its token stream.
 */
function findForbiddenTab(text: string, docEnd: number): V3SyntaxError | undefined {
  if (!text.includes('\t')) return undefined;
  const t = new TabScan();
  let offset = 0;
  for (const tok of new Lexer().lex(text.slice(0, docEnd))) {
    const found = t.token(tok, offset);
    if (found !== undefined) return found;
    offset += tok.length;
  }
  return undefined;
}

const CANNOT_START = 'found character that cannot start any token';
const TAB_INDENT = 'found a tab character that violates indentation';

class TabScan {
  private flow = 0;
  private simpleKeyAllowed = true;
  /** Columns of the open block collections (libyaml's parser->indent stack). */
  private readonly indents: number[] = [-1];
  private lineStart = 0;
  private lineHasToken = false;
  private afterPlain = false;
  private plainIndent = 0;
  private pendingScalar = false;
  private blockHeader = false;
  private lastScalar: { column: number; firstOnLine: boolean } | undefined;

  token(tok: string, start: number): V3SyntaxError | undefined {
    if (this.pendingScalar) {
      this.pendingScalar = false;
      if (this.blockHeader) {
        this.blockHeader = false;
        return this.blockContent(tok, start);
      }
      return this.scalar(tok, start, true);
    }
    const type = CST.tokenType(tok);
    switch (type) {
      case 'scalar':
        this.pendingScalar = true;
        return undefined;
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
        return this.scalar(tok, start, false);
      case 'newline':
        this.lineStart = start + tok.length;
        this.lineHasToken = false;
        if (this.flow === 0) this.simpleKeyAllowed = true;
        return undefined;
      case 'space':
        return this.space(tok, start);
      case 'comment':
        this.afterPlain = false;
        return undefined;
      case 'byte-order-mark':
      case 'doc-mode':
      case 'flow-error-end':
        return undefined;
      case 'flow-map-start':
      case 'flow-seq-start':
        this.flow++;
        this.simpleKeyAllowed = true;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        this.flow = Math.max(0, this.flow - 1);
        this.simpleKeyAllowed = false;
        break;
      case 'comma':
        this.simpleKeyAllowed = true;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        this.simpleKeyAllowed = true;
        if (this.flow === 0 && !this.lineHasToken) this.pushIndent(start - this.lineStart);
        break;
      case 'map-value-ind':
        this.simpleKeyAllowed = this.flow === 0;
        if (this.flow === 0 && this.lastScalar?.firstOnLine) this.pushIndent(this.lastScalar.column);
        break;
      case 'block-scalar-header':
        this.blockHeader = true;
        this.simpleKeyAllowed = false;
        break;
      default:
        // anchors, tags, aliases: libyaml allows no simple key right after them on the same line
        this.simpleKeyAllowed = type === 'doc-start' || type === 'doc-end';
        break;
    }
    this.lineHasToken = true;
    this.afterPlain = false;
    this.lastScalar = undefined;
    return undefined;
  }

  private space(tok: string, start: number): V3SyntaxError | undefined {
    const tab = tok.indexOf('\t');
    if (tab < 0 || this.flow > 0) return undefined;
    const at = start + tab;
    if (this.afterPlain && !this.lineHasToken) {
      return at - this.lineStart < this.plainIndent ? { message: TAB_INDENT, range: [at, at + 1] } : undefined;
    }
    return this.simpleKeyAllowed ? { message: CANNOT_START, range: [at, at + 1] } : undefined;
  }

  private scalar(tok: string, start: number, plain: boolean): V3SyntaxError | undefined {
    const column = start - this.lineStart;
    this.lastScalar = { column, firstOnLine: !this.lineHasToken };
    const plainIndent = this.indents[this.indents.length - 1] + 1;
    // A multi-line scalar carries its own line breaks; libyaml rejects a tab left of the indentation on its
    // continuation lines of a plain scalar.
    let nl = tok.indexOf('\n');
    while (nl >= 0) {
      this.lineStart = start + nl + 1;
      if (plain && this.flow === 0) {
        let i = nl + 1;
        while (i < tok.length && (tok[i] === ' ' || tok[i] === '\t')) {
          if (tok[i] === '\t' && i - (nl + 1) < plainIndent) return { message: TAB_INDENT, range: [start + i, start + i + 1] };
          i++;
        }
      }
      nl = tok.indexOf('\n', nl + 1);
    }
    this.simpleKeyAllowed = false;
    this.lineHasToken = true;
    this.afterPlain = plain && this.flow === 0;
    this.plainIndent = plainIndent;
    return undefined;
  }

  private blockContent(tok: string, start: number): V3SyntaxError | undefined {
    const nl = tok.lastIndexOf('\n');
    const tailStart = nl + 1;
    const tail = tok.slice(tailStart);
    const tab = tail.indexOf('\t');
    if (tab >= 0 && /^[ \t]*$/.test(tail) && this.flow === 0) {
      const at = start + tailStart + tab;
      return { message: CANNOT_START, range: [at, at + 1] };
    }
    if (nl >= 0) this.lineStart = start + nl + 1;
    this.simpleKeyAllowed = true;
    this.lineHasToken = false;
    this.afterPlain = false;
    this.lastScalar = undefined;
    return undefined;
  }

  /** Block collections nest by column; a token at a lower column closes deeper ones (libyaml's unroll_indent). */
  private pushIndent(column: number): void {
    const indents = this.indents;
    while (indents.length > 1 && indents[indents.length - 1] > column) indents.pop();
    if (indents[indents.length - 1] < column) indents.push(column);
  }
}

/** yaml.v3's resolve(): the tag a plain scalar gets, and whether it is null/bool. */
export type ResolvedKind = 'null' | 'bool' | 'int' | 'float' | 'timestamp' | 'str' | 'other';

export interface Resolved {
  tag: string;
  kind: ResolvedKind;
  bool?: boolean;
}

const MAP_VALUES: Record<string, Resolved> = {};
for (const s of ['true', 'True', 'TRUE']) MAP_VALUES[s] = { tag: '!!bool', kind: 'bool', bool: true };
for (const s of ['false', 'False', 'FALSE']) MAP_VALUES[s] = { tag: '!!bool', kind: 'bool', bool: false };
for (const s of ['', '~', 'null', 'Null', 'NULL']) MAP_VALUES[s] = { tag: '!!null', kind: 'null' };
for (const s of ['.nan', '.NaN', '.NAN', '.inf', '.Inf', '.INF', '+.inf', '+.Inf', '+.INF', '-.inf', '-.Inf', '-.INF']) {
  MAP_VALUES[s] = { tag: '!!float', kind: 'float' };
}
MAP_VALUES['<<'] = { tag: '!!merge', kind: 'other' };

const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const STR: Resolved = { tag: '!!str', kind: 'str' };

/** Thrown where yaml.v3 panics out of decoding with a plain error (failf), e.g. `!!int abc`. */
export class V3FatalError extends Error {
  constructor(message: string, readonly node: V3Node) {
    super(message);
  }
}

/** True when yaml.v3's `indicatedString()` holds: tagged !!str, or quoted/block style without an explicit tag. */
export function indicatedString(n: V3Scalar): boolean {
  return n.tag === '!!str' || (n.tag === undefined && n.style !== 'plain');
}

/** The resolution yaml.v3 gives a scalar node before decoding it (decode.go scalar() + resolve.go resolve()). */
export function resolveScalar(n: V3Scalar): Resolved {
  if (indicatedString(n)) return STR;
  const tag = n.tag ?? '';
  if (!['', '!!str', '!!bool', '!!int', '!!float', '!!null', '!!timestamp'].includes(tag)) {
    return { tag, kind: tag === '!!binary' ? 'str' : 'other' };
  }
  const r = resolvePlain(n.value, tag);
  if (tag === '' || tag === r.tag || tag === '!!str') return r;
  if (tag === '!!float' && r.kind === 'int') return { tag: '!!float', kind: 'float' };
  throw new V3FatalError(`cannot decode ${r.tag} \`${n.value}\` as a ${tag}`, n);
}

/** Whether a node is null for yaml.v3 (`ShortTag() == "!!null"`). */
export function isNullNode(n: V3Node): boolean {
  if (n.kind !== 'scalar') return false;
  if (n.tag !== undefined) return n.tag === '!!null';
  if (n.style !== 'plain') return false;
  return n.value === '' || n.value === '~' || n.value === 'null' || n.value === 'Null' || n.value === 'NULL';
}

function resolvePlain(s: string, tag: string): Resolved {
  const c = s.length ? s[0] : '';
  const hint = s === '' ? 'N' : c === '+' || c === '-' ? 'S' : c >= '0' && c <= '9' ? 'D' : c === '.' ? '.' : 'yYnNtTfFoO~'.includes(c) ? 'M' : '';
  if (!hint) return STR;
  const known = MAP_VALUES[s];
  if (known) return known;
  if (hint === '.') return /^\.[0-9]+([eE][-+]?[0-9]+)?$/.test(s) ? { tag: '!!float', kind: 'float' } : STR;
  if (hint === 'D' || hint === 'S') {
    if ((tag === '' || tag === '!!timestamp') && isTimestamp(s)) return { tag: '!!timestamp', kind: 'timestamp' };
    const plain = s.replace(/_/g, '');
    if (isGoIntBase0(plain)) return { tag: '!!int', kind: 'int' };
    if (YAML_STYLE_FLOAT.test(plain)) return { tag: '!!float', kind: 'float' };
    if (/^-?0o[0-7]+$/.test(plain) || /^-?0b[01]+$/.test(plain)) return { tag: '!!int', kind: 'int' };
  }
  return STR;
}

/** strconv.ParseInt/ParseUint(s, 0, 64) syntax (range is not checked: an overflowing number is rare in KEP files). */
function isGoIntBase0(s: string): boolean {
  return /^[-+]?(0[xX][0-9a-fA-F]+|0[oO][0-7]+|0[bB][01]+|0[0-7]*|[1-9][0-9]*)$/.test(s);
}

/** yaml.v3 parseTimestamp: YYYY- then one of its time.Parse layouts with short date fields. */
function isTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  const date = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/.exec(s);
  if (!date) return false;
  const month = Number(date[2]);
  const day = Number(date[3]);
  if (month < 1 || month > 12 || day < 1 || day > daysIn(Number(date[1]), month)) return false;
  const rest = s.slice(date[0].length);
  if (rest === '') return true;
  const time = /^([Tt ])([0-9]{1,2}):([0-9]{1,2}):([0-9]{1,2})(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})?$/.exec(rest);
  if (!time) return false;
  if (time[1] === ' ' && time[6]) return false;
  if (time[1] !== ' ' && !time[6]) return false;
  return Number(time[2]) < 24 && Number(time[3]) < 60 && Number(time[4]) < 60;
}

function daysIn(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
