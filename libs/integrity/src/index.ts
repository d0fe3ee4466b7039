export { tokenizeSource, DEFAULT_MAX_TOKENS } from './tokens/source-tokenizer.js';
export type { NormalisedTokens, TokenizeOptions } from './tokens/source-tokenizer.js';
export { TokenClass } from './tokens/token-vocabulary.js';
export { kgramHashes, winnow } from './fingerprints/winnowing.js';
export { SubmissionFingerprinter } from './fingerprints/submission-fingerprinter.js';
export { decodeFingerprints, encodeFingerprints } from './fingerprints/fingerprint-codec.js';
export type { FingerprintParameters, SubmissionFingerprints } from './fingerprints/submission-fingerprinter.js';
export { pairSimilarity, similarityFromShared, similarityScore } from './similarity/pair-similarity.js';
export type { PairSimilarity } from './similarity/pair-similarity.js';
export { matchedRegions } from './similarity/matched-regions.js';
export type { LineRange, MatchedRegion, RegionOptions } from './similarity/matched-regions.js';
export { FingerprintIndex } from './similarity/fingerprint-index.js';
export type { IndexCandidate } from './similarity/fingerprint-index.js';
export { CompactFingerprintIndex } from './similarity/compact-fingerprint-index.js';
export type { SharedFingerprints } from './similarity/compact-fingerprint-index.js';
export { SimilarityDetector, DEFAULT_SIMILARITY_PARAMETERS } from './similarity/similarity-detector.js';
export type {
  PairComparison,
  SimilarityFlag,
  SimilarityParameters,
  SubmissionSource,
} from './similarity/similarity-detector.js';
