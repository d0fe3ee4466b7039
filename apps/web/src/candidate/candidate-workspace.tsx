import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { ActivityContext, type RecordActivity } from './activity-context.js';
import { ActivityReporter } from './activity-reporter.js';
import { ApiError } from '../api/api-error.js';
import type { CandidateItem, CandidateSession } from '../api/api-types.js';
import type { CandidateApi } from '../api/assay-client.js';
import { LiveConnection, type LiveStatus } from '../live/live-connection.js';
import { navigate, useLocation } from '../routing/router.js';
import { statusLabel, typeLabel } from '../ui/format.js';
import { ErrorNotice } from '../ui/request-view.js';
import { candidateActions } from './candidate-actions.js';
import type { DraftAutosave } from './draft-autosave.js';
import { FinishDialog } from './finish-dialog.js';
import { ItemWorkspace } from './items/item-workspace.js';
import { ServerCountdown, formatRemaining, spokenRemaining, urgencyOf } from './server-countdown.js';

const RESYNC_MS = 30_000;

interface WorkspaceProps {
  api: CandidateApi;
  initial: CandidateSession;
  sessionToken: () => string | null;
  onRenewToken: () => Promise<boolean>;
  onFinished: (session: CandidateSession | null, reason: 'submitted' | 'time') => void;
}

