import { useEffect, useRef, useState } from 'react';
import type { CandidateItem } from '../api/api-types.js';
import { statusLabel } from '../ui/format.js';
import { ErrorNotice } from '../ui/request-view.js';
import { formatRemaining } from './server-countdown.js';

/** "Are you sure?" with what is not done yet: finishing cannot be undone. */
export function FinishDialog({
  open,
  items,
  remainingSeconds,
  onCancel,
  onConfirm,
}: {
  open: boolean;
  items: CandidateItem[];
  remainingSeconds: number;
  onCancel: () => void;
  onConfirm: () => Promise<void>;
}) {
  const dialog = useRef<HTMLDialogElement>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) {
      setError(null);
      element.showModal();
    }
    if (!open && element.open) element.close();
  }, [open]);

  const untouched = items.filter((item) => item.status === 'not_started');
  const confirm = async () => {
    setBusy(true);
    setError(null);
    try {
      await onConfirm();
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  return (
    <dialog ref={dialog} className="dialog" aria-labelledby="finish-heading" onClose={onCancel} onCancel={onCancel}>
      <h2 id="finish-heading">Finish the assessment?</h2>
      <p>
        You have <strong>{formatRemaining(remainingSeconds)}</strong> left. Once you finish, you cannot change your
        answers. Your saved work on every item is what gets assessed.
      </p>
      <ul className="finish-items">
        {items.map((item) => (
          <li key={item.id}>
            <span>{item.title}</span>
            <span className={`status status-${item.status}`}>{statusLabel(item.status)}</span>
          </li>
        ))}
      </ul>
      {untouched.length > 0 ? (
        <p className="notice notice-warning">
          {untouched.length === 1 ? 'One item has' : `${untouched.length} items have`} not been started.
        </p>
      ) : null}
      {error ? <ErrorNotice error={error} /> : null}
      <div className="dialog-actions">
        <button type="button" className="button" onClick={onCancel} disabled={busy} autoFocus>
          Keep working
        </button>
        <button type="button" className="button button-danger" onClick={() => void confirm()} disabled={busy}>
          {busy ? 'Finishing…' : 'Finish now'}
        </button>
      </div>
    </dialog>
  );
}
