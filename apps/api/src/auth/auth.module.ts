import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { RefreshTokenEntity, UserEntity } from '@app/db';
import { AuthController } from './auth.controller.js';
import { AuthService } from './auth.service.js';
import { OrganizationRepository } from './organization.repository.js';
import { PasswordHasher } from './password-hasher.js';
import { RefreshTokenRepository } from './refresh-token.repository.js';
import { UserRepository } from './user.repository.js';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, RefreshTokenEntity])],
  controllers: [AuthController],
  providers: [AuthService, OrganizationRepository, PasswordHasher, RefreshTokenRepository, UserRepository],
  exports: [PasswordHasher, UserRepository],
})
export class AuthModule {}
