/** A failed request, as the API described it (`{statusCode, error, message, code?, details?}`). */
export class ApiError extends Error {
  constructor(
    /** 0 when the server could not be reached at all. */
    readonly status: number,
    message: string,
    readonly code?: string,
    readonly details?: unknown,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  get isNetworkFailure(): boolean {
    return this.status === 0;
  }

  /**
   * Express answers a route nobody registered with "Cannot GET /path" and no code: the screen is
   * ahead of the server it talks to.
   */
  get isRouteMissing(): boolean {
    return this.status === 404 && this.code === undefined && /^Cannot [A-Z]+ \//.test(this.message);
  }
}

const NETWORK_MESSAGE = 'Cannot reach the server. Check your connection; nothing you saved is lost.';

export function networkError(): ApiError {
  return new ApiError(0, NETWORK_MESSAGE, 'network');
}

/** Reads an error body defensively: it crossed the network and may be anything. */
export function apiErrorFrom(status: number, body: unknown, retryAfter?: string | null): ApiError {
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const message =
    typeof fields.message === 'string' && fields.message.trim()
      ? fields.message
      : Array.isArray(fields.message)
        ? fields.message.filter((part): part is string => typeof part === 'string').join('; ')
        : typeof body === 'string' && body.trim() && body.length < 300
          ? body
          : `The server answered ${status}.`;
  const code = typeof fields.code === 'string' ? fields.code : undefined;
  const seconds = retryAfter ? Number.parseInt(retryAfter, 10) : Number.NaN;
  return new ApiError(status, message, code, fields.details, Number.isFinite(seconds) ? seconds : undefined);
}

/** One sentence for a person, whatever was thrown. */
export function describeError(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.isRouteMissing) {
      return 'This part of the API is not available on this server yet.';
    }
    if (error.status === 429) {
      return error.retryAfterSeconds
        ? `Too many attempts. Try again in ${error.retryAfterSeconds} s.`
        : 'Too many attempts. Try again in a minute.';
    }
    if (error.status >= 500) return 'Something went wrong on the server. Try again in a moment.';
    return error.message;
  }
  if (error instanceof Error && error.message) return error.message;
  return 'Something unexpected happened.';
}
