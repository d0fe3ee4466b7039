export function shippingCost(weight: number, country: string): number {
  const base = country === 'FR' ? 5 : 15;
  // Subtly wrong: heavy parcels are charged per kilogram above 5 instead of above 1.
  return weight > 5 ? base + weight - 5 : base;
}
