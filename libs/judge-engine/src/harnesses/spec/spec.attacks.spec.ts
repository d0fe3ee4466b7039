import { describe, expect, it } from '@jest/globals';
import { outcomesByName, runSpecChallenge, type SpecRunResult } from './spec-sandbox.fixture.js';

/**
 * Solutions written to fool the spec harness. Every one returns wrong answers; none may pass a test.
 * Each attack has a control: the honest solution passes the same spec, so these tests can fail.
 */
const SPEC = `import { answer, record, each, later } from './solution';

test('toBe', () => {
  expect(answer()).toBe(42);
});
test('toEqual', () => {
  expect(record()).toEqual({ answer: 42, items: [1, 2, 3] });
});
test('toStrictEqual', () => {
  expect(record()).toStrictEqual({ answer: 42, items: [1, 2, 3] });
});
test('every item positive', () => {
  // The solution calls the callback: without a count, a solution that skips it would pass (in jest too).
  expect.assertions(3);
  each([1, 2, 3], (item: number) => expect(item * answer()).toBeGreaterThan(0));
});
test('async value', async () => {
  await expect(later()).resolves.toBe(42);
});
test('awaited value', async () => {
  expect(await later()).toBe(42);
});
test('throws a TypeError', () => {
  expect(() => record(true)).toThrow(TypeError);
});
`;

const HONEST = `export const answer = () => 42;
export const record = (bad?: boolean) => {
  if (bad) throw new TypeError('bad input');
  return { answer: 42, items: [1, 2, 3] };
};
export const each = (items: number[], fn: (item: number) => void) => items.forEach(fn);
export const later = async () => 42;
`;

/** Wrong on every test: answers -42, a record with other items, a RangeError instead of a TypeError. */
const WRONG = `export const answer = () => -42;
export const record = (bad?: boolean) => {
  if (bad) throw new RangeError('bad input');
  return { answer: 41, items: [3, 2, 1] };
};
export const each = (items: number[], fn: (item: number) => void) => items.forEach(fn);
export const later = async () => 41;
`;

const TEST_NAMES = [
  'toBe',
  'toEqual',
  'toStrictEqual',
  'every item positive',
  'async value',
  'awaited value',
  'throws a TypeError',
];

async function judge(source: string, spec = SPEC): Promise<SpecRunResult> {
  return runSpecChallenge({
    harness: { files: [{ path: 'attack.test.ts', source: spec }] },
    tests: TEST_NAMES.map((name) => ({ name })),
    language: 'typescript',
    source,
    timeLimitMs: 1_000,
  });
}

function allFailed(result: SpecRunResult): boolean {
  const outcomes = outcomesByName(result);
  return TEST_NAMES.every((name) => outcomes[name] === 'failed');
}

