import type { ChallengeType } from '@app/challenge-kit';

/**
 * Scaffolds of a valid package per type: a tiny but complete challenge (statement, starters, tests,
 * a reference and a wrong solution) that `validate` accepts, for the author to replace piece by piece.
 */
export type PackageTemplate = (slug: string, title: string) => Record<string, string>;

function statement(title: string, body: string): string {
  return `# ${title}\n\n${body.trim()}\n\n## What is assessed\n\nReplace this scaffold with the real statement: the context, the task, the\nconstraints, and one worked example.\n`;
}

function manifest(slug: string, title: string, type: ChallengeType, rest: string): string {
  return `slug: ${slug}
title: ${title}
summary: One or two sentences that tell a recruiter what this challenge measures.
type: ${type}
difficulty: easy
competencies: [programming]
estimatedMinutes: 15
${rest.trim()}
`;
}

const CODE_LANGUAGES = 'languages: [typescript, javascript]\nlimits:\n  timeLimitMs: 1000\n';

const functionPackage =
  (type: 'coding' | 'bug-fix'): PackageTemplate =>
  (slug, title) => ({
    'challenge.yaml': manifest(
      slug,
      title,
      type,
      `${CODE_LANGUAGES}harness:
  kind: function
  export: median
tests:
  - name: odd count
    sample: true
    args: [[3, 1, 2]]
    expected: 2
  - name: even count takes the mean of the middle two
    args: [[4, 1, 3, 2]]
    expected: 2.5
  - name: one value
    args: [[7]]
    expected: 7
  - name: two-digit numbers sort as numbers
    args: [[10, 9, 2]]
    expected: 9
  - name: unsorted with negatives
    weight: 2
    args: [[-5, 10, 0, -1, 3]]
    expected: 0
`,
    ),
    'statement.md': statement(title, 'Write `median(values)`: the median of a non-empty list of numbers.'),
    'starter/solution.ts':
      type === 'bug-fix'
        ? 'export function median(values: number[]): number {\n  const sorted = [...values].sort();\n  return sorted[Math.floor(sorted.length / 2)]!;\n}\n'
        : 'export function median(values: number[]): number {\n  // your code\n  return 0;\n}\n',
    'starter/solution.js':
      type === 'bug-fix'
        ? 'export function median(values) {\n  const sorted = [...values].sort();\n  return sorted[Math.floor(sorted.length / 2)];\n}\n'
        : 'export function median(values) {\n  // your code\n  return 0;\n}\n',
    'solutions/reference.ts':
      'export function median(values: number[]): number {\n  const sorted = [...values].sort((a, b) => a - b);\n  const middle = Math.floor(sorted.length / 2);\n  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;\n}\n',
    'wrong/default-sort.ts':
      '// Sorts with the default comparator, which orders numbers as strings (10 before 3).\nexport function median(values: number[]): number {\n  const sorted = [...values].sort();\n  const middle = Math.floor(sorted.length / 2);\n  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;\n}\n',
  });

const classPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'class',
    `${CODE_LANGUAGES}harness:
  kind: class
  export: Counter
tests:
  - name: counts up
    sample: true
    constructorArgs: [0]
    steps:
      - { call: increment, expected: 1 }
      - { call: increment, expected: 2 }
  - name: starts where told
    constructorArgs: [10]
    steps:
      - { call: increment, expected: 11 }
      - { call: value, expected: 11 }
`,
  ),
  'statement.md': statement(
    title,
    'Write a class `Counter` constructed with a start value, with `increment()` returning the new value and `value()`.',
  ),
  'starter/solution.ts':
    'export class Counter {\n  constructor(start: number) {}\n  increment(): number {\n    return 0;\n  }\n  value(): number {\n    return 0;\n  }\n}\n',
  'starter/solution.js':
    'export class Counter {\n  constructor(start) {}\n  increment() {\n    return 0;\n  }\n  value() {\n    return 0;\n  }\n}\n',
  'solutions/reference.ts':
    'export class Counter {\n  constructor(private count: number) {}\n  increment(): number {\n    this.count += 1;\n    return this.count;\n  }\n  value(): number {\n    return this.count;\n  }\n}\n',
  'wrong/ignores-start.ts':
    '// Starts from zero whatever the constructor was given.\nexport class Counter {\n  private count = 0;\n  constructor(_start: number) {}\n  increment(): number {\n    this.count += 1;\n    return this.count;\n  }\n  value(): number {\n    return this.count;\n  }\n}\n',
});

const stdioPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'stdio',
    `${CODE_LANGUAGES}harness:
  kind: stdio
tests:
  - name: two lines
    sample: true
    stdin: "3 4\\n10 20\\n"
    expectedStdout: "7\\n30\\n"
  - name: negative numbers
    stdin: "-3 -4\\n"
    expectedStdout: "-7\\n"
`,
  ),
  'statement.md': statement(title, 'Read lines of two integers from standard input and print the sum of each line.'),
  'starter/solution.ts':
    "import { readFileSync } from 'fs';\n\nconst input = readFileSync(0, 'utf8');\nconsole.log(input.length);\n",
  'starter/solution.js':
    "const { readFileSync } = require('fs');\n\nconst input = readFileSync(0, 'utf8');\nconsole.log(input.length);\n",
  'solutions/reference.ts':
    "import { readFileSync } from 'fs';\n\nconst lines = readFileSync(0, 'utf8').split('\\n').filter((line) => line.trim() !== '');\nfor (const line of lines) {\n  const [a, b] = line.trim().split(/\\s+/).map(Number);\n  console.log(a! + b!);\n}\n",
  'wrong/absolute-values.ts':
    "// Parses the minus sign away, so negative numbers add up as positive ones.\nimport { readFileSync } from 'fs';\n\nconst lines = readFileSync(0, 'utf8').split('\\n').filter((line) => line.trim() !== '');\nfor (const line of lines) {\n  const [a, b] = line.trim().split(/\\s+/).map((part) => Number(part.replace('-', '')));\n  console.log(a! + b!);\n}\n",
});

const specPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'spec',
    `${CODE_LANGUAGES}harness:
  kind: spec
  files:
    - { path: sample.test.ts, source: { file: tests/sample.test.ts }, sample: true }
    - { path: hidden.test.ts, source: { file: tests/hidden.test.ts } }
tests:
  - { name: sample.test.ts › slugify › joins words with hyphens, sample: true }
  - { name: hidden.test.ts › slugify › drops punctuation and repeated separators, weight: 2 }
`,
  ),
  'statement.md': statement(
    title,
    'Export `slugify(title)`: lowercase words of letters and digits joined by single hyphens.',
  ),
  'starter/solution.ts': 'export function slugify(title: string): string {\n  return title;\n}\n',
  'starter/solution.js': 'export function slugify(title) {\n  return title;\n}\n',
  'tests/sample.test.ts':
    "import { describe, expect, it } from '@jest/globals';\nimport { slugify } from './solution';\n\ndescribe('slugify', () => {\n  it('joins words with hyphens', () => {\n    expect(slugify('Hello World')).toBe('hello-world');\n  });\n});\n",
  'tests/hidden.test.ts':
    "import { describe, expect, it } from '@jest/globals';\nimport { slugify } from './solution';\n\ndescribe('slugify', () => {\n  it('drops punctuation and repeated separators', () => {\n    expect(slugify('  Rate -- limits, explained! ')).toBe('rate-limits-explained');\n  });\n});\n",
  'solutions/reference.ts':
    "export function slugify(title: string): string {\n  return title\n    .toLowerCase()\n    .split(/[^a-z0-9]+/)\n    .filter((word) => word !== '')\n    .join('-');\n}\n",
  'wrong/keeps-empty-words.ts':
    "// Splits on every non-alphanumeric character and keeps the empty words, so separators repeat.\nexport function slugify(title: string): string {\n  return title.trim().toLowerCase().split(/[^a-z0-9]/).join('-');\n}\n",
});

