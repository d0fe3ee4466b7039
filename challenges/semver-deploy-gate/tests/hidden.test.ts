import { describe, expect, it } from '@jest/globals';
import { compareVersions, maxSatisfying, satisfies } from './solution';

describe('compareVersions', () => {
  it('orders major, then minor, then patch', () => {
    expect(compareVersions('2.0.0', '1.99.99')).toBe(1);
    expect(compareVersions('1.2.0', '1.3.0')).toBe(-1);
    expect(compareVersions('1.2.10', '1.2.9')).toBe(1);
    expect(compareVersions('1.2.3', '1.2.3')).toBe(0);
  });

  it('ignores a leading v and build metadata', () => {
    expect(compareVersions('v1.2.3', '1.2.3')).toBe(0);
    expect(compareVersions('1.2.3+build.7', '1.2.3+build.8')).toBe(0);
    expect(compareVersions('1.2.3+exp.sha.5114f85', '1.2.4')).toBe(-1);
  });

  it('puts a prerelease below its release', () => {
    expect(compareVersions('1.0.0-rc.1', '1.0.0')).toBe(-1);
    expect(compareVersions('1.0.0', '1.0.0-rc.1')).toBe(1);
    expect(compareVersions('1.0.1-alpha', '1.0.0')).toBe(1);
  });

  it('follows the SemVer prerelease order', () => {
    const ordered = [
      '1.0.0-alpha',
      '1.0.0-alpha.1',
      '1.0.0-alpha.beta',
      '1.0.0-beta',
      '1.0.0-beta.2',
      '1.0.0-beta.11',
      '1.0.0-rc.1',
      '1.0.0',
    ];
    for (let i = 0; i + 1 < ordered.length; i++) {
      expect([ordered[i], ordered[i + 1], compareVersions(ordered[i]!, ordered[i + 1]!)]).toEqual([
        ordered[i],
        ordered[i + 1],
        -1,
      ]);
      expect([ordered[i + 1], ordered[i], compareVersions(ordered[i + 1]!, ordered[i]!)]).toEqual([
        ordered[i + 1],
        ordered[i],
        1,
      ]);
    }
    expect(compareVersions('1.0.0-2', '1.0.0-10')).toBe(-1);
    expect(compareVersions('1.0.0-alpha.1', '1.0.0-alpha.1')).toBe(0);
    expect(compareVersions('1.0.0-Beta', '1.0.0-alpha')).toBe(-1);
    expect(compareVersions('1.0.0-1a', '1.0.0-1')).toBe(1);
  });

  it('throws a TypeError for invalid versions', () => {
    for (const invalid of [
      '1.2',
      '1.2.3.4',
      '01.2.3',
      '1.02.3',
      '1.2.03',
      '1.2.3-',
      '1.2.3-01',
      '1.2.3-a..b',
      'a.b.c',
      '',
      ' 1.2.3',
      '1.2.3+',
      'V1.2.3',
      '-1.2.3',
      '1.2.3-a_b',
    ]) {
      expect(() => compareVersions(invalid, '1.0.0')).toThrow(TypeError);
      expect(() => compareVersions('1.0.0', invalid)).toThrow(TypeError);
    }
  });

  it('accepts the edges of the grammar', () => {
    expect(compareVersions('0.0.0', '0.0.0')).toBe(0);
    expect(compareVersions('1.2.3-0', '1.2.3-alpha')).toBe(-1);
    expect(compareVersions('1.2.3-x-y.0a', '1.2.3-x-y.0b')).toBe(-1);
    expect(compareVersions('10.20.30+meta-data.01', '10.20.30')).toBe(0);
  });
});

