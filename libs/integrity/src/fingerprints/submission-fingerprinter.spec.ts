import { describe, expect, it } from '@jest/globals';
import { sharedCount } from '../similarity/pair-similarity.js';
import { SubmissionFingerprinter } from './submission-fingerprinter.js';

const starter = `
/** Given: reads "key=value" lines into a map, skipping blanks and comments. */
export function parseConfig(text) {
  const config = new Map();
  for (const raw of text.split('\\n')) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    if (at < 0) throw new SyntaxError('missing = in ' + line);
    config.set(line.slice(0, at).trim(), line.slice(at + 1).trim());
  }
  return config;
}

export function portOf(text) {
  // your code here
}
`;

const answerOne = starter.replace(
  '  // your code here',
  `  const value = Number(parseConfig(text).get('port'));
  return Number.isInteger(value) && value > 0 && value < 65536 ? value : 8080;`,
);
const answerTwo = starter.replace(
  '  // your code here',
  `  const port = parseConfig(text).get('port');
  if (port === undefined) return 8080;
  const n = parseInt(port, 10);
  if (isNaN(n) || n <= 0 || n >= 65536) return 8080;
  return n;`,
);

describe('SubmissionFingerprinter', () => {
  it('excludes the starter code from both sides: answers that share only the starter share no fingerprint', () => {
    const parameters = { k: 10, window: 6 };
    const withoutExclusion = new SubmissionFingerprinter(parameters);
    const sut = new SubmissionFingerprinter(parameters, [starter]);

    const naive = sharedCount(
      withoutExclusion.fingerprint(answerOne).distinct,
      withoutExclusion.fingerprint(answerTwo).distinct,
    );
    expect(naive).toBeGreaterThan(10);
    expect(sharedCount(sut.fingerprint(answerOne).distinct, sut.fingerprint(answerTwo).distinct)).toBe(0);
    expect(sut.fingerprint(answerOne).distinct.length).toBeGreaterThan(0);
  });

  it('keeps its arrays consistent: hashes ascending, distinct values, token order by position', () => {
    const sut = new SubmissionFingerprinter({ k: 5, window: 4 }).fingerprint(answerTwo);
    const hashes = Array.from(sut.hashes);
    expect(hashes).toEqual([...hashes].sort((x, y) => x - y));
    expect(Array.from(sut.distinct)).toEqual([...new Set(hashes)]);
    const positionsInTokenOrder = Array.from(sut.tokenOrder, (index) => sut.positions[index]);
    expect(positionsInTokenOrder).toEqual([...positionsInTokenOrder].sort((x, y) => x - y));
    expect(sut.tokenLines.length).toBeGreaterThan(Math.max(...positionsInTokenOrder));
  });

  it('refuses parameters it cannot work with', () => {
    expect(() => new SubmissionFingerprinter({ k: 0, window: 4 })).toThrow(RangeError);
    expect(() => new SubmissionFingerprinter({ k: 5, window: 1.5 })).toThrow(RangeError);
    expect(() => new SubmissionFingerprinter({ k: 5, window: 4, maxTokens: 2 ** 21 })).toThrow(RangeError);
  });
});
