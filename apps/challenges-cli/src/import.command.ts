import { resolve } from 'node:path';
import { ChallengePackageError, formatProblem, loadChallenge, SECTION_CHECKS, toUpload } from '@app/challenge-kit';
import type { CommandIo } from './validate.command.js';

export interface ImportEnvironment {
  ASSAY_URL?: string;
  ASSAY_TOKEN?: string;
}

/** What the API answers to an upload (see docs/challenges.md, "Importing into an organisation"). */
interface ImportAnswer {
  slug?: string;
  version?: number;
  contentHash?: string;
  created?: boolean;
  verification?: 'pending' | 'verified' | 'rejected';
  problems?: { file: string; pointer: string; message: string }[];
  message?: string | string[];
}

/**
 * `import <folder>`: loads and checks the package locally, then uploads it to the organisation of the
 * token: `POST $ASSAY_URL/api/v1/challenges` with `Authorization: Bearer $ASSAY_TOKEN`.
 */
export async function importCommand(
  args: readonly string[],
  io: CommandIo,
  env: ImportEnvironment = process.env,
  fetcher: typeof fetch = fetch,
): Promise<number> {
  const folder = args[0];
  if (!folder) {
    io.err.write('Usage: challenges import <folder>\n');
    return 2;
  }
  const base = env.ASSAY_URL;
  const token = env.ASSAY_TOKEN;
  if (!base || !/^https?:\/\//.test(base)) {
    io.err.write('Set ASSAY_URL to the platform, e.g. ASSAY_URL=http://localhost:3000\n');
    return 2;
  }
  if (!token) {
    io.err.write('Set ASSAY_TOKEN to an access token of an organisation admin\n');
    return 2;
  }
  let upload;
  try {
    upload = toUpload(await loadChallenge(resolve(folder), { sectionChecks: SECTION_CHECKS }));
  } catch (error) {
    if (!(error instanceof ChallengePackageError)) throw error;
    io.err.write(`${error.message}\n`);
    return 1;
  }
  const url = new URL('/api/v1/challenges', base);
  let response: Response;
  try {
    response = await fetcher(url, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(upload),
      signal: AbortSignal.timeout(60_000),
    });
  } catch (error) {
    io.err.write(`Cannot reach ${url.origin}: ${error instanceof Error ? error.message : String(error)}\n`);
    return 1;
  }
  const answer = (await response.json().catch(() => ({}))) as ImportAnswer;
  if (response.ok) {
    const what = answer.created === false ? 'is already up to date' : 'was imported';
    io.out.write(
      `${answer.slug ?? 'The challenge'} ${what}${answer.version === undefined ? '' : ` as version ${answer.version}`} (${upload.contentHash.slice(0, 12)})\n`,
    );
    if (answer.verification === 'pending')
      io.out.write(
        `The judge is running its solutions: it can go into assessments once GET /api/v1/challenges/${answer.slug ?? '<slug>'} shows verification "verified".\n`,
      );
    if (answer.verification === 'rejected')
      io.out.write(
        `Its verification was rejected: GET /api/v1/challenges/${answer.slug ?? '<slug>'} lists every problem.\n`,
      );
    return 0;
  }
  io.err.write(`The platform refused the package: HTTP ${response.status}\n`);
  for (const problem of answer.problems ?? []) io.err.write(`  - ${formatProblem(problem)}\n`);
  const message = Array.isArray(answer.message) ? answer.message.join('; ') : answer.message;
  if (!answer.problems?.length && message) io.err.write(`  ${message}\n`);
  return 1;
}
