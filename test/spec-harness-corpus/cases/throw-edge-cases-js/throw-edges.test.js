import { describe, expect, test } from '@jest/globals';
import { failWith, CustomError } from './solution';

describe('toThrow edge cases', () => {
  test('an asymmetric matcher on the thrown error', () => {
    expect(() => failWith(new CustomError('bad', 42))).toThrow(expect.objectContaining({ code: 42 }));
  });
  test('an asymmetric matcher that does not match', () => {
    expect(() => failWith(new CustomError('bad', 42))).toThrow(expect.objectContaining({ code: 7 }));
  });
  test('a thrown plain object with a message', () => {
    expect(() => failWith({ message: 'plain' })).toThrow('plain');
  });
  test('a thrown number', () => {
    expect(() => failWith(404)).toThrow('404');
  });
  test('not.toThrow when it throws', () => {
    expect(() => failWith(new Error('x'))).not.toThrow();
  });
  test('not.toThrow with a message that differs', () => {
    expect(() => failWith(new Error('x'))).not.toThrow('y');
  });
  test('rejects with a non-error value', async () => {
    await expect(Promise.reject(5)).rejects.toBe(5);
  });
  test('rejects.toThrow with a non-error value', async () => {
    await expect(Promise.reject('text')).rejects.toThrow('text');
  });
  test('a function returning a promise for rejects', async () => {
    await expect(async () => failWith(new Error('later'))).rejects.toThrow('later');
  });
  test('custom error class and message', () => {
    expect(() => failWith(new CustomError('bad input', 1))).toThrow(new CustomError('bad input', 2));
  });
  test('error object with a cause', () => {
    expect(() => failWith(new Error('top', { cause: 'root' }))).toThrow(new Error('top', { cause: 'root' }));
  });
  test('error object with another cause', () => {
    expect(() => failWith(new Error('top', { cause: 'root' }))).toThrow(new Error('top', { cause: 'other' }));
  });
});
