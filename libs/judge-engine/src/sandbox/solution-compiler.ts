import type { CompileError, Language } from '../verdict.js';
import { SourcePositions } from './source-positions.js';

/**
 * TypeScript becomes JavaScript with esbuild (types are stripped, never checked: type errors are not
 * verdicts). The module format is kept as written: the isolate decides between CommonJS and ES module
 * (see candidate-session.ts), so JavaScript needs no transform at all.
 */
export type TranspileResult =
  /** `positions` maps the transpiled lines back to the candidate's TypeScript (absent for JavaScript). */
  { type: 'ok'; code: string; positions?: SourcePositions } | { type: 'error'; error: CompileError };

type EsbuildModule = typeof import('esbuild');
let esbuild: Promise<EsbuildModule> | undefined;

// Loaded on the first TypeScript submission: a worker that only judges JavaScript never starts
// esbuild's service process.
function loadEsbuild(): Promise<EsbuildModule> {
  esbuild ??= import('esbuild');
  return esbuild;
}

interface EsbuildFailure {
  errors: { text: string; location: { line: number; column: number } | null }[];
}

function isEsbuildFailure(error: unknown): error is EsbuildFailure {
  return typeof error === 'object' && error !== null && Array.isArray((error as { errors?: unknown }).errors);
}

export async function transpileSolution(language: Language, source: string): Promise<TranspileResult> {
  const text = stripHashbang(source);
  if (language === 'javascript') return { type: 'ok', code: text };
  const { transform } = await loadEsbuild();
  try {
    const result = await transform(text, {
      loader: 'ts',
      target: 'es2023',
      sourcefile: 'solution.ts',
      // Runtime stack traces are mapped back to the candidate's lines with this map.
      sourcemap: 'external',
      minify: false,
      legalComments: 'none',
      logLevel: 'silent',
    });
    return { type: 'ok', code: result.code, positions: SourcePositions.fromSourceMap(result.map) };
  } catch (error) {
    if (isEsbuildFailure(error) && error.errors.length > 0) {
      const first = error.errors[0];
      return {
        type: 'error',
        error: {
          message: first.text,
          line: first.location?.line ?? 1,
          column: (first.location?.column ?? 0) + 1,
        },
      };
    }
    throw error;
  }
}

/** A `#!` line is legal in Node's entry files but not inside the CommonJS wrapper. */
function stripHashbang(source: string): string {
  return source.startsWith('#!') ? `//${source.slice(2)}` : source;
}

/** V8's message for syntax that only an ES module may contain. */
export function needsModuleGoal(message: string): boolean {
  return (
    message.includes("Unexpected token 'export'") ||
    message.includes('Cannot use import statement outside a module') ||
    message.includes("Cannot use 'import.meta' outside a module") ||
    message.includes('await is only valid in async functions and the top level bodies of modules')
  );
}

/** isolated-vm appends `[file:line:column]` to syntax errors. */
export function parseSyntaxError(error: unknown, lineOffset: number): CompileError {
  const text = error instanceof Error ? error.message : String(error);
  const match = /^(.*) \[[^\]]*?:(\d+):(\d+)\]$/s.exec(text);
  if (match === null) return { message: text, line: 1, column: 1 };
  return {
    message: `${error instanceof Error ? error.name : 'SyntaxError'}: ${match[1]}`,
    line: Math.max(1, Number(match[2]) - lineOffset),
    column: Math.max(1, Number(match[3])),
  };
}
