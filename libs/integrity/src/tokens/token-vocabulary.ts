import ts from 'typescript';

/**
 * The alphabet of normalised token streams. Keywords, operators and punctuation keep their TypeScript
 * SyntaxKind (all below 1000); identifiers and literals collapse into a few classes, so a rename or a
 * changed constant leaves the stream unchanged; names of well-known runtime APIs keep their own symbol,
 * because `map.get(key)` and `map.set(key)` are not the same code and no rename touches them.
 */
export const TokenClass = {
  Identifier: 1000,
  Number: 1001,
  String: 1002,
  Template: 1003,
  RegExp: 1004,
  /** `let`, `const` and `var`: swapping one for another is a formatting choice, not authorship. */
  Declaration: 1005,
} as const;

const WELL_KNOWN_BASE = 2000;

/** Globals a submission uses but never names itself. */
const WELL_KNOWN_GLOBALS = (
  'Array BigInt Boolean Date Error Infinity JSON Map Math NaN Number Object Promise RangeError Reflect ' +
  'RegExp Set String Symbol TypeError WeakMap WeakSet clearTimeout console isFinite isNaN parseFloat ' +
  'parseInt setTimeout undefined'
).split(' ');

/** Members of the standard library: `xs.push(x)` and `xs.pop()` must not look alike. */
const WELL_KNOWN_MEMBERS = (
  'abs add all allSettled apply assign at bind call catch ceil charAt charCodeAt clear concat delete ' +
  'done endsWith entries every exec fill filter finally find findIndex flat flatMap floor forEach ' +
  'freeze from fromEntries get getTime has hasOwnProperty includes indexOf isArray isInteger join keys ' +
  'lastIndexOf length localeCompare log map match max message min next now padStart parse pop pow push ' +
  'race random reduce reject replace resolve reverse round set shift size slice some sort splice split ' +
  'sqrt startsWith stringify substring test then toFixed toString trim unshift value values'
).split(' ');

const wellKnownGlobals = new Map(WELL_KNOWN_GLOBALS.map((name, index) => [name, WELL_KNOWN_BASE + index]));
const wellKnownMembers = new Map(
  WELL_KNOWN_MEMBERS.map((name, index) => [name, WELL_KNOWN_BASE + WELL_KNOWN_GLOBALS.length + index]),
);

/** The symbol of an identifier that is not a member name: a well-known global keeps its name. */
export function identifierSymbol(name: string): number {
  return wellKnownGlobals.get(name) ?? TokenClass.Identifier;
}

/** The symbol of a member name (`x.name`): a standard-library member keeps its name. */
export function memberSymbol(name: string): number {
  return wellKnownMembers.get(name) ?? TokenClass.Identifier;
}

/** Marks a token the stream leaves out. */
export const DROPPED = -1;

const REMAPPED_KINDS = new Map<ts.SyntaxKind, number>([
  [ts.SyntaxKind.SemicolonToken, DROPPED],
  [ts.SyntaxKind.LetKeyword, TokenClass.Declaration],
  [ts.SyntaxKind.ConstKeyword, TokenClass.Declaration],
  [ts.SyntaxKind.VarKeyword, TokenClass.Declaration],
  [ts.SyntaxKind.EqualsEqualsEqualsToken, ts.SyntaxKind.EqualsEqualsToken],
  [ts.SyntaxKind.ExclamationEqualsEqualsToken, ts.SyntaxKind.ExclamationEqualsToken],
  // `a ?? b` for `a || b`, `a?.b` for `a.b`: a defensive spelling of the same code.
  [ts.SyntaxKind.QuestionQuestionToken, ts.SyntaxKind.BarBarToken],
  [ts.SyntaxKind.QuestionDotToken, ts.SyntaxKind.DotToken],
  [ts.SyntaxKind.NumericLiteral, TokenClass.Number],
  [ts.SyntaxKind.BigIntLiteral, TokenClass.Number],
  [ts.SyntaxKind.StringLiteral, TokenClass.String],
  [ts.SyntaxKind.NoSubstitutionTemplateLiteral, TokenClass.String],
  [ts.SyntaxKind.TemplateHead, TokenClass.Template],
  [ts.SyntaxKind.TemplateMiddle, TokenClass.Template],
  [ts.SyntaxKind.TemplateTail, TokenClass.Template],
  [ts.SyntaxKind.RegularExpressionLiteral, TokenClass.RegExp],
  [ts.SyntaxKind.Identifier, TokenClass.Identifier],
  [ts.SyntaxKind.PrivateIdentifier, TokenClass.Identifier],
]);

/** The symbol of a keyword, operator or punctuation token; DROPPED for semicolons (formatting under ASI). */
export function kindSymbol(kind: ts.SyntaxKind): number {
  return REMAPPED_KINDS.get(kind) ?? kind;
}

const COMPOUND_ASSIGNMENTS = new Map<ts.SyntaxKind, ts.SyntaxKind>([
  [ts.SyntaxKind.PlusEqualsToken, ts.SyntaxKind.PlusToken],
  [ts.SyntaxKind.MinusEqualsToken, ts.SyntaxKind.MinusToken],
  [ts.SyntaxKind.AsteriskEqualsToken, ts.SyntaxKind.AsteriskToken],
  [ts.SyntaxKind.AsteriskAsteriskEqualsToken, ts.SyntaxKind.AsteriskAsteriskToken],
  [ts.SyntaxKind.SlashEqualsToken, ts.SyntaxKind.SlashToken],
  [ts.SyntaxKind.PercentEqualsToken, ts.SyntaxKind.PercentToken],
  [ts.SyntaxKind.LessThanLessThanEqualsToken, ts.SyntaxKind.LessThanLessThanToken],
  [ts.SyntaxKind.GreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanToken],
  [ts.SyntaxKind.GreaterThanGreaterThanGreaterThanEqualsToken, ts.SyntaxKind.GreaterThanGreaterThanGreaterThanToken],
  [ts.SyntaxKind.AmpersandEqualsToken, ts.SyntaxKind.AmpersandToken],
  [ts.SyntaxKind.BarEqualsToken, ts.SyntaxKind.BarToken],
  [ts.SyntaxKind.CaretEqualsToken, ts.SyntaxKind.CaretToken],
  [ts.SyntaxKind.BarBarEqualsToken, ts.SyntaxKind.BarBarToken],
  [ts.SyntaxKind.AmpersandAmpersandEqualsToken, ts.SyntaxKind.AmpersandAmpersandToken],
  [ts.SyntaxKind.QuestionQuestionEqualsToken, ts.SyntaxKind.QuestionQuestionToken],
]);

/** `a += b` is written `a = a + b` by another hand: the stream spells both the long way. */
export function compoundAssignmentOperator(kind: ts.SyntaxKind): ts.SyntaxKind | undefined {
  return COMPOUND_ASSIGNMENTS.get(kind);
}
