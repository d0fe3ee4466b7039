import { Injectable } from '@nestjs/common';
import { HealthIndicatorService } from '@nestjs/terminus';
import { DataSource } from 'typeorm';

/** Ready only when every migration this build knows of has been applied. */
@Injectable()
export class MigrationsHealthIndicator {
  constructor(
    private readonly dataSource: DataSource,
    private readonly health: HealthIndicatorService,
  ) {}

  isUpToDate(key: 'migrations') {
    return this.health.check(key).attempt(async () => {
      const pending = await this.dataSource.showMigrations();
      if (pending) throw new Error('pending migrations: run `npm run migration:run`');
      return { applied: this.dataSource.migrations.length };
    });
  }
}
