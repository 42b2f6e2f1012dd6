/**
 * yaml.v2's implicit typing of plain scalars (resolve.go): YAML 1.1 booleans (y/yes/on/…), Go ParseInt base-0
 * integers (0x, 0o, 0b, leading-0 octal, underscores dropped), YAML-style floats, timestamps (kept as text, as
 * yaml.v2 does when decoding into interface{}), `<<` merge keys.
 */
export type GoScalar =
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  /** int64 (u=false) or uint64 (u=true). */
  | { t: 'int'; v: bigint; u: boolean }
  | { t: 'float'; v: number }
  | { t: 'null' }
  | { t: 'merge' };

// Null-prototype: `toString` must not be found through Object.prototype.
const BOOLS: Record<string, boolean> = Object.create(null) as Record<string, boolean>;
for (const s of ['y', 'Y', 'yes', 'Yes', 'YES', 'true', 'True', 'TRUE', 'on', 'On', 'ON']) BOOLS[s] = true;
for (const s of ['n', 'N', 'no', 'No', 'NO', 'false', 'False', 'FALSE', 'off', 'Off', 'OFF']) BOOLS[s] = false;
const NULLS = new Set(['', '~', 'null', 'Null', 'NULL']);
const SPECIAL_FLOATS: Record<string, number> = Object.assign(Object.create(null) as Record<string, number>, {
  '.nan': NaN, '.NaN': NaN, '.NAN': NaN,
  '.inf': Infinity, '.Inf': Infinity, '.INF': Infinity,
  '+.inf': Infinity, '+.Inf': Infinity, '+.INF': Infinity,
  '-.inf': -Infinity, '-.Inf': -Infinity, '-.INF': -Infinity,
});
const YAML_STYLE_FLOAT = /^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/;
const INT64_MIN = -(2n ** 63n);
const INT64_MAX = 2n ** 63n - 1n;
const UINT64_MAX = 2n ** 64n - 1n;

export function resolvePlainScalar(text: string): GoScalar {
  if (NULLS.has(text)) return { t: 'null' };
  // yaml.v2 treats an untagged plain `<<` key as a merge (isMerge); as a value it is the string "<<" (see sigsYaml).
  if (text === '<<') return { t: 'merge' };
  const c = text.charCodeAt(0);
  const hint = hintOf(c);
  if (hint === 0) return { t: 'str', v: text };
  if (text in BOOLS) return { t: 'bool', v: BOOLS[text] };
  if (text in SPECIAL_FLOATS) return { t: 'float', v: SPECIAL_FLOATS[text] };
  if (hint === 'M') return { t: 'str', v: text };
  if (hint === '.') {
    const f = goParseFloat(text);
    return f === undefined ? { t: 'str', v: text } : { t: 'float', v: f };
  }
  // 'D' / 'S': timestamp, int, uint, float, 0b binary.
  if (looksLikeTimestamp(text)) return { t: 'str', v: text };
  const plain = text.replace(/_/g, '');
  const i = goParseIntBase0(plain);
  if (i !== undefined) {
    if (i >= INT64_MIN && i <= INT64_MAX) return { t: 'int', v: i, u: false };
    // strconv.ParseUint accepts no sign at all: `+18446744073709551615` falls through to the float rule.
    if (i >= 0n && i <= UINT64_MAX && !plain.startsWith('-') && !plain.startsWith('+')) return { t: 'int', v: i, u: true };
  }
  if (YAML_STYLE_FLOAT.test(plain)) {
    const f = goParseFloat(plain);
    if (f !== undefined) return { t: 'float', v: f };
  }
  return { t: 'str', v: text };
}

function hintOf(c: number): 0 | 'S' | 'D' | 'M' | '.' {
  if (c === 43 || c === 45) return 'S';
  if (c >= 48 && c <= 57) return 'D';
  if (c === 46) return '.';
  // y Y n N t T f F o O ~
  if ('yYnNtTfFoO~'.includes(String.fromCharCode(c))) return 'M';
  return 0;
}

