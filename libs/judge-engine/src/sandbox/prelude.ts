/**
 * The engine's prelude: the first code to run in every isolate, before any candidate or harness code.
 *
 * `assayPrelude` is never called in Node: its source text (`PRELUDE_SOURCE`) is evaluated inside the
 * isolate. So it must be self-contained (no imports, no outer variables) and it is written against a
 * hostile realm: by the time its functions run, candidate code may have patched any global, any
 * prototype, or installed setters for index keys on `Array.prototype` and `Object.prototype`. Hence:
 * - every intrinsic used later is captured up front and called through the captured `Reflect.apply`;
 * - internal records are null-prototype object literals (no inherited getters or setters), internal
 *   collections are captured `Map`s, and no internal array is written to (`push` and `a[i] = x` walk the
 *   prototype chain and would run a candidate's setter);
 * - results are built by string concatenation of primitives;
 * - everything is strict mode, so stack-trace probes (`CallSite.getFunction`, `fn.caller`) reveal nothing.
 *
 * It returns the `kit` that harness runtimes receive (see `PreludeKit`). The kit never becomes reachable
 * from the global object: the worker holds the only reference, as an `ivm.Reference`.
 */

export interface PreludeConfig {
  seed: number;
  epochMs: number;
  consoleLimit: number;
  outputLimit: number;
  /** Maximum nesting depth of a serialised result. */
  maxDepth: number;
  allowWebAssembly: boolean;
  allowSharedMemory: boolean;
  /** Random global key through which synthetic ES modules receive their exports (see sandbox-session). */
  moduleKey: string;
}

/**
 * What harness runtimes get. Only functions of trusted code; values they return are candidate-tainted
 * where noted.
 */
export interface PreludeKit {
  /** Captured `Reflect.apply`, `JSON.parse`, `JSON.stringify`, `Object.keys`, `Array.isArray`. */
  apply: typeof Reflect.apply;
  parse: (text: string) => unknown;
  quote: (text: string) => string;
  keys: (value: object) => string[];
  isArray: (value: unknown) => value is unknown[];
  /** Captured Map operations, so runtimes can keep state without touching patchable prototypes. */
  newMap: () => Map<unknown, unknown>;
  mapGet: (map: Map<unknown, unknown>, key: unknown) => unknown;
  mapSet: (map: Map<unknown, unknown>, key: unknown, value: unknown) => void;
  mapHas: (map: Map<unknown, unknown>, key: unknown) => boolean;
  mapDelete: (map: Map<unknown, unknown>, key: unknown) => boolean;
  mapSize: (map: Map<unknown, unknown>) => number;
  /** Tagged JSON text of a candidate value (see serialized-value.ts); throws `kit.TOO_LARGE`/`kit.TOO_DEEP`. */
  serialize: (value: unknown, limit?: number) => string;
  TOO_LARGE: object;
  TOO_DEEP: object;
  /** `{"name":..,"message":..}` JSON for a thrown value; `name` is a standard error name or 'Error'. */
  describeError: (error: unknown) => string;
  /** Runs `thunk` and tracks its result, awaiting a thenable. */
  begin: (thunk: () => unknown) => PreludeOperation;
  /**
   * The host-facing state of an operation as JSON: settled (via `finish`), pending (after firing the
   * next virtual timer), or stuck (pending with no timer left).
   */
  poll: (operation: PreludeOperation, finish: (value: unknown) => string) => string;
  /** Formats a fulfilled value as a `returned` state, mapping serialisation limits to states. */
  returned: (value: unknown) => string;
  /** Drains the console buffer (capped, with a truncation marker). */
  drainConsole: () => string;
  /** Captured stdout for stdio programs: writes, drain, overflow flag. */
  writeStdout: (text: string) => void;
  drainStdout: () => string;
  stdoutOverflowed: () => boolean;
  /** The virtual clock: milliseconds since the epoch, advanced only by `advanceClock`/timers. */
  now: () => number;
  advanceClock: (ms: number) => void;
  /** Runs timers due at or before the current virtual time; returns how many ran. */
  runDueTimers: () => number;
  pendingTimers: () => number;
  /** Modules `require()` and synthetic ES modules can return (e.g. 'fs' for stdio programs). */
  provideModule: (name: string, exports: unknown) => void;
  /** Runs a CommonJS factory `(exports, require, module, __filename, __dirname)`; returns module.exports. */
  loadCommonJs: (factory: unknown) => unknown;
  /** Publishes a value under the random module key for one synthetic module to pick up. */
  publish: (name: string, value: unknown) => void;
  /** Own enumerable keys of a value that are valid export names (for synthetic modules), JSON array. */
  exportNames: (value: unknown) => string;
  /** Export names of a module given to `provideModule` ('node:' prefix ignored), or 'null' if there is none. */
  moduleExportNames: (specifier: string) => string;
  /** Publishes a provided module under `module:<name>` for a synthetic ES module; returns the name. */
  publishModule: (specifier: string) => string;
  /** Formats console-style arguments as one line (with a trailing newline), like console.log. */
  format: (args: unknown[]) => string;
  /** Fires the earliest pending virtual timer (advancing the clock to it); false when there is none. */
  fireNextTimer: () => boolean;
  /** The virtual time the earliest pending timer is due at, or null when there is none. */
  nextTimerDue: () => number | null;
}

