import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { createDataSource } from '@app/db';
import {
  HttpClient,
  createTestDatabase,
  newMember,
  newOrganization,
  seedChallenge,
  startTestApi,
  type RunningTestApi,
  type SignedInStaff,
  type TestDatabase,
} from '@app/testing';
import { join } from 'node:path';
import type { DataSource } from 'typeorm';
import { createApiApplication } from '../apps/api/src/api.application.js';
import { SimilarityScreener } from '../apps/judge/src/integrity/similarity-screener.service.js';
import { readIntegrityCorpus, type CorpusEntry } from '../libs/integrity/src/evaluation/integrity-corpus.js';
import { startTestJudge } from './support/test-judge.js';

/** One problem of the labelled corpus: an original, six disguised copies, three independent solutions. */
const problem = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus')).find(
  (candidate) => candidate.id === 'hash-ring',
)!;
const original = problem.entries.find((entry) => entry.author === 'original' && !entry.disguise)!;
const copies = problem.entries.filter((entry) => entry.disguise);
const independents = problem.entries.filter((entry) => entry.author !== 'original');

interface Candidate {
  label: string;
  token: string;
  sessionId: string;
  itemId: string;
}

const languageOf = (entry: CorpusEntry) => (entry.file.includes('.ts.') ? 'typescript' : 'javascript');

