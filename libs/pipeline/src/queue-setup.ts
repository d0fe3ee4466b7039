import type PgBoss from 'pg-boss';

const DEADLOCK = '40P01';
const ATTEMPTS = 5;

/**
 * Creates a pg-boss queue, or brings an existing one's policy up to date. Queues are created with DDL, so
 * processes starting together on a fresh database (`npm start` starts the API and the judge at once; a
 * scaled-out deployment starts several of each) can deadlock on it: the loser tries again after a pause.
 */
export async function ensureQueue(boss: PgBoss, options: PgBoss.Queue): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      if (await boss.getQueue(options.name)) await boss.updateQueue(options.name, options);
      else await boss.createQueue(options.name, options);
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== DEADLOCK || attempt >= ATTEMPTS) throw error;
      await new Promise((resolve) => setTimeout(resolve, 100 + Math.random() * 400));
    }
  }
}
