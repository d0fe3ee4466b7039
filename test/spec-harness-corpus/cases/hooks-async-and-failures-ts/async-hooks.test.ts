import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { Db } from './solution.js';

describe('async beforeAll that rejects', () => {
  beforeAll(async () => {
    await Db.open('bad');
  });
  test('fails', () => {
    expect(true).toBe(true);
  });
});

describe('async hooks in order', () => {
  const events: string[] = [];
  let db: Db;
  beforeAll(async () => {
    db = await Db.open('good');
    events.push('open');
  });
  beforeEach(async () => {
    await db.write('x');
    events.push('write');
  });
  afterEach(() => {
    events.push('after');
  });
  afterAll(async () => {
    await db.close();
  });
  test('first', () => {
    expect(events).toEqual(['open', 'write']);
  });
  test('second', () => {
    expect(events).toEqual(['open', 'write', 'after', 'write']);
  });
  test('rows', async () => {
    expect(await db.count()).toBe(3);
  });
});

describe('afterAll that throws does not fail the tests', () => {
  afterAll(() => {
    throw new Error('cleanup failed');
  });
  test('passes', () => {
    expect(1).toBe(1);
  });
});

describe('a hook that times out', () => {
  beforeEach(() => new Promise(() => undefined), 50);
  test('fails because of the hook', () => {
    expect(1).toBe(1);
  });
});

describe('a hook with a done callback', () => {
  let ready = false;
  beforeEach((done) => {
    setTimeout(() => {
      ready = true;
      done();
    }, 5);
  });
  test('sees the hook finished', () => {
    expect(ready).toBe(true);
  });
});

test('hooks may return values', () => {
  expect(1).toBe(1);
});
