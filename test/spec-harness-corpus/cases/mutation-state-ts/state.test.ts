import { describe, expect, test } from '@jest/globals';
import { Counter, shared } from './solution.js';

describe('module state is shared between tests of a file', () => {
  test('first increment', () => {
    expect(shared.next()).toBe(1);
  });
  test('second increment sees the first', () => {
    expect(shared.next()).toBe(2);
  });
  test('fresh instances start over', () => {
    const counter = new Counter();
    counter.next();
    expect(counter.next()).toBe(2);
  });
  test('reset', () => {
    shared.reset();
    expect(shared.next()).toBe(1);
  });
});
