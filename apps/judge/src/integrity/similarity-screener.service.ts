import { Injectable, Logger } from '@nestjs/common';
import { ChallengeVersionEntity, SubmissionEntity, type FlagRegion } from '@app/db';
import { SimilarityDetector, matchedRegions, similarityFromShared, type SubmissionFingerprints } from '@app/integrity';
import { DataSource } from 'typeorm';
import { ScreeningRepository, type IndexedNeighbour } from './screening.repository.js';

/** Languages the tokenizer reads; SQL answers are not screened. */
const SCREENED_LANGUAGES = new Set(['javascript', 'typescript']);

export type ScreeningOutcome =
  | { status: 'screened'; flags: number }
  | { status: 'skipped'; reason: 'not_found' | 'not_screenable' | 'superseded' | 'already_screened' };

/**
 * Screens one final code submission against every other submission of its challenge: fingerprints
 * it without the starter code, looks its fingerprints up in the stored index (never every pair),
 * stores the pairs at or above the threshold with the regions they share, then adds it to the index.
 * It flags for review; it never rejects.
 */
@Injectable()
export class SimilarityScreener {
  private readonly logger = new Logger(SimilarityScreener.name);

  constructor(
    private readonly dataSource: DataSource,
    private readonly screenings: ScreeningRepository,
  ) {}

  async screen(submissionId: string): Promise<ScreeningOutcome> {
    const submission = await this.dataSource.getRepository(SubmissionEntity).findOneBy({ id: submissionId });
    if (!submission) return { status: 'skipped', reason: 'not_found' };
    if (submission.kind !== 'final' || !submission.code || !SCREENED_LANGUAGES.has(submission.language ?? '')) {
      return { status: 'skipped', reason: 'not_screenable' };
    }
    const detectors = new DetectorCache(this.dataSource);
    const { detector, challengeId } = await detectors.of(submission.challengeVersionId);
    // The expensive part (parsing and hashing) happens before any lock is taken.
    const fingerprints = detector.fingerprint(submission.code);

    const outcome = await this.dataSource.transaction(async (manager): Promise<ScreeningOutcome> => {
      // One screening at a time per challenge: two submissions screened at once would each miss the other.
      await this.screenings.lockChallenge(manager, challengeId);
      if (await this.screenings.isScreened(manager, submissionId))
        return { status: 'skipped', reason: 'already_screened' };
      if (!(await this.screenings.isLatestFinal(manager, submission)))
        return { status: 'skipped', reason: 'superseded' };
      // The last final submission is the one that counts: an earlier one leaves the index with its flags.
      await this.screenings.removeEarlierOfItem(manager, submission);

      const parameters = detector.parameters;
      const neighbours = await this.screenings.neighbours(manager, {
        challengeId,
        organizationId: submission.organizationId,
        sessionId: submission.sessionId,
        hashes: fingerprints.distinct,
        minShared: parameters.minSharedFingerprints,
      });
      let flags = 0;
      for (const neighbour of neighbours) {
        const similarity = similarityFromShared(
          neighbour.shared,
          fingerprints.distinct.length,
          neighbour.fingerprintCount,
        );
        if (similarity.score < parameters.threshold) continue;
        const regions = await this.regionsWith(fingerprints, neighbour, detectors);
        await this.screenings.insertFlag(manager, {
          challengeId,
          submissionAId: submission.id,
          submissionBId: neighbour.submissionId,
          sessionAId: submission.sessionId,
          sessionBId: neighbour.sessionId,
          organizationAId: submission.organizationId,
          organizationBId: neighbour.organizationId,
          score: similarity.score,
          sharedFingerprints: similarity.shared,
          coverageA: similarity.coverageA,
          coverageB: similarity.coverageB,
          threshold: parameters.threshold,
          regions,
        });
        flags++;
      }
      await this.screenings.index(manager, {
        submission,
        challengeId,
        hashes: fingerprints.distinct,
        truncated: fingerprints.truncated,
      });
      return { status: 'screened', flags };
    });
    if (outcome.status === 'screened' && outcome.flags > 0) {
      this.logger.log(`submission ${submissionId}: ${outcome.flags} similar submission(s) flagged for review`);
    }
    return outcome;
  }

  private async regionsWith(
    mine: SubmissionFingerprints,
    neighbour: IndexedNeighbour,
    detectors: DetectorCache,
  ): Promise<FlagRegion[]> {
    const other = await this.dataSource
      .getRepository(SubmissionEntity)
      .findOne({ where: { id: neighbour.submissionId }, select: { id: true, code: true, challengeVersionId: true } });
    if (!other?.code) return [];
    const { detector } = await detectors.of(other.challengeVersionId);
    return matchedRegions(mine, detector.fingerprint(other.code)).map(({ a, b, fingerprints }) => ({
      a,
      b,
      fingerprints,
    }));
  }
}

/** One detector per challenge version within a job: each excludes its own version's starter code. */
class DetectorCache {
  private readonly detectors = new Map<string, { detector: SimilarityDetector; challengeId: string }>();

  constructor(private readonly dataSource: DataSource) {}

  async of(versionId: string): Promise<{ detector: SimilarityDetector; challengeId: string }> {
    const known = this.detectors.get(versionId);
    if (known) return known;
    const version = await this.dataSource.getRepository(ChallengeVersionEntity).findOneByOrFail({ id: versionId });
    const entry = {
      detector: new SimilarityDetector({ starterSources: starterSources(version.definition) }),
      challengeId: version.challengeId,
    };
    this.detectors.set(versionId, entry);
    return entry;
  }
}

/** The JavaScript and TypeScript starters of a stored challenge package (`definition.starters`). */
export function starterSources(definition: Record<string, unknown>): string[] {
  const starters = definition.starters;
  if (!Array.isArray(starters)) return [];
  return starters
    .filter(
      (starter): starter is { language: string; content: string } =>
        typeof starter === 'object' &&
        starter !== null &&
        typeof (starter as { content?: unknown }).content === 'string' &&
        SCREENED_LANGUAGES.has(String((starter as { language?: unknown }).language)),
    )
    .map((starter) => starter.content);
}
