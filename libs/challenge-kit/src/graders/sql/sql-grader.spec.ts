import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withDatabase } from '@app/db';
import { testServerUrl } from '@app/testing';
import { parseSqlChallenge } from './sql-challenge.definition.js';
import { type SqlChallenge, SqlGrader, type SqlGradeResult } from './sql-grader.js';
import { SqlSandbox, SqlSandboxError } from './sql-sandbox.js';

const SCHEMA = `
  CREATE TABLE customers (id int PRIMARY KEY, name text NOT NULL);
  CREATE TABLE orders (id serial PRIMARY KEY, customer_id int NOT NULL REFERENCES customers, total numeric(10, 2) NOT NULL);`;

/** Total spent per customer, highest first, ties broken by name. */
const TOP_CUSTOMERS: SqlChallenge = {
  key: 'top-customers',
  definition: parseSqlChallenge({
    datasets: [
      {
        name: 'sample',
        setup: `${SCHEMA} INSERT INTO customers VALUES (1, 'Ada'), (2, 'Brian'); INSERT INTO orders (customer_id, total) VALUES (1, 120.50), (1, 30), (2, 99.99);`,
      },
      {
        name: 'ties',
        setup: `${SCHEMA} INSERT INTO customers VALUES (1, 'Zoe'), (2, 'Mia'), (3, 'Hidden Harriet'); INSERT INTO orders (customer_id, total) VALUES (1, 50), (2, 20), (2, 30), (3, 10);`,
      },
    ],
    tests: [
      {
        name: 'two customers',
        sample: true,
        dataset: 'sample',
        ordered: true,
        expected: {
          columns: ['name', 'total'],
          rows: [
            ['Ada', 150.5],
            ['Brian', 99.99],
          ],
        },
      },
      { name: 'ties are broken by name', dataset: 'ties', ordered: true, weight: 2 },
      { name: 'every customer once', dataset: 'ties', ordered: false },
    ],
  }),
  referenceSolution: `SELECT c.name, sum(o.total) AS total
                        FROM customers c JOIN orders o ON o.customer_id = c.id
                       GROUP BY c.id, c.name
                       ORDER BY total DESC, c.name`,
};

/** Events of one account, fast: the table has no index until the candidate creates one. */
const ACCOUNT_EVENTS: SqlChallenge = {
  key: 'account-events',
  definition: parseSqlChallenge({
    datasets: [
      {
        name: 'small',
        setup:
          "CREATE TABLE events (id int PRIMARY KEY, account_id int NOT NULL, kind text NOT NULL); INSERT INTO events VALUES (1, 42, 'login'), (2, 7, 'login'), (3, 42, 'logout');",
      },
      {
        name: 'large',
        setup:
          "CREATE TABLE events (id int PRIMARY KEY, account_id int NOT NULL, kind text NOT NULL); INSERT INTO events SELECT g, g % 1000, 'k' || g % 3 FROM generate_series(1, 30000) g;",
      },
    ],
    tests: [
      { name: 'account 42', sample: true, dataset: 'small', ordered: true },
      {
        name: 'account 42 among many',
        dataset: 'large',
        ordered: true,
        plan: { indexScan: 'required', noSeqScanOn: ['events'] },
      },
    ],
  }),
  referenceSolution: 'SELECT id, kind FROM events WHERE account_id = 42 ORDER BY id',
};

