import { DEFAULT_MAX_TOKENS, tokenizeSource } from '../tokens/source-tokenizer.js';
import { kgramHashes, winnow } from './winnowing.js';

/** A submission's winnowed fingerprints: what is indexed and compared. */
export interface SubmissionFingerprints {
  /** Selected k-gram hashes in token order (a hash may repeat), starter code's removed. */
  hashes: Int32Array;
  /** Token index where each selected k-gram starts. */
  positions: Int32Array;
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
  /** Token stream limit per submission. */
  maxTokens?: number;
}

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
    const hashes: number[] = [];
    const positions: number[] = [];
    for (const position of selected) {
      const hash = all[position];
      if (this.starterHashes.has(hash)) continue;
      hashes.push(hash);
      positions.push(position);
    }
    const distinct = Int32Array.from(new Set(hashes)).sort();
    return {
      hashes: Int32Array.from(hashes),
      positions: Int32Array.from(positions),
      distinct,
      tokenLines: tokens.lines,
      k: this.parameters.k,
      truncated: tokens.truncated,
    };
  }
}
