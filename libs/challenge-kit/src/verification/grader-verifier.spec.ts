import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { withDatabase } from '@app/db';
import { testServerUrl } from '@app/testing';
import { newGraderPackageFiles } from '../package/challenge-package.factory.js';
import { parseChallengePackage } from '../package/challenge-loader.js';
import { ChallengePackageError } from '../package/package-problem.js';
import { verifyGraderChallenge } from './grader-verifier.js';
import { SECTION_CHECKS } from './section-checks.js';
import { openSqlGrading, type SqlGrading } from './sql-grading.js';

async function load(type: 'quiz' | 'code-review' | 'system-design' | 'sql', overrides: Record<string, string> = {}) {
  const files = newGraderPackageFiles(type);
  for (const [path, content] of Object.entries(overrides)) files.set(path, content);
  return parseChallengePackage(files, 'test', { sectionChecks: SECTION_CHECKS });
}

const summaries = (checks: { path: string; status: string }[]) =>
  checks.map((check) => `${check.path} ${check.status}`);

describe('verifyGraderChallenge without a database', () => {
  it('passes a quiz whose key scores full marks and whose wrong sheet does not', async () => {
    const sut = await verifyGraderChallenge(await load('quiz'), {});

    expect(sut.status).toBe('passed');
    expect(summaries(sut.checks)).toEqual(['(answer key) passed', 'wrong/post.yaml passed']);
  });

  it('fails a wrong answer sheet that is in fact right', async () => {
    const sut = await verifyGraderChallenge(
      await load('quiz', { 'wrong/post.yaml': '# Not wrong.\nidempotent: [get, put]\nstatus: [s429]\n' }),
      {},
    );

    expect(sut.status).toBe('failed');
    expect(sut.checks[1]?.summary).toBe('scores 2/2; a wrong answer sheet must lose points');
  });

  it('passes a review challenge and fails one whose wrong review finds the defect', async () => {
    const good = await verifyGraderChallenge(await load('code-review'), {});
    const bad = await verifyGraderChallenge(
      await load('code-review', {
        'wrong/nits.yaml':
          '# Finds it after all.\n- { file: src/users.ts, line: 3, category: security, body: Injection. }\n',
      }),
      {},
    );

    expect(good.status).toBe('passed');
    expect(bad.status).toBe('failed');
    expect(bad.checks[1]?.summary).toBe(
      'scores 100 % (found 5/5, 0 noise comment(s)); a wrong review must score under 70 %',
    );
  });

  it('passes a design whose reference gets every estimate and fails one that misses', async () => {
    const good = await verifyGraderChallenge(await load('system-design'), {});
    const bad = await verifyGraderChallenge(
      await load('system-design', {
        'solutions/answer.yaml': 'sections:\n  requirements: Shorten links.\nestimates:\n  qps: 12 req/s\n',
      }),
      {},
    );

    expect(good.status).toBe('passed');
    expect(bad.checks[0]).toEqual(
      expect.objectContaining({
        status: 'failed',
        failedTests: [{ name: 'qps', sample: false, verdict: 'credit 0.00' }],
      }),
    );
  });

  it('skips SQL challenges when there is no sandbox', async () => {
    const sut = await verifyGraderChallenge(await load('sql'), {});

    expect(sut.status).toBe('skipped');
  });

  it('refuses, at load time, a solution file that is not an answer of the type', async () => {
    await expect(
      load('code-review', { 'solutions/review.yaml': '- { file: src/users.ts, line: 3, category: style, body: x }\n' }),
    ).rejects.toThrow(ChallengePackageError);
  });
});

describe('verifyGraderChallenge with the SQL sandbox', () => {
  let grading: SqlGrading;

  beforeAll(async () => {
    grading = await openSqlGrading(withDatabase(testServerUrl(), `assay_test_sbx_${randomBytes(6).toString('hex')}`));
  });

  afterAll(async () => {
    await grading?.close();
  });

  it('runs the reference (which passes) and the wrong query (which fails the hidden test) in PostgreSQL', async () => {
    const sut = await verifyGraderChallenge(await load('sql'), { sqlGrader: grading.grader });

    expect(sut.checks.map((check) => [check.path, check.status, check.summary])).toEqual([
      ['solutions/reference.sql', 'passed', 'passes 2/2 tests'],
      ['wrong/limit-one.sql', 'passed', 'fails as it should: hidden "ties" WRONG_ANSWER'],
    ]);
  });
});
