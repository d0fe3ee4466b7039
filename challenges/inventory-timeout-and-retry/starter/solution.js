/**
 * @param {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: unknown }} request
 * @param {{ deps: { inventory: { call(payload: { sku: string }): Promise<{ available: number }> } },
 *           sleep(ms: number): Promise<void>, clock: { now(): number } }} context
 *   Rejections of `inventory.call` carry the warehouse's `status` (404, 503, ...) and a `code` ('UNAVAILABLE' or 'TIMEOUT').
 * @returns {Promise<{ status: number, headers?: Record<string, string>, body?: unknown }>}
 */
export async function handle(request, context) {
  const available = await context.deps.inventory.call({ sku: 'TODO' });
  return { status: 501, body: { error: 'not_implemented' } };
}
