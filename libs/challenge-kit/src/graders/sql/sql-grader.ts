import { createHash } from 'node:crypto';
import type { SqlChallengeDefinition, SqlTestDefinition } from './sql-challenge.definition.js';
import { checkPlan, type PlanCheck } from './sql-plan-check.js';
import {
  compareResults,
  type ExpectedResult,
  expectedFromResult,
  previewResult,
  type SqlResultTable,
} from './sql-result.js';
import {
  type PreparedSqlDataset,
  type SqlRunLimits,
  type SqlRunOutcome,
  type SqlSandbox,
  SqlSandboxError,
} from './sql-sandbox.js';

/** The judge's verdict strings (the same as the judge engine's), as far as SQL can end. */
export type SqlVerdict =
  'ACCEPTED' | 'WRONG_ANSWER' | 'TIME_LIMIT_EXCEEDED' | 'RUNTIME_ERROR' | 'OUTPUT_LIMIT_EXCEEDED';

export interface SqlChallenge {
  /** Names the challenge's datasets in the sandbox: the slug. A changed setup gets a new schema anyway. */
  key: string;
  definition: SqlChallengeDefinition;
  /** Gives the expected result of every test without `expected`. */
  referenceSolution?: string;
  limits?: Partial<SqlRunLimits>;
}

export type ResultPreview = SqlResultTable & { totalRows: number };

export interface SqlTestOutcome {
  testId: string;
  name: string;
  sample: boolean;
  weight: number;
  verdict: SqlVerdict;
  /** Safe to show the candidate: for hidden tests it never quotes dataset values or results. */
  message: string;
  timeMs: number;
  /** Sample tests only: what the candidate's SQL returned and what was expected (capped). */
  details?: { actual?: ResultPreview; expected: ResultPreview; planScans?: string[] };
  /** For interviewers only, hidden tests included: the full reason. Never send it to a candidate. */
  interviewerNote?: string;
}

export interface SqlGradeResult {
  verdict: SqlVerdict;
  message: string;
  tests: SqlTestOutcome[];
  /** Sum of the weights of the accepted tests, and of all tests. */
  score: { passed: number; total: number };
  timeMs: number;
}

export interface SqlGradeOptions {
  /** Runs (not scored) check the sample tests only; their datasets are the only ones prepared. */
  onlySamples?: boolean;
  /** Called as soon as each test's outcome is known, in order. A failing listener changes nothing. */
  onTestFinished?: (outcome: SqlTestOutcome) => void;
}

/** SQLSTATE classes whose messages quote only names (the candidate's or the schema's), never data values. */
const SAFE_ERROR_CLASSES = new Set(['42', '0A', '53', '54', '57']);

const PREVIEW_ROWS = 50;

function expectedPreview(expected: ExpectedResult): ResultPreview {
  return previewResult(
    {
      columns: expected.columns.map((name) => ({ name, type: 'expected' })),
      rows: expected.rows.map((row) =>
        row.map((cell) => (cell === null ? null : typeof cell === 'object' ? JSON.stringify(cell) : String(cell))),
      ),
    },
    PREVIEW_ROWS,
  );
}

/**
 * Grades SQL submissions: prepares each test's dataset, runs the submission on it in the sandbox,
 * and compares the result (and, when asked, the plan) with the expected one.
 */
export class SqlGrader {
  /** Reference results per dataset and reference text: the same for every submission. */
  private readonly referenceResults = new Map<string, Promise<SqlResultTable>>();

  constructor(private readonly sandbox: SqlSandbox) {}

  async grade(challenge: SqlChallenge, submission: string, options: SqlGradeOptions = {}): Promise<SqlGradeResult> {
    const started = performance.now();
    const selected = challenge.definition.tests.filter((test) => !options.onlySamples || test.sample);
    const datasets = await this.prepareDatasets(challenge, new Set(selected.map((test) => test.dataset)));
    const tests: SqlTestOutcome[] = [];
    // One test after another: runs of one dataset are serialized by the sandbox anyway, and a
    // submission must not take more than its share of sandbox connections.
    for (const test of selected) {
      const dataset = datasets.get(test.dataset);
      if (!dataset)
        throw new SqlSandboxError('dataset', `Test ${test.name} names the unknown dataset ${test.dataset}.`);
      const expected = test.expected ?? expectedFromResult(await this.referenceResult(challenge, dataset, test));
      const outcome = await this.runTest(challenge, test, dataset, expected, submission);
      tests.push(outcome);
      try {
        options.onTestFinished?.(outcome);
      } catch {
        // a failing listener must not change a verdict
      }
    }
    const failing = tests.find((test) => test.verdict !== 'ACCEPTED');
    const total = tests.reduce((sum, test) => sum + test.weight, 0);
    const passed = tests.reduce((sum, test) => sum + (test.verdict === 'ACCEPTED' ? test.weight : 0), 0);
    return {
      verdict: failing?.verdict ?? 'ACCEPTED',
      message: failing ? `Test "${failing.name}": ${failing.message}` : `All ${tests.length} tests passed.`,
      tests,
      score: { passed, total },
      timeMs: Math.round(performance.now() - started),
    };
  }

