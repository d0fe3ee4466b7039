import { type DynamicModule, Module } from '@nestjs/common';
import { ConfigModule } from '@nestjs/config';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ApiConfig, buildLoggerOptions } from '@app/config';
import { buildDataSourceOptions } from '@app/db';
import { LoggerModule } from 'nestjs-pino';
import { HealthModule } from './health/health.module.js';

@Module({})
export class AppModule {
  /** The whole API for one validated configuration; tests build it with their own. */
  static register(config: ApiConfig): DynamicModule {
    return {
      module: AppModule,
      imports: [
        ConfigModule.forRoot({ isGlobal: true, ignoreEnvFile: true, load: [() => ({ ...config })] }),
        LoggerModule.forRoot(buildLoggerOptions(config, 'api')),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.DATABASE_URL), retryAttempts: 0 }),
        HealthModule,
      ],
      providers: [{ provide: ApiConfig, useValue: config }],
      exports: [ApiConfig],
      global: true,
    };
  }
}
