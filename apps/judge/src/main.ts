import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { ConfigValidationError, JudgeConfig, loadConfig, stopWithSupervisor } from '@app/config';
import {
  DatabaseUnreachableError,
  assertDatabaseReachable,
  runPendingMigrations,
  surviveDatabaseOutages,
} from '@app/db';
import { Logger } from 'nestjs-pino';
import { SimilarityScreener } from './integrity/similarity-screener.service.js';
import { JudgeModule } from './judge.module.js';

async function main(): Promise<void> {
  stopWithSupervisor();
  surviveDatabaseOutages();
  const config = loadConfig('the judge', JudgeConfig);
  await assertDatabaseReachable(config.DATABASE_URL);
  // A judge may boot before any API node on a new database; migrating is locked and idempotent.
  await runPendingMigrations(config.DATABASE_URL);
  const app = await NestFactory.createApplicationContext(JudgeModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.enableShutdownHooks();
  await app.init();
  console.log(`Assay judge ready (concurrency ${config.JUDGE_CONCURRENCY})`);
  // Now, while the judge most likely has nothing in hand, rather than at its first screening (see `preload`).
  app.get(SimilarityScreener).preload();
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else {
    console.error('The judge failed to start:', error);
  }
  process.exit(1);
});
