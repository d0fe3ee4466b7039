import type { TestOutcome } from '../api/api-types.js';
import { SqlResultTable, asResultTable } from './sql-result-table.js';
import { VerdictBadge } from './verdict-badge.js';

/** Tests one per row: sample tests open to their input, expected and actual; hidden ones show only a verdict. */
export function TestList({ tests, staffView = false }: { tests: TestOutcome[]; staffView?: boolean }) {
  return (
    <ol className="test-list">
      {tests.map((test, index) => (
        <TestRow key={`${test.index ?? index}-${test.name}`} test={test} staffView={staffView} />
      ))}
    </ol>
  );
}

function show(value: unknown): string {
  if (typeof value === 'string') return value;
  try {
    return JSON.stringify(value, null, 2) ?? String(value);
  } catch {
    return String(value);
  }
}

function Detail({ label, value }: { label: string; value: unknown }) {
  if (value === undefined) return null;
  const table = asResultTable(value);
  return (
    <div className="test-detail">
      <h4>{label}</h4>
      {table ? <SqlResultTable table={table} caption={label} /> : <pre className="code-block">{show(value)}</pre>}
    </div>
  );
}

function TestRow({ test, staffView }: { test: TestOutcome; staffView: boolean }) {
  const passed = test.verdict === 'ACCEPTED';
  const head = (
    <>
      <span className={`test-icon ${passed ? 'test-pass' : 'test-fail'}`} aria-hidden="true">
        {passed ? '✓' : '✗'}
      </span>
      <span className="test-name">{test.name}</span>
      <span className="badge badge-neutral">{test.sample ? 'Sample' : 'Hidden'}</span>
      <VerdictBadge verdict={test.verdict} />
      {test.timeMs !== undefined ? <span className="muted small">{test.timeMs} ms</span> : null}
    </>
  );
  // Staff may see a hidden test's data when the server sends it; a candidate's view never shows it.
  const hasDetails = test.input !== undefined || test.expected !== undefined || test.actual !== undefined;
  if (!test.sample && !(staffView && hasDetails)) {
    return (
      <li className="test-row">
        <div className="test-head">{head}</div>
        {test.message && !passed ? <p className="test-message">{test.message}</p> : null}
      </li>
    );
  }
  return (
    <li className="test-row">
      <details open={!passed}>
        <summary className="test-head">{head}</summary>
        <div className="test-details">
          {test.message ? <p className="test-message">{test.message}</p> : null}
          <Detail label="Input" value={test.input} />
          <Detail label="Expected" value={test.expected} />
          <Detail label={staffView ? 'Candidate’s result' : 'Your result'} value={test.actual} />
        </div>
      </details>
    </li>
  );
}
