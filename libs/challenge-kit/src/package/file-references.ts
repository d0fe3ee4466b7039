import { toPointer } from './package-problem.js';

/** Sections of challenge.yaml in which a text field may be given as `{ file: <path in the package> }`. */
export const FILE_REFERENCE_SECTIONS = ['harness', 'sql', 'codeReview', 'quiz', 'systemDesign'] as const;

export interface FileReferenceProblem {
  pointer: string;
  message: string;
}

function isReference(value: unknown): value is { file: unknown } {
  return (
    value !== null &&
    typeof value === 'object' &&
    !Array.isArray(value) &&
    Object.keys(value).length === 1 &&
    'file' in value
  );
}

/**
 * Replaces every `{ file: path }` (an object with that one key) inside the type-specific sections with
 * the text of that package file, so a long diff or a dataset's SQL lives in its own file and every
 * consumer of the manifest still sees plain text. Returns the resolved copy and the references to
 * missing files.
 */
export function resolveFileReferences<T extends Record<string, unknown>>(
  manifest: T,
  files: ReadonlyMap<string, string>,
): { manifest: T; problems: FileReferenceProblem[] } {
  const problems: FileReferenceProblem[] = [];
  const resolve = (value: unknown, path: (string | number)[]): unknown => {
    if (isReference(value)) {
      const content = typeof value.file === 'string' ? files.get(value.file) : undefined;
      if (content !== undefined) return content;
      problems.push({
        pointer: toPointer([...path, 'file']),
        message: `must name a file of the package (got ${JSON.stringify(value.file)})`,
      });
      return '';
    }
    if (Array.isArray(value)) return value.map((item, index) => resolve(item, [...path, index]));
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, resolve(item, [...path, key])]));
    }
    return value;
  };
  const resolved: Record<string, unknown> = { ...manifest };
  for (const section of FILE_REFERENCE_SECTIONS) {
    if (resolved[section] !== undefined) resolved[section] = resolve(resolved[section], [section]);
  }
  return { manifest: resolved as T, problems };
}
