import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { StaffPrincipal } from '../access/principal.js';
import { StaffUserDto } from '../auth/dto/auth-session.dto.js';
import { PasswordHasher } from '../auth/password-hasher.js';
import { EmailTakenError, UserRepository } from '../auth/user.repository.js';
import { DomainException } from '../errors/domain.exception.js';
import type { CreateMemberDto } from './dto/create-member.dto.js';

@Injectable()
export class MembersService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly passwords: PasswordHasher,
  ) {}

  /** Adds a member to the admin's own organisation; the organisation never comes from the request. */
  async add(admin: StaffPrincipal, input: CreateMemberDto): Promise<StaffUserDto> {
    const passwordHash = await this.passwords.hash(input.password);
    try {
      const user = await this.users.create(this.dataSource.manager, {
        organizationId: admin.organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        passwordHash,
      });
      return { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId };
    } catch (error) {
      if (error instanceof EmailTakenError) {
        throw new DomainException('conflict', 'email_taken', 'An account with this e-mail address exists.');
      }
      throw error;
    }
  }

  async list(staff: StaffPrincipal): Promise<StaffUserDto[]> {
    const users = await this.users.listByOrganization(staff.organizationId);
    return users.map((user) => ({
      id: user.id,
      email: user.email,
      name: user.name,
      role: user.role,
      organizationId: user.organizationId,
    }));
  }
}
