import { type FormEvent, useState } from 'react';
import { DECISIONS, type Decision, type Review, type ReviewItem, type RubricCriterion } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Field } from '../ui/form-field.js';
import { dateTimeLabel, decisionLabel } from '../ui/format.js';
import { ErrorNotice } from '../ui/request-view.js';

/** The interviewer's verdict: a level per rubric criterion, a decision and a summary. */
export function RubricForm({
  sessionId,
  rubric,
  items,
  review,
  onSaved,
}: {
  sessionId: string;
  /** The session's items with their rubrics: the server rates each item on its own rubric. */
  items: ReviewItem[];
  rubric: RubricCriterion[];
  review: Review | null | undefined;
  onSaved: (review: Review) => void;
}) {
  const [levels, setLevels] = useState<Record<string, number>>(() => ({ ...(review?.rubric ?? {}) }));
  const [decision, setDecision] = useState<Decision | null>(review?.decision ?? null);
  const [summary, setSummary] = useState(review?.summary ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(review?.updatedAt ?? null);

  const missing = rubric.filter((criterion) => levels[criterion.id] === undefined);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await staffApi.saveReview(sessionId, { rubric: levels, decision, summary: summary.trim() }, items);
      const result = saved && typeof saved === 'object' ? saved : { rubric: levels, decision, summary };
      setSavedAt(result.updatedAt ?? new Date().toISOString());
      onSaved(result);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="rubric-form" onSubmit={(event) => void submit(event)} aria-labelledby="rubric-heading">
      <h2 id="rubric-heading">Review</h2>
      {rubric.map((criterion) => (
        <fieldset key={criterion.id} className="rubric-criterion">
          <legend>{criterion.title}</legend>
          {criterion.description ? <p className="muted small">{criterion.description}</p> : null}
          <div className="rubric-levels">
            {criterion.levels.map((level) => (
              <label key={level.score} className="rubric-level">
                <input
                  type="radio"
                  name={`criterion-${criterion.id}`}
                  value={level.score}
                  checked={levels[criterion.id] === level.score}
                  onChange={() => setLevels((current) => ({ ...current, [criterion.id]: level.score }))}
                />
                <span className="rubric-level-text">
                  <strong>
                    {level.score}
                    {level.label ? ` · ${level.label}` : ''}
                  </strong>
                  {level.anchor ? <span className="rubric-anchor">{level.anchor}</span> : null}
                </span>
              </label>
            ))}
          </div>
        </fieldset>
      ))}
      <fieldset className="decision">
        <legend>Decision</legend>
        <div className="decision-options">
          {DECISIONS.map((option) => (
            <label key={option} className={`decision-option decision-${option}`}>
              <input
                type="radio"
                name="decision"
                value={option}
                checked={decision === option}
                onChange={() => setDecision(option)}
              />
              <span>{decisionLabel(option)}</span>
            </label>
          ))}
        </div>
      </fieldset>
      <Field label="Summary" hint="What the hiring team should know: strengths, concerns, what to probe next.">
        <textarea rows={5} maxLength={10_000} value={summary} onChange={(event) => setSummary(event.target.value)} />
      </Field>
      {missing.length > 0 ? (
        <p className="muted small">Not scored yet: {missing.map((criterion) => criterion.title).join(', ')}.</p>
      ) : null}
      {error ? <ErrorNotice error={error} route="PUT /api/v1/sessions/:id/review" /> : null}
      <button type="submit" className="button button-primary button-block" disabled={busy || !decision}>
        {busy ? 'Saving…' : review ? 'Update review' : 'Submit review'}
      </button>
      {savedAt ? (
        <p className="muted small" role="status">
          Saved {dateTimeLabel(savedAt)}
          {review?.reviewerName ? ` by ${review.reviewerName}` : ''}.
        </p>
      ) : null}
    </form>
  );
}
