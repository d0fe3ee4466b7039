/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
export interface HttpRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Lower-case names. `x-tenant-id` and `x-role` come from the gateway; everything else from the caller. */
  headers: Record<string, string>;
  body: unknown;
}

export interface HttpResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

export function handle(request: HttpRequest): HttpResponse {
  return { status: 501, body: { error: 'not_implemented' } };
}
