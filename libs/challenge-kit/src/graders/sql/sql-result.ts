/** A column of a result set: its name and PostgreSQL type name (`int8`, `numeric`, `text`, ...). */
export interface SqlColumn {
  name: string;
  type: string;
}

/** Cells are PostgreSQL's own text output (`t`, `2.50`, `2024-01-31`), or null. */
export type SqlCell = string | null;

export interface SqlResultTable {
  columns: SqlColumn[];
  rows: SqlCell[][];
}

/** A cell of an expected result as an author writes it in YAML or JSON. */
export type ExpectedCell = string | number | boolean | null | ExpectedJson;
export type ExpectedJson = { readonly [key: string]: unknown } | readonly unknown[];

export interface ExpectedResult {
  columns: string[];
  rows: ExpectedCell[][];
}

export interface ResultComparisonRules {
  ordered: boolean;
  /** Largest absolute difference allowed between two numeric cells; 0 compares exactly. */
  numericTolerance: number;
  compareColumnNames: boolean;
}

export type ResultComparison = { equal: true } | { equal: false; reason: string };

const NUMERIC_TYPES = new Set(['int2', 'int4', 'int8', 'numeric', 'float4', 'float8', 'oid']);
const JSON_TYPES = new Set(['json', 'jsonb']);
const PLAIN_DECIMAL = /^([+-]?)(\d*)(?:\.(\d*))?$/;

/** A cell reduced to what comparison needs, the same whichever side it comes from. */
interface Canonical {
  kind: 'null' | 'number' | 'text' | 'json';
  text: string;
}

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableJson(item)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** `007.50` -> `7.5`, `-0` -> `0`; undefined when the text is not a plain decimal. */
function normalizeDecimal(text: string): string | undefined {
  const match = PLAIN_DECIMAL.exec(text.trim());
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return undefined;
  const whole = match[2].replace(/^0+(?=\d)/, '') || '0';
  const fraction = (match[3] ?? '').replace(/0+$/, '');
  const magnitude = fraction ? `${whole}.${fraction}` : whole;
  return match[1] === '-' && magnitude !== '0' ? `-${magnitude}` : magnitude;
}

function asNumber(cell: Canonical): number | undefined {
  if (cell.kind === 'null' || cell.kind === 'json') return undefined;
  if (cell.kind === 'text' && normalizeDecimal(cell.text) === undefined) return undefined;
  const value = Number(cell.text);
  return Number.isFinite(value) ? value : undefined;
}

export function canonicalActualCell(cell: SqlCell, type: string): Canonical {
  if (cell === null) return { kind: 'null', text: '' };
  if (NUMERIC_TYPES.has(type)) {
    const decimal = normalizeDecimal(cell);
    if (decimal !== undefined) return { kind: 'number', text: decimal };
    return Number.isFinite(Number(cell))
      ? { kind: 'number', text: String(Number(cell)) }
      : { kind: 'text', text: cell };
  }
  if (type === 'bool') return { kind: 'text', text: cell === 't' ? 'true' : cell === 'f' ? 'false' : cell };
  if (JSON_TYPES.has(type)) {
    try {
      return { kind: 'json', text: stableJson(JSON.parse(cell)) };
    } catch {
      return { kind: 'text', text: cell };
    }
  }
  return { kind: 'text', text: cell };
}

function canonicalExpectedCell(cell: ExpectedCell): Canonical {
  if (cell === null) return { kind: 'null', text: '' };
  if (typeof cell === 'number') return { kind: 'number', text: normalizeDecimal(String(cell)) ?? String(cell) };
  if (typeof cell === 'boolean') return { kind: 'text', text: String(cell) };
  if (typeof cell === 'string') return { kind: 'text', text: cell };
  return { kind: 'json', text: stableJson(cell) };
}

function cellsEqual(actual: Canonical, expected: Canonical, tolerance: number): boolean {
  if (actual.kind === 'null' || expected.kind === 'null') return actual.kind === expected.kind;
  if (actual.kind === 'number' || expected.kind === 'number') {
    const a = asNumber(actual);
    const e = asNumber(expected);
    if (a !== undefined && e !== undefined) {
      if (tolerance > 0) return Math.abs(a - e) <= tolerance;
      // Exact decimal text first: Number() would merge two different 20-digit values.
      const [da, de] = [normalizeDecimal(actual.text), normalizeDecimal(expected.text)];
      return da !== undefined && de !== undefined ? da === de : a === e;
    }
  }
  if (actual.kind === 'json' || expected.kind === 'json') {
    try {
      return stableJson(JSON.parse(actual.text)) === stableJson(JSON.parse(expected.text));
    } catch {
      return actual.text === expected.text;
    }
  }
  return actual.text === expected.text;
}

