import { Injectable } from '@nestjs/common';
import type { ActivityEventEntity, FlagLineRange, SimilarityFlagEntity } from '@app/db';
import type { StaffPrincipal } from '../access/principal.js';
import { AssessmentRepository } from '../assessments/assessment.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import type {
  FlagSideDto,
  IntegrityReportDto,
  IntegrityReviewMarkDto,
  IntegritySignalDto,
  SimilarityFlagDto,
  TimelineDto,
  TimelineEntryDto,
} from './dto/integrity.dto.js';
import { deriveSignals, type IntegritySignal } from './integrity-signals.js';
import { SessionReviewRepository } from '../reviews/session-review.repository.js';
import { IntegrityRepository, type FlagSide, type SnapshotSize } from './integrity.repository.js';

/** Lines of one side of a matched region shown inline; the whole code is in the flag's sides. */
const MAX_EXCERPT_LINES = 200;

const sessionNotFound = () => new DomainException('not_found', 'session_not_found', 'No such session.');

/** What staff read about how answers were produced: similarity flags, timelines, derived signals. */
@Injectable()
export class IntegrityReviewService {
  constructor(
    private readonly integrity: IntegrityRepository,
    private readonly sessions: SessionReviewRepository,
    private readonly assessments: AssessmentRepository,
  ) {}

  /** Flags with their evidence, and the timeline signals of every session, for one assessment. */
  async report(staff: StaffPrincipal, assessmentId: string): Promise<IntegrityReportDto> {
    const assessment = await this.assessments.findInOrganization(staff.organizationId, assessmentId);
    if (!assessment) throw new DomainException('not_found', 'assessment_not_found', 'No such assessment.');
    const rows = await this.sessions.sessionsOfAssessment(staff.organizationId, assessmentId);
    const sessionIds = rows.map((row) => row.session.id);
    const ours = new Set(sessionIds);
    const flags = await this.integrity.flagsOfSessions(sessionIds);
    const sides = await this.integrity.flagSides(flags.flatMap((flag) => [flag.submissionAId, flag.submissionBId]));
    const challenges = await this.integrity.challengeNames([...new Set(flags.map((flag) => flag.challengeId))]);
    const signals = await this.signalsOf(sessionIds);
    const marks = this.marksOf(staff.organizationId, sessionIds, flags, sides, signals, challenges);

    const flagDtos: SimilarityFlagDto[] = [];
    for (const flag of flags) {
      const oursIsA = ours.has(flag.sessionAId);
      const mine = sides.get(oursIsA ? flag.submissionAId : flag.submissionBId);
      const theirs = sides.get(oursIsA ? flag.submissionBId : flag.submissionAId);
      if (!mine || !theirs) continue;
      const challenge = challenges.get(flag.challengeId);
      flagDtos.push({
        id: flag.id,
        challengeSlug: challenge?.slug ?? '',
        challengeTitle: challenge?.title ?? '',
        score: round(flag.score),
        threshold: round(flag.threshold),
        sharedFingerprints: flag.sharedFingerprints,
        a: sideView(staff.organizationId, mine),
        b: sideView(staff.organizationId, theirs),
        regions: flag.regions.map((region) => {
          const [mineRange, theirsRange] = oursIsA ? [region.a, region.b] : [region.b, region.a];
          return {
            a: { ...mineRange, excerpt: excerpt(mine, staff.organizationId, mineRange) },
            b: { ...theirsRange, excerpt: excerpt(theirs, staff.organizationId, theirsRange) },
            fingerprints: region.fingerprints,
          };
        }),
        flaggedAt: flag.createdAt,
      });
    }
    return {
      assessmentId,
      flags: flagDtos,
      sessions: rows.map((row) => ({
        sessionId: row.session.id,
        candidateName: row.invite.candidateName,
        integrityReview: marks.get(row.session.id) ?? { suggested: false, reasons: [] },
        signals: (signals.get(row.session.id) ?? []).map(signalView),
      })),
    };
  }

