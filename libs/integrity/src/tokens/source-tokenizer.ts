import ts from 'typescript';
import {
  DROPPED,
  TokenClass,
  compoundAssignmentOperator,
  identifierSymbol,
  kindSymbol,
  memberSymbol,
} from './token-vocabulary.js';

/** A submission as a normalised token stream: what stays the same when a copier disguises a copy. */
export interface NormalisedTokens {
  /** One symbol per token (see token-vocabulary.ts). */
  symbols: Int32Array;
  /** 1-based source line of each token, for matched regions. */
  lines: Int32Array;
  /** The source had more tokens than `maxTokens`; the stream holds the first ones. */
  truncated: boolean;
}

export interface TokenizeOptions {
  /** Upper bound on the stream's length: a hostile submission cannot make fingerprinting unbounded. */
  maxTokens?: number;
}

export const DEFAULT_MAX_TOKENS = 50_000;

/** Modifiers that only exist for the type checker, and `export`, which a harness may or may not need. */
const DROPPED_MODIFIERS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.PublicKeyword,
  ts.SyntaxKind.PrivateKeyword,
  ts.SyntaxKind.ProtectedKeyword,
  ts.SyntaxKind.ReadonlyKeyword,
  ts.SyntaxKind.AbstractKeyword,
  ts.SyntaxKind.OverrideKeyword,
  ts.SyntaxKind.DeclareKeyword,
  ts.SyntaxKind.ExportKeyword,
  ts.SyntaxKind.DefaultKeyword,
  ts.SyntaxKind.InKeyword,
  ts.SyntaxKind.OutKeyword,
  ts.SyntaxKind.AccessorKeyword,
  ts.SyntaxKind.ConstKeyword,
]);

/** Statements that vanish when TypeScript is compiled to JavaScript, or that differ by harness (imports). */
const SKIPPED_STATEMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ImportEqualsDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.NamespaceExportDeclaration,
  ts.SyntaxKind.IndexSignature,
  ts.SyntaxKind.SemicolonClassElement,
  ts.SyntaxKind.Decorator,
]);

/**
 * Turns JavaScript or TypeScript source into its normalised token stream, with the TypeScript parser
 * and scanner (JavaScript is parsed as TypeScript, its superset):
 * - comments and whitespace are gone, and so are semicolons and trailing commas (formatting under ASI);
 * - identifiers and literals become classes (well-known runtime names excepted, see token-vocabulary.ts);
 * - everything a type adds is stripped (annotations, `as`, `!`, generics, interfaces, access modifiers),
 *   so typing a copied JavaScript answer does not hide it;
 * - spellings of the same code are made one: `a += 1`, `a = a + 1` and `a++`; `for (i; c; u) s` and
 *   `i; while (c) { s; u }`; arrow functions, function expressions and declarations; braced and
 *   unbraced bodies; `===` and `==`; redundant parentheses.
 * The parser never throws on malformed input; nesting deep enough to exhaust the stack falls back to the
 * plain scanner, which needs no recursion.
 */
