import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplication } from '@nestjs/common';
import { PATH_METADATA } from '@nestjs/common/constants.js';
import { ModulesContainer } from '@nestjs/core';
import { createTestDatabase, testApiConfig, type TestDatabase } from '@app/testing';
import { ACCESS_RULE } from '../apps/api/src/access/access.decorators.js';
import { createApiApplication } from '../apps/api/src/api.application.js';

/** Every HTTP route names who may call it; the guard refuses one that does not. */
describe('access rules', () => {
  let database: TestDatabase;
  let app: INestApplication;

  beforeAll(async () => {
    database = await createTestDatabase();
    app = await createApiApplication(testApiConfig(database.url));
    await app.init();
  });
  afterAll(async () => {
    await app.close();
    await database.drop();
  });

  it('are declared by every route of every controller', () => {
    const routes: { route: string; rule: unknown }[] = [];
    for (const module of app.get(ModulesContainer).values()) {
      for (const wrapper of module.controllers.values()) {
        const type = wrapper.metatype as (new (...args: never[]) => object) | undefined;
        if (!type) continue;
        for (const name of Object.getOwnPropertyNames(type.prototype)) {
          const handler = (type.prototype as Record<string, unknown>)[name];
          if (name === 'constructor' || typeof handler !== 'function') continue;
          if (Reflect.getMetadata(PATH_METADATA, handler) === undefined) continue;
          const rule = Reflect.getMetadata(ACCESS_RULE, handler) ?? Reflect.getMetadata(ACCESS_RULE, type);
          routes.push({ route: `${type.name}.${name}`, rule });
        }
      }
    }
    expect(routes.length).toBeGreaterThan(5);
    expect(routes.filter((route) => route.rule === undefined)).toEqual([]);
  });
});
