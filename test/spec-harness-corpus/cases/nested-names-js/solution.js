export function format(value) {
  const text = String(value);
  // Subtly wrong: only the first separator.
  return text.length > 3 ? `${text.slice(0, -3)},${text.slice(-3)}` : text;
}
