import type { SubmissionFingerprints } from './submission-fingerprinter.js';

const FORMAT_VERSION = 1;
const HEADER_WORDS = 5;

/**
 * A submission's fingerprints as bytes, to store beside the index: matched regions can then be read
 * again without tokenizing the code again (which costs far more than the comparison itself).
 * Layout, little-endian int32 words: version, k, truncated, fingerprint count, token count, then
 * hashes, positions, token order (one per fingerprint) and the line of each token.
 */
export function encodeFingerprints(fingerprints: SubmissionFingerprints): Uint8Array {
  const count = fingerprints.hashes.length;
  const tokens = fingerprints.tokenLines.length;
  const words = new Int32Array(HEADER_WORDS + 3 * count + tokens);
  words.set([FORMAT_VERSION, fingerprints.k, fingerprints.truncated ? 1 : 0, count, tokens]);
  words.set(fingerprints.hashes, HEADER_WORDS);
  words.set(fingerprints.positions, HEADER_WORDS + count);
  words.set(fingerprints.tokenOrder, HEADER_WORDS + 2 * count);
  words.set(fingerprints.tokenLines, HEADER_WORDS + 3 * count);
  if (!littleEndian()) swapWords(words);
  return new Uint8Array(words.buffer);
}

export function decodeFingerprints(bytes: Uint8Array): SubmissionFingerprints {
  if (bytes.byteLength % 4 !== 0 || bytes.byteLength < HEADER_WORDS * 4) {
    throw new RangeError('not encoded fingerprints: wrong length');
  }
  // Copied into an aligned buffer of its own: a Buffer from the driver may sit at any offset of a shared one.
  const words = new Int32Array(bytes.byteLength / 4);
  new Uint8Array(words.buffer).set(bytes);
  if (!littleEndian()) swapWords(words);
  const [version, k, truncated, count, tokens] = words;
  if (version !== FORMAT_VERSION) throw new RangeError(`not encoded fingerprints: format ${version}`);
  if (count < 0 || tokens < 0 || words.length !== HEADER_WORDS + 3 * count + tokens) {
    throw new RangeError('not encoded fingerprints: inconsistent sizes');
  }
  const hashes = words.slice(HEADER_WORDS, HEADER_WORDS + count);
  return {
    hashes,
    positions: words.slice(HEADER_WORDS + count, HEADER_WORDS + 2 * count),
    tokenOrder: words.slice(HEADER_WORDS + 2 * count, HEADER_WORDS + 3 * count),
    distinct: hashes.filter((hash, index) => index === 0 || hash !== hashes[index - 1]),
    tokenLines: words.slice(HEADER_WORDS + 3 * count),
    k,
    truncated: truncated === 1,
  };
}

function littleEndian(): boolean {
  return new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;
}

function swapWords(words: Int32Array): void {
  const view = new DataView(words.buffer);
  for (let index = 0; index < words.length; index++) view.setInt32(index * 4, view.getInt32(index * 4, true), false);
}
