import { type CanActivate, type ExecutionContext, HttpException, HttpStatus, Injectable } from '@nestjs/common';
import type { Request, Response } from 'express';
import type { AuthenticatedRequest } from '../access/principal.js';
import { RateLimitRepository } from '../rate-limit/rate-limit.repository.js';

/** Activity reports per candidate session per minute: an editor sends one every few seconds. */
export const ACTIVITY_REPORTS_PER_MINUTE = 60;
const WINDOW_SECONDS = 60;

/**
 * Limits activity reports per candidate session rather than per address: candidates behind one
 * office address must not share a budget, and one session cannot flood the timeline from many.
 * Runs after the AccessGuard, which has put the candidate principal on the request.
 */
@Injectable()
export class ActivityRateLimitGuard implements CanActivate {
  constructor(private readonly counters: RateLimitRepository) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const principal = request.principal;
    if (principal?.kind !== 'candidate') return true; // the AccessGuard already refused anyone else
    const { hits, resetsInSeconds } = await this.counters.hit(
      `activity:${principal.sessionId}`,
      WINDOW_SECONDS,
      ACTIVITY_REPORTS_PER_MINUTE,
    );
    if (hits <= ACTIVITY_REPORTS_PER_MINUTE) return true;
    context.switchToHttp().getResponse<Response>().setHeader('Retry-After', String(resetsInSeconds));
    throw new HttpException(
      {
        message: `Too many activity reports: at most ${ACTIVITY_REPORTS_PER_MINUTE} per ${WINDOW_SECONDS} s. Retry in ${resetsInSeconds} s.`,
      },
      HttpStatus.TOO_MANY_REQUESTS,
    );
  }
}
