// Splits the cursor on every "|" and wants exactly two parts, so orders whose id contains "|" cannot be paged past.
export function pageOrders(orders, request) {
  const limit = request.limit ?? 20;
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) return { error: 'invalid-limit' };
  let after;
  if (request.cursor !== undefined) {
    const parts = request.cursor.split('|');
    if (parts.length !== 2 || !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/.test(parts[0]) || parts[1] === '') {
      return { error: 'invalid-cursor' };
    }
    after = { createdAt: parts[0], id: parts[1] };
  }
  const matching = orders.filter(
    (order) =>
      (request.customerId === undefined || order.customerId === request.customerId) &&
      (!after || order.createdAt < after.createdAt || (order.createdAt === after.createdAt && order.id < after.id)),
  );
  matching.sort((a, b) => (a.createdAt === b.createdAt ? (a.id < b.id ? 1 : -1) : a.createdAt < b.createdAt ? 1 : -1));
  const items = matching.slice(0, limit);
  const last = items[items.length - 1];
  return { items, nextCursor: matching.length > limit ? `${last.createdAt}|${last.id}` : null };
}
