import { Injectable, Logger } from '@nestjs/common';
import { ChallengeVersionEntity, SubmissionEntity, type FlagRegion } from '@app/db';
import type { SubmissionFingerprints } from '@app/integrity';
import { DataSource, type EntityManager } from 'typeorm';
import {
  FingerprintCache,
  ScreeningIndexes,
  type IndexEntry,
  type IndexNeighbour,
  type ScreeningIndex,
} from './screening-index.js';
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
const loadIntegrity = (): Promise<IntegrityLibrary> =>
  (integrityLibrary ??= import('@app/integrity').catch((error: unknown) => {
    integrityLibrary = undefined; // the next screening tries again
    throw error;
  }));

/** Challenge versions whose detector a judge keeps (oldest dropped first). */
const DETECTOR_CACHE_SIZE = 64;

interface VersionDetector {
  challengeId: string;
  detector: InstanceType<IntegrityLibrary['SimilarityDetector']>;
}

export type ScreeningOutcome =
  | { status: 'screened'; flags: number }
  | { status: 'skipped'; reason: 'not_found' | 'not_screenable' | 'superseded' | 'already_screened' };

/** Candidates confirmed against PostgreSQL per round trip at first (then four times as many each time). */
const FIRST_CONFIRMATION_BATCH = 2 * MAX_FLAGS_PER_SUBMISSION;

/**
 * Screens one final code submission against every other submission of its challenge: fingerprints
 * it without the starter code, counts the fingerprints it shares with each indexed submission in the
 * judge's in-memory index of the challenge (never every pair, never a count in SQL), stores the pairs
 * at or above the threshold with the regions they share, then adds it to the index.
 * It flags for review; it never rejects.
 *
 * PostgreSQL holds the index (`screened_submissions`, each row with its fingerprints); each judge keeps a
 * copy per challenge, caught up under the challenge's lock with the rows any judge indexed since, so
 * several judges see each other's submissions exactly as if they counted in SQL.
 */
@Injectable()
export class SimilarityScreener {
  private readonly logger = new Logger(SimilarityScreener.name);
  private readonly detectors = new Map<string, VersionDetector>();
  private readonly indexes = new ScreeningIndexes();
  private readonly fingerprints = new FingerprintCache();

  constructor(
    private readonly dataSource: DataSource,
    private readonly screenings: ScreeningRepository,
  ) {}

  /**
   * Loads the detector library ahead of the first screening. Loading it (TypeScript's parser) holds the event
   * loop for about 0.6 s, which stalled the submission being judged at that moment by as much; a judge that
   * loads it just after it started (`main.ts`) does so with most likely nothing in hand. The judge is ready,
   * and takes jobs, before it.
   */
  preload(): void {
    loadIntegrity().catch((error: unknown) =>
      this.logger.warn(`the detector library did not load: ${String(error)}; screenings will try again`),
    );
  }

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

  /** Reads into `index` (and the fingerprint cache) the challenge's submissions indexed since the last one it holds. */
  private async catchUp(
    manager: EntityManager,
    index: ScreeningIndex,
    challengeId: string,
    decodeFingerprints: IntegrityLibrary['decodeFingerprints'],
  ): Promise<void> {
    const rows = await this.screenings.indexedSince(manager, challengeId, index.lastSequence);
    index.apply(
      rows.map((row) => {
        const fingerprints = decodeFingerprints(row.fingerprints);
        this.fingerprints.set(row.submissionId, fingerprints);
        return {
          submissionId: row.submissionId,
          sessionId: row.sessionId,
          organizationId: row.organizationId,
          sequence: row.sequence,
          distinct: fingerprints.distinct,
        };
      }),
    );
  }

  /**
   * The first MAX_FLAGS_PER_SUBMISSION of `ranked` (most similar first) that PostgreSQL still indexes
   * and allows comparing (another organisation's setting may forbid it); and those it no longer indexes
   * (another judge removed them), for this judge to forget. Asks about a few more than it needs, then
   * about more only if some were not confirmed.
   */
  private async confirm<T extends { neighbour: IndexNeighbour }>(
    manager: EntityManager,
    ranked: T[],
    organizationId: string,
  ): Promise<{ chosen: T[]; gone: IndexEntry[] }> {
    const chosen: T[] = [];
    const gone: IndexEntry[] = [];
    let batch = FIRST_CONFIRMATION_BATCH;
    for (let from = 0; from < ranked.length && chosen.length < MAX_FLAGS_PER_SUBMISSION; from += batch, batch *= 4) {
      const candidates = ranked.slice(from, from + batch);
      const rows = await this.screenings.confirmNeighbours(manager, {
        submissionIds: candidates.map(({ neighbour }) => neighbour.submission.submissionId),
        organizationId,
      });
      const confirmed = new Map(rows.map((row) => [row.submissionId, row]));
      for (const candidate of candidates) {
        const row = confirmed.get(candidate.neighbour.submission.submissionId);
        if (!row?.indexed) gone.push(candidate.neighbour.submission);
        else if (row.allowed && chosen.length < MAX_FLAGS_PER_SUBMISSION) chosen.push(candidate);
      }
    }
    return { chosen, gone };
  }

