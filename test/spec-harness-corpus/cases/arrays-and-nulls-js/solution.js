export function range(n) {
  return Array.from({ length: n }, (_, i) => i);
}
export function withExtra(value) {
  const list = [1, 2, 3];
  list.extra = value;
  return list;
}
export function tree() {
  return { value: 1, left: null, right: { value: 2, left: null, right: null } };
}
