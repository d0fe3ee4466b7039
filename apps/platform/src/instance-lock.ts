import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';

export class InstanceLockedError extends Error {
  constructor(
    readonly pid: number,
    readonly lockFile: string,
  ) {
    super(
      `Assay is already running from this folder (pid ${pid}, lock ${lockFile}). ` +
        `Stop it first (Ctrl+C in its terminal, or \`kill ${pid}\`).`,
    );
    this.name = 'InstanceLockedError';
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * One `npm start` per data folder: a second one would share the embedded PostgreSQL's files.
 * The lock is a pid file created exclusively; one left by a process that died is taken over.
 */
export class InstanceLock {
  private constructor(private readonly file: string) {}

  static acquire(file: string): InstanceLock {
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        const fd = openSync(file, 'wx', 0o644);
        writeSync(fd, `${process.pid}\n`);
        closeSync(fd);
        return new InstanceLock(file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
        const holder = Number(readFileSync(file, 'utf8').trim());
        if (Number.isInteger(holder) && holder > 0 && holder !== process.pid && isAlive(holder)) {
          throw new InstanceLockedError(holder, file);
        }
        rmSync(file, { force: true });
      }
    }
    throw new Error(`Could not take the instance lock ${file}`);
  }

  release(): void {
    rmSync(this.file, { force: true });
  }
}
