import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { createLog } from './solution.js';

const log = createLog();

beforeAll(() => log.push('root beforeAll'));
afterAll(() => log.push('root afterAll'));
beforeEach(() => log.push('root beforeEach'));
afterEach(() => log.push('root afterEach'));

test('first at the root', () => {
  expect(log.entries()).toEqual(['root beforeAll', 'root beforeEach']);
});

describe('outer', () => {
  beforeAll(() => log.push('outer beforeAll'));
  afterAll(() => log.push('outer afterAll'));
  beforeEach(() => log.push('outer beforeEach'));
  afterEach(() => log.push('outer afterEach'));

  test('in outer', () => {
    expect(log.entries().slice(-4)).toEqual([
      'root afterEach',
      'outer beforeAll',
      'root beforeEach',
      'outer beforeEach',
    ]);
  });

  describe('inner', () => {
    beforeEach(() => log.push('inner beforeEach'));
    afterEach(() => log.push('inner afterEach'));

    test('in inner', () => {
      expect(log.entries().slice(-5)).toEqual([
        'root afterEach',
        'root beforeEach',
        'outer beforeEach',
        'inner beforeEach',
        'x',
      ]);
    });
    test('after the failure', () => {
      expect(log.entries().slice(-6, -3)).toEqual(['inner afterEach', 'outer afterEach', 'root afterEach']);
    });
  });
});

describe('after outer', () => {
  test('outer afterAll ran before this block', () => {
    expect(log.entries()).toContain('outer afterAll');
    expect(log.entries()).not.toContain('root afterAll');
  });
});

describe('a block whose tests are all skipped', () => {
  beforeAll(() => log.push('skipped block beforeAll'));
  test.skip('skipped', () => undefined);
});

test('hooks of a fully skipped block never ran', () => {
  expect(log.entries()).not.toContain('skipped block beforeAll');
});
