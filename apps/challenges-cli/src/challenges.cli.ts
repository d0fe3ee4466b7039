import type { CommandIo } from './validate.command.js';

export const USAGE = `Usage: npm run challenges -- <command>

  validate [path] [--coverage] [--verbose]
                                check a package or a whole bank (default: challenges/): schema, statement,
                                every reference passes every test, every wrong solution fails a hidden test;
                                the bank's balance rules are checked for challenges/ or with --coverage
  new <type> <slug> [--bank d]  scaffold a valid package of a type in challenges/<slug>
  mutate [slug...] [--verbose] [--json file]
                                mutation testing of code challenges' reference solutions (>= 90 % killed)
  import <folder>               upload a package to the organisation of ASSAY_TOKEN at ASSAY_URL

Types: coding, class, stdio, spec, api-design, resilience, bug-fix, sql, system-design, code-review, quiz
`;

/** Runs one command of the challenges CLI; returns the process exit code. */
export async function runChallengesCli(argv: readonly string[], io: CommandIo): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    // Each command loads only what it needs: `new` and `import` never start the judge engine.
    case 'validate':
      return (await import('./validate.command.js')).validateCommand(args, io);
    case 'new':
      return (await import('./new.command.js')).newCommand(args, io);
    case 'mutate':
      return (await import('./mutate.command.js')).mutateCommand(args, io);
    case 'import':
      return (await import('./import.command.js')).importCommand(args, io);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      io.out.write(USAGE);
      return command === undefined ? 2 : 0;
    default:
      io.err.write(`Unknown command "${command}"\n\n${USAGE}`);
      return 2;
  }
}
