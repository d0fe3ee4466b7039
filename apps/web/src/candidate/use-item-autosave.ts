import { useEffect, useMemo, useState } from 'react';
import type { CandidateItem, DraftBody } from '../api/api-types.js';
import type { CandidateActions } from './candidate-actions.js';
import { DraftAutosave, type SaveState, localDraftBackup } from './draft-autosave.js';
import { type StartingPoint, startingPoint } from './item-draft.js';

export interface ItemAutosave {
  autosave: DraftAutosave;
  state: SaveState;
  start: StartingPoint;
}

/**
 * The autosave of the item on screen: resumes from the newest copy, pushes a copy the server never
 * confirmed, reports the item as started, and saves what is pending when the item is left.
 */
export function useItemAutosave(
  actions: CandidateActions,
  item: CandidateItem,
  onSaved: () => void,
  register: (autosave: DraftAutosave | null) => void,
): ItemAutosave {
  const backup = useMemo(() => localDraftBackup(actions.sessionId, item.id), [actions.sessionId, item.id]);
  const start = useMemo(() => startingPoint(item, backup.read()), [item.id, backup]);
  const autosave = useMemo(
    () => new DraftAutosave({ save: (body: DraftBody) => actions.saveDraft(item.id, body), backup }),
    [actions, item.id, backup],
  );
  const [state, setState] = useState<SaveState>(() =>
    start.source === 'starter' || start.needsSync ? { kind: 'clean' } : { kind: 'saved', at: Date.now() },
  );

  useEffect(() => {
    const unsubscribe = autosave.subscribe((next) => {
      setState(next);
      if (next.kind === 'saved') onSaved();
    });
    register(autosave);
    if (start.needsSync && start.body) autosave.update(start.body);
    const retry = () => autosave.retryNow();
    window.addEventListener('online', retry);
    return () => {
      window.removeEventListener('online', retry);
      unsubscribe();
      register(null);
      void autosave.flush().finally(() => autosave.dispose());
    };
    // One autosave per item screen; onSaved and register are stable callbacks of the workspace.
  }, [autosave]);

  return { autosave, state, start };
}
