import { afterAll, describe, expect, it } from '@jest/globals';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { withClient } from '../database-admin.js';
import { EmbeddedPostgresError } from '../database-errors.js';
import { startEmbeddedPostgres } from './embedded-postgres.server.js';

describe('startEmbeddedPostgres', () => {
  // As root the cluster runs as the postgres user, which must be able to reach the folder.
  const root = mkdtempSync(join(tmpdir(), 'assay-embedded-'));
  chmodSync(root, 0o755);
  const options = { dataDir: join(root, 'postgres'), port: 54349, database: 'assay' };
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('starts a real server, refuses a second one on the same folder, and keeps data across restarts', async () => {
    const first = await startEmbeddedPostgres(options);
    try {
      expect(first.url).toMatch(/^postgresql:\/\/postgres:[^@]+@127\.0\.0\.1:54349\/assay$/);
      await withClient(first.url, async (client) => {
        await client.query('CREATE TABLE kept (value text)');
        await client.query("INSERT INTO kept VALUES ('still here')");
      });
      await expect(startEmbeddedPostgres({ ...options, port: 54350 })).rejects.toThrow(EmbeddedPostgresError);
      await expect(startEmbeddedPostgres({ ...options, port: 54350 })).rejects.toThrow(/already running/);
    } finally {
      await first.stop();
    }

    const second = await startEmbeddedPostgres(options);
    try {
      const rows = await withClient(second.url, (client) => client.query<{ value: string }>('SELECT value FROM kept'));
      expect(rows.rows).toEqual([{ value: 'still here' }]);
    } finally {
      await second.stop();
    }
  });
});
