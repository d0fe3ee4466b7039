// Keyset on createdAt alone: the orders of the same millisecond as the cursor's order are skipped.
export interface Order {
  id: string;
  createdAt: string;
  customerId: string;
  total: number;
}

export function pageOrders(orders: Order[], request: { limit?: number; cursor?: string; customerId?: string }) {
  const limit = request.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: 'invalid-limit' };
  let afterCreatedAt: string | undefined;
  if (request.cursor !== undefined) {
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.+)$/s.exec(request.cursor);
    if (!match) return { error: 'invalid-cursor' };
    afterCreatedAt = match[1];
  }
  const matching = orders
    .filter((order) => request.customerId === undefined || order.customerId === request.customerId)
    .filter((order) => afterCreatedAt === undefined || order.createdAt < afterCreatedAt)
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  const items = matching.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: matching.length > limit && last ? `${last.createdAt}|${last.id}` : null };
}
