import { describe, expect, test } from '@jest/globals';
import { circular, withSymbol, withGetter, errors, Temperature, nestedArrays } from './solution';

const tag = Symbol('tag');

describe('deep equality edge cases', () => {
  test('circular structures', () => {
    const expected = { name: 'root', children: [] };
    expected.self = expected;
    expect(circular()).toEqual(expected);
  });
  test('circular structures that differ', () => {
    // (a failing comparison of cycles would be fine here, but jest's --json report cannot serialise it)
    const expected = { name: 'other', children: [] };
    expected.self = expected;
    expect(circular()).not.toEqual(expected);
  });
  test('symbol keys are compared', () => {
    expect(withSymbol(tag, 1)).toEqual({ id: 1, [tag]: true });
  });
  test('symbol keys that differ', () => {
    expect(withSymbol(tag, 1)).toEqual({ id: 1, [tag]: false });
  });
  test('own enumerable getters are read', () => {
    expect(withGetter()).toEqual({ value: 3 });
  });
  test('errors compare by message', () => {
    expect(errors().plain).toEqual(new Error('boom'));
  });
  test('errors of another type with the same message are equal to toEqual', () => {
    expect(errors().typed).toEqual(new Error('boom'));
  });
  test('errors of another type are not strictly equal', () => {
    expect(errors().typed).toStrictEqual(new Error('boom'));
  });
  test('prototype getters are not compared', () => {
    expect(new Temperature(20)).toEqual({ celsius: 20 });
  });
  test('objectContaining sees inherited getters', () => {
    expect(new Temperature(20)).toEqual(expect.objectContaining({ fahrenheit: 68 }));
  });
  test('toMatchObject sees inherited getters', () => {
    expect(new Temperature(20)).toMatchObject({ fahrenheit: 68 });
  });
  test('toMatchObject on arrays needs the same length', () => {
    expect(nestedArrays()).toMatchObject([{ a: 1 }]);
  });
  test('toMatchObject on arrays of objects', () => {
    expect(nestedArrays()).toMatchObject([{ a: 1 }, { b: 2 }]);
  });
  test('undefined vs missing inside arrays of objects', () => {
    expect([{ a: undefined }]).toEqual([{}]);
  });
  test('toStrictEqual undefined vs missing', () => {
    expect([{ a: undefined }]).toStrictEqual([{}]);
  });
  test('-0 and 0 with toEqual', () => {
    expect({ n: -0 }).toEqual({ n: 0 });
  });
  test('NaN inside objects', () => {
    expect({ n: NaN }).toEqual({ n: NaN });
  });
  test('boxed primitives', () => {
    expect(Object(1)).toEqual(1);
  });
  test('functions by identity', () => {
    const f = () => 1;
    expect({ f }).toEqual({ f });
    expect({ f }).not.toEqual({ f: () => 1 });
  });
});