const httpPackage =
  (type: 'api-design' | 'resilience'): PackageTemplate =>
  (slug, title) => ({
    'challenge.yaml': manifest(
      slug,
      title,
      type,
      `${CODE_LANGUAGES}harness:
  kind: http
  export: handle
tests:
  - name: creates then reads a note
    sample: true
    steps:
      - request: { method: POST, path: /notes, body: { text: hello } }
        expect: { status: 201, body: { id: 1, text: hello } }
      - request: { method: GET, path: /notes/1 }
        expect: { status: 200, body: { id: 1, text: hello } }
  - name: unknown note is 404
    steps:
      - request: { method: GET, path: /notes/9 }
        expect: { status: 404 }
`,
    ),
    'statement.md': statement(title, 'Export `handle(request)` serving `POST /notes` and `GET /notes/:id`.'),
    'starter/solution.ts':
      'export async function handle(request: { method: string; path: string; body?: unknown }) {\n  return { status: 501 };\n}\n',
    'starter/solution.js': 'export async function handle(request) {\n  return { status: 501 };\n}\n',
    'solutions/reference.ts':
      "const notes = new Map<number, { id: number; text: string }>();\n\nexport async function handle(request: { method: string; path: string; body?: { text?: string } }) {\n  if (request.method === 'POST' && request.path === '/notes') {\n    const note = { id: notes.size + 1, text: String(request.body?.text ?? '') };\n    notes.set(note.id, note);\n    return { status: 201, body: note };\n  }\n  const match = /^\\/notes\\/(\\d+)$/.exec(request.path);\n  const note = match ? notes.get(Number(match[1])) : undefined;\n  return note ? { status: 200, body: note } : { status: 404, body: { error: 'not found' } };\n}\n",
    'wrong/always-found.ts':
      "// Answers 200 with an empty body for a note that does not exist.\nconst notes = new Map<number, { id: number; text: string }>();\n\nexport async function handle(request: { method: string; path: string; body?: { text?: string } }) {\n  if (request.method === 'POST' && request.path === '/notes') {\n    const note = { id: notes.size + 1, text: String(request.body?.text ?? '') };\n    notes.set(note.id, note);\n    return { status: 201, body: note };\n  }\n  const match = /^\\/notes\\/(\\d+)$/.exec(request.path);\n  return { status: 200, body: match ? notes.get(Number(match[1])) ?? {} : {} };\n}\n",
  });

const sqlPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'sql',
    `languages: [sql]
limits:
  statementTimeoutMs: 2000
sql:
  datasets:
    - name: small
      setup: { file: datasets/small.sql }
    - name: ties
      setup: { file: datasets/ties.sql }
  tests:
    - name: totals per customer
      dataset: small
      sample: true
      ordered: true
      expected:
        columns: [customer, total]
        rows: [[ada, 15], [bob, 7]]
    - name: equal totals by customer name
      dataset: ties
      ordered: true
`,
  ),
  'statement.md': statement(
    title,
    'Return `customer` and `total` (the sum of their orders), largest total first, then by customer name.',
  ),
  'datasets/small.sql':
    "CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, total int NOT NULL);\nINSERT INTO orders VALUES (1, 'ada', 10), (2, 'ada', 5), (3, 'bob', 7);\n",
  'datasets/ties.sql':
    "CREATE TABLE orders (id int PRIMARY KEY, customer text NOT NULL, total int NOT NULL);\nINSERT INTO orders VALUES (1, 'cy', 10), (2, 'bob', 10), (3, 'ada', 1), (4, 'dan', 4), (5, 'dan', 6);\n",
  'starter/query.sql': '-- Your query\nSELECT customer, 0 AS total FROM orders;\n',
  'solutions/reference.sql':
    'SELECT customer, sum(total) AS total\nFROM orders\nGROUP BY customer\nORDER BY total DESC, customer;\n',
  'wrong/no-tie-break.sql':
    '-- Orders by total only, so customers with equal totals come in any order.\nSELECT customer, sum(total) AS total\nFROM orders\nGROUP BY customer\nORDER BY total DESC, customer DESC;\n',
});

const codeReviewPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'code-review',
    `codeReview:
  diff: { file: review/change.diff }
  defects:
    - id: sql-injection
      file: src/users.repository.ts
      lineStart: 5
      lineEnd: 5
      category: security
      severity: critical
      description: The search term is concatenated into SQL; it must be a bound parameter.
`,
  ),
  'statement.md': statement(title, 'Review the pull request in the diff: leave line comments with a category.'),
  'review/change.diff':
    "diff --git a/src/users.repository.ts b/src/users.repository.ts\n--- a/src/users.repository.ts\n+++ b/src/users.repository.ts\n@@ -1,3 +1,7 @@\n export class UsersRepository {\n   constructor(private readonly db: Db) {}\n+\n+  search(term: string) {\n+    return this.db.query(`SELECT * FROM users WHERE name LIKE '%${term}%'`);\n+  }\n }\n",
  'solutions/review.yaml':
    '- file: src/users.repository.ts\n  line: 5\n  category: security\n  body: The term goes into SQL unescaped; pass it as a parameter.\n',
  'wrong/style-only.yaml':
    '# Comments on style only and misses the injection.\n- file: src/users.repository.ts\n  line: 4\n  category: design\n  body: Add a return type.\n',
});

const quizPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'quiz',
    `quiz:
  questions:
    - id: idempotent-methods
      kind: multiple
      prompt: Which HTTP methods are idempotent?
      options:
        - { id: get, text: GET, correct: true }
        - { id: put, text: PUT, correct: true }
        - { id: post, text: POST }
        - { id: delete, text: DELETE, correct: true }
`,
  ),
  'statement.md': statement(title, 'Answer each question; some have more than one right answer.'),
  'wrong/post-is-idempotent.yaml': '# Believes POST is idempotent.\nidempotent-methods: [get, put, post, delete]\n',
});

const systemDesignPackage: PackageTemplate = (slug, title) => ({
  'challenge.yaml': manifest(
    slug,
    title,
    'system-design',
    `systemDesign:
  sections:
    - id: requirements
      title: Requirements
      prompt: What must the system do, and at what scale?
  rubric:
    criteria:
      - id: requirements
        title: Requirements
        levels:
          - { score: 0, anchor: Missing }
          - { score: 2, anchor: Functional requirements only }
          - { score: 4, anchor: Functional and non-functional requirements with numbers }
  estimates:
    - id: write-qps
      prompt: Peak writes per second for 10 million writes a day with a 3x peak factor
      unit: req/s
      expected: 347
      tolerance: { kind: relative, within: 0.25 }
`,
  ),
  'statement.md': statement(title, 'Design the system described below; answer each section and the estimates.'),
  'solutions/answer.yaml':
    'sections:\n  requirements: Writes and reads of notes; 10 M writes a day.\nestimates:\n  write-qps: 350 req/s\n',
  'wrong/average-not-peak.yaml':
    '# Uses the daily average rate and forgets the peak factor.\nsections:\n  requirements: Writes and reads of notes.\nestimates:\n  write-qps: 116 req/s\n',
});

export const PACKAGE_TEMPLATES: Readonly<Record<ChallengeType, PackageTemplate>> = {
  coding: functionPackage('coding'),
  'bug-fix': functionPackage('bug-fix'),
  class: classPackage,
  stdio: stdioPackage,
  spec: specPackage,
  'api-design': httpPackage('api-design'),
  resilience: httpPackage('resilience'),
  sql: sqlPackage,
  'code-review': codeReviewPackage,
  quiz: quizPackage,
  'system-design': systemDesignPackage,
};
