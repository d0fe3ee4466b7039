/**
 * `npm run bench:screening`: the production path of similarity screening, measured. 1,000 final
 * submissions of one challenge (the labelled corpus's entries, each mutated many times, as in
 * `bench:plagiarism`) are screened one after another by the judge's SimilarityScreener, as the screening
 * jobs do: fingerprinting, each in its own transaction under the challenge's lock the claim, catching up
 * with what other judges indexed, the count in the judge's in-memory index, the confirmation of the
 * neighbours in PostgreSQL, the flags with their regions and the index write. `--judges N` deals the
 * submissions round-robin to N screeners (N judges, each with its own in-memory index, so each screening
 * first reads what the others indexed since). Then a fresh screener (a judge just started) screens one
 * more submission, reading the whole index of the challenge first: `coldJudgeMs`.
 * Writes bench-results/screening.json. Needs a PostgreSQL server that may create databases
 * (DATABASE_URL); it makes and drops its own. Target: 1,000 submissions of one challenge in <= 10 s.
 *   DATABASE_URL=postgresql://postgres@127.0.0.1:5432/postgres npm run bench:screening -- --submissions 1000 --judges 2
 */
import { Logger } from '@nestjs/common';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { randomBytes, randomUUID } from 'node:crypto';
import {
  createDataSource,
  databaseName,
  quoteIdentifier,
  runPendingMigrations,
  withClient,
  withDatabase,
} from '../libs/db/src/index.js';
import { readIntegrityCorpus } from '../libs/integrity/src/evaluation/integrity-corpus.js';
import { SubmissionMutator } from '../libs/integrity/src/evaluation/submission-mutator.js';
import { ScreeningRepository } from '../apps/judge/src/integrity/screening.repository.js';
import { SimilarityScreener } from '../apps/judge/src/integrity/similarity-screener.service.js';

const TARGET_MS = 10_000;
const argument = (name: string): string | undefined => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? undefined : process.argv[at + 1];
};
const submissionCount = Number(argument('submissions') ?? 1000);
const problemId = argument('problem') ?? 'deploy-order';
const judgeCount = Number(argument('judges') ?? 1);

async function main(): Promise<void> {
  Logger.overrideLogger(false);
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server that may create databases.');
  const serverUrl = databaseName(url) === 'postgres' ? url : withDatabase(url, 'postgres');
  const name = `assay_bench_screening_${process.pid}`;
  await withClient(serverUrl, (client) => client.query(`CREATE DATABASE ${quoteIdentifier(name)}`));
  const databaseUrl = withDatabase(serverUrl, name);
  try {
    await runPendingMigrations(databaseUrl);
    await run(databaseUrl);
  } finally {
    await withClient(serverUrl, (client) =>
      client.query(`DROP DATABASE IF EXISTS ${quoteIdentifier(name)} WITH (FORCE)`),
    );
  }
}

