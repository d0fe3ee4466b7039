import { type FormEvent, useState } from 'react';
import { staffApi } from '../api/assay-services.js';
import { Field } from '../ui/form-field.js';
import { ErrorNotice } from '../ui/request-view.js';

/** Replaces an item's score, with the reason kept in the audit trail. */
export function ScoreOverrideForm({
  sessionId,
  itemId,
  current,
  onSaved,
}: {
  sessionId: string;
  itemId: string;
  current: number | null | undefined;
  onSaved: (score: number) => void;
}) {
  const [percent, setPercent] = useState(
    current === null || current === undefined ? '' : String(Math.round(current * 100)),
  );
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [done, setDone] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const value = Number(percent);
    if (!Number.isFinite(value) || value < 0 || value > 100) return;
    setBusy(true);
    setError(null);
    try {
      await staffApi.overrideScore(sessionId, itemId, { score: value / 100, reason: reason.trim() });
      onSaved(value / 100);
      setDone(true);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <details className="override">
      <summary>Override the score</summary>
      <form onSubmit={(event) => void submit(event)}>
        <Field label="New score (%)">
          <input
            type="number"
            min={0}
            max={100}
            step={1}
            required
            value={percent}
            onChange={(event) => setPercent(event.target.value)}
          />
        </Field>
        <Field label="Reason" hint="Kept in the audit trail with your name and the time.">
          <textarea
            rows={2}
            required
            minLength={3}
            maxLength={2000}
            value={reason}
            onChange={(event) => setReason(event.target.value)}
          />
        </Field>
        {error ? <ErrorNotice error={error} route="POST /api/v1/sessions/:id/items/:itemId/score-override" /> : null}
        {done ? (
          <p className="notice notice-success" role="status">
            Score overridden.
          </p>
        ) : null}
        <button type="submit" className="button button-small" disabled={busy}>
          {busy ? 'Saving…' : 'Override'}
        </button>
      </form>
    </details>
  );
}
