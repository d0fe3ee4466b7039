// Retries at once without backing off, which piles load on a warehouse that is already overloaded.
const ATTEMPT_TIMEOUT_MS = 200;
const BACKOFF_MS = [100, 200];
const SKU = /^[A-Z0-9-]{1,32}$/;
function attempt(context, sku) {
  const call = context.deps.inventory.call({ sku }).then(
    (value) => ({ type: 'ok', available: value.available }),
    (error) => (error?.status === 404 ? { type: 'not-found' } : { type: 'failed' }),
  );
  const timeout = context.sleep(ATTEMPT_TIMEOUT_MS).then(() => ({ type: 'failed' }));
  return Promise.race([call, timeout]);
}
async function handle(request, context) {
  const match = /^\/stock\/(.*)$/.exec(request.path);
  if (request.method !== 'GET' || !match) return { status: 404, body: { error: 'not_found' } };
  const sku = match[1];
  if (!SKU.test(sku)) return { status: 400, body: { error: 'invalid_sku' } };
  const started = context.clock.now();
  let attempts = 0;
  const reply = (status, body, extra = {}) => ({
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
    const result = await attempt(context, sku);
    if (result.type === 'ok') return reply(200, { sku, available: result.available });
    if (result.type === 'not-found') return reply(404, { error: 'unknown_sku' });
    if (attempts > BACKOFF_MS.length) return reply(503, { error: 'inventory_unavailable' }, { 'retry-after': '5' });
  }
}
export { handle };
