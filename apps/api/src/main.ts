import 'reflect-metadata';
import { ApiConfig, ConfigValidationError, exitAfterGracePeriod, loadConfig, stopWithSupervisor } from '@app/config';
import {
  DatabaseUnreachableError,
  assertDatabaseReachable,
  runPendingMigrations,
  surviveDatabaseOutages,
} from '@app/db';
import { createApiApplication } from './api.application.js';

async function main(): Promise<void> {
  stopWithSupervisor();
  surviveDatabaseOutages();
  const config = loadConfig('the API', ApiConfig);
  await assertDatabaseReachable(config.DATABASE_URL);
  await runPendingMigrations(config.DATABASE_URL);
  const app = await createApiApplication(config);
  exitAfterGracePeriod(config.SHUTDOWN_GRACE_MS);
  await app.listen(config.PORT);
  console.log(`Assay API listening on http://localhost:${config.PORT}`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigValidationError || error instanceof DatabaseUnreachableError) {
    console.error(error.message);
  } else {
    console.error('The API failed to start:', error);
  }
  process.exit(1);
});
