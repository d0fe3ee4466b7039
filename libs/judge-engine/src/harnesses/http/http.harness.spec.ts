import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { JudgeEngine } from '../../judge-engine.js';

let sut: JudgeEngine;

beforeAll(async () => {
  sut = await JudgeEngine.start({ workers: 1, killGraceMs: 1_000 });
});

afterAll(async () => {
  await sut.stop();
});

/** Orders API: rate limit 2/min per client, idempotency keys, payment with 3 retries and backoff. */
const SERVICE = `
export async function handle(request, { store, deps, clock, sleep }) {
  const client = request.headers['x-client'] ?? 'anonymous';
  const used = store.incr('rate:' + client, 1, { ttlMs: 60_000 });
  if (used > 2) return { status: 429, headers: { 'Retry-After': Math.ceil(store.ttl('rate:' + client) / 1000) } };
  if (request.method === 'GET' && request.path === '/health') return { status: 200, body: { ok: true, now: clock.now() } };
  if (request.method === 'POST' && request.path === '/orders') {
    const key = request.headers['idempotency-key'];
    if (key && store.has('order:' + key)) return { status: 200, body: store.get('order:' + key) };
    for (let attempt = 0; attempt < 3; attempt++) {
      try {
        const payment = await deps.payments.call({ amount: request.body.amount });
        const order = { id: 'o-' + (store.incr('orders') ), amount: request.body.amount, payment: payment.id };
        if (key) store.set('order:' + key, order);
        return { status: 201, headers: { 'content-type': 'application/json' }, body: order };
      } catch (error) {
        if (error.code !== 'UNAVAILABLE') return { status: 504, body: { error: error.code } };
        await sleep(100 * 2 ** attempt);
      }
    }
    return { status: 503, body: { error: 'payments unavailable' } };
  }
  return { status: 404, body: { error: 'not found' } };
}`;

const harness = { kind: 'http', dependencies: { payments: { latencyMs: 20, response: { id: 'pay-1' } } } };

const tests = [
  {
    name: 'rate limit with the virtual clock',
    sample: true,
    steps: [
      {
        request: { method: 'GET', path: '/health', headers: { 'X-Client': 'a' } },
        expect: { status: 200, body: { ok: true, now: 1704067200000 } },
      },
      { request: { method: 'GET', path: '/health', headers: { 'X-Client': 'a' } }, expect: { status: 200 } },
      {
        request: { method: 'GET', path: '/health', headers: { 'X-Client': 'a' } },
        expect: { status: 429, headers: { 'retry-after': '60' } },
      },
      { advanceClock: 60_000 },
      {
        request: { method: 'GET', path: '/health', headers: { 'X-Client': 'a' } },
        expect: { status: 200, body: { ok: true }, bodyMatch: 'partial' },
      },
    ],
  },
  {
    name: 'retries a failing dependency with backoff, idempotently',
    steps: [
      { dependency: 'payments', mode: 'fail', times: 2 },
      {
        request: { method: 'POST', path: '/orders', headers: { 'idempotency-key': 'k1' }, body: { amount: 5 } },
        expect: {
          status: 201,
          body: { id: 'o-1', amount: 5, payment: 'pay-1' },
          bodySchema: { type: 'object', required: ['id', 'amount'], properties: { amount: { type: 'number' } } },
        },
      },
      { expectDependencyCalls: { payments: 3 } },
      {
        request: { method: 'POST', path: '/orders', headers: { 'idempotency-key': 'k1' }, body: { amount: 5 } },
        expect: { status: 200, body: { id: 'o-1', amount: 5, payment: 'pay-1' } },
      },
      { expectDependencyCalls: { payments: 3 } },
    ],
  },
  {
    name: 'gives up on a timing-out dependency',
    steps: [
      { dependency: 'payments', mode: 'timeout', latencyMs: 5000 },
      {
        request: { method: 'POST', path: '/orders', headers: { 'x-client': 'b' }, body: { amount: 1 } },
        expect: { status: 504, body: { error: 'TIMEOUT' } },
      },
      { expectDependencyCalls: { payments: 1 } },
    ],
  },
];

function submission(source: string): Parameters<JudgeEngine['judge']>[0] {
  return { language: 'javascript', source, harness, tests, limits: { timeLimitMs: 2_000 } };
}

