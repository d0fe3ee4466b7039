/**
 * @param {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: unknown }} request
 *   Header names are lower-case. `x-tenant-id` and `x-role` come from the gateway; everything else from the caller.
 * @returns {{ status: number, headers?: Record<string, string>, body?: unknown }}
 */
export function handle(request) {
  return { status: 501, body: { error: 'not_implemented' } };
}
