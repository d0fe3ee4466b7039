import { Injectable } from '@nestjs/common';
import type { UserEntity } from '@app/db';
import { DataSource } from 'typeorm';
import { ACCESS_TOKEN_TTL_SECONDS, AccessTokenService } from '../access/access-token.service.js';
import { DomainException } from '../errors/domain.exception.js';
import type { AuthSessionDto } from './dto/auth-session.dto.js';
import type { LoginDto } from './dto/login.dto.js';
import type { SignupDto } from './dto/signup.dto.js';
import { OrganizationRepository } from './organization.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { EmailTakenError, UserRepository } from './user.repository.js';

const emailTaken = () => new DomainException('conflict', 'email_taken', 'An account with this e-mail address exists.');
const badCredentials = () =>
  new DomainException('unauthenticated', 'bad_credentials', 'The e-mail address or the password is wrong.');
const badRefreshToken = () =>
  new DomainException('unauthenticated', 'invalid_refresh_token', 'The refresh token is invalid, used or expired.');

@Injectable()
export class AuthService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly users: UserRepository,
    private readonly organizations: OrganizationRepository,
    private readonly refreshTokens: RefreshTokenRepository,
    private readonly passwords: PasswordHasher,
    private readonly accessTokens: AccessTokenService,
  ) {}

  /** Creates an organisation with its first admin, signed in. */
  async signup(input: SignupDto): Promise<AuthSessionDto> {
    if (await this.users.findByEmail(input.email)) throw emailTaken();
    const passwordHash = await this.passwords.hash(input.password);
    try {
      return await this.dataSource.transaction(async (manager) => {
        const organization = await this.organizations.create(manager, input.organizationName);
        const user = await this.users.create(manager, {
          organizationId: organization.id,
          email: input.email,
          name: input.name,
          role: 'admin',
          passwordHash,
        });
        const { token } = await this.refreshTokens.issue(manager, user.id);
        return this.session(user, token);
      });
    } catch (error) {
      if (error instanceof EmailTakenError) throw emailTaken();
      throw error;
    }
  }

  async login(input: LoginDto): Promise<AuthSessionDto> {
    const user = await this.users.findByEmail(input.email);
    const valid = user
      ? await this.passwords.verify(user.passwordHash, input.password)
      : await this.passwords.verifyNothing(input.password);
    if (!user || !valid) throw badCredentials();
    const { token } = await this.refreshTokens.issue(this.dataSource.manager, user.id);
    return this.session(user, token);
  }

  /**
   * Rotates a refresh token. Presenting one that was already used means it leaked: the whole family
   * is revoked, signing out both the thief and the owner.
   */
  async refresh(refreshToken: string): Promise<AuthSessionDto> {
    const outcome = await this.dataSource.transaction(async (manager) => {
      const current = await this.refreshTokens.findForUpdate(manager, refreshToken);
      if (!current) return { type: 'invalid' as const };
      if (current.revokedAt) {
        await this.refreshTokens.revokeFamily(manager, current.familyId);
        return { type: 'reused' as const };
      }
      if (current.expiresAt.getTime() <= Date.now()) return { type: 'invalid' as const };
      const user = await this.users.findById(current.userId);
      if (!user) return { type: 'invalid' as const };
      const next = await this.refreshTokens.issue(manager, user.id, current.familyId);
      await this.refreshTokens.markReplaced(manager, current.id, next.row.id);
      return { type: 'rotated' as const, user, token: next.token };
    });
    if (outcome.type !== 'rotated') throw badRefreshToken();
    return this.session(outcome.user, outcome.token);
  }

  async logout(refreshToken: string): Promise<void> {
    await this.refreshTokens.revokeByToken(refreshToken);
  }

  private async session(user: UserEntity, refreshToken: string): Promise<AuthSessionDto> {
    const accessToken = await this.accessTokens.signStaff({
      kind: 'staff',
      userId: user.id,
      organizationId: user.organizationId,
      role: user.role,
    });
    return {
      accessToken,
      refreshToken,
      expiresIn: ACCESS_TOKEN_TTL_SECONDS,
      user: { id: user.id, email: user.email, name: user.name, role: user.role, organizationId: user.organizationId },
    };
  }
}
