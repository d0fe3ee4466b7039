import ivm from 'isolated-vm';
import type { SandboxRealm, SandboxSession, SolutionLoad, Watched } from '../harnesses/harness.js';
import type { CompileError, Language } from '../verdict.js';
import { IsolateRealm, type RealmOptions } from './isolate-realm.js';
import { needsModuleGoal, parseSyntaxError } from './solution-compiler.js';

const SOLUTION_FILE = 'solution.js';
const COMMONJS_HEADER = '(function (exports, require, module, __filename, __dirname) {';

type CompiledCode = { format: 'commonjs'; script: ivm.Script } | { format: 'module'; module: ivm.Module };

export interface SessionOptions extends RealmOptions {
  language: Language;
  /** JavaScript (TypeScript already transpiled). */
  code: string;
  /** End of the submission's total time budget, on the `performance.now()` clock. */
  deadline: number;
}

/** Supplies fresh realms, e.g. from a pre-warmed spare, so `renew()` need not wait for a cold isolate. */
export type RealmSupplier = (options: RealmOptions) => Promise<IsolateRealm>;

/**
 * The candidate's realm: an isolate with the prelude and the candidate's code compiled (once per
 * isolate). The CommonJS wrapper is tried first; V8's own error tells when the code needs the ES-module
 * goal (`export`, `import`, top-level `await`).
 */
export class CandidateSession implements SandboxSession {
  private compiled: CompiledCode | undefined;
  private exportsRef: ivm.Reference | undefined;
  private syntheticModule: ivm.Module | undefined;
  private moduleLinked = false;
  private format: 'commonjs' | 'module' | undefined;

  private constructor(
    private realm: IsolateRealm,
    private readonly options: SessionOptions,
    private readonly supplyRealm: RealmSupplier,
  ) {}

