export function index(words) {
  return new Map(words.map((word, i) => [word, i]));
}
export function letters(text) {
  return new Set(text);
}
export function deadline() {
  return new Date(Date.UTC(2024, 0, 2));
}
export function pattern() {
  return /ab+c/gi;
}
export function nested() {
  return new Set([{ id: 1 }, { id: 2 }]);
}
