import type { PreludeKit, PreludeOperation } from '../../sandbox/prelude.js';

/**
 * In-isolate half of the class harness (see prelude.ts for the rules of hostile-realm code). `start`
 * constructs the exported class and replays the calls; every call's result is serialised as soon as it
 * settles (later calls may mutate it), a call that throws is recorded and the replay goes on.
 * The fulfilled value is a JSON array: one `{"r": tagged}` or `{"t": error}` per step, construction first.
 */
/* eslint-disable */
export function classRuntime(kit: PreludeKit): unknown {
  'use strict';
  // Captured before the candidate's code runs: it may replace the globals later.
  const construct = Reflect.construct;
  const TypeErrorCtor = TypeError;
  let target: any = undefined;
  let op: PreludeOperation | null = null;
  function finish(value: unknown): string {
    return '{"state":"returned","value":' + kit.quote(value as string) + '}';
  }
  function entry(value: unknown): string {
    try {
      return '{"r":' + kit.quote(kit.serialize(value)) + '}';
    } catch (error) {
      if (error === kit.TOO_LARGE) return '{"o":1}';
      if (error === kit.TOO_DEEP) return '{"d":1}';
      return '{"t":' + kit.describeError(error) + '}';
    }
  }
  async function replay(steps: any, ctorArgs: any): Promise<string> {
    let out = '[';
    let instance: any;
    try {
      instance = await kit.apply(construct as any, undefined, [target, ctorArgs]);
      out += '{"r":"null"}';
    } catch (error) {
      return out + '{"t":' + kit.describeError(error) + '}]';
    }
    for (let i = 0; i < steps.length; i++) {
      const step = steps[i];
      let text: string;
      try {
        let value: unknown;
        if (step.p !== null) {
          value = await instance[step.p];
        } else {
          const method = instance[step.m];
          if (typeof method !== 'function') throw new TypeErrorCtor('instance.' + step.m + ' is not a function');
          value = await kit.apply(method, instance, step.a);
        }
        text = entry(value);
      } catch (error) {
        text = '{"t":' + kit.describeError(error) + '}';
      }
      out += ',' + text;
    }
    return out + ']';
  }
  return {
    __proto__: null,
    attach(exports: any, name: string): string {
      try {
        let found = exports === null || exports === undefined ? undefined : exports[name];
        if (typeof found !== 'function' && name === 'default' && typeof exports === 'function') found = exports;
        if (
          typeof found !== 'function' &&
          exports !== null &&
          typeof exports === 'object' &&
          exports.default !== null &&
          typeof exports.default === 'object'
        ) {
          found = exports.default[name];
        }
        if (typeof found !== 'function' && typeof exports === 'function' && exports.name === name) found = exports;
        target = found;
      } catch (error) {
        return '{"state":"threw","error":' + kit.describeError(error) + '}';
      }
      if (typeof target !== 'function') {
        return (
          '{"state":"missing","message":' + kit.quote("The solution does not export a class named '" + name + "'") + '}'
        );
      }
      return '{"state":"ok"}';
    },
    start(inputJson: string): string {
      const input: any = kit.parse(inputJson);
      op = kit.begin(() => replay(input.steps, input.ctorArgs));
      if (op.state === 'pending') return '{"state":"pending"}';
      return kit.poll(op, finish);
    },
    poll(): string {
      if (op === null) return '{"state":"stuck"}';
      return kit.poll(op, finish);
    },
  };
}
/* eslint-enable */

export const CLASS_RUNTIME_SOURCE = `(${classRuntime.toString()})`;
