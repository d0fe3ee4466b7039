import { type FormEvent, useState } from 'react';
import { DECISIONS, type Decision, type Review, type ReviewItem, type RubricLevels } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Field } from '../ui/form-field.js';
import { dateTimeLabel, decisionLabel } from '../ui/format.js';
import { ErrorNotice } from '../ui/request-view.js';

/**
 * The interviewer's verdict: a level per criterion of each item's own rubric (its levels and anchors,
 * as the server sends them per item), a decision and a summary.
 */
export function RubricForm({
  sessionId,
  items,
  review,
  onSaved,
}: {
  sessionId: string;
  /** The session's items in order, each with its own rubric. */
  items: ReviewItem[];
  review: Review | null | undefined;
  onSaved: (review: Review) => void;
}) {
  const [levels, setLevels] = useState<RubricLevels>(() => ({ ...(review?.rubric ?? {}) }));
  const [decision, setDecision] = useState<Decision | null>(review?.decision ?? null);
  const [summary, setSummary] = useState(review?.summary ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [savedAt, setSavedAt] = useState<string | null>(review?.updatedAt ?? null);

  const rate = (itemId: string, criterionId: string, score: number) =>
    setLevels((current) => ({ ...current, [itemId]: { ...current[itemId], [criterionId]: score } }));
  const missing = items.flatMap((item) =>
    (item.rubric ?? [])
      .filter((criterion) => levels[item.id]?.[criterion.id] === undefined)
      .map((criterion) => `${item.title}: ${criterion.title}`),
  );
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!decision) return;
    setBusy(true);
    setError(null);
    try {
      const saved = await staffApi.saveReview(sessionId, { rubric: levels, decision, summary: summary.trim() }, items);
      setSavedAt(saved.updatedAt ?? new Date().toISOString());
      onSaved(saved);
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="rubric-form" onSubmit={(event) => void submit(event)} aria-labelledby="rubric-heading">
      <h2 id="rubric-heading">Review</h2>
      {items.map((item, index) => (
        <fieldset key={item.id} className="rubric-item" aria-label={`Rubric of ${item.title}`}>
          <legend className="rubric-item-title">
            {index + 1}. {item.title}
          </legend>
          {(item.rubric ?? []).length === 0 ? <p className="muted small">This item has no rubric.</p> : null}
          {(item.rubric ?? []).map((criterion) => (
            <fieldset key={criterion.id} className="rubric-criterion">
              <legend>{criterion.title}</legend>
              {criterion.description ? <p className="muted small">{criterion.description}</p> : null}
              <div className="rubric-levels">
                {criterion.levels.map((level) => (
                  <label key={level.score} className="rubric-level">
                    <input
                      type="radio"
                      name={`rubric-${item.id}-${criterion.id}`}
                      value={level.score}
                      checked={levels[item.id]?.[criterion.id] === level.score}
                      onChange={() => rate(item.id, criterion.id, level.score)}
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
      {missing.length > 0 ? <p className="muted small">Not scored yet: {missing.join('; ')}.</p> : null}
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
