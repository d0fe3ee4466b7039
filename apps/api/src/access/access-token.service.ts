import { Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import { randomUUID } from 'node:crypto';
import { STAFF_ROLES, type StaffRole } from '@app/db';
import type { CandidatePrincipal, Principal, StaffPrincipal } from './principal.js';

export const ACCESS_TOKEN_TTL_SECONDS = 15 * 60;

interface StaffClaims {
  typ: 'staff';
  sub: string;
  org: string;
  role: StaffRole;
}

interface CandidateClaims {
  typ: 'candidate';
  sub: string;
  org: string;
}

/** Signs and verifies the short-lived bearer tokens of staff and candidates (HS256, JWT_SECRET). */
@Injectable()
export class AccessTokenService {
  constructor(private readonly jwt: JwtService) {}

  signStaff(principal: StaffPrincipal): Promise<string> {
    const claims: StaffClaims = {
      typ: 'staff',
      sub: principal.userId,
      org: principal.organizationId,
      role: principal.role,
    };
    return this.jwt.signAsync(claims, { expiresIn: ACCESS_TOKEN_TTL_SECONDS, jwtid: randomUUID() });
  }

  /** A candidate's token lives as long as the session can still be worked on. */
  signCandidate(principal: CandidatePrincipal, expiresInSeconds: number): Promise<string> {
    const claims: CandidateClaims = { typ: 'candidate', sub: principal.sessionId, org: principal.organizationId };
    return this.jwt.signAsync(claims, { expiresIn: Math.max(1, Math.ceil(expiresInSeconds)), jwtid: randomUUID() });
  }

  /** The principal of a valid token, or undefined for anything expired, forged or malformed. */
  async verify(token: string): Promise<Principal | undefined> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    const { typ, sub, org, role } = claims;
    if (typeof sub !== 'string' || typeof org !== 'string') return undefined;
    if (typ === 'staff' && typeof role === 'string' && (STAFF_ROLES as readonly string[]).includes(role)) {
      return { kind: 'staff', userId: sub, organizationId: org, role: role as StaffRole };
    }
    if (typ === 'candidate') return { kind: 'candidate', sessionId: sub, organizationId: org };
    return undefined;
  }
}
