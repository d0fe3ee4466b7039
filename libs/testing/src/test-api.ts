import type { INestApplication } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { ApiConfig, loadConfig } from '@app/config';

export interface RunningTestApi {
  app: INestApplication;
  /** Base URL such as http://127.0.0.1:41234 */
  url: string;
  close(): Promise<void>;
}

export function testApiConfig(databaseUrl: string, overrides: NodeJS.ProcessEnv = {}): ApiConfig {
  return loadConfig('the API under test', ApiConfig, {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: databaseUrl,
    JWT_SECRET: randomBytes(32).toString('hex'),
    PORT: '3000',
    LOAD_CHALLENGE_BANK: 'false',
    ...overrides,
  });
}

/**
 * The real API (the same factory `main.ts` uses) on an ephemeral port. The factory is passed in
 * so that this library depends on no app.
 */
export async function startTestApi(
  create: (config: ApiConfig) => Promise<INestApplication>,
  databaseUrl: string,
  overrides: NodeJS.ProcessEnv = {},
): Promise<RunningTestApi> {
  const app = await create(testApiConfig(databaseUrl, overrides));
  await app.listen(0, '127.0.0.1');
  const server = app.getHttpServer() as Server;
  const { port } = server.address() as AddressInfo;
  return { app, url: `http://127.0.0.1:${port}`, close: () => app.close() };
}
