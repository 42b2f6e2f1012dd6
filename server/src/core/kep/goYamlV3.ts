/**
 * A YAML node tree shaped like gopkg.in/yaml.v3's `yaml.Node`, built from the `yaml` package's AST, with source
 * offsets for every node. kepval reads kep.yaml and PRR files with yaml.v3, so the tree keeps exactly what yaml.v3's
 * decoder looks at: node kind, the scalar's text (`Value`), its style (plain or not) and its explicit tag.
 *
 * The `yaml` package is a YAML 1.2 parser; libyaml (which yaml.v3 ports) rejects a few inputs it accepts. Those that
 * authors actually hit are re-checked here: tabs where libyaml's scanner does not allow them, and control characters.
 */
import { fastParseV3 } from './fastYamlV3';
import { CST, isAlias, isMap, isScalar, isSeq, Lexer, parseAllDocuments, Scalar, type Document, type Node as YNode, type YAMLError } from 'yaml';

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
  // The common plain block YAML is read without the library (same tree, a fraction of the time). Its subset has no
  // tab and every `:` of it follows a key on its line, so the token pass of findForbiddenTab has nothing to find.
  const root = fastParseV3(text);
  return root ? { root } : parseWithLibrary(text);
}

/** parseV3 through the `yaml` package only (exported for the test that keeps the fast reader equal to it). */
export function parseV3ViaLibrary(text: string): V3Document {
  const control = findControlCharacter(text);
  if (control !== undefined) {
    return { root: null, syntaxError: { message: 'control characters are not allowed', range: [control, control + 1] } };
  }
  return parseWithLibrary(text);
}

/** The library's path of parseV3, for a text without control characters. */
function parseWithLibrary(text: string): V3Document {
  // libyaml does not check the indentation of a quoted scalar's continuation lines; the library does. Such scalars
  // are parsed with their line breaks turned into spaces (same offsets), and get their folded value back afterwards.
  // libyaml takes a lone CR for a line break, as the library does not: same length, so offsets stay put.
  const lines = text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
  let src = lines;
  const joined: Offsets[] = [];
  const dashes: number[] = [];
  let docs: Document.Parsed[];
  let err: YAMLError | undefined;
  for (;;) {
    try {
      docs = parseAllDocuments(src, PARSE_OPTIONS) as unknown as Document.Parsed[];
    } catch (e) {
      return { root: null, syntaxError: { message: String((e as Error).message ?? e), range: [0, 0] } };
    }
    err = docs[0]?.errors.find((e) => !isIgnoredError(e.code, e.message));
    const quoted = err && joined.length < 64 ? unindentedQuotedScalar(src, err) : undefined;
    if (quoted) {
      joined.push(quoted);
      src = src.slice(0, quoted[0]) + src.slice(quoted[0], quoted[1]).replace(/[\r\n]/g, ' ') + src.slice(quoted[1]);
      continue;
    }
    // libyaml reads a `-` glued to a flow indicator (`[-, a]`, `{x: -}`) as the plain scalar "-"; the library takes
    // it for a block sequence. It is parsed as another one-character scalar (same offsets) and gets its "-" back.
    const dash = err && dashes.length < 64 ? flowDash(src, err.pos[0]) : undefined;
    if (dash === undefined) break;
    dashes.push(dash);
    src = src.slice(0, dash) + DASH_STAND_IN + src.slice(dash + 1);
  }
  const doc = docs[0];
  if (!doc) return { root: null };
  if (err) {
    return { root: null, syntaxError: { message: cleanMessage(err.message), range: [err.pos[0], Math.max(err.pos[0], err.pos[1])] } };
  }
  const tab = findForbiddenTab(src, firstDocumentEnd(src, doc, docs[1]));
  if (tab) return { root: null, syntaxError: tab };
  const contents = doc.contents as YNode | null;
  if (contents === null || contents === undefined) {
    const at = doc.range[0];
    return { root: { kind: 'scalar', value: '', style: 'plain', range: [at, at] } };
  }
  const anchors = new Map<YNode, V3Node>();
  const root = convert(contents, doc, anchors, 0);
  if (joined.length) refold(root, lines, joined);
  if (dashes.length) restoreDashes(root, new Set(dashes));
  // yaml.v3's parser fails on an alias to an anchor not defined before it; the library just leaves it unresolved.
  const unknown = firstUnknownAlias(root);
  if (unknown) return { root: null, syntaxError: { message: `unknown anchor '${unknown.name}' referenced`, range: unknown.range } };
  return { root };
}

