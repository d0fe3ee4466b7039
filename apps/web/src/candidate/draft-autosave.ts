import { ApiError, describeError } from '../api/api-error.js';
import type { DraftBody } from '../api/api-types.js';

/** What the candidate sees beside the editor. */
export type SaveState =
  | { kind: 'clean' }
  | { kind: 'unsaved' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: number }
  /** Not saved on the server yet; kept in this browser and retried. */
  | { kind: 'offline'; message: string; retryInMs: number }
  /** The server refused the draft for good (the session is finished, the item is gone...). */
  | { kind: 'refused'; message: string };

export interface DraftBackupEntry {
  body: DraftBody;
  /** Epoch ms of the last change. */
  changedAt: number;
  /** True once the server has this body. */
  synced: boolean;
}

/** A copy of the work in this browser, so that a reload or a crash offline loses nothing. */
export interface DraftBackup {
  read(): DraftBackupEntry | null;
  write(entry: DraftBackupEntry): void;
}

export interface TimerHost {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
  now(): number;
}

const browserTimers: TimerHost = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
  now: () => Date.now(),
};

export interface DraftAutosaveOptions {
  save(body: DraftBody): Promise<void>;
  backup?: DraftBackup;
  /** Quiet time after the last keystroke before saving. */
  debounceMs?: number;
  timers?: TimerHost;
}

const RETRY_DELAYS_MS = [1_000, 2_000, 4_000, 8_000, 15_000];

/** Failures worth retrying: the network, the server having a bad moment, or a rate limit. */
function isTransient(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status === 408 || error.status === 429 || error.status >= 500;
}

/**
 * Saves an item's work a moment after each change: one request at a time, always the newest
 * body, retried with backoff while the network is down, and mirrored in local storage.
 */
export class DraftAutosave {
  private state: SaveState = { kind: 'clean' };
  private readonly listeners = new Set<(state: SaveState) => void>();
  private latest: DraftBody | null = null;
  /** Bumped on every change: a save that finishes with an older version leaves the draft dirty. */
  private version = 0;
  private savedVersion = 0;
  private inFlight: Promise<void> | null = null;
  private timer: unknown = null;
  private attempt = 0;
  private disposed = false;
  private readonly timers: TimerHost;
  private readonly debounceMs: number;

  constructor(private readonly options: DraftAutosaveOptions) {
    this.timers = options.timers ?? browserTimers;
    this.debounceMs = options.debounceMs ?? 800;
  }

  get current(): SaveState {
    return this.state;
  }

  get hasUnsavedWork(): boolean {
    return this.version !== this.savedVersion;
  }

  subscribe(listener: (state: SaveState) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Marks the work as saved on the server already (what the page loaded from it). */
  markSaved(at: number): void {
    this.setState({ kind: 'saved', at });
  }

  update(body: DraftBody): void {
    if (this.disposed) return;
    this.latest = body;
    this.version += 1;
    this.attempt = 0;
    this.options.backup?.write({ body, changedAt: this.timers.now(), synced: false });
    if (this.state.kind !== 'refused' && this.state.kind !== 'offline') this.setState({ kind: 'unsaved' });
    this.schedule(this.debounceMs);
  }

  /** Saves now (leaving the item, finishing, the network coming back). */
  async flush(): Promise<void> {
    this.cancelTimer();
    if (this.inFlight) await this.inFlight;
    if (this.hasUnsavedWork && !this.disposed && this.state.kind !== 'refused') await this.saveLatest();
  }

  retryNow(): void {
    if (this.hasUnsavedWork && this.state.kind === 'offline') {
      this.attempt = 0;
      this.schedule(0);
    }
  }

  dispose(): void {
    this.disposed = true;
    this.cancelTimer();
    this.listeners.clear();
  }

  private schedule(ms: number): void {
    this.cancelTimer();
    this.timer = this.timers.set(() => {
      this.timer = null;
      void this.saveLatest();
    }, ms);
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.timers.clear(this.timer);
    this.timer = null;
  }

  private saveLatest(): Promise<void> {
    if (this.inFlight) return this.inFlight;
    const body = this.latest;
    const version = this.version;
    if (!body || version === this.savedVersion) return Promise.resolve();
    this.setState({ kind: 'saving' });
    this.inFlight = this.options
      .save(body)
      .then(
        () => {
          this.savedVersion = Math.max(this.savedVersion, version);
          this.attempt = 0;
          if (this.version === version) {
            this.options.backup?.write({ body, changedAt: this.timers.now(), synced: true });
            this.setState({ kind: 'saved', at: this.timers.now() });
          } else {
            this.setState({ kind: 'unsaved' });
            this.schedule(this.debounceMs);
          }
        },
        (error: unknown) => {
          if (isTransient(error)) {
            const retryInMs = RETRY_DELAYS_MS[Math.min(this.attempt, RETRY_DELAYS_MS.length - 1)];
            this.attempt += 1;
            this.setState({ kind: 'offline', message: describeError(error), retryInMs });
            this.schedule(retryInMs);
          } else {
            this.setState({ kind: 'refused', message: describeError(error) });
          }
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    return this.inFlight;
  }

  private setState(state: SaveState): void {
    if (this.disposed) return;
    this.state = state;
    for (const listener of this.listeners) listener(state);
  }
}

/** The local copy of one item's work, in localStorage. */
export function localDraftBackup(sessionId: string, itemId: string, storage: Storage = localStorage): DraftBackup {
  const key = `assay.draft.${sessionId}.${itemId}`;
  return {
    read() {
      try {
        const value = JSON.parse(storage.getItem(key) ?? 'null') as DraftBackupEntry | null;
        if (value && typeof value === 'object' && typeof value.changedAt === 'number' && value.body) return value;
      } catch {
        // Unreadable: as if there were none.
      }
      return null;
    },
    write(entry) {
      try {
        storage.setItem(key, JSON.stringify(entry));
      } catch {
        // Storage full or disabled: the server copy still works.
      }
    },
  };
}
