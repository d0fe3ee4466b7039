import { ApiError } from './api-error.js';
import type {
  Assessment,
  AuthSession,
  CandidateSession,
  ChallengeFilter,
  ChallengeSummary,
  Comparison,
  DraftBody,
  Invite,
  LineComment,
  LoginInput,
  NewAssessmentInput,
  NewInviteInput,
  NewMemberInput,
  PlaybackSnapshot,
  Review,
  ReviewInput,
  ReviewItem,
  ScoreChange,
  SessionDetail,
  SessionResult,
  SessionSummary,
  SessionTimeline,
  SignupInput,
  StaffUser,
  StartedSession,
  Submission,
  WebhookDelivery,
  WebhookEndpoint,
  WebhookEvent,
} from './api-types.js';
import { toCandidateSession } from './candidate-item.js';
import {
  toComparison,
  toLineComment,
  toReview,
  toReviewBody,
  toSessionDetail,
  toSessionResult,
  toSessionSummary,
  type WireSessionDetail,
  type WireSessionResult,
} from './staff-views.js';
import { HttpTransport, type HttpRequest } from './http-transport.js';
import { StaffSessionStore, type StoredStaffSession } from './staff-session-store.js';

const encode = encodeURIComponent;

function query(params: Record<string, string | undefined>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value) search.set(key, value);
  const text = search.toString();
  return text ? `?${text}` : '';
}

function signedOut(): ApiError {
  return new ApiError(401, 'Your session has ended. Sign in again.', 'signed_out');
}

/** Runs `work` under a lock shared by every tab of the origin when the browser has Web Locks. */
async function underTabLock<T>(name: string, work: () => Promise<T>): Promise<T> {
  const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
  if (!locks) return work();
  return locks.request(name, work);
}

/**
 * Everything a member of staff does against the API. Access tokens are renewed on the fly: a 401
 * triggers one refresh (one per origin at a time) and one retry.
 */
export class StaffApi {
  private refreshing: Promise<StoredStaffSession> | null = null;

  constructor(
    private readonly transport: HttpTransport,
    readonly session: StaffSessionStore,
  ) {}

  // ---- authentication ----

  async signup(input: SignupInput): Promise<StaffUser> {
    const { body } = await this.transport.send<AuthSession>({ method: 'POST', path: '/auth/signup', body: input });
    return this.session.save(body).user;
  }

  async login(input: LoginInput): Promise<StaffUser> {
    const { body } = await this.transport.send<AuthSession>({ method: 'POST', path: '/auth/login', body: input });
    return this.session.save(body).user;
  }

  async logout(): Promise<void> {
    const current = this.session.latest();
    this.session.clear();
    if (current) {
      await this.transport
        .send({ method: 'POST', path: '/auth/logout', body: { refreshToken: current.refreshToken } })
        .catch(() => undefined);
    }
  }

  // ---- members ----

  listMembers(): Promise<StaffUser[]> {
    return this.call({ method: 'GET', path: '/members' });
  }

  addMember(input: NewMemberInput): Promise<StaffUser> {
    return this.call({ method: 'POST', path: '/members', body: input });
  }

  // ---- catalogue and assessments ----

  /** Contract (in progress): the bank's current challenges, filtered on the server. */
  listChallenges(filter: ChallengeFilter = {}): Promise<ChallengeSummary[]> {
    return this.call({ method: 'GET', path: `/challenges${query({ ...filter })}` });
  }

  listAssessments(): Promise<Assessment[]> {
    return this.call({ method: 'GET', path: '/assessments' });
  }

  getAssessment(id: string): Promise<Assessment> {
    return this.call({ method: 'GET', path: `/assessments/${encode(id)}` });
  }

  createAssessment(input: NewAssessmentInput): Promise<Assessment> {
    return this.call({ method: 'POST', path: '/assessments', body: input });
  }

  invite(assessmentId: string, input: NewInviteInput): Promise<Invite> {
    return this.call({ method: 'POST', path: `/assessments/${encode(assessmentId)}/invites`, body: input });
  }

  // ---- review (contract, in progress) ----

