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

/** Rejections carry the warehouse's `status` (404, 503, ...) and a `code`: 'UNAVAILABLE' or 'TIMEOUT'. */
export interface InventoryError extends Error {
  status: number;
  code: 'UNAVAILABLE' | 'TIMEOUT';
}

export interface Context {
  deps: { inventory: { call(payload: { sku: string }): Promise<{ available: number }> } };
  sleep(ms: number): Promise<void>;
  clock: { now(): number };
}

export async function handle(request: HttpRequest, context: Context): Promise<HttpResponse> {
  const available = await context.deps.inventory.call({ sku: 'TODO' });
  return { status: 501, body: { error: 'not_implemented' } };
}