  /** Snapshots, client events, runs and submissions of a session in order, with the signals derived from them. */
  async timeline(staff: StaffPrincipal, sessionId: string): Promise<TimelineDto> {
    const row = await this.sessions.session(staff.organizationId, sessionId);
    if (!row) throw sessionNotFound();
    const snapshots = await this.integrity.snapshotSizes([sessionId], true);
    const events = await this.integrity.activityEvents([sessionId]);
    const submissions = await this.integrity.submissions(sessionId);
    const entries: TimelineEntryDto[] = [];

    const previousLength = new Map<string, number>();
    for (const snapshot of snapshots) {
      const before = previousLength.get(snapshot.itemId) ?? 0;
      previousLength.set(snapshot.itemId, snapshot.length);
      entries.push({
        at: snapshot.at,
        type: 'snapshot',
        itemId: snapshot.itemId,
        length: snapshot.length,
        lines: snapshot.lines,
        delta: snapshot.length - before,
      });
    }
    const lostAt = new Map<string, Date>();
    for (const event of events) {
      const entry: TimelineEntryDto = { at: event.occurredAt, type: event.kind, itemId: event.assessmentItemId };
      if (event.length !== null) entry.length = event.length;
      if (event.lines !== null) entry.lines = event.lines;
      if (event.kind === 'focus_lost') lostAt.set(event.assessmentItemId, event.occurredAt);
      if (event.kind === 'focus_returned') {
        const lost = lostAt.get(event.assessmentItemId);
        if (lost) entry.awayMs = event.occurredAt.getTime() - lost.getTime();
        lostAt.delete(event.assessmentItemId);
      }
      entries.push(entry);
    }
    for (const submission of submissions) {
      entries.push({
        at: submission.createdAt,
        type: submission.kind === 'run' ? 'run' : 'submission',
        itemId: submission.itemId,
        submissionId: submission.id,
        length: submission.length,
        status: submission.status,
        verdict: submission.verdict,
        score: submission.score,
      });
    }
    entries.sort((x, y) => x.at.getTime() - y.at.getTime());

    const signals = (await this.signalsOf([sessionId], true)).get(sessionId) ?? [];
    const flags = await this.integrity.flagsOfSessions([sessionId]);
    const sides = await this.integrity.flagSides(flags.flatMap((flag) => [flag.submissionAId, flag.submissionBId]));
    const challenges = await this.integrity.challengeNames([...new Set(flags.map((flag) => flag.challengeId))]);
    const marks = this.marksOf(
      staff.organizationId,
      [sessionId],
      flags,
      sides,
      new Map([[sessionId, signals]]),
      challenges,
    );
    return {
      sessionId,
      candidateName: row.invite.candidateName,
      startedAt: row.session.startedAt,
      deadline: row.session.deadline,
      finishedAt: row.session.finishedAt,
      entries,
      signals: signals.map(signalView),
      integrityReview: marks.get(sessionId) ?? { suggested: false, reasons: [] },
    };
  }

  /** The "integrity review suggested" mark of each session, for the results board. */
  async reviewMarks(organizationId: string, sessionIds: string[]): Promise<Map<string, IntegrityReviewMarkDto>> {
    if (sessionIds.length === 0) return new Map();
    const flags = await this.integrity.flagsOfSessions(sessionIds);
    const sides = await this.integrity.flagSides(flags.flatMap((flag) => [flag.submissionAId, flag.submissionBId]));
    const challenges = await this.integrity.challengeNames([...new Set(flags.map((flag) => flag.challengeId))]);
    const signals = await this.signalsOf(sessionIds);
    return this.marksOf(organizationId, sessionIds, flags, sides, signals, challenges);
  }

  async settings(staff: StaffPrincipal): Promise<{ crossOrganizationScreening: boolean }> {
    return { crossOrganizationScreening: await this.integrity.crossOrganizationScreening(staff.organizationId) };
  }

