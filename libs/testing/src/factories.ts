import { randomBytes } from 'node:crypto';
import type { HttpClient } from './http-client.js';

export interface SignedInStaff {
  accessToken: string;
  refreshToken: string;
  user: { id: string; email: string; name: string; role: string; organizationId: string };
  password: string;
}

const unique = () => randomBytes(4).toString('hex');

/** Signs up a new organisation through the API and returns its first admin, signed in. */
export async function newOrganization(api: HttpClient, name = `Org ${unique()}`): Promise<SignedInStaff> {
  const password = `pw-${unique()}-${unique()}`;
  const response = await api.post('/api/v1/auth/signup', {
    organizationName: name,
    name: 'Admin Person',
    email: `admin-${unique()}@example.test`,
    password,
  });
  if (response.status !== 201) throw new Error(`signup failed: ${response.status} ${JSON.stringify(response.body)}`);
  return { ...(response.body as Omit<SignedInStaff, 'password'>), password };
}

/** Adds a member with the given role to the admin's organisation and signs them in. */
export async function newMember(
  api: HttpClient,
  admin: SignedInStaff,
  role: 'admin' | 'recruiter' | 'interviewer',
): Promise<SignedInStaff> {
  const password = `pw-${unique()}-${unique()}`;
  const email = `${role}-${unique()}@example.test`;
  const created = await api.post(
    '/api/v1/members',
    { email, name: `A ${role}`, password, role },
    { token: admin.accessToken },
  );
  if (created.status !== 201)
    throw new Error(`adding a member failed: ${created.status} ${JSON.stringify(created.body)}`);
  const login = await api.post('/api/v1/auth/login', { email, password });
  if (login.status !== 200) throw new Error(`login failed: ${login.status}`);
  return { ...(login.body as Omit<SignedInStaff, 'password'>), password };
}

export interface ChallengeSeed {
  slug: string;
  type?: string;
  title?: string;
  difficulty?: 'easy' | 'medium' | 'hard';
  competencies?: string[];
  estimatedMinutes?: number;
  definition?: Record<string, unknown>;
}

/** Puts a challenge version straight into the catalogue (the bank loader's job in production). */
export async function seedChallenge(
  dataSource: import('typeorm').DataSource,
  seed: ChallengeSeed,
  organizationId: string | null = null,
): Promise<{ challengeId: string; versionId: string }> {
  const [challenge] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO challenges (slug, "organizationId") VALUES ($1, $2) RETURNING id`,
    [seed.slug, organizationId],
  );
  const [version] = await dataSource.query<{ id: string }[]>(
    `INSERT INTO challenge_versions ("challengeId", version, "contentHash", type, title, difficulty, competencies, "estimatedMinutes", definition)
     VALUES ($1, 1, $2, $3, $4, $5, $6, $7, $8) RETURNING id`,
    [
      challenge.id,
      randomBytes(32).toString('hex'),
      seed.type ?? 'coding',
      seed.title ?? `Challenge ${seed.slug}`,
      seed.difficulty ?? 'medium',
      seed.competencies ?? ['programming'],
      seed.estimatedMinutes ?? 20,
      JSON.stringify(seed.definition ?? {}),
    ],
  );
  await dataSource.query(`UPDATE challenges SET "currentVersionId" = $1 WHERE id = $2`, [version.id, challenge.id]);
  return { challengeId: challenge.id, versionId: version.id };
}

/**
 * Waits until the judge has verified (or rejected) an uploaded challenge's current version, and
 * returns its detail (GET /api/v1/challenges/:slug). Needs a running judge.
 */
export async function awaitChallengeVerification(
  api: HttpClient,
  staff: SignedInStaff,
  slug: string,
  timeoutMs = 60_000,
): Promise<{ verification: string; problems: { file: string; message: string }[]; version: number }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const detail = await api.get(`/api/v1/challenges/${slug}`, { token: staff.accessToken });
    if (detail.status !== 200) throw new Error(`GET /api/v1/challenges/${slug}: HTTP ${detail.status}`);
    if (detail.body.verification !== 'pending') return detail.body;
    if (Date.now() > deadline) throw new Error(`${slug} still pending after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
