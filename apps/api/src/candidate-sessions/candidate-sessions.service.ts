import { Injectable } from '@nestjs/common';
import { shuffledOptions } from '@app/challenge-kit';
import { RECORDING_NOTICE, type SessionFinishReason } from '@app/contracts';
import type { CandidateSessionEntity, DraftEntity } from '@app/db';
import {
  itemStatuses,
  recordAndAnnounceLiveEvents,
  sessionEvents,
  sessionUpdatedEvents,
  statusChangeEvents,
  type ItemStatus,
  type NewLiveEvent,
} from '@app/pipeline';
import { DataSource, type EntityManager, QueryFailedError } from 'typeorm';
import { AccessTokenService } from '../access/access-token.service.js';
import type { CandidatePrincipal } from '../access/principal.js';
import { hashInviteToken } from '../assessments/assessments.service.js';
import { DomainException } from '../errors/domain.exception.js';
import { BackgroundJobs } from '../jobs/background-jobs.js';
import { SESSION_DEADLINE_QUEUE } from '../jobs/jobs.module.js';
import { LiveHub } from '../live/live-hub.js';
import { WebhookOutbox } from '../webhooks/webhook-outbox.js';
import { CandidateSessionRepository, type OpenedItem } from './candidate-session.repository.js';
import type { CandidateSessionDto, SaveDraftDto, StartedSessionDto } from './dto/candidate-session.dto.js';

/** A session token outlives the deadline a little, so that a last autosave still gets a clear 409. */
const TOKEN_GRACE_SECONDS = 300;

const inviteNotFound = () => new DomainException('not_found', 'invite_not_found', 'This invite link is not valid.');
const sessionFinished = () =>
  new DomainException(
    'conflict',
    'session_finished',
    'This assessment is finished: its time is up or it was submitted.',
  );

