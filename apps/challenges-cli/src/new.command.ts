import { mkdir, stat, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { CHALLENGE_TYPES, type ChallengeType } from '@app/challenge-kit';
import { PACKAGE_TEMPLATES } from './package-templates.js';
import type { CommandIo } from './validate.command.js';

const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

function titleOf(slug: string): string {
  const words = slug.split('-');
  return words.map((word, index) => (index === 0 ? word[0].toUpperCase() + word.slice(1) : word)).join(' ');
}

/** `new <type> <slug> [--bank <folder>]`: writes a valid scaffold of that type to <bank>/<slug>. */
export async function newCommand(args: readonly string[], io: CommandIo): Promise<number> {
  const bankIndex = args.indexOf('--bank');
  const bank = resolve(bankIndex < 0 ? 'challenges' : (args[bankIndex + 1] ?? 'challenges'));
  const [type, slug] = args.filter((_arg, index) => index !== bankIndex && index !== bankIndex + 1);
  if (!type || !(CHALLENGE_TYPES as readonly string[]).includes(type)) {
    io.err.write(`Usage: challenges new <type> <slug>; type is one of ${CHALLENGE_TYPES.join(', ')}\n`);
    return 2;
  }
  if (!slug || !SLUG.test(slug) || slug.length < 3 || slug.length > 64) {
    io.err.write(
      'The slug must be 3 to 64 lowercase letters and digits in words joined by single hyphens, e.g. token-bucket\n',
    );
    return 2;
  }
  const folder = join(bank, slug);
  if (
    await stat(folder).then(
      () => true,
      () => false,
    )
  ) {
    io.err.write(`${folder} already exists\n`);
    return 1;
  }
  const files = PACKAGE_TEMPLATES[type as ChallengeType](slug, titleOf(slug));
  for (const [path, content] of Object.entries(files)) {
    await mkdir(dirname(join(folder, path)), { recursive: true });
    await writeFile(join(folder, path), content);
  }
  io.out.write(
    `Created ${folder} (${type}):\n${Object.keys(files)
      .sort()
      .map((path) => `  ${path}`)
      .join('\n')}\nNext: edit it, then npm run challenges -- validate ${folder}\n`,
  );
  return 0;
}
