import { Ajv, type ValidateFunction } from 'ajv';
import {
  decodeSandboxValue,
  MalformedValueError,
  renderJson,
  renderSandboxValue,
  SpecialValue,
  type SandboxValue,
} from '../../grading/sandbox-value.js';
import { valuesMatch } from '../../grading/value-comparison.js';
import { driveOperation, outcomeOfState } from '../../sandbox/operation-driver.js';
import {
  readArray,
  readCommonTestFields,
  readJson,
  readObject,
  readOptionalNumber,
  readOptionalString,
  readString,
  readTestList,
  TEST_COMMON_KEYS,
  type AuthoredObject,
  type CommonTestFields,
} from '../authored-data.js';
import { HarnessDataError, type GradedTest, type Harness, type JsonValue, type SandboxOutcome } from '../harness.js';
import { runPlannedTests } from '../planned-tests.js';
import { httpRuntimeSource } from './http.runtime.js';

/**
 * Http harness (API-design and resilience challenges): the candidate exports a request handler
 * `handle(request, context)` returning `{ status, headers?, body? }` (or a promise of it). Each test is
 * a scripted sequence of requests, virtual-clock advances, dependency behaviours and call-count checks,
 * with state kept across the sequence. Expectations stay in the judge process.
 */
export interface HttpDependencySpec {
  /** Virtual latency of a successful call, ms (default 0). */
  latencyMs?: number;
  /** What a successful call resolves with (default null). */
  response?: JsonValue;
}

export interface HttpHarnessSpec {
  kind: 'http';
  /** Name of the exported handler (default 'handle'; a default export is accepted too). */
  export?: string;
  /** Simulated dependencies, available as `context.deps.<name>.call(payload)`. */
  dependencies?: Record<string, HttpDependencySpec>;
  /** 'per-test' (default): a fresh isolate per scripted sequence. */
  isolation?: 'shared' | 'per-test';
}

export interface HttpRequestData {
  method: string;
  path: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: JsonValue;
}

export interface HttpExpectation {
  status?: number;
  /** Header names are case-insensitive; values compare as text. */
  headers?: Record<string, string>;
  body?: JsonValue;
  /** 'exact' (default): deep equality; 'partial': every expected field is present and equal, arrays element-wise. */
  bodyMatch?: 'exact' | 'partial';
  /** A JSON Schema (draft 2020-12 subset that Ajv supports) the body must satisfy. */
  bodySchema?: Record<string, JsonValue>;
}

/** One scripted step: exactly one of the keys. */
export type HttpStepData =
  | { request: HttpRequestData; expect?: HttpExpectation }
  | { advanceClock: number }
  | {
      dependency: string;
      mode: 'ok' | 'fail' | 'slow' | 'timeout' | 'hang';
      latencyMs?: number;
      response?: JsonValue;
      status?: number;
      /** Only the next N calls behave so; without it the behaviour stays until changed. */
      times?: number;
    }
  | { expectDependencyCalls: Record<string, number> };

export interface HttpTestData {
  name: string;
  sample?: boolean;
  weight?: number;
  timeLimitMs?: number;
  steps: HttpStepData[];
}

type HttpStep =
  | {
      kind: 'request';
      request: Required<Omit<HttpRequestData, 'body'>> & { body: JsonValue | null };
      expect: HttpExpectation;
      schema?: ValidateFunction;
    }
  | { kind: 'clock'; ms: number }
  | {
      kind: 'dependency';
      name: string;
      mode: string;
      latencyMs: number;
      response: JsonValue;
      status: number;
      times: number | null;
    }
  | { kind: 'calls'; expected: Record<string, number> };

export interface HttpTest extends CommonTestFields {
  steps: HttpStep[];
}

const METHODS = new Set(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE', 'OPTIONS']);
const NAME = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
const MODES = new Set(['ok', 'fail', 'slow', 'timeout', 'hang']);
const MODE_LATENCY: Record<string, number> = { slow: 10_000, timeout: 30_000 };
const MAX_STEPS = 1_000;

type StepEntry = { r: string } | { c: Record<string, number> } | { ok: 1 } | { t: { name: string; message: string } };

const ajv = new Ajv({ allErrors: false, strict: false });

function readStringRecord(raw: unknown, path: string): Record<string, string> {
  const record = readObject(raw, path, Object.keys(raw ?? {}));
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(record)) {
    if (typeof value !== 'string' && typeof value !== 'number')
      throw new HarnessDataError(`${path}.${key}`, 'must be text');
    out[key] = String(value);
  }
  return out;
}