@Injectable()
export class CandidateSessionsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: CandidateSessionRepository,
    private readonly tokens: AccessTokenService,
    private readonly live: LiveHub,
    private readonly jobs: BackgroundJobs,
    private readonly outbox: WebhookOutbox,
  ) {}

  /** Starts the invite's one session, or resumes it with a new token while time is left. */
  async start(inviteToken: string, now = new Date()): Promise<{ resumed: boolean; started: StartedSessionDto }> {
    const invite = await this.sessions.findInviteByHash(hashInviteToken(inviteToken));
    if (!invite) throw inviteNotFound();
    let session = await this.sessions.findByInvite(invite.id);
    let resumed = session !== null;
    if (!session) {
      if (invite.expiresAt.getTime() <= now.getTime()) {
        throw new DomainException(
          'gone',
          'invite_expired',
          'This invite has expired. Ask the recruiter for a new one.',
        );
      }
      const assessment = await this.sessions.assessmentWithItems(invite.assessmentId);
      if (!assessment) throw inviteNotFound();
      session =
        (await this.startSession({
          inviteId: invite.id,
          assessmentId: invite.assessmentId,
          organizationId: invite.organizationId,
          startedAt: now,
          deadline: new Date(now.getTime() + assessment.durationMinutes * 60_000),
        })) ?? (await this.sessions.findByInvite(invite.id));
      if (!session) throw inviteNotFound();
      resumed = session.startedAt.getTime() !== now.getTime();
    }
    session = await this.finishIfOverdue(session, now);
    if (session.status === 'finished') throw sessionFinished();
    // Started or resumed: watchers see the clock and where each item stands.
    const sessionId = session.id;
    await this.recording(session, (manager) => sessionUpdatedEvents(manager, sessionId, now));
    const sessionToken = await this.tokens.signCandidate(
      { kind: 'candidate', sessionId: session.id, organizationId: session.organizationId },
      (session.deadline.getTime() - now.getTime()) / 1000 + TOKEN_GRACE_SECONDS,
    );
    return { resumed, started: { sessionToken, session: await this.view(session, now) } };
  }

  async current(candidate: CandidatePrincipal, now = new Date()): Promise<CandidateSessionDto> {
    const session = await this.finishIfOverdue(await this.load(candidate), now);
    return this.view(session, now);
  }

  /**
   * The candidate's open session and one of its items, or the reason why not: finished (409) or
   * not an item of theirs (404). Everything a candidate sends goes through here.
   */
  async openItem(
    candidate: CandidatePrincipal,
    itemId: string,
    now = new Date(),
    options: { statuses?: boolean } = {},
  ): Promise<{ session: CandidateSessionEntity; item: OpenedItem; statuses?: ItemStatus[] }> {
    const found = await this.sessions.sessionWithItem(candidate.sessionId, itemId, options);
    if (!found) throw new DomainException('not_found', 'session_not_found', 'No such session.');
    const session = await this.finishIfOverdue(found.session, now);
    if (session.status === 'finished') throw sessionFinished();
    if (!found.item) throw new DomainException('not_found', 'item_not_found', 'No such item in your assessment.');
    return { session, item: found.item, statuses: found.statuses };
  }

  async saveDraft(candidate: CandidatePrincipal, itemId: string, input: SaveDraftDto, now = new Date()): Promise<void> {
    // Where the items stand: the first autosave of an item changes its status, and watchers are told.
    const { session, statuses = [] } = await this.openItem(candidate, itemId, now, { statuses: true });
    const draft = {
      sessionId: session.id,
      assessmentItemId: itemId,
      language: input.answer === undefined ? (input.language ?? null) : null,
      code: input.answer === undefined ? (input.code ?? null) : null,
      answer: input.answer ?? null,
    };
    const events = sessionEvents(session, 'draft.updated', {
      sessionId: session.id,
      itemId,
      language: draft.language,
      code: draft.code,
      answer: draft.answer,
      at: now.toISOString(),
    });
    events.push(...statusChangeEvents(session, statuses, itemId, 'draft_saved', now));
    // The draft, its playback snapshot and its events: one statement.
    const { envelopes, announced } = await recordAndAnnounceLiveEvents(
      this.dataSource.manager,
      events,
      CandidateSessionRepository.savingDraft(draft, now),
    );
    this.live.publishSessionEvents(session.assessmentId, envelopes, announced);
  }

  async finish(candidate: CandidatePrincipal, now = new Date()): Promise<CandidateSessionDto> {
    const session = await this.openSession(candidate, now);
    await this.recording(session, (manager) => this.finishAndRecord(manager, session, now, 'submitted'));
    return this.current(candidate, now);
  }

  /** The deadline job's work: finishes a session nobody finished, at its deadline. */
  async finishAtDeadline(sessionId: string, now = new Date()): Promise<void> {
    const session = await this.sessions.findById(sessionId);
    if (session) await this.finishIfOverdue(session, now);
  }

  /**
   * Finishes the session if it is still in progress, with the organisation's `session.completed` webhook
   * in the same transaction, and returns the events to record with it (`session.finished` then
   * `session.updated`); none when another request finished it first.
   */
  async finishAndRecord(
    manager: EntityManager,
    session: CandidateSessionEntity,
    at: Date,
    reason: SessionFinishReason,
  ): Promise<NewLiveEvent[]> {
    if (!(await this.sessions.finish(manager, session.id, at))) return [];
    const invite = await this.sessions.findInviteById(session.inviteId);
    await this.outbox.emit(manager, session.organizationId, 'session.completed', {
      sessionId: session.id,
      assessmentId: session.assessmentId,
      candidateName: invite?.candidateName ?? '',
      candidateEmail: invite?.candidateEmail ?? '',
      startedAt: session.startedAt.toISOString(),
      finishedAt: at.toISOString(),
      reason,
    });
    return [
      ...sessionEvents(session, 'session.finished', { sessionId: session.id, finishedAt: at.toISOString(), reason }),
      ...(await sessionUpdatedEvents(manager, session.id, at)),
    ];
  }

  /**
   * Runs `work` in a transaction that ends by recording the session events it returns (one statement,
   * which also announces them to every API node), then publishes them and their assessment copies.
   */
  async recording(
    session: Pick<CandidateSessionEntity, 'assessmentId'>,
    work: (manager: EntityManager) => Promise<NewLiveEvent[]>,
  ): Promise<void> {
    const { envelopes, announced } = await this.dataSource.transaction(async (manager) =>
      recordAndAnnounceLiveEvents(manager, await work(manager)),
    );
    this.live.publishSessionEvents(session.assessmentId, envelopes, announced);
  }

  /**
   * Starts the session with the job that finishes it at its deadline, in one transaction. Undefined
   * when a concurrent request started it first (one session per invite, enforced by the database).
   */
  private async startSession(
    session: Pick<CandidateSessionEntity, 'inviteId' | 'assessmentId' | 'organizationId' | 'startedAt' | 'deadline'>,
  ): Promise<CandidateSessionEntity | undefined> {
    try {
      return await this.dataSource.transaction(async (manager) => {
        const started = await this.sessions.start(manager, session);
        await this.jobs.send(
          manager,
          SESSION_DEADLINE_QUEUE,
          { sessionId: started.id },
          { startAfter: started.deadline },
        );
        return started;
      });
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === '23505')
        return undefined;
      throw error;
    }
  }

  private async load(candidate: CandidatePrincipal): Promise<CandidateSessionEntity> {
    const session = await this.sessions.findById(candidate.sessionId);
    if (!session) throw new DomainException('not_found', 'session_not_found', 'No such session.');
    return session;
  }

  /** The server's clock decides: past the deadline nothing more is accepted. */
  private async openSession(candidate: CandidatePrincipal, now: Date): Promise<CandidateSessionEntity> {
    const session = await this.finishIfOverdue(await this.load(candidate), now);
    if (session.status === 'finished') throw sessionFinished();
    return session;
  }

  private async finishIfOverdue(session: CandidateSessionEntity, now: Date): Promise<CandidateSessionEntity> {
    if (session.status === 'in_progress' && session.deadline.getTime() <= now.getTime()) {
      await this.recording(session, (manager) => this.finishAndRecord(manager, session, session.deadline, 'time_up'));
      return { ...session, status: 'finished', finishedAt: session.deadline };
    }
    return session;
  }

  private async view(session: CandidateSessionEntity, now: Date): Promise<CandidateSessionDto> {
    const assessment = await this.sessions.assessmentWithItems(session.assessmentId);
    const drafts = new Map((await this.sessions.drafts(session.id)).map((draft) => [draft.assessmentItemId, draft]));
    const statuses = new Map(
      (await itemStatuses(this.dataSource.manager, session.id, session.assessmentId)).map((item) => [
        item.id,
        item.status,
      ]),
    );
    return {
      id: session.id,
      status: session.status,
      startedAt: session.startedAt,
      deadline: session.deadline,
      remainingSeconds:
        session.status === 'finished'
          ? 0
          : Math.max(0, Math.floor((session.deadline.getTime() - now.getTime()) / 1000)),
      items: (assessment?.items ?? []).map((item) => ({
        id: item.id,
        position: item.position,
        challengeSlug: item.challengeVersion!.challenge!.slug,
        type: item.challengeVersion!.type,
        title: item.challengeVersion!.title,
        status: statuses.get(item.id) ?? 'not_started',
        content: candidateContent(item.challengeVersion!.publicView, session.id),
        draft: draftView(drafts.get(item.id)),
      })),
      recording: { recorded: [...RECORDING_NOTICE.recorded], notice: RECORDING_NOTICE.notice },
    };
  }
}

/**
 * The public view as this candidate sees it: quiz options in an order of their own (deterministic per
 * session, so a reload shows the same order) where the question allows it.
 */
export function candidateContent(publicView: Record<string, unknown>, sessionId: string): Record<string, unknown> {
  const material = publicView.material as { questions?: unknown } | undefined;
  if (publicView.type !== 'quiz' || !Array.isArray(material?.questions)) return publicView;
  const questions = (material.questions as Record<string, unknown>[]).map((question) => {
    const options = question.options as { id: string; text: string }[] | undefined;
    if (question.shuffleOptions !== true || !Array.isArray(options)) return question;
    return { ...question, options: shuffledOptions(sessionId, String(question.id), options) };
  });
  return { ...publicView, material: { ...material, questions } };
}

function draftView(draft: DraftEntity | undefined) {
  return draft
    ? { language: draft.language, code: draft.code, answer: draft.answer, updatedAt: draft.updatedAt }
    : null;
}
