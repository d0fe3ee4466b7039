import type * as TypeScript from 'typescript';

/** The mutation operators, after StrykerJS's set plus return values and statement removal. */
export const MUTATORS = [
  'arithmetic',
  'comparison',
  'boundary',
  'equality',
  'logical',
  'conditional',
  'unary',
  'update',
  'assignment',
  'return-value',
  'boolean-literal',
  'number-literal',
  'string-literal',
  'array-literal',
  'method',
  'block-removal',
  'statement-removal',
] as const;
export type Mutator = (typeof MUTATORS)[number];

export interface Mutant {
  /** 1-based, stable for a given source. */
  id: number;
  mutator: Mutator;
  /** 1-based position of the mutated code. */
  line: number;
  column: number;
  original: string;
  replacement: string;
  /** The whole source with this one change. */
  source: string;
}

/** A line whose previous line says `// mutation-ignore-next-line: <reason>` is never mutated. */
export const IGNORE_PRAGMA = /\/\/\s*mutation-ignore-next-line\b/;

interface Edit {
  mutator: Mutator;
  start: number;
  end: number;
  replacement: string;
}

type Ts = typeof TypeScript;

let loaded: Ts | undefined;

/** TypeScript is an authoring dependency: load it on first use, so importing the kit stays cheap. */
async function typescript(): Promise<Ts> {
  loaded ??= ((await import('typescript')) as unknown as { default: Ts }).default;
  return loaded;
}

type OperatorSwaps = ReadonlyMap<TypeScript.SyntaxKind, readonly [string, Mutator][]>;

let operatorSwaps: OperatorSwaps | undefined;

/** Replacements of each binary operator, in the order they are tried. */
function swapsOf(ts: Ts): OperatorSwaps {
  const K = ts.SyntaxKind;
  operatorSwaps ??= new Map<TypeScript.SyntaxKind, [string, Mutator][]>([
    [K.PlusToken, [['-', 'arithmetic']]],
    [K.MinusToken, [['+', 'arithmetic']]],
    [K.AsteriskToken, [['/', 'arithmetic']]],
    [K.SlashToken, [['*', 'arithmetic']]],
    [K.PercentToken, [['*', 'arithmetic']]],
    [
      K.LessThanToken,
      [
        ['<=', 'boundary'],
        ['>=', 'comparison'],
      ],
    ],
    [
      K.LessThanEqualsToken,
      [
        ['<', 'boundary'],
        ['>', 'comparison'],
      ],
    ],
    [
      K.GreaterThanToken,
      [
        ['>=', 'boundary'],
        ['<=', 'comparison'],
      ],
    ],
    [
      K.GreaterThanEqualsToken,
      [
        ['>', 'boundary'],
        ['<', 'comparison'],
      ],
    ],
    [K.EqualsEqualsEqualsToken, [['!==', 'equality']]],
    [K.ExclamationEqualsEqualsToken, [['===', 'equality']]],
    [K.EqualsEqualsToken, [['!=', 'equality']]],
    [K.ExclamationEqualsToken, [['==', 'equality']]],
    [K.AmpersandAmpersandToken, [['||', 'logical']]],
    [K.BarBarToken, [['&&', 'logical']]],
    [K.QuestionQuestionToken, [['&&', 'logical']]],
    [K.PlusEqualsToken, [['-=', 'assignment']]],
    [K.MinusEqualsToken, [['+=', 'assignment']]],
    [K.AsteriskEqualsToken, [['/=', 'assignment']]],
    [K.SlashEqualsToken, [['*=', 'assignment']]],
    [K.BarBarEqualsToken, [['&&=', 'assignment']]],
    [K.AmpersandAmpersandEqualsToken, [['||=', 'assignment']]],
    [K.QuestionQuestionEqualsToken, [['&&=', 'assignment']]],
  ]);
  return operatorSwaps;
}

function binaryEdits(ts: Ts, node: TypeScript.BinaryExpression, source: TypeScript.SourceFile): Edit[] {
  const operator = node.operatorToken;
  const isStringy = (side: TypeScript.Expression): boolean =>
    ts.isStringLiteral(side) || ts.isTemplateExpression(side) || ts.isNoSubstitutionTemplateLiteral(side);
  // `+` and `+=` on text are concatenation: `-` there is a type error, not a behaviour change.
  const concatenates =
    (operator.kind === ts.SyntaxKind.PlusToken || operator.kind === ts.SyntaxKind.PlusEqualsToken) &&
    (isStringy(node.left) || isStringy(node.right));
  if (concatenates) return [];
  return (swapsOf(ts).get(operator.kind) ?? []).map(([replacement, mutator]) => ({
    mutator,
    start: operator.getStart(source),
    end: operator.getEnd(),
    replacement,
  }));
}