export function tokenizeSource(source: string, options: TokenizeOptions = {}): NormalisedTokens {
  const maxTokens = options.maxTokens ?? DEFAULT_MAX_TOKENS;
  const lineStarts = computeLineStarts(source);
  let writer = new StreamWriter(lineStarts, maxTokens);
  try {
    const file = ts.createSourceFile('submission.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    new NormalisingWalker(file, writer).visitFile();
  } catch (error) {
    if (!(error instanceof RangeError) && !(error instanceof StreamFullSignal)) throw error;
    if (error instanceof RangeError) {
      writer = new StreamWriter(lineStarts, maxTokens);
      scanFlat(source, writer);
    }
  }
  return writer.finish();
}

/** Thrown by the writer to stop the walk once the stream is full. */
class StreamFullSignal extends Error {}

class StreamWriter {
  private symbols = new Int32Array(1024);
  private offsets = new Int32Array(1024);
  private count = 0;
  private truncated = false;

  constructor(
    private readonly lineStarts: readonly number[],
    private readonly maxTokens: number,
  ) {}

  get length(): number {
    return this.count;
  }

  lastSymbol(): number | undefined {
    return this.count === 0 ? undefined : this.symbols[this.count - 1];
  }

  push(symbol: number, offset: number): void {
    if (symbol === DROPPED) return;
    // A trailing comma is formatting (prettier adds them): the closer replaces it.
    if (isCloser(symbol) && this.lastSymbol() === ts.SyntaxKind.CommaToken) this.count--;
    if (this.count >= this.maxTokens) {
      this.truncated = true;
      throw new StreamFullSignal();
    }
    if (this.count === this.symbols.length) {
      this.symbols = grow(this.symbols);
      this.offsets = grow(this.offsets);
    }
    this.symbols[this.count] = symbol;
    this.offsets[this.count] = offset;
    this.count++;
  }

  pop(): void {
    if (this.count > 0) this.count--;
  }

  /** Appends again the tokens written from index `from` to `to` (exclusive): `a` in `a = a + 1`. */
  repeat(from: number, to: number): void {
    for (let index = from; index < to; index++) this.push(this.symbols[index], this.offsets[index]);
  }

  finish(): NormalisedTokens {
    const symbols = this.symbols.slice(0, this.count);
    const lines = new Int32Array(this.count);
    for (let index = 0; index < this.count; index++) lines[index] = lineOf(this.lineStarts, this.offsets[index]);
    return { symbols, lines, truncated: this.truncated };
  }
}

function grow(array: Int32Array<ArrayBuffer>): Int32Array<ArrayBuffer> {
  const grown = new Int32Array(array.length * 2);
  grown.set(array);
  return grown;
}

/** Wrappers that add nothing at run time (parentheses, type assertions): the stream keeps what they wrap. */
const OUTER_EXPRESSIONS = [
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.TypeAssertionExpression,
  ts.SyntaxKind.ExpressionWithTypeArguments,
];

const FLIPPED_COMPARISONS = new Map<ts.SyntaxKind, ts.SyntaxKind>([
  [ts.SyntaxKind.GreaterThanToken, ts.SyntaxKind.LessThanToken],
  [ts.SyntaxKind.GreaterThanEqualsToken, ts.SyntaxKind.LessThanEqualsToken],
]);

const CLOSERS = new Set<number>([
  ts.SyntaxKind.CloseParenToken,
  ts.SyntaxKind.CloseBracketToken,
  ts.SyntaxKind.CloseBraceToken,
]);

function isCloser(symbol: number): boolean {
  return CLOSERS.has(symbol);
}

/** Line starts as TypeScript counts lines: after `\n`, a lone `\r`, U+2028 or U+2029. */
function computeLineStarts(text: string): number[] {
  const starts = [0];
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code === 0x0d && text.charCodeAt(index + 1) === 0x0a) continue;
    if (code === 0x0a || code === 0x0d || code === 0x2028 || code === 0x2029) starts.push(index + 1);
  }
  return starts;
}

function lineOf(lineStarts: readonly number[], offset: number): number {
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle] <= offset) low = middle;
    else high = middle - 1;
  }
  return low + 1;
}

type NodeWithType = ts.Node & { type?: ts.Node };
type NodeWithGenerics = ts.Node & { typeParameters?: ts.NodeArray<ts.Node>; typeArguments?: ts.NodeArray<ts.Node> };
type FunctionLike = ts.FunctionDeclaration | ts.FunctionExpression | ts.ArrowFunction;

class NormalisingWalker {
  private readonly scanner: ts.Scanner;
  /** Set after skipping `<T>`: the `>` that closes it is in the next gap. */
  private dropNextGreaterThan = false;

