export * from './verdict.js';
export * from './harnesses/harness.js';