describe('SqlGrader', () => {
  let sandbox: SqlSandbox;
  let sut: SqlGrader;
  const verdicts = (result: SqlGradeResult): string[] => result.tests.map((test) => test.verdict);

  beforeAll(async () => {
    sandbox = await SqlSandbox.open({
      url: withDatabase(testServerUrl(), `assay_test_sbx_${randomBytes(6).toString('hex')}`),
    });
    sut = new SqlGrader(sandbox);
  });

  afterAll(async () => {
    await sandbox?.destroy();
  });

  it('accepts the reference solution, and shows sample results only', async () => {
    const result = await sut.grade(TOP_CUSTOMERS, TOP_CUSTOMERS.referenceSolution ?? '');
    expect(result).toMatchObject({ verdict: 'ACCEPTED', score: { passed: 4, total: 4 } });
    expect(result.tests[0].details).toEqual({
      actual: {
        columns: [
          { name: 'name', type: 'text' },
          { name: 'total', type: 'numeric' },
        ],
        rows: [
          ['Ada', '150.50'],
          ['Brian', '99.99'],
        ],
        totalRows: 2,
      },
      expected: {
        columns: [
          { name: 'name', type: 'expected' },
          { name: 'total', type: 'expected' },
        ],
        rows: [
          ['Ada', '150.5'],
          ['Brian', '99.99'],
        ],
        totalRows: 2,
      },
    });
    expect(result.tests[1].details).toBeUndefined();
  });

  it('accepts another correct formulation', async () => {
    const result = await sut.grade(
      TOP_CUSTOMERS,
      `WITH spent AS (SELECT customer_id, sum(total) AS total FROM orders GROUP BY customer_id)
       SELECT name, spent.total FROM spent JOIN customers ON customers.id = spent.customer_id ORDER BY 2 DESC, 1;`,
    );
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('fails a plausible mistake on a hidden test only, without quoting hidden data to the candidate', async () => {
    const result = await sut.grade(
      TOP_CUSTOMERS,
      'SELECT c.name, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY total DESC',
    );
    expect(verdicts(result)).toEqual(['ACCEPTED', 'WRONG_ANSWER', 'ACCEPTED']);
    expect(result.tests[1].message).toBe('The result differs from the expected result.');
    expect(result.tests[1].interviewerNote).toMatch(/row 1, column name: expected "Mia", got "Zoe"/);
    expect(result.score).toEqual({ passed: 2, total: 4 });
  });

  it('fails an answer hard-coded from the sample on the hidden datasets', async () => {
    const result = await sut.grade(
      TOP_CUSTOMERS,
      "SELECT * FROM (VALUES ('Ada', 150.50), ('Brian', 99.99)) AS t(name, total)",
    );
    expect(verdicts(result)).toEqual(['ACCEPTED', 'WRONG_ANSWER', 'WRONG_ANSWER']);
    expect(result.verdict).toBe('WRONG_ANSWER');
  });

  it('compares ordered tests in order and unordered tests as sets', async () => {
    const result = await sut.grade(
      TOP_CUSTOMERS,
      'SELECT c.name, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.name ORDER BY c.name',
    );
    expect(verdicts(result)).toEqual(['ACCEPTED', 'WRONG_ANSWER', 'ACCEPTED']);
  });

  it('checks column names, and tells a sample test what differs', async () => {
    const result = await sut.grade(
      TOP_CUSTOMERS,
      'SELECT c.name AS customer, sum(o.total) AS total FROM customers c JOIN orders o ON o.customer_id = c.id GROUP BY c.id, c.name ORDER BY total DESC, c.name',
    );
    expect(result.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: 'The result differs: expected the columns name, total, got customer, total.',
    });
  });

  it('reports a runtime error with the PostgreSQL message on samples, and hides data-bearing messages on hidden tests', async () => {
    const result = await sut.grade(TOP_CUSTOMERS, 'SELECT name::int AS name, 1 AS total FROM customers ORDER BY id');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('invalid input syntax for type integer: "Ada"');
    expect(result.tests[1].message).toBe(
      'Statement 1 failed with SQLSTATE 22P02; the message is hidden because it could quote hidden test data.',
    );
    expect(JSON.stringify(result.tests.slice(1).map((test) => [test.message, test.details]))).not.toMatch(
      /Zoe|Mia|Harriet/,
    );
    expect(result.tests[1].interviewerNote).toContain('"Zoe"');
  });

  it('shows names-only errors such as a missing column on hidden tests too', async () => {
    const result = await sut.grade(TOP_CUSTOMERS, 'SELECT nme, 1 AS total FROM customers');
    expect(result.tests[1].message).toMatch(/column "nme" does not exist/);
  });

  it('ends refused, endless and huge submissions with their verdicts', async () => {
    expect(verdicts(await sut.grade(TOP_CUSTOMERS, 'DELETE FROM orders; COMMIT; SELECT 1'))).toEqual([
      'RUNTIME_ERROR',
      'RUNTIME_ERROR',
      'RUNTIME_ERROR',
    ]);
    const slow = await sut.grade({ ...TOP_CUSTOMERS, limits: { timeMs: 300 } }, 'SELECT pg_sleep(5)');
    expect(verdicts(slow)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
    const huge = await sut.grade(TOP_CUSTOMERS, 'SELECT g AS name, g AS total FROM generate_series(1, 100000) g');
    expect(verdicts(huge)).toEqual(['OUTPUT_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED']);
  });

  it('gives WRONG_ANSWER to a submission that ends without a result set', async () => {
    const result = await sut.grade(TOP_CUSTOMERS, 'CREATE INDEX ON orders (customer_id)');
    expect(result.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: expect.stringContaining('no result set'),
    });
  });

  it('checks the plan: the right rows without an index are not enough', async () => {
    const scan = await sut.grade(ACCOUNT_EVENTS, 'SELECT id, kind FROM events WHERE account_id = 42 ORDER BY id');
    expect(verdicts(scan)).toEqual(['ACCEPTED', 'WRONG_ANSWER']);
    expect(scan.tests[1].message).toBe(
      'The result is right but the plan is not: the plan uses no index scan; the plan reads events with a Seq Scan.',
    );
    const indexed = await sut.grade(
      ACCOUNT_EVENTS,
      'CREATE INDEX events_account_idx ON events (account_id);\nSELECT id, kind FROM events WHERE account_id = 42 ORDER BY id;',
    );
    expect(verdicts(indexed)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('refuses to grade a test that needs a reference solution the challenge lacks', async () => {
    await expect(sut.grade({ ...ACCOUNT_EVENTS, referenceSolution: undefined }, 'SELECT 1')).rejects.toBeInstanceOf(
      SqlSandboxError,
    );
  });

  it('refuses to grade with a broken reference solution', async () => {
    await expect(
      sut.grade({ ...ACCOUNT_EVENTS, referenceSolution: 'SELECT nope FROM events' }, 'SELECT 1'),
    ).rejects.toThrow(/reference solution on dataset small did not complete \(failed\)/);
  });
});
