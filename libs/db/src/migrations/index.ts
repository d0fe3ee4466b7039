import type { MigrationInterface } from 'typeorm';
// generated imports
import { CreateBaseSchema1795814295312 } from './1795814295312-CreateBaseSchema.js';

/** Every migration in order; `npm run migration:generate` appends new ones here. */
// prettier-ignore
export const MIGRATIONS: (new () => MigrationInterface)[] = [
  CreateBaseSchema1795814295312,
];
