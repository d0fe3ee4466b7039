import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine } from './judge-engine.js';
import { CORRECT_SOLVE, newFunctionSubmission } from './testing/new-submission.js';
import type { JudgeResult, Verdict } from './verdict.js';

/**
 * One test per attack category of docs/../sandbox-threat-model.md: the expected verdict, and after each
 * attack the engine (and this host process) still judges an honest submission correctly.
 */
let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 2, killGraceMs: 1_500 });
});

afterAll(async () => {
  await sut.stop();
});

afterEach(async () => {
  const honest = await sut.judge(newFunctionSubmission(CORRECT_SOLVE));
  expect(honest.verdict).toBe('ACCEPTED');
});

/** `solve(a, b)` whose body is the attack; tests expect a + b. */
function attack(body: string, overrides: Parameters<typeof newFunctionSubmission>[1] = {}): Promise<JudgeResult> {
  return sut.judge(newFunctionSubmission(`module.exports.solve = function solve(a, b) {\n${body}\n};`, overrides));
}

function verdicts(result: JudgeResult): Verdict[] {
  return result.tests.map((test) => test.verdict);
}

describe('time', () => {
  it('stops a synchronous infinite loop: TIME_LIMIT_EXCEEDED', async () => {
    const result = await attack('while (true) {}');
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
    expect(result.tests[0].timeMs).toBeGreaterThanOrEqual(950);
  });

  it('stops a microtask flood: TIME_LIMIT_EXCEEDED', async () => {
    // Each microtask queues the next and returns nothing, so the flood holds no memory: only time stops it.
    const result = await attack('const flood = () => { Promise.resolve().then(flood); }; flood(); return a + b;');
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
  });

  it('fails a promise that never settles at once: TIME_LIMIT_EXCEEDED', async () => {
    const result = await attack('return new Promise(() => {});');
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
    expect(result.tests[0].message).toContain('never settled');
  });

  it('does not let microtasks left by a timeout poison the next test', async () => {
    const result = await attack(
      'if (a === 1) { const spin = () => Promise.resolve().then(spin); spin(); while (true) {} } return a + b;',
    );
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED', 'ACCEPTED']);
  });

  it('stops slow builtins (BigInt parsing): TIME_LIMIT_EXCEEDED', async () => {
    // Measured here: parsing 3e6 digits takes about 1.2 s and cannot be interrupted; a 100 ms limit
    // keeps the attack slower than the limit by an order of magnitude on any machine load.
    const result = await attack('return Number(BigInt("1".repeat(3e6)) % 7n) * 0 + a + b;', {
      tests: [{ name: 'sample', sample: true, args: [1, 2], expected: 3 }],
      limits: { timeLimitMs: 100 },
    });
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED']);
  });

  it('stops catastrophic regular expressions: TIME_LIMIT_EXCEEDED', async () => {
    const result = await attack('return /^(a+)+$/.test("a".repeat(40) + "b") ? 0 : a + b;');
    expect(verdicts(result)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
  });

  it('offers no Atomics.wait: RUNTIME_ERROR', async () => {
    const result = await attack('Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0); return a + b;');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toMatch(/ReferenceError: (Atomics|SharedArrayBuffer) is not defined/);
  });
});

describe('memory', () => {
  const small = {
    limits: { memoryLimitMb: 16, timeLimitMs: 8_000 },
    tests: [{ name: 'sample', sample: true, args: [1, 2], expected: 3 }],
  };

  it('stops a heap bomb of strings: MEMORY_LIMIT_EXCEEDED', async () => {
    const result = await attack('const kept = []; for (let i = 0; ; i++) kept.push("x".repeat(100000) + i);', small);
    expect(verdicts(result)).toEqual(['MEMORY_LIMIT_EXCEEDED']);
  });

  it('stops a heap bomb of arrays: MEMORY_LIMIT_EXCEEDED', async () => {
    const result = await attack('const kept = []; for (;;) kept.push(new Array(10000).fill(1.5));', small);
    expect(verdicts(result)).toEqual(['MEMORY_LIMIT_EXCEEDED']);
  });

  it('stops a heap bomb of objects: MEMORY_LIMIT_EXCEEDED', async () => {
    const result = await attack(
      'const kept = []; for (let i = 0; ; i++) kept.push({ i, s: "k" + i, o: { i } });',
      small,
    );
    expect(verdicts(result)).toEqual(['MEMORY_LIMIT_EXCEEDED']);
  });

  it('refuses huge ArrayBuffers: RUNTIME_ERROR', async () => {
    const result = await attack('const kept = []; for (;;) kept.push(new ArrayBuffer(1 << 26));');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('Array buffer allocation failed');
  });

  it('offers no WebAssembly (its memory escapes the limit): RUNTIME_ERROR', async () => {
    const result = await attack('new WebAssembly.Memory({ initial: 16384 }); return a + b;');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('WebAssembly is not defined');
  });

  it('survives the patterns that abort a process (a huge fill): never a pass, worker replaced', async () => {
    const pids = sut.stats().workers.map((worker) => worker.pid);
    const result = await attack('new Array(6e7).fill(); return a + b;', { limits: { timeLimitMs: 500 } });
    // V8 either aborts the worker (RUNTIME_ERROR or MEMORY_LIMIT_EXCEEDED from its last words) or
    // thrashes at the heap limit inside `fill` until the supervisor kills it.
    expect(['MEMORY_LIMIT_EXCEEDED', 'RUNTIME_ERROR', 'TIME_LIMIT_EXCEEDED']).toContain(result.verdict);
    expect(result.tests.every((test) => test.verdict !== 'ACCEPTED')).toBe(true);
    expect(sut.stats().workers.map((worker) => worker.pid)).not.toEqual(pids);
  });

  it('grades a view of a shrunk resizable ArrayBuffer without crashing: WRONG_ANSWER', async () => {
    const result = await attack(
      'const buffer = new ArrayBuffer(8, { maxByteLength: 16 }); const view = new Uint8Array(buffer, 4); buffer.resize(2); return view;',
    );
    expect(verdicts(result)).toEqual(['WRONG_ANSWER', 'WRONG_ANSWER']);
  });
});

describe('stack and values', () => {
  it('reports deep recursion: RUNTIME_ERROR', async () => {
    const result = await attack('const down = (n) => down(n + 1) + 1; return down(0);');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('Maximum call stack size exceeded');
  });

  it('refuses deeply nested return values: RUNTIME_ERROR', async () => {
    const result = await attack('let v = []; for (let i = 0; i < 5000; i++) v = [v]; return v;');
    expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(result.tests[0].message).toContain('nested too deeply');
  });

  it('refuses huge return values: OUTPUT_LIMIT_EXCEEDED', async () => {
    const result = await attack('return "x".repeat(3e6);');
    expect(verdicts(result)).toEqual(['OUTPUT_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED']);
  });

  it('never matches functions, symbols, cycles or BigInts with JSON: WRONG_ANSWER', async () => {
    for (const value of [
      '() => 3',
      'Symbol("3")',
      '(() => { const c = [3]; c.push(c); return c; })()',
      'BigInt(a + b)',
    ]) {
      const result = await attack(`return ${value};`);
      expect(verdicts(result)).toEqual(['WRONG_ANSWER', 'WRONG_ANSWER']);
    }
  });

  it('runs getters and Proxy traps of a returned value inside the limits', async () => {
    const throwing = await attack('return { get value() { throw new Error("nope"); } };');
    expect(verdicts(throwing)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    const looping = await attack('return new Proxy({}, { ownKeys() { for (;;) {} } });');
    expect(verdicts(looping)).toEqual(['TIME_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']);
    // A getter that tampers with the realm while the result is read changes nothing for the host.
    const tampering = await attack(
      'return [{ get x() { JSON.stringify = () => "3"; Object.keys = () => []; Array.isArray = () => false; return 0; } }];',
      { tests: [{ name: 'sample', sample: true, args: [1, 2], expected: [{ x: 1 }] }] },
    );
    expect(verdicts(tampering)).toEqual(['WRONG_ANSWER']);
  });

  it('survives thousands of calls out of the candidate code (console): ACCEPTED', async () => {
    const result = await attack('for (let i = 0; i < 20000; i++) console.log(i); return a + b;', {
      limits: { timeLimitMs: 3_000 },
    });
    expect(verdicts(result)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('caps console spam and huge lines with a marker', async () => {
    const result = await attack(
      'console.log("y".repeat(200000)); for (let i = 0; i < 5000; i++) console.log("spam", i); return a + b;',
      { limits: { timeLimitMs: 3_000 } },
    );
    expect(verdicts(result)).toEqual(['ACCEPTED', 'ACCEPTED']);
    const output = result.tests[0].console!;
    expect(output.length).toBeLessThan(64 * 1024 + 200);
    expect(output.slice(-80)).toMatch(/\[console output truncated: \d+ more characters\]$/);
    expect(result.tests[1].console).toBeUndefined();
  });

  it('refuses huge sources and reports syntax errors with line and column: COMPILATION_ERROR', async () => {
    const huge = await sut.judge(newFunctionSubmission(`// ${'x'.repeat(300 * 1024)}\n${CORRECT_SOLVE}`));
    expect(huge.verdict).toBe('COMPILATION_ERROR');
    const broken = await sut.judge(newFunctionSubmission('exports.solve = (a, b) => {\n  return a + ;\n};'));
    expect(broken.verdict).toBe('COMPILATION_ERROR');
    expect(broken.compileError).toMatchObject({ line: 2, column: 14 });
    const malformed = await sut.judge(newFunctionSubmission('\u0000\uffff}{'));
    expect(malformed.verdict).toBe('COMPILATION_ERROR');
  });
});

describe('escape and tampering', () => {
  it('exposes no host object through constructor chains or prepareStackTrace', async () => {
    const result = await attack(
      `const found = [];
       const probe = (v) => { try { if (v && typeof v === 'object' && ('process' in v || 'require' in v && typeof v.require === 'function' && v !== globalThis)) found.push('object'); } catch {} };
       try { const g = (function () {}).constructor('return this')(); if (typeof g.process !== 'undefined') found.push('process'); } catch {}
       try { if (typeof process !== 'undefined') found.push('process global'); } catch {}
       Error.prepareStackTrace = (e, frames) => frames.map((f) => { const fn = f.getFunction && f.getFunction(); const self = f.getThis && f.getThis(); probe(self); return typeof fn === 'function' && fn !== solve ? 'fn' : ''; }).join('');
       const stack = new Error().stack;
       if (typeof stack === 'string' && stack.includes('fn')) found.push('host function from stack');
       delete Error.prepareStackTrace;
       try { if (solve.caller) found.push('caller'); } catch {}
       return found.length === 0 ? a + b : found.join();`,
    );
    expect(verdicts(result)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('leaves no handle on the global object', async () => {
    const standard = [
      'Object',
      'Function',
      'Array',
      'Number',
      'parseFloat',
      'parseInt',
      'Infinity',
      'NaN',
      'undefined',
      'Boolean',
      'String',
      'Symbol',
      'Date',
      'Promise',
      'RegExp',
      'Error',
      'AggregateError',
      'EvalError',
      'RangeError',
      'ReferenceError',
      'SyntaxError',
      'TypeError',
      'URIError',
      'globalThis',
      'JSON',
      'Math',
      'Intl',
      'ArrayBuffer',
      'Uint8Array',
      'Int8Array',
      'Uint16Array',
      'Int16Array',
      'Uint32Array',
      'Int32Array',
      'Float32Array',
      'Float64Array',
      'Uint8ClampedArray',
      'BigUint64Array',
      'BigInt64Array',
      'DataView',
      'Map',
      'BigInt',
      'Set',
      'WeakMap',
      'WeakSet',
      'Proxy',
      'Reflect',
      'decodeURI',
      'decodeURIComponent',
      'encodeURI',
      'encodeURIComponent',
      'escape',
      'unescape',
      'eval',
      'isFinite',
      'isNaN',
      'console',
      'setTimeout',
      'setInterval',
      'setImmediate',
      'clearTimeout',
      'clearInterval',
      'clearImmediate',
      'queueMicrotask',
      'Iterator',
    ];
    const result = await attack(
      `const standard = ${JSON.stringify(standard)}; return Reflect.ownKeys(globalThis).filter((key) => !standard.includes(key)).map(String);`,
      {
        tests: [{ name: 'sample', sample: true, args: [], expected: [] }],
      },
    );
    expect(result.tests[0].details?.actual).toBe('[]');
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('reveals no host path in stack traces or messages', async () => {
    const result = await attack('try { null.x; } catch (error) { return error.stack; }', {
      tests: [{ name: 'sample', sample: true, args: [], expected: '' }],
    });
    expect(result.tests[0].details?.actual).toContain('solution.js');
    expect(result.tests[0].details?.actual).not.toMatch(/\/work|node_modules|dist\/|\.ts:|isolated-vm/);
    const thrown = await attack('null.x;');
    expect(thrown.tests[0].message).toContain('solution.js');
    expect(thrown.tests[0].message).not.toMatch(/\/work|node_modules|dist\/|assay:|isolated-vm/);
  });

  it('cannot fool the grader by polluting prototypes, JSON or Object.is', async () => {
    const result = await sut.judge(
      newFunctionSubmission(
        `JSON.stringify = () => '42'; JSON.parse = () => 42; Object.is = () => true; Object.keys = () => [];
         Object.prototype.toJSON = function () { return 42; }; Array.prototype.toJSON = function () { return 42; };
         Object.defineProperty(Array.prototype, '0', { set() {}, get() { return 42; }, configurable: true });
         Object.defineProperty(Object.prototype, 'state', { get() { return 'returned'; }, configurable: true });
         Object.defineProperty(Object.prototype, 'value', { get() { return '42'; }, configurable: true });
         Array.isArray = () => true; String.prototype.slice = () => '42'; Map.prototype.get = () => 42; Promise.prototype.then = function () {};
         exports.solve = () => ({ wrong: true });`,
        {
          tests: [
            { name: 'sample', sample: true, args: [1, 2], expected: [1, 2] },
            { name: 'hidden', args: [], expected: 42 },
          ],
        },
      ),
    );
    expect(verdicts(result)).toEqual(['WRONG_ANSWER', 'WRONG_ANSWER']);
  });

  it('cannot read hidden tests through globals, caller, stacks or error text', async () => {
    const result = await sut.judge(
      newFunctionSubmission(
        `exports.solve = function solve() {
           const seen = [String(new Error().stack), Object.getOwnPropertyNames(globalThis).join()];
           try { seen.push(String(solve.caller)); } catch (error) { seen.push(String(error)); }
           try { seen.push(String(arguments.callee.caller)); } catch (error) { seen.push(String(error)); }
           return seen.join('|').includes('424242') ? 424242 : -1;
         };`,
        { tests: [{ name: 'hidden', args: [1], expected: 424242 }] },
      ),
    );
    expect(verdicts(result)).toEqual(['WRONG_ANSWER']);
    expect(result.tests[0].details).toBeUndefined();
    expect(JSON.stringify(result)).not.toContain('424242');
  });

  it('keeps no state between candidates, and between tests only when the challenge allows it', async () => {
    const dirty =
      'globalThis.leak = (globalThis.leak ?? 0) + 1; Object.prototype.polluted = 1; exports.solve = () => [globalThis.leak, typeof ({}).polluted];';
    const tests = [
      { name: 'first', sample: true, args: [], expected: [1, 'number'] },
      { name: 'second', sample: true, args: [], expected: [1, 'number'] },
    ];
    for (let run = 0; run < 3; run++) {
      const again = await sut.judge(newFunctionSubmission(dirty, { tests }));
      expect(verdicts(again)).toEqual(['ACCEPTED', 'ACCEPTED']);
    }
    const counter = 'let calls = 0; exports.solve = () => ++calls;';
    const countTests = [
      { name: 'first', sample: true, args: [], expected: 1 },
      { name: 'second', sample: true, args: [], expected: 1 },
    ];
    const shared = await sut.judge(newFunctionSubmission(counter, { tests: countTests }));
    expect(verdicts(shared)).toEqual(['ACCEPTED', 'WRONG_ANSWER']);
    const isolated = await sut.judge(
      newFunctionSubmission(counter, { tests: countTests, harness: { isolation: 'per-test' } }),
    );
    expect(verdicts(isolated)).toEqual(['ACCEPTED', 'ACCEPTED']);
  });

  it('is deterministic: Math.random is seeded and Date fixed per run', async () => {
    const source = 'exports.solve = () => [Math.random(), Math.random(), Date.now(), new Date().toISOString()];';
    const tests = [{ name: 'sample', sample: true, args: [], expected: 0 }];
    const first = await sut.judge(newFunctionSubmission(source, { tests }));
    const second = await sut.judge(newFunctionSubmission(source, { tests }));
    expect(first.tests[0].details?.actual).toBe(second.tests[0].details?.actual);
    expect(first.tests[0].details?.actual).toContain('"2024-01-01T00:00:00.000Z"');
    const reseeded = await sut.judge(
      newFunctionSubmission(source, { tests, sandbox: { seed: 7, epoch: '2030-05-01T00:00:00Z' } }),
    );
    expect(reseeded.tests[0].details?.actual).not.toBe(first.tests[0].details?.actual);
    expect(reseeded.tests[0].details?.actual).toContain('2030-05-01');
  });

  it('ignores printed result markers: WRONG_ANSWER', async () => {
    const result = await attack(
      'console.log(\'{"state":"returned","value":"3"}\'); console.log("ACCEPTED"); return -1;',
    );
    expect(verdicts(result)).toEqual(['WRONG_ANSWER', 'WRONG_ANSWER']);
  });

  it('turns odd thrown values into RUNTIME_ERROR', async () => {
    for (const thrown of [
      'null',
      'Symbol("x")',
      '{ get message() { throw 1; }, get stack() { throw 2; }, get name() { throw 3; } }',
      'new Proxy({}, { get() { throw 4; } })',
      '42n',
    ]) {
      const result = await attack(`throw ${thrown};`);
      expect(verdicts(result)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    }
  });

  it('fails the tests of a suite that ends early', async () => {
    const result = await attack('if (a === 20) { while (true) {} } return a + b;');
    expect(verdicts(result)).toEqual(['ACCEPTED', 'TIME_LIMIT_EXCEEDED']);
    const noExport = await sut.judge(newFunctionSubmission('exports.other = () => 3;'));
    expect(verdicts(noExport)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR']);
    expect(noExport.tests[0].message).toContain("does not export a function named 'solve'");
  });
});
