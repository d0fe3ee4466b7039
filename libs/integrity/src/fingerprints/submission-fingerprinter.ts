import { DEFAULT_MAX_TOKENS, tokenizeSource } from '../tokens/source-tokenizer.js';
import { kgramHashes, winnow } from './winnowing.js';

/** A submission's winnowed fingerprints: what is indexed and compared. */
export interface SubmissionFingerprints {
  /**
   * Selected k-gram hashes, starter code's removed, ascending (a hash repeats when its code does):
   * two submissions' matches are then one merge of sorted arrays.
   */
  hashes: Int32Array;
  /** Token index where each selected k-gram starts, aligned with `hashes` (ascending within a hash). */
  positions: Int32Array;
  /** Indices into `hashes` and `positions` in token order: the fingerprints as the source reads. */
  tokenOrder: Int32Array;
  /** The distinct hashes, ascending: the set that scores and the index see (order-free, so reordering is moot). */
  distinct: Int32Array;
  /** 1-based source line of each token. */
  tokenLines: Int32Array;
  /** The k-gram length the hashes were built with. */
  k: number;
  /** The token stream was cut at the tokenizer's limit. */
  truncated: boolean;
}

export interface FingerprintParameters {
  /** Tokens per k-gram: shorter shared runs are noise. */
  k: number;
  /** Winnowing window, in k-grams: shared runs of `window + k - 1` tokens are always seen. */
  window: number;
  /** Token stream limit per submission (at most MAX_TOKENS_LIMIT). */
  maxTokens?: number;
}

/** Token positions must fit in 20 bits: matched regions pack two of them in one number. */
export const MAX_TOKENS_LIMIT = 1 << 20;

/**
 * Fingerprints the submissions of one challenge. Every k-gram of the starter code (the code candidates
 * are given) is excluded from every submission, so two answers that only share the starter never match.
 */
export class SubmissionFingerprinter {
  private readonly starterHashes: Set<number>;

  constructor(
    readonly parameters: FingerprintParameters,
    starterSources: readonly string[] = [],
  ) {
    if (!Number.isInteger(parameters.k) || parameters.k < 1) throw new RangeError('k must be a positive integer');
    if (!Number.isInteger(parameters.window) || parameters.window < 1) {
      throw new RangeError('window must be a positive integer');
    }
    const maxTokens = parameters.maxTokens ?? DEFAULT_MAX_TOKENS;
    if (!Number.isInteger(maxTokens) || maxTokens < 1 || maxTokens > MAX_TOKENS_LIMIT) {
      throw new RangeError(`maxTokens must be an integer within 1..${MAX_TOKENS_LIMIT}`);
    }
    this.starterHashes = new Set();
    for (const starter of starterSources) {
      const tokens = tokenizeSource(starter, { maxTokens: this.maxTokens });
      for (const hash of kgramHashes(tokens.symbols, parameters.k)) this.starterHashes.add(hash);
    }
  }

  private get maxTokens(): number {
    return this.parameters.maxTokens ?? DEFAULT_MAX_TOKENS;
  }

  fingerprint(source: string): SubmissionFingerprints {
    const tokens = tokenizeSource(source, { maxTokens: this.maxTokens });
    const all = kgramHashes(tokens.symbols, this.parameters.k);
    const selected = winnow(all, this.parameters.window);
    // Sorting packed numbers natively (hash, then position) is several times faster than a comparator.
    const packed = new Float64Array(selected.length);
    let count = 0;
    for (const position of selected) {
      const hash = all[position];
      if (!this.starterHashes.has(hash)) packed[count++] = (hash + 2 ** 31) * MAX_TOKENS_LIMIT + position;
    }
    const byHash = packed.subarray(0, count).sort();
    const hashes = new Int32Array(count);
    const positions = new Int32Array(count);
    const byPosition = new Float64Array(count);
    for (let index = 0; index < count; index++) {
      const key = byHash[index];
      positions[index] = key % MAX_TOKENS_LIMIT;
      hashes[index] = Math.floor(key / MAX_TOKENS_LIMIT) - 2 ** 31;
      byPosition[index] = positions[index] * MAX_TOKENS_LIMIT + index;
    }
    byPosition.sort();
    const tokenOrder = Int32Array.from(byPosition, (key) => key % MAX_TOKENS_LIMIT);
    const distinct = hashes.filter((hash, index) => index === 0 || hash !== hashes[index - 1]);
    return {
      hashes,
      positions,
      tokenOrder,
      distinct,
      tokenLines: tokens.lines,
      k: this.parameters.k,
      truncated: tokens.truncated,
    };
  }
}
