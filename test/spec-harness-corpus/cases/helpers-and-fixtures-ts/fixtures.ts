export const cases: Array<{ input: string; words: number }> = [
  { input: 'one two three', words: 3 },
  { input: '  padded   words ', words: 2 },
  { input: '', words: 0 },
];
