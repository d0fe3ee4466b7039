import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine } from '../../judge-engine.js';
import { stdoutMatches } from './stdio.harness.js';

let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 1, killGraceMs: 1_000 });
});

afterAll(async () => {
  await sut.stop();
});

const tests = [
  { name: 'sample', sample: true, stdin: '2\n1 2\n3 4\n', expectedStdout: '3\n7\n' },
  { name: 'hidden', stdin: '1\n10 -4\n', expectedStdout: '6\n' },
];

function submission(
  source: string,
  language: 'javascript' | 'typescript' = 'javascript',
  compare?: Record<string, unknown>,
): Parameters<JudgeEngine['judge']>[0] {
  return {
    language,
    source,
    harness: { kind: 'stdio', ...(compare === undefined ? {} : { compare }) },
    tests,
    limits: { timeLimitMs: 1_000 },
  };
}

describe('stdio harness', () => {
  it.each([
    [
      'fs.readFileSync(0)',
      "const lines = require('fs').readFileSync(0, 'utf8').trim().split('\\n');\nfor (const line of lines.slice(1)) { const [a, b] = line.split(' ').map(Number); console.log(a + b); }",
    ],
    [
      '/dev/stdin',
      "const input = require('node:fs').readFileSync('/dev/stdin').toString();\nprocess.stdout.write(input.trim().split('\\n').slice(1).map((l) => l.split(' ').map(Number).reduce((x, y) => x + y)).join('\\n') + '\\n');",
    ],
    [
      'process.stdin events',
      "let data = '';\nprocess.stdin.setEncoding('utf8');\nprocess.stdin.on('data', (chunk) => { data += chunk; });\nprocess.stdin.on('end', () => { data.trim().split('\\n').slice(1).forEach((l) => { const [a, b] = l.split(' '); console.log(+a + +b); }); });",
    ],
    [
      'readline events',
      "const rl = require('readline').createInterface({ input: process.stdin });\nconst out = [];\nlet first = true;\nrl.on('line', (line) => { if (first) { first = false; return; } const [a, b] = line.split(' ').map(Number); out.push(a + b); });\nrl.on('close', () => console.log(out.join('\\n')));",
    ],
    [
      'readline for await, ES module',
      "import readline from 'node:readline';\nconst rl = readline.createInterface({ input: process.stdin });\nlet first = true;\nfor await (const line of rl) { if (first) { first = false; continue; } const [a, b] = line.split(' ').map(Number); console.log(a + b); }",
    ],
    [
      'output after a timer',
      "const input = require('fs').readFileSync(0, 'utf8');\nsetTimeout(() => { for (const l of input.trim().split('\\n').slice(1)) { const [a, b] = l.split(' ').map(Number); console.log(a + b); } }, 10);",
    ],
  ])('accepts a program reading stdin with %s', async (_label, source) => {
    const result = await sut.judge(submission(source));
    expect(result.tests.map((test) => `${test.verdict} ${test.message}`)).toEqual([
      'ACCEPTED Accepted',
      'ACCEPTED Accepted',
    ]);
  });

  it('accepts TypeScript and ignores trailing whitespace by default', async () => {
    const source =
      "import { readFileSync } from 'fs';\nconst rows: string[] = readFileSync(0, 'utf8').trim().split('\\n').slice(1);\nfor (const row of rows) { const [a, b] = row.split(' ').map(Number); process.stdout.write(`${a + b}   \\n`); }\nconsole.log();";
    const result = await sut.judge(submission(source, 'typescript'));
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('fails a wrong output with details for the sample, and stderr stays out of stdout', async () => {
    const result = await sut.judge(submission("console.error('debug'); console.log('3');"));
    expect(result.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      details: { input: '2\n1 2\n3 4\n', expected: '3\n7\n', actual: '3\n' },
      console: 'debug\n',
    });
  });

  it('treats process.exit(0) as the end of the program and a non-zero code as a runtime error', async () => {
    const clean = await sut.judge(
      submission(
        "const l = require('fs').readFileSync(0, 'utf8').trim().split('\\n').slice(1);\nfor (const x of l) { const [a, b] = x.split(' ').map(Number); console.log(a + b); }\nprocess.exit(0);\nconsole.log('never');",
      ),
    );
    expect(clean.verdict).toBe('ACCEPTED');
    const failed = await sut.judge(submission('process.exit(3);'));
    expect(failed.tests[0]).toMatchObject({ verdict: 'RUNTIME_ERROR', message: 'The program exited with code 3' });
  });

  it('stops a program printing forever: OUTPUT_LIMIT_EXCEEDED or TIME_LIMIT_EXCEEDED, never a pass', async () => {
    const result = await sut.judge({
      ...submission("for (;;) process.stdout.write('spam spam spam\\n');"),
      limits: { timeLimitMs: 500, outputLimit: 4096 },
    });
    for (const test of result.tests) expect(['OUTPUT_LIMIT_EXCEEDED', 'TIME_LIMIT_EXCEEDED']).toContain(test.verdict);
    const huge = await sut.judge({
      ...submission("process.stdout.write('x'.repeat(10000));"),
      limits: { outputLimit: 4096 },
    });
    expect(huge.tests.map((test) => test.verdict)).toEqual(['OUTPUT_LIMIT_EXCEEDED', 'OUTPUT_LIMIT_EXCEEDED']);
  });

  it('compares with the whitespace modes', () => {
    expect(stdoutMatches('1  2\n3\n\n', '1  2\n3', {})).toBe(true);
    expect(stdoutMatches('1 2\n3', '1  2\n3', {})).toBe(false);
    expect(stdoutMatches('1 2\n3', '1\n2 3', { whitespace: 'tokens' })).toBe(true);
    expect(stdoutMatches('3\n', '3', { whitespace: 'exact' })).toBe(false);
    expect(stdoutMatches('YES', 'yes', { caseSensitive: false })).toBe(true);
    expect(stdoutMatches('0.3333', '0.33333333', { whitespace: 'tokens', floatTolerance: 1e-3 })).toBe(true);
    expect(stdoutMatches('0.3', '0.33333333', { whitespace: 'tokens', floatTolerance: 1e-3 })).toBe(false);
  });
});
