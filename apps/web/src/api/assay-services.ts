import { CandidateApi, StaffApi } from './assay-client.js';
import { HttpTransport } from './http-transport.js';
import { StaffSessionStore } from './staff-session-store.js';

/** The page's one connection to the API: created once, shared by every screen. */
export const transport = new HttpTransport();
export const staffSession = new StaffSessionStore();
export const staffApi = new StaffApi(transport, staffSession);

export function candidateApi(sessionToken: () => string | null): CandidateApi {
  return new CandidateApi(transport, sessionToken);
}
