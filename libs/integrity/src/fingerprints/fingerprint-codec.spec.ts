import { describe, expect, it } from '@jest/globals';
import { matchedRegions } from '../similarity/matched-regions.js';
import { decodeFingerprints, encodeFingerprints } from './fingerprint-codec.js';
import { SubmissionFingerprinter } from './submission-fingerprinter.js';

const source = `export function chunk(items, size) {
  if (!Number.isInteger(size) || size < 1) throw new RangeError('size must be a positive integer');
  const chunks = [];
  for (let start = 0; start < items.length; start += size) {
    chunks.push(items.slice(start, start + size));
  }
  return chunks;
}
`;

describe('fingerprint codec', () => {
  const fingerprinter = new SubmissionFingerprinter({ k: 10, window: 6 });

  it('gives back the same fingerprints, and the same matched regions, after a round trip through bytes', () => {
    const original = fingerprinter.fingerprint(source);
    const bytes = encodeFingerprints(original);
    // As a database driver hands it back: a Buffer at an odd offset of a larger allocation.
    const shifted = Buffer.concat([Buffer.from([7]), Buffer.from(bytes)]).subarray(1);
    const sut = decodeFingerprints(shifted);
    expect(sut).toEqual(original);
    const other = fingerprinter.fingerprint(source.replaceAll('chunks', 'out'));
    expect(matchedRegions(sut, other)).toEqual(matchedRegions(original, other));
  });

  it('refuses bytes that are not encoded fingerprints', () => {
    expect(() => decodeFingerprints(new Uint8Array(7))).toThrow(RangeError);
    const bytes = encodeFingerprints(fingerprinter.fingerprint(source));
    expect(() => decodeFingerprints(bytes.subarray(0, bytes.length - 4))).toThrow(/inconsistent/);
  });
});