  constructor(
    private readonly file: ts.SourceFile,
    private readonly out: StreamWriter,
  ) {
    this.scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, file.text);
  }

  visitFile(): void {
    for (const statement of this.file.statements) this.visit(statement, this.file);
  }

  private visit(node: ts.Node, parent: ts.Node): void {
    if (node.kind <= ts.SyntaxKind.LastToken) {
      this.leaf(node, parent);
      return;
    }
    if (SKIPPED_STATEMENTS.has(node.kind) || hasModifier(node, ts.SyntaxKind.DeclareKeyword)) return;
    if (this.rewrite(node)) return;
    this.children(node);
  }

  /** Writes the node in its normalised spelling, or returns false for the plain walk. */
  private rewrite(node: ts.Node): boolean {
    const rewrite = this.rewrites.get(node.kind);
    return rewrite !== undefined && rewrite(node);
  }

  /** The normalised spellings, by node kind (one lookup per node: this runs for every node of every submission). */
  private readonly rewrites = new Map<ts.SyntaxKind, (node: ts.Node) => boolean>([
    [ts.SyntaxKind.ModuleDeclaration, () => true],
    ...OUTER_EXPRESSIONS.map((kind): [ts.SyntaxKind, (node: ts.Node) => boolean] => [
      kind,
      (node) => {
        this.visit((node as ts.ParenthesizedExpression).expression, node);
        return true;
      },
    ]),
    [ts.SyntaxKind.HeritageClause, (node) => (node as ts.HeritageClause).token === ts.SyntaxKind.ImplementsKeyword],
    // A field without initialiser is a declaration for the type checker; JavaScript authors omit it.
    [ts.SyntaxKind.PropertyDeclaration, (node) => !(node as ts.PropertyDeclaration).initializer],
    [ts.SyntaxKind.MethodDeclaration, (node) => !(node as ts.MethodDeclaration).body],
    [ts.SyntaxKind.Constructor, (node) => !(node as ts.ConstructorDeclaration).body],
    [
      ts.SyntaxKind.FunctionDeclaration,
      (node) => this.function(node as FunctionLike, (node as ts.FunctionDeclaration).name),
    ],
    [
      ts.SyntaxKind.FunctionExpression,
      (node) => this.function(node as FunctionLike, (node as ts.FunctionExpression).name),
    ],
    [ts.SyntaxKind.ArrowFunction, (node) => this.function(node as FunctionLike, undefined)],
    [ts.SyntaxKind.VariableStatement, (node) => this.functionBinding(node as ts.VariableStatement)],
    [ts.SyntaxKind.Parameter, (node) => isThisParameter(node as ts.ParameterDeclaration)],
    [ts.SyntaxKind.ForStatement, (node) => this.forLoop(node as ts.ForStatement)],
    [
      ts.SyntaxKind.BinaryExpression,
      (node) =>
        this.compoundAssignment(node as ts.BinaryExpression) || this.flippedComparison(node as ts.BinaryExpression),
    ],
    [ts.SyntaxKind.TemplateExpression, (node) => this.template(node as ts.TemplateExpression)],
    [ts.SyntaxKind.PrefixUnaryExpression, (node) => this.increment(node as ts.PrefixUnaryExpression)],
    [ts.SyntaxKind.PostfixUnaryExpression, (node) => this.increment(node as ts.PostfixUnaryExpression)],
    [
      ts.SyntaxKind.ShorthandPropertyAssignment,
      (node) => this.shorthandProperty(node as ts.ShorthandPropertyAssignment),
    ],
  ]);

  /** `{ key }` is `{ key: key }`. */
  private shorthandProperty(node: ts.ShorthandPropertyAssignment): boolean {
    this.leaf(node.name, node);
    this.out.push(ts.SyntaxKind.ColonToken, node.name.getStart(this.file));
    this.leaf(node.name, node);
    return true;
  }

  /** Walks a node's children in source order, scanning the keywords and punctuation between them. */
  private children(node: ts.Node): void {
    let cursor = node.pos;
    ts.forEachChild(
      node,
      (child) => {
        this.gap(cursor, child.pos);
        this.child(node, child);
        cursor = child.end;
        return undefined;
      },
      (array) => {
        this.gap(cursor, array.pos);
        this.childArray(node, array);
        cursor = array.end;
        return undefined;
      },
    );
    this.gap(cursor, node.end);
  }

  private child(parent: ts.Node, child: ts.Node): void {
    if ((parent as NodeWithType).type === child && !ts.isTypeNode(parent)) {
      // A type annotation: its colon was just written by the gap before it.
      if (this.out.lastSymbol() === ts.SyntaxKind.ColonToken) this.out.pop();
      return;
    }
    if (isTypeOnlyMarker(parent, child)) return;
    if (isControlBody(parent, child)) {
      this.braced(child as ts.Statement, parent);
      return;
    }
    this.visit(child, parent);
  }

  private childArray(parent: ts.Node, array: ts.NodeArray<ts.Node>): void {
    const generic = parent as NodeWithGenerics;
    if (generic.typeParameters === array || generic.typeArguments === array) {
      if (this.out.lastSymbol() === ts.SyntaxKind.LessThanToken) this.out.pop();
      this.dropNextGreaterThan = true;
      return;
    }
    const isModifiers = ts.canHaveModifiers(parent) && parent.modifiers === array;
    let cursor = array.pos;
    for (const element of array) {
      if (isModifiers && (DROPPED_MODIFIERS.has(element.kind) || element.kind === ts.SyntaxKind.Decorator)) {
        cursor = element.end;
        continue;
      }
      this.gap(cursor, element.pos);
      this.visit(element, parent);
      cursor = element.end;
    }
    this.gap(cursor, array.end);
  }

  /** Scans the text between two children: keywords and punctuation only (literals are nodes). */
  private gap(from: number, to: number): void {
    if (from >= to) return;
    this.scanner.resetTokenState(from);
    for (;;) {
      const kind = this.scanner.scan();
      const start = this.scanner.getTokenStart();
      if (kind === ts.SyntaxKind.EndOfFileToken || start >= to) return;
      if (this.dropNextGreaterThan && kind === ts.SyntaxKind.GreaterThanToken) {
        this.dropNextGreaterThan = false;
        continue;
      }
      this.out.push(kindSymbol(kind), start);
    }
  }

  private leaf(node: ts.Node, parent: ts.Node): void {
    const start = node.getStart(this.file);
    if (node.kind === ts.SyntaxKind.Identifier) {
      const name = (node as ts.Identifier).text;
      if (ts.isPropertyAccessExpression(parent) && parent.name === node) {
        // `this.entries` is the candidate's own field, whatever it is called; `map.entries` is the library's.
        const isOwnField = parent.expression.kind === ts.SyntaxKind.ThisKeyword;
        this.out.push(isOwnField ? TokenClass.Identifier : memberSymbol(name), start);
        return;
      }
      this.out.push(identifierSymbol(name), start);
      return;
    }
    this.out.push(kindSymbol(node.kind), start);
  }

  /** Every function spelling as `function name? (params) { body }`; an expression body becomes a return. */
  private function(node: FunctionLike, name: ts.Identifier | undefined): boolean {
    if (!node.body) return true; // an overload signature
    const start = node.getStart(this.file);
    for (const modifier of node.modifiers ?? []) {
      if (modifier.kind === ts.SyntaxKind.AsyncKeyword) this.out.push(modifier.kind, start);
    }
    this.out.push(ts.SyntaxKind.FunctionKeyword, start);
    if (node.asteriskToken) this.out.push(ts.SyntaxKind.AsteriskToken, start);
    if (name) this.leaf(name, node);
    this.out.push(ts.SyntaxKind.OpenParenToken, start);
    const parameters = node.parameters.filter((parameter) => !isThisParameter(parameter));
    parameters.forEach((parameter, index) => {
      if (index > 0) this.out.push(ts.SyntaxKind.CommaToken, parameter.getStart(this.file));
      this.visit(parameter, node);
    });
    this.out.push(ts.SyntaxKind.CloseParenToken, start);
    if (ts.isBlock(node.body)) {
      this.visit(node.body, node);
    } else {
      const bodyStart = node.body.getStart(this.file);
      this.out.push(ts.SyntaxKind.OpenBraceToken, bodyStart);
      this.out.push(ts.SyntaxKind.ReturnKeyword, bodyStart);
      this.visit(node.body, node);
      this.out.push(ts.SyntaxKind.CloseBraceToken, node.end - 1);
    }
    return true;
  }

  /** `const name = (…) => …` is written as the function declaration it stands for. */
  private functionBinding(statement: ts.VariableStatement): boolean {
    const declarations = statement.declarationList.declarations;
    if (declarations.length !== 1) return false;
    const [declaration] = declarations;
    const initializer = declaration.initializer && skipOuterExpressions(declaration.initializer);
    if (!initializer || !ts.isIdentifier(declaration.name)) return false;
    if (!ts.isArrowFunction(initializer) && !ts.isFunctionExpression(initializer)) return false;
    this.function(initializer, declaration.name);
    return true;
  }

  /** `for (init; cond; step) body` as `init while (cond) { body step }`. */
  private forLoop(node: ts.ForStatement): boolean {
    const start = node.getStart(this.file);
    if (node.initializer) this.visit(node.initializer, node);
    this.out.push(ts.SyntaxKind.WhileKeyword, start);
    this.out.push(ts.SyntaxKind.OpenParenToken, start);
    if (node.condition) this.visit(node.condition, node);
    else this.out.push(ts.SyntaxKind.TrueKeyword, start);
    this.out.push(ts.SyntaxKind.CloseParenToken, start);
    this.out.push(ts.SyntaxKind.OpenBraceToken, node.statement.getStart(this.file));
    if (ts.isBlock(node.statement)) {
      for (const statement of node.statement.statements) this.visit(statement, node.statement);
    } else {
      this.visit(node.statement, node);
    }
    if (node.incrementor) this.visit(node.incrementor, node);
    this.out.push(ts.SyntaxKind.CloseBraceToken, node.end - 1);
    return true;
  }

  /** A loop or branch body, always with braces: brace style is formatting. */
  private braced(body: ts.Statement, parent: ts.Node): void {
    if (ts.isBlock(body)) {
      this.visit(body, parent);
      return;
    }
    this.out.push(ts.SyntaxKind.OpenBraceToken, body.getStart(this.file));
    this.visit(body, parent);
    this.out.push(ts.SyntaxKind.CloseBraceToken, body.end - 1);
  }

  private compoundAssignment(node: ts.BinaryExpression): boolean {
    const operator = compoundAssignmentOperator(node.operatorToken.kind);
    if (operator === undefined) return false;
    const offset = node.operatorToken.getStart(this.file);
    const leftFrom = this.out.length;
    this.visit(node.left, node);
    const leftTo = this.out.length;
    this.out.push(ts.SyntaxKind.EqualsToken, offset);
    this.out.repeat(leftFrom, leftTo);
    this.out.push(operator, offset);
    this.visit(node.right, node);
    return true;
  }

  /** `a > b` is written `b < a` (and `>=` as `<=`): which side goes first is a matter of taste. */
  private flippedComparison(node: ts.BinaryExpression): boolean {
    const flipped = FLIPPED_COMPARISONS.get(node.operatorToken.kind);
    if (flipped === undefined) return false;
    this.visit(node.right, node);
    this.out.push(flipped, node.operatorToken.getStart(this.file));
    this.visit(node.left, node);
    return true;
  }

  /** `` `a${x}b` `` is written `'a' + x + 'b'`, the spelling it replaced. */
  private template(node: ts.TemplateExpression): boolean {
    this.out.push(TokenClass.String, node.head.getStart(this.file));
    for (const span of node.templateSpans) {
      const offset = span.getStart(this.file);
      this.out.push(ts.SyntaxKind.PlusToken, offset);
      this.visit(span.expression, span);
      this.out.push(ts.SyntaxKind.PlusToken, offset);
      this.out.push(TokenClass.String, span.literal.getStart(this.file));
    }
    return true;
  }

  /** `i++`, `++i` and `i -= 1` are all `i = i ± 1`. */
  private increment(node: ts.PrefixUnaryExpression | ts.PostfixUnaryExpression): boolean {
    const isIncrement = node.operator === ts.SyntaxKind.PlusPlusToken;
    if (!isIncrement && node.operator !== ts.SyntaxKind.MinusMinusToken) return false;
    const offset = node.getStart(this.file);
    const operandFrom = this.out.length;
    this.visit(node.operand, node);
    const operandTo = this.out.length;
    this.out.push(ts.SyntaxKind.EqualsToken, offset);
    this.out.repeat(operandFrom, operandTo);
    this.out.push(isIncrement ? ts.SyntaxKind.PlusToken : ts.SyntaxKind.MinusToken, offset);
    this.out.push(TokenClass.Number, offset);
    return true;
  }
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

