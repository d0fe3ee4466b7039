import { Injectable } from '@nestjs/common';
import { liveStream, type LiveEnvelope } from '@app/contracts';
import type { ChallengeVersionEntity, RejudgeEntity, SubmissionEntity } from '@app/db';
import { JudgeQueue, liveEvent, recordAndAnnounceLiveEvents, type NewLiveEvent } from '@app/pipeline';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { DomainException } from '../errors/domain.exception.js';
import { LiveHub } from '../live/live-hub.js';
import type {
  ChallengeVersionSummaryDto,
  CreateRejudgeDto,
  JudgedOutcomeDto,
  RejudgeReportDto,
} from './dto/rejudge.dto.js';
import { RejudgeRepository } from './rejudge.repository.js';

const itemNotFound = () =>
  new DomainException('not_found', 'item_not_found', 'No such item in an assessment of your organisation.');

function outcome(submission: SubmissionEntity): JudgedOutcomeDto {
  return {
    submissionId: submission.id,
    status: submission.status,
    verdict: submission.verdict,
    score: submission.score,
  };
}

/**
 * Re-judging: the last final submission of every candidate for one item is judged again against another
 * version of its challenge (a fixed test, a new dataset). Each gets a `rejudge` submission through the
 * same queue and judge; the originals keep their version, verdict and score, and the report shows
 * which scores would change.
 */
