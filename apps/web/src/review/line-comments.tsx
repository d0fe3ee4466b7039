import { type FormEvent, useState } from 'react';
import type { LineComment } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { dateTimeLabel } from '../ui/format.js';
import { ErrorNotice } from '../ui/request-view.js';

/** Interviewers' comments on lines of the final code. */
export function LineComments({
  submissionId,
  comments,
  suggestedLine,
  lineCount,
  onAdded,
}: {
  submissionId: string;
  comments: LineComment[];
  suggestedLine: number;
  lineCount: number;
  onAdded: (comment: LineComment) => void;
}) {
  const [line, setLine] = useState<number | null>(null);
  const [body, setBody] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const target = line ?? suggestedLine;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const saved = await staffApi.addComment(submissionId, { line: target, body: body.trim() });
      onAdded(saved && typeof saved === 'object' ? saved : { id: String(Date.now()), line: target, body: body.trim() });
      setBody('');
      setLine(null);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  const sorted = [...comments].sort((a, b) => a.line - b.line);
  return (
    <section className="line-comments" aria-label="Line comments">
      <h3>Line comments</h3>
      {sorted.length === 0 ? (
        <p className="muted small">No comments yet. Put the cursor on a line of the code to comment on it.</p>
      ) : null}
      <ul className="comment-list">
        {sorted.map((comment) => (
          <li key={comment.id} className="comment">
            <span className="comment-line">Line {comment.line}</span>
            <p>{comment.body}</p>
            <span className="muted small">
              {comment.authorName ?? 'Interviewer'}
              {comment.createdAt ? ` · ${dateTimeLabel(comment.createdAt)}` : ''}
            </span>
          </li>
        ))}
      </ul>
      <form className="comment-form" onSubmit={(event) => void submit(event)}>
        <div className="comment-form-row">
          <label htmlFor={`comment-line-${submissionId}`}>Line</label>
          <input
            id={`comment-line-${submissionId}`}
            type="number"
            min={1}
            max={Math.max(1, lineCount)}
            value={target}
            onChange={(event) => setLine(Math.max(1, Math.round(Number(event.target.value)) || 1))}
            className="line-input"
          />
        </div>
        <label htmlFor={`comment-body-${submissionId}`} className="visually-hidden">
          Comment on line {target}
        </label>
        <textarea
          id={`comment-body-${submissionId}`}
          rows={2}
          maxLength={10_000}
          placeholder={`Comment on line ${target}`}
          value={body}
          onChange={(event) => setBody(event.target.value)}
        />
        {error ? <ErrorNotice error={error} route="POST /api/v1/submissions/:id/comments" /> : null}
        <div className="comment-form-actions">
          <button type="submit" className="button button-small button-primary" disabled={busy || !body.trim()}>
            {busy ? 'Adding…' : 'Add comment'}
          </button>
        </div>
      </form>
    </section>
  );
}