export interface PreludeOperation {
  state: 'pending' | 'fulfilled' | 'rejected';
  value: unknown;
}

/* eslint-disable */
// The body runs inside the isolate; see the header. Types are loose on purpose: it handles hostile values.
export function assayPrelude(config: PreludeConfig): PreludeKit {
  'use strict';
  const g: any = globalThis;
  const O = g.Object;
  const R = g.Reflect;
  const J = g.JSON;
  const A = g.Array;
  const Mp = g.Map;
  const St = g.Set;
  const P = g.Promise;
  const D = g.Date;
  const Sy = g.Symbol;
  const Num = g.Number;
  const ReflectApply = R.apply;
  const ReflectConstruct = R.construct;
  const TypeErrorCtor = g.TypeError;
  const RangeErrorCtor = g.RangeError;
  const ErrorCtor = g.Error;
  const ReflectOwnKeys = R.ownKeys;
  const ReflectGetPrototypeOf = R.getPrototypeOf;
  const ReflectDefineProperty = R.defineProperty;
  const ReflectGetOwnPropertyDescriptor = R.getOwnPropertyDescriptor;
  const ReflectDeleteProperty = R.deleteProperty;
  const ObjectKeys = O.keys;
  const ObjectFreeze = O.freeze;
  const ObjectCreate = O.create;
  const ObjectPrototype = O.prototype;
  const ArrayIsArray = A.isArray;
  const JSONStringify = J.stringify;
  const JSONParse = J.parse;
  const MapProto = Mp.prototype;
  const MapGet = MapProto.get;
  const MapSet = MapProto.set;
  const MapHas = MapProto.has;
  const MapDelete = MapProto.delete;
  const MapSize = ReflectGetOwnPropertyDescriptor(MapProto, 'size').get;
  const MapForEach = MapProto.forEach;
  const SetProto = St.prototype;
  const SetHas = SetProto.has;
  const SetAdd = SetProto.add;
  const SetDelete = SetProto.delete;
  const SetSize = ReflectGetOwnPropertyDescriptor(SetProto, 'size').get;
  const SetForEach = SetProto.forEach;
  const PromiseResolve = P.resolve;
  const PromiseThen = P.prototype.then;
  const DateGetTime = D.prototype.getTime;
  const DateToISOString = D.prototype.toISOString;
  const StringSlice = g.String.prototype.slice;
  const StringCharCodeAt = g.String.prototype.charCodeAt;
  const StringIndexOf = g.String.prototype.indexOf;
  const RegExpTest = g.RegExp.prototype.test;
  const NumberIsFinite = Num.isFinite;
  const ArrayBufferIsView = g.ArrayBuffer.isView;
  const TypedArrayProto = ReflectGetPrototypeOf(g.Uint8Array.prototype);
  const TypedArrayLength = ReflectGetOwnPropertyDescriptor(TypedArrayProto, 'length').get;
  const TypedArrayTag = ReflectGetOwnPropertyDescriptor(TypedArrayProto, g.Symbol.toStringTag).get;
  const SymbolToString = Sy.prototype.toString;
  const DateToString = D.prototype.toString;
  const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;
  const STANDARD_ERRORS: any = {
    __proto__: null,
    Error: 1,
    TypeError: 1,
    RangeError: 1,
    SyntaxError: 1,
    ReferenceError: 1,
    EvalError: 1,
    URIError: 1,
    AggregateError: 1,
  };

  function cap(text: string, limit: number): string {
    return text.length > limit ? ReflectApply(StringSlice, text, [0, limit]) + '...' : text;
  }

  // ---- globals: remove what breaks isolation or determinism, pin time and randomness ---------------
  if (!config.allowWebAssembly) ReflectDeleteProperty(g, 'WebAssembly');
  if (!config.allowSharedMemory) {
    ReflectDeleteProperty(g, 'SharedArrayBuffer');
    ReflectDeleteProperty(g, 'Atomics');
  }
  // Garbage-collection timing would make verdicts non-deterministic.
  ReflectDeleteProperty(g, 'FinalizationRegistry');
  ReflectDeleteProperty(g, 'WeakRef');

  let virtualOffset = 0;
  function now(): number {
    return config.epochMs + virtualOffset;
  }
  // sfc32, seeded per run: Math.random is reproducible.
  let s0 = config.seed | 0;
  let s1 = (config.seed ^ 0x9e3779b9) | 0;
  let s2 = (config.seed ^ 0x85ebca6b) | 0;
  let s3 = 1;
  function random(): number {
    const t = (((s0 + s1) | 0) + s3) | 0;
    s3 = (s3 + 1) | 0;
    s0 = s1 ^ (s1 >>> 9);
    s1 = (s2 + (s2 << 3)) | 0;
    s2 = (s2 << 21) | (s2 >>> 11);
    s2 = (s2 + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  for (let i = 0; i < 12; i++) random();
  ReflectDefineProperty(g.Math, 'random', { value: random, writable: true, configurable: true, enumerable: false });

  // Date with a virtual clock: `new Date()` and `Date.now()` read it, everything else is the real Date.
  const VirtualDate: any = function Date(this: unknown, ...args: unknown[]): unknown {
    if (new.target === undefined) return ReflectApply(DateToString, ReflectConstruct(D, [now()]), []);
    return ReflectConstruct(D, args.length === 0 ? [now()] : args, new.target);
  };
  ReflectDefineProperty(VirtualDate, 'prototype', { value: D.prototype, writable: false });
  ReflectDefineProperty(VirtualDate, 'now', { value: now, writable: true, configurable: true });
  ReflectDefineProperty(VirtualDate, 'parse', { value: D.parse, writable: true, configurable: true });
  ReflectDefineProperty(VirtualDate, 'UTC', { value: D.UTC, writable: true, configurable: true });
  ReflectDefineProperty(D.prototype, 'constructor', { value: VirtualDate, writable: true, configurable: true });
  ReflectDefineProperty(g, 'Date', { value: VirtualDate, writable: true, configurable: true, enumerable: false });

  // ---- virtual timers -------------------------------------------------------------------------------
  let nextTimerId = 1;
  let timerSeq = 0;
  const timers = new Mp(); // id -> { due, seq, fn, args, interval }
  function addTimer(fn: unknown, delay: unknown, args: unknown[], repeat: boolean): number {
    if (typeof fn !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
    if (ReflectApply(MapSize, timers, []) >= 10000) throw new RangeErrorCtor('Too many pending timers (10000)');
    let ms = typeof delay === 'number' && delay === delay ? delay : 0;
    if (ms < 1) ms = repeat ? 1 : 0;
    if (ms > 2147483647) ms = 1;
    const id = nextTimerId++;
    ReflectApply(MapSet, timers, [id, { __proto__: null, due: now() + ms, seq: timerSeq++, fn, args, repeat, ms }]);
    return id;
  }
  function clearTimer(id: unknown): void {
    ReflectApply(MapDelete, timers, [id]);
  }
  function nextTimer(): any {
    let best: any = null;
    ReflectApply(MapForEach, timers, [
      (timer: any, id: number) => {
        if (
          best === null ||
          timer.due < best.timer.due ||
          (timer.due === best.timer.due && timer.seq < best.timer.seq)
        ) {
          best = { __proto__: null, id, timer };
        }
      },
    ]);
    return best;
  }
  function fire(entry: any): void {
    const timer = entry.timer;
    if (timer.due > now()) virtualOffset = timer.due - config.epochMs;
    if (timer.repeat) {
      timer.due = now() + timer.ms;
      timer.seq = timerSeq++;
    } else {
      ReflectApply(MapDelete, timers, [entry.id]);
    }
    ReflectApply(timer.fn, undefined, timer.args);
  }
  function runDueTimers(): number {
    let ran = 0;
    for (;;) {
      const entry = nextTimer();
      if (entry === null || entry.timer.due > now()) return ran;
      fire(entry);
      ran++;
    }
  }
  function advanceClock(ms: number): void {
    const target = now() + ms;
    for (;;) {
      const entry = nextTimer();
      if (entry === null || entry.timer.due > target) break;
      fire(entry);
    }
    virtualOffset = target - config.epochMs;
  }
  const timerGlobals: any = {
    __proto__: null,
    setTimeout: (fn: unknown, delay?: unknown, ...args: unknown[]) => addTimer(fn, delay, args, false),
    setInterval: (fn: unknown, delay?: unknown, ...args: unknown[]) => addTimer(fn, delay, args, true),
    setImmediate: (fn: unknown, ...args: unknown[]) => addTimer(fn, 0, args, false),
    clearTimeout: clearTimer,
    clearInterval: clearTimer,
    clearImmediate: clearTimer,
    queueMicrotask: (fn: unknown) => {
      if (typeof fn !== 'function') throw new TypeErrorCtor('The "callback" argument must be of type function');
      ReflectApply(PromiseThen, ReflectApply(PromiseResolve, P, [undefined]), [() => ReflectApply(fn, undefined, [])]);
    },
  };
  const timerNames = ObjectKeys(timerGlobals);
  for (let i = 0; i < timerNames.length; i++) {
    ReflectDefineProperty(g, timerNames[i], {
      value: timerGlobals[timerNames[i]],
      writable: true,
      configurable: true,
      enumerable: false,
    });
  }

  // ---- console: captured in-isolate, capped, never a channel for results ---------------------------
  let consoleText = '';
  let consoleDropped = 0;
  function appendConsole(line: string): void {
    const room = config.consoleLimit - consoleText.length;
    if (room >= line.length) {
      consoleText += line;
    } else {
      if (room > 0) consoleText += ReflectApply(StringSlice, line, [0, room]);
      consoleDropped += line.length - (room > 0 ? room : 0);
    }
  }
  function drainConsole(): string {
    const text =
      consoleDropped > 0
        ? consoleText + '\n[console output truncated: ' + consoleDropped + ' more characters]'
        : consoleText;
    consoleText = '';
    consoleDropped = 0;
    return text;
  }
  function inspect(value: unknown, depth: number, seen: any): string {
    switch (typeof value) {
      case 'string':
        return depth === 0 ? value : JSONStringify(value);
      case 'number':
        return value === 0 && 1 / value < 0 ? '-0' : '' + value;
      case 'bigint':
        return '' + value + 'n';
      case 'boolean':
        return value ? 'true' : 'false';
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return ReflectApply(SymbolToString, value, []);
      case 'function':
        return '[Function]';
      default:
        break;
    }
    if (value === null) return 'null';
    if (depth > 3) return '[Object]';
    if (ReflectApply(SetHas, seen, [value])) return '[Circular]';
    ReflectApply(SetAdd, seen, [value]);
    try {
      let out = '';
      if (ArrayIsArray(value)) {
        const length = (value as unknown[]).length;
        const shown = length > 100 ? 100 : length;
        for (let i = 0; i < shown; i++) {
          out += (i === 0 ? '' : ', ') + inspect((value as unknown[])[i], depth + 1, seen);
          if (out.length > 4096) return '[ ' + out + ' ... ]';
        }
        return '[ ' + out + (length > shown ? ', ... ' + (length - shown) + ' more' : '') + ' ]';
      }
      const keys = ObjectKeys(value);
      const shown = keys.length > 100 ? 100 : keys.length;
      for (let i = 0; i < shown; i++) {
        const key = keys[i];
        out +=
          (i === 0 ? '' : ', ') +
          (ReflectApply(RegExpTest, IDENTIFIER, [key]) ? key : JSONStringify(key)) +
          ': ' +
          inspect((value as any)[key], depth + 1, seen);
        if (out.length > 4096) return '{ ' + out + ' ... }';
      }
      return shown === 0 ? '{}' : '{ ' + out + ' }';
    } catch {
      return '[Object]';
    } finally {
      ReflectApply(SetDelete, seen, [value]);
    }
  }
  function formatLine(args: any): string {
    let line = '';
    const length = args.length;
    for (let i = 0; i < length; i++) {
      let part: string;
      try {
        part = inspect(args[i], 0, new St());
      } catch {
        part = '[unprintable]';
      }
      line += (i === 0 ? '' : ' ') + part;
      if (line.length > config.consoleLimit) break;
    }
    return line + '\n';
  }
  const consoleObject: any = ObjectCreate(ObjectPrototype);
  const consoleMethods = ['log', 'info', 'warn', 'error', 'debug', 'trace', 'dir', 'table'];
  for (let i = 0; i < consoleMethods.length; i++) {
    ReflectDefineProperty(consoleObject, consoleMethods[i], {
      value: function (...args: unknown[]) {
        appendConsole(formatLine(args));
      },
      writable: true,
      configurable: true,
      enumerable: true,
    });
  }
  ReflectDefineProperty(g, 'console', { value: consoleObject, writable: true, configurable: true, enumerable: false });

  let stdoutText = '';
  let stdoutOverflow = false;
  function writeStdout(text: string): void {
    if (stdoutOverflow) return;
    if (stdoutText.length + text.length > config.outputLimit) {
      stdoutOverflow = true;
      return;
    }
    stdoutText += text;
  }
  function drainStdout(): string {
    const text = stdoutText;
    stdoutText = '';
    return text;
  }

  // ---- serialisation of candidate values --------------------------------------------------------------
  // Tagged JSON: JSON values stay JSON; anything else is an object with the single key "\u0000" (the tag),
  // and ordinary keys starting with "\u0000" get one more "\u0000", so no candidate value forges a tag.
  const TOO_LARGE = ObjectFreeze({ __proto__: null, reason: 'too-large' });
  const TOO_DEEP = ObjectFreeze({ __proto__: null, reason: 'too-deep' });
  function tag(name: string, detail?: string): string {
    return '{"\\u0000":"' + name + '"' + (detail === undefined ? '' : ',"v":' + JSONStringify(detail)) + '}';
  }
  function encodeKey(key: string): string {
    return JSONStringify(key.length > 0 && ReflectApply(StringCharCodeAt, key, [0]) === 0 ? '\u0000' + key : key);
  }
  function serialize(value: unknown, limit?: number): string {
    const max = typeof limit === 'number' ? limit : config.outputLimit;
    const ancestors = new St();
    let size = 0;
    function grow(text: string): string {
      size += text.length;
      if (size > max) throw TOO_LARGE;
      return text;
    }
    function walk(v: unknown, depth: number): string {
      switch (typeof v) {
        case 'string':
          // Checked before quoting: a huge string must not be copied just to be refused.
          if ((v as string).length > max) throw TOO_LARGE;
          return grow(JSONStringify(v));
        case 'number':
          return grow(
            NumberIsFinite(v)
              ? v === 0
                ? '0'
                : '' + v
              : tag(v !== v ? 'NaN' : (v as number) > 0 ? 'Infinity' : '-Infinity'),
          );
        case 'boolean':
          return grow(v ? 'true' : 'false');
        case 'undefined':
          return grow(tag('undefined'));
        case 'bigint':
          return grow(tag('bigint', '' + v));
        case 'symbol':
          return grow(tag('symbol'));
        case 'function':
          return grow(tag('function'));
        default:
          break;
      }
      if (v === null) return grow('null');
      if (depth >= config.maxDepth) throw TOO_DEEP;
      if (ReflectApply(SetHas, ancestors, [v])) return grow(tag('circular'));
      ReflectApply(SetAdd, ancestors, [v]);
      try {
        if (ArrayIsArray(v)) {
          const arr = v as unknown[];
          const length = arr.length;
          let out = grow('[');
          for (let i = 0; i < length; i++) {
            if (i > 0) out += grow(',');
            out += walk(arr[i], depth + 1);
          }
          return out + grow(']');
        }
        const proto = ReflectGetPrototypeOf(v as object);
        if (proto !== ObjectPrototype && proto !== null) {
          const special = serializeSpecial(v as object, depth);
          if (special !== undefined) return special;
        }
        const keys = ObjectKeys(v);
        let out = grow('{');
        for (let i = 0; i < keys.length; i++) {
          const key = keys[i];
          if (typeof key !== 'string') continue;
          out += grow((i > 0 ? ',' : '') + encodeKey(key) + ':') + walk((v as any)[key], depth + 1);
        }
        return out + grow('}');
      } finally {
        ReflectApply(SetDelete, ancestors, [v]);
      }
    }
    function serializeSpecial(v: object, depth: number): string | undefined {
      try {
        const size = ReflectApply(MapSize, v, []);
        let out = grow('{"\\u0000":"map","v":[');
        let first = true;
        ReflectApply(MapForEach, v, [
          (entry: unknown, key: unknown) => {
            out += grow(first ? '[' : ',[') + walk(key, depth + 1) + grow(',') + walk(entry, depth + 1) + grow(']');
            first = false;
          },
        ]);
        return size >= 0 ? out + grow(']}') : undefined;
      } catch (error) {
        if (error === TOO_LARGE || error === TOO_DEEP) throw error;
      }
      try {
        ReflectApply(SetSize, v, []);
        let out = grow('{"\\u0000":"set","v":[');
        let first = true;
        ReflectApply(SetForEach, v, [
          (entry: unknown) => {
            out += (first ? '' : grow(',')) + walk(entry, depth + 1);
            first = false;
          },
        ]);
        return out + grow(']}');
      } catch (error) {
        if (error === TOO_LARGE || error === TOO_DEEP) throw error;
      }
      try {
        const time = ReflectApply(DateGetTime, v, []);
        return grow(tag('date', time === time ? ReflectApply(DateToISOString, v, []) : 'Invalid Date'));
      } catch (error) {
        if (error === TOO_LARGE || error === TOO_DEEP) throw error;
      }
      if (ArrayBufferIsView(v)) {
        try {
          const length = ReflectApply(TypedArrayLength, v, []);
          const name = ReflectApply(TypedArrayTag, v, []);
          let out = grow('{"\\u0000":"typed","t":' + JSONStringify(name) + ',"v":[');
          for (let i = 0; i < length; i++) out += (i > 0 ? grow(',') : '') + walk((v as any)[i], depth + 1);
          return out + grow(']}');
        } catch (error) {
          if (error === TOO_LARGE || error === TOO_DEEP) throw error;
        }
      }
      return undefined;
    }
    return walk(value, 0);
  }

  function safeString(value: unknown, limit: number): string {
    try {
      if (typeof value === 'symbol') return ReflectApply(SymbolToString, value, []);
      if (typeof value === 'string') return cap(value, limit);
      if (typeof value !== 'object' && typeof value !== 'function') return '' + value;
      if (value === null) return 'null';
      const text = (value as any).stack ?? (value as any).message;
      return typeof text === 'string' ? cap(text, limit) : '[object]';
    } catch {
      return '[unprintable value]';
    }
  }
  function describeError(error: unknown): string {
    let name = 'Error';
    let message: string;
    if (typeof error === 'object' && error !== null) {
      try {
        const candidateName = (error as any).name;
        if (typeof candidateName === 'string' && STANDARD_ERRORS[candidateName] === 1) name = candidateName;
      } catch {
        // a throwing getter leaves the generic name
      }
      message = safeString(error, 4096);
      if (typeof message === 'string') message = stripRuntimeFrames(message);
    } else {
      message = 'a non-Error value was thrown: ' + safeString(error, 1024);
    }
    return '{"name":' + JSONStringify(name) + ',"message":' + JSONStringify(message) + '}';
  }
  // Frames below the candidate's code belong to the judge and mean nothing to the candidate.
  function stripRuntimeFrames(stack: string): string {
    const at = ReflectApply(StringIndexOf, stack, ['\n    at assay:']);
    const at2 = ReflectApply(StringIndexOf, stack, ['(assay:']);
    let cut = at;
    if (at2 >= 0) {
      let lineStart = at2;
      while (lineStart > 0 && ReflectApply(StringCharCodeAt, stack, [lineStart]) !== 10) lineStart--;
      if (cut < 0 || lineStart < cut) cut = lineStart;
    }
    return cut > 0 ? ReflectApply(StringSlice, stack, [0, cut]) : stack;
  }

  // ---- operations: a candidate call, possibly async, driven by the host -----------------------------
  function begin(thunk: () => unknown): PreludeOperation {
    const op: any = { __proto__: null, state: 'pending', value: undefined };
    let result: unknown;
    try {
      result = thunk();
    } catch (error) {
      op.state = 'rejected';
      op.value = error;
      return op;
    }
    let then: unknown;
    try {
      then =
        (typeof result === 'object' && result !== null) || typeof result === 'function'
          ? (result as any).then
          : undefined;
    } catch (error) {
      op.state = 'rejected';
      op.value = error;
      return op;
    }
    if (typeof then !== 'function') {
      op.state = 'fulfilled';
      op.value = result;
      return op;
    }
    try {
      const promise = ReflectApply(PromiseResolve, P, [result]);
      ReflectApply(PromiseThen, promise, [
        (value: unknown) => {
          if (op.state === 'pending') {
            op.state = 'fulfilled';
            op.value = value;
          }
        },
        (error: unknown) => {
          if (op.state === 'pending') {
            op.state = 'rejected';
            op.value = error;
          }
        },
      ]);
    } catch (error) {
      op.state = 'rejected';
      op.value = error;
    }
    return op;
  }
  function returned(value: unknown): string {
    let text: string;
    try {
      text = serialize(value);
    } catch (error) {
      if (error === TOO_LARGE) return '{"state":"too-large"}';
      if (error === TOO_DEEP) return '{"state":"too-deep"}';
      return '{"state":"threw","error":' + describeError(error) + '}';
    }
    return '{"state":"returned","value":' + JSONStringify(text) + '}';
  }
  function poll(op: PreludeOperation, finish: (value: unknown) => string): string {
    if (op.state === 'fulfilled') return finish(op.value);
    if (op.state === 'rejected') return '{"state":"threw","error":' + describeError(op.value) + '}';
    const entry = nextTimer();
    if (entry === null) return '{"state":"stuck"}';
    fire(entry);
    return '{"state":"pending"}';
  }

  // ---- modules -------------------------------------------------------------------------------------------
  const modules = new Mp();
  function provideModule(name: string, exports: unknown): void {
    ReflectApply(MapSet, modules, [name, exports]);
  }
  function moduleName(specifier: unknown): unknown {
    return typeof specifier === 'string' && ReflectApply(StringIndexOf, specifier, ['node:']) === 0
      ? ReflectApply(StringSlice, specifier, [5])
      : specifier;
  }
  function moduleExportNames(specifier: string): string {
    const name = moduleName(specifier);
    return ReflectApply(MapHas, modules, [name]) ? exportNames(ReflectApply(MapGet, modules, [name])) : 'null';
  }
  function publishModule(specifier: string): string {
    const name = '' + (moduleName(specifier) as string);
    publish('module:' + name, ReflectApply(MapGet, modules, [name]));
    return 'module:' + name;
  }
  function requireModule(specifier: unknown): unknown {
    const name = moduleName(specifier);
    if (ReflectApply(MapHas, modules, [name])) return ReflectApply(MapGet, modules, [name]);
    const error = new ErrorCtor(
      "Cannot find module '" + safeString(specifier, 200) + "': the sandbox provides no modules",
    );
    ReflectDefineProperty(error, 'code', { value: 'MODULE_NOT_FOUND', writable: true, configurable: true });
    throw error;
  }
  function loadCommonJs(factory: unknown): unknown {
    const module: any = { exports: {} };
    const require: any = function require(specifier: unknown) {
      return requireModule(specifier);
    };
    ReflectApply(factory as any, module.exports, [module.exports, require, module, '/sandbox/solution.js', '/sandbox']);
    return module.exports;
  }
  function publish(name: string, value: unknown): void {
    const existing = ReflectGetOwnPropertyDescriptor(g, config.moduleKey);
    let box = existing === undefined ? undefined : existing.value;
    if (box === undefined) {
      box = ObjectCreate(null);
      ReflectDefineProperty(g, config.moduleKey, {
        value: box,
        writable: false,
        configurable: true,
        enumerable: false,
      });
    }
    ReflectDefineProperty(box, name, { value, writable: false, configurable: true, enumerable: true });
  }
  function exportNames(value: unknown): string {
    let out = '[';
    if ((typeof value === 'object' && value !== null) || typeof value === 'function') {
      try {
        const keys = ReflectOwnKeys(value);
        let n = 0;
        for (let i = 0; i < keys.length && n < 1000; i++) {
          const key = keys[i];
          if (typeof key !== 'string' || key === 'default' || !ReflectApply(RegExpTest, IDENTIFIER, [key])) continue;
          const descriptor = ReflectGetOwnPropertyDescriptor(value, key);
          if (descriptor === undefined || !descriptor.enumerable) continue;
          out += (n++ === 0 ? '' : ',') + JSONStringify(key);
        }
      } catch {
        // a Proxy's traps may throw: export only the default
      }
    }
    return out + ']';
  }

  const kit: PreludeKit = ObjectFreeze({
    __proto__: null,
    apply: ReflectApply,
    parse: (text: string) => JSONParse(text),
    quote: (text: string) => JSONStringify(text),
    keys: ObjectKeys,
    isArray: ArrayIsArray,
    newMap: () => new Mp(),
    mapGet: (map: any, key: unknown) => ReflectApply(MapGet, map, [key]),
    mapSet: (map: any, key: unknown, value: unknown) => {
      ReflectApply(MapSet, map, [key, value]);
    },
    mapHas: (map: any, key: unknown) => ReflectApply(MapHas, map, [key]),
    mapDelete: (map: any, key: unknown) => ReflectApply(MapDelete, map, [key]),
    mapSize: (map: any) => ReflectApply(MapSize, map, []),
    serialize,
    TOO_LARGE,
    TOO_DEEP,
    describeError,
    begin,
    poll,
    returned,
    drainConsole,
    writeStdout,
    drainStdout,
    stdoutOverflowed: () => stdoutOverflow,
    now,
    advanceClock,
    runDueTimers,
    pendingTimers: () => ReflectApply(MapSize, timers, []),
    provideModule,
    loadCommonJs,
    publish,
    exportNames,
    moduleExportNames,
    publishModule,
    format: (args: unknown[]) => formatLine(args),
    fireNextTimer: () => {
      const entry = nextTimer();
      if (entry === null) return false;
      fire(entry);
      return true;
    },
    nextTimerDue: () => {
      const entry = nextTimer();
      return entry === null ? null : entry.timer.due;
    },
  }) as PreludeKit;
  return kit;
}
/* eslint-enable */

/**
 * Source evaluated in each context: an expression yielding the prelude function. (Not a V8 snapshot:
 * isolated-vm 5's snapshots broke closures of this very function — a captured `const` read as "not
 * defined" — so the compiled script and its code cache are reused instead; see isolate-realm.ts.)
 */
export const PRELUDE_SOURCE = `(${assayPrelude.toString()})`;