  async updateSettings(
    staff: StaffPrincipal,
    input: { crossOrganizationScreening: boolean },
  ): Promise<{ crossOrganizationScreening: boolean }> {
    await this.integrity.setCrossOrganizationScreening(staff.organizationId, input.crossOrganizationScreening);
    return this.settings(staff);
  }

  private async signalsOf(sessionIds: string[], precise = false): Promise<Map<string, IntegritySignal[]>> {
    const snapshots = await this.integrity.snapshotSizes(sessionIds, precise);
    const events = await this.integrity.activityEvents(sessionIds);
    const byItem = new Map<
      string,
      { sessionId: string; itemId: string; snapshots: SnapshotSize[]; events: ActivityEventEntity[] }
    >();
    const slot = (sessionId: string, itemId: string) => {
      const key = `${sessionId}/${itemId}`;
      let entry = byItem.get(key);
      if (!entry) byItem.set(key, (entry = { sessionId, itemId, snapshots: [], events: [] }));
      return entry;
    };
    for (const snapshot of snapshots) slot(snapshot.sessionId, snapshot.itemId).snapshots.push(snapshot);
    for (const event of events) slot(event.sessionId, event.assessmentItemId).events.push(event);
    const signals = new Map<string, IntegritySignal[]>();
    for (const item of byItem.values()) {
      const found = deriveSignals({
        itemId: item.itemId,
        snapshots: item.snapshots,
        events: item.events.map((event) => ({ at: event.occurredAt, kind: event.kind, length: event.length })),
      });
      if (found.length > 0) signals.set(item.sessionId, [...(signals.get(item.sessionId) ?? []), ...found]);
    }
    for (const list of signals.values()) list.sort((x, y) => x.at.getTime() - y.at.getTime());
    return signals;
  }

  private marksOf(
    organizationId: string,
    sessionIds: string[],
    flags: SimilarityFlagEntity[],
    sides: Map<string, FlagSide>,
    signals: Map<string, IntegritySignal[]>,
    challenges: Map<string, { slug: string; title: string }>,
  ): Map<string, IntegrityReviewMarkDto> {
    const marks = new Map<string, IntegrityReviewMarkDto>();
    for (const sessionId of sessionIds) {
      const reasons: string[] = [];
      for (const flag of flags) {
        if (flag.sessionAId !== sessionId && flag.sessionBId !== sessionId) continue;
        const other = sides.get(flag.sessionAId === sessionId ? flag.submissionBId : flag.submissionAId);
        const who =
          !other || other.organizationId !== organizationId
            ? 'a submission in another organisation'
            : `${other.candidateName}'s (${other.assessmentTitle})`;
        const challenge = challenges.get(flag.challengeId)?.slug ?? 'a challenge';
        reasons.push(`Final code for ${challenge} is ${Math.round(flag.score * 100)} % similar to ${who}.`);
      }
      for (const signal of signals.get(sessionId) ?? []) reasons.push(signal.reason);
      marks.set(sessionId, { suggested: reasons.length > 0, reasons });
    }
    return marks;
  }
}

function sideView(organizationId: string, side: FlagSide): FlagSideDto {
  if (side.organizationId !== organizationId) return { sameOrganization: false };
  return {
    sameOrganization: true,
    sessionId: side.sessionId,
    submissionId: side.submissionId,
    candidateName: side.candidateName,
    candidateEmail: side.candidateEmail,
    assessmentId: side.assessmentId,
    assessmentTitle: side.assessmentTitle,
    language: side.language,
    submittedAt: side.submittedAt,
    code: side.code ?? '',
  };
}

function excerpt(side: FlagSide, organizationId: string, range: FlagLineRange): string | null {
  if (side.organizationId !== organizationId || side.code === null) return null;
  const end = Math.min(range.end, range.start + MAX_EXCERPT_LINES - 1);
  return side.code
    .split('\n')
    .slice(range.start - 1, end)
    .join('\n');
}

function signalView(signal: IntegritySignal): IntegritySignalDto {
  return { kind: signal.kind, itemId: signal.itemId, at: signal.at, reason: signal.reason };
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
