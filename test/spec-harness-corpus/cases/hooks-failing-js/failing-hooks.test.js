import { afterEach, beforeAll, beforeEach, describe, expect, test } from '@jest/globals';
import { connect } from './solution';

describe('beforeAll throws', () => {
  beforeAll(() => {
    connect('bad');
  });
  test('first test under it fails', () => {
    expect(1).toBe(1);
  });
  describe('nested', () => {
    test('nested test under it fails too', () => {
      expect(1).toBe(1);
    });
  });
});

describe('beforeEach throws for some tests', () => {
  let target = 'good';
  beforeEach(() => {
    connect(target);
  });
  test('connects', () => {
    target = 'bad';
    expect(true).toBe(true);
  });
  test('fails in beforeEach', () => {
    expect(true).toBe(true);
  });
});

describe('afterEach throws', () => {
  afterEach(() => {
    connect('bad');
  });
  test('fails although its body passed', () => {
    expect(2).toBe(2);
  });
});

describe('an assertion in beforeEach', () => {
  beforeEach(() => {
    expect(connect('good')).toBe('connected:bad');
  });
  test('fails', () => {
    expect(1).toBe(1);
  });
});

test('unaffected test at the root', () => {
  expect(connect('good')).toBe('connected:good');
});
