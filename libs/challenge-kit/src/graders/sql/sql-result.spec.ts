import { describe, expect, it } from '@jest/globals';
import {
  compareResults as sut,
  expectedFromResult,
  type ResultComparisonRules,
  type SqlResultTable,
} from './sql-result.js';

const rules = (overrides: Partial<ResultComparisonRules> = {}): ResultComparisonRules => ({
  ordered: true,
  numericTolerance: 0,
  compareColumnNames: true,
  ...overrides,
});

const table = (columns: [string, string][], rows: (string | null)[][]): SqlResultTable => ({
  columns: columns.map(([name, type]) => ({ name, type })),
  rows,
});

const totals = table(
  [
    ['name', 'text'],
    ['total', 'numeric'],
  ],
  [
    ['Ada', '150.50'],
    ['Brian', '99.99'],
  ],
);

describe('compareResults', () => {
  it('accepts equal results, comparing numbers by value', () => {
    expect(
      sut(
        totals,
        {
          columns: ['name', 'total'],
          rows: [
            ['Ada', 150.5],
            ['Brian', '99.990'],
          ],
        },
        rules(),
      ),
    ).toEqual({ equal: true });
  });

  it('rejects rows in another order when order matters, and accepts them when it does not', () => {
    const swapped = {
      columns: ['name', 'total'],
      rows: [
        ['Brian', 99.99],
        ['Ada', 150.5],
      ],
    };
    expect(sut(totals, swapped, rules())).toEqual({
      equal: false,
      reason: 'row 1, column name: expected "Brian", got "Ada"',
    });
    expect(sut(totals, swapped, rules({ ordered: false }))).toEqual({ equal: true });
  });

  it('compares unordered results as multisets: duplicates count', () => {
    const twice = table([['n', 'int4']], [['1'], ['1'], ['2']]);
    expect(sut(twice, { columns: ['n'], rows: [[1], [2], [2]] }, rules({ ordered: false })).equal).toBe(false);
    expect(sut(twice, { columns: ['n'], rows: [[2], [1], [1]] }, rules({ ordered: false })).equal).toBe(true);
  });

  it('sorts numbers by value, not as text, when order does not matter', () => {
    const numbers = table([['n', 'int8']], [['10'], ['9'], ['100']]);
    expect(sut(numbers, { columns: ['n'], rows: [[9], [100], [10]] }, rules({ ordered: false }))).toEqual({
      equal: true,
    });
  });

  it('checks column names unless told not to', () => {
    const renamed = {
      columns: ['customer', 'total'],
      rows: [
        ['Ada', 150.5],
        ['Brian', 99.99],
      ],
    };
    expect(sut(totals, renamed, rules())).toEqual({
      equal: false,
      reason: 'expected the columns customer, total, got name, total',
    });
    expect(sut(totals, renamed, rules({ compareColumnNames: false }))).toEqual({ equal: true });
  });

  it('always checks the number of columns and rows', () => {
    expect(
      sut(totals, { columns: ['name'], rows: [['Ada'], ['Brian']] }, rules({ compareColumnNames: false })).equal,
    ).toBe(false);
    expect(sut(totals, { columns: ['name', 'total'], rows: [['Ada', 150.5]] }, rules())).toEqual({
      equal: false,
      reason: 'expected 1 rows, got 2',
    });
  });

  it('applies a numeric tolerance only when one is given', () => {
    const average = table([['avg', 'float8']], [['0.30000000000000004']]);
    expect(sut(average, { columns: ['avg'], rows: [[0.3]] }, rules()).equal).toBe(false);
    expect(sut(average, { columns: ['avg'], rows: [[0.3]] }, rules({ numericTolerance: 1e-9 })).equal).toBe(true);
    expect(sut(average, { columns: ['avg'], rows: [[0.31]] }, rules({ numericTolerance: 1e-9 })).equal).toBe(false);
  });

  it('keeps big integers exact', () => {
    const big = table([['n', 'int8']], [['9007199254740993']]);
    expect(sut(big, { columns: ['n'], rows: [['9007199254740992']] }, rules()).equal).toBe(false);
    expect(sut(big, { columns: ['n'], rows: [['9007199254740993']] }, rules()).equal).toBe(true);
  });

  it('tells NULL from empty text and from the text NULL', () => {
    const withNull = table([['v', 'text']], [[null]]);
    expect(sut(withNull, { columns: ['v'], rows: [[null]] }, rules()).equal).toBe(true);
    expect(sut(withNull, { columns: ['v'], rows: [['']] }, rules()).equal).toBe(false);
    expect(sut(withNull, { columns: ['v'], rows: [['NULL']] }, rules())).toEqual({
      equal: false,
      reason: 'row 1, column v: expected "NULL", got NULL',
    });
  });

  it('reads booleans and JSON the way PostgreSQL prints them', () => {
    const mixed = table(
      [
        ['ok', 'bool'],
        ['doc', 'jsonb'],
      ],
      [['t', '{"a": 1, "b": [1, 2]}']],
    );
    expect(sut(mixed, { columns: ['ok', 'doc'], rows: [[true, { b: [1, 2], a: 1 }]] }, rules()).equal).toBe(true);
    expect(sut(mixed, { columns: ['ok', 'doc'], rows: [[false, { a: 1, b: [1, 2] }]] }, rules()).equal).toBe(false);
  });

  it('does not treat text that looks like a number as that number', () => {
    const codes = table([['zip', 'text']], [['007']]);
    expect(sut(codes, { columns: ['zip'], rows: [['7']] }, rules()).equal).toBe(false);
  });

  it('turns a reference result into an expected result that accepts the same rows', () => {
    const reference = table(
      [
        ['name', 'text'],
        ['total', 'numeric'],
        ['vip', 'bool'],
        ['big', 'int8'],
      ],
      [['Ada', '150.50', 't', '9007199254740993']],
    );
    const expected = expectedFromResult(reference);
    expect(sut(reference, expected, rules()).equal).toBe(true);
    expect(
      sut(
        table(
          reference.columns.map((c) => [c.name, c.type]),
          [['Ada', '150.5', 't', '9007199254740992']],
        ),
        expected,
        rules(),
      ).equal,
    ).toBe(false);
  });
});
