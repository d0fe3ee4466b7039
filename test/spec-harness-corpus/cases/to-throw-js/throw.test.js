import { describe, expect, test } from '@jest/globals';
import { parseAge, ValidationError, safeDivide, throwsString, throwsNull } from './solution';

describe('toThrow', () => {
  test('throws at all', () => {
    expect(() => parseAge('x')).toThrow();
  });
  test('does not throw for valid input', () => {
    expect(() => parseAge('42')).not.toThrow();
  });
  test('expected to throw but did not', () => {
    expect(() => parseAge('42')).toThrow();
  });
  test('substring of the message', () => {
    expect(() => parseAge('-1')).toThrow('negative');
  });
  test('wrong substring', () => {
    expect(() => parseAge('-1')).toThrow('positive');
  });
  test('regex', () => {
    expect(() => parseAge('abc')).toThrow(/not a number/i);
  });
  test('class', () => {
    expect(() => parseAge('abc')).toThrow(ValidationError);
  });
  test('base class', () => {
    expect(() => parseAge('abc')).toThrow(Error);
  });
  test('wrong class', () => {
    expect(() => parseAge('abc')).toThrow(RangeError);
  });
  test('error object compares the message', () => {
    expect(() => parseAge('-1')).toThrow(new Error('age is negative'));
  });
  test('error object with another message', () => {
    expect(() => parseAge('-1')).toThrow(new Error('age'));
  });
  test('custom error object checks the class', () => {
    expect(() => safeDivide(1, 0)).toThrow(new ValidationError('division by zero'));
  });
  test('toThrowError alias', () => {
    expect(() => safeDivide(1, 0)).toThrowError('zero');
  });
  test('thrown strings', () => {
    expect(() => throwsString()).toThrow('plain');
  });
  test('thrown null still counts as throwing', () => {
    expect(() => throwsNull()).toThrow();
  });
  test('thrown null does not match a message', () => {
    expect(() => throwsNull()).toThrow('null');
  });
  test('received value must be a function', () => {
    expect(parseAge('1')).toThrow();
  });
  test('an uncaught throw fails the test', () => {
    parseAge('oops');
  });
});
