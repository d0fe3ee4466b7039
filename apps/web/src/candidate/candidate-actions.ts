import type { ActivityEvent } from './activity-reporter.js';
import { ApiError } from '../api/api-error.js';
import type { DraftBody, Submission } from '../api/api-types.js';
import type { CandidateApi } from '../api/assay-client.js';

/** What an item screen may ask of the server; a lost session token is renewed once, transparently. */
export interface CandidateActions {
  sessionId: string;
  saveDraft(itemId: string, body: DraftBody): Promise<void>;
  run(itemId: string, code: { language: string; code: string }): Promise<{ submissionId: string }>;
  submit(itemId: string, body: DraftBody): Promise<{ submissionId: string }>;
  submission(submissionId: string, signal?: AbortSignal): Promise<Submission>;
  reportActivity(itemId: string, events: ActivityEvent[]): Promise<void>;
}

export function candidateActions(
  api: CandidateApi,
  sessionId: string,
  renewToken: () => Promise<boolean>,
): CandidateActions {
  const withRenewal = async <T>(call: () => Promise<T>): Promise<T> => {
    try {
      return await call();
    } catch (error) {
      if (error instanceof ApiError && error.status === 401 && (await renewToken())) return call();
      throw error;
    }
  };
  return {
    sessionId,
    saveDraft: (itemId, body) => withRenewal(() => api.saveDraft(itemId, body)),
    run: (itemId, code) => withRenewal(() => api.run(itemId, code)),
    submit: (itemId, body) => withRenewal(() => api.submit(itemId, body)),
    submission: (submissionId, signal) => withRenewal(() => api.submission(submissionId, signal)),
    reportActivity: (itemId, events) => withRenewal(() => api.reportActivity(itemId, events)),
  };
}
