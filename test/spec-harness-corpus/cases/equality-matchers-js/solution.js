export class Point {
  constructor(x, y) {
    this.x = x;
    this.y = y;
  }
}
export function makeUser(name) {
  return { name, roles: ['user'], address: { city: 'Paris', zip: '75001' } };
}
export function makePoint(x, y) {
  return new Point(x, y);
}
export function sparse() {
  // eslint-disable-next-line no-sparse-arrays
  return [, 1];
}
export function withUndefined() {
  return { a: 1, b: undefined };
}
