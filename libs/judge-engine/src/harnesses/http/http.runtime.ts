import type { PreludeKit, PreludeOperation } from '../../sandbox/prelude.js';

/**
 * In-isolate half of the http harness (see prelude.ts for the rules of hostile-realm code). It calls
 * the candidate's handler with a fresh request per scripted step and a context that lives for the whole
 * sequence: an in-sandbox key-value store with TTLs on the virtual clock, the clock itself, `sleep`, and
 * simulated dependencies the script makes slow, failing, timing out or hanging. Every step yields one
 * entry (JSON text): `{"r": tagged response}`, `{"c": call counts}` or `{"ok":1}`.
 */
/* eslint-disable */
export function httpRuntime(kit: PreludeKit, dependencyDefaults: string): unknown {
  'use strict';
  // Captured before the candidate's code runs.
  const PromiseCtor = Promise;
  const ErrorCtor = Error;
  const StringCtor = String;
  const setTimeoutFn = (globalThis as any).setTimeout;
  const ReflectDefineProperty = Reflect.defineProperty;
  let handler: any = undefined;
  let op: PreludeOperation | null = null;

  // ---- simulated dependencies ----------------------------------------------------------------------
  const defaults: any = kit.parse(dependencyDefaults);
  const behaviours = kit.newMap(); // name -> { mode, latencyMs, response (JSON text), status }
  const temporary = kit.newMap(); // name -> { behaviour, left }
  const counts = kit.newMap(); // name -> number
  const names = kit.keys(defaults);
  const deps: any = {};
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!;
    const base = defaults[name];
    kit.mapSet(behaviours, name, {
      __proto__: null,
      mode: 'ok',
      latencyMs: base.latencyMs,
      response: base.response,
      status: 200,
    });
    kit.mapSet(counts, name, 0);
    ReflectDefineProperty(deps, name, {
      value: { call: (payload: unknown) => callDependency(name, payload) },
      enumerable: true,
    });
  }
  function callDependency(name: string, _payload: unknown): Promise<unknown> {
    kit.mapSet(counts, name, (kit.mapGet(counts, name) as number) + 1);
    let behaviour: any = kit.mapGet(behaviours, name);
    const once: any = kit.mapGet(temporary, name);
    if (once !== undefined) {
      behaviour = once.behaviour;
      once.left--;
      if (once.left <= 0) kit.mapDelete(temporary, name);
    }
    return new PromiseCtor((resolve: (value: unknown) => void, reject: (error: unknown) => void) => {
      const mode = behaviour.mode;
      if (mode === 'hang') return;
      const fail = (code: string, message: string) => {
        const error: any = new ErrorCtor(message);
        error.name = 'DependencyError';
        error.code = code;
        error.status = behaviour.status;
        error.dependency = name;
        reject(error);
      };
      setTimeoutFn(() => {
        if (mode === 'fail') fail('UNAVAILABLE', name + ' failed with status ' + behaviour.status);
        else if (mode === 'timeout') fail('TIMEOUT', name + ' timed out');
        else resolve(kit.parse(behaviour.response));
      }, behaviour.latencyMs);
    });
  }

  // ---- key-value store on the virtual clock ------------------------------------------------------------
  const entries = kit.newMap(); // key -> { value, expires }
  function live(key: string): any {
    const entry: any = kit.mapGet(entries, key);
    if (entry === undefined) return undefined;
    if (entry.expires !== null && entry.expires <= kit.now()) {
      kit.mapDelete(entries, key);
      return undefined;
    }
    return entry;
  }
  const store: any = {
    get(key: unknown) {
      const entry = live(StringCtor(key));
      return entry === undefined ? undefined : entry.value;
    },
    has(key: unknown) {
      return live(StringCtor(key)) !== undefined;
    },
    set(key: unknown, value: unknown, options?: any) {
      const ttl =
        options !== null && typeof options === 'object' && typeof options.ttlMs === 'number' ? options.ttlMs : null;
      kit.mapSet(entries, StringCtor(key), { __proto__: null, value, expires: ttl === null ? null : kit.now() + ttl });
    },
    delete(key: unknown) {
      return kit.mapDelete(entries, StringCtor(key));
    },
    incr(key: unknown, by?: unknown, options?: any) {
      const k = StringCtor(key);
      const entry = live(k);
      const next =
        (entry === undefined || typeof entry.value !== 'number' ? 0 : entry.value) + (typeof by === 'number' ? by : 1);
      const ttl =
        options !== null && typeof options === 'object' && typeof options.ttlMs === 'number' ? options.ttlMs : null;
      const expires = entry !== undefined ? entry.expires : ttl === null ? null : kit.now() + ttl;
      kit.mapSet(entries, k, { __proto__: null, value: next, expires });
      return next;
    },
    ttl(key: unknown) {
      const entry = live(StringCtor(key));
      return entry === undefined || entry.expires === null ? null : entry.expires - kit.now();
    },
  };
  const context: any = {
    store,
    deps,
    clock: { now: () => kit.now() },
    sleep: (ms: unknown) =>
      new PromiseCtor((resolve: (value: unknown) => void) => setTimeoutFn(resolve, typeof ms === 'number' ? ms : 0)),
  };

  function finish(value: unknown): string {
    let text: string;
    try {
      text = kit.serialize(value);
    } catch (error) {
      if (error === kit.TOO_LARGE) return '{"state":"too-large"}';
      if (error === kit.TOO_DEEP) return '{"state":"too-deep"}';
      return '{"state":"threw","error":' + kit.describeError(error) + '}';
    }
    return '{"state":"returned","value":' + kit.quote('{"r":' + kit.quote(text) + '}') + '}';
  }
  function done(entry: string): string {
    return '{"state":"returned","value":' + kit.quote(entry) + '}';
  }
  return {
    __proto__: null,
    attach(exports: any, name: string): string {
      try {
        let found = exports === null || exports === undefined ? undefined : exports[name];
        if (typeof found !== 'function' && typeof exports === 'function') found = exports;
        if (
          typeof found !== 'function' &&
          exports !== null &&
          exports !== undefined &&
          typeof exports.default === 'function'
        )
          found = exports.default;
        handler = found;
      } catch (error) {
        return '{"state":"threw","error":' + kit.describeError(error) + '}';
      }
      if (typeof handler !== 'function') {
        return (
          '{"state":"missing","message":' +
          kit.quote("The solution does not export a request handler named '" + name + "'") +
          '}'
        );
      }
      return '{"state":"ok"}';
    },
    start(stepJson: string): string {
      const step: any = kit.parse(stepJson);
      switch (step.kind) {
        case 'clock':
          op = null;
          kit.advanceClock(step.ms);
          return done('{"ok":1}');
        case 'dependency': {
          op = null;
          const behaviour = {
            __proto__: null,
            mode: step.mode,
            latencyMs: step.latencyMs,
            response: step.response,
            status: step.status,
          };
          if (step.times === null) kit.mapSet(behaviours, step.name, behaviour);
          else kit.mapSet(temporary, step.name, { __proto__: null, behaviour, left: step.times });
          return done('{"ok":1}');
        }
        case 'calls': {
          op = null;
          let out = '{';
          for (let i = 0; i < names.length; i++)
            out += (i > 0 ? ',' : '') + kit.quote(names[i]!) + ':' + kit.mapGet(counts, names[i]);
          return done('{"c":' + out + '}}');
        }
        default: {
          const request = step.request;
          op = kit.begin(() => kit.apply(handler, undefined, [request, context]));
          if (op.state === 'pending') return '{"state":"pending"}';
          return kit.poll(op, finish);
        }
      }
    },
    poll(): string {
      if (op === null) return '{"state":"stuck"}';
      return kit.poll(op, finish);
    },
  };
}
/* eslint-enable */

/** The runtime bound to the challenge's dependencies (`{ name: { latencyMs, response } }`, JSON text). */
export function httpRuntimeSource(dependencyDefaults: string): string {
  return `(function (kit) { 'use strict'; return (${httpRuntime.toString()})(kit, ${JSON.stringify(dependencyDefaults)}); })`;
}
