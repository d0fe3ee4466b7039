import type { CandidateItem, DraftBody, ItemDraft } from '../api/api-types.js';
import type { DraftBackupEntry } from './draft-autosave.js';

export interface StartingPoint {
  body: DraftBody | null;
  /** The browser holds work the server has not confirmed: save it again. */
  needsSync: boolean;
  source: 'server' | 'browser' | 'starter';
}

function serverBody(draft: ItemDraft | null | undefined): DraftBody | null {
  if (!draft) return null;
  if (draft.answer && typeof draft.answer === 'object') return { answer: draft.answer };
  if (typeof draft.code === 'string' && typeof draft.language === 'string')
    return { language: draft.language, code: draft.code };
  return null;
}

/**
 * Where an item's work resumes from: the newer of the server's draft and this browser's copy.
 * The browser's copy wins when the server has none (it may not send drafts) or an older one.
 */
export function startingPoint(item: CandidateItem, backup: DraftBackupEntry | null): StartingPoint {
  const server = serverBody(item.draft);
  const serverSavedAt = item.draft?.savedAt ? Date.parse(item.draft.savedAt) : Number.NaN;
  if (backup && (!server || !Number.isFinite(serverSavedAt) || backup.changedAt > serverSavedAt)) {
    // A copy marked synced while the server says nothing was saved is sent again rather than trusted.
    const serverHasNothing = !server && item.status === 'not_started';
    return { body: backup.body, needsSync: !backup.synced || serverHasNothing, source: 'browser' };
  }
  if (server) return { body: server, needsSync: false, source: 'server' };
  return { body: null, needsSync: false, source: 'starter' };
}

/** The languages an item can be answered in. */
export function languagesOf(item: CandidateItem): string[] {
  if (item.languages && item.languages.length > 0) return item.languages;
  if (item.type === 'sql') return ['sql'];
  return ['typescript', 'javascript'];
}

const EMPTY_STARTERS: Record<string, string> = {
  typescript: '// Write your solution here.\n',
  javascript: '// Write your solution here.\n',
  sql: '-- Write your query here.\n',
};

export function starterCode(item: CandidateItem, language: string): string {
  return item.starters?.find((starter) => starter.language === language)?.content ?? EMPTY_STARTERS[language] ?? '';
}
