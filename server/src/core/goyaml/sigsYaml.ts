/**
 * sigs.k8s.io/yaml `Unmarshal` into a Go type, emulated over a yaml.v2 tree:
 *   1. yaml.v2 → map[interface{}]interface{} (keys resolved, duplicates: last wins, merges spliced);
 *   2. convertToJSONableObject: numbers/bools become strings ONLY where the Go target at that spot is a string —
 *      the target is looked up by struct field (exact name first, then case-folded) using the field's FIRST index,
 *      which is why members of an embedded struct's lists are not coerced (Prow's top-level vs filters asymmetry);
 *   3. json.Marshal (keys byte-sorted; NaN/Inf fail) → encoding/json Decode (keys matched exactly or case-folded,
 *      applied in sorted order, so among case-variants the last in byte order wins; type mismatches fail the decode).
 * Values keep their source node so diagnostics can point at them.
 */
import { goCompare, jsonFoldKey } from '../gostrings';
import { effectiveEntries, type Node, type ScalarNode } from './nodes';
import { formatFloat32g } from './resolve';

export type GoType =
  | { k: 'string' }
  | { k: 'bool' }
  | { k: 'any' }
  | { k: 'slice'; elem: GoType }
  | { k: 'map'; elem: GoType }
  | { k: 'struct'; fields: GoField[] };

export interface GoField {
  /** JSON name. */
  name: string;
  type: GoType;
  /** For a field promoted from an embedded struct: the embedded struct's type (what convertToJSONableObject sees). */
  embeddedIn?: GoType;
}

/** A JSON value after step 2, remembering its source. */
export type JVal =
  | { t: 'str'; v: string; src: Node; coerced?: boolean }
  | { t: 'num'; v: string; nonFinite: boolean; src: Node }
  | { t: 'bool'; v: boolean; src: Node }
  | { t: 'null'; src: Node | null }
  | { t: 'obj'; entries: [string, JVal, Node][]; src: Node }
  | { t: 'arr'; items: JVal[]; src: Node };

export interface DecodeProblem {
  message: string;
  /** The node the problem is about (for its range). */
  node: Node | null;
  kind: 'convert' | 'marshal' | 'type';
}

export class ConvertError extends Error {
  constructor(readonly problem: DecodeProblem) {
    super(problem.message);
  }
}

/** Decoded Go value: strings keep their source. */
export interface GoString {
  value: string;
  src: Node | null;
  /** The YAML scalar was not a string (bool/number) and sigs.k8s.io/yaml stringified it. */
  coerced?: boolean;
}
export type GoValue = GoString | boolean | GoValue[] | Map<string, GoValue> | GoStruct | unknown | null;
export type GoStruct = { [field: string]: GoValue };

export interface DecodeResult<T> {
  value: T;
  /** First problem that makes Go's Unmarshal return an error; undefined = success. */
  error?: DecodeProblem;
  /** Every type problem (Go reports only the first; diagnostics want all). */
  problems: DecodeProblem[];
}

// ---- step 1+2: YAML → JSON-able, with target-directed coercion ----

function keyString(key: Node): string {
  if (key.kind !== 'scalar') throw new ConvertError({ message: 'a mapping or list cannot be used as a key', node: key, kind: 'convert' });
  const v = key.value;
  switch (v.t) {
    case 'str':
      return v.v;
    case 'bool':
      return v.v ? 'true' : 'false';
    case 'int':
      if (v.u) throw new ConvertError({ message: `unsupported map key of type uint64: ${v.v}`, node: key, kind: 'convert' });
      return v.v.toString();
    case 'float': {
      const s = formatFloat32g(v.v);
      return s === '+Inf' ? '.inf' : s === '-Inf' ? '-.inf' : s === 'NaN' ? '.nan' : s;
    }
    case 'merge':
      return '<<';
    case 'null':
      throw new ConvertError({ message: 'a null key is not supported', node: key, kind: 'convert' });
  }
}

