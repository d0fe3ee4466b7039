/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export interface HttpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export interface Context {
  store: {
    get(key: string): unknown;
    set(key: string, value: unknown, options?: { ttlMs?: number }): void;
    has(key: string): boolean;
    delete(key: string): boolean;
  };
  clock: { now(): number };
  deps: {
    payments: { call(payment: { amount: number; currency: string; customerId: string }): Promise<{ id: string }> };
  };
}

export async function handle(request: HttpRequest, context: Context): Promise<HttpResponse> {
  return { status: 501, body: { error: 'not_implemented' } };
}
