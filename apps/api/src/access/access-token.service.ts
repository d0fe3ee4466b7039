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

/** Tokens verified recently, kept so that a client's every request does not verify its signature again. */
const VERIFIED_TOKENS_KEPT = 10_000;

/** Signs and verifies the short-lived bearer tokens of staff and candidates (HS256, JWT_SECRET). */
@Injectable()
export class AccessTokenService {
  /**
   * Valid tokens already verified, with their principal and expiry (ms), oldest first. A token is immutable
   * and its signature either holds or not, so the only thing to check again is the clock.
   */
  private readonly verified = new Map<string, { principal: Principal; expiresAt: number }>();

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
  async verify(token: string, now = Date.now()): Promise<Principal | undefined> {
    const known = this.verified.get(token);
    if (known) {
      if (known.expiresAt > now) return known.principal;
      this.verified.delete(token);
      return undefined;
    }
    const principal = await this.verifySignature(token);
    if (principal) {
      if (this.verified.size >= VERIFIED_TOKENS_KEPT) this.verified.delete(this.verified.keys().next().value!);
      this.verified.set(token, principal);
    }
    return principal?.principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; expiresAt: number } | undefined> {
    let claims: Record<string, unknown>;
    try {
      claims = await this.jwt.verifyAsync<Record<string, unknown>>(token, { algorithms: ['HS256'] });
    } catch {
      return undefined;
    }
    const { typ, sub, org, role, exp } = claims;
    if (typeof sub !== 'string' || typeof org !== 'string' || typeof exp !== 'number') return undefined;
    const expiresAt = exp * 1000;
    if (typ === 'staff' && typeof role === 'string' && (STAFF_ROLES as readonly string[]).includes(role)) {
      return { principal: { kind: 'staff', userId: sub, organizationId: org, role: role as StaffRole }, expiresAt };
    }
    if (typ === 'candidate')
      return { principal: { kind: 'candidate', sessionId: sub, organizationId: org }, expiresAt };
    return undefined;
  }
}
