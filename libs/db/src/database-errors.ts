/** Where a connection URL points, for messages that must never show a password. */
export function describeServer(url: string): string {
  try {
    const { hostname, port, pathname } = new URL(url);
    return `${hostname}:${port || '5432'}${pathname}`;
  } catch {
    return 'an unparsable DATABASE_URL';
  }
}

export class DatabaseUnreachableError extends Error {
  constructor(
    readonly server: string,
    readonly reason: string,
  ) {
    super(`Cannot reach PostgreSQL at ${server}: ${reason}`);
    this.name = 'DatabaseUnreachableError';
  }
}

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}
