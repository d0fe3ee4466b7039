import type { ChallengePackage } from './challenge-package.js';
import { parseChallengePackage, PACKAGE_LIMITS, type ParseOptions } from './challenge-loader.js';
import { ChallengePackageError } from './package-problem.js';

/**
 * The JSON body of `POST /api/v1/challenges`: a package's files as text. `contentHash` is what the
 * sender computed; the server recomputes it and refuses a mismatch (a truncated or altered upload).
 */
export interface ChallengeUpload {
  files: { path: string; content: string }[];
  contentHash: string;
}

export function toUpload(pkg: ChallengePackage): ChallengeUpload {
  return {
    files: pkg.fileIndex.map(({ path }) => ({ path, content: pkg.files.get(path) ?? '' })),
    contentHash: pkg.contentHash,
  };
}

/**
 * Reads an uploaded body (hostile until checked) into a package, with the same checks as the CLI's
 * loader plus `options.sectionChecks`. Throws ChallengePackageError listing every problem.
 */
export async function parseUpload(body: unknown, options: ParseOptions = {}): Promise<ChallengePackage> {
  const fail = (pointer: string, message: string): never => {
    throw new ChallengePackageError('upload', [{ file: '(request body)', pointer, message }]);
  };
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    return fail('', 'must be an object with files and contentHash');
  const { files, contentHash } = body as Record<string, unknown>;
  if (!Array.isArray(files)) return fail('/files', 'must be a list of { path, content }');
  if (files.length > PACKAGE_LIMITS.maxFiles)
    return fail('/files', `must have at most ${PACKAGE_LIMITS.maxFiles} files`);
  if (typeof contentHash !== 'string' || !/^[0-9a-f]{64}$/.test(contentHash))
    return fail('/contentHash', 'must be the sha256 of the package in lowercase hex');
  const map = new Map<string, string>();
  files.forEach((file: unknown, index) => {
    const entry = file as { path?: unknown; content?: unknown } | null;
    if (typeof entry?.path !== 'string' || typeof entry.content !== 'string')
      return fail(`/files/${index}`, 'must be { path: string, content: string }');
    if (map.has(entry.path))
      return fail(`/files/${index}/path`, `repeats the file ${JSON.stringify(entry.path.slice(0, 100))}`);
    map.set(entry.path, entry.content);
  });
  const pkg = await parseChallengePackage(map, 'upload', options);
  if (pkg.contentHash !== contentHash)
    fail('/contentHash', `does not match the files (their hash is ${pkg.contentHash})`);
  return pkg;
}
