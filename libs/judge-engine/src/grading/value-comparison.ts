import type { JsonValue } from '../harnesses/harness.js';
import { SpecialValue, type SandboxValue } from './sandbox-value.js';

export interface CompareOptions {
  /** Compare every array, at any depth, as a multiset (order ignored). */
  unorderedArrays?: boolean;
  /**
   * Numbers match when |actual - expected| <= tolerance, or <= tolerance * |expected| (absolute or
   * relative, whichever is looser).
   */
  floatTolerance?: number;
}

/** Beyond this many elements an unordered comparison with a tolerance would be quadratic: refuse. */
const MAX_TOLERANT_UNORDERED = 2_000;

/**
 * Deep equality of a candidate value against an author's JSON value. Only plain data matches: a
 * SpecialValue (undefined, NaN, a function, a Map...) never equals JSON.
 */
export function valuesMatch(actual: SandboxValue, expected: JsonValue, options: CompareOptions = {}): boolean {
  return match(actual, expected, options, 0);
}

function match(actual: SandboxValue, expected: JsonValue, options: CompareOptions, depth: number): boolean {
  if (depth > 300) return false;
  if (actual instanceof SpecialValue) return false;
  if (expected === null) return actual === null;
  if (typeof expected === 'number') {
    if (typeof actual !== 'number') return false;
    if (actual === expected) return true;
    const tolerance = options.floatTolerance;
    if (tolerance === undefined) return false;
    const difference = Math.abs(actual - expected);
    return difference <= tolerance || difference <= tolerance * Math.abs(expected);
  }
  if (typeof expected === 'string' || typeof expected === 'boolean') return actual === expected;
  if (Array.isArray(expected)) {
    if (!Array.isArray(actual) || actual.length !== expected.length) return false;
    if (options.unorderedArrays === true) return matchUnordered(actual, expected, options, depth);
    return expected.every((item, index) => match(actual[index] ?? null, item, options, depth + 1));
  }
  if (actual === null || typeof actual !== 'object' || Array.isArray(actual)) return false;
  const expectedKeys = Object.keys(expected);
  const actualKeys = Object.keys(actual);
  if (expectedKeys.length !== actualKeys.length) return false;
  return expectedKeys.every(
    (key) => Object.hasOwn(actual, key) && match(actual[key], expected[key], options, depth + 1),
  );
}

function matchUnordered(
  actual: SandboxValue[],
  expected: JsonValue[],
  options: CompareOptions,
  depth: number,
): boolean {
  if (options.floatTolerance === undefined) {
    // Exact multiset equality: canonical forms (object keys and nested arrays sorted) must coincide.
    const left = actual.map(canonical).sort();
    const right = expected.map((item) => canonical(item)).sort();
    return left.every((item, index) => item === right[index]);
  }
  if (expected.length > MAX_TOLERANT_UNORDERED) return false;
  const used = new Array<boolean>(actual.length).fill(false);
  return expected.every((item) => {
    const index = actual.findIndex((candidate, i) => !used[i] && match(candidate, item, options, depth + 1));
    if (index < 0) return false;
    used[index] = true;
    return true;
  });
}

function canonical(value: SandboxValue): string {
  if (value instanceof SpecialValue) return `\u0000${value.tag}`;
  if (Array.isArray(value)) return `[${value.map(canonical).sort().join(',')}]`;
  if (value !== null && typeof value === 'object') {
    return `{${Object.keys(value)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value);
}
