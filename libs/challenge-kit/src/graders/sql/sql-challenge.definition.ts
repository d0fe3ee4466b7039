import { DefinitionReader, fieldPath } from '../definition/definition-reader.js';
import type { PlanExpectation } from './sql-plan-check.js';
import type { ExpectedCell, ExpectedResult } from './sql-result.js';
import { findStatementRefusal } from './sql-statement-policy.js';
import { splitSqlStatements } from './sql-statement-splitter.js';

export interface SqlDatasetDefinition {
  name: string;
  setup: string;
}

export interface SqlTestDefinition {
  name: string;
  /** Shown to the candidate with its data and results. */
  sample: boolean;
  weight: number;
  dataset: string;
  /** Whether row order matters (the statement says ORDER BY). */
  ordered: boolean;
  compareColumnNames: boolean;
  numericTolerance: number;
  /** When absent, the reference solution's result on the dataset is the expected result. */
  expected?: ExpectedResult;
  plan?: PlanExpectation;
}

/** The `sql` section of challenge.yaml. */
export interface SqlChallengeDefinition {
  datasets: SqlDatasetDefinition[];
  tests: SqlTestDefinition[];
}

const NAME = {
  minLength: 1,
  maxLength: 40,
  pattern: /^[a-z0-9]+([-_][a-z0-9]+)*$/,
  patternHint: 'lowercase letters, digits, - and _',
};
const IDENTIFIER = {
  minLength: 1,
  maxLength: 63,
  pattern: /^[^\s"]+$/,
  patternHint: 'a PostgreSQL name without spaces or quotes',
};
const MAX_SETUP_LENGTH = 2_000_000;

function readExpected(reader: DefinitionReader, raw: unknown, path: string): ExpectedResult {
  const fields = reader.object(raw, path, ['columns', 'rows']);
  const columns = reader.stringList(fields, 'columns', path, {
    minItems: 1,
    maxItems: 100,
    minLength: 1,
    maxLength: 63,
  });
  if (fields.columns === undefined)
    reader.report(fieldPath(path, 'columns'), 'is required: a list of 1 to 100 column names');
  const rows = reader.list(fields, 'rows', path, { maxItems: 10_000 });
  const parsed = rows.map((row, rowIndex): ExpectedCell[] => {
    const at = fieldPath(fieldPath(path, 'rows'), rowIndex);
    if (!Array.isArray(row)) {
      reader.report(at, `must be a list of ${columns.length} cells`);
      return [];
    }
    if (row.length !== columns.length)
      reader.report(at, `must have ${columns.length} cells, one per column (got ${row.length})`);
    return (row as unknown[]).map((cell, cellIndex) => {
      const valid = cell === null || ['string', 'number', 'boolean', 'object'].includes(typeof cell);
      if (!valid || (typeof cell === 'number' && !Number.isFinite(cell))) {
        reader.report(
          fieldPath(at, cellIndex),
          'must be a string, a finite number, true, false, null, or a JSON object or list',
        );
      }
      return cell as ExpectedCell;
    });
  });
  return { columns, rows: parsed };
}

function readPlan(reader: DefinitionReader, raw: unknown, path: string): PlanExpectation {
  const fields = reader.object(raw, path, ['indexScan', 'requiredIndexes', 'forbiddenIndexes', 'noSeqScanOn']);
  const plan: PlanExpectation = {};
  const indexScan = reader.optionalChoice(fields, 'indexScan', path, ['required', 'forbidden'] as const);
  if (indexScan) plan.indexScan = indexScan;
  for (const key of ['requiredIndexes', 'forbiddenIndexes', 'noSeqScanOn'] as const) {
    if (fields[key] !== undefined)
      plan[key] = reader.stringList(fields, key, path, { ...IDENTIFIER, minItems: 1, maxItems: 20 });
  }
  if (Object.keys(fields).length === 0 && raw !== null && typeof raw === 'object' && !Array.isArray(raw)) {
    reader.report(path, 'must name at least one of indexScan, requiredIndexes, forbiddenIndexes, noSeqScanOn');
  }
  return plan;
}

/**
 * Reads and checks the `sql` section of a challenge. Problems name the field (`tests[2].dataset`)
 * and what is allowed; setups are checked against the sandbox's statement policy here already.
 */
export function parseSqlChallenge(raw: unknown, subject = 'The sql section'): SqlChallengeDefinition {
  const reader = new DefinitionReader(subject);
  const root = reader.object(raw, '', ['datasets', 'tests']);

  const datasets = reader
    .list(root, 'datasets', '', { minItems: 1, maxItems: 20 })
    .map((item, index): SqlDatasetDefinition => {
      const path = fieldPath('datasets', index);
      const fields = reader.object(item, path, ['name', 'setup']);
      const setup = reader.string(fields, 'setup', path, { minLength: 1, maxLength: MAX_SETUP_LENGTH });
      if (setup) {
        const statements = splitSqlStatements(setup);
        const refusal = findStatementRefusal(statements);
        if (statements.length === 0) reader.report(fieldPath(path, 'setup'), 'must hold at least one SQL statement');
        else if (refusal) reader.report(fieldPath(path, 'setup'), refusal.message);
      }
      return { name: reader.string(fields, 'name', path, NAME), setup };
    });
  reader.unique(
    datasets.map((dataset, index) => ({ value: dataset.name, path: fieldPath(fieldPath('datasets', index), 'name') })),
    'dataset name',
  );
  const datasetNames = new Set(datasets.map((dataset) => dataset.name));

  const tests = reader.list(root, 'tests', '', { minItems: 1, maxItems: 100 }).map((item, index): SqlTestDefinition => {
    const path = fieldPath('tests', index);
    const fields = reader.object(item, path, [
      'name',
      'sample',
      'weight',
      'dataset',
      'ordered',
      'compareColumnNames',
      'numericTolerance',
      'expected',
      'plan',
    ]);
    const dataset = reader.string(fields, 'dataset', path, NAME);
    if (dataset && datasetNames.size > 0 && !datasetNames.has(dataset)) {
      reader.report(
        fieldPath(path, 'dataset'),
        `must name one of the datasets (${[...datasetNames].join(', ')}), got "${dataset}"`,
      );
    }
    const test: SqlTestDefinition = {
      name: reader.string(fields, 'name', path, { minLength: 1, maxLength: 120 }),
      sample: reader.boolean(fields, 'sample', path, false),
      weight: reader.optionalNumber(fields, 'weight', path, { min: 0, exclusiveMin: true, max: 1000 }) ?? 1,
      dataset,
      ordered: reader.boolean(fields, 'ordered', path, false),
      compareColumnNames: reader.boolean(fields, 'compareColumnNames', path, true),
      numericTolerance: reader.optionalNumber(fields, 'numericTolerance', path, { min: 0, max: 1e9 }) ?? 0,
    };
    if (fields.expected !== undefined)
      test.expected = readExpected(reader, fields.expected, fieldPath(path, 'expected'));
    if (fields.plan !== undefined) test.plan = readPlan(reader, fields.plan, fieldPath(path, 'plan'));
    return test;
  });
  reader.unique(
    tests.map((test, index) => ({ value: test.name, path: fieldPath(fieldPath('tests', index), 'name') })),
    'test name',
  );

  if (tests.length > 0 && reader.problemCount === 0) {
    const sampleDatasets = new Set(tests.filter((test) => test.sample).map((test) => test.dataset));
    if (!tests.some((test) => !test.sample && !sampleDatasets.has(test.dataset))) {
      reader.report(
        'tests',
        'needs at least one hidden test (sample: false) on a dataset no sample test uses, so that answers hard-coded from the samples fail',
      );
    }
  }
  return reader.done({ datasets, tests });
}

/** Whether grading needs the reference solution: some test has no `expected` result of its own. */
export function needsReferenceSolution(definition: SqlChallengeDefinition): boolean {
  return definition.tests.some((test) => test.expected === undefined);
}
