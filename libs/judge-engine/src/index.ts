export * from './verdict.js';
export * from './limits.js';
export * from './judge-input.error.js';
export { JudgeEngine, validateHarnessData, MAX_SOURCE_LENGTH, DEFAULT_SEED, DEFAULT_EPOCH_MS } from './judge-engine.js';
export type {
  Submission,
  SandboxSettings,
  JudgeOptions,
  JudgeEngineOptions,
  Challenge,
  PreparedChallenge,
  PreparedSubmissionInput,
} from './judge-engine.js';
export type { WorkerStats } from './engine/worker-pool.js';
export * from './harnesses/harness.js';
export * from './harnesses/spec/index.js';
export type { PreludeKit, PreludeOperation } from './sandbox/prelude.js';
export type { CompareOptions } from './grading/value-comparison.js';
export type { FunctionHarnessSpec, FunctionTestData, FunctionCompare } from './harnesses/function/function.harness.js';