const DASH_STAND_IN = 'x';

/** The offset of a `-` glued to a flow indicator where the library reported an error, if that is what it is. */
function flowDash(src: string, at: number): number | undefined {
  return src[at] === '-' && ',]}'.includes(src[at + 1] ?? '') ? at : undefined;
}

/** Puts the "-" back into the scalars parsed from stand-ins (see parseWithLibrary). */
function restoreDashes(root: V3Node, at: ReadonlySet<number>): void {
  for (const n of nodesOf(root)) {
    if (n.kind === 'scalar' && at.has(n.range[0]) && n.range[1] === n.range[0] + 1 && n.value === DASH_STAND_IN) n.value = '-';
  }
}

/** Every node of the tree once, in document order (iteratively: trees can be deeply nested). Aliases are not followed. */
function* nodesOf(root: V3Node): Generator<V3Node> {
  const stack: V3Node[] = [root];
  const seen = new Set<V3Node>();
  while (stack.length) {
    const n = stack.pop()!;
    if (seen.has(n)) continue;
    seen.add(n);
    yield n;
    if (n.kind === 'map') {
      for (let i = n.pairs.length - 1; i >= 0; i--) stack.push(n.pairs[i].value, n.pairs[i].key);
    } else if (n.kind === 'seq') {
      for (let i = n.items.length - 1; i >= 0; i--) stack.push(n.items[i]);
    }
  }
}

const PARSE_OPTIONS = {
  version: '1.2',
  schema: 'failsafe',
  uniqueKeys: false,
  strict: true,
  prettyErrors: false,
  keepSourceTokens: false,
} as const;

/**
 * For the library's "Missing closing quote" on a quoted scalar that libyaml reads fine (it closes later, and no line
 * in between starts with a document marker): the scalar's [start, end) offsets.
 */