async function run(databaseUrl: string): Promise<void> {
  const problems = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));
  const problem = problems.find((candidate) => candidate.id === problemId);
  if (!problem) throw new Error(`no problem ${problemId} in the corpus`);
  const donors = problems
    .filter((other) => other.id !== problemId)
    .flatMap((other) => other.entries.map((e) => e.source));
  const mutator = new SubmissionMutator(20260101, donors);
  // One more than measured: the cold judge's.
  const sources = Array.from({ length: submissionCount + 1 }, (_, index) =>
    mutator.mutate(problem.entries[index % problem.entries.length].source),
  );

  const dataSource = await createDataSource(databaseUrl, 4).initialize();
  try {
    const submissionIds = await seed(dataSource, problem.starter, sources);
    const coldJudgeSubmission = submissionIds.pop()!;
    const screeners = Array.from(
      { length: judgeCount },
      () => new SimilarityScreener(dataSource, new ScreeningRepository()),
    );
    // A running judge has loaded the detector (TypeScript's parser) once already: not part of the figure.
    await import('../libs/integrity/src/index.js');
    const loadBefore = loadavg()[0];
    const latencies: number[] = [];
    let flags = 0;
    const cpuBefore = process.cpuUsage();
    const startedAt = performance.now();
    for (const [position, id] of submissionIds.entries()) {
      const began = performance.now();
      const outcome = await screeners[position % judgeCount].screen(id);
      latencies.push(performance.now() - began);
      if (outcome.status !== 'screened') throw new Error(`submission ${id} was not screened: ${outcome.reason}`);
      flags += outcome.flags;
    }
    const wallMs = Math.round(performance.now() - startedAt);
    const cpu = process.cpuUsage(cpuBefore);
    const coldBegan = performance.now();
    const cold = await new SimilarityScreener(dataSource, new ScreeningRepository()).screen(coldJudgeSubmission);
    const coldJudgeMs = Math.round(performance.now() - coldBegan);
    if (cold.status !== 'screened') throw new Error(`the cold judge did not screen: ${cold.reason}`);
    const [{ rows }] = await dataSource.query<{ rows: number }[]>(
      'SELECT count(*)::int AS rows FROM screened_submissions',
    );
    latencies.sort((x, y) => x - y);
    const quantile = (q: number) =>
      Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]);
    const result = {
      problem: problemId,
      submissions: submissionCount,
      judges: judgeCount,
      wallMs,
      processCpuMs: Math.round((cpu.user + cpu.system) / 1000),
      perSubmissionMs: { p50: quantile(0.5), p95: quantile(0.95), max: Math.round(latencies.at(-1) ?? 0) },
      flags,
      coldJudgeMs,
      screenedRows: rows,
      targetMs: TARGET_MS,
      meetsTarget: wallMs <= TARGET_MS,
      machine: { cpus: cpus().length, loadAverageBefore: loadBefore, loadAverageAfter: loadavg()[0] },
    };
    mkdirSync('bench-results', { recursive: true });
    writeFileSync(join('bench-results', 'screening.json'), JSON.stringify(result, null, 2) + '\n');
    console.log(
      `Screened ${submissionCount} submissions of ${problemId} with ${judgeCount} judge(s) in ${(wallMs / 1000).toFixed(1)} s ` +
        `(target <= ${TARGET_MS / 1000} s: ${result.meetsTarget ? 'met' : 'NOT met'}); per submission p50 ${result.perSubmissionMs.p50} ms, ` +
        `p95 ${result.perSubmissionMs.p95} ms; ${flags} pairs flagged; process CPU ${(result.processCpuMs / 1000).toFixed(1)} s; ` +
        `a judge just started screened one more (after reading ${rows - 1} indexed) in ${coldJudgeMs} ms. Load average ${loadBefore.toFixed(2)} -> ${loadavg()[0].toFixed(2)}.`,
    );
  } finally {
    await dataSource.destroy();
  }
}

/** One organisation, one challenge with its starter, one assessment, and a candidate session per submission. */
async function seed(
  dataSource: import('typeorm').DataSource,
  starter: string | undefined,
  sources: string[],
): Promise<string[]> {
  const [organization] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO organizations (name, slug) VALUES ('Bench', $1) RETURNING id`,
    [`bench-${randomBytes(4).toString('hex')}`],
  );
  const [challenge] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO challenges (slug, "organizationId") VALUES ('bench', NULL) RETURNING id`,
  );
  const definition = {
    starters: starter === undefined ? [] : [{ path: 'starter/solution.js', language: 'javascript', content: starter }],
  };
  const [version] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO challenge_versions ("challengeId", version, "contentHash", type, title, difficulty, competencies, "estimatedMinutes", definition)
     VALUES ($1, 1, $2, 'coding', 'Bench', 'medium', '{programming}', 30, $3) RETURNING id`,
    [challenge.id, randomBytes(32).toString('hex'), JSON.stringify(definition)],
  );
  const [assessment] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessments ("organizationId", title, "durationMinutes", "createdById") VALUES ($1, 'Bench', 60, $2) RETURNING id`,
    [organization.id, randomUUID()],
  );
  const [item] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO assessment_items ("assessmentId", position, "challengeVersionId") VALUES ($1, 0, $2) RETURNING id`,
    [assessment.id, version.id],
  );
  const ids: string[] = [];
  for (const source of sources) {
    const [invite] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO invites ("assessmentId", "organizationId", "candidateName", "candidateEmail", "tokenHash", "expiresAt", "createdById")
       VALUES ($1, $2, 'Bench', 'bench@example.test', $3, now() + interval '1 day', $4) RETURNING id`,
      [assessment.id, organization.id, randomBytes(32).toString('hex'), randomUUID()],
    );
    const [session] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO candidate_sessions ("inviteId", "assessmentId", "organizationId", "startedAt", deadline)
       VALUES ($1, $2, $3, now(), now() + interval '1 hour') RETURNING id`,
      [invite.id, assessment.id, organization.id],
    );
    const [submission] = await dataSource.query<{ id: string }[]>(
      `INSERT INTO submissions ("sessionId", "organizationId", "assessmentItemId", "challengeVersionId", kind, language, code)
       VALUES ($1, $2, $3, $4, 'final', 'javascript', $5) RETURNING id`,
      [session.id, organization.id, item.id, version.id, source],
    );
    ids.push(submission.id);
  }
  return ids;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
