import type { StaffRole } from '@app/db';

/** A member of an organisation's staff, from a verified access token. */
export interface StaffPrincipal {
  kind: 'staff';
  userId: string;
  organizationId: string;
  role: StaffRole;
}

/** A candidate, from a session token: scoped to one session and nothing else. */
export interface CandidatePrincipal {
  kind: 'candidate';
  sessionId: string;
  organizationId: string;
}

export type Principal = StaffPrincipal | CandidatePrincipal;

export interface AuthenticatedRequest {
  principal?: Principal;
}
