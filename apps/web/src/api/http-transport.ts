import { ApiError, apiErrorFrom, networkError } from './api-error.js';

/** Where the API lives: the SPA is served by the API itself, so the same origin. */
export const API_BASE = '/api/v1';

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface HttpRequest {
  method: HttpMethod;
  path: string;
  body?: unknown;
  token?: string;
  signal?: AbortSignal;
  /** `json` (default) parses the body; `blob` returns it as is (CSV downloads). */
  accept?: 'json' | 'blob';
  /** Lets the request outlive the page (a small report sent as the tab closes or reloads). */
  keepalive?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  body: T;
}

export type Fetcher = (input: string, init: RequestInit) => Promise<Response>;

/** Plain HTTP to the API: JSON in, JSON out, and every failure as an `ApiError`. */
export class HttpTransport {
  constructor(
    private readonly base = API_BASE,
    private readonly fetcher: Fetcher = (input, init) => fetch(input, init),
  ) {}

  async send<T>(request: HttpRequest): Promise<HttpResponse<T>> {
    const headers: Record<string, string> = { accept: request.accept === 'blob' ? '*/*' : 'application/json' };
    if (request.token) headers.authorization = `Bearer ${request.token}`;
    if (request.body !== undefined) headers['content-type'] = 'application/json';
    let response: Response;
    try {
      response = await this.fetcher(`${this.base}${request.path}`, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: request.signal,
        credentials: 'same-origin',
        cache: 'no-store',
        ...(request.keepalive ? { keepalive: true } : {}),
      });
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
      throw networkError();
    }
    if (response.ok && request.accept === 'blob') {
      return { status: response.status, body: (await response.blob()) as T };
    }
    const text = await response.text().catch(() => '');
    let parsed: unknown = text;
    if (text && (response.headers.get('content-type') ?? '').includes('json')) {
      try {
        parsed = JSON.parse(text) as unknown;
      } catch {
        if (response.ok) throw new ApiError(response.status, 'The server sent a response that is not valid JSON.');
      }
    }
    if (!response.ok) throw apiErrorFrom(response.status, parsed, response.headers.get('retry-after'));
    return { status: response.status, body: (text ? parsed : undefined) as T };
  }
}
