import { HarnessDataError, type HarnessTest, type JsonValue } from './harness.js';

/**
 * Runtime validation of what challenge authors write (YAML/JSON): every reader names the path of the
 * offending field, and unknown keys are refused so a typo (`expexted`) fails loudly instead of silently
 * weakening a test.
 */
export type AuthoredObject = Record<string, unknown>;

export function readObject(raw: unknown, path: string, allowedKeys: readonly string[]): AuthoredObject {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    throw new HarnessDataError(path, 'must be an object');
  const record = raw as AuthoredObject;
  for (const key of Object.keys(record)) {
    if (!allowedKeys.includes(key))
      throw new HarnessDataError(`${path}.${key}`, `is not a known field (known: ${allowedKeys.join(', ')})`);
  }
  return record;
}

export function readString(
  record: AuthoredObject,
  key: string,
  path: string,
  options: { maxLength?: number; pattern?: RegExp } = {},
): string {
  const value = record[key];
  if (typeof value !== 'string') throw new HarnessDataError(`${path}.${key}`, 'must be a string');
  if (value.length > (options.maxLength ?? 200))
    throw new HarnessDataError(`${path}.${key}`, `must be at most ${options.maxLength ?? 200} characters`);
  if (options.pattern !== undefined && !options.pattern.test(value))
    throw new HarnessDataError(`${path}.${key}`, `must match ${String(options.pattern)}`);
  return value;
}

export function readOptionalString(
  record: AuthoredObject,
  key: string,
  path: string,
  options: { maxLength?: number; pattern?: RegExp } = {},
): string | undefined {
  return record[key] === undefined ? undefined : readString(record, key, path, options);
}

export function readNumber(
  record: AuthoredObject,
  key: string,
  path: string,
  min: number,
  max: number,
  integer = false,
): number {
  const value = record[key];
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new HarnessDataError(`${path}.${key}`, 'must be a finite number');
  if (integer && !Number.isInteger(value)) throw new HarnessDataError(`${path}.${key}`, 'must be an integer');
  if (value < min || value > max) throw new HarnessDataError(`${path}.${key}`, `must be between ${min} and ${max}`);
  return value;
}

export function readOptionalNumber(
  record: AuthoredObject,
  key: string,
  path: string,
  min: number,
  max: number,
  integer = false,
): number | undefined {
  return record[key] === undefined ? undefined : readNumber(record, key, path, min, max, integer);
}

export function readOptionalBoolean(record: AuthoredObject, key: string, path: string): boolean | undefined {
  const value = record[key];
  if (value === undefined) return undefined;
  if (typeof value !== 'boolean') throw new HarnessDataError(`${path}.${key}`, 'must be true or false');
  return value;
}

export function readArray(record: AuthoredObject, key: string, path: string, maxLength = 10_000): unknown[] {
  const value = record[key];
  if (!Array.isArray(value)) throw new HarnessDataError(`${path}.${key}`, 'must be a list');
  if (value.length > maxLength) throw new HarnessDataError(`${path}.${key}`, `must have at most ${maxLength} items`);
  return value;
}

/** Plain JSON only (YAML may produce dates, undefined, non-finite numbers): refused with a path. */
export function readJson(value: unknown, path: string, depth = 0): JsonValue {
  if (depth > 200) throw new HarnessDataError(path, 'is nested more than 200 levels deep');
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value))
      throw new HarnessDataError(path, 'must be a finite number (JSON has no NaN or Infinity)');
    return value;
  }
  if (Array.isArray(value)) return value.map((item, index) => readJson(item, `${path}[${index}]`, depth + 1));
  if (
    typeof value === 'object' &&
    (Object.getPrototypeOf(value) === Object.prototype || Object.getPrototypeOf(value) === null)
  ) {
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      Object.defineProperty(out, key, {
        value: readJson(item, `${path}.${key}`, depth + 1),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return out;
  }
  throw new HarnessDataError(
    path,
    `must be plain JSON data, not ${typeof value === 'object' ? 'a special object' : typeof value}`,
  );
}

export const TEST_COMMON_KEYS = ['name', 'sample', 'weight', 'timeLimitMs'] as const;

/** Fields every planned test shares; `timeLimitMs` overrides the submission's per-test limit. */
export interface CommonTestFields extends HarnessTest {
  timeLimitMs?: number;
}

export function readCommonTestFields(record: AuthoredObject, path: string, seen: Set<string>): CommonTestFields {
  const name = readString(record, 'name', path, { maxLength: 200 });
  if (name.trim() === '') throw new HarnessDataError(`${path}.name`, 'must not be blank');
  if (seen.has(name)) throw new HarnessDataError(`${path}.name`, `repeats the name of another test ('${name}')`);
  seen.add(name);
  const timeLimitMs = readOptionalNumber(record, 'timeLimitMs', path, 1, 60_000, true);
  return {
    id: name,
    name,
    sample: readOptionalBoolean(record, 'sample', path) ?? false,
    weight: readOptionalNumber(record, 'weight', path, 0.000001, 1_000_000) ?? 1,
    ...(timeLimitMs === undefined ? {} : { timeLimitMs }),
  };
}

export function readTestList(raw: unknown, maxTests = 1_000): unknown[] {
  if (!Array.isArray(raw)) throw new HarnessDataError('tests', 'must be a list');
  if (raw.length === 0) throw new HarnessDataError('tests', 'must contain at least one test');
  if (raw.length > maxTests) throw new HarnessDataError('tests', `must contain at most ${maxTests} tests`);
  return raw;
}
