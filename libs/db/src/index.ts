export {
  assertDatabaseReachable,
  databaseName,
  ensureDatabaseExists,
  quoteIdentifier,
  withClient,
  withDatabase,
} from './database-admin.js';
export {
  DatabaseUnreachableError,
  EmbeddedPostgresError,
  describeServer,
  isDatabaseUnavailable,
  surviveDatabaseOutages,
} from './database-errors.js';
export {
  buildDataSourceOptions,
  createDataSource,
  MIGRATIONS_TABLE,
  PREPARED_STATEMENT_OPTIONS,
} from './data-source.js';
export {
  startEmbeddedPostgres,
  type EmbeddedPostgresOptions,
  type RunningPostgres,
} from './embedded/embedded-postgres.server.js';
export * from './entities/index.js';
export { CHALLENGE_VERSION_CACHE_SIZE, ChallengeVersionCache } from './challenge-version.cache.js';
export { PreparedStatementsDb, preparedQuery, statementName } from './prepared-statements.js';
export { runPendingMigrations } from './migrate.js';
