import { Global, Module } from '@nestjs/common';
import { LiveMetrics } from './live-metrics.js';
import { MetricsController } from './metrics.controller.js';

@Global()
@Module({ controllers: [MetricsController], providers: [LiveMetrics], exports: [LiveMetrics] })
export class MetricsModule {}