@Injectable()
export class RejudgesService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly rejudges: RejudgeRepository,
    private readonly queue: JudgeQueue,
    private readonly live: LiveHub,
  ) {}

  async versions(staff: StaffPrincipal, assessmentId: string, itemId: string): Promise<ChallengeVersionSummaryDto[]> {
    const item = await this.rejudges.findItem(staff.organizationId, assessmentId, itemId);
    if (!item) throw itemNotFound();
    const challenge = item.challengeVersion!.challenge!;
    return (await this.rejudges.versions(challenge.id)).map((version) =>
      this.summary(version, challenge.currentVersionId, item.challengeVersionId),
    );
  }

  async create(staff: StaffPrincipal, assessmentId: string, input: CreateRejudgeDto): Promise<RejudgeReportDto> {
    const item = await this.rejudges.findItem(staff.organizationId, assessmentId, input.itemId);
    if (!item) throw itemNotFound();
    const versions = await this.rejudges.versions(item.challengeVersion!.challengeId);
    const target = versions.find((version) => version.id === input.versionId);
    if (!target) {
      throw new DomainException(
        'invalid',
        'version_not_of_challenge',
        `versionId: not a version of ${item.challengeVersion!.challenge!.slug}; its versions are ${versions.map((version) => `${version.version} (${version.id})`).join(', ')}.`,
      );
    }
    if (target.verification !== 'verified') {
      throw new DomainException(
        'invalid',
        'unverified_challenges',
        `versionId: version ${target.version} of ${item.challengeVersion!.challenge!.slug} is ${target.verification === 'pending' ? 'still being verified by the judge' : 'rejected by its verification'}; only verified versions can judge.`,
      );
    }
    const queued: NewLiveEvent[] = [];
    let recorded: { envelopes: LiveEnvelope[]; announced: boolean } = { envelopes: [], announced: true };
    const rejudge = await this.dataSource.transaction(async (manager) => {
      const originals = await this.rejudges.lastFinalSubmissions(manager, item.id);
      if (originals.length === 0) {
        throw new DomainException('invalid', 'nothing_to_rejudge', 'No candidate has submitted this item yet.');
      }
      const saved = await this.rejudges.save(manager, {
        organizationId: staff.organizationId,
        assessmentId,
        assessmentItemId: item.id,
        fromVersionId: item.challengeVersionId,
        toVersionId: input.versionId,
        requestedById: staff.userId,
        submissionCount: originals.length,
      });
      for (const original of originals) {
        const created = await this.rejudges.createSubmission(manager, {
          sessionId: original.sessionId,
          organizationId: original.organizationId,
          assessmentItemId: original.assessmentItemId,
          challengeVersionId: input.versionId,
          language: original.language,
          code: original.code,
          answer: original.answer,
          rejudgeOfId: original.id,
          rejudgeId: saved.id,
        });
        await this.queue.enqueue(manager, { submissionId: created.id }, { wakeWith: 'recording' });
        // On the submission's own stream only: the candidate's session stream never hears of it.
        queued.push(
          liveEvent(liveStream.submission(created.id), 'submission.queued', {
            submissionId: created.id,
            sessionId: created.sessionId,
            itemId: created.assessmentItemId,
            kind: 'rejudge',
          }),
        );
      }
      // Every submission's event, and the judges' wake-up, in one statement.
      recorded = await recordAndAnnounceLiveEvents(manager, queued, JudgeQueue.wakeJudges);
      return saved;
    });
    this.live.publish(recorded.envelopes, recorded.announced);
    return this.report(staff, rejudge.id);
  }

  async list(staff: StaffPrincipal, assessmentId: string): Promise<RejudgeReportDto[]> {
    if (!(await this.rejudges.assessmentExists(staff.organizationId, assessmentId)))
      throw new DomainException('not_found', 'assessment_not_found', 'No such assessment.');
    const rejudges = await this.rejudges.listForAssessment(staff.organizationId, assessmentId);
    return Promise.all(rejudges.map((rejudge) => this.build(rejudge)));
  }

  async report(staff: StaffPrincipal, id: string): Promise<RejudgeReportDto> {
    const rejudge = await this.rejudges.find(staff.organizationId, id);
    if (!rejudge) throw new DomainException('not_found', 'rejudge_not_found', 'No such rejudge.');
    return this.build(rejudge);
  }

  private async build(rejudge: RejudgeEntity): Promise<RejudgeReportDto> {
    const item = await this.rejudges.findItem(rejudge.organizationId, rejudge.assessmentId, rejudge.assessmentItemId);
    if (!item) throw itemNotFound();
    const challenge = item.challengeVersion!.challenge!;
    const versions = new Map((await this.rejudges.versions(challenge.id)).map((version) => [version.id, version]));
    const summary = (id: string) =>
      this.summary(versions.get(id)!, challenge.currentVersionId, item.challengeVersionId);
    const submissions = (await this.rejudges.pairs(rejudge.id)).map(({ rejudged, original, name }) => {
      const judged = rejudged.status === 'finished' && original.status === 'finished';
      return {
        sessionId: rejudged.sessionId,
        candidateName: name,
        original: outcome(original),
        rejudged: outcome(rejudged),
        changed: judged ? rejudged.score !== original.score || rejudged.verdict !== original.verdict : null,
        scoreDelta:
          judged && rejudged.score !== null && original.score !== null
            ? Math.round((rejudged.score - original.score) * 100_000) / 100_000
            : null,
      };
    });
    const judged = submissions.filter((submission) => submission.rejudged.status === 'finished').length;
    return {
      id: rejudge.id,
      assessmentId: rejudge.assessmentId,
      itemId: rejudge.assessmentItemId,
      from: summary(rejudge.fromVersionId),
      to: summary(rejudge.toVersionId),
      status: judged === submissions.length ? 'finished' : 'judging',
      total: submissions.length,
      judged,
      changed: submissions.filter((submission) => submission.changed === true).length,
      createdAt: rejudge.createdAt,
      submissions,
    };
  }

  private summary(
    version: Pick<ChallengeVersionEntity, 'id' | 'version' | 'contentHash' | 'createdAt'>,
    currentVersionId: string | null,
    pinnedVersionId: string,
  ): ChallengeVersionSummaryDto {
    return {
      id: version.id,
      version: version.version,
      contentHash: version.contentHash,
      createdAt: version.createdAt,
      current: version.id === currentVersionId,
      pinned: version.id === pinnedVersionId,
    };
  }
}
