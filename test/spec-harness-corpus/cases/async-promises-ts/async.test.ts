import { describe, expect, test } from '@jest/globals';
import { fetchUser, failFetch, slowValue } from './solution.js';

describe('async', () => {
  test('async/await', async () => {
    const user = await fetchUser(1);
    expect(user).toEqual({ id: 1, name: 'user-1' });
  });
  test('async/await with a wrong expectation', async () => {
    const user = await fetchUser(2);
    expect(user.name).toBe('user-1');
  });
  test('returning a promise', () => {
    return fetchUser(3).then((user) => {
      expect(user.id).toBe(3);
    });
  });
  test('returning a rejected promise fails', () => {
    return failFetch('boom');
  });
  test('resolves', async () => {
    await expect(fetchUser(4)).resolves.toEqual({ id: 4, name: 'user-4' });
  });
  test('resolves with the wrong value', async () => {
    await expect(fetchUser(4)).resolves.toHaveProperty('name', 'someone');
  });
  test('rejects', async () => {
    await expect(failFetch('nope')).rejects.toThrow('nope');
  });
  test('rejects with a class', async () => {
    await expect(failFetch('nope')).rejects.toThrow(TypeError);
  });
  test('rejects but it resolved', async () => {
    await expect(fetchUser(5)).rejects.toThrow();
  });
  test('resolves but it rejected', async () => {
    await expect(failFetch('x')).resolves.toBeDefined();
  });
  test('resolves.not', async () => {
    await expect(fetchUser(6)).resolves.not.toBeNull();
  });
  test('rejects.toEqual on the reason', async () => {
    await expect(failFetch('why')).rejects.toEqual(new Error('why'));
  });
  test('a timer-based value', async () => {
    await expect(slowValue(20)).resolves.toBe(20);
  });
  test('resolves on a non-promise', async () => {
    await expect(42).resolves.toBe(42);
  });
});
