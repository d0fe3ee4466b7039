import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { RefreshTokenEntity } from '@app/db';
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { type EntityManager, IsNull, Repository } from 'typeorm';

export const REFRESH_TOKEN_TTL_MS = 30 * 24 * 60 * 60 * 1000;

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

@Injectable()
export class RefreshTokenRepository {
  constructor(@InjectRepository(RefreshTokenEntity) private readonly tokens: Repository<RefreshTokenEntity>) {}

  /** Issues a token (returned once, in clear) in a new family, or in the family of the one it replaces. */
  async issue(
    manager: EntityManager,
    userId: string,
    familyId: string = randomUUID(),
  ): Promise<{ token: string; row: RefreshTokenEntity }> {
    const token = `rt_${randomBytes(32).toString('base64url')}`;
    const row = await manager.getRepository(RefreshTokenEntity).save({
      userId,
      familyId,
      tokenHash: hashRefreshToken(token),
      expiresAt: new Date(Date.now() + REFRESH_TOKEN_TTL_MS),
      revokedAt: null,
      replacedById: null,
    });
    return { token, row };
  }

  /** Locks the row so two concurrent refreshes with the same token cannot both succeed. */
  findForUpdate(manager: EntityManager, token: string): Promise<RefreshTokenEntity | null> {
    return manager
      .getRepository(RefreshTokenEntity)
      .createQueryBuilder('token')
      .setLock('pessimistic_write')
      .where('token.tokenHash = :hash', { hash: hashRefreshToken(token) })
      .getOne();
  }

  async markReplaced(manager: EntityManager, id: string, replacedById: string): Promise<void> {
    await manager.getRepository(RefreshTokenEntity).update({ id }, { revokedAt: new Date(), replacedById });
  }

  async revokeFamily(manager: EntityManager, familyId: string): Promise<void> {
    await manager
      .getRepository(RefreshTokenEntity)
      .update({ familyId, revokedAt: IsNull() }, { revokedAt: new Date() });
  }

  async revokeByToken(token: string): Promise<void> {
    await this.tokens.update({ tokenHash: hashRefreshToken(token), revokedAt: IsNull() }, { revokedAt: new Date() });
  }
}
