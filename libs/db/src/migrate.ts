import type { Migration } from 'typeorm';
import { createDataSource } from './data-source.js';

/** Any number of processes may boot at once (API nodes, judges): one migrates, the others wait. */
const MIGRATION_LOCK_KEY = 7_316_441_001;

export async function runPendingMigrations(url: string): Promise<Migration[]> {
  const dataSource = createDataSource(url, 2);
  await dataSource.initialize();
  const lockHolder = dataSource.createQueryRunner();
  try {
    await lockHolder.connect();
    await lockHolder.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    return await dataSource.runMigrations();
  } finally {
    await lockHolder.release();
    await dataSource.destroy();
  }
}