function findField(type: GoType & { k: 'struct' }, key: string): GoField | undefined {
  let folded: GoField | undefined;
  const fk = jsonFoldKey(key);
  for (const f of type.fields) {
    if (f.name === key) return f;
    if (!folded && jsonFoldKey(f.name) === fk) folded = f;
  }
  return folded;
}

export function toJson(node: Node, target: GoType | null): JVal {
  switch (node.kind) {
    case 'map': {
      checkMerges(node);
      const byKey = new Map<string, [JVal, Node]>();
      for (const e of effectiveEntries(node)) {
        const k = keyString(e.key);
        let sub: GoType | null = null;
        if (target?.k === 'struct') {
          const f = findField(target, k);
          if (f) sub = f.embeddedIn ?? f.type;
        } else if (target?.k === 'map') {
          sub = target.elem;
        }
        byKey.set(k, [toJson(e.value, sub), e.key]);
      }
      const entries = [...byKey.entries()]
        .sort((a, b) => goCompare(a[0], b[0]))
        .map(([k, [v, keyNode]]) => [k, v, keyNode] as [string, JVal, Node]);
      return { t: 'obj', entries, src: node };
    }
    case 'seq': {
      const elem = target?.k === 'slice' ? target.elem : null;
      return { t: 'arr', items: node.items.map((i) => toJson(i, elem)), src: node };
    }
    case 'scalar':
      return scalarToJson(node, target);
  }
}

/** yaml.v2 fails the whole decode when `<<` is given anything but a mapping or a sequence of mappings. */
function checkMerges(map: Node & { kind: 'map' }): void {
  for (const e of map.entries) {
    if (!e.merge) continue;
    const v = e.value;
    const ok = v.kind === 'map' || (v.kind === 'seq' && v.items.every((i) => i.kind === 'map'));
    if (!ok) throw new ConvertError({ message: 'map merge requires map or sequence of maps as the value', node: v, kind: 'convert' });
    if (v.kind === 'map') checkMerges(v);
    else if (v.kind === 'seq') for (const i of v.items) if (i.kind === 'map') checkMerges(i);
  }
}

function scalarToJson(node: ScalarNode, target: GoType | null): JVal {
  const v = node.value;
  const toString = target?.k === 'string';
  switch (v.t) {
    case 'str':
      return { t: 'str', v: v.v, src: node };
    case 'merge':
      return { t: 'str', v: '<<', src: node };
    case 'null':
      return { t: 'null', src: node };
    case 'bool':
      return toString ? { t: 'str', v: v.v ? 'true' : 'false', src: node, coerced: true } : { t: 'bool', v: v.v, src: node };
    case 'int':
      return toString ? { t: 'str', v: v.v.toString(), src: node, coerced: true } : { t: 'num', v: v.v.toString(), nonFinite: false, src: node };
    case 'float':
      if (toString) return { t: 'str', v: formatFloat32g(v.v), src: node, coerced: true };
      return { t: 'num', v: String(v.v), nonFinite: !Number.isFinite(v.v), src: node };
  }
}

/** json.Marshal refuses NaN and ±Inf anywhere in the value. */
function findNonFinite(v: JVal): JVal | undefined {
  if (v.t === 'num' && v.nonFinite) return v;
  if (v.t === 'arr') for (const i of v.items) { const r = findNonFinite(i); if (r) return r; }
  if (v.t === 'obj') for (const [, e] of v.entries) { const r = findNonFinite(e); if (r) return r; }
  return undefined;
}

// ---- step 3: encoding/json decode ----

function jsonTypeName(v: JVal): string {
  switch (v.t) {
    case 'str': return 'string';
    case 'num': return 'number';
    case 'bool': return 'bool';
    case 'null': return 'null';
    case 'obj': return 'object';
    case 'arr': return 'array';
  }
}

function goTypeName(t: GoType): string {
  switch (t.k) {
    case 'string': return 'string';
    case 'bool': return 'bool';
    case 'any': return 'interface {}';
    case 'slice': return '[]' + goTypeName(t.elem);
    case 'map': return 'map[string]' + goTypeName(t.elem);
    case 'struct': return 'struct';
  }
}

