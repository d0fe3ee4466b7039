import { once } from 'node:events';
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from '@jest/globals';
import {
  CHALLENGE_TYPES,
  ChallengePackageError,
  loadChallenge,
  parseChallengePackage,
  readPackageFiles,
  SECTION_CHECKS,
} from '@app/challenge-kit';
import { runChallengesCli } from './challenges.cli.js';
import { importCommand } from './import.command.js';

class TextSink extends Writable {
  text = '';
  override _write(chunk: Buffer, _encoding: BufferEncoding, done: () => void): void {
    this.text += chunk.toString();
    done();
  }
}

async function cli(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out = new TextSink();
  const err = new TextSink();
  const code = await runChallengesCli(argv, { out, err });
  return { code, out: out.text, err: err.text };
}

const folders: string[] = [];
async function newBank(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), 'assay-cli-'));
  folders.push(folder);
  return folder;
}

afterAll(async () => {
  for (const folder of folders) await rm(folder, { recursive: true, force: true });
});

describe('challenges new', () => {
  it.each(CHALLENGE_TYPES)('scaffolds a %s package that the loader and its section checks accept', async (type) => {
    const bank = await newBank();

    const result = await cli('new', type, `my-${type}`, '--bank', bank);

    expect(result.code).toBe(0);
    const pkg = await loadChallenge(join(bank, `my-${type}`));
    expect(pkg.manifest.type).toBe(type);
    expect(pkg.slug).toBe(`my-${type}`);
    const problems = await loadChallenge(join(bank, `my-${type}`), { sectionChecks: SECTION_CHECKS }).then(
      () => [],
      (error: ChallengePackageError) => error.problems.map((problem) => problem.message),
    );
    // Harness kinds the judge engine does not offer yet are the only acceptable complaint.
    expect(problems.filter((message) => !/is not a harness kind/.test(message))).toEqual([]);
  });

  it('refuses an unknown type, a bad slug and an existing folder', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'taken', '--bank', bank);

    expect((await cli('new', 'essay', 'x-y', '--bank', bank)).err).toContain('type is one of coding, class');
    expect((await cli('new', 'coding', 'Bad_Slug', '--bank', bank)).code).toBe(2);
    expect(await cli('new', 'coding', 'taken', '--bank', bank)).toEqual(
      expect.objectContaining({ code: 1, err: `${join(bank, 'taken')} already exists\n` }),
    );
  });
});

describe('challenges validate', () => {
  it('accepts a good package: the reference passes, the wrong solution fails a hidden test', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'median-of-list', '--bank', bank);

    const result = await cli('validate', join(bank, 'median-of-list'));

    expect(result.code).toBe(0);
    expect(result.out).toMatch(/median-of-list\s+coding\s+easy\s+4\/4\s+ok/);
    expect(result.out).toContain('1 challenge(s): 1 valid, 0 failed');
    expect(result.err).toContain('1/1');
  });

  it('fails a package whose wrong solution passes every hidden test, and whose reference fails one', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'median-of-list', '--bank', bank);
    const folder = join(bank, 'median-of-list');
    const reference = await readFile(join(folder, 'solutions/reference.ts'), 'utf8');
    await writeFile(join(folder, 'wrong/default-sort.ts'), `// Not wrong at all.\n${reference}`);
    await writeFile(join(folder, 'solutions/off-by-one.ts'), reference.replace('% 2 === 1', '% 2 === 0'));

    const result = await cli('validate', folder);

    expect(result.code).toBe(1);
    expect(result.out).toContain(
      'wrong/default-sort.ts (wrong) must fail a hidden test but passes them all (5/5 tests)',
    );
    expect(result.out).toMatch(
      /solutions\/off-by-one\.ts \(reference\) must pass every test but fails sample "odd count" WRONG_ANSWER/,
    );
    expect(result.out).toMatch(/median-of-list\s+coding\s+easy\s+3\/5\s+FAIL/);
  });

  it('names the file, the field and what is allowed for a schema error, and the path of a harness error', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'broken-one', '--bank', bank);
    await cli('new', 'coding', 'broken-two', '--bank', bank);
    const manifest = join(bank, 'broken-one', 'challenge.yaml');
    await writeFile(manifest, (await readFile(manifest, 'utf8')).replace('difficulty: easy', 'difficulty: impossible'));
    const second = join(bank, 'broken-two', 'challenge.yaml');
    await writeFile(second, (await readFile(second, 'utf8')).replace('expected: 2.5', 'expexted: 2.5'));

    const result = await cli('validate', bank);

    expect(result.code).toBe(1);
    expect(result.out).toContain('challenge.yaml:5 /difficulty: must be one of easy, medium, hard (got "impossible")');
    expect(result.out).toMatch(/challenge\.yaml:\d+ \/tests\/1\/expexted: is not a known field/);
    expect(result.out).toContain('2 challenge(s): 0 valid, 2 failed');
  });

  it('checks the balance rules of a bank on request', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'median-of-list', '--bank', bank);

    const result = await cli('validate', bank, '--coverage');

    expect(result.code).toBe(1);
    expect(result.out).toContain('competency security has 0 challenge(s); at least 3 are needed');
    expect(result.out).toContain('no challenge of type quiz');
  });
});

