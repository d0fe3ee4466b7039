import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createDataSource } from '../data-source.js';
import { runPendingMigrations } from '../migrate.js';
import { MIGRATIONS } from './index.js';

describe('migrations', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    database = await createTestDatabase({ fromTemplate: false });
  });
  afterAll(() => database.drop());

  it('apply on an empty database, match the entities exactly, and revert to nothing', async () => {
    const applied = await runPendingMigrations(database.url);
    expect(applied.map((migration) => migration.name)).toEqual(MIGRATIONS.map((migration) => migration.name));

    const dataSource = await createDataSource(database.url).initialize();
    try {
      // What migration:generate would write: nothing, or the entities and the migrations disagree.
      const drift = await dataSource.driver.createSchemaBuilder().log();
      expect(drift.upQueries.map((query) => query.query)).toEqual([]);
      expect(await runPendingMigrations(database.url)).toEqual([]);

      for (let i = 0; i < MIGRATIONS.length; i++) await dataSource.undoLastMigration();
      const tables = await dataSource.query<{ table_name: string }[]>(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY table_name",
      );
      expect(tables.map((row) => row.table_name)).toEqual(['migrations']);
    } finally {
      await dataSource.destroy();
    }
  });

  it('let concurrent processes migrate the same database safely', async () => {
    const other = await createTestDatabase({ fromTemplate: false });
    try {
      const results = await Promise.all([1, 2, 3].map(() => runPendingMigrations(other.url)));
      expect(results.map((applied) => applied.length).sort()).toEqual([0, 0, MIGRATIONS.length]);
    } finally {
      await other.drop();
    }
  });
});