/** Go strconv.ParseInt(s, 0, 64) / ParseUint digits; returns the exact value or undefined (range checked by caller). */
function goParseIntBase0(s: string): bigint | undefined {
  let i = 0;
  let neg = false;
  if (s[0] === '+' || s[0] === '-') {
    neg = s[0] === '-';
    i = 1;
  }
  let base = 10;
  let body = s.slice(i);
  if (body.length >= 2 && body[0] === '0') {
    const p = body[1].toLowerCase();
    if (p === 'x') { base = 16; body = body.slice(2); }
    else if (p === 'o') { base = 8; body = body.slice(2); }
    else if (p === 'b') { base = 2; body = body.slice(2); }
    else { base = 8; body = body.slice(1); }
  }
  if (body.length === 0) return s.slice(i) === '0' ? 0n : undefined;
  const digits = base === 16 ? /^[0-9a-fA-F]+$/ : base === 8 ? /^[0-7]+$/ : base === 2 ? /^[01]+$/ : /^[0-9]+$/;
  if (!digits.test(body)) return undefined;
  const prefix = base === 16 ? '0x' : base === 8 ? '0o' : base === 2 ? '0b' : '';
  const v = BigInt(prefix + body);
  return neg ? -v : v;
}

/** Go strconv.ParseFloat for the decimal forms yaml.v2 passes it. */
function goParseFloat(s: string): number | undefined {
  if (!/^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$/.test(s)) return undefined;
  const v = Number(s);
  return Number.isNaN(v) ? undefined : v;
}

/** yaml.v2 parseTimestamp: YYYY-… accepted by one of its time.Parse layouts. Approximated by their shapes. */
export function isTimestampText(s: string): boolean {
  return looksLikeTimestamp(s);
}

function looksLikeTimestamp(s: string): boolean {
  if (!/^[0-9]{4}-/.test(s)) return false;
  return (
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}$/.test(s) ||
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2}[Tt][0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?(Z|[+-][0-9]{2}:[0-9]{2})$/.test(s) ||
    /^[0-9]{4}-[0-9]{1,2}-[0-9]{1,2} [0-9]{1,2}:[0-9]{1,2}:[0-9]{1,2}(\.[0-9]+)?$/.test(s)
  ) && validDate(s);
}

function validDate(s: string): boolean {
  const m = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})/.exec(s);
  if (!m) return false;
  const month = Number(m[2]);
  const day = Number(m[3]);
  if (month < 1 || month > 12 || day < 1) return false;
  const y = Number(m[1]);
  const days = [31, y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
  return day <= days[month - 1];
}

/** Go strconv.FormatFloat(v, 'g', -1, 32): shortest float32 repr, %e for exp < -4 || exp >= 21… no: >= 6 (shortest). */
export function formatFloat32g(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  const f = Math.fround(v);
  if (f === Infinity) return '+Inf';
  if (f === -Infinity) return '-Inf';
  if (f === 0) return Object.is(f, -0) ? '-0' : '0';
  const neg = f < 0;
  const a = Math.abs(f);
  let digits = '';
  let exp = 0;
  for (let p = 1; p <= 9; p++) {
    const e = a.toExponential(p - 1);
    if (Math.fround(Number(e)) === a) {
      const [mant, ex] = e.split('e');
      digits = mant.replace('.', '').replace(/0+$/, '') || '0';
      exp = Number(ex);
      break;
    }
  }
  let out: string;
  if (exp < -4 || exp >= 6) {
    const m = digits.length > 1 ? digits[0] + '.' + digits.slice(1) : digits;
    const ae = Math.abs(exp);
    out = m + 'e' + (exp < 0 ? '-' : '+') + (ae < 10 ? '0' + ae : String(ae));
  } else if (exp < 0) {
    out = '0.' + '0'.repeat(-exp - 1) + digits;
  } else if (digits.length <= exp + 1) {
    out = digits + '0'.repeat(exp + 1 - digits.length);
  } else {
    out = digits.slice(0, exp + 1) + '.' + digits.slice(exp + 1);
  }
  return neg ? '-' + out : out;
}
