import { afterAll, beforeAll, describe, expect, test } from '@jest/globals';
import { OrderService } from './solution';

describe('OrderService', () => {
  let service;
  beforeAll(async () => {
    service = new OrderService();
    await service.start();
  });
  afterAll(async () => {
    await service.stop();
  });
  test('places an order', async () => {
    const order = await service.place({ sku: 'A1', qty: 2 });
    expect(order).toMatchObject({ sku: 'A1', qty: 2, status: 'placed' });
  });
  test('rejects a zero quantity', async () => {
    await expect(service.place({ sku: 'A1', qty: 0 })).rejects.toThrow('quantity');
  });
  test('lists orders', async () => {
    expect(await service.list()).toHaveLength(1);
  });
  test('is idempotent by key', async () => {
    const first = await service.place({ sku: 'B', qty: 1, key: 'k1' });
    const second = await service.place({ sku: 'B', qty: 1, key: 'k1' });
    expect(second.id).toBe(first.id);
  });
});
