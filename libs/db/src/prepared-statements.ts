import { createHash } from 'node:crypto';
import pg from 'pg';
import { type EntityManager, QueryFailedError } from 'typeorm';
import type { PostgresDriver } from 'typeorm/driver/postgres/PostgresDriver.js';
import type { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner.js';

/**
 * The name a statement is prepared under: derived from its text, so each connection prepares one text once
 * and two texts never share a name.
 */
export function statementName(text: string): string {
  let name = statementNames.get(text);
  if (name === undefined) {
    name = `assay_${createHash('sha1').update(text).digest('hex').slice(0, 24)}`;
    // The texts are the code's own (a few dozen); the bound only guards against a caller that builds them.
    if (statementNames.size >= 1000) statementNames.clear();
    statementNames.set(text, name);
  }
  return name;
}

/** Names already derived, by text: the pipeline runs the same few texts for every submission. */
const statementNames = new Map<string, string>();

/**
 * Runs a statement the pipeline runs for every submission as a prepared statement: PostgreSQL parses and
 * plans it once per connection instead of on every call (for these statements, planning cost as much as
 * running them). In the manager's transaction when it has one, else on a pooled connection. Errors are
 * TypeORM's `QueryFailedError`, as from `manager.query`.
 */
export async function preparedQuery<T>(manager: EntityManager, text: string, values: readonly unknown[]): Promise<T[]> {
  const config = { name: statementName(text), text, values: [...values] };
  const runner = manager.queryRunner as PostgresQueryRunner | undefined;
  try {
    const client: pg.Pool | pg.PoolClient =
      runner && !runner.isReleased
        ? ((await runner.connect()) as pg.PoolClient)
        : ((manager.connection.driver as PostgresDriver).master as pg.Pool);
    const result = await client.query(config);
    return result.rows as T[];
  } catch (error) {
    throw new QueryFailedError(text, [...values], error as Error);
  }
}

/** Multi-statement texts cannot be prepared: they are run as they are. */
const MULTIPLE_COMMANDS = '42601';

/**
 * pg-boss's database (its `db` option) on a pool of our own, whose parameterised statements are prepared:
 * completing and inserting jobs are parsed once per connection, not once per job. Statements for which
 * `plannedPerCall` holds are sent unnamed instead, so that PostgreSQL plans each call with its parameters.
 */
export class PreparedStatementsDb {
  private readonly unpreparable = new Set<string>();
  readonly pool: pg.Pool;

  constructor(
    options: pg.PoolConfig,
    private readonly plannedPerCall: (text: string) => boolean = () => false,
  ) {
    this.pool = new pg.Pool(options);
  }

  async executeSql(text: string, values?: unknown[]): Promise<pg.QueryResult> {
    if (!values?.length || this.unpreparable.has(text) || this.plannedPerCall(text))
      return this.pool.query(text, values);
    try {
      return await this.pool.query({ name: statementName(text), text, values });
    } catch (error) {
      if ((error as { code?: string }).code !== MULTIPLE_COMMANDS) throw error;
      this.unpreparable.add(text);
      return this.pool.query(text, values);
    }
  }

  close(): Promise<void> {
    return this.pool.end();
  }
}
