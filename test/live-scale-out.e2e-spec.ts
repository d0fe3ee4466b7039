import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { LiveEnvelope } from '@app/contracts';
import { createDataSource } from '@app/db';
import { HttpClient, newMember, newOrganization, seedChallenge } from '@app/testing';
import type { DataSource } from 'typeorm';
import { LiveTestClient } from './support/live-client.js';
import { PlatformProcess, ThrowAwayPostgres, newJwtSecret, waitUntil } from './support/platform-processes.js';
import { twoSumDefinition } from './support/two-sum.challenge.js';

/** Right, and busy for a few milliseconds per test, so that both judges get a share. */
const SOLUTION = `export function twoSum(nums, target) {
  let x = 0;
  for (let i = 0; i < 300000; i++) x = (x + i) % 7;
  const seen = new Map();
  for (let i = 0; i < nums.length; i++) {
    const j = seen.get(target - nums[i]);
    if (j !== undefined) return [j, i + x * 0];
    seen.set(nums[i], i);
  }
  return [];
}`;

/** Every event of a submission's stream, once, in order, ending with its one final verdict. */
function expectCompleteSubmission(events: LiveEnvelope[], submissionId: string): void {
  const seqs = events.map((e) => e.seq);
  expect({ submissionId, seqs }).toEqual({ submissionId, seqs: seqs.map((_, i) => i + 1) });
  const types = events.map((e) => e.type);
  expect(types[0]).toBe('submission.queued');
  expect(types.filter((t) => t === 'submission.finished')).toHaveLength(1);
  expect(types.at(-1)).toBe('submission.finished');
  expect(events.at(-1)!.payload).toMatchObject({ verdict: 'ACCEPTED', score: 1 });
}

/** The events of one stream as seen over several connections (before and after a reconnect). */
function contiguous(events: LiveEnvelope[]): void {
  const seqs = events.map((e) => e.seq);
  expect(seqs).toEqual(seqs.map((_, i) => i + 1));
}

