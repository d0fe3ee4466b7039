import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync, type ValidationError } from 'class-validator';
import { ConfigValidationError, type ConfigProblem } from './config-validation.error.js';

const SECRET_VARIABLES = /SECRET|PASSWORD|TOKEN/;

function describeValue(variable: string, value: string | undefined): string | undefined {
  if (value === undefined || value === '') return undefined;
  if (SECRET_VARIABLES.test(variable)) return '<hidden>';
  if (variable.endsWith('_URL')) return redactUrl(value);
  return value;
}

/** Hides the password of a connection URL so that errors and logs never print it. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return url;
  }
}

function toProblems(errors: ValidationError[], env: Record<string, string>): ConfigProblem[] {
  return errors.map((error) => ({
    variable: error.property,
    problem: [...new Set(Object.values(error.constraints ?? {}))].join('; '),
    received: describeValue(error.property, env[error.property]),
  }));
}

/**
 * Validates the environment against one app's config class. Empty strings count as unset, so
 * `PORT= npm start` falls back to the default instead of failing on an empty number.
 */
export function loadConfig<T extends object>(
  app: string,
  schema: ClassConstructor<T>,
  env: NodeJS.ProcessEnv = process.env,
): T {
  const present = Object.fromEntries(
    Object.entries(env).filter((entry): entry is [string, string] => entry[1] !== undefined && entry[1] !== ''),
  );
  const config = plainToInstance(schema, present, { exposeDefaultValues: true, enableImplicitConversion: false });
  const errors = validateSync(config, { whitelist: true, forbidUnknownValues: true });
  if (errors.length > 0) throw new ConfigValidationError(app, toProblems(errors, present));
  return config;
}
