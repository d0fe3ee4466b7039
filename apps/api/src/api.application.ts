import type { INestApplication } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { ApiConfig } from '@app/config';
import type { NextFunction, Request, Response } from 'express';
import { Logger } from 'nestjs-pino';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
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
  serveWebClient(app, resolve(config.WEB_DIST_DIR));
  return app;
}

/**
 * The single-page web client: its files at `/`, and its index for every other browser route
 * (`/take/<token>`, `/assessments/...`), so that links and reloads work. `/api` stays the API's.
 */
function serveWebClient(app: NestExpressApplication, root: string): void {
  const indexFile = join(root, 'index.html');
  if (!existsSync(indexFile)) return;
  const index = readFileSync(indexFile);
  app.useStaticAssets(root, { index: false, maxAge: '1h', fallthrough: true });
  app.use((request: Request, response: Response, next: NextFunction) => {
    const isPage =
      request.method === 'GET' && !/^\/(api|socket\.io)(\/|$)/.test(request.path) && request.accepts('html') === 'html';
    if (!isPage) return next();
    response.type('html').setHeader('Cache-Control', 'no-cache').send(index);
  });
}
