/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
/**
 * @param {{ name: string, dependsOn: string[] }[]} services
 * @returns {{ ok: true, waves: string[][] } | { ok: false, error: 'cycle', services: string[] } | { ok: false, error: 'unknown-dependency', service: string, dependency: string }}
 */
export function deployOrder(services) {
  // Plan the waves here.
  return { ok: true, waves: [] };
}
