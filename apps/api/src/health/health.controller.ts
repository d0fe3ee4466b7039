import { Controller, Get } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { HealthCheck, HealthCheckService, TypeOrmHealthIndicator } from '@nestjs/terminus';
import { Public } from '../access/access.decorators.js';
import { MigrationsHealthIndicator } from './migrations.health.js';

const DATABASE_CHECK_TIMEOUT_MS = 1500;

@Controller()
@Public()
@ApiExcludeController()
export class HealthController {
  constructor(
    private readonly health: HealthCheckService,
    private readonly database: TypeOrmHealthIndicator,
    private readonly migrations: MigrationsHealthIndicator,
  ) {}

  /** Liveness: the process answers. Orchestrators restart it when this fails. */
  @Get('health')
  @HealthCheck()
  live() {
    return this.health.check([]);
  }

  /** Readiness: the database answers and its schema is current. Load balancers route on this. */
  @Get('ready')
  @HealthCheck()
  ready() {
    return this.health.check([
      () => this.database.pingCheck('database').withTimeout(DATABASE_CHECK_TIMEOUT_MS),
      () => this.migrations.isUpToDate('migrations').withTimeout(DATABASE_CHECK_TIMEOUT_MS),
    ]);
  }
}
