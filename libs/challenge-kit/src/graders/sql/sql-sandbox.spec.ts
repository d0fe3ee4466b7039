import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { databaseName, quoteIdentifier, withClient, withDatabase } from '@app/db';
import { createTestDatabase, type TestDatabase, testServerUrl } from '@app/testing';
import {
  dropOrphanedSandboxRoles,
  type PreparedSqlDataset,
  SqlSandbox,
  SqlSandboxError,
  type SqlRunOutcome,
} from './sql-sandbox.js';

const SHOP_SETUP = `
  CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
  CREATE TABLE orders (
    id serial PRIMARY KEY,
    customer_id int NOT NULL REFERENCES customers,
    total numeric(10, 2) NOT NULL,
    placed_at date NOT NULL
  );
  INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian'), (3, 'Chen');
  INSERT INTO orders (customer_id, total, placed_at) VALUES
    (1, 120.50, '2024-01-03'), (1, 30, '2024-02-01'), (2, 99.99, '2024-02-10');`;

const HIDDEN_SETUP = `
  CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
  INSERT INTO customers VALUES (7, 'hidden-customer');`;

const EVENTS_SETUP = `
  CREATE TABLE events (id int PRIMARY KEY, account_id int NOT NULL, payload text NOT NULL);
  INSERT INTO events SELECT g, g % 500, md5(g::text) FROM generate_series(1, 20000) g;
  CREATE INDEX events_account_idx ON events (account_id);`;

const APP_SECRET = 'app-secret-7f3a';

