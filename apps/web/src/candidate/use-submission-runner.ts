import { useCallback, useEffect, useRef, useState } from 'react';
import { describeError } from '../api/api-error.js';
import type { LiveConnection } from '../live/live-connection.js';
import type { CandidateActions } from './candidate-actions.js';
import {
  type SubmissionKind,
  type SubmissionProgress,
  applyEvent,
  applySnapshot,
  sending,
} from './submission-progress.js';

const POLL_MS = 1_500;
/** Past this, polling slows down: the queue is long or the judge is restarting. */
const PATIENCE_MS = 120_000;

export interface SubmissionRunner {
  run: SubmissionProgress | null;
  final: SubmissionProgress | null;
  busy: boolean;
  send(kind: SubmissionKind, start: () => Promise<{ submissionId: string }>): Promise<void>;
}

/**
 * Sends runs and submissions and follows them to their verdict: live events when the socket is up,
 * and polling all the same, so a dropped socket only makes results arrive a little later.
 */
export function useSubmissionRunner(actions: CandidateActions, live: LiveConnection): SubmissionRunner {
  const [run, setRun] = useState<SubmissionProgress | null>(null);
  const [final, setFinal] = useState<SubmissionProgress | null>(null);
  const stops = useRef(new Set<() => void>());

  useEffect(() => {
    const active = stops.current;
    return () => {
      for (const stop of active) stop();
      active.clear();
    };
  }, []);

  const follow = useCallback(
    (kind: SubmissionKind, submissionId: string) => {
      const set = kind === 'run' ? setRun : setFinal;
      const update = (change: (progress: SubmissionProgress) => SubmissionProgress) =>
        set((current) => (current && current.submissionId === submissionId ? change(current) : current));
      const unsubscribe = live.subscribe({ submissionId }, (event) =>
        update((progress) => applyEvent(progress, event)),
      );
      const controller = new AbortController();
      const startedAt = Date.now();
      let timer: ReturnType<typeof setTimeout> | undefined;
      const stop = () => {
        controller.abort();
        clearTimeout(timer);
        unsubscribe();
        stops.current.delete(stop);
      };
      stops.current.add(stop);
      const poll = async () => {
        try {
          const snapshot = await actions.submission(submissionId, controller.signal);
          update((progress) => applySnapshot(progress, snapshot));
          if (snapshot.status === 'finished') {
            stop();
            return;
          }
        } catch (error) {
          if (controller.signal.aborted) return;
          update((progress) => ({ ...progress, message: describeError(error) }));
        }
        timer = setTimeout(() => void poll(), Date.now() - startedAt > PATIENCE_MS ? POLL_MS * 4 : POLL_MS);
      };
      timer = setTimeout(() => void poll(), POLL_MS / 3);
    },
    [actions, live],
  );

  const send = useCallback(
    async (kind: SubmissionKind, start: () => Promise<{ submissionId: string }>) => {
      const set = kind === 'run' ? setRun : setFinal;
      set(sending(kind, Date.now()));
      try {
        const { submissionId } = await start();
        set((current) =>
          current
            ? { ...current, submissionId, phase: current.phase === 'sending' ? 'queued' : current.phase }
            : current,
        );
        follow(kind, submissionId);
      } catch (error) {
        set((current) => (current ? { ...current, phase: 'failed', message: describeError(error) } : current));
      }
    },
    [follow],
  );

  const busy = [run, final].some((progress) => progress && progress.phase === 'sending');
  return { run, final, busy, send };
}
