// Returns the last satisfying version in the list instead of the highest, trusting the registry to list them in order.
const NUMBER = '0|[1-9]\\d*';
const PRERELEASE_ID = `(?:${NUMBER}|\\d*[A-Za-z-][0-9A-Za-z-]*)`;
const VERSION = new RegExp(
  `^v?(${NUMBER})\\.(${NUMBER})\\.(${NUMBER})(?:-(${PRERELEASE_ID}(?:\\.${PRERELEASE_ID})*))?(?:\\+[0-9A-Za-z-]+(?:\\.[0-9A-Za-z-]+)*)?$`,
);
function parse(text) {
  const match = VERSION.exec(text);
  if (!match) return void 0;
  return {
    major: Number(match[1]),
    minor: Number(match[2]),
    patch: Number(match[3]),
    prerelease: match[4] === void 0 ? [] : match[4].split('.').map((id) => (/^\d+$/.test(id) ? Number(id) : id)),
  };
}
function parseOrThrow(text) {
  const version = parse(text);
  if (!version) throw new TypeError(`Invalid version: ${JSON.stringify(text)}`);
  return version;
}
function compareIdentifiers(a, b) {
  if (typeof a === 'number' && typeof b === 'number') return Math.sign(a - b);
  if (typeof a === 'number') return -1;
  if (typeof b === 'number') return 1;
  return a < b ? -1 : a > b ? 1 : 0;
}
function compare(a, b) {
  const core = Math.sign(a.major - b.major) || Math.sign(a.minor - b.minor) || Math.sign(a.patch - b.patch);
  if (core !== 0) return core;
  if (a.prerelease.length === 0 || b.prerelease.length === 0)
    return Math.sign(b.prerelease.length - a.prerelease.length);
  for (let i = 0; i < Math.min(a.prerelease.length, b.prerelease.length); i++) {
    const order = compareIdentifiers(a.prerelease[i], b.prerelease[i]);
    if (order !== 0) return order;
  }
  return Math.sign(a.prerelease.length - b.prerelease.length);
}
function compareVersions(a, b) {
  return compare(parseOrThrow(a), parseOrThrow(b));
}
const release = (major, minor, patch) => ({ major, minor, patch, prerelease: [] });
function parseComparator(text) {
  if (text === '*') return [{ operator: '>=', version: release(0, 0, 0) }];
  const match = /^(\^|~|>=|<=|>|<|=)?(.*)$/.exec(text);
  const operator = match[1] ?? '=';
  const version = parse(match[2]);
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
  return [{ operator, version }];
}
function parseRange(range) {
  return range.split('||').map((set) => {
    const parts = set
      .trim()
      .split(/\s+/)
      .filter((part) => part !== '');
    if (parts.length === 0) throw new TypeError(`Invalid range: ${JSON.stringify(range)}`);
    return parts.flatMap(parseComparator);
  });
}
function test(version, { operator, version: bound }) {
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
function satisfiesSet(version, set) {
  if (!set.every((comparator) => test(version, comparator))) return false;
  if (version.prerelease.length === 0) return true;
  return set.some(
    ({ version: bound }) =>
      bound.prerelease.length > 0 &&
      bound.major === version.major &&
      bound.minor === version.minor &&
      bound.patch === version.patch,
  );
}
function satisfiesParsed(version, sets) {
  return sets.some((set) => satisfiesSet(version, set));
}
function satisfies(version, range) {
  const sets = parseRange(range);
  const parsed = parse(version);
  return parsed !== void 0 && satisfiesParsed(parsed, sets);
}
function maxSatisfying(versions, range) {
  const sets = parseRange(range);
  let best = null;
  for (const text of versions) {
    const version = parse(text);
    if (!version || !satisfiesParsed(version, sets)) continue;
    best = { text, version };
  }
  return best === null ? null : best.text;
}
export { compareVersions, maxSatisfying, satisfies };
