import { Injectable } from '@nestjs/common';
import { submissionFor } from '@app/challenge-kit';
import { JudgeEngine, LANGUAGES, type Language, type PreparedChallenge, type Submission } from '@app/judge-engine';
import type { GradedTest, GradingRequest, ItemGrade, ItemGrader } from './item-grader.js';
import {
  UnjudgeableError,
  manifestOf,
  weightedScore,
  withScoringRule,
  type StoredDefinition,
} from './stored-definition.js';

/** The engine's submission for a candidate's code: runs get the sample tests only. */
export function toEngineSubmission(
  definition: StoredDefinition,
  code: { language: string | null; source: string | null },
  onlySamples: boolean,
): Submission {
  const manifest = manifestOf(definition);
  if (!manifest.harness) throw new UnjudgeableError('This challenge has no test harness.');
  if (!LANGUAGES.includes(code.language as Language)) {
    throw new UnjudgeableError(
      `This challenge is judged in ${LANGUAGES.join(' or ')}, not ${code.language ?? 'no language'}.`,
    );
  }
  const submission = submissionFor(
    {
      manifest: { harness: manifest.harness, limits: manifest.limits ?? {} },
      tests: definition.tests ?? [],
      testFiles: definition.testFiles ?? [],
    },
    code.language as Language,
    code.source ?? '',
  );
  if (onlySamples) submission.tests = submission.tests.filter((raw) => (raw as { sample?: unknown }).sample === true);
  return submission;
}

/** JavaScript and TypeScript items, judged in the isolated-vm sandbox of the judge engine. */
@Injectable()
export class CodeItemGrader implements ItemGrader {
  readonly types = ['coding', 'class', 'stdio', 'spec', 'api-design', 'resilience', 'bug-fix'] as const;

  /**
   * Challenges validated once per stored definition, by `run|final:language`: the judge keeps the definitions
   * of recent versions, so their harness and test data are not parsed again for every submission.
   */
  private readonly prepared = new WeakMap<StoredDefinition, Map<string, PreparedChallenge>>();

  constructor(private readonly engine: JudgeEngine) {}

  async grade(request: GradingRequest, onTest: (test: GradedTest) => void): Promise<ItemGrade> {
    const submission = toEngineSubmission(
      request.definition,
      { language: request.language, source: request.code },
      request.kind === 'run',
    );
    const result = await this.engine.judge(
      { language: submission.language, source: submission.source, challenge: this.challengeOf(request, submission) },
      {
        onTestFinished: (outcome) =>
          onTest({
            name: outcome.name,
            sample: outcome.sample,
            weight: outcome.weight,
            verdict: outcome.verdict,
            timeMs: outcome.timeMs,
            message: outcome.message,
            ...(outcome.sample && outcome.details ? { details: outcome.details } : {}),
          }),
      },
    );
    return {
      verdict: result.verdict,
      score: request.kind === 'run' ? null : withScoringRule(request.definition, weightedScore(result.tests)),
      message: result.message,
      scoreShownToCandidate: true,
    };
  }

  private challengeOf(request: GradingRequest, submission: Submission): PreparedChallenge {
    let byMode = this.prepared.get(request.definition);
    if (!byMode) {
      byMode = new Map();
      this.prepared.set(request.definition, byMode);
    }
    const key = `${request.kind === 'run' ? 'run' : 'final'}:${submission.language}`;
    let challenge = byMode.get(key);
    if (!challenge) {
      challenge = this.engine.prepareChallenge(submission);
      byMode.set(key, challenge);
    }
    return challenge;
  }
}