  /** The decoded fingerprints of indexed submissions, from the cache or else from PostgreSQL. */
  private async fingerprintsOf(
    manager: EntityManager,
    submissionIds: string[],
    decodeFingerprints: IntegrityLibrary['decodeFingerprints'],
  ): Promise<Map<string, SubmissionFingerprints>> {
    const found = new Map<string, SubmissionFingerprints>();
    const missing: string[] = [];
    for (const id of submissionIds) {
      const cached = this.fingerprints.get(id);
      if (cached) found.set(id, cached);
      else missing.push(id);
    }
    for (const [id, bytes] of await this.screenings.storedFingerprints(manager, missing)) {
      const fingerprints = decodeFingerprints(bytes);
      this.fingerprints.set(id, fingerprints);
      found.set(id, fingerprints);
    }
    return found;
  }

  async screen(submissionId: string): Promise<ScreeningOutcome> {
    const submission = await this.dataSource.getRepository(SubmissionEntity).findOneBy({ id: submissionId });
    if (!submission) return { status: 'skipped', reason: 'not_found' };
    if (submission.kind !== 'final' || !submission.code || !SCREENED_LANGUAGES.has(submission.language ?? '')) {
      return { status: 'skipped', reason: 'not_screenable' };
    }
    const integrity = await loadIntegrity();
    const { SimilarityDetector, decodeFingerprints, encodeFingerprints, matchedRegions, similarityFromShared } =
      integrity;
    const { challengeId, detector } = await this.detectorOf(submission.challengeVersionId, SimilarityDetector);
    // The expensive part (parsing and hashing) happens before any lock is taken.
    const fingerprints = detector.fingerprint(submission.code);
    const index = this.indexes.of(challengeId, () => new integrity.CompactFingerprintIndex());
    // A judge meeting the challenge for the first time reads its index before taking the lock, not while holding it.
    if (index.lastSequence === 0) await this.catchUp(this.dataSource.manager, index, challengeId, decodeFingerprints);

    const result = await this.dataSource.transaction(async (manager) => {
      // One screening at a time per challenge: two submissions screened at once would each miss the other.
      await this.screenings.lockChallenge(manager, challengeId);
      const claim = await this.screenings.claim(manager, submission);
      if (claim.status !== 'claimed') return { outcome: { status: 'skipped', reason: claim.status } as const };
      // What other judges (or this one, concurrently) indexed before the lock was ours.
      await this.catchUp(manager, index, challengeId, decodeFingerprints);

      const parameters = detector.parameters;
      const ranked = index
        .neighbours(fingerprints.distinct, {
          minShared: parameters.minSharedFingerprints,
          sessionId: submission.sessionId,
          organizationId: submission.organizationId,
          crossOrganization: claim.crossOrganization,
        })
        .map((neighbour) => ({
          neighbour,
          similarity: similarityFromShared(
            neighbour.shared,
            fingerprints.distinct.length,
            neighbour.submission.fingerprintCount,
          ),
        }))
        .filter(({ similarity }) => similarity.score >= parameters.threshold)
        .sort(
          (x, y) =>
            y.similarity.score - x.similarity.score ||
            y.similarity.shared - x.similarity.shared ||
            x.neighbour.submission.sequence - y.neighbour.submission.sequence,
        );
      const { chosen, gone } = await this.confirm(manager, ranked, submission.organizationId);
      // Regions come from the stored fingerprints of the other side: tokenizing its code again would cost more.
      const theirs = await this.fingerprintsOf(
        manager,
        chosen.map(({ neighbour }) => neighbour.submission.submissionId),
        decodeFingerprints,
      );
      const sequence = await this.screenings.index(manager, {
        submission,
        challengeId,
        fingerprintCount: fingerprints.distinct.length,
        truncated: fingerprints.truncated,
        fingerprints: encodeFingerprints(fingerprints),
        flags: chosen.map(({ neighbour: { submission: other }, similarity }) => {
          const otherFingerprints = theirs.get(other.submissionId);
          return {
            challengeId,
            submissionAId: submission.id,
            submissionBId: other.submissionId,
            sessionAId: submission.sessionId,
            sessionBId: other.sessionId,
            organizationAId: submission.organizationId,
            organizationBId: other.organizationId,
            score: similarity.score,
            sharedFingerprints: similarity.shared,
            coverageA: similarity.coverageA,
            coverageB: similarity.coverageB,
            threshold: parameters.threshold,
            regions: otherFingerprints
              ? matchedRegions(fingerprints, otherFingerprints).map(({ a, b, fingerprints: count }): FlagRegion => ({
                  a,
                  b,
                  fingerprints: count,
                }))
              : [],
          };
        }),
      });
      return {
        outcome: { status: 'screened', flags: chosen.length } as const,
        indexed: { removed: claim.removed, gone, sequence },
      };
    });
    // The judge's copy changes only once PostgreSQL's has: a screening rolled back leaves both as they were.
    if (result.indexed) {
      const { removed, gone, sequence } = result.indexed;
      for (const earlier of [...removed, ...gone]) index.remove(earlier.submissionId, earlier.sequence);
      this.fingerprints.set(submission.id, fingerprints);
      index.apply([
        {
          submissionId: submission.id,
          sessionId: submission.sessionId,
          organizationId: submission.organizationId,
          sequence,
          distinct: fingerprints.distinct,
        },
      ]);
    }
    const { outcome } = result;
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
