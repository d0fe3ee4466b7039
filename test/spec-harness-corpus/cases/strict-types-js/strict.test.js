import { describe, expect, test } from '@jest/globals';
import { toRecord, Money, money, nullProto, typed } from './solution';

describe('toStrictEqual details', () => {
  test('arrays with extra properties', () => {
    expect(toRecord()).toEqual([1, 2]);
  });
  test('class instances with equal fields', () => {
    expect(money(5)).toStrictEqual(new Money(5, 'EUR'));
  });
  test('class against plain object with toEqual', () => {
    expect(money(5)).toEqual({ amount: 5, currency: 'EUR' });
  });
  test('null prototype against a literal (toEqual)', () => {
    expect(nullProto()).toEqual({ a: 1 });
  });
  test('null prototype against a literal (toStrictEqual)', () => {
    expect(nullProto()).toStrictEqual({ a: 1 });
  });
  test('typed arrays', () => {
    expect(typed()).toEqual(new Uint8Array([1, 2, 3]));
  });
  test('typed arrays of another type', () => {
    expect(typed()).toStrictEqual(new Int8Array([1, 2, 3]));
  });
  test('undefined in arrays', () => {
    expect([undefined]).toStrictEqual([]);
  });
  test('toMatchObject ignores extra keys', () => {
    expect(money(7)).toMatchObject({ amount: 7 });
  });
  test('toMatchObject with a wrong value', () => {
    expect(money(7)).toMatchObject({ amount: 8 });
  });
});
