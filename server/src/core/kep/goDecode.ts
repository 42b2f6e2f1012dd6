/**
 * yaml.v3 `Decoder` with `KnownFields(true)` (kepval's pkg/yaml UnmarshalStrict), replayed over a V3 node tree for the
 * few Go types kepval decodes into: strings, bools, slices, structs, struct pointers and string-keyed maps. It reports
 * what yaml.v3 collects as "unmarshal errors" (unknown fields, duplicate keys, type mismatches), each with the node
 * it is about, and the decoded value with the nodes each struct field came from.
 */
import { indicatedString, isNullNode, resolveScalar, V3FatalError, type V3Map, type V3Node, type V3Scalar, type V3Seq } from './goYamlV3';

export type GoType =
  | { kind: 'string' }
  | { kind: 'bool' }
  | { kind: 'slice'; elem: GoType; goName: string }
  | { kind: 'struct'; goName: string; fields: Record<string, GoType> }
  | { kind: 'ptr'; elem: GoType }
  | { kind: 'map'; goName: string; elem: GoType };

export interface StructField {
  key: V3Node;
  node: V3Node;
  value: GoValue;
}

export interface GoStruct {
  kind: 'struct';
  /** Fields that appeared in the YAML, by YAML key; absent fields hold Go's zero value. */
  fields: Map<string, StructField>;
}

export interface GoMap {
  kind: 'map';
  entries: Map<string, { key: V3Node; node: V3Node; value: GoValue }>;
}

/** string | bool | slice (array) | struct | map; null stands for a nil slice, pointer or map. */
export type GoValue = string | boolean | null | GoValue[] | GoStruct | GoMap;

export type DecodeIssueKind = 'unknown-field' | 'duplicate-key' | 'type-mismatch' | 'field-already-set';

export interface DecodeIssue {
  kind: DecodeIssueKind;
  /** The node the issue is about (the key for unknown/duplicate keys, the value for type mismatches). */
  node: V3Node;
  /** For unknown/duplicate keys: the key text; for type mismatches: what yaml.v3 found (`!!str`, `!!seq`, …). */
  found: string;
  /** Go type name: the struct for unknown fields, the target for type mismatches. */
  goType: string;
  /** For duplicate keys: the earlier key node. */
  first?: V3Node;
}

export interface DecodeResult {
  value: GoValue;
  issues: DecodeIssue[];
  /** A yaml.v3 failf() that aborts decoding (e.g. `!!int abc`, a merge of a scalar). */
  fatal?: { message: string; node: V3Node };
}

export function zeroValue(t: GoType): GoValue {
  switch (t.kind) {
    case 'string': return '';
    case 'bool': return false;
    case 'struct': return { kind: 'struct', fields: new Map() };
    default: return null;
  }
}

export function goTypeName(t: GoType): string {
  switch (t.kind) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'ptr': return '*' + goTypeName(t.elem);
    default: return t.goName;
  }
}

/**
 * Decodes `root` into a fresh value of type `t`. `knownFields` is yaml.v3's Decoder.KnownFields(true) (kepval's
 * UnmarshalStrict); plain yaml.Unmarshal (the SIG Node checks) ignores unknown keys. Duplicate keys fail either way.
 */
export function decodeV3(root: V3Node, t: GoType, knownFields = true): DecodeResult {
  const d = new Decoder(knownFields);
  try {
    const r = d.unmarshal(root, t, zeroValue(t));
    return { value: r.value, issues: d.issues };
  } catch (e) {
    if (e instanceof V3FatalError) return { value: zeroValue(t), issues: d.issues, fatal: { message: e.message, node: e.node } };
    throw e;
  }
}

interface Step {
  ok: boolean;
  value: GoValue;
}

class Decoder {
  readonly issues: DecodeIssue[] = [];
  constructor(private readonly knownFields: boolean) {}
  private readonly aliasesInProgress = new Set<V3Node>();
  /** yaml.v3's mergedFields: keys already set explicitly, which a `<<` merge must not override. */
  private mergedFields: Set<string> | undefined;

