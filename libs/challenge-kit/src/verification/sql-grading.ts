import { SqlGrader } from '../graders/sql/sql-grader.js';
import { resolveSandboxDatabaseUrl, SqlSandbox } from '../graders/sql/sql-sandbox.js';

/** A SQL grader on an open sandbox, for validating SQL challenges (CLI, API uploads). */
export interface SqlGrading {
  grader: SqlGrader;
  close(): Promise<void>;
}

/** SANDBOX_DATABASE_URL, else a second database on DATABASE_URL's server; undefined when neither is set. */
export function sandboxUrlFromEnvironment(
  environment: Readonly<Record<string, string | undefined>>,
): string | undefined {
  if (!environment.SANDBOX_DATABASE_URL && !environment.DATABASE_URL) return undefined;
  return resolveSandboxDatabaseUrl({
    SANDBOX_DATABASE_URL: environment.SANDBOX_DATABASE_URL,
    DATABASE_URL: environment.DATABASE_URL ?? '',
  });
}

export async function openSqlGrading(url: string, applicationDatabaseUrl?: string): Promise<SqlGrading> {
  const sandbox = await SqlSandbox.open({ url, ...(applicationDatabaseUrl ? { applicationDatabaseUrl } : {}) });
  return { grader: new SqlGrader(sandbox), close: () => sandbox.close() };
}
