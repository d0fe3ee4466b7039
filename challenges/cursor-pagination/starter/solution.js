/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
/**
 * @typedef {{ id: string, createdAt: string, customerId: string, total: number }} Order
 * @param {Order[]} orders
 * @param {{ limit?: number, cursor?: string, customerId?: string }} request
 * @returns {{ items: Order[], nextCursor: string | null } | { error: 'invalid-limit' | 'invalid-cursor' }}
 */
export function pageOrders(orders, request) {
  // Return one page of orders, newest first.
  return { items: [], nextCursor: null };
}
