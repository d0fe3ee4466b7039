import { scoreLabel } from '../../ui/format.js';
import type { SubmissionProgress } from '../submission-progress.js';

/** Submit for items without tests to run: design, review and quiz answers. */
export function SubmitBar({
  progress,
  disabled,
  note,
  onSubmit,
}: {
  progress: SubmissionProgress | null;
  disabled: boolean;
  note: string;
  onSubmit: () => void;
}) {
  return (
    <div className="submit-bar">
      <button type="button" className="button button-primary" disabled={disabled} onClick={onSubmit}>
        Submit answer
      </button>
      <span role="status" aria-live="polite" className="submit-bar-status">
        {progress?.phase === 'sending' ? 'Submitting…' : null}
        {progress && (progress.phase === 'queued' || progress.phase === 'running') ? 'Submitted; scoring…' : null}
        {progress?.phase === 'finished'
          ? `Submitted${progress.score !== null ? `: automatic score ${scoreLabel(progress.score)}` : ''}. You can still change it and submit again.`
          : null}
        {progress?.phase === 'failed' ? <span className="field-error">{progress.message}</span> : null}
        {!progress ? <span className="muted small">{note}</span> : null}
      </span>
    </div>
  );
}
