// Waits for pricing however long it takes, so a hanging service hangs the checkout.
interface HttpRequest {
  method: string;
  path: string;
}

interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body: unknown;
}

interface Context {
  deps: { pricing: { call(payload: { sku: string }): Promise<{ price: number }> } };
  clock: { now(): number };
  sleep(ms: number): Promise<void>;
}

const CALL_TIMEOUT_MS = 300;
const FAILURES_TO_OPEN = 5;
const OPEN_MS = 30_000;
const STALE_FOR_MS = 600_000;
const SKU = /^\/prices\/([A-Z0-9-]{1,32})$/;

/** One breaker for the whole pricing service. */
let consecutiveFailures = 0;
let openedAt: number | null = null;
const lastGood = new Map<string, { price: number; at: number }>();

const TIMED_OUT = Symbol('timed out');

async function callPricing(context: Context, sku: string): Promise<number | undefined> {
  try {
    const result = await context.deps.pricing.call({ sku });
    return result === TIMED_OUT ? undefined : (result as { price: number }).price;
  } catch {
    return undefined;
  }
}

function fallback(sku: string, now: number): HttpResponse {
  const known = lastGood.get(sku);
  if (known && now - known.at <= STALE_FOR_MS) {
    return {
      status: 200,
      headers: { warning: '110 - "Response is Stale"' },
      body: { sku, price: known.price, stale: true },
    };
  }
  const retryAfter = openedAt === null ? 1 : Math.ceil((openedAt + OPEN_MS - now) / 1000);
  return { status: 503, headers: { 'retry-after': String(retryAfter) }, body: { error: 'pricing_unavailable' } };
}

export async function handle(request: HttpRequest, context: Context): Promise<HttpResponse> {
  const match = SKU.exec(request.path);
  if (request.method !== 'GET' || !match) return { status: 404, body: { error: 'not_found' } };
  const sku = match[1]!;

  // Open: no call until the open period is over; then this request is the trial (half-open).
  if (openedAt !== null && context.clock.now() < openedAt + OPEN_MS) return fallback(sku, context.clock.now());

  const price = await callPricing(context, sku);
  const now = context.clock.now();
  if (price === undefined) {
    consecutiveFailures += 1;
    if (openedAt !== null || consecutiveFailures >= FAILURES_TO_OPEN) openedAt = now;
    return fallback(sku, now);
  }
  consecutiveFailures = 0;
  openedAt = null;
  lastGood.set(sku, { price, at: now });
  return { status: 200, body: { sku, price, stale: false } };
}
