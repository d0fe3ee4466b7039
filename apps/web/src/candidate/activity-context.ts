import { createContext, useContext } from 'react';
import type { ActivityKind } from './activity-reporter.js';

/** Records an activity event on the item being worked on. */
export type RecordActivity = (kind: ActivityKind, size?: { length: number; lines: number }) => void;

export const ActivityContext = createContext<RecordActivity>(() => undefined);

export function useRecordActivity(): RecordActivity {
  return useContext(ActivityContext);
}
