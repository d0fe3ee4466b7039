export { startTestApi, testApiConfig, type RunningTestApi } from './test-api.js';
export {
  TEST_EMBEDDED_ROOT,
  createTestDatabase,
  dropDatabase,
  serverUrlOf,
  testServerUrl,
  type TestDatabase,
} from './test-server.js';
export {
  awaitChallengeVerification,
  newMember,
  newOrganization,
  seedChallenge,
  type ChallengeSeed,
  type SignedInStaff,
} from './factories.js';
export { HttpClient, type HttpResult, type RequestOptions } from './http-client.js';
export { TWO_SUM_SOLUTION, TWO_SUM_WRONG, twoSumDefinition } from './two-sum.workload.js';
