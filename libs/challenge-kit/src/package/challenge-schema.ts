import {
  CHALLENGE_TYPES,
  CODE_LANGUAGES,
  CODE_TYPES,
  COMPETENCIES,
  DIFFICULTIES,
  HARNESS_KINDS,
  HARNESS_KINDS_BY_TYPE,
} from './challenge-types.js';

const SLUG_PATTERN = '^[a-z0-9]+(-[a-z0-9]+)*$';

/** A test as every harness sees it; the kind-specific fields are checked by the harness's `parseTests`. */
const authoredTest = {
  type: 'object',
  required: ['name'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 120 },
    sample: {
      type: 'boolean',
      description: 'Visible to the candidate (input, expected and actual are shown). Default false.',
    },
    weight: { type: 'number', exclusiveMinimum: 0, maximum: 1000, description: 'Share of the score. Default 1.' },
  },
} as const;

const codeLimits = {
  type: 'object',
  additionalProperties: false,
  properties: {
    timeLimitMs: { type: 'integer', minimum: 50, maximum: 10_000, description: 'Wall-time limit per test.' },
    memoryLimitMb: { type: 'integer', minimum: 16, maximum: 512, description: 'Memory limit of the sandbox.' },
    totalTimeLimitMs: {
      type: 'integer',
      minimum: 100,
      maximum: 60_000,
      description: 'Time budget of a whole submission.',
    },
  },
} as const;

const sqlLimits = {
  type: 'object',
  additionalProperties: false,
  properties: {
    statementTimeoutMs: {
      type: 'integer',
      minimum: 50,
      maximum: 10_000,
      description: "Wall time of all of a submission's statements, per test.",
    },
    maxRows: { type: 'integer', minimum: 1, maximum: 10_000, description: 'Rows the last statement may return.' },
  },
} as const;

function requireSection(types: readonly string[], section: string, others: readonly string[]): object {
  return {
    if: { type: 'object', properties: { type: { enum: types } }, required: ['type'] },
    then: {
      type: 'object',
      required: [section],
      properties: Object.fromEntries(others.map((other) => [other, false])),
    },
  };
}

const SECTIONS = ['harness', 'sql', 'codeReview', 'quiz', 'systemDesign'] as const;
/** The sections a type must not have: the other types' sections, and top-level `tests` outside code types. */
const others = (section: (typeof SECTIONS)[number]): string[] => [
  ...SECTIONS.filter((name) => name !== section),
  ...(section === 'harness' ? [] : ['tests']),
];

/**
 * JSON Schema (draft 2020-12) of `challenge.yaml`. It checks the envelope every challenge shares and
 * which type-specific section a type needs; what is inside a section is validated by the judge engine's
 * harness (`parseSpec`/`parseTests`) or the grader of the type, which know their own formats.
 */
export const CHALLENGE_MANIFEST_SCHEMA = {
  $schema: 'https://json-schema.org/draft/2020-12/schema',
  $id: 'https://assay.dev/schemas/challenge.yaml.json',
  title: 'Assay challenge manifest (challenge.yaml)',
  type: 'object',
  additionalProperties: false,
  required: ['slug', 'title', 'type', 'difficulty', 'competencies', 'estimatedMinutes', 'summary'],
  properties: {
    slug: {
      type: 'string',
      minLength: 3,
      maxLength: 64,
      pattern: SLUG_PATTERN,
      description: 'Lowercase words joined by hyphens; equals the folder name.',
    },
    title: { type: 'string', minLength: 3, maxLength: 120 },
    summary: {
      type: 'string',
      minLength: 10,
      maxLength: 300,
      description: 'One or two sentences for the bank listing.',
    },
    type: { enum: CHALLENGE_TYPES },
    difficulty: { enum: DIFFICULTIES },
    competencies: { type: 'array', minItems: 1, maxItems: 4, uniqueItems: true, items: { enum: COMPETENCIES } },
    estimatedMinutes: { type: 'integer', minimum: 5, maximum: 240 },
    languages: { type: 'array', minItems: 1, uniqueItems: true, items: { enum: [...CODE_LANGUAGES, 'sql'] } },
    tags: {
      type: 'array',
      maxItems: 12,
      uniqueItems: true,
      items: { type: 'string', pattern: SLUG_PATTERN, maxLength: 40 },
    },
    limits: { type: 'object' },
    scoring: {
      type: 'object',
      additionalProperties: false,
      properties: {
        points: {
          type: 'integer',
          minimum: 1,
          maximum: 1000,
          description: 'What the challenge is worth in an assessment. Default 100.',
        },
        partialCredit: {
          type: 'boolean',
          description: 'Score by the weight of passed tests (true, default) or all or nothing.',
        },
      },
    },
    harness: {
      type: 'object',
      required: ['kind'],
      description:
        "The judge engine's harness: `kind` and the kind's own fields, validated by its parseSpec (docs/judge-engine.md).",
      properties: { kind: { enum: HARNESS_KINDS } },
    },
    tests: {
      type: 'array',
      items: authoredTest,
      description: 'Tests of a code challenge; more may come from tests/*.yaml.',
    },
    sql: { type: 'object', description: 'SQL grader definition (docs/graders.md).' },
    codeReview: { type: 'object', description: 'Code-review grader definition (docs/graders.md).' },
    quiz: { type: 'object', description: 'Quiz definition (docs/graders.md).' },
    systemDesign: { type: 'object', description: 'Sections, rubric and estimates (docs/graders.md).' },
  },
  allOf: [
    requireSection(CODE_TYPES, 'harness', others('harness')),
    requireSection(['sql'], 'sql', others('sql')),
    requireSection(['code-review'], 'codeReview', others('codeReview')),
    requireSection(['quiz'], 'quiz', others('quiz')),
    requireSection(['system-design'], 'systemDesign', others('systemDesign')),
    {
      if: { type: 'object', properties: { type: { enum: CODE_TYPES } }, required: ['type'] },
      then: {
        type: 'object',
        required: ['languages'],
        properties: { languages: { type: 'array', items: { enum: CODE_LANGUAGES } }, limits: codeLimits },
      },
    },
    {
      if: { type: 'object', properties: { type: { const: 'sql' } }, required: ['type'] },
      then: {
        type: 'object',
        required: ['languages'],
        properties: { languages: { type: 'array', items: { const: 'sql' } }, limits: sqlLimits },
      },
    },
    {
      if: {
        type: 'object',
        properties: { type: { enum: ['system-design', 'code-review', 'quiz'] } },
        required: ['type'],
      },
      then: { type: 'object', properties: { languages: false, limits: false } },
    },
    ...CODE_TYPES.map((type) => ({
      if: { type: 'object', properties: { type: { const: type } }, required: ['type'] },
      then: {
        type: 'object',
        properties: { harness: { type: 'object', properties: { kind: { enum: HARNESS_KINDS_BY_TYPE[type] } } } },
      },
    })),
  ],
} as const;