/** The timed workspace: the server's clock, the items, and the item being worked on. */
export function CandidateWorkspace({ api, initial, sessionToken, onRenewToken, onFinished }: WorkspaceProps) {
  const [session, setSession] = useState(initial);
  const countdown = useRef(new ServerCountdown(initial.remainingSeconds));
  const [remaining, setRemaining] = useState(initial.remainingSeconds);
  const [statusOverrides, setStatusOverrides] = useState<Record<string, string>>({});
  const [online, setOnline] = useState(() => navigator.onLine);
  const [liveStatus, setLiveStatus] = useState<LiveStatus>('idle');
  const [syncError, setSyncError] = useState<unknown>(null);
  const [finishing, setFinishing] = useState(false);
  const [timeUp, setTimeUp] = useState(false);
  const activeAutosave = useRef<DraftAutosave | null>(null);
  const { search } = useLocation();

  const actions = useMemo(() => candidateActions(api, initial.id, onRenewToken), [api, initial.id, onRenewToken]);
  const live = useMemo(() => new LiveConnection(() => Promise.resolve(sessionToken() ?? '')), [sessionToken]);

  const items = useMemo(() => [...session.items].sort((a, b) => a.position - b.position), [session.items]);
  const selectedId = search.get('item');
  const selected = items.find((item) => item.id === selectedId) ?? items[0];

  // Activity (what the welcome screen says is recorded): pastes and large insertions from the editor,
  // and the window losing and regaining focus, on the item in front of the candidate.
  const reporter = useMemo(
    () => new ActivityReporter((itemId, events) => actions.reportActivity(itemId, events)),
    [actions],
  );
  const selectedRef = useRef(selected?.id);
  selectedRef.current = selected?.id;
  useEffect(() => {
    reporter.start();
    const lost = () => selectedRef.current && reporter.record(selectedRef.current, 'focus_lost');
    const returned = () => selectedRef.current && reporter.record(selectedRef.current, 'focus_returned');
    // What waited goes as soon as the connection is back, and when the page is left (the reports are
    // sent with `keepalive`), not at the next round: a reload or a closed tab before it would lose them.
    const flush = () => void reporter.flush();
    window.addEventListener('blur', lost);
    window.addEventListener('focus', returned);
    window.addEventListener('online', flush);
    window.addEventListener('pagehide', flush);
    return () => {
      window.removeEventListener('blur', lost);
      window.removeEventListener('focus', returned);
      window.removeEventListener('online', flush);
      window.removeEventListener('pagehide', flush);
      void reporter.stop();
    };
  }, [reporter]);
  const recordActivity = useCallback<RecordActivity>(
    (kind, size) => {
      if (selectedRef.current) reporter.record(selectedRef.current, kind, size);
    },
    [reporter],
  );

  const applySession = useCallback((next: CandidateSession) => {
    countdown.current.sync(next.remainingSeconds);
    setRemaining(countdown.current.remainingSeconds());
    setSession(next);
  }, []);

  const finishedByServer = useCallback(
    async (reason: 'submitted' | 'time') => {
      await activeAutosave.current?.flush().catch(() => undefined);
      const last = await api.current().catch(() => null);
      onFinished(last, reason);
    },
    [api, onFinished],
  );

  /** Asks the server for the session again: the time left, statuses, and whether it ended. */
  const resync = useCallback(async () => {
    try {
      const next = await api.current();
      setSyncError(null);
      if (next.status === 'finished') {
        onFinished(next, 'time');
        return;
      }
      applySession(next);
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) {
        if (await onRenewToken()) return resync();
      }
      setSyncError(error);
    }
  }, [api, applySession, onFinished, onRenewToken]);

  // The clock: a tick for the display, a resync now and then, and the end.
  useEffect(() => {
    const tick = setInterval(() => setRemaining(countdown.current.remainingSeconds()), 500);
    const sync = setInterval(() => void resync(), RESYNC_MS);
    return () => {
      clearInterval(tick);
      clearInterval(sync);
    };
  }, [resync]);

  useEffect(() => {
    if (remaining > 0 || timeUp) return;
    setTimeUp(true);
    // The server finishes the session at its deadline; ask until it says so.
    void (async () => {
      await activeAutosave.current?.flush().catch(() => undefined);
      for (let attempt = 0; attempt < 30; attempt += 1) {
        const next = await api.current().catch(() => null);
        if (next?.status === 'finished') {
          onFinished(next, 'time');
          return;
        }
        if (next && next.remainingSeconds > 0) {
          applySession(next);
          setTimeUp(false);
          return;
        }
        await new Promise((resolve) => setTimeout(resolve, 2_000));
      }
    })();
  }, [remaining, timeUp, api, applySession, onFinished]);

  // Live session events: time left, statuses, the end.
  useEffect(() => {
    const stopStatus = live.onStatus(setLiveStatus);
    const unsubscribe = live.subscribe({ sessionId: initial.id }, (event) => {
      if (event.type === 'session.finished') {
        void finishedByServer('time');
      } else if (event.type === 'session.updated') {
        const seconds = event.data.remainingSeconds;
        if (typeof seconds === 'number' && Number.isFinite(seconds)) {
          countdown.current.sync(seconds);
          setRemaining(countdown.current.remainingSeconds());
        }
        const statuses = event.data.items;
        if (Array.isArray(statuses)) {
          const updates: Record<string, string> = {};
          for (const entry of statuses as unknown[]) {
            const { id, status } = (entry ?? {}) as { id?: unknown; status?: unknown };
            if (typeof id === 'string' && typeof status === 'string') updates[id] = status;
          }
          setSession((current) => ({
            ...current,
            items: current.items.map((item) => (updates[item.id] ? { ...item, status: updates[item.id] } : item)),
          }));
        }
      }
    });
    return () => {
      unsubscribe();
      stopStatus();
      live.close();
    };
  }, [live, initial.id, finishedByServer]);

  useEffect(() => {
    const up = () => {
      setOnline(true);
      void resync();
    };
    const down = () => setOnline(false);
    const leaving = (event: BeforeUnloadEvent) => {
      if (activeAutosave.current?.hasUnsavedWork) event.preventDefault();
    };
    window.addEventListener('online', up);
    window.addEventListener('offline', down);
    window.addEventListener('beforeunload', leaving);
    return () => {
      window.removeEventListener('online', up);
      window.removeEventListener('offline', down);
      window.removeEventListener('beforeunload', leaving);
    };
  }, [resync]);

  useEffect(() => {
    document.title = `${formatRemaining(remaining)} left · Assessment`;
  }, [remaining]);

  const setItemStatus = useCallback((itemId: string, status: string) => {
    setStatusOverrides((current) =>
      current[itemId] === status || (current[itemId] === 'submitted' && status === 'draft_saved')
        ? current
        : { ...current, [itemId]: status },
    );
  }, []);
  const register = useCallback((autosave: DraftAutosave | null) => {
    activeAutosave.current = autosave;
  }, []);

  const statusOf = (item: CandidateItem) => {
    const local = statusOverrides[item.id];
    if (local === 'submitted' || item.status === 'submitted') return 'submitted';
    return local ?? item.status;
  };
  const itemsWithStatus = items.map((item) => ({ ...item, status: statusOf(item) }));

  const finish = async () => {
    await activeAutosave.current?.flush();
    await reporter.flush();
    const done = await api.finish();
    onFinished(done, 'submitted');
  };

  const select = (itemId: string) => {
    const params = new URLSearchParams(search);
    params.set('item', itemId);
    navigate(`${window.location.pathname}?${params.toString()}`, { replace: true });
  };

  const urgency = urgencyOf(remaining);
  const announce = remaining <= 300 && remaining % 60 === 0 ? spokenRemaining(remaining) : '';

  return (
    <div className="candidate-shell">
      <header className="candidate-header">
        <span className="brand-mark" aria-hidden="true">
          Assay
        </span>
        <span className="candidate-title">{session.title ?? 'Your assessment'}</span>
        <div className={`timer timer-${urgency}`} aria-label={`Time left: ${spokenRemaining(remaining)}`} role="timer">
          <span className="timer-label">Time left</span>
          <span className="timer-value">{formatRemaining(remaining)}</span>
        </div>
        <span className="visually-hidden" aria-live="assertive">
          {announce}
        </span>
        <ConnectionPill online={online} live={liveStatus} />
        <button type="button" className="button button-primary" onClick={() => setFinishing(true)}>
          Finish…
        </button>
      </header>
      {!online ? (
        <div className="banner banner-offline" role="alert">
          You are offline. Keep working: your work is kept in this browser and saved as soon as the connection is back.
          The timer keeps running.
        </div>
      ) : null}
      {syncError && online ? (
        <div className="banner">
          <ErrorNotice error={syncError} onRetry={() => void resync()} />
        </div>
      ) : null}
      {timeUp ? (
        <div className="banner banner-critical" role="alert">
          Time is up. Saving your last changes…
        </div>
      ) : null}
      <div className="candidate-body">
        <nav className="item-nav" aria-label="Items">
          <h2 className="item-nav-heading">Items</h2>
          <ol>
            {itemsWithStatus.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="item-nav-button"
                  aria-current={item.id === selected?.id ? 'step' : undefined}
                  onClick={() => select(item.id)}
                >
                  <span className={`item-dot item-dot-${item.status}`} aria-hidden="true" />
                  <span className="item-nav-text">
                    <span className="item-nav-title">
                      {index + 1}. {item.title}
                    </span>
                    <span className="item-nav-meta">
                      {typeLabel(item.type)} · <span className="item-nav-status">{statusLabel(item.status)}</span>
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
        </nav>
        <main className="item-main" id="main">
          {selected ? (
            <ActivityContext.Provider value={recordActivity}>
              <ItemWorkspace
                key={selected.id}
                item={selected}
                actions={actions}
                live={live}
                locked={timeUp}
                onStatus={(status) => setItemStatus(selected.id, status)}
                register={register}
              />
            </ActivityContext.Provider>
          ) : (
            <p className="empty-inline">This assessment has no items.</p>
          )}
        </main>
      </div>
      <FinishDialog
        open={finishing}
        items={itemsWithStatus}
        remainingSeconds={remaining}
        onCancel={() => setFinishing(false)}
        onConfirm={finish}
      />
    </div>
  );
}

function ConnectionPill({ online, live }: { online: boolean; live: LiveStatus }) {
  const [label, kind] = !online
    ? ['Offline', 'offline']
    : live === 'live'
      ? ['Live', 'live']
      : ['Connected', 'connected'];
  return (
    <span className={`connection connection-${kind}`} role="status" aria-label={`Connection: ${label}`}>
      <span className="connection-dot" aria-hidden="true" />
      {label}
    </span>
  );
}
