// Looks payments up by id alone, so any merchant can read any other merchant's payment by guessing ids.
interface HttpRequest {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: unknown;
}

interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

interface Store {
  get(key: string): unknown;
  set(key: string, value: unknown, options?: { ttlMs?: number }): void;
}

interface Context {
  store: Store;
  deps: { payments: { call(payload: unknown): Promise<{ id: string }> } };
}

interface Payment {
  amount: number;
  currency: string;
  customerId: string;
}

interface KeyRecord {
  payment: Payment;
  response: HttpResponse;
}

const KEY_TTL_MS = 24 * 60 * 60 * 1000;
const IDEMPOTENCY_KEY = /^[A-Za-z0-9_-]{1,64}$/;
const CURRENCY = /^[A-Z]{3}$/;

const json = (status: number, body: unknown, headers: Record<string, string> = {}): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body,
});

function invalidFields(body: unknown): string[] {
  const fields =
    body !== null && typeof body === 'object' && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const invalid: string[] = [];
  const amount = fields.amount;
  if (typeof amount !== 'number' || !Number.isInteger(amount) || amount <= 0 || amount > 1_000_000)
    invalid.push('amount');
  if (typeof fields.currency !== 'string' || !CURRENCY.test(fields.currency)) invalid.push('currency');
  if (typeof fields.customerId !== 'string' || fields.customerId === '') invalid.push('customerId');
  return invalid;
}

function samePayment(a: Payment, b: Payment): boolean {
  return a.amount === b.amount && a.currency === b.currency && a.customerId === b.customerId;
}

async function createPayment(request: HttpRequest, context: Context, merchant: string): Promise<HttpResponse> {
  const key = request.headers['idempotency-key'];
  if (key === undefined || !IDEMPOTENCY_KEY.test(key)) return json(400, { error: 'idempotency_key_required' });
  const invalid = invalidFields(request.body);
  if (invalid.length > 0) return json(422, { error: 'invalid_payment', fields: invalid });
  const { amount, currency, customerId } = request.body as Payment;
  const payment: Payment = { amount, currency, customerId };

  const recordKey = `key:${merchant}:${key}`;
  const earlier = context.store.get(recordKey) as KeyRecord | undefined;
  if (earlier) {
    if (!samePayment(earlier.payment, payment)) return json(422, { error: 'idempotency_key_reused' });
    return { ...earlier.response, headers: { ...earlier.response.headers, 'idempotent-replayed': 'true' } };
  }

  let charged: { id: string };
  try {
    charged = await context.deps.payments.call(payment);
  } catch {
    // Nothing was charged: the key stays unspent so that the client's retry reaches the processor.
    return json(502, { error: 'payment_provider_unavailable' });
  }
  const created = { id: charged.id, ...payment, status: 'captured' };
  const response = json(201, created, { location: `/payments/${charged.id}` });
  context.store.set(recordKey, { payment, response }, { ttlMs: KEY_TTL_MS });
  context.store.set(`payment:${charged.id}`, created);
  return response;
}

export async function handle(request: HttpRequest, context: Context): Promise<HttpResponse> {
  const merchant = request.headers['x-api-key'];
  if (!merchant) return json(401, { error: 'unauthenticated' });
  if (request.path === '/payments') {
    if (request.method !== 'POST') return json(405, { error: 'method_not_allowed' }, { allow: 'POST' });
    return createPayment(request, context, merchant);
  }
  const match = /^\/payments\/([^/]+)$/.exec(request.path);
  if (match && request.method === 'GET') {
    const payment = context.store.get(`payment:${match[1]}`);
    return payment ? json(200, payment) : json(404, { error: 'payment_not_found' });
  }
  return json(404, { error: 'not_found' });
}
