import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from '@jest/globals';
import { manifestWith, newGraderPackageFiles, newPackageFiles } from './challenge-package.factory.js';
import { loadBank, loadChallenge, parseChallengePackage } from './challenge-loader.js';
import { ChallengePackageError, formatProblem, type PackageProblem } from './package-problem.js';

async function problemsOf(files: Map<string, string>, expectedSlug?: string): Promise<PackageProblem[]> {
  try {
    await parseChallengePackage(files, 'test', expectedSlug === undefined ? {} : { expectedSlug });
  } catch (error) {
    if (error instanceof ChallengePackageError) return [...error.problems];
    throw error;
  }
  throw new Error('the package was accepted');
}

const temporary: string[] = [];
async function writePackage(files: Map<string, string>, folderName: string, root?: string): Promise<string> {
  const base = root ?? (await mkdtemp(join(tmpdir(), 'assay-bank-')));
  if (!root) temporary.push(base);
  const folder = join(base, folderName);
  for (const [path, content] of files) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  return folder;
}

afterAll(async () => {
  for (const folder of temporary) await rm(folder, { recursive: true, force: true });
});

describe('parseChallengePackage', () => {
  it('reads a valid package with defaults applied and tests from challenge.yaml and tests/', async () => {
    const sut = await parseChallengePackage(newPackageFiles(), 'test');

    expect(sut.slug).toBe('sum-two');
    expect(sut.manifest.scoring).toEqual({ points: 50, partialCredit: true });
    expect(sut.manifest.tags).toEqual([]);
    expect(sut.tests.map((test) => [test.name, test.sample, test.weight, test.at.file, test.at.pointer])).toEqual([
      ['small numbers', true, 1, 'challenge.yaml', '/tests/0'],
      ['negative numbers', false, 2, 'challenge.yaml', '/tests/1'],
      ['zero', false, 1, 'tests/more.yaml', '/0'],
    ]);
    expect(sut.starters.map((starter) => [starter.path, starter.language])).toEqual([
      ['starter/solution.ts', 'typescript'],
      ['starter/solution.js', 'javascript'],
    ]);
    expect(sut.wrongSolutions).toEqual([
      expect.objectContaining({
        path: 'wrong/ignores-sign.ts',
        mistake: 'Adds absolute values, so negative inputs come out positive.',
      }),
    ]);
  });

  it.each([
    [
      'an unknown competency',
      'competencies: [programming]',
      'competencies: [programming, backend]',
      '/competencies/1',
      'must be one of api-design, data-modeling, architecture, security, cloud-infra, delivery, operations, code-quality, leadership, programming (got "backend")',
      6,
    ],
    [
      'an unknown difficulty',
      'difficulty: easy',
      'difficulty: trivial',
      '/difficulty',
      'must be one of easy, medium, hard (got "trivial")',
      5,
    ],
    [
      'an unknown field',
      'estimatedMinutes: 5',
      'estimatedMinutes: 5\nauthor: me',
      '/author',
      'is not a known field; allowed: slug, title, summary, type, difficulty, competencies, estimatedMinutes, languages, tags, limits, scoring, harness, tests, sql, codeReview, quiz, systemDesign',
      8,
    ],
    ['a missing title', 'title: Sum of two numbers\n', '', '/title', 'is required', 1],
    [
      'a slug with capitals',
      'slug: sum-two',
      'slug: Sum-Two',
      '/slug',
      'must be lowercase letters and digits in words joined by single hyphens (got "Sum-Two")',
      1,
    ],
    [
      'a harness kind that does not fit the type',
      'kind: function',
      'kind: class',
      '/harness/kind',
      'must be one of function (got "class")',
      14,
    ],
    [
      'a per-test limit above the ceiling',
      'timeLimitMs: 1000',
      'timeLimitMs: 60000',
      '/limits/timeLimitMs',
      'must be <= 10000 (got 60000)',
      10,
    ],
    [
      'a section of another type',
      'scoring:',
      'quiz: {}\nscoring:',
      '/quiz',
      'is not allowed for a challenge of type coding',
      11,
    ],
    ['a negative weight', 'weight: 2', 'weight: -2', '/tests/1/weight', 'must be > 0 (got -2)', 22],
  ])('names the file, the field and what is allowed for %s', async (_case, from, to, pointer, message, line) => {
    const problems = await problemsOf(newPackageFiles({ 'challenge.yaml': manifestWith(from, to) }));

    expect(problems).toContainEqual({ file: 'challenge.yaml', pointer, message, line });
  });

  it('requires the section of the type', async () => {
    const files = newPackageFiles({ 'challenge.yaml': manifestWith('type: coding', 'type: sql') });

    const problems = await problemsOf(files);

    expect(problems).toContainEqual(
      expect.objectContaining({ pointer: '/sql', message: 'is required for a challenge of type sql' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ pointer: '/harness', message: 'is not allowed for a challenge of type sql' }),
    );
    expect(problems).toContainEqual(
      expect.objectContaining({ pointer: '/tests', message: 'is not allowed for a challenge of type sql' }),
    );
  });

  it('reports YAML syntax errors with their line', async () => {
    const problems = await problemsOf(newPackageFiles({ 'challenge.yaml': 'slug: a\nslug: b\n' }));

    expect(problems).toEqual([
      expect.objectContaining({
        file: 'challenge.yaml',
        line: 2,
        message: expect.stringMatching(/^is not valid YAML: Map keys must be unique/),
      }),
    ]);
  });

  it('lists every problem of a package at once, with formatted messages', async () => {
    const files = newPackageFiles({
      'starter/solution.js': undefined,
      'wrong/ignores-sign.ts': 'export const sum = () => 1;\n',
      'statement.md': 'Too short <b>bold</b>',
      'tests/more.yaml': '- name: small numbers\n  args: [1, 1]\n  expected: 2\n',
    });

    const problems = (await problemsOf(files, 'another-name')).map(formatProblem);

    expect(problems).toEqual(
      expect.arrayContaining([
        'statement.md: is too short to be a statement (at least 80 characters)',
        'statement.md: contains raw HTML ("<b>"); use Markdown only',
        'challenge.yaml:1 /slug: must equal the folder name "another-name" (got "sum-two")',
        'starter/solution.js: is missing: the starter code of javascript, listed in challenge.yaml /languages',
        'wrong/ignores-sign.ts: must start with a one-line comment saying what the mistake is (`// ...`, `-- ...` or `# ...`)',
        'tests/more.yaml /0/name: repeats the test name "small numbers" of challenge.yaml /tests/0; test names must be unique',
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('needs a sample and a hidden test, a reference and a wrong solution', async () => {
    const manifest = manifestWith('    sample: true\n', '');
    const files = newPackageFiles({
      'challenge.yaml': manifest,
      'solutions/reference.ts': undefined,
      'wrong/ignores-sign.ts': undefined,
    });

    const problems = (await problemsOf(files)).map(formatProblem);

    expect(problems).toEqual([
      'challenge.yaml:17 /tests: needs at least one sample test (sample: true) to show the candidate the format',
      'solutions/: needs at least one reference solution',
      'wrong/: needs at least one wrong solution: a plausible mistake that fails a hidden test',
    ]);
  });

  it.each([['../escape.ts'], ['/etc/passwd'], ['solutions/.hidden.ts'], ['a\\b.ts']])(
    'refuses the file name %s from an upload',
    async (path) => {
      const problems = await problemsOf(newPackageFiles({ [path]: 'x' }));

      expect(problems).toEqual([
        expect.objectContaining({ file: path, message: expect.stringContaining('is not an allowed file name') }),
      ]);
    },
  );

  it('refuses a solution in a language the challenge does not offer', async () => {
    const problems = await problemsOf(newPackageFiles({ 'solutions/reference.sql': 'select 1;' }));

    expect(problems).toEqual([
      {
        file: 'solutions/reference.sql',
        pointer: '',
        message: 'must be a typescript or javascript file for a challenge of type coding',
      },
    ]);
  });

  it('adds the problems of section checks, with the line of challenge.yaml fields', async () => {
    const problems: PackageProblem[] = [];
    try {
      await parseChallengePackage(newPackageFiles(), 'test', {
        sectionChecks: [() => [{ file: 'challenge.yaml', pointer: '/harness/export', message: 'must name an export' }]],
      });
    } catch (error) {
      problems.push(...(error as ChallengePackageError).problems);
    }

    expect(problems).toEqual([
      { file: 'challenge.yaml', pointer: '/harness/export', message: 'must name an export', line: 15 },
    ]);
  });
});

describe('file references', () => {
  it('replaces { file } in a grader section with the text of that file', async () => {
    const sut = await parseChallengePackage(newGraderPackageFiles('code-review'), 'test');

    expect(sut.manifest.codeReview?.diff).toBe(newGraderPackageFiles('code-review').get('review/change.diff'));
  });

  it('names the field of a reference to a missing file', async () => {
    const files = newGraderPackageFiles('code-review');
    files.delete('review/change.diff');

    const problems = await problemsOf(files);

    expect(problems).toEqual([
      {
        file: 'challenge.yaml',
        pointer: '/codeReview/diff/file',
        message: 'must name a file of the package (got "review/change.diff")',
        line: 9,
      },
    ]);
  });
});

describe('content hash', () => {
  it('is stable: independent of the order files come in', async () => {
    const files = newPackageFiles();
    const reversed = new Map([...files.entries()].reverse());

    const sut = await parseChallengePackage(files, 'a');
    const again = await parseChallengePackage(reversed, 'b');

    expect(sut.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(again.contentHash).toBe(sut.contentHash);
  });

  it('changes when any byte, file name or file changes', async () => {
    const base = (await parseChallengePackage(newPackageFiles(), 'a')).contentHash;
    const variants = [
      newPackageFiles({
        'solutions/reference.ts': 'export function sum(a: number, b: number): number {\n  return b + a;\n}\n',
      }),
      newPackageFiles({
        'solutions/reference.ts': undefined,
        'solutions/main.ts': 'export function sum(a: number, b: number): number {\n  return a + b;\n}\n',
      }),
      newPackageFiles({ 'notes.md': 'extra' }),
    ];

    const hashes = await Promise.all(
      variants.map(async (files) => (await parseChallengePackage(files, 'v')).contentHash),
    );

    expect(new Set([base, ...hashes]).size).toBe(4);
  });

  it('is the same when loaded from a folder as from the file map', async () => {
    const folder = await writePackage(newPackageFiles(), 'sum-two');

    const sut = await loadChallenge(folder);

    expect(sut.contentHash).toBe((await parseChallengePackage(newPackageFiles(), 'x')).contentHash);
    expect(sut.origin).toBe(folder);
  });
});

describe('loadBank', () => {
  it('loads every package folder, sorted, and keeps failures apart', async () => {
    const root = await mkdtemp(join(tmpdir(), 'assay-bank-'));
    temporary.push(root);
    const second = new Map(newPackageFiles());
    second.set('challenge.yaml', manifestWith('slug: sum-two', 'slug: another-sum'));
    await writePackage(second, 'another-sum', root);
    await writePackage(newPackageFiles(), 'sum-two', root);
    await writePackage(newPackageFiles({ 'statement.md': undefined }), 'broken', root);
    await mkdir(join(root, 'not-a-package'));

    const sut = await loadBank(root);

    expect(sut.challenges.map((challenge) => challenge.slug)).toEqual(['another-sum', 'sum-two']);
    expect(sut.failures.map((failure) => failure.error.problems.map(formatProblem))).toEqual([
      [
        'statement.md: is missing: every challenge has a statement.md',
        'challenge.yaml:1 /slug: must equal the folder name "broken" (got "sum-two")',
      ],
    ]);
  });

  it('refuses symbolic links in a package folder', async () => {
    const folder = await writePackage(newPackageFiles(), 'sum-two');
    await symlink('/etc/hostname', join(folder, 'starter', 'linked.ts'));

    await expect(loadChallenge(folder)).rejects.toThrow(
      'starter/linked.ts: is a symbolic link; packages hold plain files only',
    );
  });
});
