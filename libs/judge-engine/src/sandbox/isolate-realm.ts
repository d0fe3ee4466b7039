import { randomBytes } from 'node:crypto';
import ivm from 'isolated-vm';
import type { InvokeOptions, Invocation, SandboxArgument, SandboxRealm, Watched } from '../harnesses/harness.js';
import type { FailureVerdict } from '../verdict.js';
import { PRELUDE_SOURCE, type PreludeConfig } from './prelude.js';

/** Why a realm was killed from outside the isolate. */
export type KillReason = 'timeout' | 'memory' | 'shutdown';

export interface RealmOptions {
  memoryLimitMb: number;
  seed: number;
  epochMs: number;
  consoleLimit: number;
  outputLimit: number;
  allowWebAssembly: boolean;
  allowSharedMemory: boolean;
}

/** Extra wall time the watchdog grants past a limit before it disposes the isolate. */
const WATCHDOG_GRACE_MS = 60;
const PRELUDE_TIMEOUT_MS = 2_000;
const MAX_RESULT_DEPTH = 256;

/** Realms alive in this process, so the worker's memory watch can kill the running ones. */
const liveRealms = new Set<IsolateRealm>();

export function killLiveRealms(reason: KillReason): void {
  for (const realm of liveRealms) realm.kill(reason);
}

function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

/** The verdict for an isolate that stopped, from the error isolated-vm raised and how we stopped it. */
function classifyStop(error: unknown, killed: KillReason | undefined): { verdict: FailureVerdict; message: string } {
  if (killed === 'timeout') return { verdict: 'TIME_LIMIT_EXCEEDED', message: 'Time limit exceeded' };
  if (killed === 'memory') return { verdict: 'MEMORY_LIMIT_EXCEEDED', message: 'Memory limit exceeded' };
  if (killed === 'shutdown') return { verdict: 'INTERNAL_ERROR', message: 'The judge is shutting down' };
  const text = error instanceof Error ? error.message : String(error);
  if (text.includes('memory limit')) return { verdict: 'MEMORY_LIMIT_EXCEEDED', message: 'Memory limit exceeded' };
  if (text.includes('timed out')) return { verdict: 'TIME_LIMIT_EXCEEDED', message: 'Time limit exceeded' };
  if (text.includes('disposed') || text.includes('abandoned')) {
    return { verdict: 'MEMORY_LIMIT_EXCEEDED', message: 'The sandbox was stopped (memory limit exceeded)' };
  }
  // Runtime methods catch whatever candidate code throws; what escapes them is a crash the candidate
  // provoked (stack exhaustion inside a catch block, a non-transferable value), never a pass.
  return { verdict: 'RUNTIME_ERROR', message: 'The solution crashed the test runner' };
}

/**
 * An isolate and its context, with the prelude installed. Worker-side only; the `ivm` objects never
 * enter the isolate.
 */
export class IsolateRealm implements SandboxRealm {
  private killedBy: KillReason | undefined;
  private readonly methods = new WeakMap<ivm.Reference, Map<string, ivm.Reference>>();
  private lastCpuNs = 0n;

  protected constructor(
    readonly isolate: ivm.Isolate,
    readonly context: ivm.Context,
    /** The prelude's kit: passed to runtimes with `derefInto()`, never as a Reference. */
    protected readonly kit: ivm.Reference,
    readonly options: RealmOptions,
    readonly moduleKey: string,
  ) {
    liveRealms.add(this);
  }

  static async create(options: RealmOptions): Promise<IsolateRealm> {
    const parts = await IsolateRealm.boot(options);
    return new IsolateRealm(parts.isolate, parts.context, parts.kit, options, parts.moduleKey);
  }

  protected static async boot(options: RealmOptions): Promise<{ isolate: ivm.Isolate; context: ivm.Context; kit: ivm.Reference; moduleKey: string }> {
    const isolate = new ivm.Isolate({
      memoryLimit: options.memoryLimitMb,
      onCatastrophicError: (message: string) => {
        // isolated-vm's advice: the process cannot be trusted any more. The supervisor replaces us.
        process.stderr.write(`catastrophic isolate error: ${message}\n`);
        process.abort();
      },
    });
    try {
      const context = await isolate.createContext();
      const moduleKey = `\u0000assay:${randomBytes(16).toString('hex')}`;
      const config: PreludeConfig = {
        seed: options.seed,
        epochMs: options.epochMs,
        consoleLimit: options.consoleLimit,
        outputLimit: options.outputLimit,
        maxDepth: MAX_RESULT_DEPTH,
        allowWebAssembly: options.allowWebAssembly,
        allowSharedMemory: options.allowSharedMemory,
        moduleKey,
      };
      const prelude = (await context.eval(PRELUDE_SOURCE, {
        reference: true,
        filename: 'assay:prelude',
        timeout: PRELUDE_TIMEOUT_MS,
      })) as ivm.Reference;
      const kit = (await prelude.apply(undefined, [config], {
        arguments: { copy: true },
        result: { reference: true },
        timeout: PRELUDE_TIMEOUT_MS,
      })) as ivm.Reference;
      prelude.release();
      return { isolate, context, kit, moduleKey };
    } catch (error) {
      isolate.dispose();
      throw error;
    }
  }

  get alive(): boolean {
    return this.killedBy === undefined && !this.isolate.isDisposed;
  }

  /** Stops the isolate from outside (watchdog, memory watch, shutdown). Idempotent. */
  kill(reason: KillReason): void {
    this.killedBy ??= reason;
    this.disposeIsolate();
  }

