import { createHash, createHmac } from 'node:crypto';
import pg from 'pg';
import { databaseName, quoteIdentifier, withDatabase } from '@app/db';
import { type FetchedRows, SandboxSession, SessionLostError } from './sql-sandbox-session.js';
import type { SqlResultTable } from './sql-result.js';
import { findStatementRefusal, isExplainableStatement } from './sql-statement-policy.js';
import { type SqlStatement, splitSqlStatements } from './sql-statement-splitter.js';

/** The database used when SANDBOX_DATABASE_URL is not set: a second database on the application's server. */
export const DEFAULT_SANDBOX_DATABASE = 'assay_sandbox';

const META_SCHEMA = 'assay_sandbox_meta';
/** Changing how datasets are laid out changes every dataset id, so old layouts are never reused. */
const LAYOUT_VERSION = 1;
const HARDENING_LOCK_KEY = 0x61737361_79736278n; // "assaysbx"
const WATCHDOG_GRACE_MS = 1000;
const DATASET_LOCK_WAIT_MS = 30_000;
const SETUP_TIME_MS = 120_000;
const REAP_TIMEOUT_MS = 120_000;

export interface SqlRunLimits {
  /** Wall time for all of the submission's statements together. */
  timeMs: number;
  /** Rows the last statement may return. */
  maxRows: number;
  /** Bytes (sum of cell text lengths) the last statement may return. */
  maxOutputBytes: number;
  maxStatements: number;
  maxSourceLength: number;
  /** work_mem for sorts and hashes, in kB. */
  workMemKb: number;
}

export const DEFAULT_SQL_RUN_LIMITS: Readonly<SqlRunLimits> = {
  timeMs: 2000,
  maxRows: 1000,
  maxOutputBytes: 1024 * 1024,
  maxStatements: 50,
  maxSourceLength: 100_000,
  workMemKb: 4096,
};

export interface SqlDataset {
  name: string;
  /** CREATE TABLE, INSERT, CREATE INDEX...: run as the dataset's role, under the same statement policy as candidates. */
  setup: string;
}

/** A dataset loaded into its own schema, owned by its own NOLOGIN role. */
export interface PreparedSqlDataset {
  readonly id: string;
  readonly challengeKey: string;
  readonly name: string;
  readonly schema: string;
  readonly ownerRole: string;
  readonly loginRole: string;
  readonly lockKey: string;
  readonly sequences: readonly SequenceState[];
  readonly sizeBytes: number;
}

interface SequenceState {
  /** Schema-qualified and quoted. */
  name: string;
  value: string;
  isCalled: boolean;
}

export type SqlRunOutcome =
  | { kind: 'completed'; result: SqlResultTable | undefined; plan: PlanOutcome | undefined; elapsedMs: number }
  | { kind: 'refused'; message: string; elapsedMs: number }
  | { kind: 'failed'; message: string; sqlState: string | undefined; statementIndex: number; elapsedMs: number }
  | { kind: 'timed-out'; message: string; elapsedMs: number }
  | { kind: 'output-limit'; message: string; elapsedMs: number };

export type PlanOutcome = { json: unknown } | { error: string };

export interface SqlRunOptions {
  /** Also run EXPLAIN (FORMAT JSON) on the last statement, just before running it. */
  explainLastStatement?: boolean;
}

/** Something the sandbox saw that its isolation should have made impossible. */
export interface SandboxIncident {
  datasetId: string;
  message: string;
}

export interface SqlSandboxOptions {
  /** Admin (superuser) URL of the sandbox database; the database is created when missing. */
  url: string;
  /** The application's database: the sandbox refuses to live in it. */
  applicationDatabaseUrl?: string;
  /** Candidate connections open at once (each run holds one). Default 4. */
  maxConcurrentRuns?: number;
  /**
   * Key from which the login roles' passwords are derived. Every process sharing a sandbox database
   * must use the same; by default it derives from the admin URL's credentials.
   */
  roleSecret?: string;
  /** Largest dataset (tables and indexes) a setup may create. Default 256 MiB. */
  maxDatasetBytes?: number;
  /** Temporary file space one run may use (sorts, hashes, CTEs that spill), in kB. Default 64 MiB. */
  tempFileLimitKb?: number;
  onIncident?: (incident: SandboxIncident) => void;
}

export type SqlSandboxErrorCode = 'configuration' | 'dataset' | 'busy' | 'internal';

/** A failure of the sandbox or of a challenge's dataset, never of a candidate's SQL. */
export class SqlSandboxError extends Error {
  constructor(
    readonly code: SqlSandboxErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'SqlSandboxError';
  }
}

const ROLE_COMMENT_PREFIX = 'Assay SQL sandbox role of database ';

