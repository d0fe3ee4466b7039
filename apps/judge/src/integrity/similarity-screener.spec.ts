import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { createDataSource } from '@app/db';
import { SimilarityDetector } from '@app/integrity';
import { createTestDatabase, type TestDatabase } from '@app/testing';
import { randomBytes, randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { readIntegrityCorpus } from '../../../../libs/integrity/src/evaluation/integrity-corpus.js';
import { SubmissionMutator } from '../../../../libs/integrity/src/evaluation/submission-mutator.js';
import { ScreeningRepository } from './screening.repository.js';
import { SimilarityScreener } from './similarity-screener.service.js';

const corpus = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));
const problem = corpus.find((candidate) => candidate.id === 'lru-cache')!;
const original = problem.entries.find((entry) => entry.author === 'original' && !entry.disguise)!.source;
const copies = problem.entries.filter((entry) => entry.disguise).map((entry) => entry.source);
const independent = problem.entries.find((entry) => entry.author !== 'original')!.source;

/** A challenge version used by an assessment item of an organisation. */
interface ItemFixture {
  organizationId: string;
  assessmentId: string;
  itemId: string;
  versionId: string;
}

interface SubmissionFixture {
  id: string;
  sessionId: string;
}

interface StoredFlag {
  a: string;
  b: string;
  score: number;
  regions: number;
}

/** Judges are screeners with their own memory; one whose index write fails once stands for a crash mid-screening. */
class FailingOnceRepository extends ScreeningRepository {
  failNext = false;

  override async index(...args: Parameters<ScreeningRepository['index']>): Promise<number> {
    if (this.failNext) {
      this.failNext = false;
      throw new Error('the index write failed');
    }
    return super.index(...args);
  }
}

/** Records which indexed submissions a judge asked PostgreSQL about. */
class RecordingRepository extends ScreeningRepository {
  readonly asked: string[][] = [];

  override async confirmNeighbours(...args: Parameters<ScreeningRepository['confirmNeighbours']>) {
    this.asked.push(args[1].submissionIds);
    return super.confirmNeighbours(...args);
  }
}

