import { randomBytes } from 'node:crypto';
import ivm from 'isolated-vm';
import type { InvokeOptions, Invocation, SandboxArgument, SandboxRealm, Watched } from '../harnesses/harness.js';
import type { FailureVerdict } from '../verdict.js';
import { PRELUDE_SOURCE, type PreludeConfig } from './prelude.js';

/** Why a realm was killed from outside the candidate's code. */
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
  return performance.now();
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

export interface IsolateHostOptions {
  /** Submissions one isolate serves before it is replaced; 1 means a fresh isolate per submission. */
  maxUses: number;
  /** Replace the isolate when its used heap after a submission exceeds this share of its memory limit. */
  maxHeapShare: number;
}

/**
 * Owns the isolates of a worker process. Every realm is a fresh context (own global object, own
 * intrinsics, nothing shared in the object graph) with the prelude; contexts of successive submissions
 * may share one isolate, which is replaced on a schedule (`maxUses`), when its heap stays large, and
 * at once after anything abnormal: a timeout (leftover microtasks poison an isolate), a memory stop,
 * or a crash of the test runner. The prelude is compiled once per isolate, from a code cache that this
 * process produced itself (never from data a candidate could supply).
 */
export class IsolateHost {
  private current: { isolate: ivm.Isolate; memoryLimitMb: number; uses: number } | undefined;
  private preludeCache: ivm.ExternalCopy<ArrayBuffer> | undefined;
  private readonly preludes = new WeakMap<ivm.Isolate, ivm.Script>();

  constructor(private readonly options: IsolateHostOptions) {}

  /** A new realm in the current isolate (or a new one); `shared: false` always gets an isolate of its own. */
  createRealm(options: RealmOptions, shared = true): IsolateRealm {
    const isolate = shared ? this.isolateFor(options.memoryLimitMb) : this.newIsolate(options.memoryLimitMb);
    try {
      return IsolateRealm.open(isolate, this.preludeFor(isolate), options, shared ? this : undefined);
    } catch (error) {
      this.discard(isolate);
      throw error;
    }
  }

  private preludeFor(isolate: ivm.Isolate): ivm.Script {
    let script = this.preludes.get(isolate);
    if (script === undefined) {
      if (this.preludeCache === undefined) {
        const produced = isolate.compileScriptSync(PRELUDE_SOURCE, {
          filename: 'assay:prelude',
          produceCachedData: true,
        }) as ivm.Script & ivm.CachedDataResult;
        this.preludeCache = produced.cachedData;
        script = produced;
      } else {
        script = isolate.compileScriptSync(PRELUDE_SOURCE, {
          filename: 'assay:prelude',
          cachedData: this.preludeCache,
        });
      }
      this.preludes.set(isolate, script);
    }
    return script;
  }

  private newIsolate(memoryLimitMb: number): ivm.Isolate {
    return new ivm.Isolate({
      memoryLimit: memoryLimitMb,
      onCatastrophicError: (message: string) => {
        // isolated-vm's advice: this process cannot be trusted any more. The supervisor replaces it.
        process.stderr.write(`catastrophic isolate error: ${message}\n`);
        process.abort();
      },
    });
  }

  private isolateFor(memoryLimitMb: number): ivm.Isolate {
    const current = this.current;
    if (
      current !== undefined &&
      !current.isolate.isDisposed &&
      current.memoryLimitMb === memoryLimitMb &&
      current.uses < this.options.maxUses
    ) {
      current.uses++;
      return current.isolate;
    }
    if (current !== undefined) this.discard(current.isolate);
    const isolate = this.newIsolate(memoryLimitMb);
    this.current = { isolate, memoryLimitMb, uses: 1 };
    return isolate;
  }

  /** Called when a shared realm ends: keeps the isolate for the next submission only if it is healthy. */
  released(isolate: ivm.Isolate, tainted: boolean): void {
    const current = this.current;
    if (current === undefined || current.isolate !== isolate) {
      this.discard(isolate);
      return;
    }
    if (tainted || current.uses >= this.options.maxUses || isolate.isDisposed) {
      this.discard(isolate);
      this.current = undefined;
      return;
    }
    const heap = isolate.getHeapStatisticsSync();
    if (
      heap.used_heap_size + heap.externally_allocated_size >
      this.options.maxHeapShare * current.memoryLimitMb * 1024 * 1024
    ) {
      this.discard(isolate);
      this.current = undefined;
    }
  }

  /** Makes sure an isolate is ready for the next submission (called while idle). */
  warm(memoryLimitMb: number): void {
    const current = this.current;
    if (
      current !== undefined &&
      !current.isolate.isDisposed &&
      current.memoryLimitMb === memoryLimitMb &&
      current.uses < this.options.maxUses
    )
      return;
    if (current !== undefined) this.discard(current.isolate);
    this.current = { isolate: this.newIsolate(memoryLimitMb), memoryLimitMb, uses: 0 };
  }

