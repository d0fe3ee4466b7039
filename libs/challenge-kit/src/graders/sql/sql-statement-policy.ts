import type { SqlStatement } from './sql-statement-splitter.js';

/** Why the sandbox refuses to run a submission, before anything reaches the server. */
export interface StatementRefusal {
  /** 0-based index of the refused statement. */
  statementIndex: number;
  message: string;
}

const QUERY_STARTS = new Set(['SELECT', 'WITH', 'VALUES', 'TABLE', '(']);
const DATA_CHANGE_STARTS = new Set(['INSERT', 'UPDATE', 'DELETE', 'MERGE', 'TRUNCATE']);
const OTHER_ALLOWED_STARTS = new Set(['EXPLAIN', 'ANALYZE', 'ANALYSE']);
const TRANSACTION_CONTROL = new Set([
  'BEGIN',
  'START',
  'COMMIT',
  'END',
  'ROLLBACK',
  'ABORT',
  'SAVEPOINT',
  'RELEASE',
  'PREPARE',
]);
const SESSION_CONTROL = new Set([
  'SET',
  'RESET',
  'DISCARD',
  'SHOW',
  'LOAD',
  'LISTEN',
  'UNLISTEN',
  'NOTIFY',
  'DEALLOCATE',
  'EXECUTE',
]);
const PROCEDURAL = new Set(['DO', 'CALL']);
const CREATE_MODIFIERS = new Set([
  'OR',
  'REPLACE',
  'GLOBAL',
  'LOCAL',
  'TEMP',
  'TEMPORARY',
  'UNLOGGED',
  'RECURSIVE',
  'UNIQUE',
]);
/** Object kinds a candidate (or a dataset's setup) may create, alter or drop: all rolled back. */
const OBJECT_KINDS = new Set(['TABLE', 'VIEW', 'INDEX', 'SEQUENCE', 'STATISTICS', 'TYPE', 'DOMAIN']);
const PROCEDURAL_KINDS = new Set([
  'FUNCTION',
  'PROCEDURE',
  'TRIGGER',
  'RULE',
  'AGGREGATE',
  'OPERATOR',
  'LANGUAGE',
  'CAST',
  'EVENT',
]);

const ALLOWED_SUMMARY =
  'only queries (SELECT, WITH, VALUES, TABLE), data changes (INSERT, UPDATE, DELETE, MERGE, TRUNCATE), EXPLAIN, ANALYZE, ' +
  'and CREATE, ALTER or DROP of tables, views, materialized views, indexes, sequences, statistics, types and domains are allowed';

/** True when the statement returns rows the way a query does (so it can be compared and explained). */
export function isQueryStatement(statement: SqlStatement): boolean {
  return QUERY_STARTS.has(statement.leadingWords[0] ?? '');
}

/** True when EXPLAIN accepts the statement. */
export function isExplainableStatement(statement: SqlStatement): boolean {
  const first = statement.leadingWords[0] ?? '';
  return QUERY_STARTS.has(first) || (DATA_CHANGE_STARTS.has(first) && first !== 'TRUNCATE');
}

/** The object kind after CREATE/ALTER/DROP, skipping modifiers: `MATERIALIZED VIEW`, `INDEX`, ... */
function objectKind(words: readonly string[]): string | undefined {
  let index = 1;
  while (index < words.length && CREATE_MODIFIERS.has(words[index])) index += 1;
  const kind = words[index];
  if (kind === 'MATERIALIZED') return words[index + 1] === 'VIEW' ? 'MATERIALIZED VIEW' : undefined;
  return kind;
}

function refusalReason(statement: SqlStatement): string | undefined {
  const words = statement.leadingWords;
  const first = words[0];
  if (first === undefined) return `it does not start with a keyword; ${ALLOWED_SUMMARY}`;
  if (QUERY_STARTS.has(first) || DATA_CHANGE_STARTS.has(first) || OTHER_ALLOWED_STARTS.has(first)) return undefined;
  if (TRANSACTION_CONTROL.has(first)) {
    return `${first} is transaction control: the sandbox runs your SQL in one transaction that it always rolls back itself`;
  }
  if (SESSION_CONTROL.has(first)) {
    return `${first} changes or inspects the session (settings, role, prepared statements, notifications), which the sandbox fixes for every run`;
  }
  if (first === 'COPY')
    return 'COPY is not available: the sandbox has no access to files or programs; use SELECT to return data';
  if (PROCEDURAL.has(first)) return `${first} runs procedural code, which the sandbox does not allow`;
  if (first === 'REFRESH' && words[1] === 'MATERIALIZED') return undefined;
  if (first === 'CREATE' || first === 'ALTER' || first === 'DROP') {
    const kind = objectKind(words);
    if (kind !== undefined && (OBJECT_KINDS.has(kind) || kind === 'MATERIALIZED VIEW')) return undefined;
    if (kind !== undefined && PROCEDURAL_KINDS.has(kind))
      return `${first} ${kind} is not allowed: the sandbox does not run procedural code; ${ALLOWED_SUMMARY}`;
    return `${first} ${kind ?? ''} is not allowed; ${ALLOWED_SUMMARY}`.replace('  ', ' ');
  }
  return `${first} is not allowed; ${ALLOWED_SUMMARY}`;
}

/**
 * An allowlist on each statement's leading keywords. It keeps transaction control, role and
 * setting changes, COPY and procedural code out of the sandbox; the database privileges of the
 * sandbox role stop them again if a statement ever got past it.
 */
export function findStatementRefusal(statements: readonly SqlStatement[]): StatementRefusal | undefined {
  for (const [statementIndex, statement] of statements.entries()) {
    const reason = refusalReason(statement);
    if (reason !== undefined) {
      return { statementIndex, message: `Statement ${statementIndex + 1} is refused: ${reason}.` };
    }
  }
  return undefined;
}
