import { useEffect, useState } from 'react';
import { timeLabel } from '../../ui/format.js';
import type { SaveState } from '../draft-autosave.js';

/** The autosave's state in words, always visible beside the work. */
export function SaveIndicator({ state }: { state: SaveState }) {
  const [, setNow] = useState(0);
  // Re-render once a second while retrying, so the countdown to the next attempt is honest.
  useEffect(() => {
    if (state.kind !== 'offline') return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [state.kind]);

  let text: string;
  switch (state.kind) {
    case 'clean':
      text = 'No changes yet';
      break;
    case 'unsaved':
      text = 'Unsaved changes';
      break;
    case 'saving':
      text = 'Saving…';
      break;
    case 'saved':
      text = `Saved at ${timeLabel(state.at)}`;
      break;
    case 'offline':
      text = 'Not saved yet: kept in this browser, retrying';
      break;
    case 'refused':
      text = `Not saved: ${state.message}`;
      break;
  }
  return (
    <span
      className={`save-state save-state-${state.kind}`}
      role="status"
      aria-live="polite"
      title={state.kind === 'offline' ? state.message : undefined}
    >
      <span className="save-state-dot" aria-hidden="true" />
      {text}
    </span>
  );
}
