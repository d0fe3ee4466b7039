/**
 * Jest 30 in native ESM mode (NestJS 12 ships ES modules only); TypeScript goes through SWC with
 * the same settings as the build (.swcrc). `npm test` passes --experimental-vm-modules and the
 * --no-node-snapshot flag that isolated-vm needs.
 */
export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest'] },
  moduleNameMapper: {
    '^@app/([a-z-]+)$': '<rootDir>/libs/$1/src/index.ts',
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  testMatch: ['<rootDir>/apps/**/*.spec.ts', '<rootDir>/libs/**/*.spec.ts', '<rootDir>/test/**/*.e2e-spec.ts'],
  modulePathIgnorePatterns: ['<rootDir>/dist/', '<rootDir>/.data/'],
  // Compiled by the `pretest` build: jest loads global hooks outside its ESM module system.
  globalSetup: '<rootDir>/dist/libs/testing/src/global-setup.js',
  globalTeardown: '<rootDir>/dist/libs/testing/src/global-teardown.js',
  testTimeout: 60_000,
  maxWorkers: 2,
  // A fresh worker process for every test file: isolated-vm's native addon, loaded again by each
  // file's module registry, can crash a reused worker (SIGSEGV seen in CI otherwise).
  workerIdleMemoryLimit: '1MB',
};