describe('satisfies', () => {
  it('exact versions, with or without =', () => {
    expect(satisfies('1.2.3', '1.2.3')).toBe(true);
    expect(satisfies('1.2.3+build', '=1.2.3')).toBe(true);
    expect(satisfies('1.2.4', '1.2.3')).toBe(false);
    expect(satisfies('1.2.2', '=1.2.3')).toBe(false);
  });

  it('inequality comparators', () => {
    expect(satisfies('1.2.3', '>1.2.2')).toBe(true);
    expect(satisfies('1.2.3', '>1.2.3')).toBe(false);
    expect(satisfies('1.2.3', '>=1.2.3')).toBe(true);
    expect(satisfies('1.2.2', '>=1.2.3')).toBe(false);
    expect(satisfies('1.2.3', '<1.2.3')).toBe(false);
    expect(satisfies('1.2.2', '<1.2.3')).toBe(true);
    expect(satisfies('1.2.3', '<=1.2.3')).toBe(true);
    expect(satisfies('1.2.4', '<=1.2.3')).toBe(false);
  });

  it('tilde allows patch updates only', () => {
    expect(satisfies('1.2.3', '~1.2.3')).toBe(true);
    expect(satisfies('1.2.9', '~1.2.3')).toBe(true);
    expect(satisfies('1.3.0', '~1.2.3')).toBe(false);
    expect(satisfies('1.2.2', '~1.2.3')).toBe(false);
  });

  it('caret on 1.x and above', () => {
    expect(satisfies('1.2.3', '^1.2.3')).toBe(true);
    expect(satisfies('1.9.0', '^1.2.3')).toBe(true);
    expect(satisfies('1.2.2', '^1.2.3')).toBe(false);
    expect(satisfies('2.0.0', '^1.2.3')).toBe(false);
  });

  it('caret on 0.x is stricter', () => {
    expect(satisfies('0.2.9', '^0.2.3')).toBe(true);
    expect(satisfies('0.3.0', '^0.2.3')).toBe(false);
    expect(satisfies('0.2.2', '^0.2.3')).toBe(false);
    expect(satisfies('0.0.3', '^0.0.3')).toBe(true);
    expect(satisfies('0.0.4', '^0.0.3')).toBe(false);
    expect(satisfies('0.1.0', '^0.0.3')).toBe(false);
  });

  it('a set needs every comparator', () => {
    expect(satisfies('1.5.0', '>=1.4.0 <2.0.0')).toBe(true);
    expect(satisfies('2.0.0', '>=1.4.0 <2.0.0')).toBe(false);
    expect(satisfies('1.3.9', '>=1.4.0 <2.0.0')).toBe(false);
    expect(satisfies('1.5.0', '  >=1.4.0    <2.0.0 ')).toBe(true);
  });

  it('a range needs any set', () => {
    expect(satisfies('3.1.0', '>=1.4.0 <2.0.0 || ^3.0.0')).toBe(true);
    expect(satisfies('1.4.5', '>=1.4.0 <2.0.0 || ^3.0.0')).toBe(true);
    expect(satisfies('2.5.0', '>=1.4.0 <2.0.0 || ^3.0.0')).toBe(false);
    expect(satisfies('1.0.0', '1.0.0||2.0.0')).toBe(true);
  });

  it('star matches every release', () => {
    expect(satisfies('0.0.0', '*')).toBe(true);
    expect(satisfies('0.0.1', '*')).toBe(true);
    expect(satisfies('99.0.0', '*')).toBe(true);
  });

  it('prereleases are opt-in', () => {
    expect(satisfies('2.4.0-beta.1', '^2.3.0')).toBe(false);
    expect(satisfies('1.3.0-beta.2', '>=1.2.0')).toBe(false);
    expect(satisfies('1.0.0-rc.1', '*')).toBe(false);
    expect(satisfies('1.3.0-beta.2', '>=1.3.0-beta.1')).toBe(true);
    expect(satisfies('1.3.0-beta.1', '>=1.3.0-beta.2')).toBe(false);
    expect(satisfies('1.3.0-rc.1', '>=1.3.0-beta.1 <1.4.0')).toBe(true);
    expect(satisfies('1.3.1-rc.1', '>=1.3.0-beta.1 <1.4.0')).toBe(false);
    expect(satisfies('1.3.0', '>=1.3.0-beta.1')).toBe(true);
    expect(satisfies('2.0.0-rc.1', '^1.2.0 || >=2.0.0-alpha')).toBe(true);
    expect(satisfies('1.9.0-rc.1', '^1.2.0 || >=2.0.0-alpha')).toBe(false);
  });

  it('an invalid version satisfies nothing', () => {
    expect(satisfies('1.2', '*')).toBe(false);
    expect(satisfies('latest', '>=0.0.0')).toBe(false);
  });

  it('an invalid range throws a TypeError', () => {
    for (const range of ['', '   ', '^1.2', '>>1.2.3', '1.2.3 ||', '|| 1.2.3', '~>1.2.3', '>= 1.2.3', 'x']) {
      expect(() => satisfies('1.2.3', range)).toThrow(TypeError);
    }
  });
});

describe('maxSatisfying', () => {
  it('compares by precedence, not by position or text', () => {
    expect(maxSatisfying(['1.10.0', '1.9.0', '1.2.0'], '^1.0.0')).toBe('1.10.0');
    expect(maxSatisfying(['1.2.0', '1.9.0', '1.10.0'], '^1.0.0')).toBe('1.10.0');
  });

  it('never picks a prerelease the range did not ask for', () => {
    expect(maxSatisfying(['1.4.0', '1.5.0-rc.1', '2.0.0'], '^1.0.0')).toBe('1.4.0');
    expect(maxSatisfying(['1.5.0-rc.1', '1.5.0-rc.2', '1.4.0'], '>=1.5.0-rc.1')).toBe('1.5.0-rc.2');
  });

  it('returns null when nothing satisfies', () => {
    expect(maxSatisfying(['3.0.0', '0.9.0'], '^1.0.0')).toBeNull();
    expect(maxSatisfying([], '*')).toBeNull();
  });

  it('skips invalid versions', () => {
    expect(maxSatisfying(['latest', '1.2', '1.0.1', '01.5.0'], '^1.0.0')).toBe('1.0.1');
  });

  it('keeps the version as written', () => {
    expect(maxSatisfying(['v2.1.0+build.5', '2.0.9'], '~2.1.0')).toBe('v2.1.0+build.5');
  });
});
