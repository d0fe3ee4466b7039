import { quoteIdentifier, runPendingMigrations, startEmbeddedPostgres, withClient, withDatabase } from '@app/db';
import {
  TEST_EMBEDDED,
  TEST_SERVER_URL_VARIABLE,
  TEST_TEMPLATE_VARIABLE,
  dropDatabase,
  serverUrlOf,
} from './test-server.js';

/**
 * Once per `npm test`: find the PostgreSQL to test against (DATABASE_URL, or an embedded one),
 * migrate a template database, and let every test file copy it.
 */
export default async function globalSetup(): Promise<void> {
  let serverUrl: string;
  if (process.env.DATABASE_URL) {
    serverUrl = serverUrlOf(process.env.DATABASE_URL);
  } else {
    const embedded = await startEmbeddedPostgres({ ...TEST_EMBEDDED, database: 'postgres', reclaimOrphan: true });
    (globalThis as { assayTestPostgres?: { stop(): Promise<void> } }).assayTestPostgres = embedded;
    serverUrl = embedded.url;
  }
  const template = `assay_template_${process.pid}`;
  await dropDatabase(serverUrl, template);
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(template)}`));
  await runPendingMigrations(withDatabase(serverUrl, template));
  await withClient(serverUrl, (client) => client.query(`ALTER DATABASE ${quoteIdentifier(template)} IS_TEMPLATE true`));
  process.env[TEST_SERVER_URL_VARIABLE] = serverUrl;
  process.env[TEST_TEMPLATE_VARIABLE] = template;
}