  dispose(): void {
    if (this.current !== undefined) this.discard(this.current.isolate);
    this.current = undefined;
  }

  private discard(isolate: ivm.Isolate): void {
    if (this.current?.isolate === isolate) this.current = undefined;
    if (!isolate.isDisposed) {
      try {
        isolate.dispose();
      } catch {
        // isolated-vm disposed it already (memory limit)
      }
    }
  }
}

/**
 * A context with the prelude installed. Worker-side only; the `ivm` objects never enter the isolate.
 * Calls into the isolate are synchronous: isolated-vm's own timeout interrupts loops, and a builtin that
 * cannot be interrupted blocks this process until the supervisor's deadline kills it. Synchronous calls
 * avoid a thread hand-off per call, which costs far more than the call on a loaded machine.
 */
export class IsolateRealm implements SandboxRealm {
  private killedBy: KillReason | undefined;
  private tainted = false;
  private released = false;
  private readonly methods = new WeakMap<ivm.Reference, Map<string, ivm.Reference>>();
  private lastCpuNs = 0n;

  private constructor(
    readonly isolate: ivm.Isolate,
    readonly context: ivm.Context,
    /** The prelude's kit: passed to runtimes with `derefInto()`, never as a Reference. */
    private readonly kit: ivm.Reference,
    readonly options: RealmOptions,
    readonly moduleKey: string,
    private readonly host: IsolateHost | undefined,
  ) {
    liveRealms.add(this);
  }

  static open(
    isolate: ivm.Isolate,
    preludeScript: ivm.Script,
    options: RealmOptions,
    host: IsolateHost | undefined,
  ): IsolateRealm {
    const context = isolate.createContextSync();
    try {
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
      const prelude = preludeScript.runSync(context, { reference: true, timeout: PRELUDE_TIMEOUT_MS });
      const kit = prelude.applySync(undefined, [config], {
        arguments: { copy: true },
        result: { reference: true },
        timeout: PRELUDE_TIMEOUT_MS,
      }) as ivm.Reference;
      prelude.release();
      return new IsolateRealm(isolate, context, kit, options, moduleKey, host);
    } catch (error) {
      context.release();
      throw error;
    }
  }

  get alive(): boolean {
    return this.killedBy === undefined && !this.released && !this.isolate.isDisposed;
  }

  /** Stops the isolate from outside (watchdog, memory watch, shutdown). Idempotent. */
  kill(reason: KillReason): void {
    this.killedBy ??= reason;
    this.tainted = true;
    liveRealms.delete(this);
    if (!this.isolate.isDisposed) {
      try {
        this.isolate.dispose();
      } catch {
        // already disposed by isolated-vm after a memory-limit stop
      }
    }
    this.dispose();
  }

  /** Marks the isolate as not reusable (e.g. the test runner crashed inside it). */
  taint(): void {
    this.tainted = true;
  }

  dispose(): void {
    if (this.released) return;
    this.released = true;
    liveRealms.delete(this);
    if (!this.isolate.isDisposed) {
      try {
        this.context.release();
      } catch {
        // the isolate went away in between
      }
    }
    if (this.host !== undefined) {
      this.host.released(this.isolate, this.tainted);
    } else if (!this.isolate.isDisposed) {
      this.isolate.dispose();
    }
  }

  /** CPU time the isolate used so far, nanoseconds; the last value seen once it is gone. */
  private cpuNs(): bigint {
    try {
      if (!this.isolate.isDisposed) this.lastCpuNs = this.isolate.cpuTime;
    } catch {
      // disposed in between
    }
    return this.lastCpuNs;
  }

  installRuntime(source: string, filename: string): Promise<ivm.Reference> {
    const factory = this.context.evalSync(source, {
      reference: true,
      filename,
      timeout: PRELUDE_TIMEOUT_MS,
    });
    try {
      return Promise.resolve(
        factory.applySync(undefined, [this.kit.derefInto()], {
          result: { reference: true },
          timeout: PRELUDE_TIMEOUT_MS,
        }) as ivm.Reference,
      );
    } finally {
      factory.release();
    }
  }

  private method(target: ivm.Reference, name: string): ivm.Reference {
    let table = this.methods.get(target);
    if (table === undefined) {
      table = new Map();
      this.methods.set(target, table);
    }
    let fn = table.get(name);
    if (fn === undefined) {
      fn = target.getSync(name, { reference: true });
      if (fn.typeof !== 'function') throw new Error(`The runtime has no method '${name}'`);
      table.set(name, fn);
    }
    return fn;
  }

