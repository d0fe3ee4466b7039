import type { PreludeKit, PreludeOperation } from '../../sandbox/prelude.js';

/**
 * In-isolate half of the stdio harness (see prelude.ts for the rules of hostile-realm code). Installed
 * before the program runs, it provides the Node idioms programs read input with — `process.stdin` events,
 * `require('fs').readFileSync(0 | '/dev/stdin')`, `readline.createInterface` (events and `for await`),
 * `process.stdout.write`, `console.log` — all on the test's stdin text, and captures stdout.
 */
/* eslint-disable */
export function stdioRuntime(kit: PreludeKit): unknown {
  'use strict';
  const g: any = globalThis;
  const ReflectDefineProperty = Reflect.defineProperty;
  const ErrorCtor = Error;
  const StringCtor = String;
  const StringSplit = String.prototype.split;
  const AsyncIteratorSymbol = Symbol.asyncIterator;
  const PromiseResolve = Promise.resolve.bind(Promise);
  let stdin = '';
  let exitCode: number | null = null;
  let op: PreludeOperation | null = null;
  const listeners = kit.newMap(); // event name -> Map(index -> fn)
  let listenerCount = 0;
  const interfaces = kit.newMap(); // index -> interface record
  let interfaceCount = 0;
  let stdinConsumed = false;

  function on(event: string, fn: unknown): void {
    if (typeof fn !== 'function') return;
    let map = kit.mapGet(listeners, event) as Map<unknown, unknown> | undefined;
    if (map === undefined) {
      map = kit.newMap();
      kit.mapSet(listeners, event, map);
    }
    kit.mapSet(map, listenerCount++, fn);
  }
  function emit(event: string, value?: unknown): void {
    const map = kit.mapGet(listeners, event) as Map<unknown, unknown> | undefined;
    if (map === undefined) return;
    for (let i = 0; i < listenerCount; i++) {
      if (kit.mapHas(map, i)) kit.apply(kit.mapGet(map, i) as any, undefined, value === undefined ? [] : [value]);
    }
  }
  function lines(): string[] {
    const parts = kit.apply(StringSplit, stdin, ['\n']) as string[];
    // A final newline does not start another line (as readline).
    const count = parts.length > 0 && parts[parts.length - 1] === '' ? parts.length - 1 : parts.length;
    const out: string[] = [];
    for (let i = 0; i < count; i++)
      ReflectDefineProperty(out, i, { value: parts[i], writable: true, enumerable: true, configurable: true });
    return out;
  }
  const stdinObject: any = {
    on(event: string, fn: unknown) {
      on('stdin:' + event, fn);
      return stdinObject;
    },
    once(event: string, fn: unknown) {
      on('stdin:' + event, fn);
      return stdinObject;
    },
    addListener(event: string, fn: unknown) {
      on('stdin:' + event, fn);
      return stdinObject;
    },
    setEncoding() {
      return stdinObject;
    },
    resume() {
      return stdinObject;
    },
    pause() {
      return stdinObject;
    },
    read() {
      if (stdinConsumed) return null;
      stdinConsumed = true;
      return stdin;
    },
    isTTY: false,
    fd: 0,
  };
  const stdoutObject: any = {
    write(chunk: unknown) {
      kit.writeStdout(typeof chunk === 'string' ? chunk : StringCtor(chunk));
      return true;
    },
    isTTY: false,
    fd: 1,
  };
  const stderrObject: any = {
    write(chunk: unknown) {
      kit.apply(g.console.error, g.console, [typeof chunk === 'string' ? chunk : StringCtor(chunk)]);
      return true;
    },
    isTTY: false,
    fd: 2,
  };
  const processObject: any = {
    argv: ['node', '/sandbox/solution.js'],
    env: {},
    platform: 'linux',
    exitCode: undefined,
    stdin: stdinObject,
    stdout: stdoutObject,
    stderr: stderrObject,
    exit(code?: unknown) {
      exitCode = typeof code === 'number' ? code : 0;
      throw new ErrorCtor('process.exit(' + exitCode + ')');
    },
    nextTick(fn: unknown, ...args: unknown[]) {
      g.queueMicrotask(() => kit.apply(fn as any, undefined, args));
    },
    on() {
      return processObject;
    },
  };
  ReflectDefineProperty(g, 'process', { value: processObject, writable: true, configurable: true, enumerable: false });
  const log = function (...args: unknown[]) {
    kit.writeStdout(kit.format(args));
  };
  ReflectDefineProperty(g.console, 'log', { value: log, writable: true, configurable: true, enumerable: true });
  ReflectDefineProperty(g.console, 'info', { value: log, writable: true, configurable: true, enumerable: true });

  const fsModule: any = {
    readFileSync(file: unknown) {
      if (file === 0 || file === '/dev/stdin') {
        stdinConsumed = true;
        return stdin;
      }
      const error: any = new ErrorCtor("ENOENT: no such file or directory, open '" + StringCtor(file) + "'");
      error.code = 'ENOENT';
      throw error;
    },
  };
  const readlineModule: any = {
    createInterface() {
      const index = interfaceCount++;
      const record: any = { __proto__: null, closed: false };
      kit.mapSet(interfaces, index, record);
      const iface: any = {
        on(event: string, fn: unknown) {
          on('rl' + index + ':' + event, fn);
          return iface;
        },
        once(event: string, fn: unknown) {
          on('rl' + index + ':' + event, fn);
          return iface;
        },
        close() {
          record.closed = true;
        },
        setPrompt() {},
        prompt() {},
      };
      ReflectDefineProperty(iface, AsyncIteratorSymbol, {
        value() {
          const all = lines();
          let at = 0;
          stdinConsumed = true;
          return {
            next() {
              return PromiseResolve(
                at < all.length ? { value: all[at++], done: false } : { value: undefined, done: true },
              );
            },
            return() {
              return PromiseResolve({ value: undefined, done: true });
            },
          };
        },
      });
      return iface;
    },
  };
  kit.provideModule('fs', fsModule);
  kit.provideModule('readline', readlineModule);

  async function deliver(): Promise<void> {
    if (!stdinConsumed) {
      emit('stdin:data', stdin);
      emit('stdin:end');
      emit('stdin:close');
    }
    for (let index = 0; index < interfaceCount; index++) {
      const all = lines();
      for (let i = 0; i < all.length; i++) emit('rl' + index + ':line', all[i]);
      emit('rl' + index + ':close');
    }
  }
  function finishState(): string {
    if (kit.stdoutOverflowed()) return '{"state":"output-limit"}';
    return '{"state":"returned","value":' + kit.quote(kit.drainStdout()) + '}';
  }
  function exited(): string | null {
    if (exitCode === null) return null;
    if (exitCode !== 0)
      return (
        '{"state":"threw","error":{"name":"Error","message":' +
        kit.quote('The program exited with code ' + exitCode) +
        '}}'
      );
    return finishState();
  }
  function step(): string {
    if (op === null) return '{"state":"stuck"}';
    if (op.state === 'rejected') return exited() ?? '{"state":"threw","error":' + kit.describeError(op.value) + '}';
    // Like Node, the program runs until nothing is left: pending timers still fire after the input ends.
    if (kit.fireNextTimer()) return '{"state":"pending"}';
    if (op.state === 'fulfilled') return exited() ?? finishState();
    return '{"state":"stuck"}';
  }
  return {
    __proto__: null,
    attach(): string {
      return '{"state":"ok"}';
    },
    setInput(text: string): string {
      stdin = text;
      return '{"state":"ok"}';
    },
    /** After the program's top-level code threw: was it process.exit()? */
    exitState(): string {
      return exited() ?? '{"state":"none"}';
    },
    finish(): string {
      op = kit.begin(deliver);
      return '{"state":"pending"}';
    },
    poll(): string {
      return step();
    },
  };
}
/* eslint-enable */

export const STDIO_RUNTIME_SOURCE = `(${stdioRuntime.toString()})`;
