import { lstat, readdir, readFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { LineCounter, parseDocument, type Document } from 'yaml';
import type {
  AuthoredTest,
  ChallengeManifest,
  ChallengePackage,
  ReferenceSolution,
  SourceFile,
  StarterFile,
  WrongSolution,
} from './challenge-package.js';
import { isCodeType, LANGUAGE_EXTENSIONS, type ChallengeLanguage } from './challenge-types.js';
import { contentHashOf, indexFiles } from './content-hash.js';
import { resolveFileReferences } from './file-references.js';
import { validateManifest } from './manifest-validator.js';
import { ChallengePackageError, toPointer, type PackageProblem } from './package-problem.js';
import { checkStatement } from './statement-check.js';

export const MANIFEST_FILE = 'challenge.yaml';
export const STATEMENT_FILE = 'statement.md';

/** Ceilings for what a package may hold: uploads come from outside and are hostile until checked. */
export const PACKAGE_LIMITS = {
  maxFiles: 300,
  maxFileBytes: 1024 * 1024,
  maxTotalBytes: 8 * 1024 * 1024,
  maxPathLength: 200,
} as const;

const SAFE_PATH = /^(?!.*(?:^|\/)\.)[A-Za-z0-9._-]+(?:\/[A-Za-z0-9._-]+)*$/;
const TEST_DATA_FILE = /^tests\/[^/]+\.(ya?ml|json)$/;
const SPEC_FILE = /^tests\/(?:.+\/)?[^/]+\.(spec|test)\.(ts|js)$/;
const ANSWER_EXTENSIONS: Readonly<Record<string, SourceFile['language']>> = {
  '.yaml': 'yaml',
  '.yml': 'yaml',
  '.md': 'markdown',
};

/** What the starter file of each language is called. */
export function starterPath(language: ChallengeLanguage): string {
  return language === 'sql' ? 'starter/query.sql' : `starter/solution${LANGUAGE_EXTENSIONS[language]}`;
}

export interface ParseOptions {
  /** The folder's name: the slug must equal it. */
  expectedSlug?: string;
  /**
   * Extra checks of the type-specific sections (harness spec and tests, grader definitions). They
   * receive a package that passed every generic check and return more problems.
   */
  sectionChecks?: readonly SectionCheck[];
}

export type SectionCheck = (pkg: ChallengePackage) => PackageProblem[] | Promise<PackageProblem[]>;

class ProblemList {
  readonly items: PackageProblem[] = [];
  add(file: string, pointer: string, message: string, line?: number): void {
    this.items.push(line === undefined ? { file, pointer, message } : { file, pointer, message, line });
  }
}

function languageOf(path: string): SourceFile['language'] | undefined {
  const extension = /\.[a-z]+$/.exec(path)?.[0] ?? '';
  const code = (Object.entries(LANGUAGE_EXTENSIONS) as [ChallengeLanguage, string][]).find(
    ([, ext]) => ext === extension,
  );
  return code ? code[0] : ANSWER_EXTENSIONS[extension];
}

/** The first line of a wrong solution, when it is a comment: `// mistake`, `-- mistake`, `# mistake`. */
function mistakeOf(content: string): string | undefined {
  const first = content.split('\n', 1)[0]?.trim() ?? '';
  const match =
    /^(?:\/\/|--|#)\s*(?:mistake:\s*)?(.*)$/i.exec(first) ?? /^\/\*\s*(?:mistake:\s*)?(.*?)\s*\*\/$/i.exec(first);
  const text = match?.[1]?.trim();
  return text ? text : undefined;
}

function lineOf(document: Document, counter: LineCounter, pointer: string): number | undefined {
  const path = pointer
    .split('/')
    .slice(1)
    .map((segment) => {
      const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
      return /^\d+$/.test(key) ? Number(key) : key;
    });
  // The field itself may be missing (a `required` problem): fall back to its nearest parent.
  for (let length = path.length; length >= 0; length -= 1) {
    const node = document.getIn(path.slice(0, length), true) as { range?: [number, number, number] } | undefined;
    if (node?.range) return counter.linePos(node.range[0]).line;
  }
  return undefined;
}

function parseYaml(
  file: string,
  text: string,
  problems: ProblemList,
): { data: unknown; document: Document; counter: LineCounter } | undefined {
  const counter = new LineCounter();
  const document = parseDocument(text, { lineCounter: counter, uniqueKeys: true });
  if (document.errors.length > 0) {
    for (const error of document.errors) {
      const position = error.linePos?.[0];
      problems.add(file, '', `is not valid YAML: ${error.message.split('\n')[0]}`, position?.line);
    }
    return undefined;
  }
  return { data: document.toJS({ maxAliasCount: 100 }) as unknown, document, counter };
}

function withDefaults(raw: Record<string, unknown>): ChallengeManifest {
  const manifest = raw as unknown as ChallengeManifest & { scoring?: Partial<ChallengeManifest['scoring']> };
  return {
    ...manifest,
    languages: manifest.languages ?? [],
    tags: manifest.tags ?? [],
    limits: manifest.limits ?? {},
    scoring: { points: manifest.scoring?.points ?? 100, partialCredit: manifest.scoring?.partialCredit ?? true },
  };
}

function checkPaths(files: ReadonlyMap<string, string>, problems: ProblemList): boolean {
  let total = 0;
  if (files.size > PACKAGE_LIMITS.maxFiles)
    problems.add('(package)', '', `has ${files.size} files; at most ${PACKAGE_LIMITS.maxFiles} are allowed`);
  for (const [path, content] of files) {
    const bytes = Buffer.byteLength(content, 'utf8');
    total += bytes;
    if (path.length > PACKAGE_LIMITS.maxPathLength || !SAFE_PATH.test(path)) {
      problems.add(
        path.slice(0, PACKAGE_LIMITS.maxPathLength),
        '',
        'is not an allowed file name: relative POSIX paths of letters, digits, ".", "_" and "-", no hidden files, no ".."',
      );
    }
    if (bytes > PACKAGE_LIMITS.maxFileBytes)
      problems.add(path, '', `is ${bytes} bytes; at most ${PACKAGE_LIMITS.maxFileBytes} are allowed`);
    if (content.includes('\u0000')) problems.add(path, '', 'is not a text file');
  }
  if (total > PACKAGE_LIMITS.maxTotalBytes)
    problems.add('(package)', '', `holds ${total} bytes; at most ${PACKAGE_LIMITS.maxTotalBytes} are allowed`);
  return problems.items.length === 0;
}

function collectTests(
  manifest: ChallengeManifest,
  rawManifest: Record<string, unknown>,
  files: ReadonlyMap<string, string>,
  problems: ProblemList,
): AuthoredTest[] {
  const tests: AuthoredTest[] = [];
  const addTest = (raw: unknown, file: string, pointer: string): void => {
    if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
      problems.add(
        file,
        pointer,
        'must be an object: a test with a name, sample, weight and the fields of its harness kind',
      );
      return;
    }
    const fields = raw as Record<string, unknown>;
    const { name, sample = false, weight = 1 } = fields;
    if (typeof name !== 'string' || name.trim() === '' || name.length > 120)
      problems.add(file, `${pointer}/name`, 'is required: a string of 1 to 120 characters');
    if (typeof sample !== 'boolean')
      problems.add(file, `${pointer}/sample`, 'must be true (visible to the candidate) or false (hidden)');
    if (typeof weight !== 'number' || !Number.isFinite(weight) || weight <= 0 || weight > 1000)
      problems.add(file, `${pointer}/weight`, 'must be a number greater than 0 and at most 1000');
    tests.push({
      name: String(name),
      sample: sample === true,
      weight: typeof weight === 'number' ? weight : 1,
      raw: { ...fields, sample, weight },
      at: { file, pointer },
    });
  };

  const inline = (rawManifest.tests as unknown[] | undefined) ?? [];
  inline.forEach((test, index) => addTest(test, MANIFEST_FILE, toPointer(['tests', index])));

  for (const path of [...files.keys()].filter((file) => TEST_DATA_FILE.test(file)).sort()) {
    const local = new ProblemList();
    const parsed = parseYaml(path, files.get(path) ?? '', local);
    problems.items.push(...local.items);
    if (!parsed) continue;
    const list = Array.isArray(parsed.data) ? parsed.data : (parsed.data as { tests?: unknown } | null)?.tests;
    if (!Array.isArray(list)) {
      problems.add(path, '', 'must be a list of tests, or an object with a `tests` list');
      continue;
    }
    const base = Array.isArray(parsed.data) ? [] : ['tests'];
    list.forEach((test, index) => addTest(test, path, toPointer([...base, index])));
  }

  const seen = new Map<string, AuthoredTest>();
  for (const test of tests) {
    const earlier = seen.get(test.name);
    if (earlier)
      problems.add(
        test.at.file,
        `${test.at.pointer}/name`,
        `repeats the test name "${test.name}" of ${earlier.at.file} ${earlier.at.pointer}; test names must be unique`,
      );
    seen.set(test.name, test);
  }
  // Spec challenges too: their `tests` list is what makes grading independent of what the code defines.
  if (manifest.harness) {
    if (!tests.some((test) => test.sample))
      problems.add(
        MANIFEST_FILE,
        '/tests',
        'needs at least one sample test (sample: true) to show the candidate the format',
      );
    if (!tests.some((test) => !test.sample))
      problems.add(MANIFEST_FILE, '/tests', 'needs at least one hidden test (sample: false)');
  }
  return tests;
}

function collectSources(files: ReadonlyMap<string, string>, folder: 'solutions' | 'wrong'): SourceFile[] {
  return [...files.entries()]
    .filter(([path]) => path.startsWith(`${folder}/`))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, content]) => ({ path, content, language: languageOf(path) ?? 'markdown' }));
}

