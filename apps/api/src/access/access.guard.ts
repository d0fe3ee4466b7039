import { type CanActivate, type ExecutionContext, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { DomainException } from '../errors/domain.exception.js';
import { ACCESS_RULE, type AccessRule } from './access.decorators.js';
import { AccessTokenService } from './access-token.service.js';
import type { AuthenticatedRequest } from './principal.js';

/**
 * The one place where HTTP access is decided, for every route. A route without an access rule is
 * refused (fail closed). Staff are confined to their organisation by the services, which take the
 * organisation from the principal, never from the request.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  private readonly logger = new Logger(AccessGuard.name);

  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: AccessTokenService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true; // sockets authenticate in their own gateway
    const rule = this.reflector.getAllAndOverride<AccessRule | undefined>(ACCESS_RULE, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (!rule) {
      this.logger.error(`${context.getClass().name}.${context.getHandler().name} declares no access rule`);
      throw new DomainException('forbidden', 'no_access_rule', 'This route is not open to anyone.');
    }
    if (rule.kind === 'public') return true;

    const request = context.switchToHttp().getRequest<Request & AuthenticatedRequest>();
    const header = request.headers.authorization ?? '';
    const match = /^Bearer ([A-Za-z0-9_\-.]{1,4096})$/.exec(header);
    if (!match?.[1]) {
      throw new DomainException('unauthenticated', 'missing_token', 'Send a bearer token in the Authorization header.');
    }
    const principal = await this.tokens.verify(match[1]);
    if (!principal)
      throw new DomainException('unauthenticated', 'invalid_token', 'The token is invalid or has expired.');

    if (rule.kind === 'candidate') {
      if (principal.kind !== 'candidate') {
        throw new DomainException('forbidden', 'candidates_only', 'Only the candidate of a session can do this.');
      }
    } else {
      if (principal.kind !== 'staff') {
        throw new DomainException('forbidden', 'staff_only', 'Candidates cannot do this.');
      }
      if (principal.role !== 'admin' && !rule.roles.includes(principal.role)) {
        throw new DomainException(
          'forbidden',
          'role_not_allowed',
          `This needs one of these roles: ${['admin', ...rule.roles].join(', ')}.`,
        );
      }
    }
    request.principal = principal;
    return true;
  }
}
