import ivm from 'isolated-vm';
import type { SandboxRealm, SandboxSession, SolutionLoad, Watched } from '../harnesses/harness.js';
import type { CompileError, Language } from '../verdict.js';
import type { IsolateRealm, RealmOptions } from './isolate-realm.js';
import { needsModuleGoal, parseSyntaxError } from './solution-compiler.js';

export const SOLUTION_FILE = 'solution.js';
const COMMONJS_HEADER = '(function (exports, require, module, __filename, __dirname) {';

type CompiledCode =
  | { format: 'commonjs'; script: ivm.Script; isolate: ivm.Isolate }
  | { format: 'module'; module: ivm.Module; isolate: ivm.Isolate };

export interface SessionOptions extends RealmOptions {
  language: Language;
  /** JavaScript (TypeScript already transpiled). */
  code: string;
  /** End of the submission's total time budget, on the `performance.now()` clock. */
  deadline: number;
}

/** Supplies realms: `shared` ones may reuse the worker's current isolate, others get their own. */
export type RealmSupplier = (options: RealmOptions, shared: boolean) => IsolateRealm;

type LoadFailure = Extract<SolutionLoad, { type: 'failed' }>;

const STANDARD_ERROR_NAMES = new Set([
  'Error',
  'TypeError',
  'RangeError',
  'SyntaxError',
  'ReferenceError',
  'EvalError',
  'URIError',
  'AggregateError',
]);

/** isolated-vm appends the host's stack below `<isolated-vm boundary>`: it must not reach candidates. */
export function stripHostFrames(text: string): string {
  const boundary = text.indexOf('(<isolated-vm boundary>)');
  if (boundary < 0) return text;
  const lineStart = text.lastIndexOf('\n', boundary);
  return lineStart < 0 ? text.slice(0, boundary) : text.slice(0, lineStart);
}

/**
 * The candidate's realm: a context with the prelude and the candidate's code compiled once per
 * isolate (a renewed realm in the same isolate runs the same compiled script). The CommonJS wrapper is
 * tried first; V8's own error tells when the code needs the ES-module goal (`export`, `import`,
 * top-level `await`).
 */
export class CandidateSession implements SandboxSession {
  private compiled: CompiledCode | undefined;
  private exportsRef: ivm.Reference | undefined;
  private syntheticModule: ivm.Module | undefined;
  private moduleLinked = false;
  private format: 'commonjs' | 'module' | undefined;
  private readonly extraRealms = new Set<SandboxRealm>();

  private constructor(
    private realm: IsolateRealm,
    private readonly options: SessionOptions,
    private readonly supplyRealm: RealmSupplier,
  ) {}

  /** Builds the session and compiles the code; a syntax error comes back and nothing runs. */
  static open(
    options: SessionOptions,
    supplyRealm: RealmSupplier,
  ): { type: 'ready'; session: CandidateSession } | { type: 'compile-error'; error: CompileError } {
    const session = new CandidateSession(supplyRealm(options, true), options, supplyRealm);
    const error = session.compile();
    if (error !== undefined) {
      session.dispose();
      return { type: 'compile-error', error };
    }
    return { type: 'ready', session };
  }

  get isolate(): ivm.Isolate {
    return this.realm.isolate;
  }
  get context(): ivm.Context {
    return this.realm.context;
  }
  get alive(): boolean {
    return this.realm.alive;
  }
  get language(): Language {
    return this.options.language;
  }
  get seed(): number {
    return this.options.seed;
  }
  get epochMs(): number {
    return this.options.epochMs;
  }
  get memoryLimitMb(): number {
    return this.options.memoryLimitMb;
  }
  budgetLeftMs(): number {
    return Math.max(0, this.options.deadline - performance.now());
  }

