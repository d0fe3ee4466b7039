import { createHash } from 'node:crypto';

/**
 * Spec files as the isolate runs them: TypeScript stripped by esbuild (types are never checked), the
 * module format kept as written. ES-module specs are compiled as isolated-vm modules and linked to the
 * solution; CommonJS specs (or scripts that only use the globals) run inside a
 * `(exports, require, module, __filename, __dirname)` wrapper whose `require` the runtime provides.
 */
export type CompiledSpecFile =
  | { type: 'ok'; format: 'module' | 'commonjs'; code: string }
  | { type: 'error'; message: string; line: number; column: number };

export const SPEC_EXTENSIONS = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs'] as const;

/**
 * Strict mode on purpose: from a sloppy test function, the candidate's code could read `fn.caller` (the
 * spec's test function) and its source, expected values included. Strict callers are censored.
 */
export const COMMONJS_HEADER = "(function (exports, require, module, __filename, __dirname) {'use strict';";

type EsbuildModule = typeof import('esbuild');
let esbuild: Promise<EsbuildModule> | undefined;

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

// Keyed by the file's path and content, so an entry can never describe another version of a file.
const cache = new Map<string, CompiledSpecFile>();
const CACHE_SIZE = 64;

export async function compileSpecFile(path: string, source: string): Promise<CompiledSpecFile> {
  const key = createHash('sha256').update(path).update('\0').update(source).digest('hex');
  const cached = cache.get(key);
  if (cached !== undefined) return cached;
  const compiled = await transform(path, source);
  if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
  cache.set(key, compiled);
  return compiled;
}

async function transform(path: string, source: string): Promise<CompiledSpecFile> {
  const { build } = await loadEsbuild();
  const typescript = /\.[cm]?ts$/.test(path);
  try {
    const result = await build({
      stdin: { contents: source, sourcefile: path, loader: typescript ? 'ts' : 'js' },
      bundle: false,
      write: false,
      metafile: true,
      target: 'es2023',
      logLevel: 'silent',
      legalComments: 'none',
      // Native class fields: esbuild's field helpers would read `Object.defineProperty` after the
      // candidate's code ran.
      tsconfigRaw: { compilerOptions: { useDefineForClassFields: true } },
    });
    const code = result.outputFiles[0]?.text ?? '';
    const format =
      Object.values(result.metafile.inputs)[0]?.format === 'esm' || /\.m[jt]s$/.test(path) ? 'module' : 'commonjs';
    return { type: 'ok', format, code };
  } catch (error) {
    if (isEsbuildFailure(error) && error.errors.length > 0) {
      const first = error.errors[0];
      return {
        type: 'error',
        message: first.text,
        line: first.location?.line ?? 1,
        column: (first.location?.column ?? 0) + 1,
      };
    }
    throw error;
  }
}

/** A module path relative to the spec root, without `.`/`..` segments; undefined when it leaves the root. */
export function resolveRelative(fromPath: string, specifier: string): string | undefined {
  const slash = fromPath.lastIndexOf('/');
  const parts = slash < 0 ? [] : fromPath.slice(0, slash).split('/');
  for (const part of specifier.split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') {
      if (parts.length === 0) return undefined;
      parts.pop();
      continue;
    }
    parts.push(part);
  }
  return parts.join('/');
}

export function withoutExtension(path: string): string {
  for (const extension of [...SPEC_EXTENSIONS, '.jsx', '.tsx']) {
    if (path.endsWith(extension)) return path.slice(0, -extension.length);
  }
  return path;
}

/** Whether `specifier`, imported from `fromPath`, names the candidate's solution (`./solution`, `../solution.js`, ...). */
export function isSolutionSpecifier(fromPath: string, specifier: string, solution: string): boolean {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return false;
  const resolved = resolveRelative(fromPath, specifier);
  return resolved !== undefined && withoutExtension(resolved) === solution;
}

/** The spec file an import names, trying the extensions a bundler would. */
export function resolveSpecFile(fromPath: string, specifier: string, paths: ReadonlySet<string>): string | undefined {
  if (!specifier.startsWith('./') && !specifier.startsWith('../')) return undefined;
  const resolved = resolveRelative(fromPath, specifier);
  if (resolved === undefined) return undefined;
  const bare = withoutExtension(resolved);
  for (const candidate of [
    resolved,
    ...SPEC_EXTENSIONS.map((extension) => bare + extension),
    `${resolved}/index.ts`,
    `${resolved}/index.js`,
  ]) {
    if (paths.has(candidate)) return candidate;
  }
  return undefined;
}
