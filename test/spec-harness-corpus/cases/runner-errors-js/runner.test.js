/* global setTimeout */
import { describe, expect, test } from '@jest/globals';
import { compute } from './solution';

describe('runner errors', () => {
  test('done and a returned promise', (done) => {
    done();
    return Promise.resolve();
  });
  test('done called twice', (done) => {
    done();
    done();
  });
  test('done with a string reason', (done) => {
    done('reason');
  });
  test('an error thrown in a timer fails the running test', (done) => {
    setTimeout(() => {
      throw new Error('from a timer');
    }, 1);
    setTimeout(done, 20);
  });
  test('the next test is unaffected', () => {
    expect(compute(2)).toBe(4);
  });
  test('expect with two arguments', () => {
    expect(compute(2), 'extra').toBe(4);
  });
  test('a hook inside a test fails it', () => {
    describe('x', () => {});
  });
});
