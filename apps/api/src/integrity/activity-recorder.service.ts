import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { CandidatePrincipal } from '../access/principal.js';
import { CandidateSessionsService } from '../candidate-sessions/candidate-sessions.service.js';
import { DomainException } from '../errors/domain.exception.js';
import type { RecordedActivityDto, ReportActivityDto } from './dto/report-activity.dto.js';
import { IntegrityRepository } from './integrity.repository.js';

/** Events one session may store in all: enough for hours of honest editing, bounded against a flood. */
export const MAX_ACTIVITY_EVENTS_PER_SESSION = 5000;
/** Client clocks drift: a time this far outside the session is refused, anything nearer is kept within it. */
export const MAX_CLOCK_SKEW_MS = 60_000;

/** Records what the candidate's editor reports (pastes, focus changes, large insertions) per item. */
@Injectable()
export class ActivityRecorder {
  constructor(
    private readonly dataSource: DataSource,
    private readonly sessions: CandidateSessionsService,
    private readonly integrity: IntegrityRepository,
  ) {}

  async record(
    candidate: CandidatePrincipal,
    itemId: string,
    input: ReportActivityDto,
    now = new Date(),
  ): Promise<RecordedActivityDto> {
    const { session } = await this.sessions.openItem(candidate, itemId, now);
    const events = input.events.map((event, index) => {
      const field = `events.${index}`;
      const at = new Date(event.at);
      if (Number.isNaN(at.getTime())) {
        throw new DomainException('malformed', 'invalid_event_time', `${field}.at is not a date and time.`);
      }
      if (at.getTime() > now.getTime() + MAX_CLOCK_SKEW_MS) {
        throw new DomainException('invalid', 'event_in_future', `${field}.at is in the future.`);
      }
      if (at.getTime() < session.startedAt.getTime() - MAX_CLOCK_SKEW_MS) {
        throw new DomainException('invalid', 'event_before_session', `${field}.at is before the session started.`);
      }
      const insertion = event.kind === 'paste' || event.kind === 'large_insertion';
      if (insertion && event.length === undefined) {
        throw new DomainException('invalid', 'length_required', `${field}: a ${event.kind} needs its length.`);
      }
      if (!insertion && (event.length !== undefined || event.lines !== undefined)) {
        throw new DomainException('invalid', 'length_not_allowed', `${field}: a ${event.kind} has no length or lines.`);
      }
      const occurredAt = new Date(Math.min(now.getTime(), Math.max(session.startedAt.getTime(), at.getTime())));
      return {
        sessionId: session.id,
        assessmentItemId: itemId,
        kind: event.kind,
        occurredAt,
        receivedAt: now,
        length: insertion ? (event.length ?? null) : null,
        lines: insertion ? (event.lines ?? null) : null,
      };
    });
    await this.dataSource.transaction(async (manager) => {
      await this.integrity.lockSession(manager, session.id);
      const stored = await this.integrity.countActivity(manager, session.id);
      if (stored + events.length > MAX_ACTIVITY_EVENTS_PER_SESSION) {
        throw new DomainException(
          'conflict',
          'activity_log_full',
          `This session has recorded its ${MAX_ACTIVITY_EVENTS_PER_SESSION} activity events; no more are kept.`,
        );
      }
      await this.integrity.insertActivity(manager, events);
    });
    return { recorded: events.length };
  }
}