describe('challenges import', () => {
  it('uploads the package as JSON with the bearer token and reports the version', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'median-of-list', '--bank', bank);
    const requests: { method?: string; url?: string; authorization?: string; body: unknown }[] = [];
    const server = createServer((request: IncomingMessage, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        requests.push({
          method: request.method,
          url: request.url,
          authorization: request.headers.authorization,
          body: JSON.parse(body),
        });
        response.writeHead(201, { 'content-type': 'application/json' }).end(
          JSON.stringify({
            slug: 'median-of-list',
            version: 3,
            created: true,
            verification: 'pending',
            problems: [],
          }),
        );
      });
    });
    server.listen(0, '127.0.0.1');
    await once(server, 'listening');
    const out = new TextSink();
    const err = new TextSink();

    const code = await importCommand(
      [join(bank, 'median-of-list')],
      { out, err },
      { ASSAY_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, ASSAY_TOKEN: 'token-123' },
    );
    server.close();

    expect(code).toBe(0);
    expect(out.text).toMatch(
      /^median-of-list was imported as version 3 \([0-9a-f]{12}\)\nThe judge is running its solutions: it can go into assessments once GET \/api\/v1\/challenges\/median-of-list shows verification "verified"\.\n$/,
    );
    expect(requests).toHaveLength(1);
    expect(requests[0]).toEqual(
      expect.objectContaining({ method: 'POST', url: '/api/v1/challenges', authorization: 'Bearer token-123' }),
    );
    const files = await readPackageFiles(join(bank, 'median-of-list'));
    const uploaded = requests[0].body as { files: { path: string; content: string }[]; contentHash: string };
    expect(new Map(uploaded.files.map((file) => [file.path, file.content]))).toEqual(files);
    expect(uploaded.contentHash).toBe((await parseChallengePackage(files, 'x')).contentHash);
  });

  it('prints every problem of a 400, and needs ASSAY_URL and ASSAY_TOKEN', async () => {
    const bank = await newBank();
    await cli('new', 'quiz', 'api-quiz', '--bank', bank);
    const problems = [
      { file: 'challenge.yaml', pointer: '/quiz/questions/0/options', message: 'needs a correct option' },
    ];
    const fetcher = (() =>
      Promise.resolve(new Response(JSON.stringify({ problems }), { status: 400 }))) as typeof fetch;
    const err = new TextSink();

    const code = await importCommand(
      [join(bank, 'api-quiz')],
      { out: new TextSink(), err },
      { ASSAY_URL: 'http://assay.test', ASSAY_TOKEN: 't' },
      fetcher,
    );

    expect(code).toBe(1);
    expect(err.text).toBe(
      'The platform refused the package: HTTP 400\n  - challenge.yaml /quiz/questions/0/options: needs a correct option\n',
    );
    expect(
      await importCommand(
        [join(bank, 'api-quiz')],
        { out: new TextSink(), err: new TextSink() },
        { ASSAY_TOKEN: 't' },
        fetcher,
      ),
    ).toBe(2);
    expect(
      await importCommand(
        [join(bank, 'api-quiz')],
        { out: new TextSink(), err: new TextSink() },
        { ASSAY_URL: 'http://assay.test' },
        fetcher,
      ),
    ).toBe(2);
  });

  it('does not upload a package that fails the local checks', async () => {
    const bank = await newBank();
    await cli('new', 'coding', 'median-of-list', '--bank', bank);
    await rm(join(bank, 'median-of-list', 'statement.md'));
    let called = false;
    const fetcher = (() => {
      called = true;
      return Promise.resolve(new Response('{}'));
    }) as typeof fetch;
    const err = new TextSink();

    const code = await importCommand(
      [join(bank, 'median-of-list')],
      { out: new TextSink(), err },
      { ASSAY_URL: 'http://assay.test', ASSAY_TOKEN: 't' },
      fetcher,
    );

    expect(code).toBe(1);
    expect(called).toBe(false);
    expect(err.text).toContain('statement.md: is missing');
  });
});