  async listSessions(assessmentId: string): Promise<SessionSummary[]> {
    const wire = await this.call<WireSessionResult[]>({
      method: 'GET',
      path: `/assessments/${encode(assessmentId)}/sessions`,
    });
    return wire.map((session) => toSessionSummary(session, assessmentId));
  }

  /** The session with its assessment, which names and orders the items. */
  async getSession(sessionId: string): Promise<SessionDetail> {
    const wire = await this.call<WireSessionDetail>({ method: 'GET', path: `/sessions/${encode(sessionId)}` });
    const assessment = await this.getAssessment(wire.assessmentId).catch((error: unknown) => {
      if (error instanceof ApiError && error.status === 404) return null;
      throw error;
    });
    return toSessionDetail(wire, assessment, this.session.get()?.user.id);
  }

  playback(sessionId: string, itemId: string): Promise<PlaybackSnapshot[]> {
    return this.call({ method: 'GET', path: `/sessions/${encode(sessionId)}/items/${encode(itemId)}/playback` });
  }

  /** Snapshots, editor events, runs and submissions in order, with the integrity signals derived from them. */
  timeline(sessionId: string): Promise<SessionTimeline> {
    return this.call({ method: 'GET', path: `/sessions/${encode(sessionId)}/timeline` });
  }

  async addComment(submissionId: string, comment: { line: number; body: string }): Promise<LineComment> {
    return toLineComment(
      await this.call({ method: 'POST', path: `/submissions/${encode(submissionId)}/comments`, body: comment }),
    );
  }

  /** Saves the caller's review; `items` carry each item's rubric, which the server rates per item. */
  async saveReview(sessionId: string, review: ReviewInput, items: ReviewItem[] = []): Promise<Review> {
    return toReview(
      await this.call({
        method: 'PUT',
        path: `/sessions/${encode(sessionId)}/review`,
        body: toReviewBody(review, items),
      }),
    );
  }

  overrideScore(sessionId: string, itemId: string, input: { score: number; reason: string }): Promise<unknown> {
    return this.call({
      method: 'POST',
      path: `/sessions/${encode(sessionId)}/items/${encode(itemId)}/score-override`,
      body: input,
    });
  }

  /** Every hand change of the session's item scores, oldest first. */
  scoreAudit(sessionId: string): Promise<ScoreChange[]> {
    return this.call({ method: 'GET', path: `/sessions/${encode(sessionId)}/score-audit` });
  }

  // ---- results (contract, in progress) ----

  async results(assessmentId: string): Promise<SessionResult[]> {
    const wire = await this.call<WireSessionResult[]>({
      method: 'GET',
      path: `/assessments/${encode(assessmentId)}/results`,
    });
    return wire.map(toSessionResult);
  }

  resultsCsv(assessmentId: string): Promise<Blob> {
    return this.call({ method: 'GET', path: `/assessments/${encode(assessmentId)}/results.csv`, accept: 'blob' });
  }

  async compare(assessmentId: string, sessionIds: string[]): Promise<Comparison> {
    return toComparison(
      await this.call({
        method: 'GET',
        path: `/assessments/${encode(assessmentId)}/compare${query({ sessions: sessionIds.join(',') })}`,
      }),
    );
  }

  // ---- webhooks (admin) ----

  listWebhooks(): Promise<WebhookEndpoint[]> {
    return this.call({ method: 'GET', path: '/webhooks' });
  }

  /** Registers an endpoint (or updates the one with this URL); a generated secret comes back this once. */
  putWebhook(input: { url: string; events: WebhookEvent[]; description?: string }): Promise<WebhookEndpoint> {
    return this.call({ method: 'PUT', path: '/webhooks', body: input });
  }

  updateWebhook(
    id: string,
    change: { enabled?: boolean; events?: WebhookEvent[]; description?: string | null },
  ): Promise<WebhookEndpoint> {
    return this.call({ method: 'PATCH', path: `/webhooks/${encode(id)}`, body: change });
  }

  rotateWebhookSecret(id: string): Promise<{ secret: string }> {
    return this.call({ method: 'POST', path: `/webhooks/${encode(id)}/secret` });
  }

  webhookDeliveries(id: string): Promise<WebhookDelivery[]> {
    return this.call({ method: 'GET', path: `/webhooks/${encode(id)}/deliveries${query({ limit: '50' })}` });
  }

