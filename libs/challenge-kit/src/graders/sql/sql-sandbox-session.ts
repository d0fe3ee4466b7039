import pg from 'pg';
import Cursor from 'pg-cursor';
import type { SqlCell, SqlColumn } from './sql-result.js';

/** Names of the built-in types a result can hold; anything else is reported as `oid:<n>`. */
const TYPE_NAMES: Readonly<Record<number, string>> = {
  16: 'bool',
  17: 'bytea',
  18: 'char',
  19: 'name',
  20: 'int8',
  21: 'int2',
  23: 'int4',
  25: 'text',
  26: 'oid',
  114: 'json',
  700: 'float4',
  701: 'float8',
  790: 'money',
  1042: 'bpchar',
  1043: 'varchar',
  1082: 'date',
  1083: 'time',
  1114: 'timestamp',
  1184: 'timestamptz',
  1186: 'interval',
  1266: 'timetz',
  1700: 'numeric',
  2950: 'uuid',
  3802: 'jsonb',
  869: 'inet',
  650: 'cidr',
  1000: '_bool',
  1005: '_int2',
  1007: '_int4',
  1016: '_int8',
  1009: '_text',
  1015: '_varchar',
  1231: '_numeric',
  1021: '_float4',
  1022: '_float8',
};

export function typeName(oid: number): string {
  return TYPE_NAMES[oid] ?? `oid:${oid}`;
}

/** Every value stays PostgreSQL's text output: comparison must not depend on JavaScript parsing. */
const RAW_TEXT = { getTypeParser: () => (value: string) => value } as unknown as pg.CustomTypesConfig;

const CLOSE_TIMEOUT_MS = 3000;

/** The connection died or was cut while a statement ran (by the watchdog, the byte cap or the server). */
export class SessionLostError extends Error {
  constructor(reason: string) {
    super(`The sandbox connection was lost: ${reason}`);
    this.name = 'SessionLostError';
  }
}

export interface FetchOptions {
  /** Keep rows (the final statement) or read and drop them (earlier statements). */
  keep: boolean;
  maxRows: number;
  maxBytes: number;
}

export interface FetchedRows {
  /** Empty when the statement returns no result set (DDL, DML without RETURNING). */
  columns: SqlColumn[];
  rows: SqlCell[][];
  /** Why reading stopped early: the result had more rows or bytes than allowed. */
  exceeded?: 'rows' | 'bytes';
}

function withDeadline<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new SessionLostError(`${what} did not finish within ${ms} ms`)), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/**
 * One connection as a sandbox login role, for one transaction. Counts every byte the server sends
 * and cuts the socket past a cap, so that no result (one huge cell included) is ever buffered whole
 * in this process; any wait can be ended by `abort`, which the watchdog calls.
 */
export class SandboxSession {
  private bytesReceived = 0;
  private byteLimit = Number.POSITIVE_INFINITY;
  private overflowed = false;
  private lost: string | undefined;
  private readonly lostSignal: Promise<never>;
  private signalLost: (reason: string) => void = () => undefined;

  private constructor(private readonly client: pg.Client) {
    this.lostSignal = new Promise<never>((_, reject) => {
      this.signalLost = (reason) => {
        if (this.lost === undefined) this.lost = reason;
        reject(new SessionLostError(this.lost));
      };
    });
    this.lostSignal.catch(() => undefined);
    client.on('error', (error) => this.signalLost(error.message));
    client.on('end', () => this.signalLost('the server closed the connection'));
    client.connection.stream.on('data', (chunk: Buffer) => {
      this.bytesReceived += chunk.length;
      if (this.bytesReceived > this.byteLimit && !this.overflowed) {
        this.overflowed = true;
        this.abort('the server sent more bytes than allowed');
      }
    });
  }

  static async connect(config: pg.ClientConfig): Promise<SandboxSession> {
    const client = new pg.Client({ ...config, types: RAW_TEXT, connectionTimeoutMillis: 10_000 });
    client.on('error', () => undefined);
    await client.connect();
    return new SandboxSession(client);
  }

  get backendPid(): number {
    return (this.client as unknown as { processID: number }).processID;
  }

  /** 'I' idle (no transaction), 'T' in a transaction, 'E' in a failed transaction, null before any. */
  get transactionStatus(): string | null {
    return this.client.getTransactionStatus();
  }

  get outputOverflowed(): boolean {
    return this.overflowed;
  }

  get isLost(): boolean {
    return this.lost !== undefined;
  }

  /** From now on, at most `limit` more bytes may arrive before the connection is cut. */
  limitIncomingBytes(limit: number): void {
    this.byteLimit = this.bytesReceived + limit;
  }

  /** Runs the sandbox's own SQL (never a candidate's: that goes through `fetch`). */
  async command(text: string, values?: unknown[]): Promise<pg.QueryResult<Record<string, SqlCell>>> {
    return this.guard(this.client.query<Record<string, SqlCell>>(text, values));
  }

  /**
   * Runs one statement through the extended query protocol, which refuses text holding more than
   * one statement, and reads its rows through a portal in batches.
   */
  async fetch(text: string, options: FetchOptions): Promise<FetchedRows> {
    const cursor = this.client.query(new Cursor<SqlCell[]>(text, undefined, { rowMode: 'array', types: RAW_TEXT }));
    const batchSize = options.keep ? Math.min(options.maxRows + 1, 500) : 1000;
    const rows: SqlCell[][] = [];
    let columns: SqlColumn[] = [];
    let bytes = 0;
    for (;;) {
      // A cursor whose read failed has already synced with the server: closing it again would wait forever.
      const batch = await this.guard(
        new Promise<{ rows: SqlCell[][]; fields: pg.FieldDef[] }>((resolve, reject) => {
          cursor.read(batchSize, (error, batchRows, result) =>
            error ? reject(error) : resolve({ rows: batchRows, fields: result?.fields ?? [] }),
          );
        }),
      );
      if (columns.length === 0 && batch.fields.length > 0) {
        columns = batch.fields.map((field) => ({ name: field.name, type: typeName(field.dataTypeID) }));
      }
      if (batch.rows.length === 0) return { columns, rows };
      if (!options.keep) continue;
      for (const row of batch.rows) {
        bytes += row.reduce((sum, cell) => sum + (cell?.length ?? 0), 0);
        const exceeded = rows.length >= options.maxRows ? 'rows' : bytes > options.maxBytes ? 'bytes' : undefined;
        if (exceeded) {
          await this.guard(cursor.close());
          return { columns, rows, exceeded };
        }
        rows.push(row);
      }
    }
  }

  /** Cuts the connection at once; the server then rolls the transaction back. */
  abort(reason: string): void {
    this.signalLost(reason);
    this.client.connection.stream.destroy();
  }

  /** Rolls back and disconnects; never throws. The server rolls back on its own if this fails. */
  async close(): Promise<void> {
    if (this.lost === undefined) {
      try {
        if (this.transactionStatus !== 'I') await withDeadline(this.command('ROLLBACK'), CLOSE_TIMEOUT_MS, 'ROLLBACK');
        await withDeadline(this.client.end(), CLOSE_TIMEOUT_MS, 'disconnecting');
        return;
      } catch {
        // fall through to cutting the connection
      }
    }
    this.client.connection.stream.destroy();
  }

  private guard<T>(promise: Promise<T>): Promise<T> {
    if (this.lost !== undefined) return Promise.reject(new SessionLostError(this.lost));
    return Promise.race([promise, this.lostSignal]);
  }
}
