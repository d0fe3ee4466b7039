import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createDataSource } from '@app/db';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { randomUUID } from 'node:crypto';
import type { DataSource } from 'typeorm';
import { RATE_LIMIT_SYNC_MS, RateLimitRepository } from './rate-limit.repository.js';

describe('rate-limit counters shared by API nodes', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 4).initialize();
  });

  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const shared = async (key: string): Promise<number> =>
    (await dataSource.query<{ hits: number }[]>('SELECT hits FROM rate_limit_buckets WHERE key = $1', [key]))[0]
      ?.hits ?? 0;

  it('counts hits far from the limit in memory and adds them to the shared counter within the sync interval', async () => {
    const node = new RateLimitRepository(dataSource);
    const key = `test:${randomUUID()}`;
    const counts: number[] = [];
    for (let i = 0; i < 50; i++) counts.push((await node.hit(key, 60, 1000)).hits);

    expect(counts).toEqual(Array.from({ length: 50 }, (_, i) => i + 1)); // exact on the node that counted them
    expect(await shared(key)).toBeLessThan(50); // not every hit was a round trip
    await new Promise((resolve) => setTimeout(resolve, RATE_LIMIT_SYNC_MS + 200));
    expect(await shared(key)).toBe(50);
    await node.onModuleDestroy();
  });

  it('counts every hit in PostgreSQL near the limit: two nodes together admit exactly the limit', async () => {
    const [a, b] = [new RateLimitRepository(dataSource), new RateLimitRepository(dataSource)];
    const key = `test:${randomUUID()}`;
    const limit = 40;
    let admitted = 0;
    for (let i = 0; i < 60; i++) {
      const { hits } = await (i % 2 ? a : b).hit(key, 60, limit);
      if (hits <= limit) admitted++;
    }
    expect(admitted).toBe(limit);
    await Promise.all([a.onModuleDestroy(), b.onModuleDestroy()]);
    expect(await shared(key)).toBe(60);
  });

  it('tells when the window resets', async () => {
    const node = new RateLimitRepository(dataSource);
    const { hits, resetsInSeconds } = await node.hit(`test:${randomUUID()}`, 60, 5);
    expect(hits).toBe(1);
    expect(resetsInSeconds).toBeGreaterThan(55);
    expect(resetsInSeconds).toBeLessThanOrEqual(60);
    await node.onModuleDestroy();
  });
});
