import { describe, expect, test } from '@jest/globals';
import { Animal, Dog, Cat, adopt, NotFoundError, findPet } from './solution.js';

describe('toBeInstanceOf', () => {
  test('direct class', () => {
    expect(adopt('dog')).toBeInstanceOf(Dog);
  });
  test('base class', () => {
    expect(adopt('cat')).toBeInstanceOf(Animal);
  });
  test('wrong class', () => {
    expect(adopt('cat')).toBeInstanceOf(Dog);
  });
  test('builtins', () => {
    expect(adopt('dog').tags).toBeInstanceOf(Array);
    expect(new Map()).toBeInstanceOf(Map);
  });
  test('primitives are not instances', () => {
    expect('dog').toBeInstanceOf(String);
  });
  test('not.toBeInstanceOf', () => {
    expect(adopt('dog')).not.toBeInstanceOf(Cat);
  });
  test('errors', () => {
    expect(findPet('x')).toBeInstanceOf(NotFoundError);
    expect(findPet('x')).toBeInstanceOf(Error);
  });
  test('expect.any with a class', () => {
    expect({ pet: adopt('dog') }).toEqual({ pet: expect.any(Animal) });
  });
  test('expect.any with the wrong class', () => {
    expect({ pet: adopt('dog') }).toEqual({ pet: expect.any(Cat) });
  });
});
