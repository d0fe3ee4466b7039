/* global describe, test, expect */
import { greet, slug } from './solution';

describe('strings', () => {
  test('toMatch with a substring', () => {
    expect(greet('Ada')).toMatch('Hello');
  });
  test('toMatch with a regex', () => {
    expect(greet('Ada')).toMatch(/^Hello, [A-Z][a-z]+!$/);
  });
  test('toMatch with a global regex twice', () => {
    const re = /ada/gi;
    expect(greet('Ada')).toMatch(re);
    expect(greet('Ada')).toMatch(re);
  });
  test('toMatch fails', () => {
    expect(slug('Hello World')).toMatch(/^[a-z-]+$/);
  });
  test('not.toMatch', () => {
    expect(slug('abc')).not.toMatch('z');
  });
  test('toContain on strings', () => {
    expect(greet('Grace')).toContain('Grace');
  });
  test('toContain on strings fails', () => {
    expect(greet('Grace')).toContain('grace');
  });
  test('toHaveLength on strings', () => {
    expect(slug('a b')).toHaveLength(3);
  });
  test('toMatch on a number is a matcher error', () => {
    expect(greet('x').length).toMatch(/1/);
  });
  test('stringContaining and stringMatching', () => {
    expect({ text: greet('Lin') }).toEqual({ text: expect.stringContaining('Lin') });
    expect({ text: greet('Lin') }).toEqual({ text: expect.stringMatching(/^Hello/) });
  });
  test('stringMatching fails', () => {
    expect([greet('Lin')]).toEqual([expect.stringMatching(/^Bye/)]);
  });
});
