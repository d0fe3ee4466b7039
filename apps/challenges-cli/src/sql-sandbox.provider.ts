import { createServer } from 'node:net';
import { resolve } from 'node:path';
import { openSqlGrading, sandboxUrlFromEnvironment, type SqlGrading } from '@app/challenge-kit';
import { startEmbeddedPostgres, type RunningPostgres } from '@app/db';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const { port } = server.address() as { port: number };
  await new Promise<void>((done) => server.close(() => done()));
  return port;
}

/**
 * The SQL grader for validating SQL challenges: on SANDBOX_DATABASE_URL, else on a second database of
 * DATABASE_URL's server (as the platform does), else on an embedded PostgreSQL the CLI starts in
 * `.data/challenges-postgres` and stops when done.
 */
export async function openCliSqlGrading(
  environment: NodeJS.ProcessEnv = process.env,
): Promise<SqlGrading & { where: string }> {
  const url = sandboxUrlFromEnvironment(environment);
  if (url) return { ...(await openSqlGrading(url, environment.DATABASE_URL)), where: new URL(url).host };
  const embedded: RunningPostgres = await startEmbeddedPostgres({
    dataDir: resolve('.data/challenges-postgres'),
    port: await freePort(),
    database: 'assay_sandbox',
    reclaimOrphan: true,
  });
  try {
    const grading = await openSqlGrading(embedded.url);
    return {
      grader: grading.grader,
      where: 'an embedded PostgreSQL',
      close: async () => {
        await grading.close();
        await embedded.stop();
      },
    };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
