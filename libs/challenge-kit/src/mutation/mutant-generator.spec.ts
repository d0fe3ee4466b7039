import { describe, expect, it } from '@jest/globals';
import { generateMutants } from './mutant-generator.js';

const CLAMP = `export function clamp(value: number, low: number, high: number): number {
  if (value < low) return low;
  return Math.min(value, high);
}
`;

describe('generateMutants', () => {
  it('produces the standard mutants of a small function, each a one-place change', async () => {
    const sut = await generateMutants(CLAMP, 'typescript');

    expect(sut.map(({ mutator, line, original, replacement }) => [mutator, line, original, replacement])).toEqual([
      ['block-removal', 1, CLAMP.slice(CLAMP.indexOf('{'), CLAMP.lastIndexOf('}') + 1), '{}'],
      ['conditional', 2, 'value < low', 'true'],
      ['conditional', 2, 'value < low', 'false'],
      ['boundary', 2, '<', '<='],
      ['comparison', 2, '<', '>='],
      ['return-value', 2, 'low', 'undefined'],
      ['return-value', 3, 'Math.min(value, high)', 'undefined'],
      ['method', 3, 'min', 'max'],
    ]);
    expect(sut[3]?.source).toBe(CLAMP.replace('value < low', 'value <= low'));
    expect(sut.map((mutant) => mutant.id)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('mutates arithmetic, logic, literals, updates and removes statements', async () => {
    const code = `export function score(items, strict) {
  let total = 0;
  for (const item of items) {
    total += item.points * 2;
    if (strict && !item.valid) total--;
    log.push('seen');
  }
  return total > 10 ? [total, true] : [0, false];
}
`;

    const mutators = new Set(
      (await generateMutants(code, 'javascript')).map(
        (mutant) => `${mutant.mutator}:${mutant.original}->${mutant.replacement}`,
      ),
    );

    for (const expected of [
      'assignment:+=->-=',
      'arithmetic:*->/',
      'number-literal:2->3',
      'number-literal:0->1',
      'logical:&&->||',
      'unary:!item.valid->item.valid',
      'update:total--->total++',
      "statement-removal:log.push('seen');->;",
      'string-literal:\'seen\'->""',
      'method:push->unshift',
      'boolean-literal:true->false',
      'array-literal:[0, false]->[]',
      'boundary:>->>=',
    ]) {
      expect(mutators).toContain(expected);
    }
  });

  it('leaves types, imports, error messages, logging and ignored lines alone', async () => {
    const code = `import { helper } from './helper';
type Mode = 'fast' | 'slow';
export function run(mode: Mode): string {
  console.log('running ' + mode);
  if (mode === 'fast') throw new Error('fast mode is ' + 'gone');
  // mutation-ignore-next-line: the tag is cosmetic
  const tag = 'run';
  return helper(tag);
}
`;

    const sut = await generateMutants(code, 'typescript');

    const originals = sut.map((mutant) => mutant.original);
    expect(originals).not.toContain("'fast' | 'slow'");
    expect(originals).not.toContain("'./helper'");
    expect(originals).not.toContain("'running '");
    expect(originals).not.toContain("console.log('running ' + mode);");
    expect(originals).not.toContain("'fast mode is '");
    expect(originals).not.toContain("'run'");
    expect(originals).toContain("'fast'");
  });
});
