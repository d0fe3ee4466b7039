import { createHash } from 'node:crypto';
import type { PackageFileEntry } from './challenge-package.js';

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Per-file sha256 and size, sorted by path (code-unit order, so no locale can change it). */
export function indexFiles(files: ReadonlyMap<string, string>): PackageFileEntry[] {
  return [...files.entries()]
    .sort(([a], [b]) => compareCodeUnits(a, b))
    .map(([path, content]) => {
      const bytes = Buffer.from(content, 'utf8');
      return { path, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
    });
}

/**
 * The version identity of a package: sha256 over the sorted `path NUL sha256 LF` lines of its files.
 * It changes when any file's bytes, name or presence changes, and nothing else: not the order files
 * were read in, their timestamps, nor the machine.
 */
export function contentHashOf(index: readonly PackageFileEntry[]): string {
  const hash = createHash('sha256');
  for (const entry of index) hash.update(`${entry.path}\u0000${entry.sha256}\n`);
  return hash.digest('hex');
}