function unindentedQuotedScalar(src: string, err: YAMLError): Offsets | undefined {
  if (err.code !== 'MISSING_CHAR' || !/^Missing closing ["']quote/.test(err.message)) return undefined;
  const at = err.pos[0];
  let offset = 0;
  let open = -1;
  for (const tok of new Lexer().lex(src)) {
    if (tok === CST.DOCUMENT || tok === CST.FLOW_END || tok === CST.SCALAR) continue;
    const type = CST.tokenType(tok);
    if ((type === 'double-quoted-scalar' || type === 'single-quoted-scalar') && offset <= at && at <= offset + tok.length) {
      open = offset;
      break;
    }
    offset += tok.length;
    if (offset > at) break;
  }
  if (open < 0) return undefined;
  const q = src[open];
  for (let i = open + 1; i < src.length; i++) {
    const c = src[i];
    if (q === '"' && c === '\\') {
      i++;
      continue;
    }
    if (c === q) {
      if (q === "'" && src[i + 1] === "'") {
        i++;
        continue;
      }
      return [open, i + 1];
    }
    if (c === '\n' && /^(?:---|\.\.\.)(?:[ \t\r\n]|$)/.test(src.slice(i + 1, i + 5))) return undefined;
  }
  return undefined;
}

/** Gives the scalars parsed from joined lines their value as folded from the original text. */
function refold(root: V3Node, text: string, joined: Offsets[]): void {
  const starts = new Map(joined.map(([a, b]) => [a, b] as const));
  for (const n of nodesOf(root)) {
    if (n.kind !== 'scalar') continue;
    const end = starts.get(n.range[0]);
    if (end === undefined) continue;
    // Folding ignores indentation, so the scalar re-indented under a key folds exactly as libyaml folds it.
    const doc = parseAllDocuments('x: ' + text.slice(n.range[0], end).replace(/\n/g, '\n '), PARSE_OPTIONS) as unknown as Document.Parsed[];
    const pair = doc[0] && !doc[0].errors.length && isMap(doc[0].contents) ? doc[0].contents.items[0] : undefined;
    if (pair && isScalar(pair.value)) n.value = scalarOf(pair.value as Scalar, n.range).value;
  }
}

/**
 * Where libyaml stops scanning for the first document: at a `...` line after its content, or where the next document
 * starts. (The library's document range ends with its last node and leaves out trailing blank or tab-only lines,
 * which libyaml still scans.)
 */
function firstDocumentEnd(text: string, doc: Document.Parsed, next: Document.Parsed | undefined): number {
  const end = next ? next.range[0] : text.length;
  const tail = text.slice(doc.range[1], end);
  const marker = /^\.\.\.(?=[ \t\r\n]|$)/m.exec(tail);
  return marker ? doc.range[1] + marker.index : end;
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

function firstUnknownAlias(root: V3Node): V3Alias | undefined {
  for (const n of nodesOf(root)) if (n.kind === 'alias' && !n.target) return n;
  return undefined;
}

function offsets(node: YNode): Offsets {
  const r = node.range;
  return r ? [r[0], r[1]] : [0, 0];
}

function emptyScalar(at: number): V3Scalar {
  return { kind: 'scalar', value: '', style: 'plain', range: [at, at] };
}

function scalarOf(node: Scalar, range: Offsets): V3Scalar {
  // yaml.v3's Node.Value is the scalar's text before any tag is applied. The library resolves some explicit tags even
  // under the failsafe schema (!!binary to bytes, !!timestamp to a Date); its `source` keeps the composed text.
  const source = (node as Scalar & { source?: unknown }).source;
  const value = typeof source === 'string' ? source : node.value === null || node.value === undefined ? '' : String(node.value);
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
  // Most texts are printable ASCII with line breaks: one regex scan instead of a loop over every character.
  if (!/[^\t\n\r\x20-\x7e]/.test(text)) return undefined;
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
 * the start of a line (blank lines included), right after `-` or `?`, and after the `:` of an explicit (`?`) key a tab
 * "cannot start any token" (after the `:` of an ordinary key it is plain separation). After a plain scalar the scalar
 * scanner itself eats following blank lines and only rejects a tab left of the indentation. A `:` with no key before
 * it (neither a simple key on its line nor a `?`) is "did not find expected key". The `yaml` package accepts all of
 * these, so they are found here from its token stream.
 */
function findForbiddenTab(text: string, docEnd: number): V3SyntaxError | undefined {
  // Only texts with a tab, or with a `:` that is not glued to a preceding key, need the token pass.
  if (!text.includes('\t') && !LOOSE_COLON.test(text)) return undefined;
  const t = new TabScan(text);
  let offset = 0;
  for (const tok of new Lexer().lex(text.slice(0, docEnd))) {
    const found = t.token(tok, offset);
    if (found !== undefined) return found;
    // The lexer's control markers (document, flow-error-end, scalar) are not in the source.
    if (tok !== CST.DOCUMENT && tok !== CST.FLOW_END && tok !== CST.SCALAR) offset += tok.length;
  }
  return undefined;
}

/** A `:` not glued to a preceding key (see findForbiddenTab). */
const LOOSE_COLON = /(?:^|[\s,[{\]}"'])[ ]*:(?=[\s,\]}]|$)/m;

const CANNOT_START = 'found character that cannot start any token';
const TAB_INDENT = 'found a tab character that violates indentation';
const NO_KEY = 'did not find expected key';

class TabScan {
  constructor(private readonly text: string) {}
  /**
   * yaml.v3's comment scanner: after a comment that starts its line, it swallows the following blank and comment
   * lines whole, tabs included, as long as a comment line comes before the next content.
   */
  private commentRun = false;
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
  /**
   * Per flow level: a simple key is possible (libyaml's saved simple key: a scalar, alias, anchor, tag or flow
   * collection started where a simple key was allowed, on the current line), and an explicit `?` key awaits its `:`.
   * A `:` with neither is "did not find expected key" in yaml.v3 (libyaml's parser), which the library accepts as an
   * empty key.
   */
  private readonly possibleKey: boolean[] = [false];
  private readonly explicitKey: boolean[] = [false];

  private saveSimpleKey(): void {
    if (this.simpleKeyAllowed) this.possibleKey[this.flow] = true;
  }

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
        // A simple key cannot span lines (libyaml's stale_simple_keys).
        this.possibleKey.fill(false);
        return undefined;
      case 'space':
        return this.space(tok, start);
      case 'comment':
        this.afterPlain = false;
        this.commentRun = !this.lineHasToken;
        return undefined;
      case 'byte-order-mark':
      case 'doc-mode':
      case 'flow-error-end':
        return undefined;
      case 'flow-map-start':
      case 'flow-seq-start':
        this.saveSimpleKey();
        this.flow++;
        this.possibleKey[this.flow] = false;
        this.explicitKey[this.flow] = false;
        this.simpleKeyAllowed = true;
        break;
      case 'flow-map-end':
      case 'flow-seq-end':
        this.possibleKey.length = this.explicitKey.length = this.flow + 1;
        this.possibleKey[this.flow] = this.explicitKey[this.flow] = false;
        this.flow = Math.max(0, this.flow - 1);
        this.simpleKeyAllowed = false;
        break;
      case 'comma':
        this.possibleKey[this.flow] = this.explicitKey[this.flow] = false;
        this.simpleKeyAllowed = true;
        break;
      case 'seq-item-ind':
      case 'explicit-key-ind':
        this.possibleKey[this.flow] = false;
        this.explicitKey[this.flow] = type === 'explicit-key-ind';
        this.simpleKeyAllowed = true;
        if (this.flow === 0 && !this.lineHasToken) this.pushIndent(start - this.lineStart);
        break;
      case 'map-value-ind':
        if (this.possibleKey[this.flow]) {
          // The value of a simple key: libyaml allows no simple key (so tabs are plain separation) after its `:`.
          this.possibleKey[this.flow] = false;
          this.simpleKeyAllowed = false;
        } else if (this.explicitKey[this.flow]) {
          this.explicitKey[this.flow] = false;
          this.simpleKeyAllowed = this.flow === 0;
        } else {
          return { message: NO_KEY, range: [start, start + 1] };
        }
        if (this.flow === 0 && this.lastScalar?.firstOnLine) this.pushIndent(this.lastScalar.column);
        break;
      case 'block-scalar-header':
        this.possibleKey[this.flow] = false;
        this.blockHeader = true;
        this.simpleKeyAllowed = false;
        break;
      case 'anchor':
      case 'tag':
      case 'alias':
        // libyaml saves a simple key here, and allows no other right after them on the same line.
        this.saveSimpleKey();
        this.simpleKeyAllowed = false;
        break;
      default:
        if (type === 'doc-start' || type === 'doc-end') {
          this.possibleKey.fill(false);
          this.explicitKey.fill(false);
        }
        this.simpleKeyAllowed = type === 'doc-start' || type === 'doc-end';
        break;
    }
    this.lineHasToken = true;
    this.afterPlain = false;
    this.lastScalar = undefined;
    this.commentRun = false;
    return undefined;
  }

  private space(tok: string, start: number): V3SyntaxError | undefined {
    const tab = tok.indexOf('\t');
    if (tab < 0 || this.flow > 0) return undefined;
    const at = start + tab;
    if (this.afterPlain && !this.lineHasToken) {
      return at - this.lineStart < this.plainIndent ? { message: TAB_INDENT, range: [at, at + 1] } : undefined;
    }
    if (this.commentRun && !this.lineHasToken && this.commentComesNext(at)) return undefined;
    return this.simpleKeyAllowed ? { message: CANNOT_START, range: [at, at + 1] } : undefined;
  }

  /** Whether the first character after blanks and line breaks from `at` is `#` (within libyaml's 512-byte peek). */
  private commentComesNext(at: number): boolean {
    const t = this.text;
    for (let i = at; i < t.length && i - at < 512; i++) {
      const c = t[i];
      if (c === ' ' || c === '\t' || c === '\n' || c === '\r') continue;
      return c === '#';
    }
    return false;
  }

  private scalar(tok: string, start: number, plain: boolean): V3SyntaxError | undefined {
    // A scalar may be a simple key, unless it runs onto another line.
    if (!tok.includes('\n')) this.saveSimpleKey();
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
