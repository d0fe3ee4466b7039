import type { PreludeKit, PreludeOperation } from '../../sandbox/prelude.js';

/**
 * In-isolate half of the function harness; runs as source text (see prelude.ts for the rules of
 * hostile-realm code). `attach` finds the exported function; `start` calls it with arguments parsed
 * from JSON text; `poll` drives a returned promise.
 */
/* eslint-disable */
export function functionRuntime(kit: PreludeKit): unknown {
  'use strict';
  let target: unknown = undefined;
  let op: PreludeOperation | null = null;
  function finish(value: unknown): string {
    return kit.returned(value);
  }
  function pick(exports: any, name: string): unknown {
    if (exports === null || exports === undefined) return undefined;
    const direct = exports[name];
    if (typeof direct === 'function') return direct;
    const fallback = exports.default;
    if (name === 'default' && typeof exports === 'function') return exports;
    if (fallback !== null && typeof fallback === 'object') {
      const nested = fallback[name];
      if (typeof nested === 'function') return nested;
    }
    if (typeof exports === 'function' && exports.name === name) return exports;
    return undefined;
  }
  return {
    __proto__: null,
    attach(exports: unknown, name: string): string {
      try {
        target = pick(exports, name);
      } catch (error) {
        return '{"state":"threw","error":' + kit.describeError(error) + '}';
      }
      if (typeof target !== 'function') {
        return (
          '{"state":"missing","message":' +
          kit.quote("The solution does not export a function named '" + name + "'") +
          '}'
        );
      }
      return '{"state":"ok"}';
    },
    start(argsJson: string): string {
      const args = kit.parse(argsJson);
      const fn = target;
      op = kit.begin(() => kit.apply(fn as any, undefined, args as any));
      if (op.state === 'pending') return '{"state":"pending"}';
      return kit.poll(op, finish);
    },
    poll(): string {
      if (op === null) return '{"state":"stuck"}';
      return kit.poll(op, finish);
    },
  };
}

/**
 * The author's checker runs in a realm of its own (never the candidate's): `check` rebuilds the
 * candidate's value from its tagged text and calls the checker with (actual, expected, args).
 */
export function checkerRuntime(kit: PreludeKit, checker: unknown): unknown {
  'use strict';
  function revive(value: any, depth: number): unknown {
    if (depth > 300 || value === null || typeof value !== 'object') return value;
    if (kit.isArray(value)) {
      const out = new Array(value.length);
      for (let i = 0; i < value.length; i++)
        kit.apply(Reflect.defineProperty, Reflect, [
          out,
          i,
          { value: revive(value[i], depth + 1), writable: true, enumerable: true, configurable: true },
        ]);
      return out;
    }
    const tag = Reflect.getOwnPropertyDescriptor(value, '\u0000');
    if (tag !== undefined) {
      switch (tag.value) {
        case 'undefined':
          return undefined;
        case 'NaN':
          return NaN;
        case 'Infinity':
          return Infinity;
        case '-Infinity':
          return -Infinity;
        case 'bigint':
          return BigInt(value.v);
        case 'date':
          return new Date(value.v);
        case 'map':
          return new Map(revive(value.v, depth + 1) as any);
        case 'set':
          return new Set(revive(value.v, depth + 1) as any);
        case 'typed':
          return revive(value.v, depth + 1);
        default:
          return { '[special]': tag.value };
      }
    }
    const out: any = {};
    const keys = kit.keys(value);
    for (let i = 0; i < keys.length; i++) {
      const key = keys[i]!;
      const name = key.length > 0 && key.charCodeAt(0) === 0 ? key.slice(1) : key;
      Reflect.defineProperty(out, name, {
        value: revive(value[key], depth + 1),
        writable: true,
        enumerable: true,
        configurable: true,
      });
    }
    return out;
  }
  return {
    __proto__: null,
    check(actualText: string, expectedJson: string, argsJson: string): string {
      let verdict: any;
      try {
        verdict = (checker as any)(revive(kit.parse(actualText), 0), kit.parse(expectedJson), kit.parse(argsJson));
      } catch (error) {
        return '{"state":"checker-threw","error":' + kit.describeError(error) + '}';
      }
      if (typeof verdict === 'boolean')
        return '{"state":"decided","passed":' + (verdict ? 'true' : 'false') + ',"message":""}';
      if (verdict !== null && typeof verdict === 'object' && typeof verdict.pass === 'boolean') {
        const message = typeof verdict.message === 'string' ? verdict.message : '';
        return (
          '{"state":"decided","passed":' +
          (verdict.pass ? 'true' : 'false') +
          ',"message":' +
          kit.quote(message.slice(0, 2048)) +
          '}'
        );
      }
      return '{"state":"checker-threw","error":{"name":"Error","message":"The checker must return a boolean or { pass, message }"}}';
    },
  };
}
/* eslint-enable */

export const FUNCTION_RUNTIME_SOURCE = `(${functionRuntime.toString()})`;

/** The checker runtime bound to the author's checker expression (a function of (actual, expected, args)). */
export function checkerRuntimeSource(checkerSource: string): string {
  return `(function (kit) { 'use strict'; const checker = (\n${checkerSource}\n); return (${checkerRuntime.toString()})(kit, checker); })`;
}
