import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTEGRITY_QUEUE, JUDGE_QUEUE } from '@app/contracts';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { createRequire } from 'node:module';
import pg from 'pg';
import { FETCH_INDEX, JudgeQueue, queueDatabase } from './judge-queue.js';

/** pg-boss's SQL texts, as its `plans` module builds them for a schema (the module is not typed). */
const plans = createRequire(import.meta.url)('pg-boss/src/plans.js') as {
  fetchNextJob: (schema: string) => (options: object) => string;
  completeJobs: (schema: string) => string;
  insertJobs: (schema: string) => string;
};

interface PlanNode {
  'Node Type': string;
  'Index Name'?: string;
  'Index Cond'?: string;
  'Relation Name'?: string;
  Plans?: PlanNode[];
}

function nodes(plan: PlanNode): PlanNode[] {
  return [plan, ...(plan.Plans ?? []).flatMap(nodes)];
}

/**
 * The queues as a busy day leaves them: thousands of finished judge jobs, a backlog of screenings waiting, and
 * `waiting` judge jobs.
 */
async function busyDay(client: pg.Client, waiting: number): Promise<void> {
  await client.query(
    `INSERT INTO pgboss.job (name, data, state, completed_on)
     SELECT $1, '{}', 'completed', now() FROM generate_series(1, 5000)`,
    [JUDGE_QUEUE],
  );
  await client.query(`INSERT INTO pgboss.job (name, data) SELECT $1, '{}' FROM generate_series(1, 3000)`, [
    INTEGRITY_QUEUE,
  ]);
  await client.query(`INSERT INTO pgboss.job (name, data) SELECT $1, '{}' FROM generate_series(1, $2)`, [
    JUDGE_QUEUE,
    waiting,
  ]);
}

const fetch = plans.fetchNextJob('pgboss')({ includeMetadata: false, priority: true });