/** Which solution files a type takes: code in the challenge's languages, or an answer file. */
function allowedSolutionLanguages(manifest: ChallengeManifest): SourceFile['language'][] {
  if (isCodeType(manifest.type) || manifest.type === 'sql') return manifest.languages;
  return ['yaml'];
}

/**
 * Reads a challenge package from its files (relative POSIX path -> UTF-8 text), checking everything
 * that does not need a sandbox: paths, YAML, the schema, the statement, starters, tests, solutions and
 * wrong solutions. Throws ChallengePackageError with every problem found.
 */
export async function parseChallengePackage(
  files: ReadonlyMap<string, string>,
  origin: string,
  options: ParseOptions = {},
): Promise<ChallengePackage> {
  const problems = new ProblemList();
  if (!checkPaths(files, problems)) throw new ChallengePackageError(origin, problems.items);

  const manifestText = files.get(MANIFEST_FILE);
  if (manifestText === undefined) problems.add(MANIFEST_FILE, '', 'is missing: every challenge has a challenge.yaml');
  const statement = files.get(STATEMENT_FILE);
  if (statement === undefined) problems.add(STATEMENT_FILE, '', 'is missing: every challenge has a statement.md');
  else for (const message of checkStatement(statement)) problems.add(STATEMENT_FILE, '', message);
  if (manifestText === undefined) throw new ChallengePackageError(origin, problems.items);

  const parsed = parseYaml(MANIFEST_FILE, manifestText, problems);
  if (!parsed) throw new ChallengePackageError(origin, problems.items);
  const schemaProblems = validateManifest(parsed.data, MANIFEST_FILE);
  for (const problem of schemaProblems)
    problems.add(
      problem.file,
      problem.pointer,
      problem.message,
      lineOf(parsed.document, parsed.counter, problem.pointer),
    );
  if (schemaProblems.length > 0) throw new ChallengePackageError(origin, problems.items);

  const at = (pointer: string): number | undefined => lineOf(parsed.document, parsed.counter, pointer);
  const references = resolveFileReferences(parsed.data as Record<string, unknown>, files);
  for (const problem of references.problems) problems.add(MANIFEST_FILE, problem.pointer, problem.message);
  const rawManifest = references.manifest;
  const manifest = withDefaults(rawManifest);
  if (options.expectedSlug !== undefined && manifest.slug !== options.expectedSlug) {
    problems.add(
      MANIFEST_FILE,
      '/slug',
      `must equal the folder name "${options.expectedSlug}" (got "${manifest.slug}")`,
    );
  }

  const starters: StarterFile[] = [];
  for (const language of manifest.languages) {
    const path = starterPath(language);
    const content = files.get(path);
    if (content === undefined)
      problems.add(path, '', `is missing: the starter code of ${language}, listed in challenge.yaml /languages`);
    else starters.push({ path, language, content });
  }
  for (const path of files.keys()) {
    if (path.startsWith('starter/') && !starters.some((starter) => starter.path === path)) {
      problems.add(
        path,
        '',
        `is not a starter of this challenge; starters are ${manifest.languages.map(starterPath).join(', ') || 'none for this type'}`,
      );
    }
  }

  const tests = isCodeType(manifest.type) ? collectTests(manifest, rawManifest, files, problems) : [];
  const testFiles = [...files.entries()]
    .filter(([path]) => SPEC_FILE.test(path))
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([path, content]): SourceFile => ({ path, content, language: languageOf(path) ?? 'typescript' }));
  if (manifest.harness?.kind === 'spec' && manifest.harness.files === undefined && testFiles.length === 0)
    problems.add(
      'tests/',
      '',
      'needs spec files (tests/**/*.spec.ts or .test.ts) for a spec harness that lists no files',
    );

  const allowed = allowedSolutionLanguages(manifest);
  const solutions = collectSources(files, 'solutions') as ReferenceSolution[];
  const wrongSolutions: WrongSolution[] = [];
  for (const solution of solutions) {
    if (!allowed.includes(solution.language))
      problems.add(
        solution.path,
        '',
        `must be a ${allowed.join(' or ')} file for a challenge of type ${manifest.type}`,
      );
  }
  for (const source of collectSources(files, 'wrong')) {
    if (!allowed.includes(source.language))
      problems.add(source.path, '', `must be a ${allowed.join(' or ')} file for a challenge of type ${manifest.type}`);
    const mistake = mistakeOf(source.content);
    if (!mistake)
      problems.add(
        source.path,
        '',
        'must start with a one-line comment saying what the mistake is (`// ...`, `-- ...` or `# ...`)',
      );
    wrongSolutions.push({ ...source, mistake: mistake ?? '' });
  }
  const needsSolutions = manifest.type !== 'quiz';
  const needsWrong = isCodeType(manifest.type) || manifest.type === 'sql' || manifest.type === 'code-review';
  if (needsSolutions && solutions.length === 0) problems.add('solutions/', '', 'needs at least one reference solution');
  if (needsWrong && wrongSolutions.length === 0)
    problems.add('wrong/', '', 'needs at least one wrong solution: a plausible mistake that fails a hidden test');

  const fileIndex = indexFiles(files);
  const pkg: ChallengePackage = {
    origin,
    slug: manifest.slug,
    manifest,
    statement: statement ?? '',
    starters,
    tests,
    testFiles,
    solutions,
    wrongSolutions,
    files,
    fileIndex,
    contentHash: contentHashOf(fileIndex),
  };
  const failIfAny = (): void => {
    if (problems.items.length === 0) return;
    const located = problems.items.map((problem) =>
      problem.line === undefined && problem.file === MANIFEST_FILE && problem.pointer
        ? { ...problem, line: at(problem.pointer) }
        : problem,
    );
    throw new ChallengePackageError(origin, located);
  };
  failIfAny();
  for (const check of options.sectionChecks ?? []) problems.items.push(...(await check(pkg)));
  failIfAny();
  return pkg;
}

