/** What a test demands of the plan of the submission's last statement. */
export interface PlanExpectation {
  /** Whether some index scan (Index Scan, Index Only Scan or Bitmap Index Scan) must appear, or must not. */
  indexScan?: 'required' | 'forbidden';
  /** Indexes that must be used by name. */
  requiredIndexes?: string[];
  /** Indexes that must not be used. */
  forbiddenIndexes?: string[];
  /** Tables that must not be read by a Seq Scan. */
  noSeqScanOn?: string[];
}

export interface PlanCheck {
  passed: boolean;
  /** What was wrong, in words a candidate understands. */
  problems: string[];
  /** The scans of the plan, such as `Index Scan using orders_customer_idx on orders`. */
  scans: string[];
}

const INDEX_SCANS = new Set(['Index Scan', 'Index Only Scan', 'Bitmap Index Scan']);

interface PlanNode {
  'Node Type'?: unknown;
  'Relation Name'?: unknown;
  'Index Name'?: unknown;
  Plans?: unknown;
}

interface Scan {
  nodeType: string;
  relation?: string;
  index?: string;
}

function collectScans(node: unknown, scans: Scan[], depth = 0): void {
  if (depth > 200 || node === null || typeof node !== 'object') return;
  const plan = node as PlanNode;
  if (typeof plan['Node Type'] === 'string') {
    scans.push({
      nodeType: plan['Node Type'],
      relation: typeof plan['Relation Name'] === 'string' ? plan['Relation Name'] : undefined,
      index: typeof plan['Index Name'] === 'string' ? plan['Index Name'] : undefined,
    });
  }
  if (Array.isArray(plan.Plans)) for (const child of plan.Plans) collectScans(child, scans, depth + 1);
}

function describeScan(scan: Scan): string {
  return [scan.nodeType, scan.index ? `using ${scan.index}` : '', scan.relation ? `on ${scan.relation}` : '']
    .filter(Boolean)
    .join(' ');
}

/** Checks `EXPLAIN (FORMAT JSON)` output, an array holding one `{ Plan }`, against a test's expectation. */
export function checkPlan(explainJson: unknown, expectation: PlanExpectation): PlanCheck {
  const root = Array.isArray(explainJson) ? (explainJson[0] as { Plan?: unknown } | undefined)?.Plan : undefined;
  if (root === undefined) return { passed: false, problems: ['the plan could not be read'], scans: [] };
  const nodes: Scan[] = [];
  collectScans(root, nodes);
  const scans = nodes.filter((node) => node.nodeType.includes('Scan'));
  const problems: string[] = [];
  const indexScans = scans.filter((scan) => INDEX_SCANS.has(scan.nodeType));
  if (expectation.indexScan === 'required' && indexScans.length === 0) problems.push('the plan uses no index scan');
  if (expectation.indexScan === 'forbidden' && indexScans.length > 0)
    problems.push(`the plan uses an index scan (${describeScan(indexScans[0])})`);
  const usedIndexes = new Set(indexScans.map((scan) => scan.index));
  for (const index of expectation.requiredIndexes ?? []) {
    if (!usedIndexes.has(index)) problems.push(`the plan does not use the index ${index}`);
  }
  for (const index of expectation.forbiddenIndexes ?? []) {
    if (usedIndexes.has(index)) problems.push(`the plan uses the index ${index}`);
  }
  for (const table of expectation.noSeqScanOn ?? []) {
    if (scans.some((scan) => scan.nodeType === 'Seq Scan' && scan.relation === table))
      problems.push(`the plan reads ${table} with a Seq Scan`);
  }
  return { passed: problems.length === 0, problems, scans: scans.map(describeScan) };
}
