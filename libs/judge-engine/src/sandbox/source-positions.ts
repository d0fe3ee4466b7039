/**
 * Maps positions in transpiled TypeScript back to the candidate's own lines, from esbuild's source map,
 * so a runtime stack trace points at the line the candidate wrote (`solution.ts:8:19`), not at the
 * JavaScript esbuild produced, whose lines shift wherever types, interfaces or enums were.
 */

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const BASE64_VALUE = new Map([...BASE64].map((char, index) => [char, index]));

/** One mapping segment: a generated column and the original line and column (all 0-based). */
interface Segment {
  generatedColumn: number;
  line: number;
  column: number;
}

export class SourcePositions {
  private constructor(private readonly lines: readonly Segment[][]) {}

  /** Reads a source map's `mappings` (version 3); segments without an original position are skipped. */
  static fromSourceMap(json: string): SourcePositions {
    const { mappings } = JSON.parse(json) as { mappings?: unknown };
    if (typeof mappings !== 'string') return new SourcePositions([]);
    const lines: Segment[][] = [];
    let line = 0;
    let column = 0;
    for (const text of mappings.split(';')) {
      const segments: Segment[] = [];
      let generatedColumn = 0;
      for (const encoded of text.split(',')) {
        if (encoded === '') continue;
        const fields = decodeVlq(encoded);
        generatedColumn += fields[0] ?? 0;
        // fields[1] is the source index: a transform has a single source file.
        if (fields.length < 4) continue;
        line += fields[2] ?? 0;
        column += fields[3] ?? 0;
        segments.push({ generatedColumn, line, column });
      }
      lines.push(segments);
    }
    return new SourcePositions(lines);
  }

  /** The original 1-based line and column of a generated 1-based position, if the map covers it. */
  originalOf(line: number, column: number): { line: number; column: number } | undefined {
    const segments = this.lines[line - 1];
    if (segments === undefined || segments.length === 0) return undefined;
    let best = segments[0];
    for (const segment of segments) {
      if (segment.generatedColumn > column - 1) break;
      best = segment;
    }
    return { line: best.line + 1, column: best.column + 1 + Math.max(0, column - 1 - best.generatedColumn) };
  }

  /** Rewrites every `<generated>:line:column` in a text to `<original>:line:column`. */
  remap(text: string, generatedFile: string, originalFile: string): string {
    if (!text.includes(generatedFile)) return text;
    const pattern = new RegExp(`${escapeRegExp(generatedFile)}:(\\d+):(\\d+)`, 'g');
    return text.replace(pattern, (match, line: string, column: string) => {
      const original = this.originalOf(Number(line), Number(column));
      return original === undefined ? match : `${originalFile}:${original.line}:${original.column}`;
    });
  }
}

function decodeVlq(encoded: string): number[] {
  const values: number[] = [];
  let value = 0;
  let shift = 0;
  for (const char of encoded) {
    const digit = BASE64_VALUE.get(char);
    if (digit === undefined) return values;
    value += (digit & 31) << shift;
    if ((digit & 32) !== 0) {
      shift += 5;
      continue;
    }
    values.push(value & 1 ? -(value >>> 1) : value >>> 1);
    value = 0;
    shift = 0;
  }
  return values;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
