import { DefinitionError, type DefinitionProblem } from './definition-error.js';

/** The fields of one object of a definition, as parsed from YAML or JSON. */
export type DefinitionFields = Readonly<Record<string, unknown>>;

export interface StringRules {
  minLength?: number;
  maxLength?: number;
  pattern?: RegExp;
  /** What `pattern` allows, in words, for the message. */
  patternHint?: string;
}

export interface NumberRules {
  integer?: boolean;
  min?: number;
  max?: number;
  /** A minimum that the value must exceed rather than reach. */
  exclusiveMin?: boolean;
}

export interface ListRules {
  minItems?: number;
  maxItems?: number;
}

/** `tests[2]` + `dataset` -> `tests[2].dataset` */
export function fieldPath(path: string, key: string | number): string {
  if (typeof key === 'number') return `${path}[${key}]`;
  return path ? `${path}.${key}` : key;
}

/** A short, safe rendering of a hostile value for a message. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  if (typeof value === 'string') return value.length > 40 ? `"${value.slice(0, 40)}..."` : `"${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint') return String(value);
  return typeof value;
}

/**
 * Reads untrusted parsed YAML/JSON into typed values, collecting every problem with the path of
 * the field and what is allowed. Getters return a placeholder when a field is wrong so that reading
 * can go on and report everything; `done` throws before any placeholder can be used.
 */
export class DefinitionReader {
  private readonly problems: DefinitionProblem[] = [];

  constructor(private readonly subject: string) {}

  report(path: string, message: string): void {
    this.problems.push({ path, message });
  }

  get problemCount(): number {
    return this.problems.length;
  }

