import { applyDecorators, createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import { ApiBearerAuth } from '@nestjs/swagger';
import type { StaffRole } from '@app/db';
import type { AuthenticatedRequest, CandidatePrincipal, StaffPrincipal } from './principal.js';

export const ACCESS_RULE = 'assay:access-rule';

/**
 * Who may call a route. Every route must declare one: the global AccessGuard refuses a route that
 * does not, so forgetting is a failing test rather than an open door.
 */
export type AccessRule = { kind: 'public' } | { kind: 'staff'; roles: readonly StaffRole[] } | { kind: 'candidate' };

/** Anyone, without credentials (sign-up, login, health). */
export const Public = () => SetMetadata(ACCESS_RULE, { kind: 'public' } satisfies AccessRule);

/** Staff of the caller's organisation with one of these roles (admin is always allowed). */
export const StaffOnly = (...roles: StaffRole[]) =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'staff', roles } satisfies AccessRule), ApiBearerAuth('staff'));

/** The candidate holding a session token. */
export const CandidateOnly = () =>
  applyDecorators(SetMetadata(ACCESS_RULE, { kind: 'candidate' } satisfies AccessRule), ApiBearerAuth('candidate'));

export const CurrentStaff = createParamDecorator((_: unknown, context: ExecutionContext): StaffPrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'staff') throw new Error('CurrentStaff used on a route that is not StaffOnly');
  return principal;
});

export const CurrentCandidate = createParamDecorator((_: unknown, context: ExecutionContext): CandidatePrincipal => {
  const principal = context.switchToHttp().getRequest<AuthenticatedRequest>().principal;
  if (principal?.kind !== 'candidate') throw new Error('CurrentCandidate used on a route that is not CandidateOnly');
  return principal;
});
