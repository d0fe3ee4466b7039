/**
 * Every finding of the rules, sorted by path, then rule.
 * @param {Record<string, unknown>} manifest the parsed Deployment manifest
 * @returns {{ rule: string, path: string }[]}
 */
export function lintDeployment(manifest) {
  return [];
}
