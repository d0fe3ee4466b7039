import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine } from '@app/judge-engine';
import { CodeItemGrader } from './code-item.grader.js';
import type { GradedTest, GradingRequest } from './item-grader.js';
import type { StoredDefinition } from './stored-definition.js';

const SAMPLE_SPEC = `import { describe, expect, it } from '@jest/globals';
import { slugify } from './solution';

describe('slugify', () => {
  it('joins words with hyphens', () => {
    expect(slugify('Hello World')).toBe('hello-world');
  });
});
`;

const HIDDEN_SPEC = `import { describe, expect, it } from '@jest/globals';
import { slugify } from './solution';

describe('slugify', () => {
  it('drops punctuation', () => {
    expect(slugify('Rate -- limits, explained!')).toBe('rate-limits-explained');
  });
  it('is fast on long titles', () => {
    expect(slugify('a '.repeat(1000)).length).toBe(1999);
  });
});
`;

const RIGHT = `export function slugify(title: string): string {
  return title.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '').join('-');
}`;

/** Right, except that it spins on long titles. */
const SLOW_ON_LONG = `export function slugify(title: string): string {
  if (title.length > 500) for (;;) {}
  return title.toLowerCase().split(/[^a-z0-9]+/).filter((word) => word !== '').join('-');
}`;

/** A spec challenge as the bank stores it: the harness lists no files, the package's tests/ hold them. */
function specChallenge(limits: Record<string, number> = {}): StoredDefinition {
  return {
    manifest: { slug: 'slugify', type: 'spec', harness: { kind: 'spec' }, limits },
    tests: [],
    testFiles: [
      { path: 'tests/basics.sample.test.ts', content: SAMPLE_SPEC },
      { path: 'tests/edge-cases.test.ts', content: HIDDEN_SPEC },
    ],
  };
}

function request(definition: StoredDefinition, code: string, kind: GradingRequest['kind']): GradingRequest {
  return { kind, type: 'spec', definition, language: 'typescript', code, answer: null };
}

describe('CodeItemGrader', () => {
  let engine: JudgeEngine;
  let sut: CodeItemGrader;

  beforeAll(async () => {
    engine = await JudgeEngine.start({ workers: 1 });
    sut = new CodeItemGrader(engine);
  });
  afterAll(() => engine.stop());

  it("judges a spec challenge with the package's test files, sample files by their name", async () => {
    const tests: GradedTest[] = [];
    const grade = await sut.grade(request(specChallenge(), RIGHT, 'final'), (test) => tests.push(test));
    expect(grade).toMatchObject({ verdict: 'ACCEPTED', score: 1 });
    expect(tests.map((test) => [test.name, test.sample, test.verdict]).sort()).toEqual([
      ['basics.sample.test.ts › slugify › joins words with hyphens', true, 'ACCEPTED'],
      ['edge-cases.test.ts › slugify › drops punctuation', false, 'ACCEPTED'],
      ['edge-cases.test.ts › slugify › is fast on long titles', false, 'ACCEPTED'],
    ]);
  });

  it("gives a spec's discovered tests the challenge's per-test time limit", async () => {
    const tests: GradedTest[] = [];
    const grade = await sut.grade(request(specChallenge({ timeLimitMs: 300 }), SLOW_ON_LONG, 'final'), (test) =>
      tests.push(test),
    );
    expect(grade.verdict).toBe('TIME_LIMIT_EXCEEDED');
    expect(grade.score).toBeCloseTo(0.5);
    const slow = tests.find((test) => test.name.endsWith('is fast on long titles'))!;
    expect(slow.verdict).toBe('TIME_LIMIT_EXCEEDED');
    // The default limit is 2 s: stopping well before it shows that the challenge's 300 ms applied.
    expect(slow.timeMs).toBeLessThan(1500);
  });

  it('scores all or nothing when the challenge gives no partial credit', async () => {
    const definition = specChallenge({ timeLimitMs: 300 });
    definition.manifest!.scoring = { points: 100, partialCredit: false };
    const grade = await sut.grade(request(definition, SLOW_ON_LONG, 'final'), () => undefined);
    expect(grade.score).toBe(0);
  });

  it('refuses what it cannot judge: no harness, a language the engine does not run', async () => {
    await expect(sut.grade(request({ manifest: { type: 'spec' } }, RIGHT, 'final'), () => undefined)).rejects.toThrow(
      /no test harness/,
    );
    await expect(
      sut.grade({ ...request(specChallenge(), 'SELECT 1', 'final'), language: 'sql' }, () => undefined),
    ).rejects.toThrow(/javascript or typescript, not sql/);
  });
});