describe('the judge queue on pg-boss', () => {
  let database: TestDatabase;
  let queues: JudgeQueue[] = [];
  let client: pg.Client;

  beforeAll(async () => {
    // A database without pg-boss's schema: the queues create it, as on a first start.
    database = await createTestDatabase({ fromTemplate: false });
    // The API and the judge start together on a fresh database (`npm start`): both create the index's way.
    queues = await Promise.all([
      JudgeQueue.start({ databaseUrl: database.url }),
      JudgeQueue.start({ databaseUrl: database.url }),
    ]);
    client = new pg.Client({ connectionString: database.url });
    await client.connect();
  });

  afterAll(async () => {
    await client?.end();
    await Promise.all(queues.map((queue) => queue.stop(1000)));
    await database?.drop();
  });

  it("creates the fetch index on pg-boss's job table, and so on every queue's partition", async () => {
    const { rows } = await client.query<{ indexed: number; partitions: number }>(
      `SELECT (SELECT count(*)::int FROM pg_inherits WHERE inhparent = $1::regclass) AS indexed,
         (SELECT count(*)::int FROM pg_inherits WHERE inhparent = 'pgboss.job'::regclass) AS partitions`,
      [`pgboss.${FETCH_INDEX}`],
    );
    expect(rows[0].partitions).toBeGreaterThanOrEqual(3);
    expect(rows[0].indexed).toBe(rows[0].partitions);
  });

  it("plans pg-boss's fetch per call: it reads a long backlog's first job by the fetch index, not the whole queue", async () => {
    await busyDay(client, 1);
    await client.query('ANALYZE pgboss.job');

    for (const queue of [JUDGE_QUEUE, INTEGRITY_QUEUE]) {
      await client.query('BEGIN');
      try {
        // Planned with its parameters, as the queue's pool has PostgreSQL plan it (see the next test).
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(`EXPLAIN (FORMAT JSON) ${fetch}`, [
          queue,
          1,
        ]);
        const scans = nodes(rows[0]['QUERY PLAN'][0].Plan);
        expect(scans.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
        // Partitions' indexes are named after the parent's: `<partition>_<columns>_idx`.
        const index = scans.find(
          (node) => node['Node Type'] === 'Index Scan' && node['Index Name']?.includes('priority'),
        );
        expect(index).toBeDefined();
        // Read in the fetch's order: no sort of the waiting jobs (the one sort left orders the single fetched row).
        const sorted = scans.filter((node) => node['Node Type'] === 'Sort').flatMap((node) => node.Plans ?? []);
        expect(sorted.map((node) => node['Node Type'])).toEqual(['CTE Scan']);
      } finally {
        await client.query('ROLLBACK');
      }
    }
  });

  it("takes judge jobs by pg-boss's fetch, prepared while the queue is empty and still reading jobs by index once it is full", async () => {
    // A new database: the judges prepare their statements before the queue has a job, or statistics.
    const fresh = await createTestDatabase({ fromTemplate: false });
    const queue = await JudgeQueue.start({ databaseUrl: fresh.url });
    const judge = new pg.Client({ connectionString: fresh.url });
    await judge.connect();
    try {
      const fetch = queue.judgeJobFetch;
      expect(fetch).not.toMatch(/\$\d/);
      expect(fetch).toMatch(/FOR UPDATE SKIP LOCKED/);
      await judge.query("SET plan_cache_mode = 'force_generic_plan'"); // the judges' pool's setting
      await judge.query(`PREPARE judge_job_fetch AS ${fetch}`);
      await judge.query('EXPLAIN EXECUTE judge_job_fetch'); // the generic plan is made now, on the empty queue

      await busyDay(judge, 3); // no ANALYZE since: the plan stays

      await judge.query('BEGIN');
      const { rows } = await judge.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>(
        'EXPLAIN (FORMAT JSON) EXECUTE judge_job_fetch',
      );
      const scans = nodes(rows[0]['QUERY PLAN'][0].Plan);
      expect(scans.filter((node) => node['Node Type'] === 'Seq Scan')).toEqual([]);
      // The waiting jobs by the fetch index; the fetched job by its id, not every job of the queue.
      expect(scans.some((node) => node['Index Name']?.includes('priority'))).toBe(true);
      const byKey = scans.filter((node) => node['Index Name']?.endsWith('_pkey'));
      expect(byKey.length).toBeGreaterThan(0);
      for (const node of byKey) expect(node['Index Cond']).toMatch(/\bid = /);
      // The judge queue's partition only: no other queue's (the screenings' backlog) is read.
      const { rows: others } = await judge.query<{ relname: string }>(
        `SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
         WHERE i.inhparent = 'pgboss.job'::regclass AND pg_get_expr(c.relpartbound, c.oid) NOT LIKE $1`,
        [`%'${JUDGE_QUEUE}'%`],
      );
      expect(others.length).toBeGreaterThanOrEqual(2);
      const read = scans.flatMap((node) => (node['Relation Name'] ? [node['Relation Name']] : []));
      expect(read.filter((table) => others.some((other) => other.relname === table))).toEqual([]);

      const waiting = await judge.query<{ id: string }>(
        `SELECT id FROM pgboss.job WHERE name = $1 AND state < 'active' ORDER BY priority DESC, created_on, id LIMIT 1`,
        [JUDGE_QUEUE],
      );
      const taken = await judge.query<{ id: string; data: unknown }>('EXECUTE judge_job_fetch');
      expect(taken.rows.map((job) => job.id)).toEqual([waiting.rows[0].id]);
      const { rows: states } = await judge.query<{ state: string }>('SELECT state FROM pgboss.job WHERE id = $1', [
        taken.rows[0].id,
      ]);
      expect(states[0].state).toBe('active');
      await judge.query('ROLLBACK');
    } finally {
      await judge.end();
      await queue.stop(1000);
      await fresh.drop();
    }
  });

  it("has pg-boss's fetch planned for each call, and its other statements prepared once", async () => {
    const db = queueDatabase({ databaseUrl: database.url, poolSize: 1 });
    try {
      // Forced generic plans, on this pool, would plan the fetch without its parameters: no per-call planning.
      expect((await db.pool.query<{ plan_cache_mode: string }>('SHOW plan_cache_mode')).rows[0].plan_cache_mode).toBe(
        'auto',
      );
      const prepared = async () =>
        (await db.pool.query<{ count: number }>('SELECT count(*)::int AS count FROM pg_prepared_statements')).rows[0]
          .count;
      await db.executeSql('BEGIN');
      await db.executeSql(fetch, [JUDGE_QUEUE, 1]);
      await db.executeSql('ROLLBACK');
      expect(await prepared()).toBe(0);
      await db.executeSql(plans.completeJobs('pgboss'), [JUDGE_QUEUE, [], null]);
      expect(await prepared()).toBe(1);
    } finally {
      await db.close();
    }
  });

  it('starts without locking the job table once the fetch index exists', async () => {
    // A job being inserted elsewhere holds the table against share locks (which CREATE INDEX takes).
    const inserting = new pg.Client({ connectionString: database.url });
    await inserting.connect();
    let started: JudgeQueue | undefined;
    try {
      await inserting.query('BEGIN');
      await inserting.query('LOCK TABLE pgboss.job IN ROW EXCLUSIVE MODE');
      const timeout = new Promise<'blocked'>((resolve) => setTimeout(() => resolve('blocked'), 5000).unref());
      const starting = JudgeQueue.start({ databaseUrl: database.url });
      expect(await Promise.race([starting.then(() => 'started' as const), timeout])).toBe('started');
      started = await starting;
    } finally {
      await inserting.query('ROLLBACK');
      await inserting.end();
      await started?.stop(1000);
    }
  });
});
