/** One statement of a submitted SQL text, as the sandbox sends it to the server on its own. */
export interface SqlStatement {
  /** The statement from its first token to its end, without the terminating semicolon. */
  text: string;
  /** Where `text` starts in the submitted source. */
  offset: number;
  /**
   * The leading bare words, upper-cased, comments skipped (at most six): `['CREATE', 'UNIQUE',
   * 'INDEX', ...]`. `['(']` when the statement opens with a parenthesis; empty when it opens with
   * anything else that is not a word.
   */
  leadingWords: string[];
}

const MAX_LEADING_WORDS = 6;
const WHITESPACE = new Set([' ', '\t', '\n', '\r', '\f', '\v']);
const DOLLAR_TAG = /\$([A-Za-z_\u0080-\uffff][A-Za-z_0-9\u0080-\uffff]*)?\$/y;

function isIdentifierStart(char: string): boolean {
  return /[A-Za-z_]/.test(char) || char.charCodeAt(0) >= 0x80;
}

function isIdentifierPart(char: string): boolean {
  return isIdentifierStart(char) || /[0-9$]/.test(char);
}

/**
 * Splits SQL text into statements at top-level semicolons, following PostgreSQL's lexical rules
 * (scan.l): `--` comments end at \n or \r, block comments nest, '' doubles a quote, E'' strings
 * take backslash escapes, dollar quotes end at the same tag, and `$` inside a word is part of it.
 *
 * The split is a convenience, not the security boundary: every piece goes to the server through
 * the extended query protocol, which refuses a piece that holds two statements, and statements
 * run in order and stop at the first error.
 */
export function splitSqlStatements(source: string): SqlStatement[] {
  const statements: SqlStatement[] = [];
  let first = -1; // offset of the current statement's first token
  let last = 0; // end of its last token
  let depth = 0;
  let words: string[] = [];
  let wordsClosed = false;
  let i = 0;

  const flush = (): void => {
    if (first >= 0) statements.push({ text: source.slice(first, last), offset: first, leadingWords: words });
    first = -1;
    depth = 0;
    words = [];
    wordsClosed = false;
  };
  const token = (start: number, end: number, word?: string): void => {
    if (first < 0) first = start;
    last = end;
    if (word !== undefined && !wordsClosed) {
      if (words.length < MAX_LEADING_WORDS) words.push(word.toUpperCase());
    } else {
      wordsClosed = true;
    }
  };

  while (i < source.length) {
    const char = source[i];
    const next = source[i + 1];
    if (WHITESPACE.has(char)) {
      i += 1;
    } else if (char === '-' && next === '-') {
      while (i < source.length && source[i] !== '\n' && source[i] !== '\r') i += 1;
    } else if (char === '/' && next === '*') {
      i = skipBlockComment(source, i);
    } else if (char === ';' && depth === 0) {
      flush();
      i += 1;
    } else if (char === "'") {
      const end = skipString(source, i, false);
      token(i, end);
      i = end;
    } else if (char === '"') {
      const end = skipQuotedIdentifier(source, i);
      token(i, end);
      i = end;
    } else if (char === '$') {
      const end = skipDollar(source, i);
      token(i, end);
      i = end;
    } else if (isIdentifierStart(char)) {
      let end = i + 1;
      while (end < source.length && isIdentifierPart(source[end])) end += 1;
      const word = source.slice(i, end);
      if (source[end] === "'" && word.toLowerCase() === 'e') {
        end = skipString(source, end, true);
        token(i, end);
      } else {
        token(i, end, word);
      }
      i = end;
    } else if (/[0-9]/.test(char) || (char === '.' && /[0-9]/.test(next ?? ''))) {
      let end = i + 1;
      while (end < source.length && /[0-9A-Za-z_.]/.test(source[end])) end += 1;
      token(i, end);
      i = end;
    } else {
      if (char === '(') {
        if (first < 0) words = ['('];
        depth += 1;
      } else if (char === ')') {
        depth = Math.max(0, depth - 1);
      }
      token(i, i + 1);
      i += 1;
    }
  }
  flush();
  return statements;
}

/** PostgreSQL block comments nest: `/* /* *\/ still a comment *\/`. Unterminated runs to the end. */
function skipBlockComment(source: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < source.length) {
    if (source[i] === '/' && source[i + 1] === '*') {
      depth += 1;
      i += 2;
    } else if (source[i] === '*' && source[i + 1] === '/') {
      depth -= 1;
      i += 2;
      if (depth === 0) return i;
    } else {
      i += 1;
    }
  }
  return source.length;
}

function skipString(source: string, quote: number, backslashEscapes: boolean): number {
  let i = quote + 1;
  while (i < source.length) {
    if (backslashEscapes && source[i] === '\\') {
      i += 2;
    } else if (source[i] === "'") {
      if (source[i + 1] === "'") i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return source.length;
}

function skipQuotedIdentifier(source: string, quote: number): number {
  let i = quote + 1;
  while (i < source.length) {
    if (source[i] === '"') {
      if (source[i + 1] === '"') i += 2;
      else return i + 1;
    } else {
      i += 1;
    }
  }
  return source.length;
}

/** `$1` is a parameter, `$tag$...$tag$` a dollar-quoted string, any other `$` an operator character. */
function skipDollar(source: string, start: number): number {
  if (/[0-9]/.test(source[start + 1] ?? '')) {
    let end = start + 1;
    while (end < source.length && /[0-9]/.test(source[end])) end += 1;
    return end;
  }
  DOLLAR_TAG.lastIndex = start;
  const match = DOLLAR_TAG.exec(source);
  if (!match) return start + 1;
  const close = source.indexOf(match[0], start + match[0].length);
  return close < 0 ? source.length : close + match[0].length;
}
