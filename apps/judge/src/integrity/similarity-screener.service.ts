import { Injectable, Logger } from '@nestjs/common';
import { ChallengeVersionEntity, SubmissionEntity, type FlagRegion } from '@app/db';
import { DataSource } from 'typeorm';
import { ScreeningRepository } from './screening.repository.js';

/** Languages the tokenizer reads; SQL answers are not screened. */
const SCREENED_LANGUAGES = new Set(['javascript', 'typescript']);

/**
 * Flags stored per screened submission: its most similar earlier submissions. A cohort passing one
 * answer around would otherwise store every pair of it (n² / 2: 250,000 for 700 copies of 1,000), which
 * no reviewer reads; each copy is still flagged with its closest matches, and later copies flag it again.
 */
export const MAX_FLAGS_PER_SUBMISSION = 25;

/**
 * The detector library, loaded on the first screening: it brings TypeScript's parser (seconds to load
 * on a busy machine), which a judge restarting to take over stalled submissions must not wait for.
 */
type IntegrityLibrary = typeof import('@app/integrity');
let integrityLibrary: Promise<IntegrityLibrary> | undefined;
const loadIntegrity = (): Promise<IntegrityLibrary> => (integrityLibrary ??= import('@app/integrity'));

/** Challenge versions whose detector a judge keeps (oldest dropped first). */
const DETECTOR_CACHE_SIZE = 64;

interface VersionDetector {
  challengeId: string;
  detector: InstanceType<IntegrityLibrary['SimilarityDetector']>;
}

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
  private readonly detectors = new Map<string, VersionDetector>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly screenings: ScreeningRepository,
  ) {}

  /**
   * The detector of a challenge version, which fingerprints without that version's starter code. Versions
   * never change once written, so each is read and its starters tokenized once per judge process.
   */
  private async detectorOf(
    versionId: string,
    Detector: IntegrityLibrary['SimilarityDetector'],
  ): Promise<VersionDetector> {
    const cached = this.detectors.get(versionId);
    if (cached) return cached;
    const version = await this.dataSource.getRepository(ChallengeVersionEntity).findOneByOrFail({ id: versionId });
    const entry = {
      challengeId: version.challengeId,
      detector: new Detector({ starterSources: starterSources(version.definition) }),
    };
    if (this.detectors.size >= DETECTOR_CACHE_SIZE) this.detectors.delete(this.detectors.keys().next().value!);
    this.detectors.set(versionId, entry);
    return entry;
  }

  async screen(submissionId: string): Promise<ScreeningOutcome> {
    const submission = await this.dataSource.getRepository(SubmissionEntity).findOneBy({ id: submissionId });
    if (!submission) return { status: 'skipped', reason: 'not_found' };
    if (submission.kind !== 'final' || !submission.code || !SCREENED_LANGUAGES.has(submission.language ?? '')) {
      return { status: 'skipped', reason: 'not_screenable' };
    }
    const { SimilarityDetector, decodeFingerprints, encodeFingerprints, matchedRegions, similarityFromShared } =
      await loadIntegrity();
    const { challengeId, detector } = await this.detectorOf(submission.challengeVersionId, SimilarityDetector);
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
      // Indexed first: the flags below refer to it.
      await this.screenings.index(manager, {
        submission,
        challengeId,
        hashes: fingerprints.distinct,
        truncated: fingerprints.truncated,
        fingerprints: encodeFingerprints(fingerprints),
      });
      const flagged = neighbours
        .map((neighbour) => ({
          neighbour,
          similarity: similarityFromShared(neighbour.shared, fingerprints.distinct.length, neighbour.fingerprintCount),
        }))
        .filter(({ similarity }) => similarity.score >= parameters.threshold)
        .sort((x, y) => y.similarity.score - x.similarity.score)
        .slice(0, MAX_FLAGS_PER_SUBMISSION);
      // Regions come from the stored fingerprints of the other side: tokenizing its code again would cost more.
      const stored = await this.screenings.storedFingerprints(
        manager,
        flagged.map(({ neighbour }) => neighbour.submissionId),
      );
      await this.screenings.insertFlags(
        manager,
        flagged.map(({ neighbour, similarity }) => {
          const theirs = stored.get(neighbour.submissionId);
          const regions: FlagRegion[] = theirs
            ? matchedRegions(fingerprints, decodeFingerprints(theirs)).map(({ a, b, fingerprints: count }) => ({
                a,
                b,
                fingerprints: count,
              }))
            : [];
          return {
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
          };
        }),
      );
      const flags = flagged.length;
      return { status: 'screened', flags };
    });
    if (outcome.status === 'screened' && outcome.flags > 0) {
      this.logger.log(`submission ${submissionId}: ${outcome.flags} similar submission(s) flagged for review`);
    }
    return outcome;
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
