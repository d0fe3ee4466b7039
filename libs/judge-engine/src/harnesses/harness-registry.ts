import { classHarness } from './class/class.harness.js';
import { functionHarness } from './function/function.harness.js';
import { httpHarness } from './http/http.harness.js';
import { specHarness } from './spec/index.js';
import { stdioHarness } from './stdio/stdio.harness.js';
import type { Harness } from './harness.js';

/**
 * Every harness kind the engine knows, by `harness.kind`. Both processes read this one registry: the
 * judge process for the host half, the worker for the sandbox half.
 *
 * Registration point for new kinds: import the harness object and add it to the list.
 */
// Harnesses are generic over their own spec and test types; the registry erases them (the engine only
// hands each harness the values its own parse methods produced).
type AnyHarness = Harness<unknown, never>;

const REGISTERED = [
  functionHarness,
  classHarness,
  stdioHarness,
  httpHarness,
  specHarness,
] as unknown as readonly AnyHarness[];

export const HARNESSES: ReadonlyMap<string, Harness<unknown, import('./harness.js').HarnessTest>> = new Map(
  REGISTERED.map((harness) => [
    harness.kind,
    harness as unknown as Harness<unknown, import('./harness.js').HarnessTest>,
  ]),
);

export function harnessKinds(): string[] {
  return [...HARNESSES.keys()];
}
