import { describe, expect, it } from '@jest/globals';
import { DefinitionError } from '../definition/definition-error.js';
import { needsReferenceSolution, parseSqlChallenge as sut } from './sql-challenge.definition.js';

const valid = () => ({
  datasets: [
    { name: 'sample', setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (1);' },
    { name: 'ties', setup: 'CREATE TABLE t (a int); INSERT INTO t VALUES (2), (2);' },
  ],
  tests: [
    { name: 'sample', sample: true, dataset: 'sample', ordered: true, expected: { columns: ['a'], rows: [[1]] } },
    {
      name: 'ties',
      dataset: 'ties',
      weight: 2,
      numericTolerance: 0.01,
      plan: { indexScan: 'forbidden', noSeqScanOn: ['t'] },
    },
  ],
});

function problemsOf(raw: unknown): { path: string; message: string }[] {
  try {
    sut(raw);
  } catch (error) {
    if (error instanceof DefinitionError) return [...error.problems];
    throw error;
  }
  throw new Error('expected a DefinitionError');
}

describe('parseSqlChallenge', () => {
  it('reads a valid definition with its defaults', () => {
    const definition = sut(valid());
    expect(definition.tests).toEqual([
      {
        name: 'sample',
        sample: true,
        weight: 1,
        dataset: 'sample',
        ordered: true,
        compareColumnNames: true,
        numericTolerance: 0,
        expected: { columns: ['a'], rows: [[1]] },
      },
      {
        name: 'ties',
        sample: false,
        weight: 2,
        dataset: 'ties',
        ordered: false,
        compareColumnNames: true,
        numericTolerance: 0.01,
        plan: { indexScan: 'forbidden', noSeqScanOn: ['t'] },
      },
    ]);
    expect(needsReferenceSolution(definition)).toBe(true);
  });

  it('names every problem with its field and what is allowed', () => {
    const raw = valid() as Record<string, unknown> & ReturnType<typeof valid>;
    raw.datasets.push({ name: 'sample', setup: "COPY t FROM PROGRAM 'id'" });
    (raw.tests[0] as Record<string, unknown>).dataset = 'missing';
    (raw.tests[1] as Record<string, unknown>).weight = 0;
    (raw.tests[1] as Record<string, unknown>).plan = { indexScan: 'sometimes' };
    (raw.tests[0] as Record<string, unknown>).expected = { columns: ['a'], rows: [[1, 2]] };
    (raw.tests[0] as Record<string, unknown>).order = true;
    expect(problemsOf(raw)).toEqual([
      { path: 'datasets[2].setup', message: expect.stringContaining('COPY is not available') },
      { path: 'datasets[2].name', message: 'repeats the dataset name "sample"; each dataset name must be unique' },
      {
        path: 'tests[0].order',
        message: expect.stringMatching(/^is not a known field; allowed: name, sample, weight, dataset, ordered/),
      },
      { path: 'tests[0].dataset', message: 'must name one of the datasets (sample, ties), got "missing"' },
      { path: 'tests[0].expected.rows[0]', message: 'must have 1 cells, one per column (got 2)' },
      { path: 'tests[1].weight', message: 'must be a number greater than 0 and at most 1000 (got 0)' },
      { path: 'tests[1].plan.indexScan', message: 'must be one of required, forbidden (got "sometimes")' },
    ]);
  });

  it('requires datasets and tests', () => {
    expect(problemsOf({})).toEqual([
      { path: 'datasets', message: 'is required: a list of 1 to 20 items' },
      { path: 'tests', message: 'is required: a list of 1 to 100 items' },
    ]);
  });

  it('requires a hidden test on a dataset that no sample uses, so that hard-coded answers fail', () => {
    const raw = valid();
    raw.tests[1].dataset = 'sample';
    expect(problemsOf(raw)).toEqual([
      {
        path: 'tests',
        message: expect.stringContaining('at least one hidden test (sample: false) on a dataset no sample test uses'),
      },
    ]);
  });

  it('refuses an empty plan demand and bad expected cells', () => {
    const raw = valid();
    const tests = raw.tests as Record<string, unknown>[];
    tests[1].plan = {};
    tests[0].expected = { columns: ['a'], rows: [[Number.NaN]] };
    expect(problemsOf(raw)).toEqual([
      {
        path: 'tests[0].expected.rows[0][0]',
        message: 'must be a string, a finite number, true, false, null, or a JSON object or list',
      },
      {
        path: 'tests[1].plan',
        message: 'must name at least one of indexScan, requiredIndexes, forbiddenIndexes, noSeqScanOn',
      },
    ]);
  });

  it('refuses something that is not an object', () => {
    expect(problemsOf(['x'])[0]).toEqual({
      path: '',
      message: 'must be an object with the fields datasets, tests (got a list)',
    });
  });
});
