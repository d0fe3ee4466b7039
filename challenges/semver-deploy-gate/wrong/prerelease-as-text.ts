// Compares prerelease identifiers as text, so beta.11 sorts before beta.2 and the pipeline deploys the older build.
interface Version {
  major: number;
  minor: number;
  patch: number;
  prerelease: (string | number)[];
}

type Operator = '=' | '>' | '>=' | '<' | '<=';

interface Comparator {
  operator: Operator;
  version: Version;
}

const NUMBER = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const VERSION = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);

function parse(text: string): Version | undefined {
  const match = VERSION.exec(text);
  if (!match) return undefined;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] === undefined ? [] : match[4].split('.'),
  };
}

function parseOrThrow(text: string): Version {
  const version = parse(text);
  if (!version) throw new TypeError(`Invalid version: ${JSON.stringify(text)}`);
  return version;
}

function compareIdentifiers(a: string | number, b: string | number): number {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

function compare(a: Version, b: Version): -1 | 0 | 1 {
  const core = Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
  if (core !== 0) return core as -1 | 1;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return Math.sign(b.prerelease.length - a.prerelease.length) as -1 | 0 | 1;
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i]!, b.prerelease[i]!);
    if (order !== 0) return order as -1 | 1;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length) as -1 | 0 | 1;
}

export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  return compare(parseOrThrow(a), parseOrThrow(b));
}

const release = (major: number, minor: number, patch: number): Version => ({ major, minor, patch, prerelease: [] });

/** One written comparator as the plain comparators it stands for. */
function parseComparator(text: string): Comparator[] {
  if (text === '*') return [{ operator: '>=', version: release(0, 0, 0) }];
  const match = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(text)!;
  const operator = match[1] ?? '=';
  const version = parse(match[2]!);
  if (!version) throw new TypeError(`Invalid comparator: ${JSON.stringify(text)}`);
  const { major, minor, patch } = version;
  if (operator === '~') {
    return [
      { operator: '>=', version },
      { operator: '<', version: release(major, minor + 1, 0) },
    ];
  }
  if (operator === '^') {
    const upper =
      major > 0 ? release(major + 1, 0, 0) : minor > 0 ? release(0, minor + 1, 0) : release(0, 0, patch + 1);
    return [
      { operator: '>=', version },
      { operator: '<', version: upper },
    ];
  }
  return [{ operator: operator as Operator, version }];
}

function parseRange(range: string): Comparator[][] {
  return range.split('||').map((set) => {
    const parts = set
      .trim()
      .split(/\s+/)
      .filter((part) => part !== '');
    if (parts.length === 0) throw new TypeError(`Invalid range: ${JSON.stringify(range)}`);
    return parts.flatMap(parseComparator);
  });
}

function test(version: Version, { operator, version: bound }: Comparator): boolean {
  const order = compare(version, bound);
  switch (operator) {
    case '=':
      return order === 0;
    case '>':
      return order > 0;
    case '>=':
      return order >= 0;
    case '<':
      return order < 0;
    case '<=':
      return order <= 0;
  }
}

function satisfiesSet(version: Version, set: Comparator[]): boolean {
  if (!set.every((comparator) => test(version, comparator))) return false;
  if (version.prerelease.length === 0) return true;
  // A prerelease only when the set names one of the same major.minor.patch.
  return set.some(
    ({ version: bound }) =>
      bound.prerelease.length > 0 &&
      bound.major === version.major &&
      bound.minor === version.minor &&
      bound.patch === version.patch,
  );
}

function satisfiesParsed(version: Version, sets: Comparator[][]): boolean {
  return sets.some((set) => satisfiesSet(version, set));
}

export function satisfies(version: string, range: string): boolean {
  const sets = parseRange(range);
  const parsed = parse(version);
  return parsed !== undefined && satisfiesParsed(parsed, sets);
}

export function maxSatisfying(versions: string[], range: string): string | null {
  const sets = parseRange(range);
  let best: { text: string; version: Version } | null = null;
  for (const text of versions) {
    const version = parse(text);
    if (!version || !satisfiesParsed(version, sets)) continue;
    if (best === null || compare(version, best.version) > 0) best = { text, version };
  }
  return best === null ? null : best.text;
}
