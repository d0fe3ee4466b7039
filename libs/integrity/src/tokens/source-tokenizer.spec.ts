import { describe, expect, it } from '@jest/globals';
import { tokenizeSource } from './source-tokenizer.js';

const stream = (source: string): number[] => Array.from(tokenizeSource(source).symbols);

describe('tokenizeSource', () => {
  it('ignores names, literal values, comments, whitespace and semicolons', () => {
    const original = `
      // running total
      function total(items, tax) {
        let sum = 0;
        for (const item of items) { sum = sum + item.price * 2; }
        return sum * (1 + tax);
      }`;
    const disguised = `function grandTotal(lines, vat)
    {
        /* accumulate */ let acc = 0
        for (const line of lines)
        {
            acc = acc + line.price * 3
        }
        return acc * (1 + vat)
    }`;
    expect(stream(disguised)).toEqual(stream(original));
  });

  it('keeps what distinguishes code: operators, keywords and well-known library members', () => {
    expect(stream('xs.push(x)')).not.toEqual(stream('xs.pop(x)'));
    expect(stream('a + b')).not.toEqual(stream('a - b'));
    expect(stream('if (a) b()')).not.toEqual(stream('while (a) b()'));
    // A candidate's own field is a name like any other, even when it is called like a library member.
    expect(stream('this.entries.get(k)')).toEqual(stream('this.items.get(k)'));
  });

  it('strips what TypeScript adds, so typing a copied answer changes nothing', () => {
    const javascript = `
      class Cache {
        constructor(limit) { this.limit = limit; this.map = new Map(); }
        get(key) { return this.map.get(key); }
      }
      export function first(xs) { return xs.length > 0 ? xs[0] : undefined; }`;
    const typescript = `
      interface Sized { limit: number }
      type Key = string | number;
      export class Cache<K extends Key, V> implements Sized {
        readonly limit: number;
        private map: Map<K, V>;
        constructor(limit: number) { this.limit = limit; this.map = new Map<K, V>(); }
        public get(key: K): V | undefined { return this.map.get(key as K)!; }
      }
      export function first<T>(xs: readonly T[]): T | undefined { return xs.length > 0 ? (xs[0] satisfies T) : undefined; }`;
    expect(stream(typescript)).toEqual(stream(javascript));
  });

  it('writes a += 1, a = a + 1 and a++ alike', () => {
    expect(stream('n += 1')).toEqual(stream('n = n + 1'));
    expect(stream('n++')).toEqual(stream('n = n + 1'));
    expect(stream('--n')).toEqual(stream('n -= 1'));
    expect(stream('this.count *= rate')).toEqual(stream('this.count = this.count * rate'));
  });

  it('writes a for loop as the while loop it stands for', () => {
    const forLoop = 'for (let i = 0; i < xs.length; i++) sum += xs[i];';
    const whileLoop = 'let i = 0;\nwhile (i < xs.length) {\n  sum = sum + xs[i];\n  i = i + 1;\n}';
    expect(stream(forLoop)).toEqual(stream(whileLoop));
  });

  it('writes arrow functions, function expressions and declarations alike', () => {
    const declaration = 'function double(x) { return x * 2; }';
    expect(stream('const double = (x) => x * 2;')).toEqual(stream(declaration));
    expect(stream('const double = function (x) { return x * 2; };')).toEqual(stream(declaration));
  });

  it('writes equivalent spellings of one expression alike', () => {
    expect(stream('`${a}-${b}`')).toEqual(stream("'' + a + '-' + b + ''"));
    expect(stream('if (a > b) x = a ?? b;')).toEqual(stream('if (b < a) { x = a || b }'));
    expect(stream('({ key, value })')).toEqual(stream('({ key: key, value: value })'));
    expect(stream('f(a, b,)')).toEqual(stream('f(a, b)'));
    expect(stream('return ((a + b));')).toEqual(stream('return a + b'));
  });

  it('records the source line of every token', () => {
    const sut = tokenizeSource('const a = 1;\n\n// comment\nfunction f() {\n  return a;\n}\n');
    expect(Array.from(new Set(sut.lines))).toEqual([1, 4, 5, 6]);
  });

  it('survives malformed and hostile input', () => {
    expect(() => tokenizeSource('function (( { ] => ;; `unterminated')).not.toThrow();
    const deep = `${'['.repeat(20_000)}${']'.repeat(20_000)}`;
    expect(tokenizeSource(deep).symbols.length).toBe(40_000);
    const huge = tokenizeSource('x = 1;\n'.repeat(10_000), { maxTokens: 500 });
    expect(huge.truncated).toBe(true);
    expect(huge.symbols.length).toBe(500);
  });
});
