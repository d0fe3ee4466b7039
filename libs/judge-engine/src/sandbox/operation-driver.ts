import type ivm from 'isolated-vm';
import type { SandboxArgument, SandboxOutcome, SandboxRealm } from '../harnesses/harness.js';

/**
 * Host side of the prelude's operation protocol: a runtime method starts a candidate call and returns a
 * JSON state; while the state is `pending` (a promise awaiting microtasks or virtual timers) the driver
 * calls the runtime's `poll()`, which fires the next virtual timer. Microtasks drain at the end of each
 * call into the isolate, so a promise that can still settle does so between two polls.
 */
export type RuntimeState =
  | { state: 'returned'; value: string }
  | { state: 'threw'; error: { name: string; message: string } }
  | { state: 'too-large' }
  | { state: 'too-deep' }
  | { state: 'stuck' }
  | { state: 'pending' }
  | { state: 'ok' }
  | { state: 'missing'; message: string }
  | { state: 'decided'; passed: boolean; message: string; actual?: string }
  | { state: 'output-limit' };

export type Driven =
  | { type: 'state'; state: RuntimeState; timeMs: number; cpuMs: number }
  | { type: 'failure'; outcome: Extract<SandboxOutcome, { type: 'failure' }>; timeMs: number; cpuMs: number };

/** Enough for any honest use of virtual timers; a candidate spinning timers forever hits the time limit first. */
const MAX_POLLS = 1_000_000;

export function parseRuntimeState(value: unknown): RuntimeState | undefined {
  if (typeof value !== 'string') return undefined;
  try {
    const parsed = JSON.parse(value) as { state?: unknown };
    return typeof parsed === 'object' && parsed !== null && typeof parsed.state === 'string'
      ? (parsed as RuntimeState)
      : undefined;
  } catch {
    return undefined;
  }
}

export async function driveOperation(
  realm: SandboxRealm,
  runtime: ivm.Reference,
  method: string,
  args: readonly SandboxArgument[],
  timeLimitMs: number,
): Promise<Driven> {
  let timeMs = 0;
  let cpuMs = 0;
  let call = { method, args };
  for (let polls = 0; polls < MAX_POLLS; polls++) {
    const left = timeLimitMs - timeMs;
    if (left <= 0) return timeLimitFailure(timeMs, cpuMs);
    const invocation = await realm.invoke(runtime, call.method, call.args, { timeoutMs: left });
    timeMs += invocation.timeMs;
    cpuMs += invocation.cpuMs;
    if (invocation.type === 'failed') {
      return {
        type: 'failure',
        outcome: { type: 'failure', verdict: invocation.verdict, message: invocation.message },
        timeMs,
        cpuMs,
      };
    }
    if (invocation.type === 'threw') {
      return {
        type: 'failure',
        outcome: { type: 'failure', verdict: 'RUNTIME_ERROR', message: invocation.message },
        timeMs,
        cpuMs,
      };
    }
    const state = parseRuntimeState(invocation.value);
    if (state === undefined) {
      return {
        type: 'failure',
        outcome: {
          type: 'failure',
          verdict: 'INTERNAL_ERROR',
          message: `The runtime's '${call.method}' returned no state`,
        },
        timeMs,
        cpuMs,
      };
    }
    if (state.state !== 'pending') return { type: 'state', state, timeMs, cpuMs };
    call = { method: 'poll', args: [] };
  }
  return timeLimitFailure(timeMs, cpuMs);
}

function timeLimitFailure(timeMs: number, cpuMs: number): Driven {
  return {
    type: 'failure',
    outcome: { type: 'failure', verdict: 'TIME_LIMIT_EXCEEDED', message: 'Time limit exceeded' },
    timeMs,
    cpuMs,
  };
}

/** The usual mapping of a final runtime state to a test outcome. */
export function outcomeOfState(state: RuntimeState): SandboxOutcome {
  switch (state.state) {
    case 'returned':
      return { type: 'value', value: state.value };
    case 'threw':
      return {
        type: 'failure',
        verdict: 'RUNTIME_ERROR',
        message: `${state.error.message}`,
        hiddenMessage: `The solution threw ${state.error.name}`,
      };
    case 'too-large':
    case 'output-limit':
      return { type: 'failure', verdict: 'OUTPUT_LIMIT_EXCEEDED', message: 'The output exceeds the output limit' };
    case 'too-deep':
      return {
        type: 'failure',
        verdict: 'RUNTIME_ERROR',
        message: 'The result is nested too deeply (more than 256 levels)',
      };
    case 'stuck':
      return {
        type: 'failure',
        verdict: 'TIME_LIMIT_EXCEEDED',
        message: 'The returned promise never settled (nothing left to wait for)',
      };
    case 'decided':
      return {
        type: 'decided',
        passed: state.passed,
        message: state.message,
        ...(state.actual === undefined ? {} : { actual: state.actual }),
      };
    case 'missing':
      return { type: 'failure', verdict: 'RUNTIME_ERROR', message: state.message };
    case 'ok':
    case 'pending':
      return { type: 'failure', verdict: 'INTERNAL_ERROR', message: `Unexpected runtime state '${state.state}'` };
  }
}
