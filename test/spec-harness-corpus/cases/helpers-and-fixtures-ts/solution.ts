// Subtly wrong: splits on single spaces.
export function countWords(text: string): number {
  return text === '' ? 0 : text.split(' ').length;
}
