/**
 * The web client end to end, in a real headless Chromium against the real API, the real judge and a
 * real PostgreSQL, with the real challenge bank: a recruiter builds and invites, a candidate takes the
 * assessment, an interviewer reviews it, the recruiter compares. Screenshots of every main screen go
 * to test-results/web/ (1280 px wide).
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { INestApplicationContext } from '@nestjs/common';
import { RECORDING_NOTICE } from '@app/contracts';
import { HttpClient, createTestDatabase, startTestApi, type RunningTestApi, type TestDatabase } from '@app/testing';
import { readFileSync } from 'node:fs';
import type { BrowserContext, Page } from 'playwright-core';
import { createApiApplication } from '../../apps/api/src/api.application.js';
import { launchChromium, screenshot, type RunningBrowser } from './support/browser.js';
import { bundleFiles, leaksIn, secretMarkers, type SecretMarker } from './support/secret-markers.js';
import { startTestJudge } from '../support/test-judge.js';
import { SNAPSHOT_INTERVAL_MS } from '../../apps/api/src/candidate-sessions/candidate-session.repository.js';

const VIEWPORT = { width: 1280, height: 860 };
const CHALLENGE_TITLE = 'LRU cache with time-to-live';
const SECOND_CHALLENGE_TITLE = 'Top customers per region';

/** A candidate's own answer (not the reference solution, which must never reach a browser). */
const CANDIDATE_CODE = `export class LruCache {
  constructor(options) {
    this.options = options;
    this.store = new Map();
  }
  set(key, value, nowMs, ttlMs = this.options.defaultTtlMs) {
    if (!(ttlMs > 0)) throw new RangeError('ttl');
    let out = null;
    if (this.store.has(key)) this.store.delete(key);
    else if (this.store.size >= this.options.maxEntries) {
      const expired = [...this.store].find(([, entry]) => entry.until <= nowMs);
      out = expired ? expired[0] : this.store.keys().next().value;
      this.store.delete(out);
    }
    this.store.set(key, { value, until: nowMs + ttlMs });
    return out;
  }
  get(key, nowMs) {
    const entry = this.store.get(key);
    if (!entry) return null;
    this.store.delete(key);
    if (entry.until <= nowMs) return null;
    this.store.set(key, entry);
    return entry.value;
  }
  delete(key) {
    return this.store.delete(key);
  }
  size(nowMs) {
    let live = 0;
    for (const entry of this.store.values()) if (entry.until > nowMs) live += 1;
    return live;
  }
}
`;
const OFFLINE_EDIT = '// written while offline';
const PASTED = '// pasted from my notes\n';

/** Everything the server sent to a page: HTTP response bodies of the API and socket.io frames. */
class TrafficRecorder {
  readonly received: { where: string; text: string }[] = [];
  private readonly pending: Promise<void>[] = [];

  attach(page: Page): void {
    page.on('response', (response) => {
      if (!response.url().includes('/api/')) return;
      this.pending.push(
        response
          .text()
          .then((text) => void this.received.push({ where: `${response.request().method()} ${response.url()}`, text }))
          .catch(() => undefined),
      );
    });
    page.on('websocket', (socket) => {
      socket.on('framereceived', ({ payload }) => {
        this.received.push({ where: `socket ${socket.url()}`, text: payload.toString() });
      });
    });
  }

  async settled(): Promise<void> {
    await Promise.all(this.pending);
  }
}

/** Replaces the whole content of the CodeMirror editor labelled `label` with `text`. */
async function replaceEditorText(page: Page, label: string, text: string): Promise<void> {
  const editor = page.getByRole('textbox', { name: label });
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(text);
}

/** Seconds shown by the candidate's timer (h:mm:ss or mm:ss). */
async function timerSeconds(page: Page): Promise<number> {
  const text = (await page.locator('.timer-value').textContent()) ?? '';
  return text
    .trim()
    .split(':')
    .map(Number)
    .reduce((total, part) => total * 60 + part, 0);
}

interface AssessmentItem {
  id: string;
  title: string;
}

