import { useSyncExternalStore } from 'react';
import type { StaffUser } from '../api/api-types.js';
import { staffSession } from '../api/assay-services.js';

const subscribe = (listener: () => void) => staffSession.subscribe(listener);
const snapshot = () => staffSession.get()?.user ?? null;

/** The signed-in member of staff, or null; follows sign-in and sign-out in every tab. */
export function useStaffUser(): StaffUser | null {
  return useSyncExternalStore(subscribe, snapshot);
}