  unmarshal(n: V3Node, t: GoType, current: GoValue): Step {
    if (n.kind === 'alias') {
      if (this.aliasesInProgress.has(n)) throw new V3FatalError(`anchor '${n.name}' value contains itself`, n);
      if (!n.target) throw new V3FatalError(`unknown anchor '${n.name}' referenced`, n);
      this.aliasesInProgress.add(n);
      try {
        return this.unmarshal(n.target, t, current);
      } finally {
        this.aliasesInProgress.delete(n);
      }
    }
    // prepare(): a non-null node allocates through pointers; a null node goes on with the pointer itself.
    if (t.kind === 'ptr' && !isNullNode(n)) {
      const inner = this.unmarshal(n, t.elem, current ?? zeroValue(t.elem));
      return inner;
    }
    switch (n.kind) {
      case 'scalar': return this.scalar(n, t, current);
      case 'map': return this.mapping(n, t, current);
      case 'seq': return this.sequence(n, t);
    }
  }

  private typeError(n: V3Node, t: GoType): Step {
    let found: string;
    if (n.kind === 'map') found = '!!map';
    else if (n.kind === 'seq') found = '!!seq';
    else found = n.kind === 'scalar' ? (n.tag ?? resolveScalar(n).tag) : '!!str';
    this.issues.push({ kind: 'type-mismatch', node: n, found, goType: goTypeName(t) });
    return { ok: false, value: zeroValue(t) };
  }