/** Conditions of if/while/for/ternaries: forced true, forced false (StrykerJS's ConditionalExpression). */
function conditionEdits(source: TypeScript.SourceFile, condition: TypeScript.Expression | undefined): Edit[] {
  if (!condition) return [];
  const start = condition.getStart(source);
  const end = condition.getEnd();
  return [
    { mutator: 'conditional', start, end, replacement: 'true' },
    { mutator: 'conditional', start, end, replacement: 'false' },
  ];
}

const METHOD_SWAPS: Readonly<Record<string, string>> = {
  min: 'max',
  max: 'min',
  floor: 'ceil',
  ceil: 'floor',
  some: 'every',
  every: 'some',
  startsWith: 'endsWith',
  endsWith: 'startsWith',
  toUpperCase: 'toLowerCase',
  toLowerCase: 'toUpperCase',
  trim: 'trimEnd',
  trimStart: 'trimEnd',
  trimEnd: 'trimStart',
  indexOf: 'lastIndexOf',
  lastIndexOf: 'indexOf',
  filter: 'find',
  push: 'unshift',
  unshift: 'push',
  pop: 'shift',
  shift: 'pop',
};

/** Type-only syntax is never mutated: it does not exist at run time. */
function isTypeLevel(ts: Ts, node: TypeScript.Node): boolean {
  return (
    ts.isTypeNode(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isImportDeclaration(node) ||
    ts.isExportDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    node.kind === ts.SyntaxKind.DeclareKeyword
  );
}

function isConsoleCall(ts: Ts, call: TypeScript.CallExpression): boolean {
  const callee = call.expression;
  return (
    ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console'
  );
}

/** Messages of thrown errors and console output are prose, not behaviour: their mutants would be equivalent. */
function isProse(ts: Ts, node: TypeScript.Node): boolean {
  const parent = node.parent;
  if (ts.isNewExpression(parent)) return true;
  if (ts.isCallExpression(parent) && isConsoleCall(ts, parent)) return true;
  const isPartOfText =
    ts.isTemplateSpan(parent) ||
    ts.isTemplateExpression(parent) ||
    ts.isParenthesizedExpression(parent) ||
    (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.PlusToken);
  return isPartOfText ? isProse(ts, parent) : false;
}

function collectEdits(ts: Ts, source: TypeScript.SourceFile): Edit[] {
  const K = ts.SyntaxKind;
  const edits: Edit[] = [];
  const visit = (node: TypeScript.Node): void => {
    if (isTypeLevel(ts, node)) return;
    const text = (n: TypeScript.Node): string => n.getText(source);
    if (ts.isBinaryExpression(node)) edits.push(...binaryEdits(ts, node, source));
    else if (ts.isIfStatement(node) || ts.isWhileStatement(node) || ts.isDoStatement(node))
      edits.push(...conditionEdits(source, node.expression));
    else if (ts.isForStatement(node)) {
      if (node.condition)
        edits.push({
          mutator: 'conditional',
          start: node.condition.getStart(source),
          end: node.condition.getEnd(),
          replacement: 'false',
        });
    } else if (ts.isConditionalExpression(node)) edits.push(...conditionEdits(source, node.condition));
    else if (ts.isPrefixUnaryExpression(node)) {
      const start = node.getStart(source);
      if (node.operator === K.ExclamationToken)
        edits.push({ mutator: 'unary', start, end: node.getEnd(), replacement: text(node.operand) });
      if (node.operator === K.MinusToken && !ts.isNumericLiteral(node.operand))
        edits.push({ mutator: 'unary', start, end: node.getEnd(), replacement: text(node.operand) });
      if (node.operator === K.PlusPlusToken)
        edits.push({ mutator: 'update', start, end: node.getEnd(), replacement: `--${text(node.operand)}` });
      if (node.operator === K.MinusMinusToken)
        edits.push({ mutator: 'update', start, end: node.getEnd(), replacement: `++${text(node.operand)}` });
    } else if (ts.isPostfixUnaryExpression(node)) {
      const operator = node.operator === K.PlusPlusToken ? '--' : '++';
      edits.push({
        mutator: 'update',
        start: node.getStart(source),
        end: node.getEnd(),
        replacement: `${text(node.operand)}${operator}`,
      });
    } else if (ts.isReturnStatement(node) && node.expression) {
      const expression = node.expression;
      const returned = text(expression);
      if (returned !== 'undefined' && returned !== 'null')
        edits.push({
          mutator: 'return-value',
          start: expression.getStart(source),
          end: expression.getEnd(),
          replacement: 'undefined',
        });
    } else if (node.kind === K.TrueKeyword || node.kind === K.FalseKeyword) {
      edits.push({
        mutator: 'boolean-literal',
        start: node.getStart(source),
        end: node.getEnd(),
        replacement: node.kind === K.TrueKeyword ? 'false' : 'true',
      });
    } else if (ts.isNumericLiteral(node)) {
      const value = Number(node.text);
      const negated = ts.isPrefixUnaryExpression(node.parent) && node.parent.operator === K.MinusToken;
      if (!negated)
        edits.push({
          mutator: 'number-literal',
          start: node.getStart(source),
          end: node.getEnd(),
          replacement: value === 0 ? '1' : value === 1 ? '0' : String(value + 1),
        });
    } else if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && !isProse(ts, node)) {
      const parent = node.parent;
      const isKey =
        (ts.isPropertyAssignment(parent) && parent.name === node) ||
        ts.isElementAccessExpression(parent) ||
        ts.isLiteralTypeNode(parent);
      if (!isKey && !ts.isCaseClause(parent))
        edits.push({
          mutator: 'string-literal',
          start: node.getStart(source),
          end: node.getEnd(),
          replacement: node.text === '' ? '"mutated"' : '""',
        });
    } else if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) {
      edits.push({ mutator: 'array-literal', start: node.getStart(source), end: node.getEnd(), replacement: '[]' });
    } else if (
      ts.isPropertyAccessExpression(node) &&
      ts.isCallExpression(node.parent) &&
      node.parent.expression === node
    ) {
      const swap = METHOD_SWAPS[node.name.text];
      if (swap)
        edits.push({
          mutator: 'method',
          start: node.name.getStart(source),
          end: node.name.getEnd(),
          replacement: swap,
        });
    } else if (ts.isBlock(node) && node.statements.length > 0 && !ts.isBlock(node.parent)) {
      const isBody =
        ts.isFunctionLike(node.parent) ||
        ts.isIfStatement(node.parent) ||
        ts.isIterationStatement(node.parent, false) ||
        ts.isCatchClause(node.parent);
      if (isBody && !ts.isConstructorDeclaration(node.parent))
        edits.push({ mutator: 'block-removal', start: node.getStart(source), end: node.getEnd(), replacement: '{}' });
    }
    if (
      ts.isExpressionStatement(node) ||
      ts.isThrowStatement(node) ||
      ts.isBreakStatement(node) ||
      ts.isContinueStatement(node)
    ) {
      const inBlock = ts.isBlock(node.parent) || ts.isCaseClause(node.parent) || ts.isDefaultClause(node.parent);
      const isDirective = ts.isExpressionStatement(node) && ts.isStringLiteral(node.expression);
      const isLogging =
        ts.isExpressionStatement(node) && ts.isCallExpression(node.expression) && isConsoleCall(ts, node.expression);
      if (inBlock && !isDirective && !isLogging)
        edits.push({
          mutator: 'statement-removal',
          start: node.getStart(source),
          end: node.getEnd(),
          replacement: ';',
        });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return edits;
}

/**
 * Every first-order mutant of `code` (TypeScript or JavaScript), from the abstract syntax tree of the
 * TypeScript compiler's parser. Mutants are text edits at node positions, so the rest of the source,
 * comments included, is unchanged and line numbers stay meaningful.
 */
export async function generateMutants(code: string, language: 'typescript' | 'javascript'): Promise<Mutant[]> {
  const ts = await typescript();
  const source = ts.createSourceFile(
    language === 'typescript' ? 'solution.ts' : 'solution.js',
    code,
    ts.ScriptTarget.ES2023,
    true,
    language === 'typescript' ? ts.ScriptKind.TS : ts.ScriptKind.JS,
  );
  const lines = code.split('\n');
  const ignored = new Set<number>();
  lines.forEach((line, index) => {
    if (IGNORE_PRAGMA.test(line)) ignored.add(index + 1);
  });
  const seen = new Set<string>();
  const mutants: Mutant[] = [];
  for (const edit of collectEdits(ts, source).sort((a, b) => a.start - b.start || a.end - b.end)) {
    const position = source.getLineAndCharacterOfPosition(edit.start);
    if (ignored.has(position.line)) continue;
    const original = code.slice(edit.start, edit.end);
    const key = `${edit.start}:${edit.end}:${edit.replacement}`;
    if (original === edit.replacement || seen.has(key)) continue;
    seen.add(key);
    mutants.push({
      id: mutants.length + 1,
      mutator: edit.mutator,
      line: position.line + 1,
      column: position.character + 1,
      original,
      replacement: edit.replacement,
      source: code.slice(0, edit.start) + edit.replacement + code.slice(edit.end),
    });
  }
  return mutants;
}
