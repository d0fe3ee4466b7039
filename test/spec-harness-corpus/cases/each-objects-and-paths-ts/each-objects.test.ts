import { describe, expect, test } from '@jest/globals';
import { shippingCost } from './solution.js';

describe('shippingCost', () => {
  test.each([
    { order: { weight: 1, country: 'FR' }, cost: 5 },
    { order: { weight: 10, country: 'FR' }, cost: 12 },
    { order: { weight: 1, country: 'US' }, cost: 15 },
  ])('$order.weight kg to $order.country costs $cost (#$#)', ({ order, cost }) => {
    expect(shippingCost(order.weight, order.country)).toBe(cost);
  });
});
