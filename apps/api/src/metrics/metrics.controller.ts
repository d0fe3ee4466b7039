import { Controller, Get, Header } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { JUDGE_QUEUE } from '@app/contracts';
import { DataSource } from 'typeorm';
import { Public } from '../access/access.decorators.js';
import { LiveMetrics } from './live-metrics.js';

/** Prometheus text format. Public like /api/health: expose it only on an internal network. */
@Controller('metrics')
@Public()
@ApiExcludeController()
export class MetricsController {
  constructor(
    private readonly metrics: LiveMetrics,
    private readonly dataSource: DataSource,
  ) {}

  @Get()
  @Header('Content-Type', 'text/plain; version=0.0.4; charset=utf-8')
  async scrape(): Promise<string> {
    const [queue] = await this.dataSource.query<{ depth: string; oldest: string | null }[]>(
      `SELECT count(*) AS depth, extract(epoch FROM now() - min(created_on)) AS oldest
       FROM pgboss.job WHERE name = $1 AND state IN ('created', 'retry')`,
      [JUDGE_QUEUE],
    );
    this.metrics.queueDepth.set(Number(queue?.depth ?? 0));
    this.metrics.queueOldestAge.set(Number(queue?.oldest ?? 0));
    return this.metrics.registry.metrics();
  }
}