  /** An object whose keys must all be in `allowed`. */
  object(value: unknown, path: string, allowed: readonly string[]): DefinitionFields {
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.report(path, `must be an object with the fields ${allowed.join(', ')} (got ${describeValue(value)})`);
      return {};
    }
    for (const key of Object.keys(value)) {
      if (!allowed.includes(key))
        this.report(fieldPath(path, key), `is not a known field; allowed: ${allowed.join(', ')}`);
    }
    return value as DefinitionFields;
  }

  string(fields: DefinitionFields, key: string, path: string, rules: StringRules = {}): string {
    return this.optionalString(fields, key, path, rules, true) ?? '';
  }

  optionalString(
    fields: DefinitionFields,
    key: string,
    path: string,
    rules: StringRules = {},
    required = false,
  ): string | undefined {
    return this.checkString(fields[key], fieldPath(path, key), rules, required);
  }

  number(fields: DefinitionFields, key: string, path: string, rules: NumberRules = {}): number {
    return this.optionalNumber(fields, key, path, rules, true) ?? 0;
  }

  optionalNumber(
    fields: DefinitionFields,
    key: string,
    path: string,
    rules: NumberRules = {},
    required = false,
  ): number | undefined {
    const value = fields[key];
    const at = fieldPath(path, key);
    const expectation = this.describeNumber(rules);
    if (value === undefined || value === null) {
      if (required) this.report(at, `is required: ${expectation}`);
      return undefined;
    }
    const valid =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (!rules.integer || Number.isInteger(value)) &&
      (rules.min === undefined || (rules.exclusiveMin ? value > rules.min : value >= rules.min)) &&
      (rules.max === undefined || value <= rules.max);
    if (!valid) {
      this.report(at, `must be ${expectation} (got ${describeValue(value)})`);
      return undefined;
    }
    return value;
  }

  boolean(fields: DefinitionFields, key: string, path: string, fallback: boolean): boolean {
    const value = fields[key];
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'boolean') {
      this.report(fieldPath(path, key), `must be true or false (got ${describeValue(value)})`);
      return fallback;
    }
    return value;
  }

  choice<T extends string>(
    fields: DefinitionFields,
    key: string,
    path: string,
    allowed: readonly T[],
    fallback?: T,
  ): T {
    const value = fields[key];
    const at = fieldPath(path, key);
    if (value === undefined || value === null) {
      if (fallback !== undefined) return fallback;
      this.report(at, `is required: one of ${allowed.join(', ')}`);
      return allowed[0];
    }
    if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
      this.report(at, `must be one of ${allowed.join(', ')} (got ${describeValue(value)})`);
      return allowed[0];
    }
    return value as T;
  }

  optionalChoice<T extends string>(
    fields: DefinitionFields,
    key: string,
    path: string,
    allowed: readonly T[],
  ): T | undefined {
    if (fields[key] === undefined || fields[key] === null) return undefined;
    return this.choice(fields, key, path, allowed);
  }

  list(fields: DefinitionFields, key: string, path: string, rules: ListRules = {}): readonly unknown[] {
    return this.optionalList(fields, key, path, rules, true) ?? [];
  }

  optionalList(
    fields: DefinitionFields,
    key: string,
    path: string,
    rules: ListRules = {},
    required = false,
  ): readonly unknown[] | undefined {
    const value = fields[key];
    const at = fieldPath(path, key);
    const expectation = this.describeList(rules);
    if (value === undefined || value === null) {
      if (required) this.report(at, `is required: ${expectation}`);
      return undefined;
    }
    if (!Array.isArray(value)) {
      this.report(at, `must be ${expectation} (got ${describeValue(value)})`);
      return undefined;
    }
    if (
      (rules.minItems !== undefined && value.length < rules.minItems) ||
      (rules.maxItems !== undefined && value.length > rules.maxItems)
    ) {
      this.report(at, `must be ${expectation} (got ${value.length})`);
      return undefined;
    }
    return value as unknown[];
  }

  /** A list of strings, each checked with `rules`. */
  stringList(fields: DefinitionFields, key: string, path: string, rules: StringRules & ListRules = {}): string[] {
    const items = this.optionalList(fields, key, path, rules) ?? [];
    const at = fieldPath(path, key);
    return items.flatMap((item, index) => {
      const value = this.checkString(item, fieldPath(at, index), rules, true);
      return value === undefined ? [] : [value];
    });
  }

  /** Reports a value that appears twice in a list whose items must be unique, such as ids. */
  unique(values: readonly { value: string; path: string }[], what: string): void {
    const seen = new Set<string>();
    for (const { value, path } of values) {
      if (seen.has(value)) this.report(path, `repeats the ${what} "${value}"; each ${what} must be unique`);
      seen.add(value);
    }
  }

  /** The value, or a DefinitionError listing every problem found while reading it. */
  done<T>(value: T): T {
    if (this.problems.length > 0) throw new DefinitionError(this.subject, [...this.problems]);
    return value;
  }

  private checkString(value: unknown, at: string, rules: StringRules, required: boolean): string | undefined {
    const expectation = this.describeString(rules);
    if (value === undefined || value === null) {
      if (required) this.report(at, `is required: ${expectation}`);
      return undefined;
    }
    if (typeof value !== 'string') {
      this.report(at, `must be ${expectation} (got ${describeValue(value)})`);
      return undefined;
    }
    if (
      (rules.minLength !== undefined && value.length < rules.minLength) ||
      (rules.maxLength !== undefined && value.length > rules.maxLength)
    ) {
      this.report(at, `must be ${expectation} (got ${value.length} characters)`);
      return undefined;
    }
    if (rules.pattern && !rules.pattern.test(value)) {
      this.report(at, `must be ${expectation} (got ${describeValue(value)})`);
      return undefined;
    }
    return value;
  }

  private describeString(rules: StringRules): string {
    const parts = ['a string'];
    if (rules.minLength !== undefined && rules.maxLength !== undefined)
      parts.push(`of ${rules.minLength} to ${rules.maxLength} characters`);
    else if (rules.minLength !== undefined) parts.push(`of at least ${rules.minLength} characters`);
    else if (rules.maxLength !== undefined) parts.push(`of at most ${rules.maxLength} characters`);
    if (rules.patternHint) parts.push(`(${rules.patternHint})`);
    return parts.join(' ');
  }

  private describeNumber(rules: NumberRules): string {
    const kind = rules.integer ? 'a whole number' : 'a number';
    const above =
      rules.min === undefined ? undefined : `${rules.exclusiveMin ? 'greater than' : 'at least'} ${rules.min}`;
    const below = rules.max === undefined ? undefined : `at most ${rules.max}`;
    return [kind, [above, below].filter(Boolean).join(' and ')].filter(Boolean).join(' ');
  }

  private describeList(rules: ListRules): string {
    if (rules.minItems !== undefined && rules.maxItems !== undefined)
      return `a list of ${rules.minItems} to ${rules.maxItems} items`;
    if (rules.minItems !== undefined)
      return `a list of at least ${rules.minItems} item${rules.minItems === 1 ? '' : 's'}`;
    if (rules.maxItems !== undefined) return `a list of at most ${rules.maxItems} items`;
    return 'a list';
  }
}
