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

const STATEMENT_OF = (what: string): string =>
  `# ${what}\n\nA small package of this type used by the tests. It has just enough text to be a statement.\n`;

function manifestOf(slug: string, type: string, section: string): string {
  return `slug: ${slug}\ntitle: A ${type} fixture\nsummary: A small ${type} package used by the tests.\ntype: ${type}\ndifficulty: medium\ncompetencies: [architecture]\nestimatedMinutes: 20\n${section}`;
}

/** Packages of the grader types, keyed by type: each valid, with a reference and a wrong solution. */
export function newGraderPackageFiles(type: 'quiz' | 'code-review' | 'system-design' | 'sql'): Map<string, string> {
  switch (type) {
    case 'quiz':
      return new Map([
        ['statement.md', STATEMENT_OF('A quiz')],
        [
          'challenge.yaml',
          manifestOf(
            'a-quiz',
            'quiz',
            `quiz:\n  questions:\n    - id: idempotent\n      kind: multiple\n      prompt: Which methods are idempotent?\n      explanation: SECRET-EXPLANATION\n      options:\n        - { id: get, text: GET, correct: true }\n        - { id: post, text: POST }\n        - { id: put, text: PUT, correct: true }\n    - id: status\n      kind: single\n      prompt: Which status means the client must slow down?\n      options:\n        - { id: s429, text: '429', correct: true }\n        - { id: s503, text: '503' }\n`,
          ),
        ],
        ['wrong/post.yaml', '# Thinks POST is idempotent.\nidempotent: [get, post, put]\nstatus: [s429]\n'],
      ]);
    case 'code-review':
      return new Map([
        ['statement.md', STATEMENT_OF('A review')],
        [
          'challenge.yaml',
          manifestOf(
            'a-review',
            'code-review',
            `codeReview:\n  diff: { file: review/change.diff }\n  defects:\n    - { id: injection, file: src/users.ts, lineStart: 3, lineEnd: 3, category: security, severity: critical, description: SECRET-DEFECT }\n`,
          ),
        ],
        [
          'review/change.diff',
          'diff --git a/src/users.ts b/src/users.ts\n--- a/src/users.ts\n+++ b/src/users.ts\n@@ -1,2 +1,4 @@\n export class Users {\n+  find(name: string) {\n+    return db.query("SELECT * FROM users WHERE name = \'" + name + "\'");\n+  }\n }\n',
        ],
        [
          'solutions/review.yaml',
          '- { file: src/users.ts, line: 3, category: security, body: Use a bound parameter. }\n',
        ],
        [
          'wrong/nits.yaml',
          '# Only style.\n- { file: src/users.ts, line: 2, category: design, body: Add a return type. }\n',
        ],
      ]);
    case 'system-design':
      return new Map([
        ['statement.md', STATEMENT_OF('A design')],
        [
          'challenge.yaml',
          manifestOf(
            'a-design',
            'system-design',
            `systemDesign:\n  sections:\n    - { id: requirements, title: Requirements, prompt: What must it do? }\n  rubric:\n    criteria:\n      - id: scope\n        title: Scope\n        levels:\n          - { score: 0, anchor: SECRET-ANCHOR-LOW }\n          - { score: 3, anchor: SECRET-ANCHOR-HIGH }\n  estimates:\n    - { id: qps, prompt: Peak requests per second?, unit: req/s, expected: 1200, tolerance: { kind: relative, within: 0.2 }, reasoning: SECRET-REASONING }\n`,
          ),
        ],
        [
          'solutions/answer.yaml',
          'sections:\n  requirements: Shorten links and redirect.\nestimates:\n  qps: 1.1k req/s\n',
        ],
        [
          'wrong/average.yaml',
          '# Uses the average, not the peak.\nsections:\n  requirements: Shorten links.\nestimates:\n  qps: 400 req/s\n',
        ],
      ]);
    case 'sql':
      return new Map([
        ['statement.md', STATEMENT_OF('A query')],
        [
          'challenge.yaml',
          manifestOf(
            'a-query',
            'sql',
            `languages: [sql]\nsql:\n  datasets:\n    - { name: small, setup: { file: datasets/small.sql } }\n    - name: hidden-data\n      setup: "CREATE TABLE t (id int, v int); INSERT INTO t VALUES (1, 1000), (2, 7), (3, 1000); -- SECRET-DATASET"\n  tests:\n    - { name: sample, dataset: small, sample: true, ordered: true, expected: { columns: [id], rows: [[2]] } }\n    - { name: ties, dataset: hidden-data, ordered: true }\n`,
          ),
        ],
        ['datasets/small.sql', 'CREATE TABLE t (id int, v int);\nINSERT INTO t VALUES (1, 5), (2, 9);\n'],
        ['starter/query.sql', 'SELECT id FROM t;\n'],
        ['solutions/reference.sql', 'SELECT id FROM t WHERE v = (SELECT max(v) FROM t) ORDER BY id;\n'],
        [
          'wrong/limit-one.sql',
          '-- Keeps one row when several share the maximum.\nSELECT id FROM t ORDER BY v DESC, id LIMIT 1;\n',
        ],
      ]);
  }
}
