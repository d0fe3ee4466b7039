export const triple = (x) => 3 * x;
export default function shout(text) {
  return `${text}!`;
}