describe('spec harness attacks', () => {
  it('control: the honest solution passes and the plain wrong one fails everything', async () => {
    expect(Object.values(outcomesByName(await judge(HONEST)))).toEqual(TEST_NAMES.map(() => 'passed'));
    expect(allFailed(await judge(WRONG))).toBe(true);
  });

  it.each([
    ['Object.is always true', 'Object.is = () => true;'],
    ['JSON patched', 'JSON.stringify = () => "same"; JSON.parse = () => ({});'],
    [
      'Object.keys and Reflect.ownKeys empty',
      'Object.keys = () => []; Reflect.ownKeys = () => []; Object.getOwnPropertyNames = () => [];',
    ],
    [
      'Object.getPrototypeOf lies',
      'Object.getPrototypeOf = () => Object.prototype; Reflect.getPrototypeOf = () => Object.prototype;',
    ],
    [
      'Array.prototype methods patched',
      'for (const m of ["every", "some", "indexOf", "includes", "map", "filter", "forEach", "push", "join", "sort"]) (Array.prototype as any)[m] = function () { return true; };',
    ],
    ['array iterator yields nothing', 'Array.prototype[Symbol.iterator] = function* () {};'],
    [
      'index setters on Array.prototype and Object.prototype',
      'for (let i = 0; i < 4; i++) { Object.defineProperty(Array.prototype, i, { set() {}, get() { return 42; }, configurable: true }); Object.defineProperty(Object.prototype, "k" + i, { set() {}, get() { return 1; }, configurable: true }); }',
    ],
    [
      'Function.prototype call/apply/bind/toString patched',
      'Function.prototype.call = function () { return true; }; Function.prototype.apply = function () { return true; }; Function.prototype.bind = function () { return () => true; }; Function.prototype.toString = () => "[native code]";',
    ],
    [
      'Object.prototype.asymmetricMatch',
      'Object.defineProperty(Object.prototype, "asymmetricMatch", { value: () => true, writable: true, configurable: true });',
    ],
    [
      'Object.prototype toStringTag and valueOf',
      'Object.defineProperty(Object.prototype, Symbol.toStringTag, { get: () => "Date", configurable: true }); Object.prototype.valueOf = () => 0;',
    ],
    [
      'Object.prototype.then makes everything a thenable',
      'Object.defineProperty(Object.prototype, "then", { value(resolve: (v: unknown) => void) { resolve(42); }, writable: true, configurable: true });',
    ],
    [
      'Promise.prototype.then resolves at once',
      'const realThen = Promise.prototype.then; Promise.prototype.then = function (ok: any) { return realThen.call(Promise.resolve(42), ok); };',
    ],
    [
      'Promise species and constructor hijacked',
      'Object.defineProperty(Promise.prototype, "constructor", { get() { return function Fake(exec: any) { exec(() => {}, () => {}); }; }, configurable: true });',
    ],
    ['Symbol.hasInstance on TypeError', 'Object.defineProperty(TypeError, Symbol.hasInstance, { value: () => true });'],
    ['Error.prepareStackTrace throws', 'Error.prepareStackTrace = () => { throw new Error("no stacks"); };'],
    [
      'Map and Set methods patched',
      'Map.prototype.get = () => 42; Map.prototype.has = () => true; Set.prototype.has = () => true; WeakMap.prototype.has = () => true; WeakMap.prototype.get = () => ({});',
    ],
    ['Reflect.apply patched', 'Reflect.apply = () => true; Reflect.construct = () => ({});'],
  ])('a solution that patches intrinsics cannot pass: %s', async (_name, patch) => {
    expect(allFailed(await judge(`${patch}\n${WRONG}`))).toBe(true);
    // The patch alone does not break an honest solution's run (the harness still works under it).
    const honest = outcomesByName(await judge(`${patch}\n${HONEST}`));
    expect(honest.toBe).toBe('passed');
  });

  it('cannot replace or shadow the jest globals the spec uses', async () => {
    const patch = `
      const fake = () => ({ toBe() {}, toEqual() {}, toStrictEqual() {}, toBeGreaterThan() {}, toThrow() {}, resolves: { toBe: async () => {} } });
      for (const name of ['expect', 'test', 'it', 'describe']) {
        try { (globalThis as any)[name] = fake; } catch {}
        try { Object.defineProperty(globalThis, name, { value: fake }); } catch {}
        try { delete (globalThis as any)[name]; } catch {}
      }
      try { (0, eval)('var expect = 1;'); } catch {}
    `;
    expect(allFailed(await judge(`${patch}\n${WRONG}`))).toBe(true);
  });

  it('a swallowed assertion error still fails the test', async () => {
    const swallowing = WRONG.replace('items.forEach(fn)', 'items.forEach((item) => { try { fn(item); } catch {} })');
    const outcomes = outcomesByName(await judge(swallowing));
    expect(outcomes['every item positive']).toBe('failed');
  });

  it('cannot satisfy expect.assertions with calls to the global expect when the spec imports its own', async () => {
    const spec = `import { expect, test } from '@jest/globals';
import { each } from './solution';
test('calls back three times', () => {
  expect.assertions(3);
  each([1, 2, 3], (item: number) => expect(item).toBeGreaterThan(0));
});`;
    const run = (source: string) =>
      runSpecChallenge({
        harness: { files: [{ path: 'count.test.ts', source: spec }] },
        language: 'typescript',
        source,
      });
    const honest = 'export const each = (items: number[], fn: (item: number) => void) => items.forEach(fn);';
    const cheating =
      'export const each = (_items: number[], _fn: (item: number) => void) => { for (let i = 0; i < 3; i++) (globalThis as any).expect(1).toBe(1); };';
    expect(outcomesByName(await run(honest))).toEqual({ 'calls back three times': 'passed' });
    expect(outcomesByName(await run(cheating))).toEqual({ 'calls back three times': 'failed' });
  });

  it('registering tests from the solution is refused, and planned tests cannot be pre-empted with .only', async () => {
    const registering = `(globalThis as any).test.only('fake', () => {});\n${HONEST}`;
    const result = await judge(registering);
    expect(allFailed(result)).toBe(true);
    if (result.type !== 'ran') throw new Error('compile error');
    expect(result.reports.every((report) => report.testId !== 'fake')).toBe(true);
    expect(result.reports[0].outcome).toMatchObject({ type: 'failure', verdict: 'RUNTIME_ERROR' });
  });

  it('tests registered while a test runs fail that test and are never reported', async () => {
    const nesting = HONEST.replace(
      'export const answer = () => 42;',
      "export const answer = () => { (globalThis as any).test('fake', () => {}); return 42; };",
    );
    const result = await judge(nesting);
    expect(outcomesByName(result).toBe).toBe('failed');
    if (result.type !== 'ran') throw new Error('compile error');
    expect(result.reports.map((report) => report.testId)).not.toContain('fake');
  });

  it.each([
    ['null', 'null'],
    ['undefined', 'undefined'],
    [
      'a Proxy with throwing traps',
      'new Proxy({}, { get() { throw new Error("trap"); }, getPrototypeOf() { throw new Error("trap"); }, ownKeys() { throw new Error("trap"); }, getOwnPropertyDescriptor() { throw new Error("trap"); } })',
    ],
    [
      'an object with a throwing getter and toString',
      '{ get message(): string { throw new Error("getter"); }, toString() { throw new Error("toString"); } }',
    ],
    ['a revoked Proxy', '(() => { const r = Proxy.revocable({}, {}); r.revoke(); return r.proxy; })()'],
  ])('a solution that throws %s fails, and the runner survives', async (_name, value) => {
    const throwing = `export const answer = () => { throw ${value}; };
export const record = (_bad?: boolean) => { throw ${value}; };
export const each = (_items: number[], _fn: (item: number) => void) => { throw ${value}; };
export const later = async () => { throw ${value}; };
`;
    const result = await judge(throwing);
    expect(allFailed(result)).toBe(true);
    if (result.type !== 'ran') throw new Error('compile error');
    expect(result.reports).toHaveLength(TEST_NAMES.length);
    for (const report of result.reports) {
      if (report.outcome.type === 'failure') expect(report.outcome.verdict).not.toBe('INTERNAL_ERROR');
    }
  });

  it('a never-settling promise times out that test only', async () => {
    const stuck = HONEST.replace(
      'export const later = async () => 42;',
      'export const later = () => new Promise<number>(() => {});',
    );
    const outcomes = outcomesByName(await judge(stuck));
    expect(outcomes['async value']).toBe('failed');
    expect(outcomes['awaited value']).toBe('failed');
    expect(outcomes.toBe).toBe('passed');
    expect(outcomes['throws a TypeError']).toBe('passed');
  });

  it('an infinite loop fails its test with TIME_LIMIT_EXCEEDED and the following tests still run', async () => {
    const looping = HONEST.replace(
      'export const answer = () => 42;',
      'export const answer = (): number => { for (;;) {} };',
    );
    const result = await judge(looping);
    const outcomes = outcomesByName(result);
    expect(outcomes.toBe).toBe('failed');
    expect(outcomes.toEqual).toBe('passed');
    expect(outcomes['throws a TypeError']).toBe('passed');
    if (result.type !== 'ran') throw new Error('compile error');
    expect(result.reports.find((report) => report.testId === 'toBe')?.outcome).toMatchObject({
      type: 'failure',
      verdict: 'TIME_LIMIT_EXCEEDED',
    });
  });

  it('a memory bomb fails its test and the following tests still run', async () => {
    const bomb = HONEST.replace(
      'export const answer = () => 42;',
      'export const answer = (): number => { const a: string[] = []; for (;;) a.push("x".repeat(1e6) + a.length); };',
    );
    const result = await judge(bomb);
    const outcomes = outcomesByName(result);
    expect(outcomes.toBe).toBe('failed');
    expect(outcomes.toEqual).toBe('passed');
    if (result.type !== 'ran') throw new Error('compile error');
    const verdict = result.reports.find((report) => report.testId === 'toBe')?.outcome;
    expect(
      verdict?.type === 'failure' && ['MEMORY_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED'].includes(verdict.verdict),
    ).toBe(true);
  });

  it('printed fake results change nothing', async () => {
    const forging = `console.log('{"state":"events","events":[{"event":"test","index":0,"status":"passed","assertions":1,"errors":[]}]}');
console.log(JSON.stringify({ testId: 'toBe', outcome: { type: 'decided', passed: true } }));
${WRONG.replace('export const answer = () => -42;', 'export const answer = () => { console.log(\'{"state":"finished"}\'); return -42; };')}`;
    expect(allFailed(await judge(forging))).toBe(true);
  });

  it('a test with a timer that throws later fails, and an endless interval does not hang the run', async () => {
    const timers = HONEST.replace(
      'export const answer = () => 42;',
      'export const answer = () => { setTimeout(() => { throw new Error("late"); }, 0); setInterval(() => {}, 1); return 42; };',
    );
    const spec = `${SPEC}\ntest('waits', async () => { await new Promise((resolve) => setTimeout(resolve, 10)); expect(answer()).toBe(42); });`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'attack.test.ts', source: spec }] },
      language: 'typescript',
      source: timers,
      timeLimitMs: 2_000,
    });
    const outcomes = outcomesByName(result);
    expect(outcomes.toEqual).toBe('passed');
    expect(Object.keys(outcomes)).toHaveLength(TEST_NAMES.length + 1);
  });

  it('cannot read the spec through fn.caller or stack traces', async () => {
    const spec = `const { answer } = require('./solution');
test('reads the caller', function () {
  expect(answer()).toBe(12345);
});`;
    const snooping = `function answer() {
  let source = '';
  try { source += String(answer.caller); } catch (error) {}
  try { source += String(arguments.callee.caller); } catch (error) {}
  try {
    Error.prepareStackTrace = (_error, frames) => frames.map((frame) => String(frame.getFunction())).join('\\n');
    source += new Error().stack;
  } catch (error) {}
  const match = /toBe\\((\\d+)\\)/.exec(source);
  return match ? Number(match[1]) : 0;
}
module.exports = { answer };`;
    const result = await runSpecChallenge({
      harness: { files: [{ path: 'snoop.test.js', source: spec }] },
      language: 'javascript',
      source: snooping,
    });
    expect(outcomesByName(result)).toEqual({ 'reads the caller': 'failed' });
  });

  it('finds no runtime handles among the globals', async () => {
    const probe = `export const answer = () => {
  const found: string[] = [];
  const seen = new Set<unknown>();
  const visit = (value: any, path: string, depth: number) => {
    if (depth > 3 || value === null || (typeof value !== 'object' && typeof value !== 'function') || seen.has(value)) return;
    seen.add(value);
    for (const key of Reflect.ownKeys(value)) {
      let child: any;
      try { child = value[key]; } catch { continue; }
      const name = path + '.' + String(key);
      if (typeof child === 'function' && ['next', 'plan', 'adoptSolution', 'defineModule', 'drainConsole', 'poll'].includes(String(key))) found.push(name);
      visit(child, name, depth + 1);
    }
  };
  visit(globalThis, 'globalThis', 0);
  return found.length === 0 ? 42 : -1;
};
${HONEST.replace('export const answer = () => 42;', '')}`;
    expect(outcomesByName(await judge(probe)).toBe).toBe('passed');
  });
});
