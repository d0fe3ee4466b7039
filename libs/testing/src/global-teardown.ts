import { quoteIdentifier, withClient } from '@app/db';
import { TEST_SERVER_URL_VARIABLE, TEST_TEMPLATE_VARIABLE } from './test-server.js';

export default async function globalTeardown(): Promise<void> {
  const serverUrl = process.env[TEST_SERVER_URL_VARIABLE];
  const template = process.env[TEST_TEMPLATE_VARIABLE];
  if (serverUrl && template) {
    await withClient(serverUrl, async (client) => {
      await client.query(`ALTER DATABASE ${quoteIdentifier(template)} IS_TEMPLATE false`);
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(template)} WITH (FORCE)`);
      // Test files drop their own databases; these are left by runs that were killed.
      const { rows } = await client.query<{ datname: string }>(
        "SELECT datname FROM pg_database WHERE datname LIKE 'assay\\_test\\_%'",
      );
      for (const { datname } of rows)
        await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(datname)} WITH (FORCE)`);
    });
  }
  await (globalThis as { assayTestPostgres?: { stop(): Promise<void> } }).assayTestPostgres?.stop();
}
