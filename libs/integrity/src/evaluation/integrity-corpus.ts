import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The ways the corpus disguises a copy; each `copy-<kind>` file applies one family of them. */
export const DISGUISE_KINDS = ['rename-format', 'reorder', 'dead-code', 'rewrite', 'helpers', 'typed'] as const;
export type DisguiseKind = (typeof DISGUISE_KINDS)[number];

export interface CorpusEntry {
  problem: string;
  /** File name inside the problem's folder. */
  file: string;
  /** Who wrote it: `original` for the original and its copies, `independent-<n>` otherwise. */
  author: string;
  /** The disguise, for a copy. */
  disguise?: DisguiseKind;
  source: string;
}

export interface CorpusProblem {
  id: string;
  /** The starter code candidates were given, excluded from fingerprints. */
  starter?: string;
  entries: CorpusEntry[];
}

const ENTRY_NAME = /^(starter|original|copy-([a-z-]+)|independent-(\d+))\.(js|ts)\.txt$/;

/**
 * Reads the labelled corpus (test/integrity-corpus): one folder per problem holding `starter`,
 * `original`, `copy-<disguise>` and `independent-<n>` files (`.js.txt` or `.ts.txt`, so that no
 * linter, formatter or type checker rewrites or rejects deliberately odd code). Labels come from the
 * names: a copy is by the original's author; every independent solution has an author of its own.
 */
export function readIntegrityCorpus(directory: string): CorpusProblem[] {
  const problems: CorpusProblem[] = [];
  for (const folder of readdirSync(directory, { withFileTypes: true })) {
    if (!folder.isDirectory()) continue;
    const problem: CorpusProblem = { id: folder.name, entries: [] };
    for (const file of readdirSync(join(directory, folder.name)).sort()) {
      const match = ENTRY_NAME.exec(file);
      if (!match) throw new Error(`${folder.name}/${file}: not a corpus file name`);
      const source = readFileSync(join(directory, folder.name, file), 'utf8');
      const [, role, disguise, independent] = match;
      if (role === 'starter') {
        problem.starter = source;
      } else if (independent !== undefined) {
        problem.entries.push({ problem: folder.name, file, author: `independent-${independent}`, source });
      } else if (disguise !== undefined) {
        if (!isDisguiseKind(disguise)) throw new Error(`${folder.name}/${file}: unknown disguise ${disguise}`);
        problem.entries.push({ problem: folder.name, file, author: 'original', disguise, source });
      } else {
        problem.entries.push({ problem: folder.name, file, author: 'original', source });
      }
    }
    problems.push(problem);
  }
  return problems.sort((x, y) => x.id.localeCompare(y.id));
}

function isDisguiseKind(value: string): value is DisguiseKind {
  return (DISGUISE_KINDS as readonly string[]).includes(value);
}
