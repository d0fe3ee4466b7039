import type { Params } from 'nestjs-pino';
import type { CommonConfig } from './common.config.js';

/**
 * Structured JSON logs for machines; pretty, coloured lines when a person watches a terminal.
 * Credentials never reach a log line.
 */
export function buildLoggerOptions(config: CommonConfig, app: string, pretty = process.stdout.isTTY): Params {
  return {
    pinoHttp: {
      level: config.LOG_LEVEL,
      base: { app },
      redact: {
        paths: ['req.headers.authorization', 'req.headers.cookie', 'res.headers["set-cookie"]'],
        censor: '[redacted]',
      },
      autoLogging: { ignore: (req) => req.url === '/api/health' || req.url === '/api/ready' },
      ...(pretty
        ? { transport: { target: 'pino-pretty', options: { singleLine: true, translateTime: 'SYS:HH:MM:ss.l' } } }
        : {}),
    },
  };
}
