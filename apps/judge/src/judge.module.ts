import { type DynamicModule, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { JudgeConfig, buildLoggerOptions } from '@app/config';
import { buildDataSourceOptions } from '@app/db';
import { LoggerModule } from 'nestjs-pino';

@Module({})
export class JudgeModule {
  static register(config: JudgeConfig): DynamicModule {
    return {
      module: JudgeModule,
      imports: [
        LoggerModule.forRoot(buildLoggerOptions(config, 'judge')),
        TypeOrmModule.forRoot({ ...buildDataSourceOptions(config.DATABASE_URL), retryAttempts: 0 }),
      ],
      providers: [{ provide: JudgeConfig, useValue: config }],
      exports: [JudgeConfig],
      global: true,
    };
  }
}
