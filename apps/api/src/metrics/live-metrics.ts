import { Injectable } from '@nestjs/common';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** The numbers of the live pipeline as this API node sees them; one registry per application. */
@Injectable()
export class LiveMetrics {
  readonly registry = new Registry();

  readonly queueDepth = new Gauge({
    name: 'assay_judge_queue_depth',
    help: 'Judge jobs waiting to be picked up',
    registers: [this.registry],
  });
  readonly queueOldestAge = new Gauge({
    name: 'assay_judge_queue_oldest_age_seconds',
    help: 'Age of the oldest judge job still waiting',
    registers: [this.registry],
  });
  readonly judgeLatency = new Histogram({
    name: 'assay_judge_latency_seconds',
    help: 'From submission accepted to final verdict (seen through the live stream)',
    labelNames: ['kind'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [this.registry],
  });
  readonly verdicts = new Counter({
    name: 'assay_verdicts_total',
    help: 'Final verdicts seen by this node',
    labelNames: ['kind', 'verdict'],
    registers: [this.registry],
  });
  readonly socketConnections = new Gauge({
    name: 'assay_socket_connections',
    help: 'Open /live sockets on this node',
    registers: [this.registry],
  });
  readonly eventLag = new Histogram({
    name: 'assay_live_event_lag_seconds',
    help: 'From an event being recorded to its delivery to a subscriber on this node',
    buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 5],
    registers: [this.registry],
  });

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'assay_api_' });
  }
}
