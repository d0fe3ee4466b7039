/* eslint-disable @typescript-eslint/no-unused-vars -- a starter: the parameters are for the candidate to use */
/** -1 when a has lower precedence than b, 1 when higher, 0 when equal. Throws TypeError for an invalid version. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  return 0;
}

/** Whether the version satisfies the range. False for an invalid version; TypeError for an invalid range. */
export function satisfies(version: string, range: string): boolean {
  return false;
}

/** The highest version that satisfies the range, as written in the list, or null. */
export function maxSatisfying(versions: string[], range: string): string | null {
  return null;
}
