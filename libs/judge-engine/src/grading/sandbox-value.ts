/**
 * Host-side view of a candidate value serialised in the isolate by the prelude's `serialize`: tagged
 * JSON where JSON values stay JSON and anything else is an object whose only key is "\u0000". Ordinary
 * keys starting with "\u0000" carry one extra "\u0000". Decoded specials are `SpecialValue`s, which never
 * equal a JSON value: a candidate cannot forge one from plain data.
 */
export type SandboxValue =
  null | boolean | number | string | SpecialValue | SandboxValue[] | { [key: string]: SandboxValue };

export type SpecialTag =
  | 'undefined'
  | 'NaN'
  | 'Infinity'
  | '-Infinity'
  | 'bigint'
  | 'symbol'
  | 'function'
  | 'circular'
  | 'date'
  | 'map'
  | 'set'
  | 'typed';

export class SpecialValue {
  constructor(
    readonly tag: SpecialTag,
    /** bigint digits, date ISO text, typed array kind */
    readonly text?: string,
    /** map entries as [key, value] pairs, set or typed array items */
    readonly items?: SandboxValue[],
  ) {}
}

const TAG = '\u0000';
const TAGS = new Set<string>([
  'undefined',
  'NaN',
  'Infinity',
  '-Infinity',
  'bigint',
  'symbol',
  'function',
  'circular',
  'date',
  'map',
  'set',
  'typed',
]);

export class MalformedValueError extends Error {
  constructor() {
    super('The sandbox returned a malformed value');
    this.name = 'MalformedValueError';
  }
}

export function decodeSandboxValue(text: string): SandboxValue {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new MalformedValueError();
  }
  return decode(parsed, 0);
}

function decode(value: unknown, depth: number): SandboxValue {
  if (depth > 300) throw new MalformedValueError();
  if (value === null || typeof value === 'boolean' || typeof value === 'number' || typeof value === 'string')
    return value;
  if (Array.isArray(value)) return value.map((item) => decode(item, depth + 1));
  if (typeof value !== 'object') throw new MalformedValueError();
  const record = value as Record<string, unknown>;
  if (Object.hasOwn(record, TAG)) return decodeSpecial(record, depth);
  const out: { [key: string]: SandboxValue } = Object.create(null) as { [key: string]: SandboxValue };
  for (const [key, item] of Object.entries(record)) {
    out[key.startsWith(TAG) ? key.slice(1) : key] = decode(item, depth + 1);
  }
  return out;
}

function decodeSpecial(record: Record<string, unknown>, depth: number): SpecialValue {
  const tag = record[TAG];
  if (typeof tag !== 'string' || !TAGS.has(tag)) throw new MalformedValueError();
  const items = Array.isArray(record.v) ? record.v.map((item) => decode(item, depth + 1)) : undefined;
  const text = typeof record.v === 'string' ? record.v : typeof record.t === 'string' ? record.t : undefined;
  return new SpecialValue(tag as SpecialTag, text, items);
}

/** A readable rendering of a candidate value for sample-test details, capped at `limit` characters. */
export function renderSandboxValue(value: SandboxValue, limit = 2048): string {
  const text = render(value, 0);
  return text.length > limit ? `${text.slice(0, limit)}... [truncated]` : text;
}

function render(value: SandboxValue, depth: number): string {
  if (depth > 64) return '...';
  if (value instanceof SpecialValue) {
    switch (value.tag) {
      case 'bigint':
        return `${value.text ?? ''}n`;
      case 'symbol':
        return 'Symbol()';
      case 'function':
        return '[Function]';
      case 'circular':
        return '[Circular]';
      case 'date':
        return `Date(${value.text ?? ''})`;
      case 'map':
        return `Map {${(value.items ?? []).map((pair) => (Array.isArray(pair) ? `${render(pair[0] ?? null, depth + 1)} => ${render(pair[1] ?? null, depth + 1)}` : '?')).join(', ')}}`;
      case 'set':
        return `Set {${(value.items ?? []).map((item) => render(item, depth + 1)).join(', ')}}`;
      case 'typed':
        return `${value.text ?? 'TypedArray'} [${(value.items ?? []).map((item) => render(item, depth + 1)).join(', ')}]`;
      case 'undefined':
      case 'NaN':
      case 'Infinity':
      case '-Infinity':
        return value.tag;
    }
  }
  if (Array.isArray(value)) return `[${value.map((item) => render(item, depth + 1)).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.entries(value)
      .map(([key, item]) => `${JSON.stringify(key)}:${render(item, depth + 1)}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}

/** Caps author data for display (sample tests only). */
export function renderJson(value: unknown, limit = 2048): string {
  const text = JSON.stringify(value) ?? 'undefined';
  return text.length > limit ? `${text.slice(0, limit)}... [truncated]` : text;
}
