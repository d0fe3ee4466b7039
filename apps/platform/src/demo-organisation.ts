import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

/**
 * The demo organisation `npm start` seeds so that a newcomer sees the whole product in a minute: an
 * admin, a recruiter and an interviewer, one assessment from the bank and one invite link. It goes
 * through the public HTTP API like any client, and is idempotent across restarts: the logins (random
 * passwords) and the last invite are kept in a state file under DATA_DIR; the organisation and the
 * assessment are found again by their names; a new invite is made only when the last one was used.
 */

export const DEMO_ORGANISATION = 'Assay demo';
export const DEMO_ASSESSMENT = 'Demo: lead backend engineer';
const DEMO_CANDIDATE = { candidateName: 'Dana Demo', candidateEmail: 'dana.demo@example.com' };
/** Preferred challenges of the demo assessment: code, SQL and a quiz (the first ones of the bank otherwise). */
const PREFERRED_CHALLENGES = ['lru-cache-with-ttl', 'top-customers-by-region', 'quiz-transactions-isolation'];

type Role = 'admin' | 'recruiter' | 'interviewer';

export interface DemoLogin {
  role: Role;
  name: string;
  email: string;
  password: string;
}

interface DemoState {
  logins: DemoLogin[];
  assessmentId?: string;
  invite?: { id: string; url: string };
}

export interface DemoOrganisation {
  logins: DemoLogin[];
  assessmentId: string | null;
  inviteUrl: string | null;
  created: boolean;
}

/** The demo could not be seeded; `npm start` says why and carries on. */
export class DemoSeedError extends Error {}

const password = () => randomBytes(9).toString('base64url');

function newState(): DemoState {
  return {
    logins: [
      { role: 'admin', name: 'Avery Admin', email: 'admin@demo.assay.example', password: password() },
      { role: 'recruiter', name: 'Riley Recruiter', email: 'recruiter@demo.assay.example', password: password() },
      { role: 'interviewer', name: 'Ira Interviewer', email: 'interviewer@demo.assay.example', password: password() },
    ],
  };
}

class DemoApi {
  constructor(private readonly baseUrl: string) {}

  async send<T>(method: string, path: string, body?: unknown, token?: string): Promise<{ status: number; body: T }> {
    const headers: Record<string, string> = {};
    if (body !== undefined) headers['content-type'] = 'application/json';
    if (token) headers.authorization = `Bearer ${token}`;
    const response = await fetch(`${this.baseUrl}/api/v1${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : null) as T };
  }

  async expect<T>(status: number, method: string, path: string, body?: unknown, token?: string): Promise<T> {
    const response = await this.send<T & { message?: string }>(method, path, body, token);
    if (response.status !== status) {
      throw new DemoSeedError(`${method} ${path} answered ${response.status}: ${response.body?.message ?? ''}`.trim());
    }
    return response.body;
  }
}

function readState(stateFile: string): DemoState | null {
  if (!existsSync(stateFile)) return null;
  try {
    return JSON.parse(readFileSync(stateFile, 'utf8')) as DemoState;
  } catch {
    return null;
  }
}

function writeState(stateFile: string, state: DemoState): void {
  writeFileSync(stateFile, JSON.stringify(state, null, 2), { mode: 0o600 });
}

/** Seeds (or finds again) the demo organisation through the API at `baseUrl`. */
export async function seedDemoOrganisation(baseUrl: string, stateFile: string): Promise<DemoOrganisation> {
  const api = new DemoApi(baseUrl);
  const state = readState(stateFile) ?? newState();
  const admin = state.logins.find((login) => login.role === 'admin')!;

  let created = false;
  let token: string;
  const signup = await api.send<{ accessToken: string; code?: string }>('POST', '/auth/signup', {
    organizationName: DEMO_ORGANISATION,
    name: admin.name,
    email: admin.email,
    password: admin.password,
  });
  if (signup.status === 201) {
    created = true;
    token = signup.body.accessToken;
  } else if (signup.status === 409) {
    const login = await api.send<{ accessToken: string }>('POST', '/auth/login', {
      email: admin.email,
      password: admin.password,
    });
    if (login.status !== 200) {
      throw new DemoSeedError(
        `the demo organisation exists but its logins are not those kept in ${stateFile}; remove the demo ` +
          'organisation or start with ASSAY_DEMO=false',
      );
    }
    token = login.body.accessToken;
  } else {
    throw new DemoSeedError(`sign-up answered ${signup.status}`);
  }
  writeState(stateFile, state);

  const members = await api.expect<{ email: string }[]>(200, 'GET', '/members', undefined, token);
  for (const login of state.logins.filter((entry) => entry.role !== 'admin')) {
    if (members.some((member) => member.email === login.email)) continue;
    await api.expect(
      201,
      'POST',
      '/members',
      { email: login.email, name: login.name, password: login.password, role: login.role },
      token,
    );
  }

  const assessments = await api.expect<{ id: string; title: string }[]>(200, 'GET', '/assessments', undefined, token);
  let assessmentId = assessments.find((assessment) => assessment.title === DEMO_ASSESSMENT)?.id ?? null;
  if (!assessmentId) {
    const bank = await api.expect<{ slug: string }[]>(200, 'GET', '/challenges', undefined, token);
    const slugs = PREFERRED_CHALLENGES.filter((slug) => bank.some((challenge) => challenge.slug === slug));
    const items = (slugs.length > 0 ? slugs : bank.slice(0, 3).map((challenge) => challenge.slug)).map(
      (challengeSlug) => ({ challengeSlug }),
    );
    if (items.length === 0) {
      return { logins: state.logins, assessmentId: null, inviteUrl: null, created };
    }
    const assessment = await api.expect<{ id: string }>(
      201,
      'POST',
      '/assessments',
      { title: DEMO_ASSESSMENT, durationMinutes: 90, items },
      token,
    );
    assessmentId = assessment.id;
  }

  // The invite is shown once by the API: reprint the kept one while nobody has used it.
  const sessions = await api.expect<{ candidateEmail?: string }[]>(
    200,
    'GET',
    `/assessments/${assessmentId}/sessions`,
    undefined,
    token,
  );
  const used = sessions.some((session) => session.candidateEmail === DEMO_CANDIDATE.candidateEmail);
  if (!state.invite || state.assessmentId !== assessmentId || used) {
    const invite = await api.expect<{ id: string; url: string }>(
      201,
      'POST',
      `/assessments/${assessmentId}/invites`,
      { ...DEMO_CANDIDATE, expiresInHours: 24 * 30 },
      token,
    );
    state.invite = { id: invite.id, url: invite.url };
    state.assessmentId = assessmentId;
    writeState(stateFile, state);
  }
  return { logins: state.logins, assessmentId, inviteUrl: state.invite.url, created };
}

/** The lines `npm start` prints about the demo. */
export function describeDemo(demo: DemoOrganisation, url: string): string[] {
  const lines = [
    `demo organisation "${DEMO_ORGANISATION}" ${demo.created ? 'created' : 'ready'} (ASSAY_DEMO=false turns it off):`,
    ...demo.logins.map((login) => `  ${login.role.padEnd(11)} ${login.email}  password: ${login.password}`),
    `  sign in at ${url}/signin`,
  ];
  lines.push(
    demo.inviteUrl
      ? `  candidate invite link (${DEMO_CANDIDATE.candidateName}): ${demo.inviteUrl}`
      : '  no challenge in the catalogue: no demo assessment',
  );
  return lines;
}