  /** A kit function as a worker-side Reference (never passed into the isolate). */
  kitFunction(name: string): ivm.Reference {
    return this.method(this.kit, name);
  }

  /** Calls a kit function, e.g. `exportNames`, under the time limit. */
  callKitSync(name: string, args: readonly SandboxArgument[] = [], timeoutMs = 1_000): Invocation {
    return this.invokeSync(this.kit, name, args, { timeoutMs });
  }

  invoke(
    runtime: ivm.Reference,
    method: string,
    args: readonly SandboxArgument[],
    options: InvokeOptions,
  ): Promise<Invocation> {
    return Promise.resolve(this.invokeSync(runtime, method, args, options));
  }

  invokeSync(
    runtime: ivm.Reference,
    method: string,
    args: readonly SandboxArgument[],
    options: InvokeOptions,
  ): Invocation {
    const outcome = this.runSync(options.timeoutMs, () => {
      const fn = this.method(runtime, method);
      const passed = args.map((arg) => (arg instanceof ivm.Reference ? arg.derefInto() : arg));
      return fn.applySync(undefined, passed, { timeout: Math.max(1, Math.ceil(options.timeoutMs)) }) as unknown;
    });
    switch (outcome.type) {
      case 'done': {
        const value = outcome.value;
        if (value !== null && (typeof value === 'object' || typeof value === 'function')) {
          return {
            type: 'failed',
            verdict: 'INTERNAL_ERROR',
            message: `Runtime method '${method}' returned a non-primitive`,
            timeMs: outcome.timeMs,
            cpuMs: outcome.cpuMs,
          };
        }
        return {
          type: 'returned',
          value: value as string | number | boolean | null | undefined,
          timeMs: outcome.timeMs,
          cpuMs: outcome.cpuMs,
        };
      }
      case 'threw': {
        this.taint();
        const stop = classifyStop(outcome.error, undefined);
        return { type: 'failed', ...stop, timeMs: outcome.timeMs, cpuMs: outcome.cpuMs };
      }
      case 'failed':
        return outcome;
    }
  }

  /** Synchronous isolate work under the time limit; see `watch` for asynchronous work. */
  runSync<T>(timeoutMs: number, work: () => T): Watched<T> {
    const started = nowMs();
    const cpuBefore = this.cpuNs();
    const measure = (): { timeMs: number; cpuMs: number } => ({
      timeMs: nowMs() - started,
      cpuMs: Number(this.cpuNs() - cpuBefore) / 1e6,
    });
    if (!this.alive) return { type: 'failed', ...classifyStop(new Error('disposed'), this.killedBy), ...measure() };
    try {
      const value = work();
      const measured = measure();
      // A builtin can run past the limit without being interrupted: the limit still holds.
      if (measured.timeMs > timeoutMs + WATCHDOG_GRACE_MS) {
        this.kill('timeout');
        return { type: 'failed', ...classifyStop(undefined, 'timeout'), ...measured };
      }
      return { type: 'done', value, ...measured };
    } catch (error) {
      return this.stopped(error, measure());
    }
  }

  async watch<T>(timeoutMs: number, work: () => Promise<T>): Promise<Watched<T>> {
    const started = nowMs();
    const cpuBefore = this.cpuNs();
    const measure = (): { timeMs: number; cpuMs: number } => ({
      timeMs: nowMs() - started,
      cpuMs: Number(this.cpuNs() - cpuBefore) / 1e6,
    });
    if (!this.alive) return { type: 'failed', ...classifyStop(new Error('disposed'), this.killedBy), ...measure() };
    const watchdog = setTimeout(() => this.kill('timeout'), timeoutMs + WATCHDOG_GRACE_MS);
    try {
      const value = await work();
      const measured = measure();
      if (this.killedBy !== undefined)
        return { type: 'failed', ...classifyStop(undefined, this.killedBy), ...measured };
      if (measured.timeMs > timeoutMs + WATCHDOG_GRACE_MS) {
        this.kill('timeout');
        return { type: 'failed', ...classifyStop(undefined, 'timeout'), ...measured };
      }
      return { type: 'done', value, ...measured };
    } catch (error) {
      return this.stopped(error, measure());
    } finally {
      clearTimeout(watchdog);
    }
  }

  private stopped<T>(error: unknown, measured: { timeMs: number; cpuMs: number }): Watched<T> {
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
  }

  /** Drains the candidate's console output captured since the last call. */
  takeConsole(): Promise<string> {
    if (!this.alive) return Promise.resolve('');
    const drained = this.invokeSync(this.kit, 'drainConsole', [], { timeoutMs: 1_000 });
    return Promise.resolve(drained.type === 'returned' && typeof drained.value === 'string' ? drained.value : '');
  }
}
