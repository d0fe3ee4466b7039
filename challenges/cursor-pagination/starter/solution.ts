/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
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

export function pageOrders(orders: Order[], request: PageRequest): Page {
  // Return one page of orders, newest first.
  return { items: [], nextCursor: null };
}
