import { describe, expect, it } from '@jest/globals';
import { parseQuantity as sut, parseUnit, type Unit } from './quantity.js';

const unit = (text: string): Unit => {
  const parsed = parseUnit(text);
  if (!parsed) throw new Error(`no unit ${text}`);
  return parsed;
};

/** The answer's value in the question's unit. */
const read = (input: string, questionUnit: string): number | string => {
  const target = unit(questionUnit);
  const parsed = sut(input, target);
  return 'error' in parsed ? parsed.error : parsed.value / target.factor;
};

describe('parseUnit', () => {
  it.each([
    ['req/s', 'rate', 1],
    ['requests per second', 'rate', 1],
    ['qps', 'rate', 1],
    ['ops/s', 'rate', 1],
    ['/min', 'rate', 1 / 60],
    ['writes per day', 'rate', 1 / 86_400],
    ['users', 'count', 1],
    ['queries', 'count', 1],
    ['GB', 'data', 1e9],
    ['TiB', 'data', 2 ** 40],
    ['bytes', 'data', 1],
    ['gigabytes', 'data', 1e9],
    ['Mb', 'data', 1e6 / 8],
    ['gb', 'data', 1e9],
    ['MB/s', 'bandwidth', 1e6],
    ['Gbps', 'bandwidth', 1e9 / 8],
    ['TB/month', 'bandwidth', 1e12 / 2_592_000],
    ['ms', 'duration', 0.001],
    ['hours', 'duration', 3600],
  ])('reads %s', (text, dimension, factor) => {
    const parsed = unit(text);
    expect(parsed.dimension).toBe(dimension);
    expect(parsed.factor).toBeCloseTo(factor, 12);
  });

  it.each(['furlongs', 'GB/fortnight', 'x/y', ''])('does not know %j', (text) => {
    expect(parseUnit(text)).toBeUndefined();
  });
});

describe('parseQuantity', () => {
  it.each([
    ['12000', 'req/s', 12_000],
    ['12k', 'req/s', 12_000],
    ['12K req/s', 'req/s', 12_000],
    ['12,000 rps', 'req/s', 12_000],
    ['12 000', 'req/s', 12_000],
    ['12_000/s', 'req/s', 12_000],
    ['1.5e6', 'users', 1_500_000],
    ['1.5M users', 'users', 1_500_000],
    ['1.5m', 'users', 1_500_000],
    ['2.5 million', 'users', 2_500_000],
    ['4bn', 'users', 4e9],
    ['4B', 'users', 4e9],
    ['3 x 10^6', 'users', 3e6],
    ['10^9', 'users', 1e9],
    ['~40', 'users', 40],
    ['about 40', 'users', 40],
    ['720k/min', 'req/s', 12_000],
    ['1 billion per day', 'req/s', 1e9 / 86_400],
    ['3 TB', 'GB', 3000],
    ['3TB', 'GB', 3000],
    ['3 tb', 'GB', 3000],
    ['2 TiB', 'GB', 2 ** 41 / 1e9],
    ['500', 'GB', 500],
    ['2B', 'B', 2],
    ['40 Mbps', 'MB/s', 5],
    ['5 MB/s', 'Mbps', 40],
    ['1.2 PB/year', 'MB/s', 1.2e15 / 31_536_000 / 1e6],
    ['250ms', 's', 0.25],
    ['5m', 's', 300],
    ['.5', 'users', 0.5],
  ])('reads %j as %s', (input, questionUnit, expected) => {
    const value = read(input, questionUnit);
    expect(typeof value).toBe('number');
    expect(value as number).toBeCloseTo(expected, 6);
  });

  it.each([
    ['3 TB', 'req/s', 'is a data size, but the question asks for a rate (per second, minute, ...)'],
    ['12 req/s', 'GB', 'is a rate (per second, minute, ...), but the question asks for a data size'],
    ['12 parsecs', 'users', 'has a unit this grader does not know: "parsecs"'],
    ['lots', 'users', 'does not start with a number'],
    ['', 'users', 'does not start with a number'],
    ['1'.repeat(101), 'users', 'is longer than 100 characters'],
    ['1e999', 'users', 'is too large'],
  ])('refuses %j for a %s question', (input, questionUnit, error) => {
    expect(read(input, questionUnit)).toBe(error);
  });
});
