import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DISGUISE_KINDS, readIntegrityCorpus } from './integrity-corpus.js';

describe('readIntegrityCorpus', () => {
  it('reads the labelled corpus: every problem has a starter, an original, each disguise and three independent solutions', () => {
    const sut = readIntegrityCorpus(join(process.cwd(), 'test', 'integrity-corpus'));

    expect(sut.length).toBeGreaterThanOrEqual(10);
    for (const problem of sut) {
      expect({ problem: problem.id, hasStarter: problem.starter !== undefined }).toEqual({
        problem: problem.id,
        hasStarter: true,
      });
      const copies = problem.entries.filter((entry) => entry.author === 'original');
      expect(copies.filter((entry) => entry.disguise === undefined)).toHaveLength(1);
      expect(
        copies
          .map((entry) => entry.disguise)
          .filter(Boolean)
          .sort(),
      ).toEqual([...DISGUISE_KINDS].sort());
      const independents = new Set(
        problem.entries.filter((entry) => entry.author !== 'original').map((entry) => entry.author),
      );
      expect(independents.size).toBe(3);
    }
  });

  it('refuses a file whose name carries no label', () => {
    const directory = mkdtempSync(join(tmpdir(), 'integrity-corpus-'));
    try {
      mkdirSync(join(directory, 'problem'));
      writeFileSync(join(directory, 'problem', 'original.js.txt'), 'export const x = 1;');
      writeFileSync(join(directory, 'problem', 'copy-paraphrase.js.txt'), 'export const y = 1;');
      expect(() => readIntegrityCorpus(directory)).toThrow(/unknown disguise paraphrase/);
      writeFileSync(join(directory, 'problem', 'copy-paraphrase.js.txt'), '');
      rmSync(join(directory, 'problem', 'copy-paraphrase.js.txt'));
      writeFileSync(join(directory, 'problem', 'notes.md'), '');
      expect(() => readIntegrityCorpus(directory)).toThrow(/not a corpus file name/);
    } finally {
      rmSync(directory, { recursive: true, force: true });
    }
  });
});