describe('live pipeline across processes: two API nodes, two judges, an API restart, a PostgreSQL outage', () => {
  const secret = newJwtSecret();
  let postgres: ThrowAwayPostgres;
  let dataSource: DataSource;
  let apiA: PlatformProcess;
  let apiB: PlatformProcess;
  const judges: PlatformProcess[] = [];
  let sessionToken: string;
  let sessionId: string;
  let itemId: string;
  let interviewerToken: string;
  const clients: LiveTestClient[] = [];

  const submit = (node: PlatformProcess) =>
    new HttpClient(node.url).post<{ submissionId: string }>(
      `/api/v1/candidate/session/items/${itemId}/submissions`,
      { language: 'javascript', code: SOLUTION },
      { token: sessionToken },
    );

  const connect = async (node: PlatformProcess, token: string) => {
    const client = await LiveTestClient.connect(node.url, token);
    clients.push(client);
    return client;
  };

  const finishedIn = (client: LiveTestClient, stream: string) =>
    new Set(
      client
        .stream(stream)
        .filter((e) => e.type === 'submission.finished')
        .map((e) => (e.payload as { submissionId: string }).submissionId),
    );

  const waitForAll = (client: LiveTestClient, stream: string, ids: string[], timeoutMs = 60_000) =>
    waitUntil(
      `${ids.length} verdicts on ${stream}`,
      () => {
        const seen = finishedIn(client, stream);
        return ids.every((id) => seen.has(id)) ? true : undefined;
      },
      timeoutMs,
    );

  /** In the database: each of these submissions finished, with exactly one final event. */
  const expectFinishedOnce = async (ids: string[]) => {
    const rows = await dataSource.query<{ id: string; status: string; verdict: string; finals: string }[]>(
      `SELECT s.id, s.status, s.verdict,
         (SELECT count(*) FROM live_events e
          WHERE e.stream = 'submission:' || s.id AND e.type = 'submission.finished') AS finals
       FROM submissions s WHERE s.id = ANY($1)`,
      [ids],
    );
    expect(rows).toHaveLength(ids.length);
    for (const row of rows) expect(row).toMatchObject({ status: 'finished', verdict: 'ACCEPTED', finals: '1' });
  };

  beforeAll(async () => {
    postgres = await ThrowAwayPostgres.start();
    dataSource = await createDataSource(postgres.url, 2).initialize();
    await seedChallenge(dataSource, { slug: 'two-sum', definition: twoSumDefinition(4) });
    [apiA, apiB] = await Promise.all([
      PlatformProcess.api(postgres.url, secret),
      PlatformProcess.api(postgres.url, secret),
    ]);
    judges.push(...(await Promise.all([PlatformProcess.judge(postgres.url), PlatformProcess.judge(postgres.url)])));
    const api = new HttpClient(apiA.url);
    const admin = await newOrganization(api);
    const recruiter = await newMember(api, admin, 'recruiter');
    interviewerToken = (await newMember(api, admin, 'interviewer')).accessToken;
    const assessment = await api.post(
      '/api/v1/assessments',
      { title: 'Scale-out', durationMinutes: 120, items: [{ challengeSlug: 'two-sum' }] },
      { token: recruiter.accessToken },
    );
    const invite = await api.post(
      `/api/v1/assessments/${assessment.body.id}/invites`,
      { candidateName: 'C', candidateEmail: 'c@example.test' },
      { token: recruiter.accessToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    sessionToken = started.body.sessionToken;
    sessionId = started.body.session.id;
    itemId = started.body.session.items[0].id;
  }, 120_000);

  afterAll(async () => {
    for (const client of clients) client.close();
    await Promise.all([apiA, apiB, ...judges].map((node) => node?.kill()));
    await dataSource?.destroy();
    await postgres?.destroy();
  });

  it('delivers every event of submissions judged by either judge to clients on either API node', async () => {
    const candidate = await connect(apiA, sessionToken);
    const interviewer = await connect(apiB, interviewerToken);
    const sessionStream = `session:${sessionId}`;
    await candidate.subscribe({ sessionId });
    await interviewer.subscribe({ sessionId });

    // All at once, half through each node: the queue holds more than one judge can take.
    const responses = await Promise.all(Array.from({ length: 10 }, (_, i) => submit(i % 2 === 0 ? apiA : apiB)));
    const ids: string[] = [];
    for (const accepted of responses) {
      expect(accepted.status).toBe(202);
      ids.push(accepted.body.submissionId);
      await candidate.subscribe({ submissionId: accepted.body.submissionId, afterSeq: 0 });
      await interviewer.subscribe({ submissionId: accepted.body.submissionId, afterSeq: 0 });
    }
    for (const id of ids) {
      await candidate.waitFor((e) => e.stream === `submission:${id}` && e.type === 'submission.finished', 60_000);
      await interviewer.waitFor((e) => e.stream === `submission:${id}` && e.type === 'submission.finished', 60_000);
    }
    await waitForAll(interviewer, sessionStream, ids);
    await waitForAll(candidate, sessionStream, ids);
    // Both clients end the session stream on the same event, the last verdict.
    await waitUntil(
      'both clients at the end of the session stream',
      () => {
        const [seen, watched] = [candidate.stream(sessionStream), interviewer.stream(sessionStream)];
        return seen.at(-1)?.type === 'submission.finished' && seen.at(-1)?.seq === watched.at(-1)?.seq
          ? true
          : undefined;
      },
      10_000,
    );

    const judgedBy = new Set<string>();
    for (const id of ids) {
      const seenByCandidate = candidate.stream(`submission:${id}`);
      expectCompleteSubmission(seenByCandidate, id);
      expect(interviewer.stream(`submission:${id}`)).toEqual(seenByCandidate);
      for (const e of seenByCandidate)
        if (e.type === 'submission.running') judgedBy.add((e.payload as { judge: string }).judge);
    }
    expect(judgedBy.size).toBe(2);
    contiguous(interviewer.stream(sessionStream));
    expect(candidate.stream(sessionStream)).toEqual(interviewer.stream(sessionStream));
    await expectFinishedOnce(ids);
  });

  it('loses nothing accepted when an API node is killed and restarted; clients reconnect and replay', async () => {
    const sessionStream = `session:${sessionId}`;
    const before = await connect(apiA, sessionToken);
    const interviewer = await connect(apiB, interviewerToken);
    await before.subscribe({ sessionId });
    await interviewer.subscribe({ sessionId });

    const accepted: string[] = [];
    const refused: number[] = [];
    let flowing = true;
    const flow = (async () => {
      for (let i = 0; flowing; i++) {
        const node = i % 2 === 0 ? apiA : apiB;
        const response = await submit(node).catch(() => undefined);
        if (response?.status === 202) accepted.push(response.body.submissionId);
        else refused.push(response?.status ?? 0);
        await new Promise((done) => setTimeout(done, 100));
      }
    })();
    await waitUntil('some accepted submissions', () => (accepted.length >= 4 ? true : undefined), 20_000);
    await apiA.kill();
    const lastSeen = Math.max(0, ...before.stream(sessionStream).map((e) => e.seq));
    await waitUntil('submissions accepted by B alone', () => (refused.length >= 2 ? true : undefined), 20_000);
    await apiA.start();
    const after = await connect(apiA, sessionToken);
    await after.subscribe({ sessionId, afterSeq: lastSeen });
    const acceptedAtRestart = accepted.length;
    await waitUntil(
      'submissions after the restart',
      () => (accepted.length >= acceptedAtRestart + 3 ? true : undefined),
      20_000,
    );
    flowing = false;
    await flow;

    await waitForAll(interviewer, sessionStream, accepted);
    await waitForAll(
      after,
      sessionStream,
      accepted.filter((id) => !finishedIn(before, sessionStream).has(id)),
    );
    // What the candidate saw before the kill, then after reconnecting: the stream, whole, once.
    const seen = [...before.stream(sessionStream).filter((e) => e.seq <= lastSeen), ...after.stream(sessionStream)];
    contiguous(seen.slice(seen.findIndex((e) => e.seq === 1)));
    expect(seen.map((e) => e.seq)).toEqual(
      interviewer
        .stream(sessionStream)
        .map((e) => e.seq)
        .slice(0, seen.length),
    );
    await expectFinishedOnce(accepted);
    // Nothing half-accepted either: every submission the database holds is judged.
    const [{ open }] = await dataSource.query<{ open: string }[]>(
      `SELECT count(*) AS open FROM submissions WHERE status <> 'finished'`,
    );
    expect(open).toBe('0');
  });

  it('answers 503 quickly while PostgreSQL is down, and recovers without a restart, losing nothing', async () => {
    const sessionStream = `session:${sessionId}`;
    const candidate = await connect(apiA, sessionToken);
    const interviewer = await connect(apiB, interviewerToken);
    await candidate.subscribe({ sessionId });
    await interviewer.subscribe({ sessionId });

    const accepted: string[] = [];
    for (let i = 0; i < 6; i++) {
      const response = await submit(i % 2 === 0 ? apiA : apiB);
      expect(response.status).toBe(202);
      accepted.push(response.body.submissionId);
    }
    await postgres.stop();

    for (const node of [apiA, apiB]) {
      const api = new HttpClient(node.url);
      const timed = async (call: () => Promise<{ status: number; body: unknown }>) => {
        const startedAt = Date.now();
        const response = await call();
        return { ...response, ms: Date.now() - startedAt };
      };
      const ready = await timed(() => api.get('/api/ready'));
      expect(ready.status).toBe(503);
      expect(ready.ms).toBeLessThan(3000);
      const session = await timed(() => api.get('/api/v1/candidate/session', { token: sessionToken }));
      expect(session).toMatchObject({ status: 503, body: { code: 'database_unavailable' } });
      expect(session.ms).toBeLessThan(3000);
      const refused = await timed(() => submit(node));
      expect(refused.status).toBe(503);
      expect(refused.ms).toBeLessThan(3000);
    }
    await new Promise((done) => setTimeout(done, 2000));
    await postgres.resume();

    for (const node of [apiA, apiB])
      await waitUntil(
        'the API to be ready again',
        async () => ((await new HttpClient(node.url).get('/api/ready')).status === 200 ? true : undefined),
        30_000,
      );
    for (let i = 0; i < 4; i++) {
      const response = await submit(i % 2 === 0 ? apiA : apiB);
      expect(response.status).toBe(202);
      accepted.push(response.body.submissionId);
    }
    try {
      await waitForAll(candidate, sessionStream, accepted, 60_000);
      await waitForAll(interviewer, sessionStream, accepted, 10_000);
    } catch (error) {
      const rows = await dataSource.query(`SELECT id, status, attempts, verdict FROM submissions WHERE id = ANY($1)`, [
        accepted,
      ]);
      const seen = finishedIn(candidate, sessionStream);
      throw new Error(
        `${String(error)}\nsubmissions: ${JSON.stringify(rows)}\nseen by the candidate: ${JSON.stringify([...seen])}\n` +
          `candidate session events: ${JSON.stringify(candidate.stream(sessionStream).map((e) => [e.seq, e.type]))}\n` +
          `A: ${apiA.output.slice(-2000)}\nB: ${apiB.output.slice(-2000)}\njudges: ${judges.map((j) => j.output.slice(-2000)).join('\n')}`,
      );
    }
    const seen = candidate.stream(sessionStream);
    const seqs = seen.map((e) => e.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(seqs).toEqual(seqs.map((_, i) => seqs[0] + i));
    expect(interviewer.stream(sessionStream)).toEqual(seen);
    await expectFinishedOnce(accepted);
  }, 150_000);
});
