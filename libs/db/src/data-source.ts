import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'migrations';

/**
 * Startup options of the application's connections, whose prepared statements (`preparedQuery`) are the
 * pipeline's: their plans are made once, generic. By default PostgreSQL plans each of a statement's first
 * executions anew with its parameters, and keeps doing so whenever that looks cheaper; for these statements,
 * planning took as long as running them (bind 0.5 to 1 ms each), and their generic plans are the custom ones
 * (they read rows by key; pg-boss's job table is pruned to its queue's partition when the statement runs).
 * pg-boss's own pool keeps PostgreSQL's default: its fetch needs a plan made with its parameters (see
 * `JudgeQueue`).
 */
export const PREPARED_STATEMENT_OPTIONS = '-c plan_cache_mode=force_generic_plan';

/**
 * The one description of Assay's database, shared by the API, the judge, the migration CLI and
 * the tests. The schema comes from migrations only: `synchronize` is off everywhere.
 */
export function buildDataSourceOptions(url: string, poolSize = 10): DataSourceOptions {
  return {
    type: 'postgres',
    uuidExtension: 'pgcrypto',
    url,
    entities: ENTITIES,
    migrations: MIGRATIONS,
    migrationsTableName: MIGRATIONS_TABLE,
    migrationsTransactionMode: 'each',
    synchronize: false,
    migrationsRun: false,
    // Failed queries surface as exceptions where they happen; jest sets NODE_ENV=test.
    logging: process.env.NODE_ENV === 'test' ? false : ['error', 'migration'],
    applicationName: 'assay',
    connectTimeoutMS: 5000,
    extra: { max: poolSize, options: PREPARED_STATEMENT_OPTIONS },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(buildDataSourceOptions(url, poolSize));
}
