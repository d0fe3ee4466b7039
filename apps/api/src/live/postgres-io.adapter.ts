import type { INestApplicationContext } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { createAdapter } from '@socket.io/postgres-adapter';
import pg from 'pg';
import type { Server, ServerOptions } from 'socket.io';

/** socket.io across API nodes: rooms and server-side events travel through PostgreSQL NOTIFY. */
export class PostgresIoAdapter extends IoAdapter {
  private readonly pool: pg.Pool;

  constructor(app: INestApplicationContext, databaseUrl: string) {
    super(app);
    this.pool = new pg.Pool({ connectionString: databaseUrl, max: 3, application_name: 'assay-socket-adapter' });
    this.pool.on('error', () => undefined);
    // The adapter holds one client for LISTEN and reconnects when it ends; an error on that client
    // (PostgreSQL restarting) must not become an unhandled 'error' event that kills the process.
    this.pool.on('connect', (client) => client.on('error', () => undefined));
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server = super.createIOServer(port, options);
    server.adapter(createAdapter(this.pool, { heartbeatInterval: 5000, heartbeatTimeout: 10000 }));
    return server;
  }

  /**
   * The adapter releases its LISTEN connection only once every namespace's adapter is closed, which
   * socket.io does not always do (an application that never listened); a shutdown must not wait on it.
   */
  override async dispose(): Promise<void> {
    await super.dispose();
    const ended = this.pool.end().catch(() => undefined);
    await Promise.race([ended, new Promise((resolve) => setTimeout(resolve, 1000).unref())]);
  }
}
