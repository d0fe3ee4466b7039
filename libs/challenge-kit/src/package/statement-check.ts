import { Lexer, type Token, type Tokens } from 'marked';

const MIN_LENGTH = 80;

function* walk(tokens: readonly Token[]): Generator<Token> {
  for (const token of tokens) {
    yield token;
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) yield* walk(children);
    if (token.type === 'list') for (const item of (token as Tokens.List).items) yield* walk(item.tokens);
    if (token.type === 'table') {
      const table = token as Tokens.Table;
      for (const cell of table.header) yield* walk(cell.tokens);
      for (const row of table.rows) for (const cell of row) yield* walk(cell.tokens);
    }
  }
}

/**
 * Checks that a statement renders as the Markdown a candidate will read, and returns what is wrong.
 * Raw HTML is refused because the web client renders statements for candidates: Markdown only, so no
 * author can smuggle markup or scripts into a candidate's page. An unclosed code fence would swallow
 * the rest of the statement.
 */
export function checkStatement(markdown: string): string[] {
  const problems: string[] = [];
  if (markdown.trim().length < MIN_LENGTH)
    problems.push(`is too short to be a statement (at least ${MIN_LENGTH} characters)`);
  let tokens: Token[];
  try {
    tokens = new Lexer({ gfm: true }).lex(markdown);
  } catch (error) {
    return [...problems, `does not parse as Markdown: ${(error as Error).message}`];
  }
  const html = [...walk(tokens)].find((token) => token.type === 'html');
  if (html) problems.push(`contains raw HTML (${JSON.stringify(html.raw.trim().slice(0, 40))}); use Markdown only`);
  for (const token of walk(tokens)) {
    if (token.type === 'code' && /^\s*(`{3,}|~{3,})/.test(token.raw)) {
      const fence = /^\s*(`{3,}|~{3,})/.exec(token.raw)?.[1] ?? '```';
      if (!token.raw.trimEnd().endsWith(fence)) problems.push('has a code block that is never closed');
    }
  }
  if (!tokens.some((token) => token.type === 'paragraph')) problems.push('has no paragraph of text');
  return problems;
}
