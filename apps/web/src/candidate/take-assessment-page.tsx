import { useCallback, useEffect, useMemo, useState } from 'react';
import { ApiError, describeError } from '../api/api-error.js';
import type { CandidateSession } from '../api/api-types.js';
import { candidateApi } from '../api/assay-services.js';
import { usePageTitle } from '../ui/page-title.js';
import { Spinner } from '../ui/request-view.js';
import { CandidateWorkspace } from './candidate-workspace.js';
import { candidateTokenStore } from './candidate-token-store.js';
import { FinishedScreen } from './finished-screen.js';
import { WelcomeScreen } from './welcome-screen.js';

type Phase =
  | { kind: 'checking' }
  | { kind: 'welcome'; error?: unknown }
  | { kind: 'starting' }
  | { kind: 'working'; session: CandidateSession; resumed: boolean }
  | { kind: 'finished'; session: CandidateSession | null; reason: 'submitted' | 'time' | 'already' }
  | { kind: 'invalid'; message: string };

/** `/take/<invite token>`: the candidate's whole journey, from the invite to the confirmation. */
export function TakeAssessmentPage({ token }: { token: string }) {
  usePageTitle('Assessment');
  const store = useMemo(() => candidateTokenStore(token), [token]);
  const api = useMemo(() => candidateApi(() => store.get()), [store]);
  const [phase, setPhase] = useState<Phase>({ kind: 'checking' });

  // A reload resumes with the token this browser already holds, without the welcome screen.
  useEffect(() => {
    if (!store.get()) {
      setPhase({ kind: 'welcome' });
      return;
    }
    const controller = new AbortController();
    api.current(controller.signal).then(
      (session) =>
        setPhase(
          session.status === 'finished'
            ? { kind: 'finished', session, reason: 'already' }
            : { kind: 'working', session, resumed: true },
        ),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && (error.status === 401 || error.status === 403 || error.status === 404)) {
          store.clear();
          setPhase({ kind: 'welcome' });
        } else {
          setPhase({ kind: 'welcome', error });
        }
      },
    );
    return () => controller.abort();
  }, [api, store]);

  const start = async () => {
    setPhase({ kind: 'starting' });
    try {
      const started = await api.start(token);
      store.set(started.sessionToken);
      setPhase({ kind: 'working', session: started.session, resumed: started.resumed });
    } catch (error) {
      if (error instanceof ApiError && error.code === 'session_finished') {
        setPhase({ kind: 'finished', session: null, reason: 'already' });
      } else if (error instanceof ApiError && (error.code === 'invite_not_found' || error.code === 'invite_expired')) {
        setPhase({ kind: 'invalid', message: describeError(error) });
      } else if (error instanceof ApiError && error.status === 422) {
        setPhase({ kind: 'invalid', message: 'This invite link is not valid. Check that you copied all of it.' });
      } else {
        setPhase({ kind: 'welcome', error });
      }
    }
  };

  /** The session token expired or was lost: the invite gets a new one for the same session. */
  const renewToken = useCallback(async (): Promise<boolean> => {
    try {
      const started = await api.start(token);
      store.set(started.sessionToken);
      return true;
    } catch (error) {
      if (error instanceof ApiError && error.code === 'session_finished') {
        setPhase({ kind: 'finished', session: null, reason: 'time' });
      }
      return false;
    }
  }, [api, store, token]);
  const sessionToken = useCallback(() => store.get(), [store]);
  const finished = useCallback(
    (session: CandidateSession | null, reason: 'submitted' | 'time') => setPhase({ kind: 'finished', session, reason }),
    [],
  );

  switch (phase.kind) {
    case 'checking':
      return <Spinner label="Opening your assessment…" />;
    case 'welcome':
    case 'starting':
      return (
        <WelcomeScreen
          starting={phase.kind === 'starting'}
          error={phase.kind === 'welcome' ? phase.error : undefined}
          onStart={() => void start()}
        />
      );
    case 'working':
      return (
        <CandidateWorkspace
          api={api}
          initial={phase.session}
          sessionToken={sessionToken}
          onRenewToken={renewToken}
          onFinished={finished}
        />
      );
    case 'finished':
      return <FinishedScreen session={phase.session} reason={phase.reason} />;
    case 'invalid':
      return (
        <main className="centered-page">
          <div className="card narrow">
            <h1>This link cannot be used</h1>
            <p role="alert">{phase.message}</p>
            <p className="muted">If you think this is a mistake, reply to the e-mail that invited you.</p>
          </div>
        </main>
      );
  }
}
