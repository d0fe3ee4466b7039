export {
  specHarness,
  specTestName,
  NAME_SEPARATOR,
  DEFAULT_SPEC_TIME_LIMIT_MS,
  type SpecFile,
  type SpecHarnessSpec,
  type SpecTest,
} from './spec.harness.js';
