export function greet(name) {
  return `Hello, ${name}!`;
}
export function slug(text) {
  return text.toLowerCase().replace(/ /g, '_');
}
