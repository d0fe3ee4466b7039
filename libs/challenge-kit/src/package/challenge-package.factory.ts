/**
 * Factories of challenge packages for tests: a small valid package as a file map, which a test then
 * breaks in exactly one way.
 */

export const VALID_STATEMENT = `# Sum of two numbers

Write \`sum(a, b)\` that returns the sum of two integers. It is a warm-up: the point is the format.

\`\`\`ts
sum(2, 3); // 5
\`\`\`
`;

export const VALID_MANIFEST = `slug: sum-two
title: Sum of two numbers
summary: Return the sum of two integers; a tiny package used by the tests.
type: coding
difficulty: easy
competencies: [programming]
estimatedMinutes: 5
languages: [typescript, javascript]
limits:
  timeLimitMs: 1000
scoring:
  points: 50
harness:
  kind: function
  export: sum
tests:
  - name: small numbers
    sample: true
    args: [2, 3]
    expected: 5
  - name: negative numbers
    weight: 2
    args: [-2, -3]
    expected: -5
`;

export function newPackageFiles(overrides: Record<string, string | undefined> = {}): Map<string, string> {
  const files = new Map<string, string>([
    ['challenge.yaml', VALID_MANIFEST],
    ['statement.md', VALID_STATEMENT],
    ['starter/solution.ts', 'export function sum(a: number, b: number): number {\n  return 0;\n}\n'],
    ['starter/solution.js', 'export function sum(a, b) {\n  return 0;\n}\n'],
    ['solutions/reference.ts', 'export function sum(a: number, b: number): number {\n  return a + b;\n}\n'],
    [
      'wrong/ignores-sign.ts',
      '// Adds absolute values, so negative inputs come out positive.\nexport function sum(a: number, b: number): number {\n  return Math.abs(a) + Math.abs(b);\n}\n',
    ],
    ['tests/more.yaml', '- name: zero\n  args: [0, 0]\n  expected: 0\n'],
  ]);
  for (const [path, content] of Object.entries(overrides)) {
    if (content === undefined) files.delete(path);
    else files.set(path, content);
  }
  return files;
}

/** The manifest with one line replaced (`from` must occur in it). */
export function manifestWith(from: string, to: string): string {
  if (!VALID_MANIFEST.includes(from)) throw new Error(`the fixture manifest has no "${from}"`);
  return VALID_MANIFEST.replace(from, to);
}
