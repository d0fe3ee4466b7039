import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { JudgeConfig, loadConfig } from '@app/config';
import { JudgeModule } from '../../apps/judge/src/judge.module.js';

/**
 * The judge app in the test's own process, on the test's database: what `npm start` runs beside the API,
 * without a process of its own. `settings` are more of the judge's environment (a sandbox database, say).
 */
export async function startTestJudge(
  databaseUrl: string,
  concurrency = 2,
  settings: NodeJS.ProcessEnv = {},
): Promise<INestApplicationContext> {
  const config = loadConfig('judge under test', JudgeConfig, {
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    JUDGE_CONCURRENCY: String(concurrency),
    ...settings,
  });
  const judge = await NestFactory.createApplicationContext(JudgeModule.register(config), { logger: false });
  await judge.init();
  return judge;
}
