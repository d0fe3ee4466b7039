export function tags() {
  return ['a', 'b', 'c'];
}
export function inventory() {
  return [
    { id: 1, qty: 3 },
    { id: 2, qty: 0 },
  ];
}
export function uniq(values) {
  return new Set(values);
}
export function pairs() {
  return [['a', 1]];
}
