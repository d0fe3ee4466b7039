import { DataSource, type DataSourceOptions } from 'typeorm';
import { ENTITIES } from './entities/index.js';
import { MIGRATIONS } from './migrations/index.js';

export const MIGRATIONS_TABLE = 'migrations';

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
    extra: { max: poolSize },
  };
}

export function createDataSource(url: string, poolSize?: number): DataSource {
  return new DataSource(buildDataSourceOptions(url, poolSize));
}
