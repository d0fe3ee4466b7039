import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { UserEntity, type StaffRole } from '@app/db';
import { type EntityManager, QueryFailedError, Repository } from 'typeorm';

export class EmailTakenError extends Error {}

function isEmailClash(error: unknown): boolean {
  const driverError =
    error instanceof QueryFailedError ? (error.driverError as { code?: string; constraint?: string }) : undefined;
  return driverError?.code === '23505' && driverError.constraint === 'users_email_unique';
}

@Injectable()
export class UserRepository {
  constructor(@InjectRepository(UserEntity) private readonly users: Repository<UserEntity>) {}

  findByEmail(email: string): Promise<UserEntity | null> {
    return this.users.createQueryBuilder('user').where('lower(user.email) = lower(:email)', { email }).getOne();
  }

  findById(id: string): Promise<UserEntity | null> {
    return this.users.findOneBy({ id });
  }

  listByOrganization(organizationId: string): Promise<UserEntity[]> {
    return this.users.find({ where: { organizationId }, order: { createdAt: 'ASC' } });
  }

  /** Throws EmailTakenError when an account with that address exists, whatever its case. */
  async create(
    manager: EntityManager,
    user: { organizationId: string; email: string; name: string; role: StaffRole; passwordHash: string },
  ): Promise<UserEntity> {
    try {
      return await manager.getRepository(UserEntity).save(manager.getRepository(UserEntity).create(user));
    } catch (error) {
      if (isEmailClash(error)) throw new EmailTakenError();
      throw error;
    }
  }
}
