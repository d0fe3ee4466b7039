import { describe, expect, it } from '@jest/globals';
import { checkPlan as sut } from './sql-plan-check.js';

const indexPlan = [
  {
    Plan: {
      'Node Type': 'Nested Loop',
      Plans: [
        { 'Node Type': 'Seq Scan', 'Relation Name': 'customers' },
        {
          'Node Type': 'Bitmap Heap Scan',
          'Relation Name': 'orders',
          Plans: [{ 'Node Type': 'Bitmap Index Scan', 'Index Name': 'orders_customer_idx' }],
        },
      ],
    },
  },
];

describe('checkPlan', () => {
  it('passes a plan that meets every demand and lists its scans', () => {
    expect(
      sut(indexPlan, { indexScan: 'required', requiredIndexes: ['orders_customer_idx'], noSeqScanOn: ['orders'] }),
    ).toEqual({
      passed: true,
      problems: [],
      scans: ['Seq Scan on customers', 'Bitmap Heap Scan on orders', 'Bitmap Index Scan using orders_customer_idx'],
    });
  });

  it('names every demand a plan misses', () => {
    const seqPlan = [{ Plan: { 'Node Type': 'Seq Scan', 'Relation Name': 'orders' } }];
    expect(
      sut(seqPlan, { indexScan: 'required', requiredIndexes: ['orders_customer_idx'], noSeqScanOn: ['orders'] })
        .problems,
    ).toEqual([
      'the plan uses no index scan',
      'the plan does not use the index orders_customer_idx',
      'the plan reads orders with a Seq Scan',
    ]);
  });

  it('can forbid index scans and named indexes', () => {
    expect(sut(indexPlan, { indexScan: 'forbidden', forbiddenIndexes: ['orders_customer_idx'] }).problems).toEqual([
      'the plan uses an index scan (Bitmap Index Scan using orders_customer_idx)',
      'the plan uses the index orders_customer_idx',
    ]);
  });

  it('fails a plan it cannot read', () => {
    expect(sut({ nope: true }, { indexScan: 'required' })).toEqual({
      passed: false,
      problems: ['the plan could not be read'],
      scans: [],
    });
  });
});
