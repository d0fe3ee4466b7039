/**
 * One thing wrong with a challenge package: the file, the field inside it as a JSON pointer (RFC 6901,
 * '' for the whole file) and what is allowed. Loaders collect every problem so an author fixes a
 * package in one pass, and the API returns the same list in a 400.
 */
export interface PackageProblem {
  file: string;
  pointer: string;
  message: string;
  /** 1-based line in the file, when known (YAML files). */
  line?: number;
}

export function formatProblem({ file, pointer, message, line }: PackageProblem): string {
  const where = line === undefined ? file : `${file}:${line}`;
  return pointer ? `${where} ${pointer}: ${message}` : `${where}: ${message}`;
}

/** A package that cannot be used, with every problem found. */
export class ChallengePackageError extends Error {
  constructor(
    readonly origin: string,
    readonly problems: readonly PackageProblem[],
  ) {
    super(
      `Challenge package ${origin} is invalid:\n${problems.map((problem) => `- ${formatProblem(problem)}`).join('\n')}`,
    );
    this.name = 'ChallengePackageError';
  }
}

/** JSON pointer of a path of keys and indexes: ['tests', 2, 'a/b'] -> '/tests/2/a~1b'. */
export function toPointer(segments: readonly (string | number)[]): string {
  return segments.map((segment) => `/${String(segment).replace(/~/g, '~0').replace(/\//g, '~1')}`).join('');
}

/**
 * Converts a dotted/indexed field path as the judge engine and the graders report it
 * (`tests[3].compare.floatTolerance`) to a JSON pointer under `base` (`/harness/tests/3/compare/floatTolerance`).
 */
export function fieldPathToPointer(path: string, base = ''): string {
  const segments: string[] = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) segments.push(match[1] ?? match[2] ?? '');
  return base + toPointer(segments);
}