  dispose(): void {
    this.disposeIsolate();
  }

  private disposeIsolate(): void {
    liveRealms.delete(this);
    if (!this.isolate.isDisposed) {
      try {
        this.isolate.dispose();
      } catch {
        // already disposed by isolated-vm after a memory-limit stop
      }
    }
  }

  /** CPU time the isolate used so far, nanoseconds; the last value seen once it is gone. */
  protected cpuNs(): bigint {
    try {
      if (!this.isolate.isDisposed) this.lastCpuNs = this.isolate.cpuTime;
    } catch {
      // disposed in between
    }
    return this.lastCpuNs;
  }

  async installRuntime(source: string, filename: string): Promise<ivm.Reference> {
    const factory = (await this.context.eval(source, { reference: true, filename, timeout: PRELUDE_TIMEOUT_MS })) as ivm.Reference;
    try {
      return (await factory.apply(undefined, [this.kit.derefInto()], {
        result: { reference: true },
        timeout: PRELUDE_TIMEOUT_MS,
      })) as ivm.Reference;
    } finally {
      factory.release();
    }
  }

  protected method(target: ivm.Reference, name: string): ivm.Reference {
    let table = this.methods.get(target);
    if (table === undefined) {
      table = new Map();
      this.methods.set(target, table);
    }
    let fn = table.get(name);
    if (fn === undefined) {
      fn = target.getSync(name, { reference: true }) as ivm.Reference;
      if (fn.typeof !== 'function') throw new Error(`The runtime has no method '${name}'`);
      table.set(name, fn);
    }
    return fn;
  }

  /** A kit function as a worker-side Reference (never passed into the isolate). */
  kitFunction(name: string): ivm.Reference {
    return this.method(this.kit, name);
  }

  /** Calls a kit function, e.g. `drainConsole`, under the watchdog (short timeout). */
  async callKit(name: string, args: readonly SandboxArgument[] = [], timeoutMs = 1_000): Promise<Invocation> {
    return this.invoke(this.kit, name, args, { timeoutMs });
  }

  async invoke(runtime: ivm.Reference, method: string, args: readonly SandboxArgument[], options: InvokeOptions): Promise<Invocation> {
    const outcome = await this.watch(options.timeoutMs, async () => {
      const fn = this.method(runtime, method);
      const passed = args.map((arg) => (arg instanceof ivm.Reference ? arg.derefInto() : arg));
      return (await fn.apply(undefined, passed, { timeout: Math.max(1, Math.ceil(options.timeoutMs)) })) as unknown;
    });
    switch (outcome.type) {
      case 'done': {
        const value = outcome.value;
        if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
          return { type: 'failed', verdict: 'INTERNAL_ERROR', message: `Runtime method '${method}' returned a non-primitive`, timeMs: outcome.timeMs, cpuMs: outcome.cpuMs };
        }
        return { type: 'returned', value: value as string | number | boolean | null | undefined, timeMs: outcome.timeMs, cpuMs: outcome.cpuMs };
      }
      case 'threw': {
        const stop = classifyStop(outcome.error, undefined);
        return { type: 'failed', ...stop, timeMs: outcome.timeMs, cpuMs: outcome.cpuMs };
      }
      case 'failed':
        return outcome;
    }
  }

  async watch<T>(timeoutMs: number, work: () => Promise<T>): Promise<Watched<T>> {
    const started = nowMs();
    const cpuBefore = this.cpuNs();
    const measure = (): { timeMs: number; cpuMs: number } => ({
      timeMs: nowMs() - started,
      cpuMs: Number(this.cpuNs() - cpuBefore) / 1e6,
    });
    if (!this.alive) {
      return { type: 'failed', ...classifyStop(new Error('disposed'), this.killedBy), ...measure() };
    }
    const watchdog = setTimeout(() => this.kill('timeout'), timeoutMs + WATCHDOG_GRACE_MS);
    try {
      const value = await work();
      const measured = measure();
      if (this.killedBy !== undefined) return { type: 'failed', ...classifyStop(undefined, this.killedBy), ...measured };
      // A builtin can run past the limit without being interrupted: the limit still holds.
      if (measured.timeMs > timeoutMs + WATCHDOG_GRACE_MS) {
        this.kill('timeout');
        return { type: 'failed', ...classifyStop(undefined, 'timeout'), ...measured };
      }
      return { type: 'done', value, ...measured };
    } catch (error) {
      const measured = measure();
      if (this.killedBy !== undefined || this.isolate.isDisposed) {
        const stop = classifyStop(error, this.killedBy);
        this.kill(stop.verdict === 'TIME_LIMIT_EXCEEDED' ? 'timeout' : 'memory');
        return { type: 'failed', ...stop, ...measured };
      }
      const text = error instanceof Error ? error.message : '';
      if (text.includes('timed out')) {
        // Microtasks left behind by a timeout poison the next call on this isolate (threat model).
        this.kill('timeout');
        return { type: 'failed', ...classifyStop(undefined, 'timeout'), ...measured };
      }
      return { type: 'threw', error, ...measured };
    } finally {
      clearTimeout(watchdog);
    }
  }

  /** Drains the candidate's console output captured since the last call. */
  async takeConsole(): Promise<string> {
    if (!this.alive) return '';
    const drained = await this.callKit('drainConsole');
    return drained.type === 'returned' && typeof drained.value === 'string' ? drained.value : '';
  }
}
