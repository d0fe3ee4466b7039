import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ApiConfig } from '@app/config';
import { AccessTokenService } from './access-token.service.js';
import { AccessGuard } from './access.guard.js';

@Global()
@Module({
  imports: [
    JwtModule.registerAsync({
      inject: [ApiConfig],
      useFactory: (config: ApiConfig) => ({
        secret: config.JWT_SECRET,
        signOptions: { algorithm: 'HS256', issuer: 'assay' },
        verifyOptions: { issuer: 'assay' },
      }),
    }),
  ],
  providers: [AccessTokenService, { provide: APP_GUARD, useClass: AccessGuard }],
  exports: [AccessTokenService],
})
export class AccessModule {}
