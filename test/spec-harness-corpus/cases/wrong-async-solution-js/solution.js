/* global setTimeout */
export class OrderService {
  constructor() {
    this.orders = [];
    this.started = false;
  }
  async start() {
    await new Promise((resolve) => setTimeout(resolve, 5));
    this.started = true;
  }
  async stop() {
    this.started = false;
  }
  async place(request) {
    if (!this.started) throw new Error('not started');
    // Subtly wrong: accepts zero quantities and ignores idempotency keys.
    const order = { id: this.orders.length + 1, ...request, status: 'placed' };
    this.orders.push(order);
    return order;
  }
  async list() {
    return [...this.orders];
  }
}