function readRequest(raw: unknown, path: string): Extract<HttpStep, { kind: 'request' }>['request'] {
  const record = readObject(raw, path, ['method', 'path', 'query', 'headers', 'body']);
  const method = readString(record, 'method', path).toUpperCase();
  if (!METHODS.has(method)) throw new HarnessDataError(`${path}.method`, `must be one of ${[...METHODS].join(', ')}`);
  const target = readString(record, 'path', path, { maxLength: 2048 });
  if (!target.startsWith('/')) throw new HarnessDataError(`${path}.path`, "must start with '/'");
  const headers = record.headers === undefined ? {} : readStringRecord(record.headers, `${path}.headers`);
  return {
    method,
    path: target,
    query: record.query === undefined ? {} : readStringRecord(record.query, `${path}.query`),
    headers: Object.fromEntries(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value])),
    body: record.body === undefined ? null : readJson(record.body, `${path}.body`),
  };
}

function readExpectation(raw: unknown, path: string): { expect: HttpExpectation; schema?: ValidateFunction } {
  if (raw === undefined) return { expect: {} };
  const record = readObject(raw, path, ['status', 'headers', 'body', 'bodyMatch', 'bodySchema']);
  const expect: HttpExpectation = {};
  const status = readOptionalNumber(record, 'status', path, 100, 599, true);
  if (status !== undefined) expect.status = status;
  if (record.headers !== undefined) expect.headers = readStringRecord(record.headers, `${path}.headers`);
  if ('body' in record) expect.body = readJson(record.body, `${path}.body`);
  const match = record.bodyMatch;
  if (match !== undefined && match !== 'exact' && match !== 'partial')
    throw new HarnessDataError(`${path}.bodyMatch`, "must be 'exact' or 'partial'");
  if (match !== undefined) expect.bodyMatch = match;
  if (record.bodySchema === undefined) return { expect };
  const schema = readJson(record.bodySchema, `${path}.bodySchema`);
  if (schema === null || typeof schema !== 'object' || Array.isArray(schema))
    throw new HarnessDataError(`${path}.bodySchema`, 'must be a JSON Schema object');
  expect.bodySchema = schema;
  try {
    return { expect, schema: ajv.compile(schema) };
  } catch (error) {
    throw new HarnessDataError(
      `${path}.bodySchema`,
      `is not a valid JSON Schema: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
}

function readStep(raw: unknown, path: string, dependencies: ReadonlySet<string>): HttpStep {
  const record: AuthoredObject = readObject(raw, path, [
    'request',
    'expect',
    'advanceClock',
    'dependency',
    'mode',
    'latencyMs',
    'response',
    'status',
    'times',
    'expectDependencyCalls',
  ]);
  if (record.request !== undefined) {
    return {
      kind: 'request',
      request: readRequest(record.request, `${path}.request`),
      ...readExpectation(record.expect, `${path}.expect`),
    };
  }
  if (record.advanceClock !== undefined)
    return { kind: 'clock', ms: readOptionalNumber(record, 'advanceClock', path, 0, 365 * 24 * 3_600_000, true)! };
  if (record.dependency !== undefined) {
    const name = readString(record, 'dependency', path, { pattern: NAME });
    if (!dependencies.has(name))
      throw new HarnessDataError(`${path}.dependency`, `'${name}' is not declared in harness.dependencies`);
    const mode = readOptionalString(record, 'mode', path) ?? 'ok';
    if (!MODES.has(mode)) throw new HarnessDataError(`${path}.mode`, `must be one of ${[...MODES].join(', ')}`);
    return {
      kind: 'dependency',
      name,
      mode: mode === 'slow' ? 'ok' : mode,
      latencyMs: readOptionalNumber(record, 'latencyMs', path, 0, 3_600_000, true) ?? MODE_LATENCY[mode] ?? 0,
      response: record.response === undefined ? null : readJson(record.response, `${path}.response`),
      status: readOptionalNumber(record, 'status', path, 100, 599, true) ?? 503,
      times: readOptionalNumber(record, 'times', path, 1, 1_000_000, true) ?? null,
    };
  }
  if (record.expectDependencyCalls !== undefined) {
    const expected = readObject(record.expectDependencyCalls, `${path}.expectDependencyCalls`, [...dependencies]);
    const counts: Record<string, number> = {};
    for (const name of Object.keys(expected))
      counts[name] = readOptionalNumber(expected, name, `${path}.expectDependencyCalls`, 0, 1e9, true)!;
    return { kind: 'calls', expected: counts };
  }
  throw new HarnessDataError(path, 'needs one of request, advanceClock, dependency, expectDependencyCalls');
}

/** Every expected field present and equal; arrays element-wise with the same length. */
function partialMatch(actual: SandboxValue, expected: JsonValue): boolean {
  if (expected === null || typeof expected !== 'object') return valuesMatch(actual, expected);
  if (actual === null || typeof actual !== 'object' || actual instanceof SpecialValue) return false;
  if (Array.isArray(expected))
    return (
      Array.isArray(actual) &&
      actual.length === expected.length &&
      expected.every((item, index) => partialMatch(actual[index], item))
    );
  if (Array.isArray(actual)) return false;
  return Object.entries(expected).every(
    ([key, value]) => Object.hasOwn(actual, key) && partialMatch(actual[key], value),
  );
}

/** Plain JSON of a candidate value, or undefined when it holds anything JSON cannot (for JSON Schema). */
function toJson(value: SandboxValue): JsonValue | undefined {
  if (value instanceof SpecialValue) return undefined;
  if (Array.isArray(value)) {
    const items = value.map(toJson);
    return items.some((item) => item === undefined) ? undefined : (items as JsonValue[]);
  }
  if (value !== null && typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [key, item] of Object.entries(value)) {
      const json = toJson(item);
      if (json === undefined) return undefined;
      Object.defineProperty(out, key, { value: json, enumerable: true, writable: true, configurable: true });
    }
    return out;
  }
  return value;
}

interface Response {
  status: unknown;
  headers: Record<string, string>;
  body: SandboxValue;
}

function readResponse(value: SandboxValue): Response | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || value instanceof SpecialValue)
    return undefined;
  const headers: Record<string, string> = {};
  const rawHeaders = value.headers;
  if (rawHeaders !== undefined && !(rawHeaders instanceof SpecialValue && rawHeaders.tag === 'undefined')) {
    if (
      rawHeaders === null ||
      typeof rawHeaders !== 'object' ||
      Array.isArray(rawHeaders) ||
      rawHeaders instanceof SpecialValue
    )
      return undefined;
    for (const [name, header] of Object.entries(rawHeaders)) {
      if (typeof header === 'string' || typeof header === 'number' || typeof header === 'boolean')
        headers[name.toLowerCase()] = String(header);
    }
  }
  const body = value.body;
  return {
    status: value.status,
    headers,
    body: body === undefined || (body instanceof SpecialValue && body.tag === 'undefined') ? null : body,
  };
}

function describeRequest(step: Extract<HttpStep, { kind: 'request' }>): string {
  return `${step.request.method} ${step.request.path}`;
}

export const httpHarness: Harness<HttpHarnessSpec, HttpTest> = {
  kind: 'http',

  parseSpec(raw) {
    const record = readObject(raw, 'harness', ['kind', 'export', 'dependencies', 'isolation']);
    const spec: HttpHarnessSpec = {
      kind: 'http',
      export:
        readOptionalString(record, 'export', 'harness', { pattern: /^(?:default|[A-Za-z_$][A-Za-z0-9_$]*)$/ }) ??
        'handle',
    };
    const isolation = record.isolation ?? 'per-test';
    if (isolation !== 'shared' && isolation !== 'per-test')
      throw new HarnessDataError('harness.isolation', "must be 'shared' or 'per-test'");
    spec.isolation = isolation;
    if (record.dependencies !== undefined) {
      const dependencies = readObject(
        record.dependencies,
        'harness.dependencies',
        Object.keys(record.dependencies ?? {}),
      );
      spec.dependencies = {};
      for (const [name, value] of Object.entries(dependencies)) {
        if (!NAME.test(name)) throw new HarnessDataError(`harness.dependencies.${name}`, 'must be an identifier');
        const dependency = readObject(value ?? {}, `harness.dependencies.${name}`, ['latencyMs', 'response']);
        const parsed: HttpDependencySpec = {};
        const latency = readOptionalNumber(dependency, 'latencyMs', `harness.dependencies.${name}`, 0, 3_600_000, true);
        if (latency !== undefined) parsed.latencyMs = latency;
        if (dependency.response !== undefined)
          parsed.response = readJson(dependency.response, `harness.dependencies.${name}.response`);
        spec.dependencies[name] = parsed;
      }
    }
    return spec;
  },

  parseTests(raw, spec) {
    const seen = new Set<string>();
    const dependencies = new Set(Object.keys(spec.dependencies ?? {}));
    return readTestList(raw).map((item, index) => {
      const path = `tests[${index}]`;
      const record = readObject(item, path, [...TEST_COMMON_KEYS, 'steps']);
      const steps = readArray(record, 'steps', path, MAX_STEPS).map((step, i) =>
        readStep(step, `${path}.steps[${i}]`, dependencies),
      );
      if (!steps.some((step) => step.kind === 'request'))
        throw new HarnessDataError(`${path}.steps`, 'must contain at least one request');
      return { ...readCommonTestFields(record, path, seen), steps };
    });
  },

  toSandboxJob(spec, tests, timeLimitsMs) {
    const dependencies = Object.fromEntries(
      Object.entries(spec.dependencies ?? {}).map(([name, dependency]) => [
        name,
        { latencyMs: dependency.latencyMs ?? 0, response: JSON.stringify(dependency.response ?? null) },
      ]),
    );
    return {
      spec: {
        export: spec.export ?? 'handle',
        isolation: spec.isolation ?? 'per-test',
        dependencies: JSON.stringify(dependencies),
      },
      tests: tests.map((test, index) => ({
        id: test.id,
        // The script without its expectations; every field present (see http.runtime.ts).
        input: test.steps.map((step) => {
          switch (step.kind) {
            case 'request':
              return JSON.stringify({ kind: 'request', request: step.request });
            case 'clock':
              return JSON.stringify({ kind: 'clock', ms: step.ms });
            case 'dependency':
              return JSON.stringify({ ...step, response: JSON.stringify(step.response) });
            case 'calls':
              return JSON.stringify({ kind: 'calls' });
          }
        }),
        timeLimitMs: timeLimitsMs[index],
      })),
    };
  },

  grade({ test, report }): GradedTest {
    if (test === undefined) return { verdict: 'INTERNAL_ERROR', message: 'A result arrived for an unknown test' };
    const outcome = report.outcome;
    if (outcome.type !== 'value') return { verdict: 'INTERNAL_ERROR', message: 'Unexpected outcome' };
    let entries: StepEntry[];
    try {
      entries = JSON.parse(outcome.value) as StepEntry[];
    } catch {
      return { verdict: 'INTERNAL_ERROR', message: 'The sandbox returned a malformed script result' };
    }
    const actualParts: string[] = [];
    const details = (): GradedTest['details'] => ({
      input: test.steps.map((step) => (step.kind === 'request' ? describeRequest(step) : step.kind)).join('; '),
      expected: test.steps
        .filter((step): step is Extract<HttpStep, { kind: 'request' }> => step.kind === 'request')
        .map((step) => renderJson(step.expect, 300))
        .join('; '),
      actual: actualParts.join('; '),
    });
    let requestNumber = 0;
    for (const [index, step] of test.steps.entries()) {
      const entry = entries[index];
      if (entry === undefined)
        return { verdict: 'INTERNAL_ERROR', message: 'The script stopped early without a reason' };
      if ('t' in entry) {
        const where = step.kind === 'request' ? `Request #${requestNumber + 1}` : `Step #${index + 1}`;
        return {
          verdict: 'RUNTIME_ERROR',
          message: test.sample
            ? `${where} (${step.kind === 'request' ? describeRequest(step) : step.kind}): the handler threw ${entry.t.message}`
            : `${where}: the handler threw ${entry.t.name}`,
          details: details(),
        };
      }
      if (step.kind === 'calls') {
        if (!('c' in entry))
          return { verdict: 'INTERNAL_ERROR', message: 'The sandbox returned a malformed script result' };
        for (const [name, count] of Object.entries(step.expected)) {
          if (entry.c[name] !== count) {
            return {
              verdict: 'WRONG_ANSWER',
              message: test.sample
                ? `Step #${index + 1}: ${name} was called ${entry.c[name] ?? 0} times, expected ${count}`
                : `Step #${index + 1}: a dependency was called the wrong number of times`,
              details: details(),
            };
          }
        }
        continue;
      }
      if (step.kind !== 'request') continue;
      requestNumber++;
      const where = `Request #${requestNumber}`;
      if (!('r' in entry))
        return { verdict: 'INTERNAL_ERROR', message: 'The sandbox returned a malformed script result' };
      let decoded: SandboxValue;
      try {
        decoded = decodeSandboxValue(entry.r);
      } catch (error) {
        if (error instanceof MalformedValueError) return { verdict: 'INTERNAL_ERROR', message: error.message };
        throw error;
      }
      actualParts.push(renderSandboxValue(decoded, 300));
      const response = readResponse(decoded);
      const fail = (sampleText: string, hiddenText: string): GradedTest => ({
        verdict: 'WRONG_ANSWER',
        message: test.sample ? `${where} (${describeRequest(step)}): ${sampleText}` : `${where}: ${hiddenText}`,
        details: details(),
      });
      if (response === undefined || typeof response.status !== 'number' || !Number.isInteger(response.status)) {
        return fail(
          'the handler must return { status, headers?, body? }',
          'the response is not { status, headers?, body? }',
        );
      }
      const expected = step.expect;
      if (expected.status !== undefined && response.status !== expected.status)
        return fail(`status ${response.status}, expected ${expected.status}`, 'wrong status');
      for (const [name, value] of Object.entries(expected.headers ?? {})) {
        const actual = response.headers[name.toLowerCase()];
        if (actual !== value)
          return fail(
            `header ${name} is ${actual === undefined ? 'missing' : JSON.stringify(actual)}, expected ${JSON.stringify(value)}`,
            `wrong or missing header ${name}`,
          );
      }
      if (expected.body !== undefined) {
        const matches =
          expected.bodyMatch === 'partial'
            ? partialMatch(response.body, expected.body)
            : valuesMatch(response.body, expected.body);
        if (!matches)
          return fail(
            `body ${renderSandboxValue(response.body, 300)}, expected ${expected.bodyMatch === 'partial' ? 'at least ' : ''}${renderJson(expected.body, 300)}`,
            'wrong body',
          );
      }
      if (step.schema !== undefined) {
        const json = toJson(response.body);
        if (json === undefined || !step.schema(json)) {
          return fail(
            `body does not match the schema: ${ajv.errorsText(step.schema.errors)}`,
            'the body does not match the expected schema',
          );
        }
      }
    }
    return { verdict: 'ACCEPTED', message: 'Accepted', details: details() };
  },

  async runInSandbox(session, job, report) {
    const spec = job.spec as { export: string; isolation: 'shared' | 'per-test'; dependencies: string };
    await runPlannedTests(session, job, report, {
      runtimeSource: httpRuntimeSource(spec.dependencies),
      runtimeFile: 'assay:http-runtime',
      attachArgs: [spec.export],
      isolation: spec.isolation,
      loadSolution: true,
      runTest: async (runtime, test, timeoutMs) => {
        const steps = test.input as string[];
        const entries: string[] = [];
        let timeMs = 0;
        let cpuMs = 0;
        for (const step of steps) {
          const driven = await driveOperation(session, runtime, 'start', [step], timeoutMs - timeMs);
          timeMs += driven.timeMs;
          cpuMs += driven.cpuMs;
          if (driven.type === 'failure') return { outcome: driven.outcome, timeMs, cpuMs };
          const state = driven.state;
          if (state.state === 'returned') {
            entries.push(state.value);
            continue;
          }
          if (state.state === 'threw') {
            entries.push(JSON.stringify({ t: state.error }));
            break;
          }
          const outcome: SandboxOutcome =
            state.state === 'stuck'
              ? {
                  type: 'failure',
                  verdict: 'TIME_LIMIT_EXCEEDED',
                  message: "The handler's promise never settled (nothing left to wait for)",
                }
              : outcomeOfState(state);
          return { outcome, timeMs, cpuMs };
        }
        return { outcome: { type: 'value', value: `[${entries.join(',')}]` }, timeMs, cpuMs };
      },
    });
  },
};