  private async prepareDatasets(
    challenge: SqlChallenge,
    needed: ReadonlySet<string>,
  ): Promise<Map<string, PreparedSqlDataset>> {
    const prepared = new Map<string, PreparedSqlDataset>();
    for (const dataset of challenge.definition.datasets.filter((candidate) => needed.has(candidate.name)))
      prepared.set(dataset.name, await this.sandbox.prepareDataset(challenge.key, dataset));
    return prepared;
  }

  private referenceResult(
    challenge: SqlChallenge,
    dataset: PreparedSqlDataset,
    test: SqlTestDefinition,
  ): Promise<SqlResultTable> {
    const reference = challenge.referenceSolution;
    if (reference === undefined) {
      return Promise.reject(
        new SqlSandboxError(
          'dataset',
          `Test ${test.name} has no expected result and the challenge no reference solution.`,
        ),
      );
    }
    const key = `${dataset.id}:${createHash('sha256').update(reference).digest('hex')}:${JSON.stringify(challenge.limits ?? {})}`;
    let result = this.referenceResults.get(key);
    if (!result) {
      result = this.sandbox.run(dataset, reference, challenge.limits).then((outcome) => {
        if (outcome.kind === 'completed' && outcome.result) return outcome.result;
        const why =
          outcome.kind === 'completed'
            ? 'returned no result set'
            : `did not complete (${outcome.kind}): ${outcome.message}`;
        throw new SqlSandboxError('dataset', `The reference solution on dataset ${dataset.name} ${why}`);
      });
      result.catch(() => this.referenceResults.delete(key));
      this.referenceResults.set(key, result);
    }
    return result;
  }

  private async runTest(
    challenge: SqlChallenge,
    test: SqlTestDefinition,
    dataset: PreparedSqlDataset,
    expected: ExpectedResult,
    submission: string,
  ): Promise<SqlTestOutcome> {
    const outcome = await this.sandbox.run(dataset, submission, challenge.limits, {
      explainLastStatement: test.plan !== undefined,
    });
    const base = {
      testId: test.name,
      name: test.name,
      sample: test.sample,
      weight: test.weight,
      timeMs: outcome.elapsedMs,
    };
    const shown = (actual: SqlResultTable | undefined, planScans?: string[]): Pick<SqlTestOutcome, 'details'> =>
      test.sample
        ? {
            details: {
              ...(actual ? { actual: previewResult(actual, PREVIEW_ROWS) } : {}),
              expected: expectedPreview(expected),
              ...(planScans ? { planScans } : {}),
            },
          }
        : {};

    if (outcome.kind !== 'completed') {
      const { verdict, message } = this.failureOf(outcome, test.sample);
      return { ...base, verdict, message, interviewerNote: outcome.message, ...shown(undefined) };
    }
    if (!outcome.result) {
      return {
        ...base,
        verdict: 'WRONG_ANSWER',
        message: 'The last statement returned no result set: end with the query whose result is graded.',
        ...shown(undefined),
      };
    }
    const comparison = compareResults(outcome.result, expected, test);
    let plan: PlanCheck | undefined;
    if (test.plan) {
      plan =
        outcome.plan && 'json' in outcome.plan
          ? checkPlan(outcome.plan.json, test.plan)
          : { passed: false, problems: [outcome.plan?.error ?? 'no plan was produced'], scans: [] };
    }
    if (!comparison.equal) {
      return {
        ...base,
        verdict: 'WRONG_ANSWER',
        message: test.sample
          ? `The result differs: ${comparison.reason}.`
          : 'The result differs from the expected result.',
        interviewerNote: comparison.reason,
        ...shown(outcome.result, plan?.scans),
      };
    }
    if (plan && !plan.passed) {
      const reason = `The result is right but the plan is not: ${plan.problems.join('; ')}.`;
      return {
        ...base,
        verdict: 'WRONG_ANSWER',
        message: reason,
        interviewerNote: `${reason} Scans: ${plan.scans.join(', ') || 'none'}.`,
        ...shown(outcome.result, plan.scans),
      };
    }
    return { ...base, verdict: 'ACCEPTED', message: 'Accepted.', ...shown(outcome.result, plan?.scans) };
  }

  private failureOf(
    outcome: Exclude<SqlRunOutcome, { kind: 'completed' }>,
    sample: boolean,
  ): { verdict: SqlVerdict; message: string } {
    switch (outcome.kind) {
      case 'refused':
        return { verdict: 'RUNTIME_ERROR', message: outcome.message };
      case 'timed-out':
        return { verdict: 'TIME_LIMIT_EXCEEDED', message: outcome.message };
      case 'output-limit':
        return { verdict: 'OUTPUT_LIMIT_EXCEEDED', message: outcome.message };
      case 'failed': {
        // A cast or a constraint error can quote a row of a hidden dataset: keep those to the code.
        // Messages without a SQLSTATE are the sandbox's own (a lost connection) and quote nothing.
        const safe = sample || outcome.sqlState === undefined || SAFE_ERROR_CLASSES.has(outcome.sqlState.slice(0, 2));
        const hidden = `Statement ${outcome.statementIndex + 1} failed with SQLSTATE ${outcome.sqlState}; the message is hidden because it could quote hidden test data.`;
        return { verdict: 'RUNTIME_ERROR', message: safe ? outcome.message : hidden };
      }
    }
  }
}
