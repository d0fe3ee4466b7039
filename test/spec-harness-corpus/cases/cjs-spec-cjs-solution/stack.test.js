/* eslint-disable @typescript-eslint/no-require-imports -- this case is CommonJS on purpose */
/* global describe, test, expect, beforeEach, require */
const { Stack } = require('./solution');

describe('Stack', () => {
  let stack;
  beforeEach(() => {
    stack = new Stack();
  });
  test('starts empty', () => {
    expect(stack.size).toBe(0);
    expect(stack.peek()).toBeUndefined();
  });
  test('push and pop', () => {
    stack.push(1);
    stack.push(2);
    expect(stack.pop()).toBe(2);
    expect(stack.size).toBe(1);
  });
  test('pop on empty throws', () => {
    expect(() => stack.pop()).toThrow('empty');
  });
  test('toArray is top first', () => {
    stack.push('a');
    stack.push('b');
    expect(stack.toArray()).toEqual(['b', 'a']);
  });
});
