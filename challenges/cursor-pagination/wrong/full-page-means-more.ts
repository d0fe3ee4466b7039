// Sends a next cursor whenever the page is full, so a client whose last page is exactly full fetches an empty page.
export interface Order {
  id: string;
  createdAt: string;
  customerId: string;
  total: number;
}

export function pageOrders(orders: Order[], request: { limit?: number; cursor?: string; customerId?: string }) {
  const limit = request.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: 'invalid-limit' };
  let after: [string, string] | undefined;
  if (request.cursor !== undefined) {
    const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.+)$/s.exec(request.cursor);
    if (!match) return { error: 'invalid-cursor' };
    after = [match[1]!, match[2]!];
  }
  const items = orders
    .filter((order) => request.customerId === undefined || order.customerId === request.customerId)
    .filter((order) => !after || order.createdAt < after[0] || (order.createdAt === after[0] && order.id < after[1]))
    .sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1))
    .slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: items.length === limit && last ? `${last.createdAt}|${last.id}` : null };
}
