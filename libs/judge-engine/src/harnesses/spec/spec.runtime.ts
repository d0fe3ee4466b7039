/**
 * The spec harness's in-isolate runtime: jest's globals (`describe`, `test`, hooks, `expect` and its
 * matchers), a test runner that follows jest-circus's ordering, and the protocol the worker drives.
 *
 * `assaySpecRuntime` is never called in Node: its source text (`SPEC_RUNTIME_SOURCE`) is installed into
 * the candidate's isolate before any candidate code runs (`SandboxRealm.installRuntime`). It must be
 * self-contained (no imports, no outer variables, no helpers a compiler could inject) and it is written
 * against a hostile realm, because the candidate's solution runs in the same realm and may patch any
 * global or prototype (`Object.prototype`, `Array.prototype`, `JSON`, `Object.is`, `Promise.prototype.then`,
 * `Function.prototype.toString`, setters for index keys, ...) before the spec's tests run:
 *
 * - Every intrinsic the runtime uses is captured when it is installed and called through the captured
 *   `Reflect.apply`. Properties of intrinsic prototypes that matchers must read (`Map.prototype.size`, an
 *   error's inherited `name`) come from a table of their pristine descriptors, never from the live object.
 * - Internal records are null-prototype objects and null-prototype arrays, so no inherited getter or
 *   setter ever runs on them; nothing internal is iterated with `for...of`, spread or destructuring.
 * - No `async`/`await`: awaiting reads `promise.constructor` and `then`, which the candidate can patch.
 *   Promises are observed with the captured `Promise.prototype.then` only.
 * - Matchers decide on snapshots: a structured copy of the received and expected values made with the
 *   captured intrinsics (`snapshotSession`), compared by a port of jest's `equals` that touches nothing
 *   but the snapshot. A patched intrinsic therefore cannot change what a matcher sees in a value the spec
 *   built, and cannot change the comparison.
 * - A failed assertion is recorded in the runner's own state the moment it fails, before the error is
 *   thrown: a candidate that catches the error (or never lets it propagate) cannot turn it into a pass.
 *   A test passes only when its function settled, every async assertion it started settled, and nothing
 *   was recorded against it.
 * - Results leave the isolate as JSON text built by string concatenation of primitives, capped; the
 *   candidate's console output travels on another channel (the prelude's console buffer).
 * - Everything is strict mode: stack-trace probes (`CallSite.getFunction`, `fn.caller`) reveal nothing.
 */

/** What the worker calls on the object `assaySpecRuntime(kit)` returns. All methods return JSON text. */
export interface SpecRuntimeApi {
  /** Registers a CommonJS spec module `(exports, require, module, __filename, __dirname) => void`. */
  defineModule(path: string, factory: unknown): string;
  /**
   * Puts the spec's own globals (with the private `expect`) on the global `key` for the '@jest/globals'
   * module to pick up and delete; the worker evaluates that module before any candidate code runs.
   */
  exposeSpecGlobals(key: string): string;
  /** Marks the start of the solution's top-level code: registering tests is refused until `beginCollect`. */
  beginSolution(): string;
  /**
   * Takes the solution's exports as `require()` returns them (module.exports or the ES module
   * namespace) from the global `key`, where the worker put them just before (no code runs in between),
   * and deletes that global. `name` is the solution's module name: a relative `require` that resolves
   * to `<name>` or `<name>.<ext>` returns the exports.
   */
  adoptSolution(key: string, name: string): string;
  /** Spec top-level code may register tests from now on (ES modules: the worker evaluates them next). */
  beginCollect(): string;
  /** Runs a registered CommonJS spec module as the test file (after `beginCollect`). */
  runModule(path: string): string;
  /** Ends collection and returns the plan: `{"tests":[{"path":[...],"status":"run"|"skip"|"todo"}]}`. */
  plan(): string;
  /** Skips the program forward so that the next test to run is `index` (after a renewed realm). */
  resumeAt(index: number): string;
  /** Advances the run by one step; returns a `RuntimeStep`. */
  next(): string;
}

/** What `next()` returns. */
export type RuntimeStep =
  /** Tests that finished since the last call (one call returns events or makes progress, never both). */
  | { state: 'events'; events: TestEvent[] }
  /** A step began: a test (with its beforeEach/afterEach hooks) or a beforeAll/afterAll hook. */
  | { state: 'started'; step: 'test'; index: number }
  | { state: 'started'; step: 'beforeAll' | 'afterAll' }
  /** The step in progress waits: a virtual timer fired, or its timeout was applied. */
  | { state: 'running' }
  | { state: 'finished' }
  /** A fault of the runtime itself (never caused by spec or candidate code). */
  | { state: 'fault'; message: string };

export interface TestEvent {
  event: 'test';
  /** The test's index in the plan. */
  index: number;
  status: 'passed' | 'failed' | 'skip' | 'todo';
  /** Matcher calls made while the test and its each-hooks ran. */
  assertions: number;
  /** In the order they happened; the first decides the verdict. */
  errors: FailureRecord[];
}

export interface FailureRecord {
  /** assertion: a matcher failed; timeout: jest's per-test timeout (virtual time); error: anything thrown. */
  kind: 'assertion' | 'timeout' | 'error';
  message: string;
  expected?: string;
  received?: string;
  /** For thrown errors: the error's `name` (the candidate controls it). */
  errorName?: string;
}

/** What `plan()` returns. */
export interface RuntimePlan {
  state: 'plan';
  tests: { index: number; status: 'run' | 'skip' | 'todo'; path: string[] }[];
}

