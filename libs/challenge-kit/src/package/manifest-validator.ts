import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import { CHALLENGE_MANIFEST_SCHEMA } from './challenge-schema.js';
import type { PackageProblem } from './package-problem.js';

let compiled: ValidateFunction | undefined;

function validator(): ValidateFunction {
  // allErrors: an author sees every problem at once. strict stays on: the schema itself must be clean.
  compiled ??= new Ajv2020({ allErrors: true, strict: true, strictRequired: false, allowUnionTypes: true }).compile(
    CHALLENGE_MANIFEST_SCHEMA,
  );
  return compiled;
}

function received(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return typeof value;
}

function valueAt(data: unknown, pointer: string): unknown {
  let current = data;
  for (const raw of pointer.split('/').slice(1)) {
    const key = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The schema object an error's schemaPath ends in, to say what properties are allowed. */
function schemaAt(schemaPath: string): Record<string, unknown> | undefined {
  let current: unknown = CHALLENGE_MANIFEST_SCHEMA;
  for (const raw of schemaPath.replace(/^#/, '').split('/').slice(1)) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[raw.replace(/~1/g, '/').replace(/~0/g, '~')];
  }
  return current !== null && typeof current === 'object' ? (current as Record<string, unknown>) : undefined;
}

function describe(error: ErrorObject, data: unknown): { pointer: string; message: string } | undefined {
  const value = valueAt(data, error.instancePath);
  const got = `(got ${received(value)})`;
  const params = error.params as Record<string, unknown>;
  const type = (data as { type?: unknown } | null)?.type;
  switch (error.keyword) {
    case 'if':
      return undefined; // the `then` error that follows says what is wrong
    case 'required':
      return {
        pointer: `${error.instancePath}/${String(params.missingProperty)}`,
        message:
          'is required' + (error.schemaPath.includes('/then/') ? ` for a challenge of type ${String(type)}` : ''),
      };
    case 'additionalProperties': {
      const allowed = Object.keys(schemaAt(error.schemaPath.replace(/\/additionalProperties$/, '/properties')) ?? {});
      return {
        pointer: `${error.instancePath}/${String(params.additionalProperty)}`,
        message: `is not a known field; allowed: ${allowed.join(', ')}`,
      };
    }
    case 'false schema':
      return { pointer: error.instancePath, message: `is not allowed for a challenge of type ${String(type)}` };
    case 'enum':
      return {
        pointer: error.instancePath,
        message: `must be one of ${(params.allowedValues as unknown[]).join(', ')} ${got}`,
      };
    case 'const':
      return {
        pointer: error.instancePath,
        message: `must be ${String(params.allowedValue)} for a challenge of type ${String(type)} ${got}`,
      };
    case 'type':
      return {
        pointer: error.instancePath,
        message: `must be ${params.type === 'array' ? 'a list' : params.type === 'object' ? 'an object' : `a ${String(params.type)}`} ${got}`,
      };
    case 'pattern':
      return {
        pointer: error.instancePath,
        message: `must be lowercase letters and digits in words joined by single hyphens ${got}`,
      };
    case 'minLength':
    case 'maxLength':
      return {
        pointer: error.instancePath,
        message: `must have ${error.keyword === 'minLength' ? 'at least' : 'at most'} ${String(params.limit)} characters ${got}`,
      };
    case 'minItems':
    case 'maxItems':
      return {
        pointer: error.instancePath,
        message: `must have ${error.keyword === 'minItems' ? 'at least' : 'at most'} ${String(params.limit)} item(s) (got ${Array.isArray(value) ? value.length : 0})`,
      };
    case 'uniqueItems':
      return {
        pointer: error.instancePath,
        message: `must not repeat an item (items ${String(params.j)} and ${String(params.i)} are equal)`,
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum':
      return {
        pointer: error.instancePath,
        message: `must be ${String(params.comparison)} ${String(params.limit)} ${got}`,
      };
    default:
      return { pointer: error.instancePath, message: `${error.message ?? 'is invalid'} ${got}` };
  }
}

/** Validates parsed `challenge.yaml` against the schema; every problem names the field and what is allowed. */
export function validateManifest(data: unknown, file = 'challenge.yaml'): PackageProblem[] {
  const validate = validator();
  if (validate(data)) return [];
  const seen = new Set<string>();
  const problems: PackageProblem[] = [];
  for (const error of validate.errors ?? []) {
    const described = describe(error, data);
    if (!described) continue;
    const key = `${described.pointer}\u0000${described.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push({ file, ...described });
  }
  return problems;
}
