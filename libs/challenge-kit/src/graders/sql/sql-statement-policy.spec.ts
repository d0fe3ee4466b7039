import { describe, expect, it } from '@jest/globals';
import { findStatementRefusal as sut, isExplainableStatement, isQueryStatement } from './sql-statement-policy.js';
import { splitSqlStatements } from './sql-statement-splitter.js';

const refusal = (source: string): string | undefined => sut(splitSqlStatements(source))?.message;

describe('findStatementRefusal', () => {
  it.each([
    'SELECT 1',
    'with x as (select 1) select * from x',
    'VALUES (1)',
    'TABLE orders',
    '(SELECT 1) UNION (SELECT 2)',
    'INSERT INTO t VALUES (1); UPDATE t SET a = 2; DELETE FROM t; TRUNCATE t',
    'MERGE INTO t USING s ON t.id = s.id WHEN MATCHED THEN DELETE',
    'EXPLAIN ANALYZE SELECT 1',
    'ANALYZE orders',
    'CREATE INDEX ON orders (customer_id)',
    'CREATE UNIQUE INDEX i ON t (a)',
    'CREATE TABLE x (a int)',
    'CREATE TEMP TABLE x (a int)',
    'CREATE GLOBAL TEMPORARY TABLE x (a int)',
    'CREATE OR REPLACE VIEW v AS SELECT 1',
    'CREATE OR REPLACE TEMP RECURSIVE VIEW v (n) AS SELECT 1',
    'CREATE MATERIALIZED VIEW m AS SELECT 1',
    'REFRESH MATERIALIZED VIEW m',
    'ALTER TABLE t ADD COLUMN b int',
    'DROP INDEX i',
    'DROP MATERIALIZED VIEW m',
    "CREATE TYPE mood AS ENUM ('ok')",
    'CREATE STATISTICS s ON a, b FROM t',
  ])('allows %s', (source) => {
    expect(refusal(source)).toBeUndefined();
  });

  it.each([
    ['COMMIT', 'transaction control'],
    ['commit', 'transaction control'],
    ['END', 'transaction control'],
    ['ABORT', 'transaction control'],
    ['ROLLBACK', 'transaction control'],
    ['BEGIN', 'transaction control'],
    ['START TRANSACTION', 'transaction control'],
    ['SAVEPOINT a', 'transaction control'],
    ["PREPARE TRANSACTION 'x'", 'transaction control'],
    ['RESET ROLE', 'session'],
    ['RESET ALL', 'session'],
    ['SET ROLE postgres', 'session'],
    ['SET SESSION AUTHORIZATION postgres', 'session'],
    ['SET LOCAL statement_timeout = 0', 'session'],
    ["LOAD 'plugin'", 'session'],
    ["COPY (SELECT 1) TO PROGRAM 'id'", 'COPY'],
    ["COPY t FROM '/etc/passwd'", 'COPY'],
    ['DO $$ BEGIN END $$', 'procedural'],
    ['CALL p()', 'procedural'],
    ['CREATE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', 'procedural'],
    ['CREATE OR REPLACE FUNCTION f() RETURNS int LANGUAGE sql AS $$ SELECT 1 $$', 'procedural'],
    ['CREATE EXTENSION dblink', 'not allowed'],
    ['CREATE SCHEMA s', 'not allowed'],
    ['CREATE ROLE r', 'not allowed'],
    ['ALTER ROLE r SUPERUSER', 'not allowed'],
    ['ALTER SYSTEM SET work_mem = 1', 'not allowed'],
    ['GRANT ALL ON t TO PUBLIC', 'not allowed'],
    ['VACUUM', 'not allowed'],
    ['LOCK TABLE t', 'not allowed'],
    ['42', 'does not start with a keyword'],
  ])('refuses %s', (source, reason) => {
    expect(refusal(source)).toContain(reason);
  });

  it('names the refused statement by its position', () => {
    expect(refusal('SELECT 1; DELETE FROM t; COMMIT; SELECT 2')).toMatch(
      /^Statement 3 is refused: COMMIT is transaction control/,
    );
  });

  it('sees a COMMIT hidden behind comments and semicolon tricks', () => {
    expect(refusal("SELECT ';' /* ; */ ; -- ;\n/**/COMMIT")).toContain('Statement 2 is refused: COMMIT');
    expect(refusal('SELECT a$$; COMMIT; SELECT $$x$$')).toContain('COMMIT');
  });
});

describe('statement kinds', () => {
  const first = (source: string) => splitSqlStatements(source)[0];

  it('tells queries from other statements', () => {
    expect(isQueryStatement(first('WITH x AS (SELECT 1) SELECT * FROM x'))).toBe(true);
    expect(isQueryStatement(first('INSERT INTO t VALUES (1) RETURNING *'))).toBe(false);
  });

  it('tells what EXPLAIN accepts', () => {
    expect(isExplainableStatement(first('UPDATE t SET a = 1'))).toBe(true);
    expect(isExplainableStatement(first('CREATE INDEX ON t (a)'))).toBe(false);
    expect(isExplainableStatement(first('TRUNCATE t'))).toBe(false);
  });
});
