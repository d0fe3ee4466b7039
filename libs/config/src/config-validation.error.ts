/** A configuration value that cannot be used; the boot stops with every problem listed. */
export interface ConfigProblem {
  variable: string;
  problem: string;
  received: string | undefined;
}

export class ConfigValidationError extends Error {
  constructor(
    readonly app: string,
    readonly problems: ConfigProblem[],
  ) {
    super(
      `Invalid configuration for ${app}:\n` +
        problems
          .map(
            ({ variable, problem, received }) =>
              `  - ${variable}: ${problem}` + (received === undefined ? ' (not set)' : ` (got "${received}")`),
          )
          .join('\n'),
    );
    this.name = 'ConfigValidationError';
  }
}
