import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { describe, expect, it } from '@jest/globals';
import { CHALLENGE_TYPES } from '@app/challenge-kit';
import { PACKAGE_TEMPLATES } from './package-templates.js';

/** docs/challenges.md shows, for every type, the package that `new` writes: the two must not drift apart. */
describe('docs/challenges.md', () => {
  it.each(CHALLENGE_TYPES)('shows every file of the %s scaffold as `new` writes it', async (type) => {
    const docs = await readFile(resolve('docs/challenges.md'), 'utf8');
    const section = docs.split(/^### /m).find((part) => part.startsWith(`${type}\n`));
    expect(section).toBeDefined();

    const files = PACKAGE_TEMPLATES[type](`my-${type}`, `A ${type} example`);
    const missing = Object.entries(files)
      .filter(([path]) => path !== 'statement.md')
      .filter(([path, content]) => !section!.includes(`\`${path}\`:`) || !section!.includes(content.trimEnd()))
      .map(([path]) => path);
    expect(missing).toEqual([]);
  });
});
