/**
 * Graceful shutdown gets a deadline: when SIGTERM or SIGINT arrives, in-flight work has
 * `graceMs` to finish before the process exits anyway, so a stuck request cannot hang a deploy.
 */
export function exitAfterGracePeriod(graceMs: number, log: (message: string) => void = console.error): void {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      setTimeout(() => {
        log(`Shutdown took longer than ${graceMs} ms; exiting.`);
        process.exit(1);
      }, graceMs).unref();
    });
  }
}

/**
 * A process started by the `npm start` supervisor stops when the supervisor is gone, even if it
 * was killed without a chance to stop its children (its IPC channel closes).
 */
export function stopWithSupervisor(): void {
  if (!process.send) return;
  process.once('disconnect', () => process.kill(process.pid, 'SIGTERM'));
}
