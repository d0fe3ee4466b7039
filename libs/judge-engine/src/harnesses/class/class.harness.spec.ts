import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine } from '../../judge-engine.js';

let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 1, killGraceMs: 1_000 });
});

afterAll(async () => {
  await sut.stop();
});

const LRU = `
export class LRUCache {
  constructor(capacity) { this.capacity = capacity; this.map = new Map(); }
  get(key) { if (!this.map.has(key)) return -1; const value = this.map.get(key); this.map.delete(key); this.map.set(key, value); return value; }
  put(key, value) { this.map.delete(key); this.map.set(key, value); if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value); }
  get size() { return this.map.size; }
  async load(key) { return this.get(key); }
  check(n) { if (n < 0) throw new RangeError('negative'); return n; }
}`;

const tests = [
  {
    name: 'evicts the least recently used',
    sample: true,
    constructorArgs: [2],
    steps: [
      { call: 'put', args: [1, 1] },
      { call: 'put', args: [2, 2] },
      { call: 'get', args: [1], expected: 1 },
      { call: 'put', args: [3, 3] },
      { call: 'get', args: [2], expected: -1 },
      { property: 'size', expected: 2 },
      { call: 'load', args: [3], expected: 3 },
      { call: 'check', args: [-1], throws: 'RangeError' },
      { call: 'check', args: [5], expected: 5 },
    ],
  },
  {
    name: 'hidden capacity one',
    constructorArgs: [1],
    steps: [
      { call: 'put', args: [1, 1] },
      { call: 'put', args: [2, 2] },
      { call: 'get', args: [1], expected: -1 },
    ],
  },
];

function submission(
  source: string,
  language: 'javascript' | 'typescript' = 'javascript',
): Parameters<JudgeEngine['judge']>[0] {
  return { language, source, harness: { kind: 'class', export: 'LRUCache' }, tests, limits: { timeLimitMs: 1_000 } };
}

describe('class harness', () => {
  it('accepts a correct class replaying calls, property reads, async methods and expected exceptions', async () => {
    const result = await sut.judge(submission(LRU));
    expect(result.tests.map((test) => test.verdict)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('accepts a TypeScript class exported with module.exports', async () => {
    const source = `class LRUCache {
      private map = new Map<number, number>();
      constructor(private capacity: number) {}
      get(key: number): number { if (!this.map.has(key)) return -1; const v = this.map.get(key)!; this.map.delete(key); this.map.set(key, v); return v; }
      put(key: number, value: number): void { this.map.delete(key); this.map.set(key, value); if (this.map.size > this.capacity) this.map.delete(this.map.keys().next().value!); }
      get size(): number { return this.map.size; }
      async load(key: number) { return this.get(key); }
      check(n: number) { if (n < 0) throw new RangeError('negative'); return n; }
    }
    module.exports = { LRUCache };`;
    const result = await sut.judge(submission(source, 'typescript'));
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('names the first wrong call, quoting values only for sample tests', async () => {
    const fifo = LRU.replace(
      'const value = this.map.get(key); this.map.delete(key); this.map.set(key, value); return value;',
      'return this.map.get(key);',
    );
    const result = await sut.judge(submission(fifo));
    expect(result.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: 'Call #5 get(2) returned 2, expected -1',
    });
    const hidden = await sut.judge(
      submission(LRU.replace('if (this.map.size > this.capacity)', 'if (this.map.size > this.capacity + 1)')),
    );
    expect(hidden.tests[1]).toMatchObject({ verdict: 'WRONG_ANSWER', message: 'Call #3 returned a wrong value' });
  });

  it('fails an unexpected exception and a missing expected one', async () => {
    const throwing = await sut.judge(
      submission(LRU.replace('get(key) {', 'get(key) { if (key === 2) throw new TypeError("boom");')),
    );
    expect(throwing.tests[0]).toMatchObject({
      verdict: 'RUNTIME_ERROR',
      message: expect.stringContaining('Call #5 get(2) threw: TypeError: boom'),
    });
    const lenient = await sut.judge(submission(LRU.replace("if (n < 0) throw new RangeError('negative');", '')));
    expect(lenient.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: 'Call #8 check(-1) should have thrown',
    });
  });

  it('fails a constructor that throws and a missing class', async () => {
    const broken = await sut.judge(submission('export class LRUCache { constructor() { throw new Error("no"); } }'));
    expect(broken.tests.map((test) => test.verdict)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    const missing = await sut.judge(submission('export class Other {}'));
    expect(missing.tests[0].message).toContain("does not export a class named 'LRUCache'");
  });

  it('validates the authored steps', async () => {
    await expect(
      sut.judge({ ...submission(LRU), tests: [{ name: 'x', steps: [{ call: 'get', property: 'size' }] }] }),
    ).rejects.toThrow('tests[0].steps[0]');
    await expect(sut.judge({ ...submission(LRU), tests: [{ name: 'x', steps: [] }] })).rejects.toThrow(
      'tests[0].steps',
    );
  });
});