describe('the web client in a real browser', () => {
  let database: TestDatabase;
  let running: RunningTestApi;
  let judge: INestApplicationContext;
  let chromium: RunningBrowser;
  let api: HttpClient;
  let markers: SecretMarker[];
  const recruiter = {
    organization: 'Northwind Engineering',
    name: 'Rita Recruiter',
    email: 'rita@northwind.test',
    password: 'correct horse battery staple',
  };
  const interviewer = { name: 'Ivan Interviewer', email: 'ivan@northwind.test', password: 'interviewer password 1' };
  let assessmentId: string;
  let inviteUrl: string;
  let candidateSessionId: string;
  const candidateTraffic = new TrafficRecorder();
  const pageErrors: string[] = [];

  const newPage = async (context?: BrowserContext): Promise<{ context: BrowserContext; page: Page }> => {
    const ctx = context ?? (await chromium.browser.newContext({ viewport: VIEWPORT, baseURL: running.url }));
    // Generous: CI runs this on 2 shared cores, next to the judge and PostgreSQL.
    ctx.setDefaultTimeout(60_000);
    const page = await ctx.newPage();
    // Uncaught errors of the page fail the test that caused them.
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
    return { context: ctx, page };
  };

  const signIn = async (page: Page, who: { email: string; password: string }) => {
    await page.goto('/signin');
    await page.getByLabel('E-mail address').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.waitForURL(/\/app\//);
  };

  beforeAll(async () => {
    database = await createTestDatabase();
    running = await startTestApi(createApiApplication, database.url, {
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      LOAD_CHALLENGE_BANK: 'true',
      CHALLENGE_BANK_DIR: 'challenges',
      WEB_DIST_DIR: 'apps/web/dist',
    });
    judge = await startTestJudge(database.url);
    chromium = await launchChromium();
    api = new HttpClient(running.url);
    markers = await secretMarkers('challenges');
  }, 120_000);

  afterEach(() => {
    expect(pageErrors.splice(0)).toEqual([]);
  });

  afterAll(async () => {
    await chromium?.close();
    await judge?.close();
    await running?.close();
    await database?.drop();
  });

  it('keeps hidden tests, reference solutions and rubric anchors out of the bundle', () => {
    expect(markers.length).toBeGreaterThan(50);
    const files = bundleFiles('apps/web/dist');
    expect(files.some((file) => file.path.endsWith('.js'))).toBe(true);
    expect(files.flatMap((file) => leaksIn(file.text, file.path, markers))).toEqual([]);
    // The check can fail: a bundle that embedded a hidden test would be caught.
    expect(leaksIn(`x${markers[0].text}x`, 'probe', markers)).toHaveLength(1);
  });

  it('lets a recruiter sign up, build an assessment from the filtered bank and invite a candidate', async () => {
    const { context, page } = await newPage();
    await page.goto('/');
    await page.waitForURL(/\/signin/);
    await screenshot(page, '00-sign-in');
    await page.getByRole('link', { name: 'Create an organisation' }).click();
    await page.getByLabel('Organisation name').fill(recruiter.organization);
    await page.getByLabel('Your name').fill(recruiter.name);
    await page.getByLabel('Work e-mail address').fill(recruiter.email);
    await page.getByLabel('Password', { exact: true }).fill(recruiter.password);
    await screenshot(page, '01-sign-up');
    await page.getByRole('button', { name: 'Create organisation' }).click();
    await page.waitForURL(/\/app\/assessments$/);

    await page.goto('/app/assessments/new');
    await page.getByRole('heading', { name: 'Build an assessment' }).waitFor();
    await page.getByRole('button', { name: `Add ${CHALLENGE_TITLE}` }).waitFor();
    // Filters narrow the bank on the server: SQL challenges only.
    await page.getByLabel('Type', { exact: true }).selectOption({ label: 'SQL' });
    await page.getByRole('button', { name: `Add ${SECOND_CHALLENGE_TITLE}` }).waitFor();
    await expect(page.getByRole('button', { name: `Add ${CHALLENGE_TITLE}` }).count()).resolves.toBe(0);
    await page.getByRole('button', { name: `Add ${SECOND_CHALLENGE_TITLE}` }).click();
    await page.getByLabel('Type', { exact: true }).selectOption({ index: 0 });
    await page.getByRole('searchbox', { name: 'Search' }).fill('LRU');
    await page.getByRole('button', { name: `Add ${CHALLENGE_TITLE}` }).click();
    await page.getByLabel('Title', { exact: true }).fill('Lead backend engineer — screening');
    await page.getByLabel('Time limit (minutes)').fill('75');
    // 35 min (LRU cache) + 25 min (top customers), from the bank's estimates.
    expect(await page.locator('.estimate').textContent()).toMatch(/Estimated time\s*1 h/);
    await screenshot(page, '02-assessment-builder');
    await page.getByRole('button', { name: /create assessment/i }).click();
    await page.waitForURL(/\/app\/assessments\/[0-9a-f-]{36}$/);
    assessmentId = page.url().split('/').pop()!;

    await page.getByLabel('Candidate’s name').fill('Ada Lovelace');
    await page.getByLabel('Candidate’s e-mail address').fill('ada@example.test');
    await page.getByRole('button', { name: 'Create invite link' }).click();
    const link = page.getByLabel('Invite link for Ada Lovelace');
    await link.waitFor();
    inviteUrl = await link.inputValue();
    expect(inviteUrl).toMatch(/\/take\/[A-Za-z0-9_-]+$/);
    await screenshot(page, '03-assessment-invite');
    await context.close();
  }, 180_000);

  it('takes the candidate from the invite link to a finished assessment with live results', async () => {
    const { context, page } = await newPage();
    candidateTraffic.attach(page);
    await page.goto(new URL(inviteUrl).pathname);
    await page.getByRole('heading', { name: 'What is recorded' }).waitFor();
    // The consent names everything the integrity checks record (the server's own notice).
    const recorded = await page.getByRole('region', { name: 'What is recorded' }).textContent();
    for (const line of RECORDING_NOTICE.recorded) expect(recorded).toContain(line);
    const start = page.getByRole('button', { name: 'Start the assessment' });
    expect(await start.isDisabled()).toBe(true);
    await page.getByLabel(/I have read this and agree/).check();
    await screenshot(page, '04-candidate-welcome');
    await start.click();

    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timerSeconds(page)).toBeGreaterThan(74 * 60);
    await page.getByRole('button', { name: new RegExp(CHALLENGE_TITLE) }).click();
    await page.getByRole('heading', { name: CHALLENGE_TITLE }).first().waitFor();
    const language = page.getByLabel('Language');
    if (await language.count()) await language.selectOption('javascript');
    const editorLabel = `Your JavaScript code for ${CHALLENGE_TITLE}`;
    await replaceEditorText(page, editorLabel, CANDIDATE_CODE);
    // A paste and the window losing focus are reported as activity (sizes and times, no content).
    await page.getByRole('textbox', { name: editorLabel }).evaluate(
      `(element, text) => { const data = new DataTransfer(); data.setData('text/plain', text);
          element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true })); }`,
      PASTED,
    );
    await page.evaluate(`window.dispatchEvent(new Event('blur')); window.dispatchEvent(new Event('focus'))`);
    const saveState = page.locator('.save-state');
    await expect(saveState.filter({ hasText: /Saved at/ }).waitFor({ timeout: 15_000 })).resolves.toBeUndefined();

    // Sample run: every test's verdict arrives over the socket.
    await page.getByRole('button', { name: 'Run samples' }).click();
    const results = page.getByRole('region', { name: 'Test results' });
    await results.getByText('the example').waitFor({ timeout: 30_000 });
    await results
      .getByText(/2 of 2|2\/2|all .*pass/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await screenshot(page, '05-candidate-sample-run');

    await page.getByRole('button', { name: 'Submit', exact: true }).click();
    await results
      .getByText(/hidden/i)
      .first()
      .waitFor({ timeout: 30_000 });
    await page.locator('.item-nav-status').first().waitFor();
    await screenshot(page, '06-candidate-submitted');

    // Offline: the work stays in the browser and is saved once the connection is back. The playback keeps a
    // snapshot at most every SNAPSHOT_INTERVAL_MS per item: the judging above can take less than that, so wait
    // for the offline edit to become a snapshot of its own.
    await page.waitForTimeout(SNAPSHOT_INTERVAL_MS + 100);
    await context.setOffline(true);
    await page.getByRole('alert').filter({ hasText: 'You are offline' }).waitFor();
    const editor = page.getByRole('textbox', { name: editorLabel });
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.insertText(`\n${OFFLINE_EDIT}\n`);
    await saveState.filter({ hasText: /Not saved yet/ }).waitFor({ timeout: 15_000 });
    await screenshot(page, '07-candidate-offline');
    await context.setOffline(false);
    await saveState.filter({ hasText: /Saved at/ }).waitFor({ timeout: 20_000 });
    await page.getByRole('status', { name: /Connection: (Live|Connected)/ }).waitFor();

    // A reload resumes the session with the time left and the work kept.
    const before = await timerSeconds(page);
    await page.reload();
    await page.getByRole('timer').waitFor();
    await page.getByRole('button', { name: new RegExp(CHALLENGE_TITLE) }).click();
    await page.getByRole('textbox', { name: editorLabel }).waitFor();
    expect(await page.getByRole('textbox', { name: editorLabel }).textContent()).toContain(OFFLINE_EDIT);
    const after = await timerSeconds(page);
    // The server's time left, not a fresh clock (the screens ran a few seconds apart; a slow answer
    // under load shifts the client's countdown by its latency, hence the margin).
    expect(Math.abs(after - before)).toBeLessThan(90);
    expect(after).toBeLessThanOrEqual(75 * 60);
    await screenshot(page, '08-candidate-resumed');

    await page.getByRole('button', { name: 'Finish…' }).click();
    await page.getByRole('heading', { name: 'Finish the assessment?' }).waitFor();
    await screenshot(page, '09-candidate-finish-dialog');
    await page.getByRole('button', { name: 'Finish now' }).click();
    await page.locator('.finished').waitFor();
    await screenshot(page, '10-candidate-finished');

    const session = await api.post('/api/v1/auth/login', { email: recruiter.email, password: recruiter.password });
    const sessions = await api.get(`/api/v1/assessments/${assessmentId}/sessions`, {
      token: session.body.accessToken,
    });
    expect(sessions.status).toBe(200);
    const ada = sessions.body.find((row: { candidateName: string }) => row.candidateName === 'Ada Lovelace');
    expect(ada).toMatchObject({ status: 'finished' });
    candidateSessionId = ada.sessionId ?? ada.id;
    await context.close();
  }, 240_000);

  /** A second candidate through the API only (a wrong answer), so that the board has a spread. */
  const secondCandidate = async (staffToken: string) => {
    const invite = await api.post(
      `/api/v1/assessments/${assessmentId}/invites`,
      { candidateName: 'Brian Kernighan', candidateEmail: 'brian@example.test' },
      { token: staffToken },
    );
    const started = await api.post('/api/v1/candidate/sessions', { inviteToken: invite.body.token });
    const token = started.body.sessionToken as string;
    const item = started.body.session.items.find((entry: { title: string }) => entry.title === CHALLENGE_TITLE);
    const code = CANDIDATE_CODE.replace('entry.until <= nowMs) return null', 'entry.until < nowMs) return null');
    const accepted = await api.post(
      `/api/v1/candidate/session/items/${item.id}/submissions`,
      { language: 'javascript', code },
      { token },
    );
    expect(accepted.status).toBe(202);
    const deadline = Date.now() + 120_000;
    for (;;) {
      const result = await api.get(`/api/v1/candidate/submissions/${accepted.body.submissionId}`, { token });
      if (result.body.status === 'finished') break;
      if (Date.now() > deadline) throw new Error('the second candidate was not judged in 120 s');
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
    expect((await api.post('/api/v1/candidate/session/finish', undefined, { token })).status).toBe(200);
  };

  /** Whether the API of this build has a route (a 404 without a code means Express found no handler). */
  const routeExists = async (method: string, path: string) => {
    const response = await api.request(method, path, method === 'GET' ? undefined : {});
    return !(response.status === 404 && /^Cannot /.test(String(response.body?.message)));
  };

  it('gives the interviewer the code, per-test results, playback, comments, rubric and decision', async () => {
    const admin = await api.post('/api/v1/auth/login', { email: recruiter.email, password: recruiter.password });
    const added = await api.post(
      '/api/v1/members',
      { ...interviewer, role: 'interviewer' },
      { token: admin.body.accessToken },
    );
    expect(added.status).toBe(201);
    await secondCandidate(admin.body.accessToken);

    const { context, page } = await newPage();
    await signIn(page, interviewer);
    await page.waitForURL(/\/app\/sessions$/);
    const row = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'Ada Lovelace' }) });
    await row.waitFor();
    await screenshot(page, '11-interviewer-sessions');
    await row.getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(new RegExp(`/app/sessions/${candidateSessionId}$`));
    await page.getByRole('heading', { name: 'Ada Lovelace' }).waitFor();
    // Ada's answer came as one large insertion and resembles Brian's: the room suggests a review and says why.
    const mark = page.getByRole('region', { name: 'Integrity review suggested' });
    await mark.waitFor();
    expect(await mark.getByRole('listitem').first().textContent()).toMatch(/characters|similar/);
    await page
      .getByRole('button', { name: new RegExp(CHALLENGE_TITLE) })
      .first()
      .click();

    const finalCode = page.getByRole('textbox', { name: `Final code of ${CHALLENGE_TITLE}` });
    await finalCode.waitFor();
    // The submission counts (the offline edit came after it); the playback holds the later drafts.
    expect(await finalCode.textContent()).toContain('this.store = new Map();');
    expect(await finalCode.textContent()).not.toContain(OFFLINE_EDIT);
    // Staff see every test by its real name.
    const tests = page.getByRole('region', { name: 'Test results' });
    await tests.getByText('a read makes an entry the most recently used').waitFor();

    // Playback: the slider moves through the autosaved snapshots.
    const slider = page.getByRole('slider', { name: 'Snapshot' });
    await slider.waitFor();
    expect(Number(await slider.getAttribute('max'))).toBeGreaterThanOrEqual(1);
    await slider.focus();
    await page.keyboard.press('End');
    const snapshots = Number(await slider.getAttribute('max')) + 1;
    const last = page.getByRole('textbox', { name: `Snapshot ${snapshots} of ${CHALLENGE_TITLE}` });
    expect(await last.textContent()).toContain(OFFLINE_EDIT);
    await page.keyboard.press('Home');
    expect(await slider.getAttribute('aria-valuetext')).toMatch(/^Snapshot 1 of \d+/);
    await page.getByRole('textbox', { name: `Snapshot 1 of ${CHALLENGE_TITLE}` }).waitFor();
    await screenshot(page, '12-interviewer-session');

    // The activity the candidate's browser reported: the large insertion, the focus lost and back (a
    // synthetic paste event is not one CodeMirror takes, so pastes are not asserted here).
    const activity = page.getByRole('region', { name: 'Activity', exact: true });
    await activity.getByRole('cell', { name: 'Large insertion' }).first().waitFor();
    await activity.getByRole('cell', { name: 'Left the window' }).first().waitFor();
    await activity.getByRole('cell', { name: 'Came back' }).first().waitFor();

    // A score override: the audit under the form lists it with the reason, who and when.
    const audit = page.getByRole('region', { name: 'Score changes' });
    await audit.getByText('The score has not been changed by hand.').waitFor();
    await page.getByText('Override the score').click();
    await page.getByLabel('New score (%)').fill('95');
    await page.getByLabel('Reason').fill('Eviction order explained but one edge case hard-coded.');
    await page.getByRole('button', { name: 'Override', exact: true }).click();
    await audit.getByText('Eviction order explained but one edge case hard-coded.').waitFor();
    expect(await audit.getByRole('listitem').first().textContent()).toMatch(
      /100\s?%\s*→\s*95\s?%.*by Ivan Interviewer/,
    );

    const comments = page.getByRole('region', { name: 'Line comments' });
    await comments.getByLabel('Line', { exact: true }).fill('3');
    await comments.getByLabel(/Comment on line 3/).fill('A Map keeps insertion order: nice.');
    await comments.getByRole('button', { name: /comment/i }).click();
    if (await routeExists('POST', '/api/v1/submissions/00000000-0000-4000-8000-000000000000/comments')) {
      await comments.getByText('A Map keeps insertion order: nice.').waitFor();
    } else {
      await comments.getByText('Coming with the API work in progress.').waitFor();
    }

    // Each item is rated on its own rubric: its criteria, levels and anchors as GET /sessions/:id sends them.
    const review = page.getByRole('form', { name: 'Review' });
    const staffToken = admin.body.accessToken as string;
    const detail = (await api.get(`/api/v1/sessions/${candidateSessionId}`, { token: staffToken })).body as {
      items: { itemId: string; rubric: { criteria: { title: string; levels: { anchor?: string }[] }[] } }[];
    };
    const titles = new Map(
      (
        (await api.get(`/api/v1/assessments/${assessmentId}`, { token: staffToken })).body.items as AssessmentItem[]
      ).map((item) => [item.id, item.title]),
    );
    expect(detail.items).toHaveLength(2);
    for (const item of detail.items) {
      const group = review.getByRole('group', { name: `Rubric of ${titles.get(item.itemId)}` });
      const legends = await group.locator('fieldset.rubric-criterion > legend').allTextContents();
      expect(legends).toEqual(item.rubric.criteria.map((criterion) => criterion.title));
      for (const criterion of item.rubric.criteria) {
        const anchor = criterion.levels.find((level) => level.anchor)?.anchor;
        if (anchor) await group.getByText(anchor, { exact: true }).first().waitFor();
      }
      for (const criterion of await group.locator('fieldset.rubric-criterion').all()) {
        await criterion.getByRole('radio').last().check();
      }
    }
    await review.getByRole('radio', { name: /^Yes$/ }).check();
    await review.getByLabel('Summary').fill('Clean, correct, explained the eviction order.');
    await review.getByRole('button', { name: /Submit review|Update review/ }).click();
    if (await routeExists('PUT', `/api/v1/sessions/${candidateSessionId}/review`)) {
      await review.getByText(/^Saved /).waitFor();
      // The server holds a rating for every criterion of each item's own rubric.
      const saved = (await api.get(`/api/v1/sessions/${candidateSessionId}`, { token: staffToken })).body as {
        reviews: { rubric: Record<string, Record<string, { score: number }>> }[];
      };
      for (const item of detail.items) {
        expect(Object.keys(saved.reviews[0].rubric[item.itemId] ?? {})).toHaveLength(item.rubric.criteria.length);
      }
    } else {
      await review.getByText('Coming with the API work in progress.').waitFor();
    }
    await screenshot(page, '13-interviewer-review');
    await context.close();
  }, 180_000);

  it('shows the recruiter a ranked board, a histogram, a comparison and a CSV export', async () => {
    const { context, page } = await newPage(
      await chromium.browser.newContext({ viewport: VIEWPORT, baseURL: running.url, acceptDownloads: true }),
    );
    await signIn(page, recruiter);
    await page.goto(`/app/assessments/${assessmentId}/results`);
    await page.getByRole('heading', { name: 'Comparison board' }).waitFor();
    const rows = page.locator('table tbody tr');
    await rows.nth(1).waitFor();
    // Ranked by total: Ada (every test) above Brian (one off-by-one).
    expect(await rows.nth(0).textContent()).toContain('Ada Lovelace');
    expect(await rows.nth(1).textContent()).toContain('Brian Kernighan');
    // Ada's row carries the integrity mark; its reasons unfold under it (the same as the API's).
    const login = await api.post('/api/v1/auth/login', { email: recruiter.email, password: recruiter.password });
    const marked = (
      await api.get(`/api/v1/assessments/${assessmentId}/results`, { token: login.body.accessToken as string })
    ).body as { candidateName: string; integrityReview: { suggested: boolean; reasons: string[] } }[];
    const ada = marked.find((result) => result.candidateName === 'Ada Lovelace')!;
    expect(ada.integrityReview.suggested).toBe(true);
    await rows.nth(0).getByText('Integrity review suggested').click();
    await rows.nth(0).getByText(ada.integrityReview.reasons[0]).waitFor();
    const brian = marked.find((result) => result.candidateName === 'Brian Kernighan')!;
    expect(await rows.nth(1).getByText('Integrity review suggested').count()).toBe(
      brian.integrityReview.suggested ? 1 : 0,
    );
    await page.getByRole('heading', { name: 'Spread of totals' }).waitFor();
    expect(await page.locator('section[aria-labelledby="spread-heading"] svg').count()).toBeGreaterThan(0);
    await screenshot(page, '14-recruiter-board');

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = readFileSync(await (await download).path(), 'utf8');
    const lines = csv.trim().split(/\r?\n/);
    expect(lines).toHaveLength(3);
    expect(lines[1]).toContain('Ada Lovelace');
    expect(lines[2]).toContain('Brian Kernighan');

    await page.getByRole('checkbox', { name: 'Compare Ada Lovelace' }).check();
    await page.getByRole('checkbox', { name: 'Compare Brian Kernighan' }).check();
    await page.getByRole('button', { name: 'Compare 2 candidates' }).click();
    await page.getByRole('heading', { name: 'Side by side', exact: true }).waitFor();
    if (await routeExists('GET', `/api/v1/assessments/${assessmentId}/compare?sessions=a,b`)) {
      await page.getByRole('heading', { name: 'Competencies' }).waitFor();
    } else {
      await page.getByText('Coming with the API work in progress.').waitFor();
    }
    await screenshot(page, '15-recruiter-compare');
    await context.close();
  }, 180_000);

  it('lets an admin add a webhook (its secret shown once), disable it, rotate its secret and read its deliveries', async () => {
    const { context, page } = await newPage();
    await signIn(page, recruiter);
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Webhooks' }).click();
    await page.getByRole('heading', { name: 'Webhooks', exact: true }).waitFor();
    await page.getByText('No webhook yet.').waitFor();
    await page.getByLabel('URL').fill('https://hooks.example.test/assay');
    await page.getByLabel('Description').fill('ATS sync');
    await page.getByRole('checkbox', { name: /score\.overridden/ }).uncheck();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const secret = page.getByRole('textbox', { name: 'Signing secret' });
    await secret.waitFor();
    const first = await secret.inputValue();
    expect(first.length).toBeGreaterThanOrEqual(24);
    const login = await api.post('/api/v1/auth/login', { email: recruiter.email, password: recruiter.password });
    const listed = async () =>
      (await api.get('/api/v1/webhooks', { token: login.body.accessToken as string })).body as Record<
        string,
        unknown
      >[];
    const [endpoint] = await listed();
    expect(endpoint).toMatchObject({ url: 'https://hooks.example.test/assay', enabled: true, description: 'ATS sync' });
    expect(endpoint.events).toEqual(['session.completed', 'review.submitted']);
    expect(JSON.stringify(endpoint)).not.toContain(first);
    await screenshot(page, '16-admin-webhooks');
    await page.getByRole('button', { name: 'I have stored it' }).click();
    expect(await secret.count()).toBe(0);

    const card = page.getByRole('article', { name: 'Webhook https://hooks.example.test/assay' });
    await card.getByRole('button', { name: 'Disable' }).click();
    await card.getByText('Disabled', { exact: true }).waitFor();
    expect((await listed())[0].enabled).toBe(false);
    page.once('dialog', (dialog) => void dialog.accept());
    await card.getByRole('button', { name: 'Rotate secret' }).click();
    await secret.waitFor();
    expect(await secret.inputValue()).not.toBe(first);
    await card.getByRole('button', { name: 'Deliveries' }).click();
    await card.getByText('Nothing sent yet.').waitFor();
    await context.close();
  }, 60_000);

  it('sends the candidate nothing secret: no hidden test, reference solution or rubric anchor', async () => {
    await candidateTraffic.settled();
    expect(candidateTraffic.received.length).toBeGreaterThan(10);
    expect(candidateTraffic.received.some((entry) => entry.where.startsWith('socket'))).toBe(true);
    const leaks = candidateTraffic.received.flatMap((entry) => leaksIn(entry.text, entry.where, markers));
    expect(leaks).toEqual([]);
  });
});