class Decoder {
  readonly problems: DecodeProblem[] = [];

  decode(v: JVal, t: GoType, existing: GoValue): GoValue {
    if (v.t === 'null') {
      // null leaves structs, strings and bools untouched and sets slices/maps to nil.
      if (t.k === 'slice' || t.k === 'map' || t.k === 'any') return null;
      if (t.k === 'string' && existing === undefined) return { value: '', src: v.src };
      return existing;
    }
    switch (t.k) {
      case 'any':
        return this.decodeAny(v);
      case 'string':
        if (v.t === 'str') return { value: v.v, src: v.src, coerced: v.coerced } satisfies GoString;
        return this.mismatch(v, t, existing);
      case 'bool':
        if (v.t === 'bool') return v.v;
        return this.mismatch(v, t, existing);
      case 'slice': {
        if (v.t !== 'arr') return this.mismatch(v, t, existing);
        return v.items.map((i) => {
          const d = this.decode(i, t.elem, t.elem.k === 'string' ? undefined : zeroOf(t.elem));
          // A mismatched element stays Go's zero value (the decode as a whole has already failed).
          return d === undefined && t.elem.k === 'string' ? ({ value: '', src: i.src } satisfies GoString) : d;
        });
      }
      case 'map': {
        if (v.t !== 'obj') return this.mismatch(v, t, existing);
        const m = existing instanceof Map ? (existing as Map<string, GoValue>) : new Map<string, GoValue>();
        for (const [k, ev] of v.entries) m.set(k, this.decode(ev, t.elem, zeroOf(t.elem)));
        return m;
      }
      case 'struct': {
        if (v.t !== 'obj') return this.mismatch(v, t, existing);
        const s = (existing && typeof existing === 'object' && !(existing instanceof Map) && !Array.isArray(existing)
          ? existing
          : zeroOf(t)) as GoStruct;
        for (const [k, ev] of v.entries) {
          const f = findField(t, k);
          if (!f) continue;
          s[f.name] = this.decode(ev, f.type, s[f.name]);
        }
        return s;
      }
    }
  }

  private decodeAny(v: JVal): unknown {
    switch (v.t) {
      case 'str': return v.v;
      case 'num': return Number(v.v);
      case 'bool': return v.v;
      case 'null': return null;
      case 'arr': return v.items.map((i) => this.decodeAny(i));
      case 'obj': {
        const m = new Map<string, unknown>();
        for (const [k, ev] of v.entries) m.set(k, this.decodeAny(ev));
        return m;
      }
    }
  }

  private mismatch(v: JVal, t: GoType, existing: GoValue): GoValue {
    this.problems.push({
      message: `cannot unmarshal ${jsonTypeName(v)} into Go value of type ${goTypeName(t)}`,
      node: v.src,
      kind: 'type',
    });
    return existing;
  }
}

export function zeroOf(t: GoType): GoValue {
  switch (t.k) {
    case 'struct': {
      const s: GoStruct = {};
      for (const f of t.fields) s[f.name] = zeroOf(f.type);
      return s;
    }
    case 'bool':
      return false;
    default:
      return null;
  }
}

/** Unmarshal a parsed YAML root into Go type `t` the way sigs.k8s.io/yaml does. */
export function sigsUnmarshal(root: Node | null, t: GoType): DecodeResult<GoValue> {
  const zero = zeroOf(t);
  if (root === null) return { value: zero, problems: [] };
  let json: JVal;
  try {
    json = toJson(root, t);
  } catch (e) {
    if (e instanceof ConvertError) return { value: zero, error: e.problem, problems: [e.problem] };
    throw e;
  }
  const bad = findNonFinite(json);
  if (bad) {
    const problem: DecodeProblem = { message: `json: unsupported value: ${bad.t === 'num' ? bad.v : ''}`, node: bad.src, kind: 'marshal' };
    return { value: zero, error: problem, problems: [problem] };
  }
  const d = new Decoder();
  const value = d.decode(json, t, zero);
  return { value, error: d.problems[0], problems: d.problems };
}