  private scalar(n: V3Scalar, t: GoType, current: GoValue): Step {
    const r = resolveScalar(n);
    if (r.kind === 'null') {
      // d.null(): pointers, slices and maps become nil; strings, bools and structs keep their value.
      if (t.kind === 'ptr' || t.kind === 'slice' || t.kind === 'map') return { ok: true, value: null };
      return { ok: false, value: current };
    }
    const text = r.tag === '!!binary' ? decodeBase64(n) : n.value;
    switch (t.kind) {
      case 'string':
        return { ok: true, value: text };
      case 'bool': {
        if (r.kind === 'bool') return { ok: true, value: r.bool === true };
        // yaml.v3's YAML 1.1 compatibility: only strings, and only when the target is a typed bool.
        const stringLike = indicatedString(n) || r.kind === 'str' || r.kind === 'other';
        if (stringLike) {
          if (['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].includes(text)) return { ok: true, value: true };
          if (['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].includes(text)) return { ok: true, value: false };
        }
        return this.typeError(n, t);
      }
      default:
        return this.typeError(n, t);
    }
  }

  private sequence(n: V3Seq, t: GoType): Step {
    if (t.kind !== 'slice') return this.typeError(n, t);
    const out: GoValue[] = [];
    for (const item of n.items) {
      const r = this.unmarshal(item, t.elem, zeroValue(t.elem));
      // Items that fail (including nulls into strings) are dropped, as yaml.v3 only keeps successful ones.
      if (r.ok) out.push(r.value);
    }
    return { ok: true, value: out };
  }

  private mapping(n: V3Map, t: GoType, current: GoValue): Step {
    // Duplicate keys: compared by node kind and raw text, across the whole mapping, before anything is decoded.
    const before = this.issues.length;
    // One pass to see whether any key repeats (almost never); the pairwise pass below then reports them in order.
    const seen = new Set<string>();
    let repeated = false;
    for (const p of n.pairs) {
      const k = `${p.key.kind}\0${rawValue(p.key)}`;
      if (seen.has(k)) {
        repeated = true;
        break;
      }
      seen.add(k);
    }
    for (let i = 0; repeated && i < n.pairs.length; i++) {
      const ki = n.pairs[i].key;
      for (let j = i + 1; j < n.pairs.length; j++) {
        const kj = n.pairs[j].key;
        if (ki.kind === kj.kind && rawValue(ki) === rawValue(kj)) {
          this.issues.push({ kind: 'duplicate-key', node: kj, found: rawValue(kj), goType: goTypeName(t), first: ki });
        }
      }
    }
    if (this.issues.length > before) return { ok: false, value: current };
    if (t.kind === 'struct') return this.mappingStruct(n, t, current);
    if (t.kind === 'map') return this.mappingMap(n, t, current);
    return this.typeError(n, t);
  }

  private mappingStruct(n: V3Map, t: Extract<GoType, { kind: 'struct' }>, current: GoValue): Step {
    const out: GoStruct = current && typeof current === 'object' && !Array.isArray(current) && current.kind === 'struct'
      ? current
      : { kind: 'struct', fields: new Map() };
    const merged = this.mergedFields;
    this.mergedFields = undefined;
    let mergeNode: V3Node | undefined;
    const done = new Set<string>();
    for (const { key, value } of n.pairs) {
      if (isMergeKey(key)) {
        mergeNode = value;
        continue;
      }
      const name = this.keyName(key);
      if (name === undefined) continue;
      if (merged) {
        if (merged.has(name)) continue;
        merged.add(name);
      }
      const ft = Object.prototype.hasOwnProperty.call(t.fields, name) ? t.fields[name] : undefined;
      if (ft) {
        if (done.has(name)) {
          this.issues.push({ kind: 'field-already-set', node: key, found: name, goType: t.goName });
          continue;
        }
        done.add(name);
        const prev = out.fields.get(name)?.value ?? zeroValue(ft);
        const r = this.unmarshal(value, ft, prev);
        out.fields.set(name, { key, node: value, value: r.value });
      } else if (this.knownFields) {
        this.issues.push({ kind: 'unknown-field', node: key, found: name, goType: t.goName });
      }
    }
    this.mergedFields = merged;
    if (mergeNode) this.merge(n, mergeNode, t, out);
    return { ok: true, value: out };
  }

  private mappingMap(n: V3Map, t: Extract<GoType, { kind: 'map' }>, current: GoValue): Step {
    const out: GoMap = current && typeof current === 'object' && !Array.isArray(current) && current.kind === 'map'
      ? current
      : { kind: 'map', entries: new Map() };
    const isNew = !current;
    let mergeNode: V3Node | undefined;
    const merged = this.mergedFields;
    this.mergedFields = undefined;
    for (const { key, value } of n.pairs) {
      if (isMergeKey(key)) {
        mergeNode = value;
        continue;
      }
      const name = this.keyName(key);
      if (name === undefined) continue;
      if (merged) {
        if (merged.has(name)) continue;
        merged.add(name);
      }
      const r = this.unmarshal(value, t.elem, zeroValue(t.elem));
      if (r.ok || (isNullNode(value) && (isNew || !out.entries.has(name)))) out.entries.set(name, { key, node: value, value: r.value });
    }
    this.mergedFields = merged;
    if (mergeNode) this.merge(n, mergeNode, t, out);
    return { ok: true, value: out };
  }

  /** A key decoded into a Go string: null keys are skipped silently, collection keys are type errors. */
  private keyName(key: V3Node): string | undefined {
    const r = this.unmarshal(key, { kind: 'string' }, '');
    return r.ok ? (r.value as string) : undefined;
  }

  private merge(parent: V3Map, merge: V3Node, t: GoType, out: GoStruct | GoMap): void {
    const saved = this.mergedFields;
    if (!saved) {
      const keys = new Set<string>();
      for (const { key } of parent.pairs) {
        const k = key.kind === 'alias' ? key.target : key;
        if (k && k.kind === 'scalar' && !isNullNode(k)) keys.add(k.value);
      }
      this.mergedFields = keys;
    }
    const wantMap = () => new V3FatalError('map merge requires map or sequence of maps as the value', merge);
    const target = (x: V3Node) => (x.kind === 'alias' ? x.target : x);
    if (merge.kind === 'map') this.unmarshal(merge, t, out);
    else if (merge.kind === 'alias') {
      if (target(merge)?.kind !== 'map') throw wantMap();
      this.unmarshal(merge, t, out);
    } else if (merge.kind === 'seq') {
      for (const item of merge.items) {
        if (target(item)?.kind !== 'map') throw wantMap();
        this.unmarshal(item, t, out);
      }
    } else throw wantMap();
    this.mergedFields = saved;
  }
}

function rawValue(n: V3Node): string {
  if (n.kind === 'scalar') return n.value;
  if (n.kind === 'alias') return n.name;
  return '';
}

/** yaml.v3 isMerge(): a plain `<<` (its default tag is !!merge) or one explicitly tagged !!merge. */
function isMergeKey(n: V3Node): boolean {
  return n.kind === 'scalar' && n.value === '<<' && (n.tag === '!!merge' || (n.tag === undefined && n.style === 'plain'));
}

function decodeBase64(n: V3Scalar): string {
  const s = n.value.replace(/[\r\n]/g, '');
  if (!/^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/.test(s)) {
    throw new V3FatalError('!!binary value contains invalid base64 data', n);
  }
  let out = '';
  const bin = typeof atob === 'function' ? atob(s) : '';
  for (let i = 0; i < bin.length; i++) out += bin[i];
  return out;
}
