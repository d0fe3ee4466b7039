import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ApiConfig } from '@app/config';
import { Logger } from 'nestjs-pino';
import { AppModule } from './app.module.js';
import { PostgresIoAdapter } from './live/postgres-io.adapter.js';

export const API_PREFIX = 'api';
/** Large enough for any candidate's code or answer; anything bigger gets a 413. */
export const MAX_BODY_BYTES = 1024 * 1024;

/** Builds the API exactly as production runs it; `main.ts` and the end-to-end tests both use it. */
export async function createApiApplication(config: ApiConfig): Promise<INestApplication> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.register(config), {
    bufferLogs: true,
    bodyParser: false,
  });
  app.useLogger(app.get(Logger));
  app.useBodyParser('json', { limit: MAX_BODY_BYTES, strict: true });
  app.set('trust proxy', 'loopback');
  app.setGlobalPrefix(API_PREFIX);
  app.useWebSocketAdapter(new PostgresIoAdapter(app, config.DATABASE_URL));
  app.enableShutdownHooks();
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Assay API')
      .setDescription('Skills assessments for backend engineers: staff, assessments, candidates, results.')
      .setVersion('1')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'staff')
      .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' }, 'candidate')
      .build(),
  );
  SwaggerModule.setup(`${API_PREFIX}/docs`, app, document, { jsonDocumentUrl: `${API_PREFIX}/docs-json` });
  return app;
}