/* eslint-disable */
// The body runs inside the isolate; see the header. Types are loose on purpose: it handles hostile values.
export function assaySpecRuntime(kit: any): SpecRuntimeApi {
  'use strict';
  const g: any = globalThis;
  const O = g.Object;
  const R = g.Reflect;
  const ReflectApply = R.apply;
  const ReflectOwnKeys = R.ownKeys;
  const ReflectGetPrototypeOf = R.getPrototypeOf;
  const ReflectSetPrototypeOf = R.setPrototypeOf;
  const ReflectDefineProperty = R.defineProperty;
  const ReflectGetOwnPropertyDescriptor = R.getOwnPropertyDescriptor;
  const ReflectDeleteProperty = R.deleteProperty;
  const ObjectFreeze = O.freeze;
  const ObjectCreate = O.create;
  const ObjectIs = O.is;
  const ObjectHasOwn = O.hasOwn;
  const ObjectPrototype = O.prototype;
  const FunctionPrototype = g.Function.prototype;
  const FunctionCtor = g.Function;
  const ArrayCtor = g.Array;
  const ArrayIsArray = ArrayCtor.isArray;
  const ArrayPrototype = ArrayCtor.prototype;
  const JSONStringify = g.JSON.stringify;
  const StringCtor = g.String;
  const StringPrototype = StringCtor.prototype;
  const StringSlice = StringPrototype.slice;
  const StringIndexOf = StringPrototype.indexOf;
  const StringCharCodeAt = StringPrototype.charCodeAt;
  const StringValueOf = StringPrototype.valueOf;
  const NumberCtor = g.Number;
  const NumberPrototype = NumberCtor.prototype;
  const NumberValueOf = NumberPrototype.valueOf;
  const NumberIsNaN = NumberCtor.isNaN;
  const NumberIsInteger = NumberCtor.isInteger;
  const BooleanCtor = g.Boolean;
  const BooleanPrototype = BooleanCtor.prototype;
  const BooleanValueOf = BooleanPrototype.valueOf;
  const BigIntCtor = g.BigInt;
  const BigIntPrototype = BigIntCtor.prototype;
  const BigIntValueOf = BigIntPrototype.valueOf;
  const SymbolCtor = g.Symbol;
  const SymbolPrototype = SymbolCtor.prototype;
  const SymbolValueOf = SymbolPrototype.valueOf;
  const SymbolToString = SymbolPrototype.toString;
  const SymbolIterator = SymbolCtor.iterator;
  const SymbolToStringTag = SymbolCtor.toStringTag;
  const MathAbs = g.Math.abs;
  const MathPow = g.Math.pow;
  const RegExpCtor = g.RegExp;
  const RegExpPrototype = RegExpCtor.prototype;
  const RegExpExec = RegExpPrototype.exec;
  const DatePrototype = g.Date.prototype;
  const DateGetTime = DatePrototype.getTime;
  const DateToISOString = DatePrototype.toISOString;
  const MapCtor = g.Map;
  const MapPrototype = MapCtor.prototype;
  const MapGet = MapPrototype.get;
  const MapSet = MapPrototype.set;
  const MapHas = MapPrototype.has;
  const MapEntries = MapPrototype.entries;
  const MapDelete = MapPrototype.delete;
  const SetCtor = g.Set;
  const SetPrototype = SetCtor.prototype;
  const SetValues = SetPrototype.values;
  const WeakMapCtor = g.WeakMap;
  const WeakMapPrototype = WeakMapCtor.prototype;
  const WeakMapGet = WeakMapPrototype.get;
  const WeakMapSet = WeakMapPrototype.set;
  const WeakMapHas = WeakMapPrototype.has;
  const WeakSetCtor = g.WeakSet;
  const WeakSetPrototype = WeakSetCtor.prototype;
  const WeakSetHas = WeakSetPrototype.has;
  const PromiseCtor = g.Promise;
  const PromisePrototype = PromiseCtor.prototype;
  const PromiseThen = PromisePrototype.then;
  const ErrorCtor = g.Error;
  const ErrorPrototype = ErrorCtor.prototype;
  const TypeErrorCtor = g.TypeError;
  const ArrayBufferCtor = g.ArrayBuffer;
  const DataViewCtor = g.DataView;
  const DataViewGetUint8 = DataViewCtor.prototype.getUint8;
  const Uint8ArrayCtor = g.Uint8Array;
  const TypedArrayPrototype = ReflectGetPrototypeOf(Uint8ArrayCtor.prototype);

  function getter(target: any, key: any): any {
    const descriptor = ReflectGetOwnPropertyDescriptor(target, key);
    return descriptor === undefined ? undefined : descriptor.get;
  }
  const MapSize = getter(MapPrototype, 'size');
  const SetSize = getter(SetPrototype, 'size');
  const MapIteratorNext = ReflectGetPrototypeOf(ReflectApply(MapEntries, new MapCtor(), [])).next;
  const SetIteratorNext = ReflectGetPrototypeOf(ReflectApply(SetValues, new SetCtor(), [])).next;
  const StringIterator = StringPrototype[SymbolIterator];
  const StringIteratorNext = ReflectGetPrototypeOf(ReflectApply(StringIterator, '', [])).next;
  const RegExpSource = getter(RegExpPrototype, 'source');
  const REGEXP_FLAGS: any[] = [
    ['d', getter(RegExpPrototype, 'hasIndices')],
    ['g', getter(RegExpPrototype, 'global')],
    ['i', getter(RegExpPrototype, 'ignoreCase')],
    ['m', getter(RegExpPrototype, 'multiline')],
    ['s', getter(RegExpPrototype, 'dotAll')],
    ['u', getter(RegExpPrototype, 'unicode')],
    ['v', getter(RegExpPrototype, 'unicodeSets')],
    ['y', getter(RegExpPrototype, 'sticky')],
  ];
  const TypedArrayTag = getter(TypedArrayPrototype, SymbolToStringTag);
  const TypedArrayLength = getter(TypedArrayPrototype, 'length');
  const TypedArrayBuffer = getter(TypedArrayPrototype, 'buffer');
  const TypedArrayByteOffset = getter(TypedArrayPrototype, 'byteOffset');
  const TypedArrayByteLength = getter(TypedArrayPrototype, 'byteLength');
  const ArrayBufferByteLength = getter(ArrayBufferCtor.prototype, 'byteLength');
  const DataViewBuffer = getter(DataViewCtor.prototype, 'buffer');
  const DataViewByteOffset = getter(DataViewCtor.prototype, 'byteOffset');
  const DataViewByteLength = getter(DataViewCtor.prototype, 'byteLength');

  // ---- internal collections: never touched by anything inherited --------------------------------------
  function list(): any[] {
    const items: any[] = [];
    ReflectSetPrototypeOf(items, null);
    return items;
  }
  function add(items: any[], value: any): void {
    items[items.length] = value;
  }
  function listFrom(source: any): any[] {
    const items = list();
    const length = source.length;
    for (let i = 0; i < length; i++) items[i] = source[i];
    return items;
  }
  function addOnce(items: any[], value: any): void {
    for (let i = 0; i < items.length; i++) if (items[i] === value) return;
    add(items, value);
  }
  // Records: instances of a constructor whose prototype is an empty null-prototype object that nothing
  // else can reach, so no inherited getter or setter exists for them; unlike `{ __proto__: null }`
  // literals (dictionary-mode objects in V8) they get fast properties, which matters for snapshots.
  const Record: any = function Record() {};
  Record.prototype = ObjectCreate(null);
  function newRecord(): any {
    return new Record();
  }
  function dict(): any {
    return new Record();
  }
  function newMap(): any {
    return new MapCtor();
  }
  function mapGet(map: any, key: any): any {
    return ReflectApply(MapGet, map, [key]);
  }
  function mapSet(map: any, key: any, value: any): void {
    ReflectApply(MapSet, map, [key, value]);
  }
  function mapHas(map: any, key: any): boolean {
    return ReflectApply(MapHas, map, [key]);
  }
  function slice(text: string, start: number, end?: number): string {
    return end === undefined ? ReflectApply(StringSlice, text, [start]) : ReflectApply(StringSlice, text, [start, end]);
  }
  function indexOf(text: string, search: string, from?: number): number {
    return ReflectApply(StringIndexOf, text, [search, from === undefined ? 0 : from]);
  }
  function quote(text: string): string {
    return JSONStringify(text);
  }
  function cap(text: string, limit: number): string {
    return text.length > limit ? slice(text, 0, limit) + '…[truncated]' : text;
  }
  function makeError(Ctor: any, message: string): any {
    return new Ctor(message);
  }

  // ---- pristine view of the intrinsic prototypes ------------------------------------------------------
  // Matchers read inherited properties (`size` of a Map, `name` of an error, `length` of a string) the way
  // jest does, but for intrinsic prototypes through descriptors captured now, before the candidate ran.
  const intrinsicTable = new MapCtor(); // prototype -> dict(key -> descriptor)
  const intrinsicKinds = new MapCtor(); // prototype -> kind, for classifying values
  function captureIntrinsic(proto: any, kind: string): void {
    if (proto === null || proto === undefined || mapHas(intrinsicTable, proto)) return;
    const table = dict();
    const keys = ReflectOwnKeys(proto);
    for (let i = 0; i < keys.length; i++) {
      const descriptor = ReflectGetOwnPropertyDescriptor(proto, keys[i]);
      if (descriptor !== undefined) table[keys[i]] = descriptor;
    }
    mapSet(intrinsicTable, proto, table);
    mapSet(intrinsicKinds, proto, kind);
  }
  const errorNames = [
    'Error',
    'TypeError',
    'RangeError',
    'SyntaxError',
    'ReferenceError',
    'EvalError',
    'URIError',
    'AggregateError',
  ];
  const typedNames = [
    'Int8Array',
    'Uint8Array',
    'Uint8ClampedArray',
    'Int16Array',
    'Uint16Array',
    'Int32Array',
    'Uint32Array',
    'Float32Array',
    'Float64Array',
    'BigInt64Array',
    'BigUint64Array',
  ];
  captureIntrinsic(ObjectPrototype, 'object');
  captureIntrinsic(ArrayPrototype, 'array');
  captureIntrinsic(FunctionPrototype, 'function');
  captureIntrinsic(StringPrototype, 'boxed');
  captureIntrinsic(NumberPrototype, 'boxed');
  captureIntrinsic(BooleanPrototype, 'boxed');
  captureIntrinsic(BigIntPrototype, 'boxed');
  captureIntrinsic(SymbolPrototype, 'boxed');
  captureIntrinsic(DatePrototype, 'date');
  captureIntrinsic(RegExpPrototype, 'regexp');
  captureIntrinsic(MapPrototype, 'map');
  captureIntrinsic(SetPrototype, 'set');
  captureIntrinsic(WeakMapPrototype, 'weakmap');
  captureIntrinsic(WeakSetPrototype, 'weakset');
  captureIntrinsic(PromisePrototype, 'promise');
  captureIntrinsic(ArrayBufferCtor.prototype, 'arraybuffer');
  captureIntrinsic(DataViewCtor.prototype, 'dataview');
  captureIntrinsic(TypedArrayPrototype, 'typed');
  for (let i = 0; i < errorNames.length; i++) {
    const Ctor = g[errorNames[i]];
    if (typeof Ctor === 'function') captureIntrinsic(Ctor.prototype, 'error');
  }
  for (let i = 0; i < typedNames.length; i++) {
    const Ctor = g[typedNames[i]];
    if (typeof Ctor === 'function') captureIntrinsic(Ctor.prototype, 'typed');
  }
  const iteratorSources: any[] = [
    ReflectApply(MapEntries, new MapCtor(), []),
    ReflectApply(SetValues, new SetCtor(), []),
    ReflectApply(ArrayPrototype[SymbolIterator], [], []),
    ReflectApply(StringIterator, '', []),
  ];
  for (let i = 0; i < iteratorSources.length; i++) {
    let proto = ReflectGetPrototypeOf(iteratorSources[i]);
    while (proto !== null && proto !== ObjectPrototype) {
      captureIntrinsic(proto, 'object');
      proto = ReflectGetPrototypeOf(proto);
    }
  }

  function isIntrinsicPrototype(value: any): boolean {
    return mapHas(intrinsicTable, value);
  }

  /** Whether `proto` is on the prototype chain of `value` (bounded walk; may run a Proxy's traps). */
  function chainIncludes(value: any, proto: any): boolean {
    if (!isObjectLike(value)) return false;
    let current = ReflectGetPrototypeOf(value);
    let steps = 0;
    while (current !== null && steps++ < 1000) {
      if (current === proto) return true;
      current = ReflectGetPrototypeOf(current);
    }
    return false;
  }

  function isObjectLike(value: any): boolean {
    return (typeof value === 'object' && value !== null) || typeof value === 'function';
  }

  function primitivePrototype(value: any): any {
    switch (typeof value) {
      case 'string':
        return StringPrototype;
      case 'number':
        return NumberPrototype;
      case 'boolean':
        return BooleanPrototype;
      case 'bigint':
        return BigIntPrototype;
      case 'symbol':
        return SymbolPrototype;
      default:
        return null;
    }
  }

  function readDescriptor(descriptor: any, receiver: any): any {
    if (ObjectHasOwn(descriptor, 'get')) {
      const get = descriptor.get;
      return typeof get === 'function' ? ReflectApply(get, receiver, []) : undefined;
    }
    return descriptor.value;
  }

  /**
   * `value[key]` as jest reads it, except that properties found on intrinsic prototypes come from their
   * pristine descriptors. Own properties and the candidate's or spec's own classes are read live.
   */
  function safeGet(value: any, key: any): any {
    if (value === null || value === undefined) throw makeError(TypeErrorCtor, 'Cannot read properties of ' + value);
    if (!isObjectLike(value)) {
      if (typeof value === 'string' && (key === 'length' || (typeof key === 'string' && isIndexKey(key))))
        return value[key];
      return lookupIn(primitivePrototype(value), key, value);
    }
    const own = ReflectGetOwnPropertyDescriptor(value, key);
    if (own !== undefined) return value[key];
    return lookupIn(ReflectGetPrototypeOf(value), key, value);
  }
  function lookupIn(start: any, key: any, receiver: any): any {
    let proto = start;
    let steps = 0;
    while (proto !== null && steps++ < 1000) {
      const table = mapGet(intrinsicTable, proto);
      if (table !== undefined) {
        if (ObjectHasOwn(table, key)) return readDescriptor(table[key], receiver);
      } else {
        const descriptor = ReflectGetOwnPropertyDescriptor(proto, key);
        if (descriptor !== undefined) return readDescriptor(descriptor, receiver);
      }
      proto = ReflectGetPrototypeOf(proto);
    }
    return undefined;
  }
  /** `key in value`, with the same pristine view of intrinsic prototypes; `stopAtObject` as jest's hasPropertyInObject. */
  function safeHas(value: any, key: any, stopAtObject: boolean): boolean {
    if (!isObjectLike(value)) return false;
    if (ReflectGetOwnPropertyDescriptor(value, key) !== undefined) return true;
    let proto = ReflectGetPrototypeOf(value);
    let steps = 0;
    while (proto !== null && steps++ < 1000) {
      if (stopAtObject && proto === ObjectPrototype) return false;
      const table = mapGet(intrinsicTable, proto);
      if (table !== undefined) {
        if (ObjectHasOwn(table, key)) return true;
      } else if (ReflectGetOwnPropertyDescriptor(proto, key) !== undefined) {
        return true;
      }
      proto = ReflectGetPrototypeOf(proto);
    }
    return false;
  }
  function isIndexKey(key: string): boolean {
    if (key.length === 0 || key.length > 15) return false;
    for (let i = 0; i < key.length; i++) {
      const c = ReflectApply(StringCharCodeAt, key, [i]);
      if (c < 48 || c > 57) return false;
    }
    return key === '0' || ReflectApply(StringCharCodeAt, key, [0]) !== 48;
  }

  /** OrdinaryHasInstance with captured operations: a class's `Symbol.hasInstance` is not consulted. */
  function instanceOf(value: any, Ctor: any): boolean {
    if (typeof Ctor !== 'function' || !isObjectLike(value)) return false;
    const descriptor = ReflectGetOwnPropertyDescriptor(Ctor, 'prototype');
    if (descriptor === undefined || !ObjectHasOwn(descriptor, 'value') || !isObjectLike(descriptor.value)) return false;
    return chainIncludes(value, descriptor.value);
  }

  function functionName(fn: any): string {
    try {
      const descriptor = ReflectGetOwnPropertyDescriptor(fn, 'name');
      if (descriptor !== undefined && ObjectHasOwn(descriptor, 'value') && typeof descriptor.value === 'string')
        return descriptor.value;
    } catch {
      // a Proxy trap threw
    }
    return '';
  }

  function regexpSource(re: any): string {
    return ReflectApply(RegExpSource, re, []);
  }
  function regexpFlags(re: any): string {
    let flags = '';
    for (let i = 0; i < REGEXP_FLAGS.length; i++) {
      const read = REGEXP_FLAGS[i][1];
      if (read !== undefined && ReflectApply(read, re, [])) flags += REGEXP_FLAGS[i][0];
    }
    return flags;
  }
  function isRegExp(value: any): boolean {
    if (typeof value !== 'object' || value === null || value === RegExpPrototype) return false;
    try {
      ReflectApply(RegExpSource, value, []);
      return true;
    } catch {
      return false;
    }
  }
  /** A fresh RegExp with the same source and flags, so the spec's `lastIndex` and patched methods don't matter. */
  function regexpTest(re: any, text: string): boolean {
    const copy = new RegExpCtor(regexpSource(re), regexpFlags(re));
    return ReflectApply(RegExpExec, copy, [text]) !== null;
  }

  // ---- snapshots ---------------------------------------------------------------------------------------
  // A snapshot value is a primitive (symbols included) or a node: a null-prototype record describing one
  // object, shared by every path that reaches the same object within one assertion (identity preserved).
  const HOLE = ObjectFreeze({ __proto__: null, hole: true });
  const asymmetricMatchers = new WeakMapCtor(); // matcher object -> its record (only the runtime's own)
  const MAX_DEPTH = 1000;
  const MAX_WORK = 2000000;

  function tooComplex(): any {
    return makeError(
      ErrorCtor,
      'the value is too large or too deeply nested to compare (more than ' +
        MAX_WORK +
        ' properties or ' +
        MAX_DEPTH +
        ' levels)',
    );
  }

  function snapshotSession(): any {
    const seen = newMap();
    let work = 0;
    function snap(value: any, depth: number): any {
      if (!isObjectLike(value)) return value;
      const found = mapGet(seen, value);
      if (found !== undefined) return found;
      if (depth > MAX_DEPTH || ++work > MAX_WORK) throw tooComplex();
      const node = newRecord();
      node.ref = value;
      node.kind = 'object';
      node.tag = '[object Object]';
      node.keys = list();
      node.own = dict();
      node.proto = null;
      node.isError = false;
      mapSet(seen, value, node);
      if (ReflectApply(WeakMapHas, asymmetricMatchers, [value])) {
        const record = ReflectApply(WeakMapGet, asymmetricMatchers, [value]);
        node.kind = 'asym';
        node.asym = record;
        node.sample = record.snapshotSample ? snap(record.sample, depth + 1) : undefined;
        return node;
      }
      fill(node, value, depth);
      return node;
    }
    function classify(node: any, value: any): void {
      if (typeof value === 'function') {
        node.kind = 'function';
        const text = functionTag(value);
        node.tag = text;
        return;
      }
      if (ArrayIsArray(value)) {
        node.kind = 'array';
        node.tag = '[object Array]';
        return;
      }
      // The first intrinsic prototype on the chain says what the value may be; its internal slots confirm.
      let proto = node.proto;
      let steps = 0;
      let intrinsic: any = null;
      while (proto !== null && steps++ < 1000) {
        if (proto === ErrorPrototype) node.isError = true;
        if (intrinsic === null && mapHas(intrinsicKinds, proto)) intrinsic = proto;
        proto = ReflectGetPrototypeOf(proto);
      }
      if (intrinsic !== null && brand(node, value, mapGet(intrinsicKinds, intrinsic), intrinsic)) return;
      node.kind = 'object';
      node.tag = '[object ' + userTag(value) + ']';
    }
    function brand(node: any, value: any, kind: string, proto: any): boolean {
      try {
        switch (kind) {
          case 'date':
            node.time = ReflectApply(DateGetTime, value, []);
            node.tag = '[object Date]';
            break;
          case 'regexp':
            node.source = regexpSource(value);
            node.flags = regexpFlags(value);
            node.tag = '[object RegExp]';
            break;
          case 'map':
            node.size = ReflectApply(MapSize, value, []);
            node.tag = '[object Map]';
            break;
          case 'set':
            node.size = ReflectApply(SetSize, value, []);
            node.tag = '[object Set]';
            break;
          case 'weakmap':
            ReflectApply(WeakMapHas, value, [HOLE]);
            node.tag = '[object WeakMap]';
            break;
          case 'weakset':
            ReflectApply(WeakSetHas, value, [HOLE]);
            node.tag = '[object WeakSet]';
            break;
          case 'typed':
            node.typedName = ReflectApply(TypedArrayTag, value, []);
            if (typeof node.typedName !== 'string') return false;
            node.tag = '[object ' + node.typedName + ']';
            break;
          case 'arraybuffer':
            node.byteLength = ReflectApply(ArrayBufferByteLength, value, []);
            node.tag = '[object ArrayBuffer]';
            break;
          case 'dataview':
            node.byteLength = ReflectApply(DataViewByteLength, value, []);
            node.tag = '[object DataView]';
            break;
          case 'boxed':
            if (proto === NumberPrototype) node.prim = ReflectApply(NumberValueOf, value, []);
            else if (proto === StringPrototype) node.prim = ReflectApply(StringValueOf, value, []);
            else if (proto === BooleanPrototype) node.prim = ReflectApply(BooleanValueOf, value, []);
            else if (proto === BigIntPrototype) node.prim = ReflectApply(BigIntValueOf, value, []);
            else node.prim = ReflectApply(SymbolValueOf, value, []);
            node.tag =
              '[object ' +
              (proto === NumberPrototype
                ? 'Number'
                : proto === StringPrototype
                  ? 'String'
                  : proto === BooleanPrototype
                    ? 'Boolean'
                    : proto === BigIntPrototype
                      ? 'BigInt'
                      : 'Symbol') +
              ']';
            break;
          case 'error':
            // jest compares errors with `instanceof Error` and their messages; no brand check needed.
            node.tag = '[object Error]';
            break;
          case 'promise':
            node.tag = '[object Promise]';
            node.kind = 'object';
            return true;
          default:
            return false;
        }
      } catch {
        return false;
      }
      node.kind = kind;
      return true;
    }
    function fill(node: any, value: any, depth: number): void {
      node.proto = ReflectGetPrototypeOf(value);
      classify(node, value);
      if (node.kind === 'function') return;
      const kind = node.kind;
      if (kind === 'map') {
        node.entries = list();
        const iterator = ReflectApply(MapEntries, value, []);
        for (;;) {
          const step = ReflectApply(MapIteratorNext, iterator, []);
          if (step.done) break;
          if (++work > MAX_WORK) throw tooComplex();
          const pair = step.value;
          add(node.entries, [snap(pair[0], depth + 1), snap(pair[1], depth + 1)]);
        }
        return;
      }
      if (kind === 'set') {
        node.items = list();
        const iterator = ReflectApply(SetValues, value, []);
        for (;;) {
          const step = ReflectApply(SetIteratorNext, iterator, []);
          if (step.done) break;
          if (++work > MAX_WORK) throw tooComplex();
          add(node.items, snap(step.value, depth + 1));
        }
        return;
      }
      if (kind === 'arraybuffer' || kind === 'dataview' || kind === 'typed') node.bytes = bytesOf(value, kind);
      if (kind === 'error') {
        node.message = safeGet(value, 'message');
        node.name = safeGet(value, 'name');
      }
      let skip = 0;
      if (kind === 'array') {
        // Elements by index (a hole stays a hole); only the other own keys go through the generic path.
        const length = value.length;
        work += length;
        if (work > MAX_WORK) throw tooComplex();
        const items = list();
        let present = 0;
        for (let i = 0; i < length; i++) {
          if (ObjectHasOwn(value, i)) {
            items[i] = snap(value[i], depth + 1);
            present++;
          } else {
            items[i] = HOLE;
          }
        }
        node.length = length;
        node.items = items;
        node.present = present;
        skip = present;
      }
      // Own properties, in the order jest visits them: string keys (indices first), then symbols. An
      // array's own keys start with its present indices, in order: those were read above.
      const keys = ReflectOwnKeys(value);
      const symbols = list();
      work += keys.length - skip;
      if (work > MAX_WORK) throw tooComplex();
      for (let i = skip; i < keys.length; i++) {
        const key = keys[i];
        const descriptor = ReflectGetOwnPropertyDescriptor(value, key);
        if (descriptor === undefined) continue;
        if (descriptor.enumerable) {
          if (typeof key === 'symbol') add(symbols, key);
          else add(node.keys, key);
          node.own[key] = snap(value[key], depth + 1);
        } else if (ObjectHasOwn(descriptor, 'value')) {
          node.own[key] = snap(descriptor.value, depth + 1);
        } else {
          node.own[key] = undefined;
        }
      }
      for (let i = 0; i < symbols.length; i++) add(node.keys, symbols[i]);
      if (kind === 'object' && hasUserIterator(value, node.proto)) {
        node.iterable = true;
        node.items = iterateUser(value, depth);
        node.sizeValue = snap(safeGet(value, 'size'), depth + 1);
      }
    }
    function iterateUser(value: any, depth: number): any[] {
      const items = list();
      const iterator = callMethod(value, SymbolIterator, []);
      const next = safeGet(iterator, 'next');
      for (;;) {
        if (++work > MAX_WORK) throw tooComplex();
        const step = ReflectApply(next, iterator, []);
        if (!isObjectLike(step))
          throw makeError(TypeErrorCtor, 'Iterator result ' + describeValue(step) + ' is not an object');
        if (step.done) break;
        add(items, snap(step.value, depth + 1));
      }
      return items;
    }
    function bytesOf(value: any, kind: string): any[] {
      let buffer: any;
      let offset = 0;
      let length = 0;
      if (kind === 'arraybuffer') {
        buffer = value;
        length = ReflectApply(ArrayBufferByteLength, value, []);
      } else if (kind === 'dataview') {
        buffer = ReflectApply(DataViewBuffer, value, []);
        offset = ReflectApply(DataViewByteOffset, value, []);
        length = ReflectApply(DataViewByteLength, value, []);
      } else {
        buffer = ReflectApply(TypedArrayBuffer, value, []);
        offset = ReflectApply(TypedArrayByteOffset, value, []);
        length = ReflectApply(TypedArrayByteLength, value, []);
      }
      work += length;
      if (work > MAX_WORK) throw tooComplex();
      const bytes = list();
      const view = new DataViewCtor(buffer, offset, length);
      for (let i = 0; i < length; i++) bytes[i] = ReflectApply(DataViewGetUint8, view, [i]);
      return bytes;
    }
    return { __proto__: null, snap: (value: any) => snap(value, 0) };
  }

  function functionTag(fn: any): string {
    try {
      const proto = ReflectGetPrototypeOf(fn);
      const table = mapGet(intrinsicTable, proto);
      if (table !== undefined && ObjectHasOwn(table, SymbolToStringTag)) {
        const tag = readDescriptor(table[SymbolToStringTag], fn);
        if (typeof tag === 'string') return '[object ' + tag + ']';
      }
    } catch {
      // a Proxy
    }
    return '[object Function]';
  }

  /** `Symbol.toStringTag` of a plain or class object: own and user-prototype tags count, intrinsic ones are pristine. */
  function userTag(value: any): string {
    try {
      const tag = safeGet(value, SymbolToStringTag);
      if (typeof tag === 'string') return tag;
    } catch {
      // a throwing getter: jest would throw too, the generic tag is enough for us
    }
    return 'Object';
  }

  function hasUserIterator(value: any, first: any): boolean {
    if (ReflectGetOwnPropertyDescriptor(value, SymbolIterator) !== undefined)
      return typeof value[SymbolIterator] === 'function';
    let proto = first;
    let steps = 0;
    while (proto !== null && steps++ < 1000) {
      if (isIntrinsicPrototype(proto)) return false;
      const descriptor = ReflectGetOwnPropertyDescriptor(proto, SymbolIterator);
      if (descriptor !== undefined) return typeof readDescriptor(descriptor, value) === 'function';
      proto = ReflectGetPrototypeOf(proto);
    }
    return false;
  }

  function callMethod(value: any, key: any, args: any[]): any {
    const method = safeGet(value, key);
    if (typeof method !== 'function') throw makeError(TypeErrorCtor, describeValue(value) + ' is not iterable');
    return ReflectApply(method, value, args);
  }

  function isNode(value: any): boolean {
    return typeof value === 'object' && value !== null;
  }
  function jsTypeof(value: any): string {
    if (isNode(value))
      return value.kind === 'function' || (value.kind === 'asym' && typeof value.ref === 'function')
        ? 'function'
        : 'object';
    return typeof value;
  }
  function classNameOf(value: any): string {
    if (isNode(value)) return value.kind === 'asym' ? '[object Object]' : value.tag;
    if (value === null) return '[object Null]';
    switch (typeof value) {
      case 'undefined':
        return '[object Undefined]';
      case 'string':
        return '[object String]';
      case 'number':
        return '[object Number]';
      case 'boolean':
        return '[object Boolean]';
      case 'bigint':
        return '[object BigInt]';
      case 'symbol':
        return '[object Symbol]';
      default:
        return '[object Object]';
    }
  }
  /** `value instanceof <the class of proto>` for a snapshot value, checked on the live object. */
  function chainHas(node: any, proto: any): boolean {
    return isNode(node) && node.ref !== null && chainIncludes(node.ref, proto);
  }
  function isErrorNode(value: any): boolean {
    return isNode(value) && value.kind !== 'asym' && value.isError === true;
  }
  function isArrayNode(value: any): boolean {
    return isNode(value) && value.kind === 'array';
  }
  function isViewNode(value: any): boolean {
    return isNode(value) && (value.kind === 'typed' || value.kind === 'dataview');
  }
  function isAsym(value: any): boolean {
    return isNode(value) && value.kind === 'asym';
  }
  function hasKey(node: any, key: any): boolean {
    return isNode(node) && node.kind !== 'asym' && ObjectHasOwn(node.own, key);
  }
  function valueAt(node: any, key: any): any {
    return hasKey(node, key) ? node.own[key] : undefined;
  }
  /** The "type" jest compares with `a.constructor === b.constructor`: the prototype, read without patchable lookups. */
  function typeOf(value: any): any {
    if (isNode(value)) return value.proto;
    return primitivePrototype(value);
  }

  // ---- equality: a port of @jest/expect-utils (jasmineUtils.equals and the testers) over snapshots --------
  // Testers are records: { t: 'iterable', aStack, bStack } | { t: 'type' } | { t: 'sparse' } | { t: 'buffer' } | { t: 'subset', seen }.
  function equals(a: any, b: any, testers: any[], strictCheck: boolean, ctx: any): boolean {
    return eq(a, b, list(), list(), testers, strictCheck, ctx);
  }

  function eq(a: any, b: any, aStack: any[], bStack: any[], testers: any[], strictCheck: boolean, ctx: any): boolean {
    let result = true;
    const asymA = isAsym(a);
    const asymB = isAsym(b);
    if (asymA && !asymB) return asymmetricMatch(a, b, ctx);
    if (asymB && !asymA) return asymmetricMatch(b, a, ctx);
    for (let i = 0; i < testers.length; i++) {
      const tested = runTester(testers[i], a, b, testers, ctx);
      if (tested !== undefined) return tested;
    }
    if (isErrorNode(a) && isErrorNode(b)) return a.message === b.message;
    if (ObjectIs(a, b)) return true;
    if (a === null || b === null) return false;
    const className = classNameOf(a);
    if (className !== classNameOf(b)) return false;
    switch (className) {
      case '[object Boolean]':
      case '[object String]':
      case '[object Number]':
        if (jsTypeof(a) !== jsTypeof(b)) return false;
        if (jsTypeof(a) !== 'object' && jsTypeof(b) !== 'object') return false;
        return ObjectIs(a.prim, b.prim);
      case '[object Date]':
        return a.time === b.time;
      case '[object RegExp]':
        return a.source === b.source && a.flags === b.flags;
    }
    if (jsTypeof(a) !== 'object' || jsTypeof(b) !== 'object') return false;
    let length = aStack.length;
    while (length--) {
      if (aStack[length] === a) return bStack[length] === b;
      else if (bStack[length] === b) return false;
    }
    add(aStack, a);
    add(bStack, b);
    if (strictCheck && className === '[object Array]' && a.length !== b.length) return false;
    if (className === '[object Array]' && a.items !== undefined && b.items !== undefined) {
      if (!eqArrays(a, b, aStack, bStack, testers, strictCheck, ctx)) return false;
      aStack.length = aStack.length - 1;
      bStack.length = bStack.length - 1;
      return true;
    }
    const aKeys = listFrom(a.keys);
    const bKeys = listFrom(b.keys);
    if (!strictCheck) {
      for (let index = 0; index !== bKeys.length; ++index) {
        const key = bKeys[index];
        const bValue = valueAt(b, key);
        if ((isAsym(bValue) || bValue === undefined) && !hasKey(a, key)) add(aKeys, key);
      }
      for (let index = 0; index !== aKeys.length; ++index) {
        const key = aKeys[index];
        const aValue = valueAt(a, key);
        if ((isAsym(aValue) || aValue === undefined) && !hasKey(b, key)) add(bKeys, key);
      }
    }
    let size = aKeys.length;
    if (bKeys.length !== size) return false;
    while (size--) {
      const key = aKeys[size];
      const aValue = valueAt(a, key);
      if (strictCheck)
        result = hasKey(b, key) && eq(aValue, valueAt(b, key), aStack, bStack, testers, strictCheck, ctx);
      else
        result =
          (hasKey(b, key) || isAsym(aValue) || aValue === undefined) &&
          eq(aValue, valueAt(b, key), aStack, bStack, testers, strictCheck, ctx);
      if (!result) return false;
    }
    aStack.length = aStack.length - 1;
    bStack.length = bStack.length - 1;
    return result;
  }

  function arrayHas(node: any, index: number): boolean {
    return index < node.length && node.items[index] !== HOLE;
  }
  function arrayAt(node: any, index: number): any {
    return arrayHas(node, index) ? node.items[index] : undefined;
  }
  /**
   * jest's key-by-key comparison of two arrays (indices, then other enumerable keys), without turning
   * every index into a string key: the same keys take part, with the same undefined and hole rules.
   */
  function eqArrays(a: any, b: any, aStack: any[], bStack: any[], testers: any[], strict: boolean, ctx: any): boolean {
    let aCount = a.present + a.keys.length;
    let bCount = b.present + b.keys.length;
    if (!strict) {
      // Keys whose value is undefined (or an asymmetric matcher) count as present on the other side.
      for (let i = 0; i < b.length; i++) {
        if (arrayHas(b, i) && !arrayHas(a, i) && (isAsym(b.items[i]) || b.items[i] === undefined)) aCount++;
      }
      for (let k = 0; k < b.keys.length; k++) {
        const value = b.own[b.keys[k]];
        if ((isAsym(value) || value === undefined) && !hasKey(a, b.keys[k])) aCount++;
      }
      for (let i = 0; i < a.length; i++) {
        if (arrayHas(a, i) && !arrayHas(b, i) && (isAsym(a.items[i]) || a.items[i] === undefined)) bCount++;
      }
      for (let k = 0; k < a.keys.length; k++) {
        const value = a.own[a.keys[k]];
        if ((isAsym(value) || value === undefined) && !hasKey(b, a.keys[k])) bCount++;
      }
    }
    if (aCount !== bCount) return false;
    for (let i = 0; i < a.length; i++) {
      if (!arrayHas(a, i)) continue;
      const aValue = a.items[i];
      const bHas = arrayHas(b, i);
      if (strict) {
        if (!bHas || !eq(aValue, b.items[i], aStack, bStack, testers, strict, ctx)) return false;
      } else if (!(
        (bHas || isAsym(aValue) || aValue === undefined) &&
        eq(aValue, arrayAt(b, i), aStack, bStack, testers, strict, ctx)
      )) {
        return false;
      }
    }
    for (let k = 0; k < a.keys.length; k++) {
      const key = a.keys[k];
      const aValue = a.own[key];
      if (strict) {
        if (!hasKey(b, key) || !eq(aValue, valueAt(b, key), aStack, bStack, testers, strict, ctx)) return false;
      } else if (!(
        (hasKey(b, key) || isAsym(aValue) || aValue === undefined) &&
        eq(aValue, valueAt(b, key), aStack, bStack, testers, strict, ctx)
      )) {
        return false;
      }
    }
    if (!strict) {
      // The keys jest added to a's list from b: missing in a, so compared as undefined.
      for (let i = 0; i < b.length; i++) {
        if (!arrayHas(b, i) || arrayHas(a, i)) continue;
        const bValue = b.items[i];
        if ((isAsym(bValue) || bValue === undefined) && !eq(undefined, bValue, aStack, bStack, testers, strict, ctx))
          return false;
      }
      for (let k = 0; k < b.keys.length; k++) {
        const key = b.keys[k];
        const bValue = b.own[key];
        if (
          (isAsym(bValue) || bValue === undefined) &&
          !hasKey(a, key) &&
          !eq(undefined, bValue, aStack, bStack, testers, strict, ctx)
        )
          return false;
      }
    }
    return true;
  }

  function runTester(tester: any, a: any, b: any, testers: any[], ctx: any): boolean | undefined {
    switch (tester.t) {
      case 'iterable':
        return iterableEquality(a, b, testers, tester.aStack, tester.bStack, ctx);
      case 'type':
        return typeEquality(a, b);
      case 'sparse':
        return sparseArrayEquality(a, b, testers, ctx);
      case 'buffer':
        return arrayBufferEquality(a, b);
      case 'subset':
        return subsetEquality(a, b, testers, tester.seen, ctx);
      default:
        return undefined;
    }
  }
  function without(testers: any[], t: string): any[] {
    const out = list();
    for (let i = 0; i < testers.length; i++) if (testers[i].t !== t) add(out, testers[i]);
    return out;
  }
  function tester(t: string, aStack: any, bStack: any, seen: any): any {
    const record = newRecord();
    record.t = t;
    record.aStack = aStack;
    record.bStack = bStack;
    record.seen = seen;
    return record;
  }
  function testersOf(names: string[]): any[] {
    const out = list();
    for (let i = 0; i < names.length; i++) {
      if (names[i] === 'iterable') add(out, tester('iterable', list(), list(), null));
      else if (names[i] === 'subset') add(out, tester('subset', null, null, newMap()));
      else add(out, tester(names[i], null, null, null));
    }
    return out;
  }

  function iterableEquality(
    a: any,
    b: any,
    testers: any[],
    aStack: any[],
    bStack: any[],
    ctx: any,
  ): boolean | undefined {
    // jest's `typeof a !== 'object'` lets null through, then finds no iterator on it: not iterable either way.
    if (!isNode(a) || !isNode(b) || jsTypeof(a) !== 'object' || jsTypeof(b) !== 'object' || isAsym(a) || isAsym(b))
      return undefined;
    if (isArrayNode(a) || isArrayNode(b) || isViewNode(a) || isViewNode(b)) return undefined;
    const aIterable = a.kind === 'map' || a.kind === 'set' || a.iterable === true;
    const bIterable = b.kind === 'map' || b.kind === 'set' || b.iterable === true;
    if (!aIterable || !bIterable) return undefined;
    if (typeOf(a) !== typeOf(b)) return false;
    let length = aStack.length;
    while (length--) {
      if (aStack[length] === a) return bStack[length] === b;
    }
    const nextAStack = listFrom(aStack);
    const nextBStack = listFrom(bStack);
    add(nextAStack, a);
    add(nextBStack, b);
    const filtered = without(testers, 'iterable');
    add(filtered, tester('iterable', nextAStack, nextBStack, null));
    const aSize = a.kind === 'map' || a.kind === 'set' ? a.size : a.sizeValue;
    const bSize = b.kind === 'map' || b.kind === 'set' ? b.size : b.sizeValue;
    if (aSize !== undefined) {
      if (aSize !== bSize) return false;
      if (a.kind === 'set') {
        if (b.kind !== 'set') return false;
        for (let i = 0; i < a.items.length; i++) {
          const aValue = a.items[i];
          if (!setHas(b.items, aValue)) {
            let has = false;
            for (let j = 0; j < b.items.length; j++) {
              if (equals(aValue, b.items[j], filtered, false, ctx) === true) has = true;
            }
            if (!has) return false;
          }
        }
        return true;
      }
      if (a.kind === 'map') {
        if (b.kind !== 'map') return false;
        for (let i = 0; i < a.entries.length; i++) {
          const aEntry = a.entries[i];
          const bEntry = mapEntry(b.entries, aEntry[0]);
          if (bEntry === undefined || !equals(aEntry[1], bEntry[1], filtered, false, ctx)) {
            let has = false;
            for (let j = 0; j < b.entries.length; j++) {
              const candidate = b.entries[j];
              if (
                equals(aEntry[0], candidate[0], filtered, false, ctx) === true &&
                equals(aEntry[1], candidate[1], filtered, false, ctx) === true
              )
                has = true;
            }
            if (!has) return false;
          }
        }
        return true;
      }
    }
    const aItems = a.kind === 'map' ? entryNodes(a) : a.items;
    const bItems = b.kind === 'map' ? entryNodes(b) : b.items;
    for (let i = 0; i < aItems.length; i++) {
      if (i >= bItems.length || !equals(aItems[i], bItems[i], filtered, false, ctx)) return false;
    }
    if (bItems.length > aItems.length) return false;
    if (!equals(ownEntries(a), ownEntries(b), list(), false, ctx)) return false;
    return true;
  }
  function sameValueZero(x: any, y: any): boolean {
    return x === y || (x !== x && y !== y);
  }
  function setHas(items: any[], value: any): boolean {
    for (let i = 0; i < items.length; i++) if (sameValueZero(items[i], value)) return true;
    return false;
  }
  function mapEntry(entries: any[], key: any): any {
    for (let i = 0; i < entries.length; i++) if (sameValueZero(entries[i][0], key)) return entries[i];
    return undefined;
  }
  /** A synthetic array node (for comparing lists the way jest compares arrays it built). */
  function arrayNode(items: any[]): any {
    const node = newRecord();
    node.ref = null;
    node.kind = 'array';
    node.tag = '[object Array]';
    node.keys = list();
    node.own = dict();
    node.own.length = items.length;
    node.proto = ArrayPrototype;
    node.isError = false;
    node.length = items.length;
    node.items = listFrom(items);
    node.present = items.length;
    return node;
  }

  function entryNodes(mapNode: any): any[] {
    const items = list();
    for (let i = 0; i < mapNode.entries.length; i++) add(items, arrayNode(mapNode.entries[i]));
    return items;
  }
  function ownEntries(node: any): any {
    const pairs = list();
    for (let i = 0; i < node.keys.length; i++) {
      const key = node.keys[i];
      if (typeof key === 'symbol' && key !== SymbolIterator) add(pairs, arrayNode([key, node.own[key]]));
    }
    for (let i = 0; i < node.keys.length; i++) {
      const key = node.keys[i];
      if (typeof key === 'string') add(pairs, arrayNode([key, node.own[key]]));
    }
    return arrayNode(pairs);
  }

  function typeEquality(a: any, b: any): boolean | undefined {
    if (a === null || a === undefined || b === null || b === undefined) return undefined;
    if (isAsym(a) || isAsym(b)) return undefined;
    if (typeOf(a) === typeOf(b) || (isArrayNode(a) && isArrayNode(b))) return undefined;
    return false;
  }

  function sparseArrayEquality(a: any, b: any, testers: any[], ctx: any): boolean | undefined {
    if (!isArrayNode(a) || !isArrayNode(b)) return undefined;
    if (!equals(a, b, without(testers, 'sparse'), true, ctx)) return false;
    // Object.keys(a) equals Object.keys(b): the same present indices, then the same other string keys.
    const length = a.length > b.length ? a.length : b.length;
    for (let i = 0; i < length; i++) if (arrayHas(a, i) !== arrayHas(b, i)) return false;
    const aKeys = stringKeys(a);
    const bKeys = stringKeys(b);
    if (aKeys.length !== bKeys.length) return false;
    for (let i = 0; i < aKeys.length; i++) if (aKeys[i] !== bKeys[i]) return false;
    return true;
  }
  function stringKeys(node: any): any[] {
    const keys = list();
    for (let i = 0; i < node.keys.length; i++) if (typeof node.keys[i] === 'string') add(keys, node.keys[i]);
    return keys;
  }

  function arrayBufferEquality(a: any, b: any): boolean | undefined {
    if (!isNode(a) || !isNode(b)) return undefined;
    const aBuffer = a.kind === 'arraybuffer';
    const bBuffer = b.kind === 'arraybuffer';
    if (!((aBuffer && bBuffer) || (isViewNode(a) && isViewNode(b)))) return undefined;
    if (a.bytes.length !== b.bytes.length) return false;
    for (let i = 0; i < a.bytes.length; i++) if (a.bytes[i] !== b.bytes[i]) return false;
    return true;
  }

  function isObjectWithKeys(value: any): boolean {
    return (
      isNode(value) &&
      jsTypeof(value) === 'object' &&
      !isAsym(value) &&
      !isErrorNode(value) &&
      value.kind !== 'array' &&
      value.kind !== 'date' &&
      value.kind !== 'set' &&
      value.kind !== 'map'
    );
  }
  /** hasPropertyInObject: own or inherited (stopping at Object.prototype), read from the live object. */
  function property(has: boolean, value: any): any {
    const result = newRecord();
    result.has = has;
    result.value = value;
    return result;
  }
  function propertyOf(node: any, key: any, ctx: any, stopAtObject: boolean): any {
    if (!isNode(node) || node.kind === 'asym') return property(false, undefined);
    if (hasKey(node, key)) return property(true, node.own[key]);
    if (node.ref === null || !safeHas(node.ref, key, stopAtObject)) return property(false, undefined);
    return property(true, ctx.session.snap(safeGet(node.ref, key)));
  }
  function subsetEquality(object: any, subset: any, testers: any[], seen: any, ctx: any): boolean | undefined {
    if (!isObjectWithKeys(subset)) return undefined;
    if (mapHas(seen, subset)) return undefined;
    mapSet(seen, subset, true);
    const filtered = without(testers, 'subset');
    let matched = true;
    for (let i = 0; i < subset.keys.length; i++) {
      const key = subset.keys[i];
      const subValue = subset.own[key];
      let result: boolean;
      if (isObjectWithKeys(subValue) && mapHas(seen, subValue)) {
        result = equals(propertyOf(object, key, ctx, true).value, subValue, filtered, false, ctx);
      } else {
        const property = propertyOf(object, key, ctx, true);
        const next = listFrom(filtered);
        add(next, tester('subset', null, null, seen));
        result =
          object !== null && object !== undefined && property.has && equals(property.value, subValue, next, false, ctx);
      }
      ReflectApply(MapDelete, seen, [subValue]);
      if (!result) {
        matched = false;
        break;
      }
    }
    ReflectApply(MapDelete, seen, [subset]);
    return matched;
  }

  // ---- asymmetric matchers ---------------------------------------------------------------------------------
  function asymmetricMatch(matcher: any, other: any, ctx: any): boolean {
    const record = matcher.asym;
    const sample = matcher.sample;
    let result: boolean;
    switch (record.type) {
      case 'any':
        return anyMatch(record.sample, other);
      case 'anything':
        return other !== null && other !== undefined;
      case 'arrayContaining': {
        if (!isArrayNode(sample))
          throw makeError(
            TypeErrorCtor,
            'You must provide an array to ' + asymName(record) + ", not '" + jsTypeof(sample) + "'.",
          );
        result =
          sample.length === 0 ||
          (isArrayNode(other) &&
            everyItem(sample, (item: any) =>
              someItem(other, (another: any) => equals(item, another, list(), false, ctx)),
            ));
        break;
      }
      case 'arrayOf':
        result = isArrayNode(other) && everyItem(other, (item: any) => equals(sample, item, list(), false, ctx));
        break;
      case 'objectContaining': {
        if (jsTypeof(sample) !== 'object')
          throw makeError(
            TypeErrorCtor,
            'You must provide an object to ' + asymName(record) + ", not '" + jsTypeof(sample) + "'.",
          );
        if (jsTypeof(other) !== 'object' || isArrayNode(other) || other === null) {
          result = false;
          break;
        }
        result = true;
        for (let i = 0; i < sample.keys.length; i++) {
          const key = sample.keys[i];
          const property = propertyOf(other, key, ctx, false);
          if (!property.has || !equals(sample.own[key], property.value, list(), false, ctx)) {
            result = false;
            break;
          }
        }
        break;
      }
      case 'stringContaining':
        result = typeof other === 'string' && indexOf(other, record.sample) !== -1;
        break;
      case 'stringMatching':
        result = typeof other === 'string' && regexpTest(record.regex, other);
        break;
      case 'closeTo':
        if (typeof other !== 'number') {
          result = false;
          break;
        }
        if (other === Infinity && record.sample === Infinity) result = true;
        else if (other === -Infinity && record.sample === -Infinity) result = true;
        else result = MathAbs(record.sample - other) < MathPow(10, -record.precision) / 2;
        break;
      default:
        result = false;
    }
    return record.inverse ? !result : result;
  }
  function everyItem(node: any, test: (item: any) => boolean): boolean {
    for (let i = 0; i < node.length; i++) if (!test(arrayAt(node, i))) return false;
    return true;
  }
  function someItem(node: any, test: (item: any) => boolean): boolean {
    for (let i = 0; i < node.length; i++) if (test(arrayAt(node, i))) return true;
    return false;
  }
  function anyMatch(Ctor: any, other: any): boolean {
    const type = jsTypeof(other);
    if (Ctor === StringCtor) return type === 'string' || chainHas(other, StringPrototype);
    if (Ctor === NumberCtor) return type === 'number' || chainHas(other, NumberPrototype);
    if (Ctor === FunctionCtor) return type === 'function' || chainHas(other, FunctionPrototype);
    if (Ctor === BooleanCtor) return type === 'boolean' || chainHas(other, BooleanPrototype);
    if (Ctor === BigIntCtor) return type === 'bigint' || chainHas(other, BigIntPrototype);
    if (Ctor === SymbolCtor) return type === 'symbol' || chainHas(other, SymbolPrototype);
    if (Ctor === O) return type === 'object';
    if (Ctor === ArrayCtor) return isArrayNode(other);
    return isNode(other) && other.ref !== null && instanceOf(other.ref, Ctor);
  }
  function asymName(record: any): string {
    switch (record.type) {
      case 'any':
        return 'Any';
      case 'anything':
        return 'Anything';
      case 'arrayContaining':
        return 'Array' + (record.inverse ? 'Not' : '') + 'Containing';
      case 'arrayOf':
        return (record.inverse ? 'Not' : '') + 'ArrayOf';
      case 'objectContaining':
        return 'Object' + (record.inverse ? 'Not' : '') + 'Containing';
      case 'stringContaining':
        return 'String' + (record.inverse ? 'Not' : '') + 'Containing';
      case 'stringMatching':
        return 'String' + (record.inverse ? 'Not' : '') + 'Matching';
      case 'closeTo':
        return 'Number' + (record.inverse ? 'Not' : '') + 'CloseTo';
      default:
        return 'Asymmetric';
    }
  }
  function makeAsymmetric(type: string, sample: any, inverse: boolean, extra?: any): any {
    const matcher: any = {};
    ReflectDefineProperty(matcher, 'asymmetricMatch', {
      value: function asymmetricMatch(other: any) {
        const session = snapshotSession();
        const ctx = { __proto__: null, session };
        return asymmetricMatch2(session.snap(matcher), session.snap(other), ctx);
      },
      enumerable: false,
    });
    const record: any = {
      __proto__: null,
      type,
      sample,
      inverse,
      snapshotSample: type !== 'any' && type !== 'stringMatching' && type !== 'stringContaining' && type !== 'closeTo',
    };
    if (extra !== undefined) {
      const keys = ReflectOwnKeys(extra);
      for (let i = 0; i < keys.length; i++) record[keys[i]] = extra[keys[i]];
    }
    ReflectApply(WeakMapSet, asymmetricMatchers, [matcher, record]);
    return ObjectFreeze(matcher);
  }
  function asymmetricMatch2(matcherNode: any, otherNode: any, ctx: any): boolean {
    return asymmetricMatch(matcherNode, otherNode, ctx);
  }

  // ---- printing: jest's `stringify` (pretty-format, min) over snapshots -------------------------------------
  function printString(text: string): string {
    let out = '"';
    let start = 0;
    for (let i = 0; i < text.length; i++) {
      const c = ReflectApply(StringCharCodeAt, text, [i]);
      if (c === 34 || c === 92) {
        out += slice(text, start, i) + '\\';
        start = i;
      }
    }
    return out + slice(text, start) + '"';
  }
  function printNumber(value: number): string {
    return ObjectIs(value, -0) ? '-0' : '' + value;
  }
  function printSymbol(value: any): string {
    try {
      return ReflectApply(SymbolToString, value, []);
    } catch {
      return 'Symbol()';
    }
  }
  function printPrimitive(value: any): string {
    switch (typeof value) {
      case 'string':
        return printString(value);
      case 'number':
        return printNumber(value);
      case 'bigint':
        return '' + value + 'n';
      case 'boolean':
        return value ? 'true' : 'false';
      case 'undefined':
        return 'undefined';
      case 'symbol':
        return printSymbol(value);
      default:
        return value === null ? 'null' : '[unknown]';
    }
  }
  function constructorName(node: any): string {
    const proto = node.proto;
    if (proto === null || proto === undefined) return 'Object';
    try {
      const table = mapGet(intrinsicTable, proto);
      const descriptor =
        table !== undefined ? table.constructor : ReflectGetOwnPropertyDescriptor(proto, 'constructor');
      if (descriptor !== undefined && ObjectHasOwn(descriptor, 'value') && typeof descriptor.value === 'function') {
        const name = functionName(descriptor.value);
        return name === '' ? 'Object' : name;
      }
    } catch {
      // Proxy
    }
    return 'Object';
  }
  function sortKeys(keys: any[]): any[] {
    const strings = list();
    const symbols = list();
    for (let i = 0; i < keys.length; i++) add(typeof keys[i] === 'symbol' ? symbols : strings, keys[i]);
    // insertion sort by UTF-16 code units, as Array.prototype.sort() does
    for (let i = 1; i < strings.length; i++) {
      const key = strings[i];
      let j = i - 1;
      while (j >= 0 && strings[j] > key) {
        strings[j + 1] = strings[j];
        j--;
      }
      strings[j + 1] = key;
    }
    for (let i = 0; i < symbols.length; i++) add(strings, symbols[i]);
    return strings;
  }
  const PRINT_MAX_DEPTH = 10;
  const PRINT_MAX_WIDTH = 10;
  const PRINT_MAX_LENGTH = 10000;
  function print(value: any): string {
    let depth = PRINT_MAX_DEPTH;
    let text = printWith(value, depth);
    while (text.length >= PRINT_MAX_LENGTH && depth > 1) {
      depth = depth >> 1;
      text = printWith(value, depth);
    }
    return cap(text, 20000);
  }
  function printWith(value: any, maxDepth: number): string {
    const refs = list();
    let budget = 40000;
    function inner(v: any, depth: number): string {
      if (--budget < 0) return '…';
      if (!isNode(v)) return printPrimitive(v);
      switch (v.kind) {
        case 'asym':
          return printAsym(v, depth);
        case 'function': {
          const name = v.ref === null ? '' : functionName(v.ref);
          return '[Function ' + (name === '' ? 'anonymous' : name) + ']';
        }
        case 'date':
          if (v.time !== v.time) return 'Date { NaN }';
          try {
            return ReflectApply(DateToISOString, v.ref, []);
          } catch {
            return 'Date { NaN }';
          }
        case 'regexp':
          return '/' + v.source + '/' + v.flags;
        case 'error':
          return '[' + errorToString(v) + ']';
        default:
          break;
      }
      for (let i = 0; i < refs.length; i++) if (refs[i] === v) return '[Circular]';
      const hitMaxDepth = depth >= maxDepth;
      add(refs, v);
      try {
        switch (v.kind) {
          case 'array':
          case 'typed': {
            if (hitMaxDepth) return '[' + (v.kind === 'array' ? 'Array' : v.typedName) + ']';
            const length = v.kind === 'array' ? v.length : v.bytes === undefined ? 0 : countIndexKeys(v);
            let out = '';
            for (let i = 0; i < length; i++) {
              if (i >= PRINT_MAX_WIDTH) {
                out += ', …';
                break;
              }
              const key = '' + i;
              const present = v.kind === 'array' ? arrayHas(v, i) : hasKey(v, key);
              out +=
                (i === 0 ? '' : ', ') + (present ? inner(v.kind === 'array' ? v.items[i] : v.own[key], depth + 1) : '');
            }
            return '[' + out + ']';
          }
          case 'map': {
            if (hitMaxDepth) return '[Map]';
            let out = '';
            for (let i = 0; i < v.entries.length; i++) {
              if (i >= PRINT_MAX_WIDTH) {
                out += ', …';
                break;
              }
              out +=
                (i === 0 ? '' : ', ') + inner(v.entries[i][0], depth + 1) + ' => ' + inner(v.entries[i][1], depth + 1);
            }
            return 'Map {' + out + '}';
          }
          case 'set': {
            if (hitMaxDepth) return '[Set]';
            let out = '';
            for (let i = 0; i < v.items.length; i++) {
              if (i >= PRINT_MAX_WIDTH) {
                out += ', …';
                break;
              }
              out += (i === 0 ? '' : ', ') + inner(v.items[i], depth + 1);
            }
            return 'Set {' + out + '}';
          }
          case 'arraybuffer':
          case 'dataview': {
            let out = '';
            for (let i = 0; i < v.bytes.length && i < PRINT_MAX_WIDTH; i++) out += (i === 0 ? '' : ', ') + v.bytes[i];
            return '[' + out + (v.bytes.length > PRINT_MAX_WIDTH ? ', …' : '') + ']';
          }
          case 'weakmap':
            return 'WeakMap {}';
          case 'weakset':
            return 'WeakSet {}';
          default: {
            if (v.tag === '[object Promise]') return 'Promise {}';
            if (hitMaxDepth) return '[' + constructorName(v) + ']';
            const keys = sortKeys(v.keys);
            let out = '';
            for (let i = 0; i < keys.length; i++) {
              const key = keys[i];
              out +=
                (i === 0 ? '' : ', ') +
                (typeof key === 'symbol' ? printSymbol(key) : printString(key)) +
                ': ' +
                inner(v.own[key], depth + 1);
            }
            return '{' + out + '}';
          }
        }
      } finally {
        refs.length = refs.length - 1;
      }
    }
    function printAsym(v: any, depth: number): string {
      const record = v.asym;
      const name = asymName(record);
      switch (record.type) {
        case 'any':
          return 'Any<' + anyName(record.sample) + '>';
        case 'anything':
          return 'Anything';
        case 'stringContaining':
          return name + ' ' + printString(record.sample);
        case 'stringMatching':
          return name + ' /' + regexpSource(record.regex) + '/' + regexpFlags(record.regex);
        case 'closeTo':
          return (
            name +
            ' ' +
            printNumber(record.sample) +
            ' (' +
            record.precision +
            ' digit' +
            (record.precision === 1 ? '' : 's') +
            ')'
          );
        default:
          return name + ' ' + inner(v.sample, depth);
      }
    }
    return inner(value, 0);
  }
  function countIndexKeys(node: any): number {
    let count = 0;
    while (hasKey(node, '' + count)) count++;
    return count;
  }
  function anyName(Ctor: any): string {
    const name = typeof Ctor === 'function' ? functionName(Ctor) : '';
    return name === '' ? '<anonymous>' : name;
  }
  function errorToString(node: any): string {
    const name =
      node.name === undefined ? 'Error' : typeof node.name === 'string' ? node.name : printPrimitive(node.name);
    const message =
      node.message === undefined ? '' : typeof node.message === 'string' ? node.message : printPrimitive(node.message);
    if (name === '') return message;
    if (message === '') return name;
    return name + ': ' + message;
  }
  /** Prints any live value (used for thrown values and test titles): snapshot first, never throws. */
  function describeValue(value: any): string {
    try {
      return print(snapshotSession().snap(value));
    } catch {
      return isObjectLike(value) ? '[uninspectable ' + typeof value + ']' : printPrimitive(value);
    }
  }

  // ---- failures ---------------------------------------------------------------------------------------------
  // A failure record: { kind: 'assertion' | 'error' | 'timeout', message, expected?, received?, errorName? }
  const ownErrors = new WeakMapCtor(); // assertion errors the runtime threw -> their (already recorded) records
  const MESSAGE_LIMIT = 8192;

  function failure(kind: string, message: string, extra?: any): any {
    const record: any = { __proto__: null, kind, message: cap(message, MESSAGE_LIMIT) };
    if (extra !== undefined) {
      if (typeof extra.expected === 'string') record.expected = cap(extra.expected, MESSAGE_LIMIT);
      if (typeof extra.received === 'string') record.received = cap(extra.received, MESSAGE_LIMIT);
    }
    return record;
  }
  /** Describes a thrown value without running its `toString`: real errors by their own descriptors. */
  function thrownFailure(error: any): any {
    if (!isObjectLike(error)) {
      return failure('error', 'thrown: ' + (typeof error === 'string' ? printString(error) : printPrimitive(error)), {
        __proto__: null,
      });
    }
    let name = 'Error';
    let message = '';
    let isError = false;
    try {
      isError = chainIncludes(error, ErrorPrototype);
      if (isError) {
        const ownMessage = ReflectGetOwnPropertyDescriptor(error, 'message');
        if (ownMessage !== undefined && ObjectHasOwn(ownMessage, 'value') && typeof ownMessage.value === 'string')
          message = ownMessage.value;
        name = plainErrorName(error);
      }
    } catch {
      isError = false;
    }
    if (!isError) return failure('error', 'thrown: ' + describeValue(error));
    const record = failure('error', name + (message === '' ? '' : ': ' + message));
    record.errorName = name;
    return record;
  }
  /** An error's `name` from data properties only (own, the candidate's classes, or pristine intrinsics). */
  function plainErrorName(error: any): string {
    let target = error;
    let steps = 0;
    while (target !== null && steps++ < 100) {
      const table = mapGet(intrinsicTable, target);
      const descriptor = table !== undefined ? table.name : ReflectGetOwnPropertyDescriptor(target, 'name');
      if (descriptor !== undefined) {
        return ObjectHasOwn(descriptor, 'value') && typeof descriptor.value === 'string'
          ? cap(descriptor.value, 200)
          : 'Error';
      }
      target = ReflectGetPrototypeOf(target);
    }
    return 'Error';
  }

  // ---- the test tree -----------------------------------------------------------------------------------------
  let phase = 'boot'; // boot -> solution -> collect -> run
  const root: any = makeBlock('ROOT_DESCRIBE_BLOCK', null, undefined);
  let currentBlock = root;
  let hasFocusedTests = false;
  let defaultTimeout = 5000;
  const tests = list(); // every test, in definition order
  let program: any[] = list(); // steps: { type: 'beforeAll' | 'afterAll', block, hook } | { type: 'test', test }
  let position = 0;
  const outbox = list(); // events for the host
  let running: any = null; // the step in progress
  let currentTest: any = null; // the test whose hooks or body are running
  let currentOwner: any = null; // where assertion failures go: a test, or a beforeAll/afterAll run
  const modules = newMap(); // path -> { factory, exports, loaded }
  let solutionExports: any = undefined;
  let solutionName = 'solution';
  const unhandled = list();

  function makeBlock(name: string, parent: any, mode: any): any {
    return {
      __proto__: null,
      type: 'describeBlock',
      name,
      parent,
      mode: mode === undefined && parent !== null ? parent.mode : mode,
      children: list(),
      hooks: list(),
    };
  }
  function descriptorToString(name: any): string {
    if (typeof name === 'string') return name;
    if (typeof name === 'number' || name === undefined) return '' + name;
    if (typeof name === 'function') {
      const fnName = functionName(name);
      if (fnName !== '') return fnName;
    }
    throw makeError(
      ErrorCtor,
      'Invalid first argument, ' +
        describeValue(name) +
        '. It must be a named class, named function, number, or string.',
    );
  }
  function refuseRegistration(what: string): void {
    if (phase === 'boot' || phase === 'solution') {
      throw makeError(
        ErrorCtor,
        'Tests, hooks and describe blocks can only be defined by the spec file (' +
          what +
          ' was called while the solution loaded)',
      );
    }
  }
  function registrationDuringRun(message: string): boolean {
    if (phase !== 'run') return false;
    if (currentTest !== null) add(currentTest.errors, failure('error', message));
    else add(unhandled, message);
    return true;
  }

  function dispatchDescribe(name: any, fn: any, mode: any): void {
    refuseRegistration('describe');
    const title = descriptorToString(name);
    if (
      registrationDuringRun(
        'Cannot nest a describe inside a test. Describe block "' +
          title +
          '" cannot run because it is nested within "' +
          (currentTest === null ? '' : currentTest.name) +
          '".',
      )
    )
      return;
    if (fn === undefined) throw makeError(ErrorCtor, 'Missing second argument. It must be a callback function.');
    if (typeof fn !== 'function')
      throw makeError(ErrorCtor, 'Invalid second argument, ' + describeValue(fn) + '. It must be a callback function.');
    const block = makeBlock(title, currentBlock, mode);
    add(currentBlock.children, block);
    currentBlock = block;
    const returned = ReflectApply(fn, undefined, []);
    if (isThenable(returned))
      throw makeError(
        ErrorCtor,
        'Returning a Promise from "describe" is not supported. Tests must be defined synchronously.',
      );
    if (returned !== undefined) throw makeError(ErrorCtor, 'A "describe" callback must not return a value.');
    finishDescribe(block);
  }
  function finishDescribe(block: any): void {
    let hasOnlyTest = false;
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i];
      if (child.type === 'test' && child.mode === 'only') hasOnlyTest = true;
    }
    const passMode = !(block.mode === 'only' && hasOnlyTest);
    if (passMode) {
      for (let i = 0; i < block.children.length; i++) {
        const child = block.children[i];
        if (child.type === 'test' && child.mode === undefined) child.mode = block.mode;
      }
    }
    if (!hasFocusedTests && block.mode !== 'skip' && hasOnlyTest) hasFocusedTests = true;
    if (block.parent !== null) currentBlock = block.parent;
  }
  function addTest(name: any, mode: any, fn: any, timeout: any): void {
    refuseRegistration('test');
    const title = descriptorToString(name);
    if (
      registrationDuringRun(
        'Tests cannot be nested. Test "' +
          title +
          '" cannot run because it is nested within "' +
          (currentTest === null ? '' : currentTest.name) +
          '".',
      )
    )
      return;
    if (fn === undefined) throw makeError(ErrorCtor, 'Missing second argument. It must be a callback function.');
    if (typeof fn !== 'function')
      throw makeError(ErrorCtor, 'Invalid second argument, ' + describeValue(fn) + '. It must be a callback function.');
    const test: any = {
      __proto__: null,
      type: 'test',
      name: title,
      fn,
      mode,
      timeout: typeof timeout === 'number' ? timeout : undefined,
      parent: currentBlock,
      errors: list(),
      index: tests.length,
      status: null,
      assertionCalls: 0,
      privateAssertionCalls: 0,
      countPrivate: false,
      expectedAssertions: null,
      expectingAssertions: false,
      pendingAsync: 0,
      context: dict(),
    };
    if (currentBlock.mode !== 'skip' && mode === 'only') hasFocusedTests = true;
    add(currentBlock.children, test);
    add(tests, test);
  }
  function addHook(type: string, fn: any, timeout: any): void {
    refuseRegistration(type);
    if (
      registrationDuringRun(
        'Hooks cannot be defined inside tests. Hook of type "' +
          type +
          '" is nested within "' +
          (currentTest === null ? '' : currentTest.name) +
          '".',
      )
    )
      return;
    if (typeof fn !== 'function') throw makeError(ErrorCtor, 'Invalid first argument. It must be a callback function.');
    add(currentBlock.hooks, {
      __proto__: null,
      type,
      fn,
      timeout: typeof timeout === 'number' ? timeout : undefined,
      parent: currentBlock,
    });
  }

  // ---- .each: a port of jest-each's array tables (tagged template tables are not supported) ----------------
  const PLACEHOLDERS = '#Odfijops';
  const ESCAPE_MARK = '@@__JEST_EACH_PLACEHOLDER_ESCAPE__@@';
  function isObjectRow(value: any): boolean {
    return value !== null && value !== undefined && typeof value === 'object';
  }
  function hasPlaceholder(title: string): boolean {
    return firstPlaceholder(title) >= 0;
  }
  function firstPlaceholder(title: string): number {
    for (let i = 0; i < title.length - 1; i++) {
      if (ReflectApply(StringCharCodeAt, title, [i]) === 37 && indexOf(PLACEHOLDERS, slice(title, i + 1, i + 2)) >= 0)
        return i;
    }
    return -1;
  }
  function replaceFirst(text: string, search: string, replacement: string): string {
    const at = indexOf(text, search);
    return at < 0 ? text : slice(text, 0, at) + replacement + slice(text, at + search.length);
  }
  function eachCases(title: string, table: any): any[] {
    if (!ArrayIsArray(table))
      throw makeError(ErrorCtor, '`.each` must be called with an Array or Tagged Template Literal.');
    const rows = listFrom(table);
    let allArrays = true;
    let allObjects = true;
    for (let i = 0; i < rows.length; i++) {
      if (!ArrayIsArray(rows[i])) allArrays = false;
      if (!isObjectRow(rows[i])) allObjects = false;
    }
    const cases = list();
    const escaped = replaceAll(title, '%%', ESCAPE_MARK);
    if (!hasPlaceholder(escaped) && !allArrays && allObjects) {
      for (let i = 0; i < rows.length; i++) {
        add(cases, {
          __proto__: null,
          args: listFrom([rows[i]]),
          title: replaceAll(interpolateVariables(title, rows[i], i), '%%', '%'),
        });
      }
      return cases;
    }
    for (let i = 0; i < rows.length; i++) {
      const row = allArrays ? listFrom(rows[i]) : listFrom([rows[i]]);
      add(cases, { __proto__: null, args: row, title: formatEachTitle(escaped, row, i) });
    }
    return cases;
  }
  function formatEachTitle(escaped: string, row: any[], index: number): string {
    let text = replaceFirst(replaceFirst(escaped, '%#', '' + index), '%$', '' + (index + 1));
    for (let i = 0; i < row.length; i++) {
      const at = firstPlaceholder(text);
      if (at < 0) break;
      const value = typeof row[i] === 'string' ? replaceAll(row[i], '%', ESCAPE_MARK) : row[i];
      text = slice(text, 0, at) + formatPlaceholder(slice(text, at + 1, at + 2), value) + slice(text, at + 2);
    }
    return replaceAll(text, ESCAPE_MARK, '%');
  }
  const NumberParseInt = NumberCtor.parseInt;
  const NumberParseFloat = NumberCtor.parseFloat;
  /** util.format's placeholders for one value (%p and %j as jest-each renders them). */
  function formatPlaceholder(kind: string, value: any): string {
    switch (kind) {
      case 'p':
        return printDepth(value, 1);
      case 'j':
        try {
          const text = JSONStringify(value, (_key: any, entry: any) =>
            typeof entry === 'bigint' ? '' + entry + 'n' : entry,
          );
          return typeof text === 'string' ? text : 'undefined';
        } catch {
          return '[Circular]';
        }
      case 's':
        if (typeof value === 'string') return value;
        if (typeof value === 'bigint') return '' + value + 'n';
        if (typeof value === 'symbol') return printSymbol(value);
        if (typeof value === 'number') return printNumber(value);
        return isObjectLike(value) ? inspect(value, 0) : printPrimitive(value);
      case 'd':
        if (typeof value === 'bigint') return '' + value + 'n';
        if (typeof value === 'symbol' || isObjectLike(value)) return 'NaN';
        return printNumber(NumberCtor(value));
      case 'i':
        if (typeof value === 'bigint') return '' + value + 'n';
        if (typeof value === 'symbol') return 'NaN';
        return printNumber(NumberParseInt(isObjectLike(value) ? 'NaN' : StringCtor(value)));
      case 'f':
        if (typeof value === 'symbol') return 'NaN';
        return printNumber(NumberParseFloat(isObjectLike(value) ? 'NaN' : StringCtor(value)));
      case 'o':
      case 'O':
        return isObjectLike(value)
          ? inspect(value, 2)
          : typeof value === 'string'
            ? "'" + value + "'"
            : printPrimitive(value);
      default:
        return '%' + kind;
    }
  }
  /** A small `util.inspect` for test titles: `{ a: 1, b: 'x' }`, `[ 1, 2 ]`. */
  function inspect(value: any, depth: number): string {
    try {
      return inspectNode(snapshotSession().snap(value), depth, list());
    } catch {
      return '[Object]';
    }
  }
  function inspectNode(v: any, depth: number, seen: any[]): string {
    if (!isNode(v)) return typeof v === 'string' ? "'" + v + "'" : printPrimitive(v);
    if (v.kind === 'function')
      return '[Function: ' + (v.ref === null ? 'anonymous' : functionName(v.ref) || 'anonymous') + ']';
    for (let i = 0; i < seen.length; i++) if (seen[i] === v) return '[Circular *1]';
    const isArray = v.kind === 'array';
    if (depth < 0) return isArray ? '[Array]' : '[Object]';
    add(seen, v);
    let out = '';
    if (isArray) {
      for (let i = 0; i < v.length && i < 100; i++)
        out += (i === 0 ? '' : ', ') + (arrayHas(v, i) ? inspectNode(v.items[i], depth - 1, seen) : '<1 empty item>');
    }
    for (let i = 0; i < v.keys.length && i < 100; i++) {
      const key = v.keys[i];
      const shown = (typeof key === 'symbol' ? '[' + printSymbol(key) + ']' : key) + ': ';
      out += (out === '' ? '' : ', ') + shown + inspectNode(v.own[key], depth - 1, seen);
    }
    seen.length = seen.length - 1;
    if (isArray) return out === '' ? '[]' : '[ ' + out + ' ]';
    return out === '' ? '{}' : '{ ' + out + ' }';
  }
  function printDepth(value: any, maxDepth: number): string {
    try {
      return printWith(snapshotSession().snap(value), maxDepth);
    } catch {
      return '[uninspectable]';
    }
  }
  function interpolateVariables(title: string, template: any, index: number): string {
    let keys = list();
    try {
      const own = ReflectOwnKeys(template);
      for (let i = 0; i < own.length; i++) {
        const key = own[i];
        if (typeof key !== 'string' || key.length === 0) continue;
        const descriptor = ReflectGetOwnPropertyDescriptor(template, key);
        if (descriptor !== undefined && descriptor.enumerable) add(keys, key);
      }
    } catch {
      keys = list();
    }
    // longest first, so an overlapping key like `ab` wins over `a`
    for (let i = 1; i < keys.length; i++) {
      const key = keys[i];
      let j = i - 1;
      while (j >= 0 && keys[j].length < key.length) {
        keys[j + 1] = keys[j];
        j--;
      }
      keys[j + 1] = key;
    }
    let out = title;
    if (keys.length > 0) {
      out = '';
      let i = 0;
      while (i < title.length) {
        if (ReflectApply(StringCharCodeAt, title, [i]) !== 36) {
          out += slice(title, i, i + 1);
          i++;
          continue;
        }
        let matched = '';
        for (let k = 0; k < keys.length; k++) {
          if (slice(title, i + 1, i + 1 + keys[k].length) === keys[k]) {
            matched = keys[k];
            break;
          }
        }
        if (matched === '') {
          out += '$';
          i++;
          continue;
        }
        let end = i + 1 + matched.length;
        while (end < title.length) {
          const c = ReflectApply(StringCharCodeAt, title, [end]);
          const word = (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 46;
          if (!word) break;
          end++;
        }
        const value = eachPath(template, splitDots(slice(title, i + 1, end)), 0);
        out +=
          value === null || (typeof value !== 'object' && typeof value !== 'function')
            ? typeof value === 'symbol'
              ? printSymbol(value)
              : StringCtor(value)
            : printDepth(value, 1);
        i = end;
      }
    }
    return replaceFirst(out, '$#', '' + index);
  }
  function splitDots(path: string): any[] {
    const parts = list();
    let start = 0;
    for (let i = 0; i <= path.length; i++) {
      if (i === path.length || ReflectApply(StringCharCodeAt, path, [i]) === 46) {
        add(parts, slice(path, start, i));
        start = i + 1;
      }
    }
    return parts;
  }
  function eachPath(template: any, path: any[], at: number): any {
    if (template === null) return 'null';
    if (template === undefined) return 'undefined';
    const head = path[at];
    if (!head || !isObjectLike(template) || ReflectGetOwnPropertyDescriptor(template, head) === undefined)
      return template;
    return eachPath(template[head], path, at + 1);
  }
  function replaceAll(text: string, search: string, replacement: string): string {
    let out = '';
    let start = 0;
    for (;;) {
      const at = indexOf(text, search, start);
      if (at < 0) return out + slice(text, start);
      out += slice(text, start, at) + replacement;
      start = at + search.length;
    }
  }
  function makeEach(register: (title: string, fn: any, timeout: any) => void): any {
    return function each(table: any) {
      return function (title: any, fn: any, timeout: any) {
        const cases = eachCases(descriptorToString(title), table);
        for (let i = 0; i < cases.length; i++) {
          const args = cases[i].args;
          register(
            cases[i].title,
            typeof fn === 'function'
              ? function (this: any) {
                  return ReflectApply(fn, this, args);
                }
              : fn,
            timeout,
          );
        }
      };
    };
  }

  // ---- expect ------------------------------------------------------------------------------------------------
  function matcherHint(name: string, isNot: boolean, promise: string, expectedArg: string): string {
    return (
      'expect(received).' +
      (promise === '' ? '' : promise + '.') +
      (isNot ? 'not.' : '') +
      name +
      '(' +
      expectedArg +
      ')'
    );
  }
  function assertionFailed(text: string, expected?: string, received?: string): any {
    const error = makeError(ErrorCtor, text);
    ReflectDefineProperty(error, 'name', {
      value: 'JestAssertionError',
      writable: true,
      configurable: true,
      enumerable: false,
    });
    const record = failure('assertion', text, { expected, received });
    return { __proto__: null, error, record };
  }
  function lazy(value: any): any {
    return typeof value === 'function' ? value() : value;
  }
  /** A thunk that prints a snapshot once, on first use (messages are only built for failures). */
  function printer(snapValue: any): () => string {
    let text: any = null;
    return () => {
      if (text === null) text = print(snapValue);
      return text;
    };
  }
  function recordFailure(record: any): void {
    if (currentOwner !== null) add(currentOwner.errors, record);
    else add(unhandled, record.message);
  }
  /**
   * Counts a matcher call for expect.assertions/hasAssertions. Calls through the spec's private `expect`
   * (imported from '@jest/globals') are counted apart: the candidate can reach the global `expect` and
   * make extra calls, but not the private one.
   */
  function countAssertion(isPrivate: boolean): void {
    if (currentOwner === null || currentOwner.type !== 'test') return;
    currentOwner.assertionCalls++;
    if (isPrivate) currentOwner.privateAssertionCalls++;
  }

  /**
   * One matcher call: `decide(received)` returns { pass, message(), expected?, received? } or throws a
   * matcher error. Failures are recorded first, then thrown, so catching the error changes nothing.
   */
  function runMatcher(
    name: string,
    isNot: boolean,
    promise: string,
    received: any,
    decide: (received: any) => any,
    isPrivate: boolean,
  ): void {
    countAssertion(isPrivate);
    let outcome: any;
    try {
      outcome = decide(received);
    } catch (error) {
      if (isObjectLike(error) && ReflectApply(WeakMapHas, ownErrors, [error])) throw error;
      const detail = matcherErrorText(error);
      const failed = assertionFailed(matcherHint(name, isNot, promise, 'expected') + '\n\n' + detail);
      recordFailure(failed.record);
      ReflectApply(WeakMapSet, ownErrors, [failed.error, failed.record]);
      throw failed.error;
    }
    if (outcome.pass === isNot) {
      const text = outcome.message();
      const failed = assertionFailed(text, lazy(outcome.expected), lazy(outcome.received));
      recordFailure(failed.record);
      ReflectApply(WeakMapSet, ownErrors, [failed.error, failed.record]);
      throw failed.error;
    }
  }
  function matcherErrorText(error: any): string {
    if (isObjectLike(error) && ReflectApply(WeakMapHas, matcherErrors, [error]))
      return ReflectApply(WeakMapGet, matcherErrors, [error]);
    const record = thrownFailure(error);
    return record.message;
  }
  const matcherErrors = new WeakMapCtor(); // errors thrown by our matchers for bad arguments -> their text
  function matcherError(hint: string, problem: string, detail: string): any {
    const text = hint + '\n\nMatcher error: ' + problem + (detail === '' ? '' : '\n\n' + detail);
    const error = makeError(ErrorCtor, text);
    ReflectApply(WeakMapSet, matcherErrors, [error, text]);
    return error;
  }
  function printWithType(label: string, value: any, snap: any): string {
    const printed = print(snap);
    if (value === null || value === undefined) return label + ' has value: ' + printed;
    return label + ' has type:  ' + typeName(value) + '\n' + label + ' has value: ' + printed;
  }
  function typeName(value: any): string {
    if (value === null) return 'null';
    if (ArrayIsArray(value)) return 'array';
    if (typeof value === 'function') return 'function';
    if (typeof value === 'object') {
      if (isRegExp(value)) return 'regexp';
      try {
        ReflectApply(MapSize, value, []);
        return 'map';
      } catch {}
      try {
        ReflectApply(SetSize, value, []);
        return 'set';
      } catch {}
      try {
        ReflectApply(DateGetTime, value, []);
        return 'date';
      } catch {}
      return 'object';
    }
    return typeof value;
  }

  function isThenable(value: any): boolean {
    if (!isObjectLike(value)) return false;
    try {
      return typeof safeGet(value, 'then') === 'function';
    } catch {
      return false;
    }
  }
  /**
   * Calls back when `value` (a promise or thenable) settles. Native promises are observed with the
   * captured `then`; reactions run only when the promise really settles, whatever `constructor` says.
   */
  function whenSettled(value: any, onFulfilled: (v: any) => void, onRejected: (e: any) => void): void {
    let settled = false;
    const ok = (v: any) => {
      if (settled) return;
      settled = true;
      onFulfilled(v);
    };
    const bad = (e: any) => {
      if (settled) return;
      settled = true;
      onRejected(e);
    };
    try {
      ReflectApply(PromiseThen, value, [ok, bad]);
      return;
    } catch (error) {
      // Not a native promise (the brand check failed), or a native one whose patched species threw. The
      // latter must fail: falling back to its (patchable) `then` would let the candidate report success.
      let nativeLooking = true;
      try {
        nativeLooking = chainIncludes(value, PromisePrototype);
      } catch {
        nativeLooking = true;
      }
      if (nativeLooking) {
        bad(error);
        return;
      }
    }
    try {
      const then = safeGet(value, 'then');
      ReflectApply(then, value, [ok, bad]);
    } catch (error) {
      bad(error);
    }
  }
  function deferred(): any {
    const record: any = { __proto__: null, resolve: null, reject: null, promise: null };
    record.promise = new PromiseCtor((resolve: any, reject: any) => {
      record.resolve = resolve;
      record.reject = reject;
    });
    return record;
  }
  function later(fn: () => void): void {
    ReflectApply(PromiseThen, new PromiseCtor((resolve: any) => resolve(undefined)), [fn]);
  }

  function ensureNoExpected(name: string, isNot: boolean, promise: string, args: any): void {
    if (args.length > 0 && args[0] !== undefined) {
      const session = snapshotSession();
      throw matcherError(
        matcherHint(name, isNot, promise, ''),
        'this matcher must not have an expected argument',
        printWithType('Expected', args[0], session.snap(args[0])),
      );
    }
  }
  function ensureNumbers(name: string, isNot: boolean, promise: string, received: any, expected: any): void {
    const session = snapshotSession();
    if (typeof received !== 'number' && typeof received !== 'bigint') {
      throw matcherError(
        matcherHint(name, isNot, promise, 'expected'),
        'received value must be a number or bigint',
        printWithType('Received', received, session.snap(received)),
      );
    }
    if (typeof expected !== 'number' && typeof expected !== 'bigint') {
      throw matcherError(
        matcherHint(name, isNot, promise, 'expected'),
        'expected value must be a number or bigint',
        printWithType('Expected', expected, session.snap(expected)),
      );
    }
  }

  function equalityMessage(
    name: string,
    comment: string,
    isNot: boolean,
    promise: string,
    pass: boolean,
    expectedSnap: any,
    receivedSnap: any,
  ): any {
    const expectedText = printer(expectedSnap);
    const receivedText = printer(receivedSnap);
    return {
      __proto__: null,
      pass,
      expected: expectedText,
      received: receivedText,
      message: () =>
        matcherHint(name, isNot, promise, 'expected') +
        (comment === '' ? '' : ' // ' + comment) +
        '\n\n' +
        (pass
          ? 'Expected: not ' +
            expectedText() +
            (expectedText() === receivedText() ? '' : '\nReceived:     ' + receivedText())
          : 'Expected: ' + expectedText() + '\nReceived: ' + receivedText()),
    };
  }

  /** The matchers: each returns a function(received, args, isNot, promise) that calls runMatcher. */
  const matchers: any = { __proto__: null };
  function defineMatcher(
    name: string,
    decide: (received: any, args: any, isNot: boolean, promise: string) => any,
  ): void {
    matchers[name] = decide;
  }

  defineMatcher('toBe', (received, args, isNot, promise) => {
    const expected = args[0];
    const pass = ObjectIs(received, expected);
    const session = snapshotSession();
    const r = () => session.snap(received);
    const e = () => session.snap(expected);
    const expectedText = () => print(e());
    const receivedText = () => print(r());
    return {
      __proto__: null,
      pass,
      expected: expectedText,
      received: receivedText,
      message: () => {
        let hint = '';
        if (!pass) {
          const ctx = { __proto__: null, session };
          const eSnap = e();
          if (!(isNode(eSnap) && (eSnap.kind === 'map' || eSnap.kind === 'set'))) {
            try {
              if (equals(r(), eSnap, testersOf(['iterable', 'type', 'sparse', 'buffer']), true, ctx))
                hint = 'toStrictEqual';
              else if (equals(r(), eSnap, testersOf(['iterable']), false, ctx)) hint = 'toEqual';
            } catch {}
          }
        }
        return (
          matcherHint('toBe', isNot, promise, 'expected') +
          ' // Object.is equality\n\n' +
          (hint === '' ? '' : 'If it should pass with deep equality, replace "toBe" with "' + hint + '"\n\n') +
          (pass ? 'Expected: not ' + expectedText() : 'Expected: ' + expectedText() + '\nReceived: ' + receivedText())
        );
      },
    };
  });
  defineMatcher('toEqual', (received, args, isNot, promise) => {
    const session = snapshotSession();
    const r = session.snap(received);
    const e = session.snap(args[0]);
    const pass = equals(r, e, testersOf(['iterable']), false, { __proto__: null, session });
    return equalityMessage('toEqual', 'deep equality', isNot, promise, pass, e, r);
  });
  defineMatcher('toStrictEqual', (received, args, isNot, promise) => {
    const session = snapshotSession();
    const r = session.snap(received);
    const e = session.snap(args[0]);
    const pass = equals(r, e, testersOf(['iterable', 'type', 'sparse', 'buffer']), true, { __proto__: null, session });
    return equalityMessage('toStrictEqual', 'deep equality', isNot, promise, pass, e, r);
  });
  defineMatcher('toMatchObject', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    if (typeof received !== 'object' || received === null) {
      throw matcherError(
        matcherHint('toMatchObject', isNot, promise, 'expected'),
        'received value must be a non-null object',
        printWithType('Received', received, session.snap(received)),
      );
    }
    if (typeof expected !== 'object' || expected === null) {
      throw matcherError(
        matcherHint('toMatchObject', isNot, promise, 'expected'),
        'expected value must be a non-null object',
        printWithType('Expected', expected, session.snap(expected)),
      );
    }
    const r = session.snap(received);
    const e = session.snap(expected);
    const pass = equals(r, e, testersOf(['iterable', 'subset']), false, { __proto__: null, session });
    return equalityMessage('toMatchObject', '', isNot, promise, pass, e, r);
  });
  defineMatcher('toBeCloseTo', (received, args, isNot, promise) => {
    const expected = args[0];
    const precision = args.length >= 2 && args[1] !== undefined ? args[1] : 2;
    const session = snapshotSession();
    const hint = matcherHint('toBeCloseTo', isNot, promise, args.length >= 2 ? 'expected, precision' : 'expected');
    if (typeof expected !== 'number')
      throw matcherError(
        hint,
        'expected value must be a number',
        printWithType('Expected', expected, session.snap(expected)),
      );
    if (typeof received !== 'number')
      throw matcherError(
        hint,
        'received value must be a number',
        printWithType('Received', received, session.snap(received)),
      );
    let pass: boolean;
    let expectedDiff = 0;
    let receivedDiff = 0;
    if (received === Infinity && expected === Infinity) pass = true;
    else if (received === -Infinity && expected === -Infinity) pass = true;
    else {
      expectedDiff = MathPow(10, -precision) / 2;
      receivedDiff = MathAbs(expected - received);
      pass = receivedDiff < expectedDiff;
    }
    return {
      __proto__: null,
      pass,
      expected: printNumber(expected),
      received: printNumber(received),
      message: () =>
        hint +
        '\n\n' +
        (pass ? 'Expected: not ' + printNumber(expected) + '\n' : 'Expected: ' + printNumber(expected) + '\n') +
        'Received: ' +
        printNumber(received) +
        '\n\nExpected precision:    ' +
        precision +
        '\nExpected difference: ' +
        (isNot ? '≥ ' : '< ') +
        printNumber(expectedDiff) +
        '\nReceived difference:   ' +
        printNumber(receivedDiff),
    };
  });
  function simple(name: string, expected: string, test: (received: any) => boolean): void {
    defineMatcher(name, (received, args, isNot, promise) => {
      ensureNoExpected(name, isNot, promise, args);
      const pass = test(received);
      const printed = () => describeValue(received);
      return {
        __proto__: null,
        pass,
        expected: (isNot ? 'not ' : '') + expected,
        received: printed,
        message: () => matcherHint(name, isNot, promise, '') + '\n\nReceived: ' + printed(),
      };
    });
  }
  simple('toBeNull', 'null', (received) => received === null);
  simple('toBeUndefined', 'undefined', (received) => received === undefined);
  simple('toBeDefined', 'defined', (received) => received !== undefined);
  simple('toBeTruthy', 'truthy', (received) => !!received);
  simple('toBeFalsy', 'falsy', (received) => !received);
  simple('toBeNaN', 'NaN', (received) => NumberIsNaN(received));
  function comparison(name: string, symbol: string, test: (received: any, expected: any) => boolean): void {
    defineMatcher(name, (received, args, isNot, promise) => {
      const expected = args[0];
      ensureNumbers(name, isNot, promise, received, expected);
      const pass = test(received, expected);
      const e = printPrimitive(expected);
      const r = printPrimitive(received);
      return {
        __proto__: null,
        pass,
        expected: symbol + ' ' + e,
        received: r,
        message: () =>
          matcherHint(name, isNot, promise, 'expected') +
          '\n\nExpected:' +
          (isNot ? ' not' : '') +
          ' ' +
          symbol +
          ' ' +
          e +
          '\nReceived:' +
          (isNot ? '    ' : '') +
          ' ' +
          (symbol.length === 2 ? '   ' : '  ') +
          r,
      };
    });
  }
  comparison('toBeGreaterThan', '>', (r, e) => r > e);
  comparison('toBeGreaterThanOrEqual', '>=', (r, e) => r >= e);
  comparison('toBeLessThan', '<', (r, e) => r < e);
  comparison('toBeLessThanOrEqual', '<=', (r, e) => r <= e);
  defineMatcher('toBeInstanceOf', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    if (typeof expected !== 'function') {
      throw matcherError(
        matcherHint('toBeInstanceOf', isNot, promise, 'expected'),
        'expected value must be a function',
        printWithType('Expected', expected, session.snap(expected)),
      );
    }
    const pass = instanceOf(received, expected);
    const expectedName = anyName(expected);
    let receivedName = '';
    try {
      if (isObjectLike(received)) receivedName = constructorName(session.snap(received));
    } catch {}
    return {
      __proto__: null,
      pass,
      expected: expectedName,
      received: () => (receivedName === '' ? describeValue(received) : receivedName),
      message: () =>
        matcherHint('toBeInstanceOf', isNot, promise, 'expected') +
        '\n\nExpected constructor: ' +
        (isNot ? 'not ' : '') +
        expectedName +
        '\n' +
        (isObjectLike(received)
          ? 'Received constructor: ' + receivedName
          : 'Received value has no prototype\nReceived value: ' + describeValue(received)),
    };
  });
  defineMatcher('toMatch', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    const hint = matcherHint('toMatch', isNot, promise, 'expected');
    if (typeof received !== 'string')
      throw matcherError(
        hint,
        'received value must be a string',
        printWithType('Received', received, session.snap(received)),
      );
    const regex = isRegExp(expected);
    if (typeof expected !== 'string' && !regex) {
      let hasTest = false;
      try {
        hasTest = isObjectLike(expected) && typeof safeGet(expected, 'test') === 'function';
      } catch {}
      if (!hasTest)
        throw matcherError(
          hint,
          'expected value must be a string or regular expression',
          printWithType('Expected', expected, session.snap(expected)),
        );
    }
    let pass: boolean;
    if (typeof expected === 'string') pass = indexOf(received, expected) !== -1;
    else if (regex) pass = regexpTest(expected, received);
    else pass = !!ReflectApply(safeGet(expected, 'test'), expected, [received]);
    const e = print(session.snap(expected));
    const r = printString(received);
    const label = typeof expected === 'string' ? 'substring' : 'pattern';
    return {
      __proto__: null,
      pass,
      expected: e,
      received: r,
      message: () =>
        hint +
        '\n\nExpected ' +
        label +
        ': ' +
        (isNot ? 'not ' : '') +
        e +
        '\nReceived string:' +
        (label === 'pattern' ? '  ' : '') +
        '  ' +
        r,
    };
  });
  /** The items of an iterable as jest's `[...received]` yields them, without the patchable array iterator. */
  function itemsOf(value: any): any[] {
    if (ArrayIsArray(value)) {
      const items = list();
      const length = value.length;
      for (let i = 0; i < length; i++) items[i] = ObjectHasOwn(value, i) ? value[i] : safeGet(value, i);
      return items;
    }
    if (typeof value === 'string') {
      const items = list();
      const iterator = ReflectApply(StringIterator, value, []);
      for (;;) {
        const step = ReflectApply(StringIteratorNext, iterator, []);
        if (step.done) break;
        add(items, step.value);
      }
      return items;
    }
    if (isObjectLike(value)) {
      let proto = ReflectGetPrototypeOf(value);
      let steps = 0;
      while (proto !== null && steps++ < 1000) {
        const kind = mapGet(intrinsicKinds, proto);
        if (kind === undefined) {
          proto = ReflectGetPrototypeOf(proto);
          continue;
        }
        try {
          if (kind === 'set') {
            const items = list();
            const iterator = ReflectApply(SetValues, value, []);
            for (;;) {
              const step = ReflectApply(SetIteratorNext, iterator, []);
              if (step.done) return items;
              add(items, step.value);
            }
          }
          if (kind === 'map') {
            const items = list();
            const iterator = ReflectApply(MapEntries, value, []);
            for (;;) {
              const step = ReflectApply(MapIteratorNext, iterator, []);
              if (step.done) return items;
              add(items, step.value);
            }
          }
          if (kind === 'typed') {
            const items = list();
            const length = ReflectApply(TypedArrayLength, value, []);
            for (let j = 0; j < length; j++) items[j] = value[j];
            return items;
          }
        } catch {}
        break;
      }
      const items = list();
      const iterator = callMethod(value, SymbolIterator, []);
      const next = safeGet(iterator, 'next');
      for (let n = 0; ; n++) {
        if (n > MAX_WORK) throw tooComplex();
        const step = ReflectApply(next, iterator, []);
        if (!isObjectLike(step))
          throw makeError(TypeErrorCtor, 'Iterator result ' + describeValue(step) + ' is not an object');
        if (step.done) break;
        add(items, step.value);
      }
      return items;
    }
    throw makeError(TypeErrorCtor, describeValue(value) + ' is not iterable');
  }
  defineMatcher('toContain', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    const hint = matcherHint('toContain', isNot, promise, 'expected');
    if (received === null || received === undefined) {
      throw matcherError(
        hint,
        'received value must not be null nor undefined',
        printWithType('Received', received, session.snap(received)),
      );
    }
    if (typeof received === 'string') {
      if (typeof expected !== 'string') {
        throw matcherError(
          hint,
          'expected value must be a string if received value is a string',
          printWithType('Expected', expected, session.snap(expected)) +
            '\n' +
            printWithType('Received', received, session.snap(received)),
        );
      }
      const pass = indexOf(received, expected) !== -1;
      const e = printString(expected);
      const r = printString(received);
      return {
        __proto__: null,
        pass,
        expected: e,
        received: r,
        message: () =>
          hint +
          '\n\nExpected substring: ' +
          (isNot ? 'not ' : '') +
          e +
          '\nReceived string:    ' +
          (isNot ? '    ' : '') +
          r,
      };
    }
    const items = itemsOf(received);
    let pass = false;
    for (let i = 0; i < items.length; i++) {
      if (items[i] === expected) {
        pass = true;
        break;
      }
    }
    const e = printer(session.snap(expected));
    const r = () => print(session.snap(received));
    return {
      __proto__: null,
      pass,
      expected: e,
      received: r,
      message: () =>
        hint +
        '\n\nExpected value: ' +
        (isNot ? 'not ' : '') +
        e() +
        '\nReceived ' +
        typeName(received) +
        ': ' +
        (isNot ? '    ' : '') +
        r(),
    };
  });
  defineMatcher('toContainEqual', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    const hint = matcherHint('toContainEqual', isNot, promise, 'expected');
    if (received === null || received === undefined) {
      throw matcherError(
        hint,
        'received value must not be null nor undefined',
        printWithType('Received', received, session.snap(received)),
      );
    }
    const items = itemsOf(received);
    const e = session.snap(expected);
    const ctx = { __proto__: null, session };
    let pass = false;
    for (let i = 0; i < items.length; i++) {
      if (equals(session.snap(items[i]), e, testersOf(['iterable']), false, ctx)) {
        pass = true;
        break;
      }
    }
    const eText = printer(e);
    const rText = () => print(session.snap(received));
    return {
      __proto__: null,
      pass,
      expected: eText,
      received: rText,
      message: () =>
        hint +
        ' // deep equality\n\nExpected value: ' +
        (isNot ? 'not ' : '') +
        eText() +
        '\nReceived ' +
        typeName(received) +
        ': ' +
        (isNot ? '    ' : '') +
        rText(),
    };
  });
  defineMatcher('toHaveLength', (received, args, isNot, promise) => {
    const expected = args[0];
    const session = snapshotSession();
    const hint = matcherHint('toHaveLength', isNot, promise, 'expected');
    let length: any;
    try {
      length = received === null || received === undefined ? undefined : safeGet(received, 'length');
    } catch {
      length = undefined;
    }
    if (typeof length !== 'number') {
      throw matcherError(
        hint,
        'received value must have a length property whose value must be a number',
        printWithType('Received', received, session.snap(received)),
      );
    }
    if (typeof expected !== 'number' || !NumberIsInteger(expected) || expected < 0) {
      throw matcherError(
        hint,
        'expected value must be a non-negative integer',
        printWithType('Expected', expected, session.snap(expected)),
      );
    }
    const pass = length === expected;
    const r = () => print(session.snap(received));
    return {
      __proto__: null,
      pass,
      expected: '' + expected,
      received: '' + length,
      message: () =>
        hint +
        '\n\nExpected length: ' +
        (isNot ? 'not ' : '') +
        expected +
        '\n' +
        (isNot ? '' : 'Received length: ' + length + '\n') +
        'Received ' +
        typeName(received) +
        ':  ' +
        (isNot ? '    ' : '') +
        r(),
    };
  });
  function pathAsArray(path: string): any[] {
    const parts = list();
    if (path === '') {
      add(parts, '');
      return parts;
    }
    // jest: /[^.[\]]+|(?=(?:\.)(?:\.|$))/g, plus a leading '' for a path starting with '.'
    if (ReflectApply(StringCharCodeAt, path, [0]) === 46) add(parts, '');
    let i = 0;
    while (i <= path.length) {
      if (i === path.length) break;
      const c = ReflectApply(StringCharCodeAt, path, [i]);
      if (c !== 46 && c !== 91 && c !== 93) {
        let j = i;
        while (j < path.length) {
          const d = ReflectApply(StringCharCodeAt, path, [j]);
          if (d === 46 || d === 91 || d === 93) break;
          j++;
        }
        add(parts, slice(path, i, j));
        i = j;
        continue;
      }
      if (c === 46) {
        const nextIsDotOrEnd = i + 1 === path.length || ReflectApply(StringCharCodeAt, path, [i + 1]) === 46;
        if (nextIsDotOrEnd) add(parts, '');
      }
      i++;
    }
    return parts;
  }
  function getPath(object: any, path: any[], from: number): any {
    if (from < path.length) {
      const lastProp = from === path.length - 1;
      const prop = path[from];
      const newObject = safeGet(object, prop);
      if (!lastProp && (newObject === null || newObject === undefined)) {
        return {
          __proto__: null,
          hasEndProp: false,
          lastTraversedObject: object,
          traversedPath: list(),
          endPropIsDefined: undefined,
          value: undefined,
        };
      }
      const result = getPath(newObject, path, from + 1);
      if (result.lastTraversedObject === null) result.lastTraversedObject = object;
      const traversed = list();
      add(traversed, prop);
      for (let i = 0; i < result.traversedPath.length; i++) add(traversed, result.traversedPath[i]);
      result.traversedPath = traversed;
      if (lastProp) {
        result.endPropIsDefined = isObjectLike(object) && safeHas(object, prop, false);
        result.hasEndProp = newObject !== undefined || result.endPropIsDefined;
        if (!result.hasEndProp) {
          const shifted = list();
          for (let i = 1; i < result.traversedPath.length; i++) add(shifted, result.traversedPath[i]);
          result.traversedPath = shifted;
        }
      }
      return result;
    }
    return {
      __proto__: null,
      lastTraversedObject: null,
      traversedPath: list(),
      value: object,
      hasEndProp: undefined,
      endPropIsDefined: undefined,
    };
  }
  defineMatcher('toHaveProperty', (received, args, isNot, promise) => {
    const expectedPath = args[0];
    const hasValue = args.length >= 2;
    const expectedValue = args[1];
    const session = snapshotSession();
    const hint = matcherHint('toHaveProperty', isNot, promise, hasValue ? 'path, value' : 'path');
    if (received === null || received === undefined) {
      throw matcherError(
        hint,
        'received value must not be null nor undefined',
        printWithType('Received', received, session.snap(received)),
      );
    }
    const pathIsArray = ArrayIsArray(expectedPath);
    if (typeof expectedPath !== 'string' && !pathIsArray) {
      throw matcherError(
        hint,
        'expected path must be a string or array',
        printWithType('Expected', expectedPath, session.snap(expectedPath)),
      );
    }
    const path = pathIsArray ? listFrom(expectedPath) : pathAsArray(expectedPath);
    if (pathIsArray && path.length === 0) {
      throw matcherError(
        hint,
        'expected path must not be an empty array',
        printWithType('Expected', expectedPath, session.snap(expectedPath)),
      );
    }
    const result = getPath(received, path, 0);
    const hasCompletePath = result.traversedPath.length === path.length;
    const receivedValue = hasCompletePath ? result.value : result.lastTraversedObject;
    const pass =
      hasValue && result.endPropIsDefined
        ? equals(session.snap(result.value), session.snap(expectedValue), testersOf(['iterable']), false, {
            __proto__: null,
            session,
          })
        : !!result.hasEndProp;
    const pathText = printer(session.snap(expectedPath));
    const e = hasValue ? printer(session.snap(expectedValue)) : pathText;
    const r = printer(session.snap(receivedValue));
    let traversedText = '';
    for (let i = 0; i < result.traversedPath.length; i++)
      traversedText += (i === 0 ? '' : '.') + result.traversedPath[i];
    return {
      __proto__: null,
      pass,
      expected: e,
      received: r,
      message: () =>
        hint +
        '\n\n' +
        (pass
          ? hasValue
            ? 'Expected path: ' +
              pathText() +
              '\n\nExpected value: not ' +
              e() +
              (e() === r() ? '' : '\nReceived value:     ' + r())
            : 'Expected path: not ' + pathText() + '\n\nReceived value: ' + r()
          : 'Expected path: ' +
            pathText() +
            '\n' +
            (hasCompletePath
              ? '\nExpected value: ' + e() + '\nReceived value: ' + r()
              : 'Received path: ' +
                (pathIsArray || result.traversedPath.length === 0
                  ? print(session.snap(result.traversedPath))
                  : printString(traversedText)) +
                '\n\n' +
                (hasValue ? 'Expected value: ' + e() + '\n' : '') +
                'Received value: ' +
                r())),
    };
  });

  // toThrow: the received function runs in the candidate's code, the thrown value is then inspected.
  function getThrown(error: any): any {
    const hasMessage = error !== null && error !== undefined && typeof safeGet(error, 'message') === 'string';
    if (hasMessage && typeof safeGet(error, 'name') === 'string' && typeof safeGet(error, 'stack') === 'string') {
      return { __proto__: null, hasMessage, isError: true, message: safeGet(error, 'message'), value: error };
    }
    return {
      __proto__: null,
      hasMessage,
      isError: false,
      message: hasMessage ? safeGet(error, 'message') : StringCtor(error),
      value: error,
    };
  }
  function messageAndCause(error: any, session: any): string {
    const cause = safeGet(error, 'cause');
    const message = safeGet(error, 'message');
    if (!cause) return typeof message === 'string' ? message : StringCtor(message);
    return '{"message": ' + print(session.snap(message)) + ', "cause": ' + print(session.snap(cause)) + '}';
  }
  function toThrowDecide(fromPromise: boolean) {
    return (received: any, args: any, isNot: boolean, promise: string) => {
      const expected = args[0];
      const session = snapshotSession();
      const hint = matcherHint('toThrow', isNot, promise, expected === undefined ? '' : 'expected');
      let thrown: any = null;
      if (fromPromise && chainIncludes(received, ErrorPrototype)) {
        thrown = getThrown(received);
      } else if (typeof received === 'function') {
        try {
          ReflectApply(received, undefined, []);
        } catch (error) {
          thrown = getThrown(error);
        }
      } else if (!fromPromise) {
        throw matcherError(
          hint,
          'received value must be a function',
          printWithType('Received', received, session.snap(received)),
        );
      }
      const thrownText = () =>
        thrown === null
          ? 'Received function did not throw'
          : thrown.hasMessage
            ? 'Received message: ' + printString(thrown.message)
            : 'Received value: ' + print(session.snap(thrown.value));
      const receivedText = () =>
        thrown === null
          ? 'did not throw'
          : thrown.hasMessage
            ? printString(thrown.message)
            : print(session.snap(thrown.value));
      let pass: boolean;
      let expectedText: string;
      let label: string;
      if (expected === undefined) {
        pass = thrown !== null;
        return {
          __proto__: null,
          pass,
          expected: 'to throw',
          received: receivedText,
          message: () =>
            hint +
            '\n\n' +
            (pass
              ? thrown.hasMessage
                ? 'Error name:    ' +
                  printString(thrownName(thrown)) +
                  '\nError message: ' +
                  printString(thrown.message)
                : 'Thrown value: ' + print(session.snap(thrown.value))
              : 'Received function did not throw'),
        };
      } else if (typeof expected === 'function') {
        pass = thrown !== null && instanceOf(thrown.value, expected);
        expectedText = anyName(expected);
        label = 'Expected constructor: ';
        let receivedCtor = '';
        if (thrown !== null && isObjectLike(thrown.value)) {
          try {
            receivedCtor = constructorName(session.snap(thrown.value));
          } catch {}
        }
        return {
          __proto__: null,
          pass,
          expected: expectedText,
          received: () => (receivedCtor === '' ? receivedText() : receivedCtor + ': ' + receivedText()),
          message: () =>
            hint +
            '\n\n' +
            label +
            (isNot ? 'not ' : '') +
            expectedText +
            '\n' +
            (receivedCtor === '' || receivedCtor === expectedText
              ? ''
              : 'Received constructor: ' + receivedCtor + '\n') +
            '\n' +
            thrownText(),
        };
      } else if (typeof expected === 'string') {
        pass = thrown !== null && indexOf(thrown.message, expected) !== -1;
        expectedText = printString(expected);
        label = 'Expected substring: ';
      } else if (isRegExp(expected)) {
        pass = thrown !== null && regexpTest(expected, thrown.message);
        expectedText = '/' + regexpSource(expected) + '/' + regexpFlags(expected);
        label = 'Expected pattern: ';
      } else if (expected !== null && isObjectLike(expected) && typeof safeGet(expected, 'test') === 'function') {
        pass = thrown !== null && !!ReflectApply(safeGet(expected, 'test'), expected, [thrown.message]);
        expectedText = print(session.snap(expected));
        label = 'Expected pattern: ';
      } else if (expected !== null && ReflectApply(WeakMapHas, asymmetricMatchers, [expected])) {
        const m = session.snap(expected);
        pass = thrown !== null && asymmetricMatch(m, session.snap(thrown.value), { __proto__: null, session });
        expectedText = print(m);
        label = 'Expected asymmetric matcher: ';
      } else if (expected !== null && typeof expected === 'object') {
        const expectedMessage = messageAndCause(expected, session);
        const thrownMessage = thrown === null ? null : messageAndCause(thrown.value, session);
        const compareInstances = thrown !== null && thrown.isError && instanceOf(expected, ErrorCtor);
        const expectedCtor = safeGet(expected, 'constructor');
        const customError = typeof expectedCtor === 'function' && functionName(expectedCtor) !== 'Error';
        pass =
          thrown !== null &&
          thrown.message === safeGet(expected, 'message') &&
          thrownMessage === expectedMessage &&
          (!compareInstances || !customError || instanceOf(thrown.value, expectedCtor));
        expectedText = printString(expectedMessage);
        label = 'Expected message: ';
      } else {
        throw matcherError(
          matcherHint('toThrow', isNot, promise, 'expected'),
          'expected value must be a string or regular expression or class or error',
          printWithType('Expected', expected, session.snap(expected)),
        );
      }
      const finalPass = pass;
      return {
        __proto__: null,
        pass: finalPass,
        expected: expectedText,
        received: receivedText,
        message: () => hint + '\n\n' + label + (isNot ? 'not ' : '') + expectedText + '\n' + thrownText(),
      };
    };
  }
  function thrownName(thrown: any): string {
    try {
      const name = safeGet(thrown.value, 'name');
      return typeof name === 'string' ? name : 'Error';
    } catch {
      return 'Error';
    }
  }
  // jest 30 removed the `toThrowError` alias (and the other deprecated aliases): a spec calling it fails.
  matchers.toThrow = toThrowDecide(false);

  function makeExpectation(actual: any, isPrivate: boolean): any {
    const expectation: any = { __proto__: null };
    const not: any = { __proto__: null };
    const resolves: any = { __proto__: null };
    const rejects: any = { __proto__: null };
    const resolvesNot: any = { __proto__: null };
    const rejectsNot: any = { __proto__: null };
    const names = ReflectOwnKeys(matchers);
    for (let i = 0; i < names.length; i++) {
      const name = names[i];
      const publicName = name;
      const decide = matchers[name];
      expectation[publicName] = function (...args: any[]) {
        runMatcher(publicName, false, '', actual, (received: any) => decide(received, args, false, ''), isPrivate);
      };
      not[publicName] = function (...args: any[]) {
        runMatcher(publicName, true, '', actual, (received: any) => decide(received, args, true, ''), isPrivate);
      };
      resolves[publicName] = promiseMatcher(name, actual, false, 'resolves', isPrivate);
      resolvesNot[publicName] = promiseMatcher(name, actual, true, 'resolves', isPrivate);
      rejects[publicName] = promiseMatcher(name, actual, false, 'rejects', isPrivate);
      rejectsNot[publicName] = promiseMatcher(name, actual, true, 'rejects', isPrivate);
    }
    resolves.not = ObjectFreeze(resolvesNot);
    rejects.not = ObjectFreeze(rejectsNot);
    expectation.not = ObjectFreeze(not);
    expectation.resolves = ObjectFreeze(resolves);
    expectation.rejects = ObjectFreeze(rejects);
    return ObjectFreeze(expectation);
  }
  /**
   * `.resolves`/`.rejects`: the returned promise settles after the assertion ran. The owner test counts it
   * as pending until then, so a test cannot finish (and pass) before an assertion it started has decided.
   */
  function promiseMatcher(name: string, actual: any, isNot: boolean, kind: string, isPrivate: boolean): any {
    return function (...args: any[]) {
      const owner = currentOwner;
      const publicName = name;
      let target: any;
      try {
        target = typeof actual === 'function' ? ReflectApply(actual, undefined, []) : actual;
      } catch (error) {
        countAssertion(isPrivate);
        const failed = assertionFailed(
          matcherHint(publicName, isNot, kind, '') + '\n\n' + thrownFailure(error).message,
        );
        recordFailure(failed.record);
        ReflectApply(WeakMapSet, ownErrors, [failed.error, failed.record]);
        throw failed.error;
      }
      if (!isThenable(target)) {
        countAssertion(isPrivate);
        const failed = assertionFailed(
          matcherHint(publicName, isNot, kind, '') +
            '\n\nMatcher error: received value must be a promise or a function returning a promise\n\n' +
            printWithType('Received', actual, snapshotSession().snap(actual)),
        );
        recordFailure(failed.record);
        ReflectApply(WeakMapSet, ownErrors, [failed.error, failed.record]);
        throw failed.error;
      }
      const result = deferred();
      if (owner !== null) owner.pendingAsync++;
      const finish = (error: any) => {
        if (owner !== null) {
          owner.pendingAsync--;
          asyncAssertionSettled(owner);
        }
        if (error === undefined) result.resolve(undefined);
        else result.reject(error);
      };
      const decide = matchers[name];
      const runInner = (value: any, fromPromise: boolean) => {
        const previous = currentOwner;
        currentOwner = owner;
        try {
          const inner = fromPromise && name === 'toThrow' ? toThrowDecide(true) : decide;
          runMatcher(publicName, isNot, kind, value, (received: any) => inner(received, args, isNot, kind), isPrivate);
          finish(undefined);
        } catch (error) {
          finish(error);
        } finally {
          currentOwner = previous;
        }
      };
      const wrongWay = (value: any, how: string) => {
        const previous = currentOwner;
        currentOwner = owner;
        try {
          countAssertion(isPrivate);
          const failed = assertionFailed(
            matcherHint(publicName, isNot, kind, '') +
              '\n\nReceived promise ' +
              how +
              '\n' +
              (how === 'rejected instead of resolved' ? 'Rejected to value: ' : 'Resolved to value: ') +
              describeValue(value),
          );
          recordFailure(failed.record);
          ReflectApply(WeakMapSet, ownErrors, [failed.error, failed.record]);
          finish(failed.error);
        } finally {
          currentOwner = previous;
        }
      };
      whenSettled(
        target,
        (value) => (kind === 'resolves' ? runInner(value, false) : wrongWay(value, 'resolved instead of rejected')),
        (error) => (kind === 'rejects' ? runInner(error, true) : wrongWay(error, 'rejected instead of resolved')),
      );
      return result.promise;
    };
  }

  function stringContaining(sample: any, inverse: boolean): any {
    if (typeof sample !== 'string') throw makeError(ErrorCtor, 'Expected is not a string');
    return makeAsymmetric('stringContaining', sample, inverse);
  }
  function stringMatching(sample: any, inverse: boolean): any {
    let regex: any;
    if (typeof sample === 'string') regex = new RegExpCtor(sample);
    else if (isRegExp(sample)) regex = new RegExpCtor(regexpSource(sample), regexpFlags(sample));
    else throw makeError(ErrorCtor, 'Expected is not a String or a RegExp');
    return makeAsymmetric('stringMatching', sample, inverse, { __proto__: null, regex });
  }
  function closeTo(sample: any, precision: any, inverse: boolean): any {
    if (typeof sample !== 'number') throw makeError(ErrorCtor, 'Expected is not a Number');
    const digits = precision === undefined ? 2 : precision;
    if (typeof digits !== 'number') throw makeError(ErrorCtor, 'Precision is not a Number');
    return makeAsymmetric('closeTo', sample, inverse, { __proto__: null, precision: digits });
  }
  function makeExpect(isPrivate: boolean): any {
    const expectFn: any = function expect(actual: any, ...rest: any[]) {
      if (rest.length > 0) throw makeError(ErrorCtor, 'Expect takes at most one argument.');
      return makeExpectation(actual, isPrivate);
    };
    expectFn.any = (sample: any) => {
      if (sample === undefined)
        throw makeError(
          TypeErrorCtor,
          'any() expects to be passed a constructor function. Please pass one or use anything() to match any object.',
        );
      return makeAsymmetric('any', sample, false);
    };
    expectFn.anything = () => makeAsymmetric('anything', undefined, false);
    expectFn.arrayContaining = (sample: any) => makeAsymmetric('arrayContaining', sample, false);
    expectFn.arrayOf = (sample: any) => makeAsymmetric('arrayOf', sample, false);
    expectFn.objectContaining = (sample: any) => makeAsymmetric('objectContaining', sample, false);
    expectFn.stringContaining = (sample: any) => stringContaining(sample, false);
    expectFn.stringMatching = (sample: any) => stringMatching(sample, false);
    expectFn.closeTo = (sample: any, precision: any) => closeTo(sample, precision, false);
    expectFn.not = ObjectFreeze({
      __proto__: null,
      arrayContaining: (sample: any) => makeAsymmetric('arrayContaining', sample, true),
      arrayOf: (sample: any) => makeAsymmetric('arrayOf', sample, true),
      objectContaining: (sample: any) => makeAsymmetric('objectContaining', sample, true),
      stringContaining: (sample: any) => stringContaining(sample, true),
      stringMatching: (sample: any) => stringMatching(sample, true),
      closeTo: (sample: any, precision: any) => closeTo(sample, precision, true),
    });
    expectFn.assertions = (count: any) => {
      if (currentOwner === null || currentOwner.type !== 'test') return;
      currentOwner.expectedAssertions = count;
      if (isPrivate) currentOwner.countPrivate = true;
    };
    expectFn.hasAssertions = () => {
      if (currentOwner === null || currentOwner.type !== 'test') return;
      currentOwner.expectingAssertions = true;
      if (isPrivate) currentOwner.countPrivate = true;
    };
    expectFn.extend = () => {
      throw makeError(ErrorCtor, 'expect.extend is not supported by the Assay spec harness');
    };
    return ObjectFreeze(expectFn);
  }
  /** The global `expect`, reachable by the candidate's code, and the one '@jest/globals' gives the spec. */
  const publicExpect = makeExpect(false);
  const privateExpect = makeExpect(true);

  // ---- jest's globals ------------------------------------------------------------------------------------------
  function freezeAll(fn: any): any {
    return ObjectFreeze(fn);
  }
  function describeWithMode(mode: any, name: string): any {
    const fn: any = function (title: any, body: any) {
      dispatchDescribe(title, body, mode);
    };
    ReflectDefineProperty(fn, 'name', { value: name });
    fn.each = makeEach((title, body) => dispatchDescribe(title, body, mode));
    return fn;
  }
  const describeOnly = freezeAll(describeWithMode('only', 'only'));
  const describeSkip = freezeAll(describeWithMode('skip', 'skip'));
  const describeFn: any = describeWithMode(undefined, 'describe');
  describeFn.only = describeOnly;
  describeFn.skip = describeSkip;
  freezeAll(describeFn);

  function testWithMode(mode: any, name: string): any {
    const fn: any = function (title: any, body: any, timeout: any) {
      addTest(title, mode, body, timeout);
    };
    ReflectDefineProperty(fn, 'name', { value: name });
    fn.each = makeEach((title, body, timeout) => addTest(title, mode, body, timeout));
    return fn;
  }
  const testOnly = freezeAll(testWithMode('only', 'only'));
  const testSkip = freezeAll(testWithMode('skip', 'skip'));
  const testFn: any = testWithMode(undefined, 'test');
  testFn.only = testOnly;
  testFn.skip = testSkip;
  testFn.todo = freezeAll(function todo(title: any, ...rest: any[]) {
    if (rest.length > 0 || typeof title !== 'string') {
      refuseRegistration('test.todo');
      throw makeError(
        ErrorCtor,
        rest.length > 0
          ? 'Todo must be called with only a description.'
          : 'Todo must be called with only a description.',
      );
    }
    addTest(title, 'todo', () => undefined, undefined);
  });
  testFn.concurrent = freezeAll(testWithMode(undefined, 'concurrent'));
  freezeAll(testFn);
  const hooks = {
    beforeAll: freezeAll(function beforeAll(fn: any, timeout: any) {
      addHook('beforeAll', fn, timeout);
    }),
    afterAll: freezeAll(function afterAll(fn: any, timeout: any) {
      addHook('afterAll', fn, timeout);
    }),
    beforeEach: freezeAll(function beforeEach(fn: any, timeout: any) {
      addHook('beforeEach', fn, timeout);
    }),
    afterEach: freezeAll(function afterEach(fn: any, timeout: any) {
      addHook('afterEach', fn, timeout);
    }),
  };
  const jestObject = ObjectFreeze({
    __proto__: null,
    setTimeout(ms: any) {
      if (typeof ms === 'number' && ms > 0) defaultTimeout = ms;
    },
  });
  function globalsWith(expect: any): any {
    return ObjectFreeze({
      __proto__: null,
      describe: describeFn,
      fdescribe: describeOnly,
      xdescribe: describeSkip,
      test: testFn,
      it: testFn,
      fit: testOnly,
      xit: testSkip,
      xtest: testSkip,
      expect,
      beforeAll: hooks.beforeAll,
      afterAll: hooks.afterAll,
      beforeEach: hooks.beforeEach,
      afterEach: hooks.afterEach,
      jest: jestObject,
    });
  }
  const globals = globalsWith(publicExpect);
  const specGlobals = globalsWith(privateExpect);
  // Non-writable and non-configurable: candidate code can neither replace them nor shadow them with a
  // global `let`, so a spec that uses the globals calls these very functions.
  const globalNames = ReflectOwnKeys(globals);
  for (let i = 0; i < globalNames.length; i++) {
    ReflectDefineProperty(g, globalNames[i], {
      value: globals[globalNames[i]],
      writable: false,
      configurable: false,
      enumerable: false,
    });
  }

  // ---- modules (CommonJS spec files) -----------------------------------------------------------------------------
  function normalize(path: string): string {
    const parts = list();
    let start = 0;
    for (let i = 0; i <= path.length; i++) {
      if (i === path.length || ReflectApply(StringCharCodeAt, path, [i]) === 47) {
        const part = slice(path, start, i);
        start = i + 1;
        if (part === '' || part === '.') continue;
        if (part === '..') {
          if (parts.length > 0) parts.length = parts.length - 1;
          continue;
        }
        add(parts, part);
      }
    }
    let out = '';
    for (let i = 0; i < parts.length; i++) out += (i === 0 ? '' : '/') + parts[i];
    return out;
  }
  function stripExtension(path: string): string {
    const extensions = ['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs', '.jsx', '.tsx'];
    for (let i = 0; i < extensions.length; i++) {
      const extension = extensions[i];
      if (path.length > extension.length && slice(path, path.length - extension.length) === extension)
        return slice(path, 0, path.length - extension.length);
    }
    return path;
  }
  function dirname(path: string): string {
    for (let i = path.length - 1; i >= 0; i--)
      if (ReflectApply(StringCharCodeAt, path, [i]) === 47) return slice(path, 0, i);
    return '';
  }
  function requireFrom(fromPath: string) {
    return function require(specifier: any) {
      if (typeof specifier !== 'string') throw makeError(TypeErrorCtor, 'The "id" argument must be of type string');
      if (specifier === '@jest/globals') return specGlobals;
      const first = ReflectApply(StringCharCodeAt, specifier, [0]);
      if (first === 46) {
        const base = normalize((dirname(fromPath) === '' ? '' : dirname(fromPath) + '/') + specifier);
        if (
          stripExtension(base) === solutionName &&
          (indexOf(specifier, './') === 0 || indexOf(specifier, '../') === 0)
        )
          return solutionExports;
        const candidates = [
          base,
          base + '.js',
          base + '.ts',
          base + '.cjs',
          base + '.mjs',
          base + '.cts',
          base + '.mts',
          base + '/index.js',
          base + '/index.ts',
        ];
        for (let i = 0; i < candidates.length; i++) {
          if (mapHas(modules, candidates[i])) return loadModule(candidates[i]);
        }
      }
      const error = makeError(ErrorCtor, "Cannot find module '" + cap(specifier, 200) + "' from '" + fromPath + "'");
      ReflectDefineProperty(error, 'code', {
        value: 'MODULE_NOT_FOUND',
        writable: true,
        configurable: true,
        enumerable: false,
      });
      throw error;
    };
  }
  function loadModule(path: string): any {
    const record = mapGet(modules, path);
    if (record.loaded) return record.module.exports;
    record.loaded = true;
    const module: any = { exports: {} };
    record.module = module;
    ReflectApply(record.factory, module.exports, [
      module.exports,
      requireFrom(path),
      module,
      '/spec/' + path,
      '/spec/' + dirname(path),
    ]);
    return module.exports;
  }

  // ---- the run ----------------------------------------------------------------------------------------------------
  function hasEnabledTest(block: any): boolean {
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i];
      if (child.type === 'describeBlock') {
        if (hasEnabledTest(child)) return true;
      } else if (!(child.mode === 'skip' || (hasFocusedTests && child.mode !== 'only'))) {
        return true;
      }
    }
    return false;
  }
  function buildProgram(block: any, steps: any[]): void {
    const enabled = hasEnabledTest(block);
    const skipped = block.mode === 'skip';
    if (!skipped && enabled) {
      for (let i = 0; i < block.hooks.length; i++)
        if (block.hooks[i].type === 'beforeAll')
          add(steps, { __proto__: null, type: 'beforeAll', block, hook: block.hooks[i] });
    }
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i];
      if (child.type === 'describeBlock') buildProgram(child, steps);
      else add(steps, { __proto__: null, type: 'test', test: child, parentSkipped: skipped });
    }
    if (!skipped && enabled) {
      for (let i = 0; i < block.hooks.length; i++)
        if (block.hooks[i].type === 'afterAll')
          add(steps, { __proto__: null, type: 'afterAll', block, hook: block.hooks[i] });
    }
  }
  function statusOf(step: any): string {
    const test = step.test;
    if (step.parentSkipped || test.mode === 'skip' || (hasFocusedTests && test.mode === undefined)) return 'skip';
    if (test.mode === 'todo') return 'todo';
    return 'run';
  }
  function pathOf(test: any): any[] {
    const titles = list();
    let block = test.parent;
    while (block !== null && block.parent !== null) {
      add(titles, block.name);
      block = block.parent;
    }
    const path = list();
    for (let i = titles.length - 1; i >= 0; i--) add(path, titles[i]);
    add(path, test.name);
    return path;
  }
  function eachHooksOf(test: any): any {
    const before = list();
    const after = list();
    const levels = list();
    let block = test.parent;
    while (block !== null) {
      add(levels, block);
      for (let i = 0; i < block.hooks.length; i++) if (block.hooks[i].type === 'afterEach') add(after, block.hooks[i]);
      block = block.parent;
    }
    for (let level = levels.length - 1; level >= 0; level--) {
      const blockHooks = levels[level].hooks;
      for (let i = 0; i < blockHooks.length; i++) if (blockHooks[i].type === 'beforeEach') add(before, blockHooks[i]);
    }
    return { __proto__: null, before, after };
  }
  function addErrorToEachTestUnder(block: any, record: any): void {
    for (let i = 0; i < block.children.length; i++) {
      const child = block.children[i];
      if (child.type === 'describeBlock') addErrorToEachTestUnder(child, record);
      else add(child.errors, record);
    }
  }
  function formatTime(ms: number): string {
    return ms >= 1000 && ms % 1000 === 0 ? ms / 1000 + ' s' : ms + ' ms';
  }
  function timeoutFailure(timeout: number, isHook: boolean, takesDone: boolean): any {
    return failure(
      'timeout',
      'Exceeded timeout of ' +
        formatTime(timeout) +
        ' for a ' +
        (isHook ? 'hook' : 'test') +
        (takesDone ? ' while waiting for `done()` to be called' : '') +
        '.\nAdd a timeout value to this test to increase the timeout, if this is a long-running test. See https://jestjs.io/docs/api#testname-fn-timeout.',
    );
  }
  function errorRecord(error: any): any {
    if (isObjectLike(error) && ReflectApply(WeakMapHas, ownErrors, [error]))
      return ReflectApply(WeakMapGet, ownErrors, [error]);
    if (isObjectLike(error) && ReflectApply(WeakMapHas, callErrors, [error]))
      return ReflectApply(WeakMapGet, callErrors, [error]);
    return thrownFailure(error);
  }
  const callErrors = new WeakMapCtor(); // runtime-made errors (done misuse, bad return) -> records

  /**
   * jest-circus's callAsyncCircusFn: runs a hook or test function and calls `onDone(record | null)` once,
   * when it settled, or when the host finds it pending with nothing left that could settle it in time.
   */
  function callAsync(fn: any, context: any, isHook: boolean, timeout: number, onDone: (record: any) => void): void {
    const takesDone = typeof fn === 'function' && fn.length > 0;
    let completed = false;
    const call: any = { __proto__: null, deadline: virtualNow() + timeout, timeout, isHook, takesDone, settle: null };
    const settle = (record: any) => {
      if (completed) return;
      completed = true;
      if (running !== null && running.call === call) running.call = null;
      onDone(record);
    };
    call.settle = settle;
    running.call = call;
    if (takesDone) {
      let returned: any = undefined;
      let seenDone = false;
      const done = function done(reason: any) {
        if (!completed && seenDone) {
          const error = makeError(
            ErrorCtor,
            'Expected done to be called once, but it was called multiple times.' +
              (reason ? ' Reason: ' + describeValue(reason) : ''),
          );
          const record = failure(
            'error',
            'Expected done to be called once, but it was called multiple times.' +
              (reason ? ' Reason: ' + describeValue(reason) : ''),
          );
          ReflectApply(WeakMapSet, callErrors, [error, record]);
          settle(record);
          throw error;
        }
        seenDone = true;
        later(() => {
          if (returned !== undefined) {
            settle(
              failure(
                'error',
                "Test functions cannot both take a 'done' callback and return something. Either use a 'done' callback, or return a promise.\nReturned value: " +
                  describeValue(returned),
              ),
            );
            return;
          }
          if (reason) {
            settle(isObjectLike(reason) ? errorRecord(reason) : failure('error', 'Failed: ' + describeValue(reason)));
            return;
          }
          settle(null);
        });
      };
      try {
        returned = ReflectApply(fn, context, [done]);
      } catch (error) {
        settle(errorRecord(error));
      }
      return;
    }
    let returned: any;
    try {
      returned = ReflectApply(fn, context, []);
    } catch (error) {
      settle(errorRecord(error));
      return;
    }
    if (isThenable(returned)) {
      whenSettled(
        returned,
        () => settle(null),
        (error) => {
          settle(errorRecord(error));
        },
      );
      return;
    }
    if (!isHook && returned !== undefined) {
      settle(
        failure(
          'error',
          'test functions can only return Promise or undefined.\nReturned value: ' + describeValue(returned),
        ),
      );
      return;
    }
    settle(null);
  }

  function virtualNow(): number {
    try {
      const now = kit !== undefined && kit !== null && typeof kit.now === 'function' ? kit.now() : 0;
      return typeof now === 'number' ? now : 0;
    } catch {
      return 0;
    }
  }

  function startStep(step: any): void {
    running = { __proto__: null, step, call: null, waiting: null };
    if (step.type === 'test') {
      runTestStep(step);
      return;
    }
    const owner: any = { __proto__: null, type: step.type, errors: list(), pendingAsync: 0 };
    currentOwner = owner;
    currentTest = null;
    callAsync(
      step.hook.fn,
      dict(),
      true,
      step.hook.timeout === undefined ? defaultTimeout : step.hook.timeout,
      (record: any) => {
        const errors = owner.errors;
        if (record !== null) addOnce(errors, record);
        if (step.type === 'beforeAll') {
          for (let i = 0; i < errors.length; i++) addErrorToEachTestUnder(step.block, errors[i]);
        } else {
          for (let i = 0; i < errors.length; i++) add(unhandled, errors[i].message);
        }
        currentOwner = null;
        running = null;
      },
    );
  }

  function runTestStep(step: any): void {
    const test = step.test;
    const status = statusOf(step);
    if (status !== 'run') {
      test.status = status === 'skip' ? 'skip' : 'todo';
      emitTest(test);
      running = null;
      return;
    }
    currentTest = test;
    currentOwner = test;
    const eachHooks = eachHooksOf(test);
    let i = 0;
    const afterBefore = () => {
      if (i < eachHooks.before.length && test.errors.length === 0) {
        const hook = eachHooks.before[i++];
        callAsync(
          hook.fn,
          test.context,
          true,
          hook.timeout === undefined ? defaultTimeout : hook.timeout,
          (record: any) => {
            if (record !== null) addOnce(test.errors, record);
            afterBefore();
          },
        );
        return;
      }
      runBody();
    };
    const runBody = () => {
      if (test.errors.length > 0) {
        runAfter(0);
        return;
      }
      callAsync(
        test.fn,
        test.context,
        false,
        test.timeout === undefined ? defaultTimeout : test.timeout,
        (record: any) => {
          if (record !== null) addOnce(test.errors, record);
          waitForAssertions(() => runAfter(0));
        },
      );
    };
    const runAfter = (j: number) => {
      if (j < eachHooks.after.length) {
        const hook = eachHooks.after[j];
        callAsync(
          hook.fn,
          test.context,
          true,
          hook.timeout === undefined ? defaultTimeout : hook.timeout,
          (record: any) => {
            if (record !== null) addOnce(test.errors, record);
            runAfter(j + 1);
          },
        );
        return;
      }
      waitForAssertions(finishTest);
    };
    const finishTest = () => {
      const calls = test.countPrivate ? test.privateAssertionCalls : test.assertionCalls;
      if (test.expectedAssertions !== null && calls !== test.expectedAssertions) {
        add(
          test.errors,
          failure(
            'assertion',
            'expect.assertions(' +
              describeValue(test.expectedAssertions) +
              ')\n\nExpected ' +
              describeValue(test.expectedAssertions) +
              ' assertion' +
              (test.expectedAssertions === 1 ? '' : 's') +
              ' to be called but received ' +
              calls +
              ' assertion call' +
              (calls === 1 ? '' : 's') +
              '.',
          ),
        );
      }
      if (test.expectingAssertions && calls === 0) {
        add(
          test.errors,
          failure(
            'assertion',
            'expect.hasAssertions()\n\nExpected at least one assertion to be called but received none.',
          ),
        );
      }
      test.status = test.errors.length > 0 ? 'failed' : 'passed';
      currentTest = null;
      currentOwner = null;
      emitTest(test);
      running = null;
    };
    afterBefore();
  }
  /** Continues once every `.resolves`/`.rejects` the test started has decided (or the host times it out). */
  function waitForAssertions(then: () => void): void {
    const test = currentTest;
    if (test === null || test.pendingAsync === 0) {
      then();
      return;
    }
    const waiting: any = { __proto__: null, deadline: virtualNow() + defaultTimeout, resume: then, test };
    running.waiting = waiting;
  }
  function asyncAssertionSettled(owner: any): void {
    if (running === null || running.waiting === null || running.waiting.test !== owner || owner.pendingAsync > 0)
      return;
    const resume = running.waiting.resume;
    running.waiting = null;
    resume();
  }

  function emitTest(test: any): void {
    let out =
      '{"event":"test","index":' +
      test.index +
      ',"status":' +
      quote(test.status) +
      ',"assertions":' +
      test.assertionCalls +
      ',"errors":[';
    const errors = test.errors;
    const shown = errors.length > 20 ? 20 : errors.length;
    for (let i = 0; i < shown; i++) {
      const record = errors[i];
      out += (i === 0 ? '' : ',') + '{"kind":' + quote(record.kind) + ',"message":' + quote(record.message);
      if (typeof record.expected === 'string') out += ',"expected":' + quote(record.expected);
      if (typeof record.received === 'string') out += ',"received":' + quote(record.received);
      if (typeof record.errorName === 'string') out += ',"errorName":' + quote(record.errorName);
      out += '}';
    }
    add(outbox, out + ']}');
  }

  /** Fires the next virtual timer when it is due before `deadline`; false when nothing can happen in time. */
  function fireTimerBefore(deadline: number): boolean {
    if (kit === undefined || kit === null) return false;
    try {
      if (typeof kit.nextTimerDue === 'function') {
        const due = kit.nextTimerDue();
        if (typeof due !== 'number' || due > deadline) return false;
      } else if (typeof kit.pendingTimers !== 'function' || kit.pendingTimers() === 0) {
        return false;
      }
      if (typeof kit.poll !== 'function') return false;
      const state = kit.poll({ __proto__: null, state: 'pending', value: undefined }, () => '');
      if (state === '{"state":"stuck"}') return false;
      return typeof kit.nextTimerDue === 'function' || virtualNow() <= deadline;
    } catch (error) {
      // A timer callback threw: Node reports it as an uncaught exception, jest fails the running test.
      const record = thrownFailure(error);
      if (currentOwner !== null) add(currentOwner.errors, record);
      else add(unhandled, record.message);
      return true;
    }
  }

  function step(): string {
    if (outbox.length > 0) {
      let out = '{"state":"events","events":[';
      for (let i = 0; i < outbox.length; i++) out += (i === 0 ? '' : ',') + outbox[i];
      outbox.length = 0;
      return out + ']}';
    }
    if (running !== null) {
      // Microtasks have drained since the last call: what is still pending waits for a timer, or forever.
      const call = running.call;
      const waiting = running.waiting;
      if (call !== null) {
        if (!fireTimerBefore(call.deadline)) call.settle(timeoutFailure(call.timeout, call.isHook, call.takesDone));
        return '{"state":"running"}';
      }
      if (waiting !== null) {
        if (!fireTimerBefore(waiting.deadline)) {
          running.waiting = null;
          add(
            waiting.test.errors,
            failure(
              'timeout',
              'An assertion started with .resolves or .rejects never settled (exceeded ' +
                formatTime(defaultTimeout) +
                ').',
            ),
          );
          waiting.test.pendingAsync = 0;
          waiting.resume();
        }
        return '{"state":"running"}';
      }
      // The step finished synchronously inside a callback that did not clear it: nothing to wait for.
      running = null;
    }
    if (position >= program.length) return '{"state":"finished"}';
    const next = program[position++];
    try {
      startStep(next);
    } catch (error) {
      // Only a runtime fault gets here (candidate errors are caught where they are called).
      running = null;
      return '{"state":"fault","message":' + quote(thrownFailure(error).message) + '}';
    }
    return next.type === 'test'
      ? '{"state":"started","step":"test","index":' + next.test.index + '}'
      : '{"state":"started","step":' + quote(next.type) + '}';
  }

  const api: SpecRuntimeApi = {
    defineModule(path: string, factory: unknown): string {
      if (typeof path !== 'string' || typeof factory !== 'function') return '{"state":"fault","message":"bad module"}';
      mapSet(modules, path, { __proto__: null, factory, loaded: false, module: null });
      return '{"state":"ok"}';
    },
    exposeSpecGlobals(key: string): string {
      if (typeof key !== 'string' || phase !== 'boot') return '{"state":"fault","message":"too late"}';
      ReflectDefineProperty(g, key, { value: specGlobals, writable: false, configurable: true, enumerable: false });
      return '{"state":"ok"}';
    },
    beginSolution(): string {
      phase = 'solution';
      return '{"state":"ok"}';
    },
    adoptSolution(key: string, name: string): string {
      const descriptor = typeof key === 'string' ? ReflectGetOwnPropertyDescriptor(g, key) : undefined;
      if (descriptor === undefined || !ObjectHasOwn(descriptor, 'value'))
        return '{"state":"fault","message":"no solution exports"}';
      ReflectDeleteProperty(g, key);
      solutionExports = descriptor.value;
      if (typeof name === 'string') solutionName = name;
      return '{"state":"ok"}';
    },
    beginCollect(): string {
      phase = 'collect';
      currentBlock = root;
      return '{"state":"ok"}';
    },
    runModule(path: string): string {
      if (!mapHas(modules, path)) return '{"state":"fault","message":"unknown module"}';
      try {
        loadModule(path);
        return '{"state":"ok"}';
      } catch (error) {
        return '{"state":"threw","error":' + suiteError(error) + '}';
      }
    },
    plan(): string {
      phase = 'run';
      currentBlock = root;
      program = list();
      buildProgram(root, program);
      position = 0;
      let out = '{"state":"plan","tests":[';
      let first = true;
      for (let i = 0; i < program.length; i++) {
        const entry = program[i];
        if (entry.type !== 'test') continue;
        const path = pathOf(entry.test);
        out +=
          (first ? '' : ',') + '{"index":' + entry.test.index + ',"status":' + quote(statusOf(entry)) + ',"path":[';
        for (let j = 0; j < path.length; j++) out += (j === 0 ? '' : ',') + quote(cap(path[j], 1000));
        out += ']}';
        first = false;
      }
      return out + ']}';
    },
    resumeAt(index: number): string {
      // Keep the beforeAll hooks of the blocks around the test, then continue from the test itself.
      let at = -1;
      for (let i = 0; i < program.length; i++) {
        if (program[i].type === 'test' && program[i].test.index === index) {
          at = i;
          break;
        }
      }
      if (at < 0) return '{"state":"fault","message":"unknown test"}';
      const ancestors = list();
      let block = program[at].test.parent;
      while (block !== null) {
        add(ancestors, block);
        block = block.parent;
      }
      const resumed = list();
      for (let i = 0; i < at; i++) {
        const entry = program[i];
        if (entry.type !== 'beforeAll') continue;
        for (let j = 0; j < ancestors.length; j++) if (ancestors[j] === entry.block) add(resumed, entry);
      }
      for (let i = at; i < program.length; i++) add(resumed, program[i]);
      program = resumed;
      position = 0;
      return '{"state":"ok"}';
    },
    next(): string {
      return step();
    },
  };
  function suiteError(error: any): string {
    const record = thrownFailure(error);
    return (
      '{"name":' +
      quote(typeof record.errorName === 'string' ? record.errorName : 'Error') +
      ',"message":' +
      quote(record.message) +
      '}'
    );
  }
  return ObjectFreeze(api);
}
/* eslint-enable */

/** Source evaluated in the candidate's isolate: an expression yielding the runtime function. */
export const SPEC_RUNTIME_SOURCE = `(${assaySpecRuntime.toString()})`;
