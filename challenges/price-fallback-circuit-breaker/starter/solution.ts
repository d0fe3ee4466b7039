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
  deps: { pricing: { call(payload: { sku: string }): Promise<{ price: number }> } };
  clock: { now(): number };
  sleep(ms: number): Promise<void>;
}

export async function handle(request: HttpRequest, context: Context): Promise<HttpResponse> {
  const { price } = await context.deps.pricing.call({ sku: 'TODO' });
  return { status: 501, body: { error: 'not_implemented' } };
}
