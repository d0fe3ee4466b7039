/** One thing wrong with a grader definition: where (a field path such as `tests[2].dataset`) and what is allowed. */
export interface DefinitionProblem {
  path: string;
  message: string;
}

/**
 * A grader definition that cannot be used. Lists every problem at once so that an author fixes a
 * challenge in one pass; a loader can prefix the paths with the file they came from.
 */
export class DefinitionError extends Error {
  constructor(
    readonly subject: string,
    readonly problems: readonly DefinitionProblem[],
  ) {
    super(
      `${subject} is invalid:\n${problems.map((problem) => `- ${problem.path || '(root)'}: ${problem.message}`).join('\n')}`,
    );
    this.name = 'DefinitionError';
  }
}
