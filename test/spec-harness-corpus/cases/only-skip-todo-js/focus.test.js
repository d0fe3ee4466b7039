import { describe, expect, it, test, xdescribe, xit, xtest } from '@jest/globals';
import { double } from './solution';

test('skipped because another test is focused', () => {
  expect(double(1)).toBe(2);
});

test.only('focused and passing', () => {
  expect(double(2)).toBe(4);
});

it.only('focused and failing', () => {
  expect(double(3)).toBe(7);
});

test.skip('explicitly skipped', () => {
  expect(double(1)).toBe(3);
});

xit('xit is skipped', () => {
  expect(double(1)).toBe(3);
});

xtest('xtest is skipped', () => {
  expect(double(1)).toBe(3);
});

test.todo('write this later');

xdescribe('xdescribe', () => {
  test('inside xdescribe', () => {
    expect(double(1)).toBe(2);
  });
});

describe('a plain block', () => {
  test('not focused', () => {
    expect(double(1)).toBe(2);
  });
  test.only('focused inside a block', () => {
    expect(double(5)).toBe(10);
  });
});
