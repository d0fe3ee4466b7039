export interface Order {
  id: string;
  createdAt: string;
  customerId: string;
  total: number;
}

export interface PageRequest {
  limit?: number;
  cursor?: string;
  customerId?: string;
}

export type Page = { items: Order[]; nextCursor: string | null } | { error: 'invalid-limit' | 'invalid-cursor' };

const DEFAULT_LIMIT = 20;
const MAX_LIMIT = 100;
const CURSOR = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)\|(.+)$/s;

/** Newest first; ids are unique, so two orders never compare equal. */
function newestFirst(a: Order, b: Order): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? 1 : -1;
  return a.id < b.id ? 1 : -1;
}

export function pageOrders(orders: Order[], request: PageRequest): Page {
  const limit = request.limit ?? DEFAULT_LIMIT;
  if (!Number.isInteger(limit) || limit < 1 || limit > MAX_LIMIT) return { error: 'invalid-limit' };

  let after: { createdAt: string; id: string } | undefined;
  if (request.cursor !== undefined) {
    const match = CURSOR.exec(request.cursor);
    if (!match) return { error: 'invalid-cursor' };
    after = { createdAt: match[1]!, id: match[2]! };
  }

  // Keyset condition: strictly after the cursor's (createdAt, id) in the page order.
  const matching = orders.filter(
    (order) =>
      (request.customerId === undefined || order.customerId === request.customerId) &&
      (after === undefined ||
        order.createdAt < after.createdAt ||
        (order.createdAt === after.createdAt && order.id < after.id)),
  );
  matching.sort(newestFirst);
  const items = matching.slice(0, limit);
  const last = items[items.length - 1];
  // One more matching order than the page holds is the only proof that a next page is not empty.
  return { items, nextCursor: matching.length > limit ? `${last!.createdAt}|${last!.id}` : null };
}