  /** A valid access token for the socket handshake. */
  async accessToken(): Promise<string> {
    return (await this.usableSession()).accessToken;
  }

  private async call<T>(request: Omit<HttpRequest, 'token'>): Promise<T> {
    const session = await this.usableSession();
    try {
      return (await this.transport.send<T>({ ...request, token: session.accessToken })).body;
    } catch (error) {
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
      const renewed = await this.refresh(session);
      return (await this.transport.send<T>({ ...request, token: renewed.accessToken })).body;
    }
  }

  private async usableSession(): Promise<StoredStaffSession> {
    const session = this.session.latest();
    if (!session) throw signedOut();
    return session.accessExpiresAt > Date.now() ? session : this.refresh(session);
  }

  private refresh(stale: StoredStaffSession): Promise<StoredStaffSession> {
    this.refreshing ??= underTabLock('assay-staff-refresh', async () => {
      const latest = this.session.latest();
      if (!latest) throw signedOut();
      // Another tab renewed the tokens while this one waited for the lock.
      if (latest.accessToken !== stale.accessToken && latest.accessExpiresAt > Date.now()) return latest;
      try {
        const { body } = await this.transport.send<AuthSession>({
          method: 'POST',
          path: '/auth/refresh',
          body: { refreshToken: latest.refreshToken },
        });
        return this.session.save(body);
      } catch (error) {
        if (error instanceof ApiError && (error.status === 401 || error.status === 400 || error.status === 422)) {
          this.session.clear();
          throw signedOut();
        }
        throw error;
      }
    }).finally(() => {
      this.refreshing = null;
    });
    return this.refreshing;
  }
}

/** Everything a candidate does; the session token is all they hold. */
export class CandidateApi {
  constructor(
    private readonly transport: HttpTransport,
    private readonly sessionToken: () => string | null,
  ) {}

  /** Starts the invite's session (201) or resumes it (200) with a new token. */
  async start(inviteToken: string): Promise<StartedSession & { resumed: boolean }> {
    const { status, body } = await this.transport.send<StartedSession>({
      method: 'POST',
      path: '/candidate/sessions',
      body: { inviteToken },
    });
    return { ...body, session: toCandidateSession(body.session), resumed: status === 200 };
  }

  async current(signal?: AbortSignal): Promise<CandidateSession> {
    return toCandidateSession(await this.call({ method: 'GET', path: '/candidate/session', signal }));
  }

  async saveDraft(itemId: string, draft: DraftBody): Promise<void> {
    await this.call({ method: 'PUT', path: `/candidate/session/items/${encode(itemId)}/draft`, body: draft });
  }

  /** Contract (in progress): sample tests only, not scored. */
  run(itemId: string, code: { language: string; code: string }): Promise<{ submissionId: string }> {
    return this.call({ method: 'POST', path: `/candidate/session/items/${encode(itemId)}/runs`, body: code });
  }

  /** Contract (in progress): every test, scored; the last submission counts. */
  submit(itemId: string, body: DraftBody): Promise<{ submissionId: string }> {
    return this.call({ method: 'POST', path: `/candidate/session/items/${encode(itemId)}/submissions`, body });
  }

  /** Editor and window events (pastes, large insertions, focus changes): sizes and times, never content. */
  async reportActivity(itemId: string, events: unknown[]): Promise<void> {
    // Reports are small and may be the page's last words (see the activity reporter): they outlive it.
    await this.call({
      method: 'POST',
      path: `/candidate/session/items/${encode(itemId)}/activity`,
      body: { events },
      keepalive: true,
    });
  }

  submission(submissionId: string, signal?: AbortSignal): Promise<Submission> {
    return this.call({ method: 'GET', path: `/candidate/submissions/${encode(submissionId)}`, signal });
  }

  async finish(): Promise<CandidateSession> {
    return toCandidateSession(await this.call({ method: 'POST', path: '/candidate/session/finish' }));
  }

  private async call<T>(request: Omit<HttpRequest, 'token'>): Promise<T> {
    const token = this.sessionToken();
    if (!token) throw new ApiError(401, 'Open your invite link again to continue.', 'no_session_token');
    return (await this.transport.send<T>({ ...request, token })).body;
  }
}