/** Orders rows the same way on both sides: nulls, then numbers by value, then text. */
function compareCells(a: Canonical, b: Canonical): number {
  const rank = (cell: Canonical): number => (cell.kind === 'null' ? 0 : asNumber(cell) !== undefined ? 1 : 2);
  const [ra, rb] = [rank(a), rank(b)];
  if (ra !== rb) return ra - rb;
  if (ra === 1) {
    const difference = (asNumber(a) ?? 0) - (asNumber(b) ?? 0);
    if (difference !== 0) return difference;
  }
  return a.text < b.text ? -1 : a.text > b.text ? 1 : 0;
}

function compareRows(a: Canonical[], b: Canonical[]): number {
  for (let index = 0; index < Math.min(a.length, b.length); index += 1) {
    const order = compareCells(a[index], b[index]);
    if (order !== 0) return order;
  }
  return a.length - b.length;
}

function show(cell: Canonical): string {
  if (cell.kind === 'null') return 'NULL';
  const text = cell.text.length > 60 ? `${cell.text.slice(0, 60)}...` : cell.text;
  return cell.kind === 'text' ? JSON.stringify(text) : text;
}

/** Compares a result with what a test expects, and says where they first differ. */
export function compareResults(
  actual: SqlResultTable,
  expected: ExpectedResult,
  rules: ResultComparisonRules,
): ResultComparison {
  const actualNames = actual.columns.map((column) => column.name);
  if (actualNames.length !== expected.columns.length) {
    return {
      equal: false,
      reason: `expected ${expected.columns.length} columns (${expected.columns.join(', ')}), got ${actualNames.length} (${actualNames.join(', ')})`,
    };
  }
  if (rules.compareColumnNames && actualNames.some((name, index) => name !== expected.columns[index])) {
    return {
      equal: false,
      reason: `expected the columns ${expected.columns.join(', ')}, got ${actualNames.join(', ')}`,
    };
  }
  if (actual.rows.length !== expected.rows.length) {
    return { equal: false, reason: `expected ${expected.rows.length} rows, got ${actual.rows.length}` };
  }
  let actualRows = actual.rows.map((row) =>
    row.map((cell, index) => canonicalActualCell(cell, actual.columns[index]?.type ?? 'text')),
  );
  let expectedRows = expected.rows.map((row) => row.map(canonicalExpectedCell));
  if (!rules.ordered) {
    actualRows = [...actualRows].sort(compareRows);
    expectedRows = [...expectedRows].sort(compareRows);
  }
  for (const [rowIndex, expectedRow] of expectedRows.entries()) {
    const actualRow = actualRows[rowIndex];
    if (expectedRow.length !== actualRow.length) {
      return {
        equal: false,
        reason: `row ${rowIndex + 1} of the expected result has ${expectedRow.length} cells for ${actualRow.length} columns`,
      };
    }
    for (const [columnIndex, expectedCell] of expectedRow.entries()) {
      if (!cellsEqual(actualRow[columnIndex], expectedCell, rules.numericTolerance)) {
        const where = rules.ordered
          ? `row ${rowIndex + 1}`
          : `row ${rowIndex + 1} (rows sorted, as order does not matter)`;
        return {
          equal: false,
          reason: `${where}, column ${actualNames[columnIndex]}: expected ${show(expectedCell)}, got ${show(actualRow[columnIndex])}`,
        };
      }
    }
  }
  return { equal: true };
}

/** A reference solution's result as the expected result of a test: same comparison rules. */
export function expectedFromResult(result: SqlResultTable): ExpectedResult {
  return {
    columns: result.columns.map((column) => column.name),
    rows: result.rows.map((row) =>
      row.map((cell, index): ExpectedCell => {
        const canonical = canonicalActualCell(cell, result.columns[index]?.type ?? 'text');
        if (canonical.kind === 'null') return null;
        if (canonical.kind === 'number') return canonical.text.length <= 15 ? Number(canonical.text) : canonical.text;
        if (canonical.kind === 'json') return JSON.parse(canonical.text) as ExpectedJson;
        return canonical.text;
      }),
    ),
  };
}

/** A result cut down for display to a candidate or an interviewer. */
export function previewResult(
  result: SqlResultTable,
  maxRows = 50,
  maxCellLength = 200,
): SqlResultTable & { totalRows: number } {
  return {
    columns: result.columns,
    rows: result.rows
      .slice(0, maxRows)
      .map((row) =>
        row.map((cell) => (cell !== null && cell.length > maxCellLength ? `${cell.slice(0, maxCellLength)}...` : cell)),
      ),
    totalRows: result.rows.length,
  };
}
