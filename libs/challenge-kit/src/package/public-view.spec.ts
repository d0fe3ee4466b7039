import { describe, expect, it } from '@jest/globals';
import { SECTION_CHECKS } from '../verification/section-checks.js';
import { engineHarness } from '../verification/harness-check.js';
import { manifestWith, newGraderPackageFiles, newPackageFiles } from './challenge-package.factory.js';
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

describe('toPublicView of grader types', () => {
  it.each(['quiz', 'code-review', 'system-design', 'sql'] as const)(
    'shows a %s challenge without its answers',
    async (type) => {
      const pkg = await parseChallengePackage(newGraderPackageFiles(type), 'test', { sectionChecks: SECTION_CHECKS });

      const sut = toPublicView(pkg);

      const text = JSON.stringify(sut);
      expect(text).not.toMatch(/SECRET-/);
      expect(text).not.toContain('"correct"');
      expect(text).not.toContain('"defects"');
      expect(text).not.toContain('"rubric"');
      expect(text).not.toContain('"tolerance"');
      expect(sut.material).toBeDefined();
    },
  );

  it('keeps what a candidate needs of each type', async () => {
    const view = async (type: 'quiz' | 'code-review' | 'system-design' | 'sql') =>
      toPublicView(await parseChallengePackage(newGraderPackageFiles(type), 'test')).material as Record<
        string,
        unknown
      >;

    expect((await view('quiz')).questions).toEqual([
      expect.objectContaining({
        id: 'idempotent',
        kind: 'multiple',
        options: [
          { id: 'get', text: 'GET' },
          { id: 'post', text: 'POST' },
          { id: 'put', text: 'PUT' },
        ],
      }),
      expect.objectContaining({ id: 'status', kind: 'single' }),
    ]);
    expect(await view('code-review')).toEqual(
      expect.objectContaining({ files: ['src/users.ts'], diff: expect.stringContaining('SELECT * FROM users') }),
    );
    expect(await view('system-design')).toEqual(
      expect.objectContaining({
        estimates: [{ id: 'qps', prompt: 'Peak requests per second?', unit: 'req/s', points: 1 }],
      }),
    );
    expect(await view('sql')).toEqual({
      datasets: [{ name: 'small', setup: 'CREATE TABLE t (id int, v int);\nINSERT INTO t VALUES (1, 5), (2, 9);\n' }],
      sampleTests: [{ name: 'sample', dataset: 'small', ordered: true, expected: { columns: ['id'], rows: [[2]] } }],
    });
  });

  it("gives a spec harness without files the package's spec files, and shows only the sample ones", async () => {
    const spec = (name: string) =>
      `import { expect, it } from '@jest/globals';\nimport { sum } from './solution';\nit('${name}', () => expect(sum(1, 2)).toBe(3));\n`;
    const files = newPackageFiles({
      'challenge.yaml': manifestWith('type: coding', 'type: spec').replace(
        /harness:[\s\S]*$/,
        'harness:\n  kind: spec\ntests:\n  - { name: basics.sample.test.ts › adds, sample: true }\n  - { name: edge.test.ts › adds again }\n',
      ),
      'tests/more.yaml': undefined,
      'tests/basics.sample.test.ts': spec('adds'),
      'tests/edge.test.ts': spec('adds again'),
    });
    // The section checks (the engine validating the harness) pass: parsing throws on any problem.
    const pkg = await parseChallengePackage(files, 'test', { sectionChecks: SECTION_CHECKS });

    expect(engineHarness(pkg)).toMatchObject({
      kind: 'spec',
      files: [
        { path: 'basics.sample.test.ts', sample: true },
        { path: 'edge.test.ts', source: spec('adds again') },
      ],
    });
    expect(toPublicView(pkg).harness!.sampleTestFiles).toEqual([
      { path: 'basics.sample.test.ts', language: 'typescript', content: spec('adds') },
    ]);
  });
});
