import type { EntityManager } from 'typeorm';
import { ChallengeVersionEntity } from './entities/index.js';

/** How many challenge versions a process keeps by default. */
export const CHALLENGE_VERSION_CACHE_SIZE = 64;

/**
 * The most recently used challenge versions of a process, by id. A version never changes once written
 * (a changed challenge becomes a new version), so a process reads each one (its definition can weigh
 * hundreds of kilobytes) once, instead of once per submission. Only the verification state may change
 * after a version is written, and nothing that reads this cache looks at it.
 */
export class ChallengeVersionCache {
  private readonly versions = new Map<string, ChallengeVersionEntity>();

  constructor(private readonly capacity = CHALLENGE_VERSION_CACHE_SIZE) {}

  async get(manager: EntityManager, id: string): Promise<ChallengeVersionEntity> {
    const cached = this.versions.get(id);
    if (cached) {
      this.versions.delete(id);
      this.versions.set(id, cached);
      return cached;
    }
    const version = await manager.findOneByOrFail(ChallengeVersionEntity, { id });
    this.versions.set(id, version);
    for (const oldest of this.versions.keys()) {
      if (this.versions.size <= this.capacity) break;
      this.versions.delete(oldest);
    }
    return version;
  }
}
