import { describe, expect, it } from '@jest/globals';
import { SubmissionFingerprinter } from '../fingerprints/submission-fingerprinter.js';
import { matchedRegions } from './matched-regions.js';

// A: parseDuration on lines 1-10, formatDuration on lines 12-24.
const a = `export function parseDuration(text) {
  const match = /^(\\d+)(ms|s|m|h)$/.exec(text.trim());
  if (!match) {
    throw new RangeError('invalid duration: ' + text);
  }
  const value = Number(match[1]);
  const unit = match[2];
  const factors = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  return value * factors[unit];
}

export function formatDuration(ms) {
  const parts = [];
  let rest = ms;
  for (const [unit, size] of [['h', 3600000], ['m', 60000], ['s', 1000]]) {
    if (rest >= size) {
      parts.push(Math.floor(rest / size) + unit);
      rest = rest % size;
    }
  }
  if (rest > 0 || parts.length === 0) {
    parts.push(rest + 'ms');
  }
  return parts.join(' ');
}
`;

// B: the same two functions renamed and swapped (formatDuration on lines 2-14, parseDuration on
// lines 21-30) around a function of its own (clamp, lines 16-18).
const b = `// helpers
export function formatDuration(total) {
  const out = [];
  let left = total;
  for (const [u, n] of [['h', 3600000], ['m', 60000], ['s', 1000]]) {
    if (left >= n) {
      out.push(Math.floor(left / n) + u);
      left = left % n;
    }
  }
  if (left > 0 || out.length === 0) {
    out.push(left + 'ms');
  }
  return out.join(' ');
}

export function clamp(value, low, high) {
  return Math.min(high, Math.max(low, value));
}

export function parseDuration(input) {
  const m = /^(\\d+)(ms|s|m|h)$/.exec(input.trim());
  if (!m) {
    throw new RangeError('invalid duration: ' + input);
  }
  const amount = Number(m[1]);
  const suffix = m[2];
  const table = { ms: 1, s: 1000, m: 60000, h: 3600000 };
  return amount * table[suffix];
}
`;

describe('matchedRegions', () => {
  const fingerprinter = new SubmissionFingerprinter({ k: 10, window: 6 });

  it('pairs each copied function with its place on the other side, line for line', () => {
    const sut = matchedRegions(fingerprinter.fingerprint(a), fingerprinter.fingerprint(b));

    expect(sut.map(({ a: left, b: right }) => ({ a: left, b: right }))).toEqual([
      { a: { start: 1, end: 10 }, b: { start: 21, end: 30 } },
      { a: { start: 12, end: 24 }, b: { start: 2, end: 14 } },
    ]);
    expect(sut.every((region) => region.fingerprints >= 3)).toBe(true);
  });

  it('reads the same regions from either side', () => {
    const forward = matchedRegions(fingerprinter.fingerprint(a), fingerprinter.fingerprint(b));
    const backward = matchedRegions(fingerprinter.fingerprint(b), fingerprinter.fingerprint(a));
    const swapped = backward.map((region) => ({ a: region.b, b: region.a }));
    expect(swapped.sort((x, y) => x.a.start - y.a.start)).toEqual(
      forward.map(({ a: left, b: right }) => ({ a: left, b: right })),
    );
  });

  it('finds nothing between unrelated code', () => {
    const other = 'export function add(x, y) {\n  return x + y;\n}\n';
    expect(matchedRegions(fingerprinter.fingerprint(a), fingerprinter.fingerprint(other))).toEqual([]);
  });
});