/** Every file under `folder` (hidden files and folders skipped, symbolic links refused) by relative POSIX path. */
export async function readPackageFiles(folder: string): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  const problems = new ProblemList();
  const visit = async (directory: string, prefix: string): Promise<void> => {
    const entries = await readdir(directory, { withFileTypes: true });
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith('.') || entry.name === 'node_modules') continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      const absolute = join(directory, entry.name);
      const stats = await lstat(absolute);
      if (stats.isSymbolicLink()) problems.add(path, '', 'is a symbolic link; packages hold plain files only');
      else if (stats.isDirectory()) await visit(absolute, path);
      else if (files.size >= PACKAGE_LIMITS.maxFiles)
        problems.add(path, '', `is beyond the ${PACKAGE_LIMITS.maxFiles} files a package may hold`);
      else if (stats.size > PACKAGE_LIMITS.maxFileBytes)
        problems.add(path, '', `is ${stats.size} bytes; at most ${PACKAGE_LIMITS.maxFileBytes} are allowed`);
      else files.set(path, await readFile(absolute, 'utf8'));
    }
  };
  await visit(folder, '');
  if (problems.items.length > 0) throw new ChallengePackageError(folder, problems.items);
  return files;
}

/** Loads the package in `folder`; its slug must equal the folder's name. */
export async function loadChallenge(
  folder: string,
  options: Omit<ParseOptions, 'expectedSlug'> = {},
): Promise<ChallengePackage> {
  const absolute = resolve(folder);
  return parseChallengePackage(await readPackageFiles(absolute), absolute, {
    ...options,
    expectedSlug: basename(absolute),
  });
}

export interface LoadedBank {
  challenges: ChallengePackage[];
  /** Packages that failed to load, with their problems; a bank loads what it can. */
  failures: { folder: string; error: ChallengePackageError }[];
}

/** Loads every package folder (a folder with a challenge.yaml) directly under `root`, sorted by slug. */
export async function loadBank(root: string, options: Omit<ParseOptions, 'expectedSlug'> = {}): Promise<LoadedBank> {
  const entries = await readdir(resolve(root), { withFileTypes: true });
  const folders = entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.'))
    .map((entry) => join(resolve(root), entry.name))
    .sort();
  const bank: LoadedBank = { challenges: [], failures: [] };
  for (const folder of folders) {
    const hasManifest = await lstat(join(folder, MANIFEST_FILE)).then(
      () => true,
      () => false,
    );
    if (!hasManifest) continue;
    try {
      bank.challenges.push(await loadChallenge(folder, options));
    } catch (error) {
      if (!(error instanceof ChallengePackageError)) throw error;
      bank.failures.push({ folder, error });
    }
  }
  return bank;
}
