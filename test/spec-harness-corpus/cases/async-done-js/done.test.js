import { describe, expect, test } from '@jest/globals';
import { readLater, readFails } from './solution';

describe('done callbacks', () => {
  test('done after a timer', (done) => {
    readLater('a', (value) => {
      expect(value).toBe('A');
      done();
    });
  });
  test('done with an error fails', (done) => {
    readFails((error) => {
      done(error);
    });
  });
  test('an assertion failing inside the callback', (done) => {
    readLater('b', (value) => {
      try {
        expect(value).toBe('b');
        done();
      } catch (error) {
        done(error);
      }
    });
  });
  test('done called synchronously', (done) => {
    expect(1).toBe(1);
    done();
  });
  test('done never called times out', (done) => {
    readLater('c', () => undefined);
    expect(done).toBeDefined();
  }, 100);
});