function completed(outcome: SqlRunOutcome): Extract<SqlRunOutcome, { kind: 'completed' }> {
  if (outcome.kind !== 'completed') throw new Error(`expected a completed run, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('SqlSandbox', () => {
  const sandboxName = `assay_test_sbx_${randomBytes(6).toString('hex')}`;
  const sandboxUrl = withDatabase(testServerUrl(), sandboxName);
  let sut: SqlSandbox;
  let shop: PreparedSqlDataset;
  let hidden: PreparedSqlDataset;
  let events: PreparedSqlDataset;
  let application: TestDatabase;
  const incidents: string[] = [];

  /** Reads the sandbox database from outside, as its administrator. */
  const outside = <T extends pg.QueryResultRow>(text: string, values?: unknown[]): Promise<T[]> =>
    withClient(sandboxUrl, async (client) => (await client.query<T>(text, values)).rows);

  const ordersFromOutside = async (): Promise<number> => {
    const [row] = await outside<{ count: string }>(`SELECT count(*) FROM ${quoteIdentifier(shop.schema)}.orders`);
    return Number(row.count);
  };

  /** Backends of the dataset's login role still alive on the server (they must all be gone after a run). */
  const lingeringBackends = async (dataset: PreparedSqlDataset): Promise<number> => {
    for (let attempt = 0; attempt < 50; attempt += 1) {
      const [row] = await outside<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE usename = $1', [
        dataset.loginRole,
      ]);
      if (Number(row.count) === 0) return 0;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [row] = await outside<{ count: string }>('SELECT count(*) FROM pg_stat_activity WHERE usename = $1', [
      dataset.loginRole,
    ]);
    return Number(row.count);
  };

  beforeAll(async () => {
    application = await createTestDatabase();
    await withClient(application.url, (client) =>
      client.query(`CREATE TABLE app_secret (value text); INSERT INTO app_secret VALUES ('${APP_SECRET}')`),
    );
    sut = await SqlSandbox.open({
      url: sandboxUrl,
      applicationDatabaseUrl: application.url,
      onIncident: (incident) => incidents.push(incident.message),
    });
    // An application table living beside the datasets, as when an operator points both at one database by mistake.
    await outside(`CREATE SCHEMA app; CREATE TABLE app.secrets (value text); INSERT INTO app.secrets VALUES ('${APP_SECRET}');
                   CREATE TABLE public.secrets (value text); INSERT INTO public.secrets VALUES ('${APP_SECRET}');`);
    shop = await sut.prepareDataset('shop', { name: 'sample', setup: SHOP_SETUP });
    hidden = await sut.prepareDataset('shop', { name: 'hidden', setup: HIDDEN_SETUP });
    events = await sut.prepareDataset('events', { name: 'large', setup: EVENTS_SETUP });
  });

  afterAll(async () => {
    await sut?.destroy();
    await application?.drop();
  });

  describe('running SQL', () => {
    it('returns the last statement result with column names, types and PostgreSQL text', async () => {
      const outcome = completed(
        await sut.run(
          shop,
          'SELECT id, name FROM customers WHERE id < 3 ORDER BY id;\nSELECT customer_id, sum(total) AS total, true AS flag FROM orders GROUP BY 1 ORDER BY 1',
        ),
      );
      expect(outcome.result).toEqual({
        columns: [
          { name: 'customer_id', type: 'int4' },
          { name: 'total', type: 'numeric' },
          { name: 'flag', type: 'bool' },
        ],
        rows: [
          ['1', '150.50', 't'],
          ['2', '99.99', 't'],
        ],
      });
    });

    it('allows DDL and DML, and keeps none of it', async () => {
      const outcome = completed(
        await sut.run(
          shop,
          `CREATE INDEX orders_total_idx ON orders (total); DELETE FROM orders WHERE total > 100; CREATE TABLE leaked (a int); INSERT INTO leaked VALUES (1);
                             ALTER TABLE customers ADD COLUMN vip boolean; SELECT count(*) AS n FROM orders`,
        ),
      );
      expect(outcome.result?.rows).toEqual([['2']]);
      expect(await ordersFromOutside()).toBe(3);
      expect(await outside(`SELECT 1 FROM pg_class WHERE relname IN ('leaked', 'orders_total_idx')`)).toEqual([]);
      expect(await outside(`SELECT 1 FROM information_schema.columns WHERE column_name = 'vip'`)).toEqual([]);
    });

    it('returns no result for a last statement that has none', async () => {
      expect(completed(await sut.run(shop, 'CREATE INDEX ON orders (placed_at)')).result).toBeUndefined();
    });

    it('reports a PostgreSQL error with its message, code and position', async () => {
      const outcome = await sut.run(shop, 'SELECT 1;\nSELECT nope FROM orders');
      expect(outcome).toMatchObject({ kind: 'failed', sqlState: '42703', statementIndex: 1 });
      expect(outcome.kind === 'failed' && outcome.message).toMatch(
        /Statement 2 failed: .*column "nope" does not exist \(at line 2, column 8\)/,
      );
    });

    it('puts sequences back so that every run sees the same ids', async () => {
      const insert = "INSERT INTO orders (customer_id, total, placed_at) VALUES (3, 1, '2024-03-01') RETURNING id";
      const first = completed(await sut.run(shop, insert));
      completed(await sut.run(shop, "SELECT setval('orders_id_seq', 5000)"));
      const second = completed(await sut.run(shop, insert));
      expect(first.result?.rows).toEqual([['4']]);
      expect(second.result?.rows).toEqual([['4']]);
    });

    it('explains the last statement when asked, after the statements before it ran', async () => {
      const outcome = completed(
        await sut.run(events, 'SELECT * FROM events WHERE account_id = 42', {}, { explainLastStatement: true }),
      );
      expect(JSON.stringify(outcome.plan)).toContain('events_account_idx');
      const dropped = completed(
        await sut.run(
          events,
          'DROP INDEX events_account_idx; SELECT * FROM events WHERE account_id = 42',
          {},
          { explainLastStatement: true },
        ),
      );
      expect(JSON.stringify(dropped.plan)).not.toContain('events_account_idx');
      expect(dropped.result?.rows).toHaveLength(40);
    });

    it('gives a plan error, not a failure, when the last statement cannot be explained', async () => {
      const outcome = completed(
        await sut.run(events, 'CREATE INDEX ON events (payload)', {}, { explainLastStatement: true }),
      );
      expect(outcome.plan).toEqual({ error: expect.stringContaining('no plan') });
    });

    it('runs two submissions on one dataset one after the other, so that DDL of one never stalls the other', async () => {
      const [slow, fast] = await Promise.all([
        sut.run(shop, 'ALTER TABLE orders ADD COLUMN note text; SELECT pg_sleep(0.5); SELECT count(*) FROM orders'),
        sut.run(shop, 'SELECT count(*) FROM orders', { timeMs: 300 }),
      ]);
      expect(completed(slow).result?.rows).toEqual([['3']]);
      expect(completed(fast).result?.rows).toEqual([['3']]);
    });

    it('refuses to live in the application database', async () => {
      await expect(
        SqlSandbox.open({
          url: application.url,
          applicationDatabaseUrl: application.url.replace('127.0.0.1', 'localhost'),
        }),
      ).rejects.toThrow(/must not use the application's database/);
    });
  });

  describe('datasets', () => {
    it('prepares a dataset once, also from another process sharing the database', async () => {
      const again = await sut.prepareDataset('shop', { name: 'sample', setup: SHOP_SETUP });
      const other = await SqlSandbox.open({ url: sandboxUrl });
      try {
        const fromOther = await other.prepareDataset('shop', { name: 'sample', setup: SHOP_SETUP });
        expect(again).toBe(shop);
        expect(fromOther).toEqual(shop);
        expect(completed(await other.run(fromOther, 'SELECT count(*) FROM orders')).result?.rows).toEqual([['3']]);
      } finally {
        await other.close();
      }
    });

    it('gives a changed setup a new schema', async () => {
      const changed = await sut.prepareDataset('shop', {
        name: 'sample',
        setup: `${SHOP_SETUP} INSERT INTO customers VALUES (4, 'Dana');`,
      });
      expect(changed.schema).not.toBe(shop.schema);
      expect(completed(await sut.run(changed, 'SELECT count(*) FROM customers')).result?.rows).toEqual([['4']]);
    });

    it('refuses a setup that tries to leave the statement policy, and names the statement', async () => {
      await expect(
        sut.prepareDataset('shop', { name: 'evil', setup: "CREATE TABLE t (a int); COPY t FROM PROGRAM 'id'" }),
      ).rejects.toThrow(/setup of dataset evil is refused: Statement 2 is refused: COPY/);
    });

    it('reports a setup that fails, with the PostgreSQL error', async () => {
      const failure = sut.prepareDataset('shop', {
        name: 'broken',
        setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1, 2)',
      });
      await expect(failure).rejects.toBeInstanceOf(SqlSandboxError);
      await expect(failure).rejects.toThrow(/failed at statement 2: .*INSERT has more expressions than target columns/);
    });

    it('refuses to run against a dataset discarded meanwhile, and loads it again when asked', async () => {
      const other = await SqlSandbox.open({ url: sandboxUrl });
      try {
        const dataset = await other.prepareDataset('discard', {
          name: 'one',
          setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1)',
        });
        const fromHere = await sut.prepareDataset('discard', {
          name: 'one',
          setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1)',
        });
        await other.discardDataset(dataset);
        await expect(sut.run(fromHere, 'SELECT a FROM t')).rejects.toThrow(/was discarded; prepare it again/);
        const reloaded = await sut.prepareDataset('discard', {
          name: 'one',
          setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1)',
        });
        expect(completed(await sut.run(reloaded, 'SELECT a FROM t')).result?.rows).toEqual([['1']]);
      } finally {
        await other.close();
      }
    });

    it('refuses a dataset larger than allowed', async () => {
      const small = await SqlSandbox.open({ url: sandboxUrl, maxDatasetBytes: 64 * 1024 });
      try {
        await expect(
          small.prepareDataset('big', {
            name: 'big',
            setup: 'CREATE TABLE t AS SELECT g, md5(g::text) FROM generate_series(1, 20000) g',
          }),
        ).rejects.toThrow(/more than the 65536 allowed/);
      } finally {
        await small.close();
      }
    });
  });

  describe('isolation: application data and other datasets', () => {
    it.each([
      [
        'a table in another schema of the sandbox database',
        'SELECT * FROM app.secrets',
        /permission denied for schema app/,
      ],
      ['a table in the public schema', 'SELECT * FROM public.secrets', /permission denied for schema public/],
      [
        'a table in another database by its three-part name',
        () => `SELECT * FROM ${quoteIdentifier(application.name)}.public.app_secret`,
        /cross-database references are not implemented/,
      ],
      [
        "another dataset's hidden data",
        () => `SELECT * FROM ${quoteIdentifier(hidden.schema)}.customers`,
        /permission denied for schema/,
      ],
      [
        'the sandbox catalogue',
        'SELECT * FROM assay_sandbox_meta.dataset',
        /permission denied for schema assay_sandbox_meta/,
      ],
    ])('cannot read %s', async (_what, sql, error) => {
      const outcome = await sut.run(shop, typeof sql === 'string' ? sql : sql());
      expect(outcome).toMatchObject({ kind: 'failed' });
      expect(outcome.kind === 'failed' && outcome.message).toMatch(error);
      expect(JSON.stringify(outcome)).not.toContain(APP_SECRET);
    });

    it('cannot reach another database through dblink or a foreign server', async () => {
      for (const sql of [
        `SELECT * FROM dblink('dbname=${application.name}', 'SELECT value FROM app_secret') AS t(value text)`,
        "SELECT dblink_connect('host=127.0.0.1')",
      ]) {
        const outcome = await sut.run(shop, sql);
        expect(outcome.kind === 'failed' && outcome.message).toMatch(/function dblink.* does not exist/);
      }
      for (const sql of [
        'CREATE EXTENSION dblink',
        "CREATE SERVER app FOREIGN DATA WRAPPER postgres_fdw OPTIONS (dbname 'x')",
      ]) {
        expect(await sut.run(shop, sql)).toMatchObject({ kind: 'refused' });
      }
    });

    it('has no rights on application tables even on a connection to the application database', async () => {
      // Candidates cannot open connections at all (no dblink); this is the layer behind that.
      await withClient(application.url, async (client) => {
        await client.query('BEGIN');
        await client.query(`SET LOCAL ROLE ${quoteIdentifier(shop.ownerRole)}`);
        await expect(client.query('SELECT * FROM app_secret')).rejects.toThrow(
          /permission denied for table app_secret/,
        );
        await client.query('ROLLBACK');
      });
    });
  });

  describe('isolation: persisting anything', () => {
    it.each([
      'DELETE FROM orders; COMMIT',
      'DELETE FROM orders;COMMIT;SELECT 1',
      'DELETE FROM orders; END',
      'DELETE FROM orders; /* ; */ commit -- done',
      'DELETE FROM orders; ROLLBACK; DELETE FROM orders',
      'ABORT; DELETE FROM orders',
      "DELETE FROM orders; PREPARE TRANSACTION 'keep'",
      'SAVEPOINT s; DELETE FROM orders; RELEASE s',
      'DELETE FROM orders; -- x\rCOMMIT',
      'SELECT a$$; COMMIT; SELECT $$x$$',
      "DELETE FROM orders; SELECT ';'; COMMIT",
    ])('refuses transaction control before running anything: %s', async (sql) => {
      const outcome = await sut.run(shop, sql);
      expect(outcome).toMatchObject({ kind: 'refused', message: expect.stringMatching(/transaction control/) });
      expect(await ordersFromOutside()).toBe(3);
    });

    it('refuses a NUL character, which would end the text the server sees', async () => {
      expect(await sut.run(shop, 'SELECT 1;\0 COMMIT')).toMatchObject({
        kind: 'refused',
        message: 'The SQL contains a NUL character.',
      });
    });

    it('rolls back a delete hidden in a data-modifying CTE', async () => {
      completed(await sut.run(shop, 'WITH gone AS (DELETE FROM orders RETURNING *) SELECT count(*) FROM gone'));
      expect(await ordersFromOutside()).toBe(3);
    });

    it('rejects a transaction ending inside procedural code, which the server forbids in a transaction block anyway', async () => {
      expect(await sut.run(shop, 'DO $$ BEGIN DELETE FROM orders; COMMIT; END $$')).toMatchObject({ kind: 'refused' });
      const session = await sut.openUncheckedSessionForTests(shop);
      try {
        await session.command('BEGIN');
        await session.command(
          `SET LOCAL ROLE ${quoteIdentifier(shop.ownerRole)}; SET LOCAL search_path = ${quoteIdentifier(shop.schema)}`,
        );
        await expect(session.command('DO $$ BEGIN DELETE FROM orders; COMMIT; END $$')).rejects.toThrow(
          /permission denied for language plpgsql/,
        );
      } finally {
        await session.close();
      }
      expect(await ordersFromOutside()).toBe(3);
    });
  });

  describe('isolation: escaping the role', () => {
    it.each([
      'RESET ROLE; SELECT * FROM app.secrets',
      'SET ROLE postgres; SELECT 1',
      'SET SESSION AUTHORIZATION postgres',
      'RESET ALL',
      'SET LOCAL statement_timeout = 0; SELECT pg_sleep(10)',
    ])('refuses %s', async (sql) => {
      expect(await sut.run(shop, sql)).toMatchObject({ kind: 'refused', message: expect.stringMatching(/session/) });
    });

    it.each([
      "SELECT set_config('role', 'postgres', true)",
      "SELECT set_config('statement_timeout', '0', true), pg_sleep(3)",
      "SELECT set_config('work_mem', '4GB', true)",
      'SELECT pg_advisory_lock(1)',
      "SELECT pg_notify('other', 'answer is 42')",
    ])('cannot change settings or hold locks through functions: %s', async (sql) => {
      const outcome = await sut.run(shop, sql);
      expect(outcome.kind === 'failed' && outcome.message).toMatch(/permission denied for function/);
    });

    it('gains nothing from RESET ROLE or SET ROLE even without the statement policy (the privilege layer alone)', async () => {
      const session = await sut.openUncheckedSessionForTests(shop);
      try {
        await session.command('BEGIN');
        await session.command(`SET LOCAL ROLE ${quoteIdentifier(shop.ownerRole)}`);
        await session.command('RESET ROLE');
        const [who] = (
          await session.command(
            'SELECT current_user::text AS current_user, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS super',
          )
        ).rows;
        expect(who).toEqual({ current_user: shop.loginRole, super: 'f' });
        await session.command('SAVEPOINT s');
        await expect(session.command(`SELECT count(*) FROM ${quoteIdentifier(shop.schema)}.orders`)).rejects.toThrow(
          /permission denied/,
        );
        await session.command('ROLLBACK TO SAVEPOINT s');
        await expect(session.command('SET ROLE postgres')).rejects.toThrow(/permission denied to set role/);
      } finally {
        await session.close();
      }
      const second = await sut.openUncheckedSessionForTests(shop);
      try {
        await expect(second.command('SET SESSION AUTHORIZATION postgres')).rejects.toThrow(
          /permission denied to set session authorization/,
        );
        await expect(second.command(`SET ROLE ${quoteIdentifier(hidden.ownerRole)}`)).rejects.toThrow(
          /permission denied to set role/,
        );
      } finally {
        await second.close();
      }
    });
  });

  describe('isolation: files, programs and the network', () => {
    const marker = `/tmp/assay-sandbox-pwned-${randomBytes(4).toString('hex')}`;

    it.each([
      ["SELECT pg_read_file('/etc/passwd')", /permission denied for function pg_read_file/],
      ["SELECT pg_read_binary_file('/etc/hostname')", /permission denied for function pg_read_binary_file/],
      ["SELECT * FROM pg_ls_dir('.')", /permission denied for function pg_ls_dir/],
      ["SELECT lo_import('/etc/passwd')", /permission denied for function lo_import/],
      [`SELECT lo_export(lo_from_bytea(0, 'x'), '${marker}')`, /permission denied for function lo_export/],
      ["SELECT pg_stat_file('/etc/passwd')", /permission denied for function pg_stat_file/],
      ['SELECT inet_client_addr(), pg_reload_conf()', /permission denied for function pg_reload_conf/],
    ])('cannot reach files: %s', async (sql, error) => {
      const outcome = await sut.run(shop, sql);
      expect(outcome.kind === 'failed' && outcome.message).toMatch(error);
    });

    it.each([
      `COPY (SELECT 1) TO PROGRAM 'touch ${marker}'`,
      `COPY orders TO '${marker}'`,
      "COPY orders FROM '/etc/passwd'",
      "LOAD 'passwordcheck'",
    ])('refuses %s', async (sql) => {
      expect(await sut.run(shop, sql)).toMatchObject({ kind: 'refused' });
    });

    it('cannot run a program or write a file even without the statement policy', async () => {
      const session = await sut.openUncheckedSessionForTests(shop);
      try {
        await session.command('BEGIN');
        await session.command(
          `SET LOCAL ROLE ${quoteIdentifier(shop.ownerRole)}; SET LOCAL search_path = ${quoteIdentifier(shop.schema)}`,
        );
        await session.command('SAVEPOINT s');
        await expect(session.command(`COPY (SELECT 1) TO PROGRAM 'touch ${marker}'`)).rejects.toThrow(
          /permission denied|must be superuser/,
        );
        await session.command('ROLLBACK TO SAVEPOINT s');
        await expect(session.command(`COPY orders TO '${marker}'`)).rejects.toThrow(
          /permission denied|must be superuser/,
        );
        await session.command('ROLLBACK TO SAVEPOINT s');
        await expect(session.command('CREATE EXTENSION dblink')).rejects.toThrow(/permission denied/);
      } finally {
        await session.close();
      }
      expect(existsSync(marker)).toBe(false);
    });
  });

  describe('isolation: running forever', () => {
    it.each([
      ['pg_sleep', 'SELECT pg_sleep(60)', undefined],
      [
        'an endless recursive CTE',
        'WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n) SELECT count(*) FROM n',
        // Its materialised rows can reach temp_file_limit before the time limit on a fast machine.
        '53400',
      ],
      [
        'a huge cross join',
        'SELECT count(*) FROM generate_series(1, 100000) a, generate_series(1, 100000) b',
        undefined,
      ],
      [
        'many statements each within the limit',
        'SELECT pg_sleep(0.4); SELECT pg_sleep(0.4); SELECT pg_sleep(0.4); SELECT 1',
        undefined,
      ],
      [
        'a lock wait on a row it locked itself through another statement',
        'SELECT pg_sleep(0.2); SELECT pg_sleep(5) FROM orders FOR UPDATE',
        undefined,
      ],
    ])(
      'stops %s at the time limit, and leaves no backend behind',
      async (_what, sql, resourceLimitState: string | undefined) => {
        const started = performance.now();
        const outcome = await sut.run(shop, sql, { timeMs: 1000 });
        const wall = performance.now() - started;
        if (resourceLimitState && outcome.kind === 'failed') {
          expect(outcome.sqlState).toBe(resourceLimitState);
        } else {
          expect(outcome.kind).toBe('timed-out');
        }
        expect(wall).toBeLessThan(1000 + 1500);
        expect(await lingeringBackends(shop)).toBe(0);
        expect(completed(await sut.run(shop, 'SELECT count(*) FROM orders')).result?.rows).toEqual([['3']]);
      },
    );

    it('fails a sort that spills past the temporary file limit, cleanly', async () => {
      const bounded = await SqlSandbox.open({ url: sandboxUrl, tempFileLimitKb: 1024 });
      try {
        const dataset = await bounded.prepareDataset('spill', { name: 'spill', setup: 'CREATE TABLE t (a int)' });
        const outcome = await bounded.run(
          dataset,
          'SELECT count(*) FROM (SELECT md5(g::text) AS m FROM generate_series(1, 3000000) g ORDER BY 1) s',
          { timeMs: 10_000 },
        );
        expect(outcome.kind === 'failed' && outcome.message).toMatch(/temp_file_limit/);
      } finally {
        await bounded.close();
      }
    });
  });

  describe('isolation: huge results', () => {
    it.each([
      ['too many rows', 'SELECT g FROM generate_series(1, 200000) g', /more than 1000 rows/],
      ['ten million rows', 'SELECT g FROM generate_series(1, 10000000) g', /more than 1000 rows|temp_file_limit/],
      [
        'ten million rows through a cross join',
        'SELECT a.id FROM orders a, orders b, generate_series(1, 5000) c, generate_series(1, 300) d',
        /more than 1000 rows/,
      ],
      [
        'too many bytes in many rows',
        "SELECT repeat('x', 100000) FROM generate_series(1, 100)",
        /more than 1048576 bytes/,
      ],
      ['one enormous cell', "SELECT repeat('x', 20000000)", /more than 1048576 bytes/],
      [
        'a huge result from an earlier statement',
        'SELECT g, md5(g::text) FROM generate_series(1, 3000000) g; SELECT 1',
        /more than 1048576 bytes/,
      ],
      ['a huge error message', "SELECT repeat('x', 5000000)::int", /./],
    ])('ends %s with a clear verdict, quickly', async (_what, sql, message) => {
      const started = performance.now();
      const outcome = await sut.run(shop, sql, { timeMs: 10_000 });
      expect(['output-limit', 'failed']).toContain(outcome.kind);
      expect('message' in outcome && outcome.message).toMatch(message);
      expect(JSON.stringify(outcome).length).toBeLessThan(5000);
      expect(performance.now() - started).toBeLessThan(8000);
      expect(await lingeringBackends(shop)).toBe(0);
    });
  });

  describe('bounded load', () => {
    it('never has more busy backends than run slots, even when cut runs keep the server busy', async () => {
      const single = await SqlSandbox.open({ url: sandboxUrl, maxConcurrentRuns: 1 });
      let most = 0;
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          // This file's sandbox database only: other suites run SQL sandboxes on the same server at once.
          const [row] = await outside<{ count: string }>(
            "SELECT count(*) FROM pg_stat_activity WHERE usename LIKE 'asbx\\_%' AND datname = $1",
            [sandboxName],
          );
          most = Math.max(most, Number(row.count));
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
      })();
      try {
        const outcomes = await Promise.all(
          Array.from({ length: 3 }, () =>
            single.run(shop, "SELECT repeat('x', 20000000)", { timeMs: 5000, maxOutputBytes: 1000 }),
          ),
        );
        expect(outcomes.map((outcome) => outcome.kind)).toEqual(['output-limit', 'output-limit', 'output-limit']);
      } finally {
        sampling = false;
        await sampler;
        await single.close();
      }
      expect(most).toBe(1);
    });
  });

  describe('cleaning up', () => {
    it('drops the roles of a sandbox database that is gone, and only those', async () => {
      const orphanUrl = withDatabase(testServerUrl(), `assay_test_sbx_${randomBytes(6).toString('hex')}`);
      const orphan = await SqlSandbox.open({ url: orphanUrl });
      const dataset = await orphan.prepareDataset('orphan', { name: 'one', setup: 'CREATE TABLE t (a int)' });
      await orphan.close();
      await withClient(testServerUrl(), (client) =>
        client.query(`DROP DATABASE ${quoteIdentifier(databaseName(orphanUrl))} WITH (FORCE)`),
      );
      const dropped = await dropOrphanedSandboxRoles(testServerUrl());
      // Orphans of earlier interrupted runs may go too.
      expect(dropped).toEqual(expect.arrayContaining([dataset.loginRole, dataset.ownerRole]));
      const [row] = await outside<{ count: string }>('SELECT count(*) FROM pg_roles WHERE rolname = ANY($1)', [
        [shop.ownerRole, shop.loginRole],
      ]);
      expect(row.count).toBe('2');
    });
  });

  describe('health', () => {
    it('saw no incident, and the server still answers', async () => {
      expect(incidents).toEqual([]);
      expect(await outside<{ ok: number }>('SELECT 1 AS ok')).toEqual([{ ok: 1 }]);
    });
  });
});
