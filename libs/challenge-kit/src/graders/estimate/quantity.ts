/** What an estimate measures; a value is held in the dimension's base unit. */
export const DIMENSIONS = ['count', 'rate', 'data', 'bandwidth', 'duration'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Base units: a number, per second, bytes, bytes per second, seconds. */
export const BASE_UNITS: Readonly<Record<Dimension, string>> = {
  count: '',
  rate: '/s',
  data: 'B',
  bandwidth: 'B/s',
  duration: 's',
};

const DIMENSION_NAMES: Readonly<Record<Dimension, string>> = {
  count: 'a count',
  rate: 'a rate (per second, minute, ...)',
  data: 'a data size',
  bandwidth: 'a bandwidth (data per time)',
  duration: 'a duration',
};

export interface Unit {
  dimension: Dimension;
  /** Base units per one of this unit: 1 GB = 1e9 B, 1 req/min = 1/60 per second. */
  factor: number;
}

/** Byte and bit units, case-sensitive: B is a byte, b a bit. */
const DATA_UNITS: Readonly<Record<string, number>> = {
  B: 1,
  KB: 1e3,
  kB: 1e3,
  MB: 1e6,
  GB: 1e9,
  TB: 1e12,
  PB: 1e15,
  EB: 1e18,
  KiB: 2 ** 10,
  MiB: 2 ** 20,
  GiB: 2 ** 30,
  TiB: 2 ** 40,
  PiB: 2 ** 50,
  b: 1 / 8,
  Kb: 1e3 / 8,
  kb: 1e3 / 8,
  Mb: 1e6 / 8,
  Gb: 1e9 / 8,
  Tb: 1e12 / 8,
  Pb: 1e15 / 8,
};

/** Spelled-out and lower-case forms; lower-case kb, mb, gb... are read as bytes, as people mostly mean them. */
const DATA_WORDS: Readonly<Record<string, number>> = {
  byte: 1,
  kilobyte: 1e3,
  megabyte: 1e6,
  gigabyte: 1e9,
  terabyte: 1e12,
  petabyte: 1e15,
  bit: 1 / 8,
  kilobit: 1e3 / 8,
  megabit: 1e6 / 8,
  gigabit: 1e9 / 8,
  kbit: 1e3 / 8,
  mbit: 1e6 / 8,
  gbit: 1e9 / 8,
  tbit: 1e12 / 8,
  mb: 1e6,
  gb: 1e9,
  tb: 1e12,
  pb: 1e15,
  kib: 2 ** 10,
  mib: 2 ** 20,
  gib: 2 ** 30,
  tib: 2 ** 40,
};

const TIME_UNITS: Readonly<Record<string, number>> = {
  ms: 0.001,
  millisecond: 0.001,
  s: 1,
  sec: 1,
  second: 1,
  m: 60,
  min: 60,
  minute: 60,
  h: 3600,
  hr: 3600,
  hour: 3600,
  d: 86_400,
  day: 86_400,
  wk: 604_800,
  week: 604_800,
  mo: 2_592_000,
  month: 2_592_000,
  y: 31_536_000,
  yr: 31_536_000,
  year: 31_536_000,
};

/** Things people count; any of them (or nothing) before `/s` makes a rate. */
const COUNT_NOUNS = new Set(
  'request req query write read user item event message msg op operation row record object file photo image video tweet post click call hit transaction txn order job task connection device key view visit session upload download page notification'.split(
    ' ',
  ),
);

/** Rates with the time unit built in. */
const RATE_WORDS: Readonly<Record<string, number>> = { rps: 1, qps: 1, tps: 1, ops: 1, rpm: 1 / 60, qpm: 1 / 60 };

const BITS_PER_SECOND: Readonly<Record<string, number>> = {
  bps: 1 / 8,
  kbps: 1e3 / 8,
  mbps: 1e6 / 8,
  gbps: 1e9 / 8,
  tbps: 1e12 / 8,
};

/** `users` -> `user`, `queries` -> `query`, `bytes` -> `byte`. */
function singular(word: string): string {
  const lower = word.toLowerCase();
  if (lower.endsWith('ies') && lower.length > 4) return `${lower.slice(0, -3)}y`;
  if (lower.endsWith('ses') && lower.length > 4) return lower.slice(0, -2);
  if (lower.endsWith('s') && !lower.endsWith('ss') && lower.length > 2) return lower.slice(0, -1);
  return lower;
}

function dataFactor(text: string): number | undefined {
  return DATA_UNITS[text] ?? DATA_WORDS[text.toLowerCase()] ?? DATA_WORDS[singular(text)];
}

function timeFactor(text: string): number | undefined {
  const lower = text.toLowerCase();
  return TIME_UNITS[lower] ?? TIME_UNITS[singular(lower)];
}

function isCountNoun(text: string): boolean {
  return COUNT_NOUNS.has(text.toLowerCase()) || COUNT_NOUNS.has(singular(text));
}

/**
 * Reads a unit: `req/s`, `qps`, `GB`, `TiB`, `MB/s`, `Gbps`, `TB/month`, `users`, `ms`, `per day`...
 * Undefined when the text is no unit this grader knows. An empty text is no unit at all.
 */
export function parseUnit(raw: string): Unit | undefined {
  const text = raw.trim().replace(/\s+/g, ' ');
  if (text === '') return undefined;
  const per = /^(.*?)\s*(?:\/|\bper\s)\s*(.+)$/i.exec(text);
  if (per) {
    const time = timeFactor(per[2].trim());
    if (time === undefined) return undefined;
    const numerator = per[1].trim();
    if (numerator === '' || isCountNoun(numerator)) return { dimension: 'rate', factor: 1 / time };
    const data = dataFactor(numerator);
    return data === undefined ? undefined : { dimension: 'bandwidth', factor: data / time };
  }
  const lower = text.toLowerCase();
  if (RATE_WORDS[lower] !== undefined) return { dimension: 'rate', factor: RATE_WORDS[lower] };
  if (BITS_PER_SECOND[lower] !== undefined) return { dimension: 'bandwidth', factor: BITS_PER_SECOND[lower] };
  const data = dataFactor(text);
  if (data !== undefined) return { dimension: 'data', factor: data };
  const time = timeFactor(text);
  if (time !== undefined && !isCountNoun(text)) return { dimension: 'duration', factor: time };
  if (isCountNoun(text)) return { dimension: 'count', factor: 1 };
  return undefined;
}

/**
 * Number words and suffixes: `12k`, `3.5M`, `2 billion`, `4bn`. `m`, `B` and `T` mean million, billion
 * and trillion only where they cannot mean minutes, bytes or terabytes.
 */
const MULTIPLIERS: readonly { pattern: RegExp; factor: number; notFor?: readonly Dimension[] }[] = [
  { pattern: /^(?:thousand|k)(?![a-z])/i, factor: 1e3 },
  { pattern: /^(?:million|mil|mn|mm)(?![a-z])/i, factor: 1e6 },
  { pattern: /^M(?![a-zA-Z])/, factor: 1e6 },
  { pattern: /^m(?![a-zA-Z])/, factor: 1e6, notFor: ['duration', 'data', 'bandwidth'] },
  { pattern: /^(?:billion|bn)(?![a-z])/i, factor: 1e9 },
  { pattern: /^[Bb](?![a-zA-Z])/, factor: 1e9, notFor: ['data', 'bandwidth'] },
  { pattern: /^trillion(?![a-z])/i, factor: 1e12 },
  { pattern: /^T(?![a-zA-Z])/, factor: 1e12, notFor: ['data', 'bandwidth'] },
];

const NUMBER = /^([+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?)(?:\s*[x×*]\s*10\s*\^\s*([+-]?\d+))?/;
const APPROXIMATELY = /^(?:~=|~|≈|about|approx\.?|approximately|around|roughly|circa|ca\.)\s*/i;

export type QuantityParse = { value: number } | { error: string };

export const MAX_ANSWER_LENGTH = 100;

/**
 * Reads a candidate's estimate in the dimension the question asks for, in base units. A number
 * without a unit is in the question's unit (`questionUnit`); a multiplier alone (`12k`) scales it.
 */
export function parseQuantity(input: string, questionUnit: Unit): QuantityParse {
  if (input.length > MAX_ANSWER_LENGTH) return { error: `is longer than ${MAX_ANSWER_LENGTH} characters` };
  let text = input.trim().replace(APPROXIMATELY, '');
  // Thousands separators: 12,000 / 12_000 / 12 000 / 12 000 (narrow no-break space).
  text = text.replace(/(\d)[,_\u202f\u2009\u00a0](?=\d{3}(?!\d))/g, '$1').replace(/(\d) (?=\d{3}(?![\d.]))/g, '$1');
  if (/^10\s*\^/.test(text)) text = `1 x ${text}`;
  const number = NUMBER.exec(text);
  if (!number) return { error: 'does not start with a number' };
  const base = Number(number[1]) * (number[2] === undefined ? 1 : 10 ** Number(number[2]));
  const rest = text.slice(number[0].length).trim();

  const readings: { multiplier: number; unitText: string }[] = [{ multiplier: 1, unitText: rest }];
  for (const multiplier of MULTIPLIERS) {
    if (multiplier.notFor?.includes(questionUnit.dimension)) continue;
    const match = multiplier.pattern.exec(rest);
    if (match) readings.push({ multiplier: multiplier.factor, unitText: rest.slice(match[0].length).trim() });
  }
  let mismatch: Dimension | undefined;
  for (const reading of readings) {
    const unit = reading.unitText === '' ? questionUnit : parseUnit(reading.unitText);
    if (!unit) continue;
    if (unit.dimension !== questionUnit.dimension) {
      mismatch ??= unit.dimension;
      continue;
    }
    const value = base * reading.multiplier * unit.factor;
    return Number.isFinite(value) ? { value } : { error: 'is too large' };
  }
  if (mismatch)
    return {
      error: `is ${DIMENSION_NAMES[mismatch]}, but the question asks for ${DIMENSION_NAMES[questionUnit.dimension]}`,
    };
  return { error: `has a unit this grader does not know: "${rest.slice(0, 30)}"` };
}
