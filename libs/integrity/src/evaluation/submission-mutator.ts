import ts from 'typescript';

/** A seeded pseudo-random source (mulberry32): benchmarks must generate the same submissions every run. */
export function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAME_PARTS = 'item node entry value count total index key data result list state next prev temp acc buf'.split(
  ' ',
);

/** Names the mutator leaves alone: renaming `Math` or `Map` would not be a disguise but a different program. */
const KEPT_NAMES = new Set(
  'Array Boolean Buffer Date Error JSON Map Math Number Object Promise RangeError Set String Symbol TypeError console undefined'.split(
    ' ',
  ),
);

/**
 * Mechanical disguises for benchmark submissions: consistent renames of local names, a shuffled order
 * of top-level statements, dead code borrowed from other sources, and re-indentation. The result
 * parses; whether it still runs does not matter to a fingerprint benchmark.
 */
export class SubmissionMutator {
  private readonly random: () => number;

  constructor(
    seed: number,
    /** Sources to borrow dead code from. */
    private readonly donors: readonly string[] = [],
  ) {
    this.random = seededRandom(seed);
  }

  mutate(source: string): string {
    let result = this.renameIdentifiers(source);
    if (this.random() < 0.7) result = this.shuffleTopLevel(result);
    const deadCode = Math.floor(this.random() * 3);
    for (let count = 0; count < deadCode; count++) result = this.insertDeadCode(result);
    if (this.random() < 0.5) result = result.replace(/^( {2})+/gm, (indent) => '\t'.repeat(indent.length / 2));
    return result;
  }

  renameIdentifiers(source: string): string {
    const file = ts.createSourceFile('mutant.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const names: ts.Identifier[] = [];
    const collect = (node: ts.Node, parent: ts.Node | undefined): void => {
      const isMemberName = parent !== undefined && ts.isPropertyAccessExpression(parent) && parent.name === node;
      if (ts.isIdentifier(node) && !isMemberName && !KEPT_NAMES.has(node.text)) names.push(node);
      ts.forEachChild(node, (child) => collect(child, node));
    };
    collect(file, undefined);
    const renamed = new Map<string, string>();
    let result = '';
    let cursor = 0;
    for (const identifier of names) {
      let name = renamed.get(identifier.text);
      if (name === undefined) {
        const head = this.pick(NAME_PARTS);
        const tail = this.pick(NAME_PARTS).replace(/^./, (letter) => letter.toUpperCase());
        name = `${head}${tail}${renamed.size}`;
        renamed.set(identifier.text, name);
      }
      const start = identifier.getStart(file);
      result += source.slice(cursor, start) + name;
      cursor = identifier.end;
    }
    return result + source.slice(cursor);
  }

  shuffleTopLevel(source: string): string {
    const file = ts.createSourceFile('mutant.ts', source, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const statements = file.statements.map((statement) => source.slice(statement.pos, statement.end));
    for (let index = statements.length - 1; index > 0; index--) {
      const other = Math.floor(this.random() * (index + 1));
      [statements[index], statements[other]] = [statements[other], statements[index]];
    }
    return statements.join('\n');
  }

  insertDeadCode(source: string): string {
    if (this.donors.length === 0) return source;
    const donor = this.pick(this.donors);
    const file = ts.createSourceFile('donor.ts', donor, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
    const functions = file.statements.filter(ts.isFunctionDeclaration);
    if (functions.length === 0) return source;
    const borrowed = this.pick(functions);
    const text = donor.slice(borrowed.getStart(file), borrowed.end).replace(/^export\s+/, '');
    return this.random() < 0.5 ? `${text}\n\n${source}` : `${source}\n\n${text}\n`;
  }

  private pick<T>(values: readonly T[]): T {
    return values[Math.floor(this.random() * values.length)];
  }
}
