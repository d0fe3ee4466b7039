import {
  type CanActivate,
  type ExecutionContext,
  HttpException,
  HttpStatus,
  Injectable,
  type OnModuleDestroy,
  type OnModuleInit,
  SetMetadata,
  UseGuards,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { Request, Response } from 'express';
import { ApiConfig } from '@app/config';
import { RateLimitRepository } from './rate-limit.repository.js';

/** What is limited, per client address. Each action has its own budget per window. */
export type RateLimitedAction = 'auth' | 'invite' | 'submission';

const RATE_LIMITED_ACTION = 'assay:rate-limited-action';
const WINDOW_SECONDS = 60;

/** Limits a route per client address, across every API node (the counters are shared in PostgreSQL). */
export const RateLimited = (action: RateLimitedAction) =>
  applyDecorators(
    SetMetadata(RATE_LIMITED_ACTION, action),
    UseGuards(RateLimitGuard),
    ApiTooManyRequestsResponse({ description: 'Too many requests from this address; retry after Retry-After seconds' }),
  );

@Injectable()
export class RateLimitGuard implements CanActivate, OnModuleInit, OnModuleDestroy {
  private sweeper?: NodeJS.Timeout;

  constructor(
    private readonly reflector: Reflector,
    private readonly counters: RateLimitRepository,
    private readonly config: ApiConfig,
  ) {}

  onModuleInit(): void {
    this.sweeper = setInterval(() => void this.counters.sweep(WINDOW_SECONDS * 10).catch(() => undefined), 10 * 60_000);
    this.sweeper.unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.sweeper);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const action =
      this.reflector.get<RateLimitedAction | undefined>(RATE_LIMITED_ACTION, context.getHandler()) ??
      this.reflector.get<RateLimitedAction | undefined>(RATE_LIMITED_ACTION, context.getClass());
    if (!action) return true;
    const request = context.switchToHttp().getRequest<Request>();
    const limit = this.limitOf(action);
    const { hits, resetsInSeconds } = await this.counters.hit(
      `${action}:${request.ip ?? 'unknown'}`,
      WINDOW_SECONDS,
      limit,
    );
    if (hits <= limit) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(resetsInSeconds));
    throw new HttpException(
      { message: `Too many requests: at most ${limit} per ${WINDOW_SECONDS} s. Retry in ${resetsInSeconds} s.` },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }

  private limitOf(action: RateLimitedAction): number {
    switch (action) {
      case 'auth':
        return this.config.AUTH_RATE_LIMIT_PER_MINUTE;
      case 'invite':
        return this.config.AUTH_RATE_LIMIT_PER_MINUTE;
      case 'submission':
        return this.config.AUTH_RATE_LIMIT_PER_MINUTE * 3;
    }
  }
}