describe('SimilarityScreener (several judges, one PostgreSQL)', () => {
  let database: TestDatabase;
  let dataSource: DataSource;

  beforeAll(async () => {
    Logger.overrideLogger(false);
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 4).initialize();
  });
  afterAll(async () => {
    await dataSource.destroy();
    await database.drop();
  });

  const newJudge = (repository = new ScreeningRepository()) => new SimilarityScreener(dataSource, repository);

  async function newOrganization(crossOrganizationScreening = false): Promise<string> {
    const [organization] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO organizations (name, slug, "crossOrganizationScreening") VALUES ('Screening', $1, $2) RETURNING id`,
      [`screening-${randomBytes(4).toString('hex')}`, crossOrganizationScreening],
    );
    return organization.id;
  }

  async function newChallengeVersion(): Promise<string> {
    const [challenge] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO challenges (slug, "organizationId") VALUES ($1, NULL) RETURNING id`,
      [`screening-${randomBytes(4).toString('hex')}`],
    );
    const [version] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO challenge_versions ("challengeId", version, "contentHash", type, title, difficulty, competencies,
         "estimatedMinutes", definition)
       VALUES ($1, 1, $2, 'coding', 'LRU cache', 'medium', '{programming}', 30, '{"starters": []}') RETURNING id`,
      [challenge.id, randomBytes(32).toString('hex')],
    );
    return version.id;
  }

  async function newItem(organizationId: string, versionId: string): Promise<ItemFixture> {
    const [assessment] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessments ("organizationId", title, "durationMinutes", "createdById")
       VALUES ($1, 'Screening', 60, $2) RETURNING id`,
      [organizationId, randomUUID()],
    );
    const [item] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO assessment_items ("assessmentId", position, "challengeVersionId") VALUES ($1, 0, $2) RETURNING id`,
      [assessment.id, versionId],
    );
    return { organizationId, assessmentId: assessment.id, itemId: item.id, versionId };
  }

  /** A final submission of a new candidate session, or of `sessionId` again (a resubmission). */
  async function newSubmission(item: ItemFixture, code: string, sessionId?: string): Promise<SubmissionFixture> {
    if (!sessionId) {
      const [invite] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO invites ("assessmentId", "organizationId", "candidateName", "candidateEmail", "tokenHash",
           "expiresAt", "createdById")
         VALUES ($1, $2, 'Candidate', 'candidate@example.test', $3, now() + interval '1 day', $4) RETURNING id`,
        [item.assessmentId, item.organizationId, randomBytes(32).toString('hex'), randomUUID()],
      );
      const [session] = await dataSource.query<{ id: string }[]>(
        `INSERT INTO candidate_sessions ("inviteId", "assessmentId", "organizationId", "startedAt", deadline)
         VALUES ($1, $2, $3, now(), now() + interval '1 hour') RETURNING id`,
        [invite.id, item.assessmentId, item.organizationId],
      );
      sessionId = session.id;
    }
    const [submission] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO submissions ("sessionId", "organizationId", "assessmentItemId", "challengeVersionId", kind, language, code)
       VALUES ($1, $2, $3, $4, 'final', 'javascript', $5) RETURNING id`,
      [sessionId, item.organizationId, item.itemId, item.versionId, code],
    );
    return { id: submission.id, sessionId };
  }

  async function flagsOf(submission: SubmissionFixture): Promise<StoredFlag[]> {
    return dataSource.query<StoredFlag[]>(
      `SELECT "submissionAId" AS a, "submissionBId" AS b, score, jsonb_array_length(regions) AS regions
       FROM similarity_flags WHERE "submissionAId" = $1 ORDER BY "submissionBId"`,
      [submission.id],
    );
  }

  const flaggedWith = async (submission: SubmissionFixture) => (await flagsOf(submission)).map((flag) => flag.b).sort();

  async function screen(judge: SimilarityScreener, submission: SubmissionFixture): Promise<void> {
    expect(await judge.screen(submission.id)).toEqual({ status: 'screened', flags: expect.any(Number) });
  }

  it('flags exactly the pairs, scores and regions of the in-memory detector, whichever of three judges screens each', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const mutator = new SubmissionMutator(
      11,
      corpus.flatMap((other) => other.entries.map((entry) => entry.source)),
    );
    const sources = [
      ...problem.entries.map((entry) => entry.source),
      ...problem.entries.map((entry) => mutator.mutate(entry.source)),
    ];
    const submissions: SubmissionFixture[] = [];
    for (const source of sources) submissions.push(await newSubmission(item, source));
    const judges = [newJudge(), newJudge(), newJudge()];
    for (const [position, submission] of submissions.entries()) await screen(judges[position % 3], submission);

    const detector = new SimilarityDetector();
    const expected = detector
      .flagAll(sources.map((source, position) => ({ id: submissions[position].id, source })))
      .map((flag) => `${flag.a}>${flag.b} ${flag.score.toFixed(4)} ${flag.regions.length}`);
    const stored: string[] = [];
    for (const submission of submissions) {
      for (const flag of await flagsOf(submission))
        stored.push(`${flag.a}>${flag.b} ${flag.score.toFixed(4)} ${flag.regions}`);
    }
    expect(expected.length).toBeGreaterThan(30);
    expect(expected.length).toBeLessThan((sources.length * (sources.length - 1)) / 2);
    expect(stored.sort()).toEqual(expected.sort());
  });

  it('lets each judge see what the others indexed since it last looked, started before or after them', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const first = await newSubmission(item, original);
    const second = await newSubmission(item, copies[0]);
    const third = await newSubmission(item, copies[1]);
    const stranger = await newSubmission(item, independent);
    const fourth = await newSubmission(item, copies[2]);
    const early = newJudge();
    await screen(early, first);
    const late = newJudge(); // starts when another judge has indexed one submission
    await screen(late, second);
    expect(await flaggedWith(second)).toEqual([first.id]);
    await screen(early, third); // early must catch up with what late indexed
    expect(await flaggedWith(third)).toEqual([first.id, second.id].sort());
    await screen(late, stranger);
    expect(await flaggedWith(stranger)).toEqual([]);
    await screen(newJudge(), fourth);
    expect(await flaggedWith(fourth)).toEqual([first.id, second.id, third.id].sort());
  });

  it('misses no pair when screenings run at once, in one judge and across two', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const submissions: SubmissionFixture[] = [];
    for (const source of [original, ...copies]) submissions.push(await newSubmission(item, source));
    const judgeA = newJudge();
    const judgeB = newJudge();
    await Promise.all(
      submissions.map((submission, position) => screen(position % 3 === 0 ? judgeB : judgeA, submission)),
    );

    // Every pair of the original and its copies is flagged once, by whichever of the two was screened later.
    const pairs = new Set<string>();
    for (const submission of submissions) {
      for (const flag of await flagsOf(submission)) pairs.add([flag.a, flag.b].sort().join('~'));
    }
    const expected = new SimilarityDetector()
      .flagAll([original, ...copies].map((source, position) => ({ id: submissions[position].id, source })))
      .map((flag) => [flag.a, flag.b].sort().join('~'));
    expect(expected.length).toBeGreaterThanOrEqual(15);
    expect([...pairs].sort()).toEqual(expected.sort());
  });

  it('forgets what another judge removed: a replaced submission, a deleted one', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const replaced = await newSubmission(item, original);
    const deleted = await newSubmission(item, copies[0]);
    const judgeA = newJudge();
    const judgeBQueries = new RecordingRepository();
    const judgeB = newJudge(judgeBQueries);
    await screen(judgeA, replaced);
    await screen(judgeB, deleted); // both judges now hold both

    // The candidate submits again; judge A screens it and removes the earlier one with its flags.
    const replacement = await newSubmission(item, copies[1], replaced.sessionId);
    await screen(judgeA, replacement);
    expect(await flaggedWith(replacement)).toEqual([deleted.id]);
    expect(await judgeB.screen(replaced.id)).toEqual({ status: 'skipped', reason: 'superseded' });
    // A submission deleted outright (its screening and flags go with it).
    await dataSource.query('DELETE FROM submissions WHERE id = $1', [deleted.id]);

    // Judge B still holds both in memory: it must flag neither, and flag the replacement.
    const later = await newSubmission(item, copies[2]);
    await screen(judgeB, later);
    expect(await flaggedWith(later)).toEqual([replacement.id]);
    expect(judgeBQueries.asked.at(-1)).toEqual(expect.arrayContaining([replaced.id, deleted.id]));
    const again = await newSubmission(item, copies[3]);
    await screen(judgeB, again);
    expect(await flaggedWith(again)).toEqual([replacement.id, later.id].sort());
    // Told they were gone, judge B forgot them.
    expect(judgeBQueries.asked.at(-1)!.sort()).toEqual([replacement.id, later.id].sort());
  });

  it('leaves nothing behind when a screening fails, and screens it on the retry', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const failing = new FailingOnceRepository();
    const judge = newJudge(failing);
    const first = await newSubmission(item, original);
    const copy = await newSubmission(item, copies[0]);
    failing.failNext = true;
    await expect(judge.screen(first.id)).rejects.toThrow('the index write failed');
    const [{ count }] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM screened_submissions WHERE "submissionId" = $1',
      [first.id],
    );
    expect(count).toBe(0);

    await screen(judge, copy);
    expect(await flaggedWith(copy)).toEqual([]);
    await screen(judge, first); // the job's retry
    expect(await flaggedWith(first)).toEqual([copy.id]);
    expect(await newJudge().screen(first.id)).toEqual({ status: 'skipped', reason: 'already_screened' });
  });

  it('compares across organisations only while both allow it, even after the judge read the other’s submissions', async () => {
    const versionId = await newChallengeVersion();
    const ours = await newItem(await newOrganization(true), versionId);
    const theirs = await newItem(await newOrganization(true), versionId);
    const closed = await newItem(await newOrganization(false), versionId);
    const judge = newJudge();
    const theirSubmission = await newSubmission(theirs, original);
    const closedSubmission = await newSubmission(closed, original);
    await screen(judge, theirSubmission);
    await screen(judge, closedSubmission);
    expect(await flaggedWith(closedSubmission)).toEqual([]); // closed allows none

    const first = await newSubmission(ours, copies[0]);
    await screen(judge, first);
    expect(await flaggedWith(first)).toEqual([theirSubmission.id]);

    await dataSource.query('UPDATE organizations SET "crossOrganizationScreening" = false WHERE id = $1', [
      theirs.organizationId,
    ]);
    const second = await newSubmission(ours, copies[1]);
    await screen(judge, second);
    expect(await flaggedWith(second)).toEqual([first.id]);
  });

  it('keeps the MAX_FLAGS_PER_SUBMISSION most similar, looking past neighbours removed since the judge read them', async () => {
    const item = await newItem(await newOrganization(), await newChallengeVersion());
    const mutator = new SubmissionMutator(
      5,
      corpus.flatMap((other) => other.entries.map((entry) => entry.source)),
    );
    const detector = new SimilarityDetector();
    const sources = Array.from({ length: 81 }, () => mutator.mutate(original));
    const cohort: SubmissionFixture[] = [];
    for (const source of sources) cohort.push(await newSubmission(item, source));
    const last = cohort.pop()!;
    const judge = newJudge();
    for (const submission of cohort) await screen(judge, submission);

    // Another judge's work (or an erasure) removes the 40 most similar to the last one: the judge still
    // holds them in memory, and must look past them to the next 25.
    const fingerprints = detector.fingerprint(sources[80]);
    const ranked = cohort
      .map((submission, position) => ({
        submission,
        position,
        similarity: detector.compare(fingerprints, detector.fingerprint(sources[position])),
      }))
      .filter(({ similarity }) => similarity.flagged)
      .sort(
        (x, y) =>
          y.similarity.score - x.similarity.score ||
          y.similarity.shared - x.similarity.shared ||
          x.position - y.position,
      );
    expect(ranked.length).toBeGreaterThan(40 + 25);
    await dataSource.query('DELETE FROM submissions WHERE id = ANY($1)', [
      ranked.slice(0, 40).map(({ submission }) => submission.id),
    ]);
    await screen(judge, last);
    expect(await flaggedWith(last)).toEqual(
      ranked
        .slice(40, 40 + 25)
        .map(({ submission }) => submission.id)
        .sort(),
    );
  });
});