  /** Builds the session on `realm` and compiles the code; a syntax error comes back, nothing runs. */
  static async open(
    realm: IsolateRealm,
    options: SessionOptions,
    supplyRealm: RealmSupplier,
  ): Promise<{ type: 'ready'; session: CandidateSession } | { type: 'compile-error'; error: CompileError }> {
    const session = new CandidateSession(realm, options, supplyRealm);
    const error = await session.compile();
    if (error !== undefined) {
      realm.dispose();
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

  private async compile(): Promise<CompileError | undefined> {
    const isolate = this.realm.isolate;
    if (this.format !== 'module') {
      try {
        const script = await isolate.compileScript(`${COMMONJS_HEADER}\n${this.options.code}\n})`, {
          filename: SOLUTION_FILE,
          lineOffset: -1,
        });
        this.compiled = { format: 'commonjs', script };
        this.format = 'commonjs';
        return undefined;
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        if (this.format === 'commonjs' || !needsModuleGoal(message)) return parseSyntaxError(error, 0);
      }
    }
    try {
      const module = await isolate.compileModule(this.options.code, { filename: SOLUTION_FILE });
      this.compiled = { format: 'module', module };
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
  }

  async loadSolution(timeoutMs: number): Promise<SolutionLoad> {
    if (this.exportsRef !== undefined) return { type: 'loaded', exports: this.exportsRef };
    const compiled = this.compiled;
    if (compiled === undefined) throw new Error('The solution is not compiled');
    if (compiled.format === 'commonjs') {
      const loader = this.realm.kitFunction('loadCommonJs');
      const outcome = await this.realm.watch(timeoutMs, async () => {
        const factory = (await compiled.script.run(this.realm.context, { reference: true, timeout: Math.ceil(timeoutMs) })) as ivm.Reference;
        return (await loader.apply(undefined, [factory.derefInto()], {
          result: { reference: true },
          timeout: Math.ceil(timeoutMs),
        })) as ivm.Reference;
      });
      return this.settleLoad(outcome);
    }
    const module = compiled.module;
    const linked = await this.linkModule(module);
    if (linked !== undefined) return linked;
    const outcome = await this.realm.watch(timeoutMs, async () => {
      await module.evaluate({ timeout: Math.ceil(timeoutMs) });
      return module.namespace;
    });
    return this.settleLoad(outcome);
  }

  private async settleLoad(outcome: Awaited<ReturnType<IsolateRealm['watch']>>): Promise<SolutionLoad> {
    switch (outcome.type) {
      case 'done':
        this.exportsRef = outcome.value as ivm.Reference;
        return { type: 'loaded', exports: this.exportsRef };
      case 'failed':
        return outcome;
      case 'threw': {
        // The candidate's top-level code threw: isolated-vm hands the error over as a host Error.
        const error = outcome.error;
        const name = error instanceof Error && STANDARD_ERROR_NAMES.has(error.name) ? error.name : 'Error';
        const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
        await this.realm.takeConsole();
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

  private async linkModule(module: ivm.Module): Promise<Extract<SolutionLoad, { type: 'failed' }> | undefined> {
    if (this.moduleLinked) return undefined;
    try {
      await module.instantiate(this.realm.context, (specifier) => {
        throw new Error(`Cannot find module '${specifier.slice(0, 200)}': the sandbox provides no modules`);
      });
      this.moduleLinked = true;
      return undefined;
    } catch (error) {
      const text = error instanceof Error ? error.message : String(error);
      return { type: 'failed', verdict: 'RUNTIME_ERROR', message: stripHostFrames(text).slice(0, 1024), timeMs: 0, cpuMs: 0 };
    }
  }

  async solutionModule(timeoutMs: number): Promise<{ type: 'module'; module: ivm.Module } | Extract<SolutionLoad, { type: 'failed' }>> {
    const compiled = this.compiled;
    if (compiled === undefined) throw new Error('The solution is not compiled');
    if (compiled.format === 'module') {
      const failed = await this.linkModule(compiled.module);
      return failed ?? { type: 'module', module: compiled.module };
    }
    if (this.syntheticModule !== undefined) return { type: 'module', module: this.syntheticModule };
    const load = await this.loadSolution(timeoutMs);
    if (load.type === 'failed') return load;
    const listed = await this.realm.callKit('exportNames', [load.exports]);
    if (listed.type !== 'returned' || typeof listed.value !== 'string') throw new Error('Listing the solution exports failed');
    const names = JSON.parse(listed.value) as string[];
    const published = await this.realm.callKit('publish', ['solution', load.exports]);
    if (published.type !== 'returned') throw new Error('Publishing the solution exports failed');
    const key = JSON.stringify(this.realm.moduleKey);
    const source = [
      `const solution = globalThis[${key}].solution;`,
      'export default solution;',
      ...names.map((name, index) => `const e${index} = solution[${JSON.stringify(name)}]; export { e${index} as ${name} };`),
    ].join('\n');
    const module = await this.realm.isolate.compileModule(source, { filename: 'assay:solution-module' });
    await module.instantiate(this.realm.context, () => {
      throw new Error('The solution module imports nothing');
    });
    this.syntheticModule = module;
    return { type: 'module', module };
  }

  async renew(): Promise<void> {
    this.realm.dispose();
    this.exportsRef = undefined;
    this.syntheticModule = undefined;
    this.moduleLinked = false;
    this.realm = await this.supplyRealm(this.options);
    const error = await this.compile();
    if (error !== undefined) throw new Error(`The solution no longer compiles: ${error.message}`);
  }

  async createRealm(): Promise<SandboxRealm> {
    return IsolateRealm.create(this.options);
  }
}

const STANDARD_ERROR_NAMES = new Set(['Error', 'TypeError', 'RangeError', 'SyntaxError', 'ReferenceError', 'EvalError', 'URIError', 'AggregateError']);

/** isolated-vm appends the host's stack below `<isolated-vm boundary>`: it must not reach candidates. */
export function stripHostFrames(text: string): string {
  const boundary = text.indexOf('(<isolated-vm boundary>)');
  if (boundary < 0) return text;
  const lineStart = text.lastIndexOf('\n', boundary);
  return lineStart < 0 ? text.slice(0, boundary) : text.slice(0, lineStart);
}
