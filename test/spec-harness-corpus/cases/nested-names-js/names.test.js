import { describe, expect, test } from '@jest/globals';
import { format } from './solution';

describe('format', () => {
  describe('numbers', () => {
    describe('with separators: 1,000', () => {
      test('formats thousands › like this', () => {
        expect(format(1000)).toBe('1,000');
      });
      test('formats millions (with "quotes")', () => {
        expect(format(1234567)).toBe('1,234,567');
      });
    });
    test('small numbers are unchanged', () => {
      expect(format(7)).toBe('7');
    });
  });
  describe('', () => {
    test('an empty describe title', () => {
      expect(format(0)).toBe('0');
    });
  });
  test(String(42), () => {
    expect(format(42)).toBe('42');
  });
});
