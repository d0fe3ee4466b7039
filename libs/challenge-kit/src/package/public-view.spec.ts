import { describe, expect, it } from '@jest/globals';
import { newPackageFiles } from './challenge-package.factory.js';
import { parseChallengePackage } from './challenge-loader.js';
import { toPublicView } from './public-view.js';

describe('toPublicView', () => {
  it('keeps what a candidate needs: statement, starters, sample tests', async () => {
    const pkg = await parseChallengePackage(newPackageFiles(), 'test');

    const sut = toPublicView(pkg);

    expect(sut.statement).toBe(pkg.statement);
    expect(sut.starters.map((starter) => starter.path)).toEqual(['starter/solution.ts', 'starter/solution.js']);
    expect(sut.harness).toEqual({
      kind: 'function',
      sampleTests: [{ name: 'small numbers', sample: true, weight: 1, args: [2, 3], expected: 5 }],
      sampleTestFiles: [],
    });
    expect(sut.contentHash).toBe(pkg.contentHash);
  });

  it('never includes hidden tests, solutions, wrong solutions or the harness spec', async () => {
    const files = newPackageFiles({
      'solutions/reference.ts': 'export function sum(a: number, b: number) { return a + b; } // SECRET-REFERENCE\n',
    });
    const pkg = await parseChallengePackage(files, 'test');

    const text = JSON.stringify(toPublicView(pkg));

    expect(text).not.toContain('SECRET-REFERENCE');
    expect(text).not.toContain('negative numbers');
    expect(text).not.toContain('zero');
    expect(text).not.toContain('Math.abs');
    expect(text).not.toContain('"export"');
  });

  it('does not share objects with the package, so a caller cannot alter the loaded challenge', async () => {
    const pkg = await parseChallengePackage(newPackageFiles(), 'test');

    const sut = toPublicView(pkg);
    sut.competencies.push('security');
    sut.harness!.sampleTests[0].expected = 6;

    expect(pkg.manifest.competencies).toEqual(['programming']);
    expect(pkg.tests[0]?.raw.expected).toBe(5);
  });
});