describe('http harness', () => {
  it('replays scripted requests with state, a store, a virtual clock and simulated dependencies', async () => {
    const result = await sut.judge(submission(SERVICE));
    expect(result.tests.map((test) => `${test.verdict} ${test.message}`)).toEqual([
      'ACCEPTED Accepted',
      'ACCEPTED Accepted',
      'ACCEPTED Accepted',
    ]);
  });

  it('accepts a TypeScript handler', async () => {
    const source = `type Req = { method: string; path: string; headers: Record<string, string>; body: any };\n${SERVICE.replace('export async function handle(request, { store, deps, clock, sleep })', 'export async function handle(request: Req, { store, deps, clock, sleep }: any)').replace('catch (error)', 'catch (error: any)')}`;
    const result = await sut.judge({ ...submission(source), language: 'typescript' });
    expect(result.verdict).toBe('ACCEPTED');
  });

  it('fails a handler without retries, naming the step only as far as a hidden test allows', async () => {
    const result = await sut.judge(submission(SERVICE.replace('attempt < 3', 'attempt < 1')));
    expect(result.tests[1]).toMatchObject({ verdict: 'WRONG_ANSWER', message: 'Request #1: wrong status' });
  });

  it('fails a wrong rate limit on a sample test with the details', async () => {
    const result = await sut.judge(submission(SERVICE.replace('used > 2', 'used > 3')));
    expect(result.tests[0]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: 'Request #3 (GET /health): status 200, expected 429',
    });
    expect(result.tests[0].details?.actual).toContain('"status":200');
  });

  it('checks headers, partial bodies, schemas and call counts', async () => {
    const noHeader = await sut.judge(
      submission(
        SERVICE.replace("headers: { 'Retry-After': Math.ceil(store.ttl('rate:' + client) / 1000) }", 'headers: {}'),
      ),
    );
    expect(noHeader.tests[0].message).toContain('header retry-after is missing');
    const badSchema = await sut.judge(
      submission(
        SERVICE.replace('amount: request.body.amount, payment', 'amount: String(request.body.amount), payment'),
      ),
    );
    expect(badSchema.tests[1]).toMatchObject({ verdict: 'WRONG_ANSWER' });
    const extraCalls = await sut.judge(
      submission(
        SERVICE.replace(
          "if (key && store.has('order:' + key)) return { status: 200, body: store.get('order:' + key) };",
          "if (key && store.has('order:' + key)) { await deps.payments.call({}); return { status: 200, body: store.get('order:' + key) }; }",
        ),
      ),
    );
    expect(extraCalls.tests[1]).toMatchObject({
      verdict: 'WRONG_ANSWER',
      message: 'Step #5: a dependency was called the wrong number of times',
    });
  });

  it('fails a handler that throws, hangs on a dependency or returns no response', async () => {
    const throwing = await sut.judge(submission('export function handle() { throw new TypeError("nope"); }'));
    expect(throwing.tests.map((test) => test.verdict)).toEqual(['RUNTIME_ERROR', 'RUNTIME_ERROR', 'RUNTIME_ERROR']);
    const hanging = await sut.judge({
      ...submission(
        'export async function handle(request, { deps }) { await deps.payments.call({}); return { status: 200 }; }',
      ),
      tests: [
        {
          name: 'hang',
          steps: [
            { dependency: 'payments', mode: 'hang' },
            { request: { method: 'GET', path: '/' }, expect: { status: 200 } },
          ],
        },
      ],
    });
    expect(hanging.tests[0]).toMatchObject({ verdict: 'TIME_LIMIT_EXCEEDED' });
    const empty = await sut.judge(submission('export function handle() { return "ok"; }'));
    expect(empty.tests[0].verdict).toBe('WRONG_ANSWER');
  });

  it('validates the script', async () => {
    await expect(
      sut.judge({
        ...submission(SERVICE),
        tests: [
          { name: 'x', steps: [{ dependency: 'nope', mode: 'fail' }, { request: { method: 'GET', path: '/' } }] },
        ],
      }),
    ).rejects.toThrow('tests[0].steps[0].dependency');
    await expect(
      sut.judge({
        ...submission(SERVICE),
        tests: [{ name: 'x', steps: [{ request: { method: 'FETCH', path: '/' } }] }],
      }),
    ).rejects.toThrow('tests[0].steps[0].request.method');
    await expect(
      sut.judge({
        ...submission(SERVICE),
        tests: [
          {
            name: 'x',
            steps: [{ request: { method: 'GET', path: '/' }, expect: { bodySchema: { type: 'nonsense' } } }],
          },
        ],
      }),
    ).rejects.toThrow('bodySchema');
  });
});
