import { Injectable } from '@nestjs/common';
import { liveStream, type SubscribeMessage } from '@app/contracts';
import { AssessmentEntity, CandidateSessionEntity, SubmissionEntity } from '@app/db';
import { DataSource } from 'typeorm';
import type { Principal } from '../access/principal.js';

export type StreamDecision = { allowed: true; stream: string } | { allowed: false; code: string; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Submissions whose owner this node remembers without asking the database. */
const REMEMBERED_SUBMISSIONS = 10_000;

interface SubmissionOwner {
  sessionId: string;
  organizationId: string;
  kind: string;
}

/** Who may follow which stream: a candidate only their own session; staff only their organisation. */
@Injectable()
export class LiveAccessService {
  /**
   * Owners of the submissions this node accepted lately (never changing facts): a candidate follows each
   * submission right after sending it, usually through the node that accepted it.
   */
  private readonly owners = new Map<string, SubmissionOwner>();

  constructor(private readonly dataSource: DataSource) {}

  /** Called when this node accepts a submission. */
  accepted(submissionId: string, owner: SubmissionOwner): void {
    this.owners.set(submissionId, owner);
    if (this.owners.size > REMEMBERED_SUBMISSIONS) this.owners.delete(this.owners.keys().next().value!);
  }

  async decide(principal: Principal, message: SubscribeMessage): Promise<StreamDecision> {
    const targets = (['submissionId', 'sessionId', 'assessmentId'] as const).filter(
      (key) => message[key] !== undefined,
    );
    if (targets.length !== 1) {
      return {
        allowed: false,
        code: 'bad_subscription',
        message: 'Send exactly one of submissionId, sessionId, assessmentId.',
      };
    }
    const key = targets[0];
    const id = message[key];
    if (typeof id !== 'string' || !UUID.test(id))
      return { allowed: false, code: 'bad_subscription', message: `${key} must be a UUID.` };
    const denied: StreamDecision = { allowed: false, code: 'not_found', message: 'No such stream, or not yours.' };

    switch (key) {
      case 'submissionId': {
        const submission =
          this.owners.get(id) ??
          (await this.dataSource.getRepository(SubmissionEntity).findOne({
            where: { id },
            select: { id: true, sessionId: true, organizationId: true, kind: true },
          }));
        if (!submission) return denied;
        const mine =
          principal.kind === 'candidate'
            ? submission.sessionId === principal.sessionId && submission.kind !== 'rejudge'
            : submission.organizationId === principal.organizationId;
        return mine ? { allowed: true, stream: liveStream.submission(id) } : denied;
      }
      case 'sessionId': {
        if (principal.kind === 'candidate')
          return id === principal.sessionId ? { allowed: true, stream: liveStream.session(id) } : denied;
        const session = await this.dataSource.getRepository(CandidateSessionEntity).findOne({
          where: { id },
          select: { id: true, organizationId: true },
        });
        return session?.organizationId === principal.organizationId
          ? { allowed: true, stream: liveStream.session(id) }
          : denied;
      }
      case 'assessmentId': {
        if (principal.kind === 'candidate') return denied;
        const assessment = await this.dataSource.getRepository(AssessmentEntity).findOne({
          where: { id },
          select: { id: true, organizationId: true },
        });
        return assessment?.organizationId === principal.organizationId
          ? { allowed: true, stream: liveStream.assessment(id) }
          : denied;
      }
    }
  }
}
