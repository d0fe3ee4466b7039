export function circular() {
  const root = { name: 'root', children: [] };
  root.self = root;
  return root;
}
export function withSymbol(symbol, id) {
  return { id, [symbol]: true };
}
export function withGetter() {
  const value = {};
  Object.defineProperty(value, 'value', { get: () => 3, enumerable: true });
  return value;
}
export function errors() {
  return { plain: new Error('boom'), typed: new TypeError('boom') };
}
export class Temperature {
  constructor(celsius) {
    this.celsius = celsius;
  }
  get fahrenheit() {
    return (this.celsius * 9) / 5 + 32;
  }
}
export function nestedArrays() {
  return [
    { a: 1, extra: true },
    { b: 2, extra: true },
  ];
}
