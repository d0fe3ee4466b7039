/**
 * @param {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: unknown }} request
 * @param {{ store: object, clock: { now(): number }, deps: { payments: { call(payment: object): Promise<{ id: string }> } } }} context
 * @returns {Promise<{ status: number, headers?: Record<string, string>, body?: unknown }>}
 */
export async function handle(request, context) {
  return { status: 501, body: { error: 'not_implemented' } };
}
