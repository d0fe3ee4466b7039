import { dropOrphanedSandboxRoles } from '@app/challenge-kit';
import { quoteIdentifier, withClient } from '@app/db';
import { TEST_SERVER_URL_VARIABLE, TEST_TEMPLATE_VARIABLE } from './test-server.js';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE];
  const template = process.env[TEST_TEMPLATE_VARIABLE];
  if (serverUrl && template) {
    await withClient(serverUrl, async (client) => {
      await client.query(`ALTER DATABASE ${quoteIdentifier(template)} IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(template)} WITH (FORCE)`);
      // Test files drop their own databases; these are what this run's killed or failed files left.
      const { rows } = await client.query<{ datname: string }>(
        'SELECT datname FROM pg_database WHERE starts_with(datname, $1)',
        [`assay_test_${process.pid}_`],
      );
      for (const { datname } of rows)
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    });
  }
  // SQL sandbox roles are server-wide; those whose database is gone were left by killed runs.
  if (serverUrl) await dropOrphanedSandboxRoles(serverUrl).catch(() => undefined);
  await (globalThis as { assayTestPostgres?: { stop(): Promise<void> } }).assayTestPostgres?.stop();
}
