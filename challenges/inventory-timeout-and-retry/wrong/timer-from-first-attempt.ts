// Measures the 200 ms from the start of the request instead of each attempt, so retries after a slow first attempt are cut off at once.
interface HttpRequest {
  method: string;
  path: string;
}

interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: unknown;
}

interface Context {
  deps: { inventory: { call(payload: { sku: string }): Promise<{ available: number }> } };
  sleep(ms: number): Promise<void>;
  clock: { now(): number };
}

const ATTEMPT_TIMEOUT_MS = 200;
const BACKOFF_MS = [100, 200];
const SKU = /^[A-Z0-9-]{1,32}$/;

type Attempt = { type: 'ok'; available: number } | { type: 'not-found' } | { type: 'failed' };

/** One call, given up after the time-out; a late answer settles a promise nobody reads any more. */
function attempt(context: Context, sku: string, deadline: number): Promise<Attempt> {
  const call = context.deps.inventory.call({ sku }).then(
    (value): Attempt => ({ type: 'ok', available: value.available }),
    (error: { status?: number }): Attempt => (error?.status === 404 ? { type: 'not-found' } : { type: 'failed' }),
  );
  const timeout = context.sleep(Math.max(0, deadline - context.clock.now())).then((): Attempt => ({ type: 'failed' }));
  return Promise.race([call, timeout]);
}

export async function handle(
  request: HttpRequest,
  context: Context,
): Promise<HttpResponse | { status: number; body: unknown }> {
  const match = /^\/stock\/(.*)$/.exec(request.path);
  if (request.method !== 'GET' || !match) return { status: 404, body: { error: 'not_found' } };
  const sku = match[1]!;
  if (!SKU.test(sku)) return { status: 400, body: { error: 'invalid_sku' } };

  const started = context.clock.now();
  let attempts = 0;
  const reply = (status: number, body: unknown, extra: Record<string, string> = {}): HttpResponse => ({
    status,
    headers: {
      'x-attempts': String(attempts),
      'server-timing': `inventory;dur=${context.clock.now() - started}`,
      ...extra,
    },
    body,
  });

  for (;;) {
    attempts += 1;
    const result = await attempt(context, sku, started + ATTEMPT_TIMEOUT_MS);
    if (result.type === 'ok') return reply(200, { sku, available: result.available });
    if (result.type === 'not-found') return reply(404, { error: 'unknown_sku' });
    if (attempts > BACKOFF_MS.length) return reply(503, { error: 'inventory_unavailable' }, { 'retry-after': '5' });
    await context.sleep(BACKOFF_MS[attempts - 1]!);
  }
}