  private compile(): CompileError | undefined {
    const isolate = this.realm.isolate;
    const compiled = this.compiled;
    // Scripts are bound to an isolate, not a context: a renewed realm in the same isolate reuses it.
    if (compiled?.format === 'commonjs' && compiled.isolate === isolate) return undefined;
    if (this.format !== 'module') {
      try {
        const script = isolate.compileScriptSync(`${COMMONJS_HEADER}\n${this.options.code}\n})`, {
          filename: SOLUTION_FILE,
          lineOffset: -1,
        });
        this.compiled = { format: 'commonjs', script, isolate };
        this.format = 'commonjs';
        return undefined;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.format === 'commonjs' || !needsModuleGoal(message)) return parseSyntaxError(error, 0);
      }
    }
    try {
      const module = isolate.compileModuleSync(this.options.code, { filename: SOLUTION_FILE });
      this.compiled = { format: 'module', module, isolate };
      this.format = 'module';
      return undefined;
    } catch (error) {
      return parseSyntaxError(error, 0);
    }
  }

  installRuntime(source: string, filename: string): Promise<ivm.Reference> {
    return this.realm.installRuntime(source, filename);
  }

  invoke(...args: Parameters<SandboxRealm['invoke']>): ReturnType<SandboxRealm['invoke']> {
    return this.realm.invoke(...args);
  }

  watch<T>(timeoutMs: number, work: () => Promise<T>): Promise<Watched<T>> {
    return this.realm.watch(timeoutMs, work);
  }

  takeConsole(): Promise<string> {
    return this.realm.takeConsole();
  }

  dispose(): void {
    this.realm.dispose();
    for (const realm of this.extraRealms) realm.dispose();
    this.extraRealms.clear();
  }

  loadSolution(timeoutMs: number): Promise<SolutionLoad> {
    return Promise.resolve(this.loadSync(timeoutMs));
  }

  private loadSync(timeoutMs: number): SolutionLoad {
    if (this.exportsRef !== undefined) return { type: 'loaded', exports: this.exportsRef };
    const compiled = this.compiled;
    if (compiled === undefined) throw new Error('The solution is not compiled');
    const timeout = Math.max(1, Math.ceil(timeoutMs));
    if (compiled.format === 'commonjs') {
      const loader = this.realm.kitFunction('loadCommonJs');
      return this.settleLoad(
        this.realm.runSync(timeoutMs, () => {
          const factory = compiled.script.runSync(this.realm.context, { reference: true, timeout });
          return loader.applySync(undefined, [factory.derefInto()], {
            result: { reference: true },
            timeout,
          }) as ivm.Reference;
        }),
      );
    }
    const linked = this.linkModule(compiled.module);
    if (linked !== undefined) return linked;
    return this.settleLoad(
      this.realm.runSync(timeoutMs, () => {
        compiled.module.evaluateSync({ timeout });
        return compiled.module.namespace;
      }),
    );
  }

  private settleLoad(outcome: Watched<ivm.Reference>): SolutionLoad {
    switch (outcome.type) {
      case 'done':
        this.exportsRef = outcome.value;
        return { type: 'loaded', exports: outcome.value };
      case 'failed':
        return outcome;
      case 'threw': {
        // The candidate's top-level code threw: isolated-vm hands the error over as a host Error.
        const error = outcome.error;
        const name = error instanceof Error && STANDARD_ERROR_NAMES.has(error.name) ? error.name : 'Error';
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        return {
          type: 'failed',
          verdict: 'RUNTIME_ERROR',
          message: `The solution threw while loading: ${stripHostFrames(text)}`.slice(0, 4096),
          hiddenMessage: `The solution threw ${name} while loading`,
          timeMs: outcome.timeMs,
          cpuMs: outcome.cpuMs,
        };
      }
    }
  }

  private linkModule(module: ivm.Module): LoadFailure | undefined {
    if (this.moduleLinked) return undefined;
    try {
      module.instantiateSync(this.realm.context, (specifier) => this.providedModule(specifier));
      this.moduleLinked = true;
      return undefined;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return {
        type: 'failed',
        verdict: 'RUNTIME_ERROR',
        message: stripHostFrames(text).slice(0, 1024),
        timeMs: 0,
        cpuMs: 0,
      };
    }
  }

  /**
   * A module the harness runtime provided (`kit.provideModule`, e.g. 'fs' for stdio programs) as a
   * synthetic ES module; anything else does not exist in the sandbox.
   */
  private providedModule(specifier: string): ivm.Module {
    const listed = this.realm.callKitSync('moduleExportNames', [specifier]);
    const names =
      listed.type === 'returned' && typeof listed.value === 'string'
        ? (JSON.parse(listed.value) as string[] | null)
        : null;
    if (names === null)
      throw new Error(`Cannot find module '${specifier.slice(0, 200)}': the sandbox provides no modules`);
    const published = this.realm.callKitSync('publishModule', [specifier]);
    if (published.type !== 'returned' || typeof published.value !== 'string')
      throw new Error('Publishing a module failed');
    const source = [
      `const provided = globalThis[${JSON.stringify(this.realm.moduleKey)}][${JSON.stringify(published.value)}];`,
      'export default provided;',
      ...names.map(
        (name, index) => `const e${index} = provided[${JSON.stringify(name)}]; export { e${index} as ${name} };`,
      ),
    ].join('\n');
    const module = this.realm.isolate.compileModuleSync(source, {
      filename: `assay:module-${published.value.slice(7)}`,
    });
    module.instantiateSync(this.realm.context, () => {
      throw new Error('A provided module imports nothing');
    });
    return module;
  }

  solutionModule(timeoutMs: number): Promise<{ type: 'module'; module: ivm.Module } | LoadFailure> {
    const compiled = this.compiled;
    if (compiled === undefined) throw new Error('The solution is not compiled');
    if (compiled.format === 'module') {
      const failed = this.linkModule(compiled.module);
      return Promise.resolve(failed ?? { type: 'module', module: compiled.module });
    }
    if (this.syntheticModule !== undefined) return Promise.resolve({ type: 'module', module: this.syntheticModule });
    const load = this.loadSync(timeoutMs);
    if (load.type === 'failed') return Promise.resolve(load);
    return Promise.resolve(this.buildSyntheticModule(load.exports, timeoutMs));
  }

  private buildSyntheticModule(
    exports: ivm.Reference,
    timeoutMs: number,
  ): { type: 'module'; module: ivm.Module } | LoadFailure {
    const listed = this.realm.callKitSync('exportNames', [exports], timeoutMs);
    if (listed.type !== 'returned' || typeof listed.value !== 'string') {
      return {
        type: 'failed',
        verdict: listed.type === 'failed' ? listed.verdict : 'RUNTIME_ERROR',
        message: 'Listing the solution exports failed',
        timeMs: listed.timeMs,
        cpuMs: listed.cpuMs,
      };
    }
    const names = JSON.parse(listed.value) as string[];
    const published = this.realm.callKitSync('publish', ['solution', exports], 1_000);
    if (published.type !== 'returned') throw new Error('Publishing the solution exports failed');
    const key = JSON.stringify(this.realm.moduleKey);
    const source = [
      `const solution = globalThis[${key}].solution;`,
      'export default solution;',
      ...names.map(
        (name, index) => `const e${index} = solution[${JSON.stringify(name)}]; export { e${index} as ${name} };`,
      ),
    ].join('\n');
    const module = this.realm.isolate.compileModuleSync(source, { filename: 'assay:solution-module' });
    module.instantiateSync(this.realm.context, () => {
      throw new Error('The solution module imports nothing');
    });
    this.syntheticModule = module;
    return { type: 'module', module };
  }

  renew(): Promise<void> {
    this.realm.dispose();
    this.exportsRef = undefined;
    this.syntheticModule = undefined;
    this.moduleLinked = false;
    this.realm = this.supplyRealm(this.options, true);
    const error = this.compile();
    if (error !== undefined) return Promise.reject(new Error(`The solution no longer compiles: ${error.message}`));
    return Promise.resolve();
  }

  createRealm(): Promise<SandboxRealm> {
    const realm = this.supplyRealm(this.options, false);
    this.extraRealms.add(realm);
    return Promise.resolve(realm);
  }
}
