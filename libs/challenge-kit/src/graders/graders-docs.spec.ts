import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { parse } from 'yaml';
import { withDatabase } from '@app/db';
import { testServerUrl } from '@app/testing';
import { parseCodeReviewChallenge } from './code-review/code-review.definition.js';
import { gradeCodeReview } from './code-review/code-review-grader.js';
import { gradeEstimates } from './estimate/estimate-grader.js';
import { parseQuiz } from './quiz/quiz.definition.js';
import { parseSqlChallenge } from './sql/sql-challenge.definition.js';
import { SqlGrader } from './sql/sql-grader.js';
import { SqlSandbox } from './sql/sql-sandbox.js';
import { parseSystemDesign } from './system-design/system-design.definition.js';

/** The examples of docs/graders.md, checked with the real readers and graders: the documentation must show what works. */
const docs = readFileSync(join(process.cwd(), 'docs/graders.md'), 'utf8');
const blocks = (language: string): string[] =>
  [...docs.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\`\`\``, 'g'))].map((match) => match[1]);
const examples = blocks('yaml').map((text) => parse(text) as Record<string, unknown>);
const section = (key: string): unknown => examples.find((example) => key in example)?.[key];

describe('docs/graders.md examples', () => {
  let sandbox: SqlSandbox | undefined;

  afterAll(async () => {
    await sandbox?.destroy();
  });

  it('has one example per section', () => {
    for (const key of ['sql', 'codeReview', 'quiz', 'systemDesign']) expect(section(key)).toBeDefined();
  });

  it('shows a sql challenge whose reference passes every test and whose documented mistake fails only the plan test', async () => {
    const definition = parseSqlChallenge(section('sql'));
    const [reference, mistake] = blocks('sql');
    sandbox = await SqlSandbox.open({
      url: withDatabase(testServerUrl(), `assay_test_sbx_${randomBytes(6).toString('hex')}`),
    });
    const grader = new SqlGrader(sandbox);
    const challenge = { key: 'daily-spend', definition, referenceSolution: reference };
    const right = await grader.grade(challenge, reference);
    expect(right.tests.map((test) => [test.name, test.verdict, test.message])).toEqual(
      definition.tests.map((test) => [test.name, 'ACCEPTED', 'Accepted.']),
    );
    const wrong = await grader.grade(challenge, mistake);
    expect(wrong.tests.map((test) => test.verdict)).toEqual(['ACCEPTED', 'ACCEPTED', 'ACCEPTED', 'WRONG_ANSWER']);
    expect(wrong.tests[3].message).toContain('does not use the index orders_placed_at_idx');
  });

  it('shows a codeReview section whose defects a good review finds', () => {
    const challenge = parseCodeReviewChallenge(section('codeReview'));
    const grade = gradeCodeReview(challenge, [
      { file: 'src/refunds.ts', line: 4, category: 'security', body: 'injection' },
      { file: 'src/refunds.ts', line: 7, category: 'correctness', body: 'not atomic' },
    ]);
    expect(grade.score).toBe(1);
  });

  it('shows a valid quiz section', () => {
    expect(parseQuiz(section('quiz')).questions).toHaveLength(3);
  });

  it('shows a systemDesign section whose expected estimates agree with their reasoning', () => {
    const definition = parseSystemDesign(section('systemDesign'));
    expect(gradeEstimates(definition.estimates, { 'peak-redirects': '1e9 per day', storage: '9.125 TB' }).score).toBe(
      1,
    );
  });
});
