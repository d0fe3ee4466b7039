import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ApiConfig } from '@app/config';
import { createSecretKey } from 'node:crypto';
import { AccessTokenService } from './access-token.service.js';
import { AccessGuard } from './access.guard.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        // A key object, not the string: jsonwebtoken otherwise tries the string as a public key first on
        // every verification, which costs more than the verification itself.
        secret: createSecretKey(Buffer.from(config.JWT_SECRET, 'utf8')),
        signOptions: { algorithm: 'HS256', issuer: 'assay' },
        verifyOptions: { issuer: 'assay' },
      }),
    }),
  ],
  providers: [AccessTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessTokenService],
})
export class AccessModule {}
