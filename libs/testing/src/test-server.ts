import { randomBytes } from 'node:crypto';
import { databaseName, quoteIdentifier, withClient, withDatabase } from '@app/db';

/** Set by the global setup for every test file of the run. */
export const TEST_SERVER_URL_VARIABLE = 'ASSAY_TEST_SERVER_URL';
export const TEST_TEMPLATE_VARIABLE = 'ASSAY_TEST_TEMPLATE';
export const TEST_RUN_VARIABLE = 'ASSAY_TEST_RUN';

/**
 * Where embedded test servers live when DATABASE_URL is not set: one per `npm test` run, in a
 * folder named after the run's pid, so that concurrent runs never share (or stop) a server.
 */
export const TEST_EMBEDDED_ROOT = '.data/test-postgres';

export function testServerUrl(): string {
  const url = process.env[TEST_SERVER_URL_VARIABLE];
  if (!url) throw new Error(`${TEST_SERVER_URL_VARIABLE} is not set: run the tests with npm test`);
  return url;
}

export interface TestDatabase {
  url: string;
  name: string;
  drop(): Promise<void>;
}

/**
 * A fresh database for one test file, copied from the migrated template: isolated from every
 * other file and ready in milliseconds.
 */
export async function createTestDatabase(options: { fromTemplate?: boolean } = {}): Promise<TestDatabase> {
  const serverUrl = testServerUrl();
  const template = process.env[TEST_TEMPLATE_VARIABLE];
  // Named after the run, so that a run's teardown only ever drops its own databases.
  const name = `assay_test_${process.env[TEST_RUN_VARIABLE] ?? 'x'}_${randomBytes(6).toString('hex')}`;
  const fromTemplate = options.fromTemplate ?? true;
  await withClient(serverUrl, (client) =>
    client.query(
      `CREATE DATABASE ${quoteIdentifier(name)}` +
        (fromTemplate && template ? ` TEMPLATE ${quoteIdentifier(template)}` : ''),
    ),
  );
  return {
    name,
    url: withDatabase(serverUrl, name),
    drop: () => dropDatabase(serverUrl, name),
  };
}

export async function dropDatabase(serverUrl: string, name: string): Promise<void> {
  await withClient(serverUrl, (client) =>
    client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
  );
}

/** The administrative database of the server behind `url`. */
export function serverUrlOf(url: string): string {
  return databaseName(url) === 'postgres' ? url : withDatabase(url, 'postgres');
}
