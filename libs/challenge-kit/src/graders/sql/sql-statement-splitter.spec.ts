import { describe, expect, it } from '@jest/globals';
import { splitSqlStatements as sut } from './sql-statement-splitter.js';

const texts = (source: string): string[] => sut(source).map((statement) => statement.text);
const firstWords = (source: string): string[][] => sut(source).map((statement) => statement.leadingWords);

describe('splitSqlStatements', () => {
  it('splits at top-level semicolons and drops empty statements', () => {
    expect(texts('SELECT 1; SELECT 2;;  ;\n')).toEqual(['SELECT 1', 'SELECT 2']);
  });

  it('keeps a statement without a final semicolon and reports where it starts', () => {
    const statements = sut('SELECT 1;\n  -- note\n  SELECT 2');
    expect(statements.map((statement) => [statement.text, statement.offset])).toEqual([
      ['SELECT 1', 0],
      ['SELECT 2', 22],
    ]);
  });

  it.each([
    ["SELECT 'a;b'; SELECT 2", ["SELECT 'a;b'", 'SELECT 2']],
    ["SELECT 'it''s; fine'; SELECT 2", ["SELECT 'it''s; fine'", 'SELECT 2']],
    ["SELECT E'\\'; still'; SELECT 2", ["SELECT E'\\'; still'", 'SELECT 2']],
    ['SELECT "a;""b"; SELECT 2', ['SELECT "a;""b"', 'SELECT 2']],
    ['SELECT $$;COMMIT;$$; SELECT 2', ['SELECT $$;COMMIT;$$', 'SELECT 2']],
    ['SELECT $x$ $$; $x$; SELECT 2', ['SELECT $x$ $$; $x$', 'SELECT 2']],
    ['SELECT 1 /* ; */ + 1; SELECT 2', ['SELECT 1 /* ; */ + 1', 'SELECT 2']],
    ['SELECT 1 -- ;\n + 1; SELECT 2', ['SELECT 1 -- ;\n + 1', 'SELECT 2']],
  ])('does not split inside quotes or comments: %s', (source, expected) => {
    expect(texts(source)).toEqual(expected);
  });

  it('nests block comments the way PostgreSQL does', () => {
    expect(texts('/* /* */ COMMIT; */ SELECT 1')).toEqual(['SELECT 1']);
    expect(firstWords('/* /* */ COMMIT; */ SELECT 1')).toEqual([['SELECT']]);
  });

  it('ends a line comment at a carriage return, like PostgreSQL', () => {
    expect(firstWords('-- hidden?\rCOMMIT; SELECT 1')).toEqual([['COMMIT'], ['SELECT']]);
  });

  it('treats a dollar sign inside a word as part of the word, not as a dollar quote', () => {
    expect(texts('SELECT a$$; COMMIT; SELECT $$x$$')).toEqual(['SELECT a$$', 'COMMIT', 'SELECT $$x$$']);
  });

  it('does not take a parameter such as $1 for a dollar quote', () => {
    expect(texts('SELECT $1; SELECT 2')).toEqual(['SELECT $1', 'SELECT 2']);
  });

  it('keeps semicolons inside parentheses in one piece for the server to judge', () => {
    expect(
      texts('CREATE RULE r AS ON INSERT TO t DO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1'),
    ).toHaveLength(2);
  });

  it('lets an unterminated string swallow the rest, which the server then rejects', () => {
    expect(texts("SELECT 'abc; COMMIT; SELECT 1")).toEqual(["SELECT 'abc; COMMIT; SELECT 1"]);
  });

  it('leaves out trailing comments, terminated or not', () => {
    expect(texts('SELECT 1 -- done')).toEqual(['SELECT 1']);
    expect(texts('SELECT 1 /* ; COMMIT')).toEqual(['SELECT 1']);
  });

  it('reports the leading words in upper case, skipping comments', () => {
    expect(firstWords('/* x */ create unique index i on t (a); (SELECT 1); 42; "select" 1')).toEqual([
      ['CREATE', 'UNIQUE', 'INDEX', 'I', 'ON', 'T'],
      ['('],
      [],
      [],
    ]);
  });

  it('stops the leading words at the first token that is not a bare word', () => {
    expect(firstWords("SET role = 'postgres'")).toEqual([['SET', 'ROLE']]);
  });
});
