import { Injectable } from '@nestjs/common';
import {
  DefinitionError,
  SqlSandboxError,
  parseSqlChallenge,
  sqlChallengeOf,
  type ResultPreview,
  type SqlTestOutcome,
} from '@app/challenge-kit';
import type { ResultTablePayload } from '@app/contracts';
import type { GradedTest, GradingRequest, ItemGrade, ItemGrader } from './item-grader.js';
import { SqlSandboxProvider } from './sql-sandbox.provider.js';
import { UnjudgeableError, manifestOf, weightedScore, withScoringRule } from './stored-definition.js';

function table(preview: ResultPreview): ResultTablePayload {
  return { columns: preview.columns, rows: preview.rows, totalRows: preview.totalRows };
}

/** A SQL test as stored and streamed: sample tests show the dataset, the expected and the actual table. */
function gradedTest(outcome: SqlTestOutcome, dataset: string | undefined): GradedTest {
  const details = outcome.sample ? outcome.details : undefined;
  return {
    name: outcome.name,
    sample: outcome.sample,
    weight: outcome.weight,
    verdict: outcome.verdict,
    timeMs: Math.round(outcome.timeMs),
    message: outcome.message,
    ...(details
      ? {
          details: {
            input: `dataset ${dataset ?? '(unknown)'}`,
            expected: table(details.expected),
            ...(details.actual ? { actual: table(details.actual) } : {}),
            ...(details.planScans ? { planScans: details.planScans } : {}),
          },
        }
      : {}),
  };
}

/**
 * SQL items: the candidate's SQL runs in the SQL sandbox (a database apart from the application's) on
 * every test's dataset; runs use the sample tests only, so hidden datasets are never touched by them.
 */
@Injectable()
export class SqlItemGrader implements ItemGrader {
  readonly types = ['sql'] as const;

  constructor(private readonly sandbox: SqlSandboxProvider) {}

  async grade(request: GradingRequest, onTest: (test: GradedTest) => void): Promise<ItemGrade> {
    const manifest = manifestOf(request.definition);
    if (request.language !== 'sql')
      throw new UnjudgeableError(`SQL items are answered in sql, not ${request.language ?? 'nothing'}.`);
    let definition;
    try {
      definition = parseSqlChallenge(manifest.sql);
    } catch (error) {
      if (error instanceof DefinitionError) throw new UnjudgeableError(error.message);
      throw error;
    }
    const challenge = sqlChallengeOf(
      {
        slug: manifest.slug ?? 'challenge',
        manifest: { ...manifest, limits: manifest.limits ?? {} } as Parameters<typeof sqlChallengeOf>[0]['manifest'],
        solutions: (request.definition.solutions ?? []) as Parameters<typeof sqlChallengeOf>[0]['solutions'],
      },
      definition,
    );
    const datasetOf = new Map(definition.tests.map((test) => [test.name, test.dataset]));
    const grader = await this.sandbox.grader().catch((error: unknown) => {
      throw new UnjudgeableError(
        `the SQL sandbox is not available (${error instanceof Error ? error.message : String(error)})`,
      );
    });
    let result;
    try {
      result = await grader.grade(challenge, request.code ?? '', {
        onlySamples: request.kind === 'run',
        onTestFinished: (outcome) => onTest(gradedTest(outcome, datasetOf.get(outcome.name))),
      });
    } catch (error) {
      // A dataset that does not load, a reference that fails: the challenge's fault. Busy or lost
      // connections are thrown on, so that the job is retried.
      if (error instanceof SqlSandboxError && (error.code === 'dataset' || error.code === 'configuration'))
        throw new UnjudgeableError(error.message);
      throw error;
    }
    return {
      verdict: result.verdict,
      score: request.kind === 'run' ? null : withScoringRule(request.definition, weightedScore(result.tests)),
      message: result.message,
      scoreShownToCandidate: true,
    };
  }
}
