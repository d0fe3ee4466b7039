// Counts a failed trial as one more failure instead of reopening, so a dead service gets a call on every request after the first 30 seconds.
const CALL_TIMEOUT_MS = 300;
const FAILURES_TO_OPEN = 5;
const OPEN_MS = 3e4;
const STALE_FOR_MS = 6e5;
const SKU = /^\/prices\/([A-Z0-9-]{1,32})$/;
let consecutiveFailures = 0;
let openedAt = null;
const lastGood = /* @__PURE__ */ new Map();
const TIMED_OUT = /* @__PURE__ */ Symbol('timed out');
async function callPricing(context, sku) {
  try {
    const result = await Promise.race([
      context.deps.pricing.call({ sku }),
      context.sleep(CALL_TIMEOUT_MS).then(() => TIMED_OUT),
    ]);
    return result === TIMED_OUT ? void 0 : result.price;
  } catch {
    return void 0;
  }
}
function fallback(sku, now) {
  const known = lastGood.get(sku);
  if (known && now - known.at <= STALE_FOR_MS) {
    return {
      status: 200,
      headers: { warning: '110 - "Response is Stale"' },
      body: { sku, price: known.price, stale: true },
    };
  }
  const retryAfter = openedAt === null ? 1 : Math.ceil((openedAt + OPEN_MS - now) / 1e3);
  return { status: 503, headers: { 'retry-after': String(retryAfter) }, body: { error: 'pricing_unavailable' } };
}
async function handle(request, context) {
  const match = SKU.exec(request.path);
  if (request.method !== 'GET' || !match) return { status: 404, body: { error: 'not_found' } };
  const sku = match[1];
  if (openedAt !== null && context.clock.now() < openedAt + OPEN_MS) return fallback(sku, context.clock.now());
  const price = await callPricing(context, sku);
  const now = context.clock.now();
  if (price === void 0) {
    consecutiveFailures += 1;
    if (consecutiveFailures % FAILURES_TO_OPEN === 0) openedAt = now;
    else if (openedAt !== null && now >= openedAt + OPEN_MS) openedAt = null;
    return fallback(sku, now);
  }
  consecutiveFailures = 0;
  openedAt = null;
  lastGood.set(sku, { price, at: now });
  return { status: 200, body: { sku, price, stale: false } };
}
export { handle };
