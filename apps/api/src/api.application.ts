import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { ApiConfig } from '@app/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';

export const API_PREFIX = 'api';

/** Builds the API exactly as production runs it; `main.ts` and the end-to-end tests both use it. */
export async function createApiApplication(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create(AppModule.register(config), { bufferLogs: true });
  app.useLogger(app.get(Logger));
  app.setGlobalPrefix(API_PREFIX);
  app.enableShutdownHooks();
  return app;
}
