/**
 * Winnowing (Schleimer, Wilkerson & Aiken, "Winnowing: local algorithms for document fingerprinting",
 * SIGMOD 2003): hash every k-gram of the token stream, then keep the smallest hash of each window of
 * `window` consecutive k-grams (the rightmost on ties, each position once). Any run of at least
 * `window + k - 1` shared tokens yields a shared fingerprint; runs shorter than `k` never do (noise).
 */

/** 32-bit finaliser of MurmurHash3: spreads the bits so that "smallest hash" is a fair sample. */
function mix(value: number): number {
  let h = value | 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h | 0;
}

const BASE = 0x01000193;

/** The hash of every k-gram (`symbols.length - k + 1` of them; none when the stream is shorter than k). */
export function kgramHashes(symbols: Int32Array, k: number): Int32Array {
  const count = symbols.length - k + 1;
  if (count <= 0) return new Int32Array(0);
  let topPower = 1; // BASE^(k-1) mod 2^32, to roll the oldest token out
  for (let index = 1; index < k; index++) topPower = Math.imul(topPower, BASE);
  const mixed = symbols.map((symbol) => mix(Math.imul(symbol, 0x9e3779b1)));
  const hashes = new Int32Array(count);
  let rolling = 0;
  for (let index = 0; index < k; index++) rolling = (Math.imul(rolling, BASE) + mixed[index]) | 0;
  hashes[0] = mix(rolling);
  for (let index = 1; index < count; index++) {
    rolling = (rolling - Math.imul(mixed[index - 1], topPower)) | 0;
    rolling = (Math.imul(rolling, BASE) + mixed[index + k - 1]) | 0;
    hashes[index] = mix(rolling);
  }
  return hashes;
}

/** Indices of the hashes winnowing selects, ascending. A stream shorter than one window keeps its minimum. */
export function winnow(hashes: Int32Array, window: number): Int32Array {
  if (hashes.length === 0) return new Int32Array(0);
  const span = Math.min(window, hashes.length);
  const selected: number[] = [];
  let last = -1;
  for (let start = 0; start + span <= hashes.length; start++) {
    let minimum = start;
    for (let index = start + 1; index < start + span; index++) {
      if (hashes[index] <= hashes[minimum]) minimum = index;
    }
    // Robust winnowing: a tie with the fingerprint already taken keeps it, so runs of equal hashes
    // (repeated code) do not yield one fingerprint per position.
    if (last >= start && hashes[last] === hashes[minimum]) continue;
    if (minimum !== last) {
      selected.push(minimum);
      last = minimum;
    }
  }
  return Int32Array.from(selected);
}