/**
 * Drops sandbox roles whose database no longer exists (left by a process killed before `destroy`,
 * such as an interrupted test run). `serverUrl` is any superuser URL on the server. Returns the roles dropped.
 */
export async function dropOrphanedSandboxRoles(serverUrl: string): Promise<string[]> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 10_000 });
  client.on('error', () => undefined);
  await client.connect();
  try {
    const { rows } = await client.query<{ rolname: string }>(
      `SELECT r.rolname
         FROM pg_catalog.pg_roles r
         JOIN pg_catalog.pg_shdescription d ON d.objoid = r.oid AND d.classoid = 'pg_catalog.pg_authid'::regclass
        WHERE starts_with(r.rolname, 'asbx_') AND starts_with(d.description, $1)
          AND NOT EXISTS (SELECT 1 FROM pg_catalog.pg_database db WHERE db.datname = substr(d.description, length($1) + 1))
        ORDER BY r.rolname`,
      [ROLE_COMMENT_PREFIX],
    );
    for (const { rolname } of rows) await client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(rolname)}`);
    return rows.map((row) => row.rolname);
  } finally {
    await client.end().catch(() => undefined);
  }
}

/** SANDBOX_DATABASE_URL, or the default second database on the application's server. */
export function resolveSandboxDatabaseUrl(environment: {
  SANDBOX_DATABASE_URL?: string;
  DATABASE_URL: string;
}): string {
  return environment.SANDBOX_DATABASE_URL || withDatabase(environment.DATABASE_URL, DEFAULT_SANDBOX_DATABASE);
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** Lower-case letters, digits and underscores only, for readable schema names. */
function slug(text: string, length: number): string {
  return (
    text
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, length) || 'x'
  );
}

function sameServerAndDatabase(a: string, b: string): boolean {
  const place = (url: string): string => {
    const parsed = new URL(url);
    const host = ['localhost', '::1', '[::1]'].includes(parsed.hostname) ? '127.0.0.1' : parsed.hostname;
    return `${host}:${parsed.port || '5432'}/${databaseName(url)}`;
  };
  return place(a) === place(b);
}

function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A small FIFO semaphore bounding candidate connections. */
class RunSlots {
  private active = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly size: number) {}

  async acquire(): Promise<void> {
    if (this.active < this.size) {
      this.active += 1;
      return;
    }
    await new Promise<void>((resolve) => this.waiting.push(resolve));
  }

  release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.active -= 1;
  }
}

function lineAndColumn(source: string, offset: number): string {
  const before = source.slice(0, offset);
  const line = before.split('\n').length;
  const column = offset - before.lastIndexOf('\n');
  return `line ${line}, column ${column}`;
}

function describeDatabaseError(
  error: unknown,
  source: string,
  statement: SqlStatement | undefined,
): { message: string; sqlState: string | undefined } {
  if (error instanceof pg.DatabaseError) {
    const position = error.position ? Number(error.position) : undefined;
    const where = statement && position ? ` (at ${lineAndColumn(source, statement.offset + position - 1)})` : '';
    const detail = error.detail ? ` ${error.detail}` : '';
    const hint = error.hint ? ` Hint: ${error.hint}` : '';
    const message = `ERROR ${error.code ?? ''}: ${error.message}${where}.${detail}${hint}`;
    return { message: message.length > 1000 ? `${message.slice(0, 1000)}...` : message, sqlState: error.code };
  }
  return { message: error instanceof Error ? error.message : String(error), sqlState: undefined };
}

/**
 * Runs untrusted SQL on PostgreSQL, isolated from the application and from other challenges.
 *
 * The sandbox database holds one schema per dataset, owned by a NOLOGIN role with no rights
 * anywhere else. Candidate SQL runs on a fresh connection as a LOGIN role that is not a superuser
 * and is a member of that one role only, so `RESET ROLE` or `SET ROLE postgres` cannot gain
 * anything; inside one transaction that is always rolled back; under a wall-clock watchdog and
 * byte caps. See docs/graders.md for the whole security model.
 */
export class SqlSandbox {
  private readonly prepared = new Map<string, PreparedSqlDataset>();
  private readonly slots: RunSlots;
  private readonly roleSecret: string;
  private readonly roleTag: string;
  private closed = false;

  private constructor(
    private readonly options: SqlSandboxOptions,
    private readonly admin: pg.Pool,
    readonly databaseName: string,
  ) {
    this.slots = new RunSlots(options.maxConcurrentRuns ?? 4);
    const parsed = new URL(options.url);
    this.roleSecret =
      options.roleSecret ??
      sha256(`${decodeURIComponent(parsed.username)}\0${decodeURIComponent(parsed.password)}\0${databaseName}`);
    // Roles belong to the whole server: the tag keeps two sandbox databases on one server apart.
    this.roleTag = `asbx_${sha256(databaseName).slice(0, 8)}`;
  }

  /** Creates the sandbox database when missing, hardens it, and checks that it is safe to use. */
  static async open(options: SqlSandboxOptions): Promise<SqlSandbox> {
    const name = databaseName(options.url);
    if (options.applicationDatabaseUrl && sameServerAndDatabase(options.url, options.applicationDatabaseUrl)) {
      throw new SqlSandboxError(
        'configuration',
        `The SQL sandbox must not use the application's database (${name}): set SANDBOX_DATABASE_URL to another database.`,
      );
    }
    await SqlSandbox.ensureDatabase(options.url);
    const admin = new pg.Pool({
      connectionString: options.url,
      max: 3,
      connectionTimeoutMillis: 10_000,
      application_name: 'assay-sql-sandbox-admin',
    });
    admin.on('error', () => undefined);
    const sandbox = new SqlSandbox(options, admin, name);
    try {
      await sandbox.harden();
    } catch (error) {
      await admin.end();
      throw error;
    }
    return sandbox;
  }

  private static async ensureDatabase(url: string): Promise<void> {
    const name = databaseName(url);
    const client = new pg.Client({ connectionString: withDatabase(url, 'postgres'), connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    await client.connect();
    try {
      const found = await client.query('SELECT 1 FROM pg_catalog.pg_database WHERE datname = $1', [name]);
      if (found.rowCount === 0) {
        try {
          await client.query(`CREATE DATABASE ${quoteIdentifier(name)}`);
        } catch (error) {
          // Another process created it first.
          if (!(error instanceof pg.DatabaseError && error.code === '42P04')) throw error;
        }
      }
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** Idempotent, and safe when several processes open the same sandbox at once. */
  private async harden(): Promise<void> {
    const client = await this.admin.connect();
    try {
      const { rows: who } = await client.query<{ rolsuper: boolean }>(
        'SELECT rolsuper FROM pg_catalog.pg_roles WHERE rolname = current_user',
      );
      if (!who[0]?.rolsuper) {
        throw new SqlSandboxError(
          'configuration',
          'The SQL sandbox needs a superuser in SANDBOX_DATABASE_URL: it revokes built-in functions from PUBLIC and creates roles.',
        );
      }
      const { rows: extensions } = await client.query<{ extname: string }>(
        "SELECT extname FROM pg_catalog.pg_extension WHERE extname <> 'plpgsql' ORDER BY 1",
      );
      if (extensions.length > 0) {
        throw new SqlSandboxError(
          'configuration',
          `The sandbox database ${this.databaseName} has extensions installed (${extensions.map((row) => row.extname).join(', ')}); ` +
            'extensions such as dblink or file_fdw reach the network or files. Use a database without extensions.',
        );
      }
      await client.query('BEGIN');
      await client.query('SELECT pg_catalog.pg_advisory_xact_lock($1)', [HARDENING_LOCK_KEY.toString()]);
      const database = quoteIdentifier(this.databaseName);
      await client.query(`
        REVOKE ALL ON DATABASE ${database} FROM PUBLIC;
        REVOKE ALL ON SCHEMA public FROM PUBLIC;
        REVOKE USAGE ON LANGUAGE plpgsql FROM PUBLIC;
        REVOKE USAGE ON LANGUAGE sql FROM PUBLIC;
        CREATE SCHEMA IF NOT EXISTS ${META_SCHEMA};
        REVOKE ALL ON SCHEMA ${META_SCHEMA} FROM PUBLIC;
        CREATE TABLE IF NOT EXISTS ${META_SCHEMA}.dataset (
          id text PRIMARY KEY,
          challenge_key text NOT NULL,
          dataset_name text NOT NULL,
          schema_name text NOT NULL,
          owner_role text NOT NULL,
          login_role text NOT NULL,
          sequences jsonb NOT NULL,
          size_bytes bigint NOT NULL,
          prepared_at timestamptz NOT NULL DEFAULT now()
        );`);
      // set_config() would let SQL inside a SELECT lift statement_timeout or work_mem; advisory
      // locks would let one candidate stall the runs of other datasets; pg_notify is a channel
      // between concurrent candidates. These grants live in this database only.
      const { rows: functions } = await client.query<{ signature: string }>(`
        SELECT p.oid::regprocedure::text AS signature
          FROM pg_catalog.pg_proc p
         WHERE p.pronamespace = 'pg_catalog'::regnamespace
           AND (p.proname IN ('set_config', 'pg_notify') OR p.proname LIKE 'pg\\_%advisory%')`);
      for (const { signature } of functions) await client.query(`REVOKE EXECUTE ON FUNCTION ${signature} FROM PUBLIC`);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  /**
   * Loads a dataset once (per content: a changed setup gets a new schema) and returns where it lives.
   * Safe to call from several processes at once.
   */
  async prepareDataset(challengeKey: string, dataset: SqlDataset): Promise<PreparedSqlDataset> {
    const id = sha256(JSON.stringify([LAYOUT_VERSION, challengeKey, dataset.name, dataset.setup])).slice(0, 16);
    const cached = this.prepared.get(id);
    if (cached) return cached;
    const names = {
      schema: `ds_${slug(challengeKey, 24)}_${slug(dataset.name, 16)}_${id}`,
      ownerRole: `${this.roleTag}_${id}_o`,
      loginRole: `${this.roleTag}_${id}_l`,
      lockKey: BigInt.asIntN(64, BigInt(`0x${id}`)).toString(),
    };
    const client = await this.admin.connect();
    try {
      await client.query('SELECT pg_catalog.pg_advisory_lock($1)', [names.lockKey]);
      try {
        const existing = await client.query<{ sequences: SequenceState[]; size_bytes: string }>(
          `SELECT sequences, size_bytes FROM ${META_SCHEMA}.dataset WHERE id = $1`,
          [id],
        );
        if (existing.rows[0]) {
          return this.remember({
            id,
            challengeKey,
            name: dataset.name,
            ...names,
            sequences: existing.rows[0].sequences,
            sizeBytes: Number(existing.rows[0].size_bytes),
          });
        }
        await this.createDatasetRoles(client, names);
        // A schema without a catalogue row was left by an interrupted load.
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(names.schema)} CASCADE`);
        await client.query(
          `CREATE SCHEMA ${quoteIdentifier(names.schema)} AUTHORIZATION ${quoteIdentifier(names.ownerRole)}`,
        );
        const sizeBytes = await this.loadDataset(names, dataset);
        const { rows: sequenceRows } = await client.query<{
          name: string;
          start_value: string;
          last_value: string | null;
        }>(
          `SELECT pg_catalog.format('%I.%I', schemaname, sequencename) AS name, start_value::text, last_value::text
             FROM pg_catalog.pg_sequences WHERE schemaname = $1`,
          [names.schema],
        );
        const sequences: SequenceState[] = sequenceRows.map((row) => ({
          name: row.name,
          value: row.last_value ?? row.start_value,
          isCalled: row.last_value !== null,
        }));
        await client.query(
          `INSERT INTO ${META_SCHEMA}.dataset (id, challenge_key, dataset_name, schema_name, owner_role, login_role, sequences, size_bytes)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
          [
            id,
            challengeKey,
            dataset.name,
            names.schema,
            names.ownerRole,
            names.loginRole,
            JSON.stringify(sequences),
            sizeBytes,
          ],
        );
        return this.remember({ id, challengeKey, name: dataset.name, ...names, sequences, sizeBytes });
      } finally {
        await client.query('SELECT pg_catalog.pg_advisory_unlock($1)', [names.lockKey]).catch(() => undefined);
      }
    } finally {
      client.release();
    }
  }

  private remember(dataset: PreparedSqlDataset): PreparedSqlDataset {
    this.prepared.set(dataset.id, dataset);
    return dataset;
  }

  private loginPassword(loginRole: string): string {
    return createHmac('sha256', this.roleSecret).update(loginRole).digest('base64url');
  }

  private async createDatasetRoles(
    client: pg.PoolClient,
    names: { ownerRole: string; loginRole: string },
  ): Promise<void> {
    const owner = quoteIdentifier(names.ownerRole);
    const login = quoteIdentifier(names.loginRole);
    const database = quoteIdentifier(this.databaseName);
    const { rows } = await client.query<{ rolname: string }>(
      'SELECT rolname FROM pg_catalog.pg_roles WHERE rolname = ANY($1)',
      [[names.ownerRole, names.loginRole]],
    );
    const exists = new Set(rows.map((row) => row.rolname));
    const comment = quoteLiteral(`${ROLE_COMMENT_PREFIX}${this.databaseName}`);
    const tempFileLimitKb = this.options.tempFileLimitKb ?? 64 * 1024;
    // The password is base64url: no quote can occur in it.
    await client.query(`
      ${exists.has(names.ownerRole) ? '' : `CREATE ROLE ${owner} NOLOGIN NOINHERIT;`}
      ${exists.has(names.loginRole) ? '' : `CREATE ROLE ${login} LOGIN NOINHERIT CONNECTION LIMIT 16;`}
      ALTER ROLE ${login} PASSWORD ${quoteLiteral(this.loginPassword(names.loginRole))};
      COMMENT ON ROLE ${owner} IS ${comment};
      COMMENT ON ROLE ${login} IS ${comment};
      GRANT ${owner} TO ${login};
      ALTER ROLE ${login} SET temp_file_limit = '${tempFileLimitKb}kB';
      ALTER ROLE ${login} SET statement_timeout = '${SETUP_TIME_MS}ms';
      ALTER ROLE ${login} SET idle_in_transaction_session_timeout = '${SETUP_TIME_MS}ms';
      ALTER ROLE ${login} SET work_mem = '${DEFAULT_SQL_RUN_LIMITS.workMemKb}kB';
      GRANT CONNECT ON DATABASE ${database} TO ${login};
      GRANT TEMPORARY ON DATABASE ${database} TO ${owner};
      GRANT EXECUTE ON FUNCTION pg_catalog.pg_advisory_xact_lock(bigint) TO ${login};`);
  }

  private async openSession(dataset: Pick<PreparedSqlDataset, 'loginRole'>): Promise<SandboxSession> {
    const url = new URL(this.options.url);
    const config: pg.ClientConfig = {
      host: url.hostname.replace(/^\[|\]$/g, ''),
      port: Number(url.port || 5432),
      database: this.databaseName,
      user: dataset.loginRole,
      password: this.loginPassword(dataset.loginRole),
      application_name: 'assay-sql-sandbox',
    };
    try {
      return await SandboxSession.connect(config);
    } catch (error) {
      if (error instanceof pg.DatabaseError && (error.code === '53300' || error.code === '53400')) {
        throw new SqlSandboxError('busy', `The SQL sandbox has too many connections: ${error.message}`);
      }
      throw new SqlSandboxError(
        'internal',
        `The SQL sandbox could not connect as ${dataset.loginRole}: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
  }

  /** Starts the dataset's transaction: waits for its turn, then becomes the dataset's role. */
  private async beginTransaction(
    session: SandboxSession,
    dataset: PreparedSqlDataset,
    limits: SqlRunLimits,
  ): Promise<void> {
    await session.command('BEGIN');
    await session.command(`SET LOCAL lock_timeout = '${DATASET_LOCK_WAIT_MS}ms'`);
    // One run per dataset at a time: a candidate's DDL takes locks that would stall, or time out, another's run.
    const { rows } = await session.command(
      'SELECT pg_catalog.pg_advisory_xact_lock($1)::text AS locked, EXISTS (SELECT 1 FROM pg_catalog.pg_namespace WHERE nspname = $2)::text AS present',
      [dataset.lockKey, dataset.schema],
    );
    if (rows[0]?.present !== 'true') {
      // Discarded meanwhile (by an incident, maybe in another process): never let a candidate run against nothing.
      this.prepared.delete(dataset.id);
      throw new SqlSandboxError('busy', `Dataset ${dataset.name} was discarded; prepare it again and retry.`);
    }
    await session.command(`
      SET LOCAL ROLE ${quoteIdentifier(dataset.ownerRole)};
      SET LOCAL search_path = ${quoteIdentifier(dataset.schema)};
      SET LOCAL lock_timeout = '${limits.timeMs}ms';
      SET LOCAL idle_in_transaction_session_timeout = '${limits.timeMs + 10_000}ms';
      SET LOCAL work_mem = '${limits.workMemKb}kB';
      SET LOCAL hash_mem_multiplier = 1;
      SET LOCAL maintenance_work_mem = '16MB';
      SET LOCAL temp_buffers = '8MB';
      SET LOCAL max_parallel_workers_per_gather = 0;
      SET LOCAL jit = off;
      SET LOCAL TimeZone = 'UTC';
      SET LOCAL DateStyle = 'ISO, YMD';
      SET LOCAL IntervalStyle = 'postgres';
      SET LOCAL extra_float_digits = 1;
      SET LOCAL standard_conforming_strings = on;
      SET LOCAL bytea_output = 'hex';
      SET LOCAL client_min_messages = 'error';`);
    // Sequences ignore rollbacks: put them back so that every run sees the same ids.
    for (const sequence of dataset.sequences) {
      await session.command('SELECT pg_catalog.setval($1::text::pg_catalog.regclass, $2::bigint, $3::boolean)', [
        sequence.name,
        sequence.value,
        sequence.isCalled,
      ]);
    }
  }

  /** Runs the setup as the dataset's role, under the statement policy, and commits it. */
  private async loadDataset(
    names: { schema: string; ownerRole: string; loginRole: string; lockKey: string },
    dataset: SqlDataset,
  ): Promise<number> {
    const statements = splitSqlStatements(dataset.setup);
    const refusal = findStatementRefusal(statements);
    if (refusal)
      throw new SqlSandboxError('dataset', `The setup of dataset ${dataset.name} is refused: ${refusal.message}`);
    const session = await this.openSession(names);
    try {
      await session.command('BEGIN');
      await session.command(`
        SET LOCAL ROLE ${quoteIdentifier(names.ownerRole)};
        SET LOCAL search_path = ${quoteIdentifier(names.schema)};
        SET LOCAL statement_timeout = '${SETUP_TIME_MS}ms';
        SET LOCAL TimeZone = 'UTC';
        SET LOCAL DateStyle = 'ISO, YMD';
        SET LOCAL standard_conforming_strings = on;
        SET LOCAL client_min_messages = 'error';`);
      for (const [index, statement] of statements.entries()) {
        try {
          await session.fetch(statement.text, { keep: false, maxRows: 0, maxBytes: 0 });
        } catch (error) {
          throw new SqlSandboxError(
            'dataset',
            `The setup of dataset ${dataset.name} failed at statement ${index + 1}: ${describeDatabaseError(error, dataset.setup, statement).message}`,
          );
        }
        if (session.transactionStatus !== 'T')
          throw new SqlSandboxError('internal', `The setup of dataset ${dataset.name} left its transaction.`);
      }
      const { rows: tables } = await session.command(
        `SELECT pg_catalog.format('%I.%I', n.nspname, c.relname) AS name
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        [names.schema],
      );
      if (tables.length > 0) await session.command(`ANALYZE ${tables.map((row) => row.name).join(', ')}`);
      const { rows: size } = await session.command(
        `SELECT COALESCE(sum(pg_catalog.pg_total_relation_size(c.oid)), 0)::text AS bytes
           FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
          WHERE n.nspname = $1 AND c.relkind IN ('r', 'm')`,
        [names.schema],
      );
      const sizeBytes = Number(size[0]?.bytes ?? 0);
      const maxBytes = this.options.maxDatasetBytes ?? 256 * 1024 * 1024;
      if (sizeBytes > maxBytes) {
        throw new SqlSandboxError(
          'dataset',
          `Dataset ${dataset.name} takes ${sizeBytes} bytes, more than the ${maxBytes} allowed.`,
        );
      }
      const { rows: who } = await session.command(
        'SELECT current_user::text AS current, session_user::text AS session',
      );
      if (who[0]?.current !== names.ownerRole)
        throw new SqlSandboxError('internal', `The setup of dataset ${dataset.name} changed its role.`);
      await session.command('COMMIT');
      return sizeBytes;
    } catch (error) {
      if (error instanceof SqlSandboxError) throw error;
      throw new SqlSandboxError(
        'dataset',
        `Dataset ${dataset.name} could not be loaded: ${describeDatabaseError(error, dataset.setup, undefined).message}`,
      );
    } finally {
      await session.close();
    }
  }

  /**
   * Runs a submission against a dataset and returns what happened; never throws for anything the
   * submission does. Throws SqlSandboxError when the sandbox itself cannot run it.
   */
  async run(
    dataset: PreparedSqlDataset,
    source: string,
    limitOverrides: Partial<SqlRunLimits> = {},
    options: SqlRunOptions = {},
  ): Promise<SqlRunOutcome> {
    if (this.closed) throw new SqlSandboxError('internal', 'The SQL sandbox is closed.');
    const limits: SqlRunLimits = { ...DEFAULT_SQL_RUN_LIMITS, ...limitOverrides };
    if (source.length > limits.maxSourceLength) {
      return {
        kind: 'refused',
        message: `The SQL is ${source.length} characters long; at most ${limits.maxSourceLength} are allowed.`,
        elapsedMs: 0,
      };
    }
    // The protocol ends a string at NUL: the server would see less than the policy checked.
    if (source.includes('\0')) return { kind: 'refused', message: 'The SQL contains a NUL character.', elapsedMs: 0 };
    const statements = splitSqlStatements(source);
    if (statements.length === 0) return { kind: 'refused', message: 'There is no SQL statement to run.', elapsedMs: 0 };
    if (statements.length > limits.maxStatements) {
      return {
        kind: 'refused',
        message: `The SQL has ${statements.length} statements; at most ${limits.maxStatements} are allowed.`,
        elapsedMs: 0,
      };
    }
    const refusal = findStatementRefusal(statements);
    if (refusal) return { kind: 'refused', message: refusal.message, elapsedMs: 0 };

    await this.slots.acquire();
    let session: SandboxSession | undefined;
    let timedOut = false;
    let watchdog: NodeJS.Timeout | undefined;
    let started = 0;
    const elapsed = (): number => (started === 0 ? 0 : Math.round(performance.now() - started));
    try {
      session = await this.openSession(dataset);
      const current = session;
      try {
        await this.beginTransaction(current, dataset, limits);
      } catch (error) {
        if (error instanceof SqlSandboxError) throw error;
        if (error instanceof pg.DatabaseError && error.code === '55P03') {
          throw new SqlSandboxError('busy', `Dataset ${dataset.name} stayed busy for ${DATASET_LOCK_WAIT_MS} ms.`);
        }
        throw new SqlSandboxError(
          'internal',
          `The SQL sandbox could not start a run: ${describeDatabaseError(error, '', undefined).message}`,
        );
      }
      started = performance.now();
      watchdog = setTimeout(() => {
        timedOut = true;
        current.abort('the time limit was exceeded');
        void this.terminateBackend(current.backendPid, dataset.loginRole);
      }, limits.timeMs + WATCHDOG_GRACE_MS);
      // Beyond the result itself, allow for protocol overhead and earlier statements' rows.
      current.limitIncomingBytes(limits.maxOutputBytes * 2 + 1024 * 1024);
      return await this.runStatements(current, dataset, source, statements, limits, options, elapsed);
    } catch (error) {
      if (error instanceof SqlSandboxError) throw error;
      if (timedOut)
        return { kind: 'timed-out', message: `The SQL ran longer than ${limits.timeMs} ms.`, elapsedMs: elapsed() };
      if (session?.outputOverflowed) {
        return {
          kind: 'output-limit',
          message: `The SQL returned more than ${limits.maxOutputBytes} bytes.`,
          elapsedMs: elapsed(),
        };
      }
      if (error instanceof SessionLostError) {
        return {
          kind: 'failed',
          message: 'The database connection was lost while running the SQL.',
          sqlState: undefined,
          statementIndex: -1,
          elapsedMs: elapsed(),
        };
      }
      throw new SqlSandboxError(
        'internal',
        `The SQL sandbox failed: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      clearTimeout(watchdog);
      if (session) {
        const abnormal = session.isLost || timedOut;
        await session.close();
        // The server may still be busy with a statement after the socket was cut: stop it, and keep
        // the slot until it is gone.
        if (abnormal) await this.reapBackend(session.backendPid, dataset.loginRole);
      }
      this.slots.release();
    }
  }

  private async runStatements(
    session: SandboxSession,
    dataset: PreparedSqlDataset,
    source: string,
    statements: readonly SqlStatement[],
    limits: SqlRunLimits,
    options: SqlRunOptions,
    elapsed: () => number,
  ): Promise<SqlRunOutcome> {
    let plan: PlanOutcome | undefined;
    let last: FetchedRows | undefined;
    for (const [index, statement] of statements.entries()) {
      const isLast = index === statements.length - 1;
      const remaining = Math.max(1, limits.timeMs - elapsed());
      await session.command(`SET LOCAL statement_timeout = '${remaining}ms'`);
      try {
        if (isLast && options.explainLastStatement) plan = await this.explain(session, statement);
        last = await session.fetch(statement.text, {
          keep: isLast,
          maxRows: limits.maxRows,
          maxBytes: limits.maxOutputBytes,
        });
      } catch (error) {
        if (error instanceof pg.DatabaseError && error.code === '57014') {
          return {
            kind: 'timed-out',
            message: `The SQL ran longer than ${limits.timeMs} ms (statement ${index + 1}).`,
            elapsedMs: elapsed(),
          };
        }
        if (error instanceof pg.DatabaseError) {
          const { message, sqlState } = describeDatabaseError(error, source, statement);
          return {
            kind: 'failed',
            message: `Statement ${index + 1} failed: ${message}`,
            sqlState,
            statementIndex: index,
            elapsedMs: elapsed(),
          };
        }
        throw error;
      }
      if (session.transactionStatus !== 'T')
        return this.incident(dataset, `statement ${index + 1} ended the sandbox transaction`, index, elapsed());
      if (last.exceeded) {
        const what =
          last.exceeded === 'rows' ? `more than ${limits.maxRows} rows` : `more than ${limits.maxOutputBytes} bytes`;
        return { kind: 'output-limit', message: `The last statement returned ${what}.`, elapsedMs: elapsed() };
      }
    }
    const elapsedMs = elapsed();
    const { rows: who } = await session.command('SELECT current_user::text AS current, session_user::text AS session');
    if (who[0]?.current !== dataset.ownerRole || who[0]?.session !== dataset.loginRole) {
      return this.incident(
        dataset,
        `the run ended as ${who[0]?.current ?? '?'} (session ${who[0]?.session ?? '?'})`,
        statements.length - 1,
        elapsedMs,
      );
    }
    const result = last && last.columns.length > 0 ? { columns: last.columns, rows: last.rows } : undefined;
    return { kind: 'completed', result, plan, elapsedMs };
  }

  /** EXPLAIN inside a savepoint, so that a statement EXPLAIN rejects still runs and reports its own error. */
  private async explain(session: SandboxSession, statement: SqlStatement): Promise<PlanOutcome> {
    if (!isExplainableStatement(statement))
      return { error: 'the last statement is not a query or data change, so it has no plan to check' };
    await session.command('SAVEPOINT assay_plan');
    try {
      const explained = await session.fetch(`EXPLAIN (FORMAT JSON, COSTS false) ${statement.text}`, {
        keep: true,
        maxRows: 1,
        maxBytes: 1024 * 1024,
      });
      await session.command('RELEASE SAVEPOINT assay_plan');
      const text = explained.rows[0]?.[0];
      return text ? { json: JSON.parse(text) as unknown } : { error: 'EXPLAIN returned no plan' };
    } catch (error) {
      if (!(error instanceof pg.DatabaseError) || error.code === '57014') throw error;
      await session.command('ROLLBACK TO SAVEPOINT assay_plan');
      return { error: `EXPLAIN failed: ${error.message}` };
    }
  }

  /** The transaction ended or the role changed: impossible by design. Refuse the result and rebuild the dataset. */
  private async incident(
    dataset: PreparedSqlDataset,
    what: string,
    statementIndex: number,
    elapsedMs: number,
  ): Promise<SqlRunOutcome> {
    this.options.onIncident?.({ datasetId: dataset.id, message: what });
    await this.discardDataset(dataset).catch(() => undefined);
    return {
      kind: 'failed',
      message: `The sandbox refused the result: ${what}.`,
      sqlState: undefined,
      statementIndex,
      elapsedMs,
    };
  }

  /** Drops a dataset's schema and catalogue row; the next prepareDataset loads it again. */
  async discardDataset(dataset: PreparedSqlDataset): Promise<void> {
    this.prepared.delete(dataset.id);
    const client = await this.admin.connect();
    try {
      await client.query('SELECT pg_catalog.pg_advisory_lock($1)', [dataset.lockKey]);
      try {
        await client.query(`DELETE FROM ${META_SCHEMA}.dataset WHERE id = $1`, [dataset.id]);
        await client.query(`DROP SCHEMA IF EXISTS ${quoteIdentifier(dataset.schema)} CASCADE`);
      } finally {
        await client.query('SELECT pg_catalog.pg_advisory_unlock($1)', [dataset.lockKey]);
      }
    } finally {
      client.release();
    }
  }

  private async terminateBackend(pid: number, loginRole: string): Promise<void> {
    // The role check keeps a recycled pid from ever naming someone else's backend.
    await this.admin
      .query(
        'SELECT pg_catalog.pg_terminate_backend(pid, 5000) FROM pg_catalog.pg_stat_activity WHERE pid = $1 AND usename = $2',
        [pid, loginRole],
      )
      .catch(() => undefined);
  }

  /**
   * Terminates a run's backend and waits until it is gone. PostgreSQL builds a whole row before
   * sending it and does not notice a cancel or a terminate while it does, so a huge value keeps
   * a backend busy for seconds after its run is over; holding the run's slot until then keeps the
   * number of busy sandbox backends at most `maxConcurrentRuns`.
   */
  private async reapBackend(pid: number, loginRole: string): Promise<void> {
    const deadline = performance.now() + REAP_TIMEOUT_MS;
    await this.terminateBackend(pid, loginRole);
    while (performance.now() < deadline) {
      const alive = await this.admin
        .query('SELECT 1 FROM pg_catalog.pg_stat_activity WHERE pid = $1 AND usename = $2', [pid, loginRole])
        .then((result) => (result.rowCount ?? 0) > 0)
        .catch(() => false);
      if (!alive) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
      await this.terminateBackend(pid, loginRole);
    }
    this.options.onIncident?.({
      datasetId: '',
      message: `backend ${pid} of ${loginRole} outlived its run by ${REAP_TIMEOUT_MS} ms`,
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.admin.end();
  }

  /** Drops the sandbox database and every role it created (tests, uninstalling). */
  async destroy(): Promise<void> {
    await this.close();
    const client = new pg.Client({
      connectionString: withDatabase(this.options.url, 'postgres'),
      connectionTimeoutMillis: 10_000,
    });
    client.on('error', () => undefined);
    await client.connect();
    try {
      await client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(this.databaseName)} WITH (FORCE)`);
      const { rows } = await client.query<{ rolname: string }>(
        'SELECT rolname FROM pg_catalog.pg_roles WHERE starts_with(rolname, $1) ORDER BY rolname DESC',
        [`${this.roleTag}_`],
      );
      for (const { rolname } of rows) await client.query(`DROP ROLE IF EXISTS ${quoteIdentifier(rolname)}`);
    } finally {
      await client.end().catch(() => undefined);
    }
  }

  /** For tests of the privilege layer: a session as the dataset's login role, with no statement policy. */
  async openUncheckedSessionForTests(dataset: PreparedSqlDataset): Promise<SandboxSession> {
    return this.openSession(dataset);
  }
}
