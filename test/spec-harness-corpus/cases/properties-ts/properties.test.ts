import { describe, expect, test } from '@jest/globals';
import { Account, config } from './solution.js';

describe('toHaveProperty', () => {
  test('a top-level key', () => {
    expect(config()).toHaveProperty('name');
  });
  test('a dotted path with a value', () => {
    expect(config()).toHaveProperty('db.port', 5432);
  });
  test('a dotted path with the wrong value', () => {
    expect(config()).toHaveProperty('db.port', 5433);
  });
  test('an array path', () => {
    expect(config()).toHaveProperty(['db', 'host'], 'localhost');
  });
  test('an index in a path', () => {
    expect(config()).toHaveProperty('servers[1].name', 'b');
  });
  test('an index in an array path', () => {
    expect(config()).toHaveProperty(['servers', '0', 'name'], 'a');
  });
  test('a missing path', () => {
    expect(config()).toHaveProperty('db.user');
  });
  test('a key whose value is undefined exists', () => {
    expect(config()).toHaveProperty('optional');
  });
  test('not.toHaveProperty', () => {
    expect(config()).not.toHaveProperty('secret');
  });
  test('a getter on the class prototype', () => {
    expect(new Account(40)).toHaveProperty('balance', 40);
  });
  test('a getter with the wrong value', () => {
    expect(new Account(40)).toHaveProperty('balance', 41);
  });
  test('a method on the prototype', () => {
    expect(new Account(1)).toHaveProperty('deposit');
  });
  test('length of an array', () => {
    expect(config().servers).toHaveProperty('length', 2);
  });
  test('a deep value compared with toEqual semantics', () => {
    expect(config()).toHaveProperty('db', { host: 'localhost', port: 5432 });
  });
  test('a key containing a dot needs the array form', () => {
    expect(config()).toHaveProperty(['a.b'], 1);
  });
  test('a key containing a dot as a string path fails', () => {
    expect(config()).toHaveProperty('a.b', 1);
  });
});