function isThisParameter(parameter: ts.ParameterDeclaration): boolean {
  return ts.isIdentifier(parameter.name) && parameter.name.text === 'this';
}

/** `x?: T` and `x!: T`: markers for the type checker only (a conditional's `?` is kept). */
function isTypeOnlyMarker(parent: ts.Node, child: ts.Node): boolean {
  if (ts.isParameter(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent)) {
    return parent.questionToken === child || (ts.isPropertyDeclaration(parent) && parent.exclamationToken === child);
  }
  return ts.isVariableDeclaration(parent) && parent.exclamationToken === child;
}

const CONTROL_STATEMENTS = new Set<ts.SyntaxKind>([
  ts.SyntaxKind.IfStatement,
  ts.SyntaxKind.WhileStatement,
  ts.SyntaxKind.DoStatement,
  ts.SyntaxKind.ForOfStatement,
  ts.SyntaxKind.ForInStatement,
]);

function isControlBody(parent: ts.Node, child: ts.Node): boolean {
  if (!CONTROL_STATEMENTS.has(parent.kind)) return false;
  if (ts.isIfStatement(parent)) {
    // `else if` stays as written: bracing it would turn every else-if chain into nesting.
    return parent.thenStatement === child || (parent.elseStatement === child && !ts.isIfStatement(child));
  }
  if (ts.isWhileStatement(parent) || ts.isDoStatement(parent)) return parent.statement === child;
  return (ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.statement === child;
}

function skipOuterExpressions(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current)) {
    current = current.expression;
  }
  return current;
}

/** The same normalisation without the syntax tree, for input nested too deeply to walk. */
function scanFlat(source: string, out: StreamWriter): void {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, source);
  try {
    for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
      const symbol = kind === ts.SyntaxKind.Identifier ? identifierSymbol(scanner.getTokenValue()) : kindSymbol(kind);
      out.push(symbol, scanner.getTokenStart());
    }
  } catch (error) {
    if (!(error instanceof StreamFullSignal)) throw error;
  }
}
