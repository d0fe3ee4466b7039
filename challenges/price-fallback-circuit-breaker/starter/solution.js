/**
 * @param {{ method: string, path: string, query: Record<string, string>, headers: Record<string, string>, body: unknown }} request
 * @param {{ deps: { pricing: { call(payload: { sku: string }): Promise<{ price: number }> } },
 *           clock: { now(): number }, sleep(ms: number): Promise<void> }} context
 * @returns {Promise<{ status: number, headers?: Record<string, string>, body?: unknown }>}
 */
export async function handle(request, context) {
  const { price } = await context.deps.pricing.call({ sku: 'TODO' });
  return { status: 501, body: { error: 'not_implemented' } };
}
