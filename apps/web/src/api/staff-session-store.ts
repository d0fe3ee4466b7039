import type { AuthSession, StaffUser } from './api-types.js';

const STORAGE_KEY = 'assay.staff-session';

export interface StoredStaffSession {
  accessToken: string;
  refreshToken: string;
  /** Epoch ms after which the access token is treated as expired (a little before the server does). */
  accessExpiresAt: number;
  user: StaffUser;
}

type Listener = () => void;

/**
 * The signed-in member of staff, shared by every tab through localStorage: refresh tokens rotate,
 * so two tabs with their own copies would replay each other's used token and be signed out.
 */
export class StaffSessionStore {
  private current: StoredStaffSession | null;
  private readonly listeners = new Set<Listener>();

  constructor(private readonly storage: Storage | null = typeof localStorage === 'undefined' ? null : localStorage) {
    this.current = this.read();
    if (typeof window !== 'undefined') {
      window.addEventListener('storage', (event) => {
        if (event.key === STORAGE_KEY) {
          this.current = this.read();
          this.emit();
        }
      });
    }
  }

  get(): StoredStaffSession | null {
    return this.current;
  }

  /** Re-reads storage: another tab may have refreshed the tokens a moment ago. */
  latest(): StoredStaffSession | null {
    this.current = this.read();
    return this.current;
  }

  save(session: AuthSession, now = Date.now()): StoredStaffSession {
    const stored: StoredStaffSession = {
      accessToken: session.accessToken,
      refreshToken: session.refreshToken,
      accessExpiresAt: now + Math.max(10, session.expiresIn - 30) * 1000,
      user: session.user,
    };
    this.current = stored;
    this.storage?.setItem(STORAGE_KEY, JSON.stringify(stored));
    this.emit();
    return stored;
  }

  clear(): void {
    this.current = null;
    this.storage?.removeItem(STORAGE_KEY);
    this.emit();
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private emit(): void {
    for (const listener of this.listeners) listener();
  }

  private read(): StoredStaffSession | null {
    const raw = this.storage?.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      const value = JSON.parse(raw) as Partial<StoredStaffSession>;
      if (
        typeof value.accessToken === 'string' &&
        typeof value.refreshToken === 'string' &&
        typeof value.accessExpiresAt === 'number' &&
        typeof value.user === 'object' &&
        value.user !== null
      ) {
        return value as StoredStaffSession;
      }
    } catch {
      // A damaged entry signs the person out rather than breaking the page.
    }
    this.storage?.removeItem(STORAGE_KEY);
    return null;
  }
}
