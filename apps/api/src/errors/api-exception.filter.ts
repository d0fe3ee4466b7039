import { type ArgumentsHost, Catch, type ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { isDatabaseUnavailable } from '@app/db';
import type { Response } from 'express';
import { STATUS_CODES } from 'node:http';
import { DomainException, type DomainErrorKind } from './domain.exception.js';

/** The one error body of the HTTP API. */
export interface ApiErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code?: string;
  details?: unknown;
}

const STATUS_OF: Record<DomainErrorKind, number> = {
  malformed: HttpStatus.BAD_REQUEST,
  invalid: HttpStatus.UNPROCESSABLE_ENTITY,
  unauthenticated: HttpStatus.UNAUTHORIZED,
  forbidden: HttpStatus.FORBIDDEN,
  not_found: HttpStatus.NOT_FOUND,
  conflict: HttpStatus.CONFLICT,
  gone: HttpStatus.GONE,
};

function isFailedHealthCheck(exception: unknown): exception is HttpException {
  if (!(exception instanceof HttpException) || exception.getStatus() !== 503) return false;
  const body = exception.getResponse() as Record<string, unknown> | string;
  return typeof body === 'object' && body.status === 'error' && typeof body.details === 'object';
}

/** Seconds a client should wait before trying again while the database is unreachable. */
export const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Errors raised by Express's body parser before Nest sees the request carry a status of their own. */
interface ParserError {
  status?: number;
  statusCode?: number;
  type?: string;
  expose?: boolean;
  message?: string;
}

function parserMessage(error: ParserError, status: number): string {
  if (status === 413) return 'The request body is too large.';
  if (error.type === 'entity.parse.failed') return 'The request body is not valid JSON.';
  if (status === 415) return 'The request body must be JSON (Content-Type: application/json).';
  return error.expose && error.message ? error.message : (STATUS_CODES[status] ?? 'Bad request');
}

/**
 * Every failure leaves as `{statusCode, error, message, code?, details?}`. Anything unexpected is
 * logged with its stack and answered with a 500 that reveals nothing.
 */
@Catch()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger(ApiExceptionFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (isFailedHealthCheck(exception)) {
      // Readiness keeps terminus's report (which check failed and why): load balancers and people read it.
      response.status(exception.getStatus()).json(exception.getResponse());
      return;
    }
    if (isDatabaseUnavailable(exception)) {
      // PostgreSQL is down or restarting: nothing was done, and the client may simply try again.
      if (response.headersSent) return;
      response
        .status(HttpStatus.SERVICE_UNAVAILABLE)
        .setHeader('Retry-After', String(DATABASE_RETRY_AFTER_SECONDS))
        .json({
          statusCode: HttpStatus.SERVICE_UNAVAILABLE,
          error: 'Service Unavailable',
          message: 'The database is unavailable right now; nothing was changed. Try again shortly.',
          code: 'database_unavailable',
        } satisfies ApiErrorBody);
      return;
    }
    const body = this.toBody(exception);
    if (response.headersSent) return;
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof DomainException) {
      const statusCode = STATUS_OF[exception.kind];
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message: exception.message,
        code: exception.code,
        ...(exception.details === undefined ? {} : { details: exception.details }),
      };
    }
    // Express's body parser fails before Nest sees the request; Nest wraps its error as the cause.
    const parser = (exception instanceof HttpException ? exception.cause : exception) as ParserError | null | undefined;
    const parserStatus = parser?.status ?? parser?.statusCode;
    if (parser && typeof parserStatus === 'number' && parserStatus >= 400 && parserStatus < 500) {
      return {
        statusCode: parserStatus,
        error: STATUS_CODES[parserStatus] ?? 'Error',
        message: parserMessage(parser, parserStatus),
      };
    }
    if (exception instanceof HttpException) {
      const statusCode = exception.getStatus();
      const response = exception.getResponse();
      const fromResponse =
        typeof response === 'object' && response !== null ? (response as Record<string, unknown>) : {};
      const message = typeof fromResponse.message === 'string' ? fromResponse.message : exception.message;
      return {
        statusCode,
        error: STATUS_CODES[statusCode] ?? 'Error',
        message,
        ...(fromResponse.details === undefined ? {} : { details: fromResponse.details }),
      };
    }
    this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    return { statusCode: 500, error: 'Internal Server Error', message: 'Something went wrong on our side.' };
  }
}
