/** FNV-1a: the storage key names the invite without spelling out its token. */
function fingerprint(text: string): string {
  let hash = 0x811c9dc5;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return (hash >>> 0).toString(16).padStart(8, '0');
}

export interface CandidateTokenStore {
  get(): string | null;
  set(token: string): void;
  clear(): void;
}

/**
 * The session token of an invite, kept in this browser so that a reload resumes without asking
 * the server for a new one. It expires with the session anyway.
 */
export function candidateTokenStore(
  inviteToken: string,
  storage: Storage | null = safeLocalStorage(),
): CandidateTokenStore {
  const key = `assay.candidate.${fingerprint(inviteToken)}`;
  let memory: string | null = null;
  return {
    get: () => {
      try {
        return storage?.getItem(key) ?? memory;
      } catch {
        return memory;
      }
    },
    set: (token) => {
      memory = token;
      try {
        storage?.setItem(key, token);
      } catch {
        // Private mode: the token lives in memory for this page.
      }
    },
    clear: () => {
      memory = null;
      try {
        storage?.removeItem(key);
      } catch {
        // Nothing to clear.
      }
    },
  };
}

function safeLocalStorage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