describe('integrity: similarity screening, activity timeline and review marks', () => {
  let database: TestDatabase;
  let dataSource: DataSource;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let api: HttpClient;
  let admin: SignedInStaff;
  let recruiter: SignedInStaff;
  let interviewer: SignedInStaff;
  let otherAdmin: SignedInStaff;
  let assessmentId: string;
  const candidates = new Map<string, Candidate>();

  async function invite(staff: SignedInStaff, assessment: string, label: string): Promise<Candidate> {
    const created = await api.post(
      `/api/v1/assessments/${assessment}/invites`,
      { candidateName: `Candidate ${label}`, candidateEmail: `${label.replace(/[^a-z0-9]/gi, '')}@example.test` },
      { token: staff.accessToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: created.body.token });
    expect(started.status).toBe(201);
    return {
      label,
      token: started.body.sessionToken,
      sessionId: started.body.session.id,
      itemId: started.body.session.items[0].id,
    };
  }

  async function submit(candidate: Candidate, entry: CorpusEntry): Promise<void> {
    const accepted = await api.post(
      `/api/v1/candidate/session/items/${candidate.itemId}/submissions`,
      { language: languageOf(entry), code: entry.source },
      { token: candidate.token },
    );
    expect(accepted.status).toBe(202);
  }

  /** Waits until the judges' screening jobs have indexed `count` submissions. */
  async function screened(count: number): Promise<void> {
    for (let attempt = 0; attempt < 400; attempt++) {
      const [row] = await dataSource.query<{ count: number }[]>(
        'SELECT count(*)::int AS count FROM screened_submissions',
      );
      if (row.count >= count) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    throw new Error(`fewer than ${count} submissions were screened in time`);
  }

  async function assessmentFor(staff: SignedInStaff, title: string): Promise<string> {
    const created = await api.post(
      '/api/v1/assessments',
      { title, durationMinutes: 60, items: [{ challengeSlug: 'hash-ring' }] },
      { token: staff.accessToken },
    );
    expect(created.status).toBe(201);
    return created.body.id;
  }

  beforeAll(async () => {
    database = await createTestDatabase();
    dataSource = await createDataSource(database.url, 2).initialize();
    // A bank challenge with its starter: the starter's code must never count as shared.
    await seedChallenge(dataSource, {
      slug: 'hash-ring',
      definition: { starters: [{ path: 'starter/solution.js', language: 'javascript', content: problem.starter }] },
    });
    running = await startTestApi(createApiApplication, database.url, { AUTH_RATE_LIMIT_PER_MINUTE: '1000' });
    judge = await startTestJudge(database.url, 1);
    api = new HttpClient(running.url);
    admin = await newOrganization(api);
    recruiter = await newMember(api, admin, 'recruiter');
    interviewer = await newMember(api, admin, 'interviewer');
    otherAdmin = await newOrganization(api);
    assessmentId = await assessmentFor(recruiter, 'Hash ring');
    for (const entry of problem.entries) {
      const candidate = await invite(recruiter, assessmentId, entry.file);
      candidates.set(entry.file, candidate);
      await submit(candidate, entry);
    }
    await screened(problem.entries.length);
  });

  afterAll(async () => {
    await judge?.close();
    await running?.close();
    await dataSource?.destroy();
    await database?.drop();
  });

  const report = () => api.get(`/api/v1/assessments/${assessmentId}/integrity`, { token: recruiter.accessToken });
  const pairsOf = (flags: { a: { candidateName: string }; b: { candidateName: string } }[]) =>
    flags.map((flag) => [flag.a.candidateName, flag.b.candidateName].sort().join(' ~ '));
  const nameOf = (entry: CorpusEntry) => `Candidate ${entry.file}`;

  it.each(copies.map((copy) => ({ disguise: copy.disguise!, copy })))(
    'flags a copy disguised by $disguise against the original, through the screening job',
    async ({ copy }) => {
      const { body } = await report();
      expect(pairsOf(body.flags)).toContain([nameOf(original), nameOf(copy)].sort().join(' ~ '));
    },
  );

  it('flags no independent solution of the same problem', async () => {
    const { body } = await report();
    const independentNames = new Set(independents.map(nameOf));
    const involved = body.flags.filter(
      (flag: { a: { candidateName: string }; b: { candidateName: string } }) =>
        independentNames.has(flag.a.candidateName) || independentNames.has(flag.b.candidateName),
    );
    expect(involved).toEqual([]);
  });

  it('gives each flag its evidence: both candidates, score, and matched regions with code excerpts', async () => {
    const { status, body } = await report();
    expect(status).toBe(200);
    const copy = copies.find((entry) => entry.disguise === 'reorder')!;
    const flag = body.flags.find(
      (candidate: { a: { candidateName: string }; b: { candidateName: string } }) =>
        [candidate.a.candidateName, candidate.b.candidateName].sort().join() ===
        [nameOf(original), nameOf(copy)].sort().join(),
    );
    expect(flag).toMatchObject({
      challengeSlug: 'hash-ring',
      score: expect.any(Number),
      threshold: 0.28,
      a: { sameOrganization: true, assessmentId, code: expect.any(String), language: 'javascript' },
      b: { sameOrganization: true, assessmentId, code: expect.any(String) },
    });
    expect(flag.score).toBeGreaterThanOrEqual(0.28);
    expect(flag.regions.length).toBeGreaterThan(0);
    for (const region of flag.regions) {
      const linesA = flag.a.code
        .split('\n')
        .slice(region.a.start - 1, region.a.end)
        .join('\n');
      expect(region.a.excerpt).toBe(linesA);
      expect(region.b.excerpt).toBe(
        flag.b.code
          .split('\n')
          .slice(region.b.start - 1, region.b.end)
          .join('\n'),
      );
      expect(region.fingerprints).toBeGreaterThanOrEqual(3);
    }
    expect(body.sessions.length).toBeGreaterThanOrEqual(problem.entries.length);
  });

  it('does not flag answers that share only the starter code', async () => {
    const starterOnly = { ...original, file: 'starter', source: problem.starter! };
    const first = await invite(recruiter, assessmentId, 'starter-1');
    const second = await invite(recruiter, assessmentId, 'starter-2');
    const [before] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM screened_submissions',
    );
    await submit(first, starterOnly);
    await submit(second, starterOnly);
    await screened(before.count + 2);
    const { body } = await report();
    const names = ['Candidate starter-1', 'Candidate starter-2'];
    expect(
      body.flags.filter(
        (flag: { a: { candidateName: string }; b: { candidateName: string } }) =>
          names.includes(flag.a.candidateName) || names.includes(flag.b.candidateName),
      ),
    ).toEqual([]);
  });

  it('marks the results rows of flagged candidates "integrity review suggested", with reasons', async () => {
    const results = await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: interviewer.accessToken });
    expect(results.status).toBe(200);
    const row = (entry: CorpusEntry) =>
      results.body.find((result: { candidateName: string }) => result.candidateName === nameOf(entry));
    expect(row(original).integrityReview.suggested).toBe(true);
    expect(row(original).integrityReview.reasons).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Final code for hash-ring is \d+ % similar to Candidate copy-/)]),
    );
    for (const entry of independents) expect(row(entry).integrityReview).toEqual({ suggested: false, reasons: [] });
  });

  it('replaces the flags of a submission when the candidate submits again (the last one counts)', async () => {
    const candidate = candidates.get(independents[0].file)!;
    await submit(
      candidate,
      copies.find((entry) => entry.disguise === 'rename-format')!,
    );
    await screened(problem.entries.length); // the earlier one left the index, the new one entered it
    for (let attempt = 0; attempt < 300; attempt++) {
      const [row] = await dataSource.query<{ id: string }[]>(
        `SELECT "submissionId" AS id FROM screened_submissions WHERE "sessionId" = $1`,
        [candidate.sessionId],
      );
      const [latest] = await dataSource.query<{ id: string }[]>(
        `SELECT id FROM submissions WHERE "sessionId" = $1 ORDER BY "createdAt" DESC LIMIT 1`,
        [candidate.sessionId],
      );
      if (row?.id === latest.id) break;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const { body } = await report();
    expect(pairsOf(body.flags)).toContain([nameOf(original), nameOf(independents[0])].sort().join(' ~ '));
    const [{ count }] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM screened_submissions WHERE "sessionId" = $1',
      [candidate.sessionId],
    );
    expect(count).toBe(1);

    // A job that runs again, or late for the earlier submission, changes nothing.
    const [first, second] = await dataSource.query<{ id: string }[]>(
      `SELECT id FROM submissions WHERE "sessionId" = $1 AND kind = 'final' ORDER BY "createdAt"`,
      [candidate.sessionId],
    );
    const screener = judge.get(SimilarityScreener);
    expect(await screener.screen(first.id)).toEqual({ status: 'skipped', reason: 'superseded' });
    expect(await screener.screen(second.id)).toEqual({ status: 'skipped', reason: 'already_screened' });
    expect((await report()).body.flags).toEqual(body.flags);
  });

  it('compares across organisations only when both allow it, and anonymises the other side', async () => {
    expect(
      (
        await api.put(
          '/api/v1/organization/integrity-settings',
          { crossOrganizationScreening: true },
          { token: recruiter.accessToken },
        )
      ).status,
    ).toBe(403);
    for (const staff of [admin, otherAdmin]) {
      const updated = await api.put(
        '/api/v1/organization/integrity-settings',
        { crossOrganizationScreening: true },
        { token: staff.accessToken },
      );
      expect(updated.body).toEqual({ crossOrganizationScreening: true });
    }
    const third = await newOrganization(api); // has not opted in
    const otherAssessment = await assessmentFor(otherAdmin, 'Elsewhere');
    const thirdAssessment = await assessmentFor(third, 'Private');
    const [rows] = await dataSource.query<{ count: number }[]>(
      'SELECT count(*)::int AS count FROM screened_submissions',
    );
    await submit(await invite(otherAdmin, otherAssessment, 'elsewhere'), copies[0]);
    await submit(await invite(third, thirdAssessment, 'private'), copies[0]);
    await screened(rows.count + 2);

    const ours = await report();
    const crossOrg = ours.body.flags.filter((flag: { b: { sameOrganization: boolean } }) => !flag.b.sameOrganization);
    expect(crossOrg.length).toBeGreaterThan(0);
    for (const flag of crossOrg) {
      expect(flag.b).toEqual({ sameOrganization: false });
      for (const region of flag.regions) expect(region.b.excerpt).toBeNull();
    }
    const theirs = await api.get(`/api/v1/assessments/${otherAssessment}/integrity`, {
      token: otherAdmin.accessToken,
    });
    expect(theirs.body.flags.length).toBeGreaterThan(0);
    for (const flag of theirs.body.flags) {
      expect(flag.a.candidateName).toBe('Candidate elsewhere');
      expect(flag.b).toEqual({ sameOrganization: false });
    }
    expect(JSON.stringify(theirs.body)).not.toContain('Candidate original');
    const private_ = await api.get(`/api/v1/assessments/${thirdAssessment}/integrity`, { token: third.accessToken });
    expect(private_.body.flags).toEqual([]);
  });

  describe('authorisation of GET /assessments/:id/integrity', () => {
    it('allows recruiters, interviewers and admins of the organisation', async () => {
      for (const staff of [recruiter, interviewer, admin]) {
        const response = await api.get(`/api/v1/assessments/${assessmentId}/integrity`, { token: staff.accessToken });
        expect(response.status).toBe(200);
      }
    });

    it('answers 404 to another organisation, 403 to a candidate and 401 without a token', async () => {
      const path = `/api/v1/assessments/${assessmentId}/integrity`;
      expect((await api.get(path, { token: otherAdmin.accessToken })).status).toBe(404);
      const candidate = candidates.get(original.file)!;
      expect((await api.get(path, { token: candidate.token })).status).toBe(403);
      expect((await api.get(path)).status).toBe(401);
      expect((await api.get('/api/v1/assessments/not-a-uuid/integrity', { token: admin.accessToken })).status).toBe(
        404,
      );
    });
  });

  describe('activity timeline', () => {
    let candidate: Candidate;
    let timelineAssessment: string;

    beforeAll(async () => {
      timelineAssessment = await assessmentFor(recruiter, 'Timeline');
      candidate = await invite(recruiter, timelineAssessment, 'timeline');
    });

    const report = (body: unknown, token = candidate.token, itemId = candidate.itemId) =>
      api.post(`/api/v1/candidate/session/items/${itemId}/activity`, body, { token });

    it('tells the candidate what is recorded before they start', async () => {
      const session = await api.get('/api/v1/candidate/session', { token: candidate.token });
      expect(session.body.recording).toEqual({
        recorded: expect.arrayContaining([expect.stringMatching(/^Pastes/), expect.stringMatching(/focus/)]),
        notice: expect.stringMatching(/Nothing is rejected automatically/),
      });
    });

    it('merges snapshots, editor events, runs and submissions in order, with signals and their reasons', async () => {
      const token = candidate.token;
      const draft = (code: string) =>
        api.put(
          `/api/v1/candidate/session/items/${candidate.itemId}/draft`,
          { language: 'javascript', code },
          { token },
        );
      expect((await draft('export class HashRing {}\n')).status).toBe(204);
      await new Promise((resolve) => setTimeout(resolve, 1100));
      const pastedAt = new Date();
      const recorded = await report({
        events: [
          { kind: 'focus_lost', at: new Date(pastedAt.getTime() - 1000).toISOString() },
          { kind: 'focus_returned', at: new Date(pastedAt.getTime() - 500).toISOString() },
          { kind: 'paste', at: pastedAt.toISOString(), length: original.source.length, lines: 40 },
        ],
      });
      expect(recorded.status).toBe(200);
      expect(recorded.body).toEqual({ recorded: 3 });
      await new Promise((resolve) => setTimeout(resolve, 1000)); // the next draft becomes a new snapshot
      expect((await draft(original.source)).status).toBe(204);
      await submit(candidate, original);

      const timeline = await api.get(`/api/v1/sessions/${candidate.sessionId}/timeline`, {
        token: interviewer.accessToken,
      });
      expect(timeline.status).toBe(200);
      const types = timeline.body.entries.map((entry: { type: string }) => entry.type);
      expect(types).toEqual(['snapshot', 'focus_lost', 'focus_returned', 'paste', 'snapshot', 'submission']);
      const times = timeline.body.entries.map((entry: { at: string }) => Date.parse(entry.at));
      expect(times).toEqual([...times].sort((x, y) => x - y));
      expect(timeline.body.entries[2]).toMatchObject({ awayMs: 500 });
      expect(timeline.body.entries[3]).toMatchObject({ length: original.source.length, lines: 40 });
      expect(timeline.body.entries[4]).toMatchObject({
        length: original.source.length,
        delta: original.source.length - 'export class HashRing {}\n'.length,
      });
      expect(timeline.body.entries[5]).toMatchObject({ submissionId: expect.any(String), status: expect.any(String) });
      expect(timeline.body.signals.map((signal: { kind: string }) => signal.kind)).toEqual(
        expect.arrayContaining(['large_paste_early', 'answer_mostly_pasted']),
      );
      expect(timeline.body.signals[0].reason).toMatch(/^Pasted [\d,]+ characters \d+ s after starting this item\.$/);
      expect(timeline.body.integrityReview.suggested).toBe(true);

      const results = await api.get(`/api/v1/assessments/${timelineAssessment}/results`, {
        token: recruiter.accessToken,
      });
      expect(results.body[0].integrityReview).toMatchObject({
        suggested: true,
        reasons: expect.arrayContaining([expect.stringMatching(/^Pasted /)]),
      });
      const integrity = await api.get(`/api/v1/assessments/${timelineAssessment}/integrity`, {
        token: recruiter.accessToken,
      });
      expect(integrity.body.sessions[0].signals.length).toBeGreaterThan(0);
    });

    it('refuses malformed and out-of-bounds events with a 4xx naming the problem', async () => {
      const now = new Date().toISOString();
      const cases: [unknown, number, RegExp][] = [
        [{}, 400, /events/],
        [{ events: [] }, 400, /events must not be empty/],
        [{ events: 'paste' }, 400, /events/],
        [{ events: Array.from({ length: 51 }, () => ({ kind: 'focus_lost', at: now })) }, 400, /at most 50/],
        [{ events: [{ kind: 'copy', at: now }] }, 400, /kind must be one of/],
        [{ events: [{ kind: 'paste', at: 'yesterday', length: 3 }] }, 400, /ISO 8601/],
        [{ events: [{ kind: 'paste', at: now, length: -1 }] }, 400, /length/],
        [{ events: [{ kind: 'paste', at: now, length: 1.5 }] }, 400, /length must be an integer/],
        [{ events: [{ kind: 'paste', at: now, length: 10_000_000 }] }, 400, /length/],
        [{ events: [{ kind: 'paste', at: now, length: 3, clipboard: 'secret' }] }, 400, /clipboard/],
        [{ events: [{ kind: 'paste', at: now }] }, 422, /needs its length/],
        [{ events: [{ kind: 'focus_lost', at: now, length: 3 }] }, 422, /has no length/],
        [{ events: [{ kind: 'paste', at: '2099-01-01T00:00:00Z', length: 3 }] }, 422, /in the future/],
        [{ events: [{ kind: 'paste', at: '2001-01-01T00:00:00Z', length: 3 }] }, 422, /before the session started/],
      ];
      for (const [body, status, message] of cases) {
        const response = await report(body);
        expect({ body, status: response.status, message: response.body.message }).toEqual({
          body,
          status,
          message: expect.stringMatching(message),
        });
      }
      const other = candidates.get(original.file)!;
      expect((await report({ events: [{ kind: 'focus_lost', at: now }] }, candidate.token, other.itemId)).status).toBe(
        404,
      );
      expect((await report({ events: [{ kind: 'focus_lost', at: now }] }, recruiter.accessToken)).status).toBe(403);
    });

    it('rate limits reports per session with a 429 and Retry-After', async () => {
      const limited = await invite(recruiter, timelineAssessment, 'flood');
      const event = { events: [{ kind: 'focus_lost', at: new Date().toISOString() }] };
      const statuses: number[] = [];
      for (let request = 0; request < 62; request++) {
        statuses.push((await report(event, limited.token, limited.itemId)).status);
      }
      expect(statuses.slice(0, 60).every((status) => status === 200)).toBe(true);
      const refused = await report(event, limited.token, limited.itemId);
      expect(refused.status).toBe(429);
      expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    });

    it('is for staff of the organisation only', async () => {
      const path = `/api/v1/sessions/${candidate.sessionId}/timeline`;
      for (const staff of [recruiter, interviewer, admin]) {
        expect((await api.get(path, { token: staff.accessToken })).status).toBe(200);
      }
      expect((await api.get(path, { token: otherAdmin.accessToken })).status).toBe(404);
      expect((await api.get(path, { token: candidate.token })).status).toBe(403);
      expect((await api.get(path)).status).toBe(401);
    });
  });
});
