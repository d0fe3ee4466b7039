import { type FormEvent, useMemo, useState } from 'react';
import { ApiError } from '../api/api-error.js';
import { CHALLENGE_TYPES, COMPETENCIES, DIFFICULTIES, type ChallengeSummary } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link, navigate } from '../routing/router.js';
import { Field } from '../ui/form-field.js';
import { competencyLabel, difficultyLabel, minutesLabel, typeLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { ErrorNotice, PendingApiNotice, Spinner } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';
import { suggestedDuration } from './assessment-plan.js';

const SLUG = /^[a-z0-9][a-z0-9-]{1,99}$/;

interface PlannedItem {
  challengeSlug: string;
  weight: number;
  /** Known when picked from the catalogue; an item added by slug is checked by the server. */
  challenge?: ChallengeSummary;
}

export function AssessmentBuilderPage() {
  usePageTitle('New assessment');
  const [competency, setCompetency] = useState('');
  const [type, setType] = useState('');
  const [difficulty, setDifficulty] = useState('');
  const [text, setText] = useState('');
  const [items, setItems] = useState<PlannedItem[]>([]);
  const [title, setTitle] = useState('');
  const [duration, setDuration] = useState<number | null>(null);
  const [slug, setSlug] = useState('');
  const [slugError, setSlugError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const catalogue = useRequest(
    () =>
      staffApi.listChallenges({
        competency: competency || undefined,
        type: type || undefined,
        difficulty: difficulty || undefined,
      }),
    [competency, type, difficulty],
  );

  const visible = useMemo(() => {
    if (catalogue.status !== 'ready') return [];
    const needle = text.trim().toLowerCase();
    return catalogue.data.filter(
      (challenge) =>
        !needle ||
        challenge.title.toLowerCase().includes(needle) ||
        challenge.slug.includes(needle) ||
        (challenge.summary ?? '').toLowerCase().includes(needle),
    );
  }, [catalogue, text]);

  const estimate = items.reduce((sum, item) => sum + (item.challenge?.estimatedMinutes ?? 0), 0);
  const unknownEstimates = items.filter((item) => !item.challenge).length;
  const suggestion = suggestedDuration(estimate);
  const effectiveDuration = duration ?? suggestion;
  const picked = new Set(items.map((item) => item.challengeSlug));

  const add = (item: PlannedItem) => {
    setItems((current) =>
      current.some((existing) => existing.challengeSlug === item.challengeSlug) ? current : [...current, item],
    );
  };
  const remove = (challengeSlug: string) =>
    setItems((current) => current.filter((item) => item.challengeSlug !== challengeSlug));
  const move = (index: number, by: -1 | 1) =>
    setItems((current) => {
      const target = index + by;
      if (target < 0 || target >= current.length) return current;
      const next = [...current];
      [next[index], next[target]] = [next[target], next[index]];
      return next;
    });
  const setWeight = (challengeSlug: string, weight: number) =>
    setItems((current) => current.map((item) => (item.challengeSlug === challengeSlug ? { ...item, weight } : item)));

  const addBySlug = (event: FormEvent) => {
    event.preventDefault();
    const value = slug.trim().toLowerCase();
    if (!SLUG.test(value)) {
      setSlugError('A slug is lowercase letters, digits and dashes, such as lru-cache.');
      return;
    }
    setSlugError(null);
    const known =
      catalogue.status === 'ready' ? catalogue.data.find((challenge) => challenge.slug === value) : undefined;
    add({ challengeSlug: value, weight: 1, challenge: known });
    setSlug('');
  };

  const create = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const created = await staffApi.createAssessment({
        title: title.trim(),
        durationMinutes: effectiveDuration,
        items: items.map((item) => ({ challengeSlug: item.challengeSlug, weight: item.weight })),
      });
      navigate(`/app/assessments/${created.id}`);
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };

  const unknownSlugs =
    error instanceof ApiError &&
    error.code === 'unknown_challenges' &&
    Array.isArray((error.details as { unknown?: unknown })?.unknown)
      ? new Set((error.details as { unknown: string[] }).unknown)
      : new Set<string>();

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app/assessments">Assessments</Link> / New
          </p>
          <h1>Build an assessment</h1>
        </div>
      </div>
      <div className="builder">
        <section className="builder-bank" aria-labelledby="bank-heading">
          <h2 id="bank-heading">Challenge bank</h2>
          <div className="filter-bar" role="group" aria-label="Filter the bank">
            <Field label="Competency">
              <select value={competency} onChange={(event) => setCompetency(event.target.value)}>
                <option value="">All competencies</option>
                {COMPETENCIES.map((id) => (
                  <option key={id} value={id}>
                    {competencyLabel(id)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Type">
              <select value={type} onChange={(event) => setType(event.target.value)}>
                <option value="">All types</option>
                {CHALLENGE_TYPES.map((id) => (
                  <option key={id} value={id}>
                    {typeLabel(id)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Difficulty">
              <select value={difficulty} onChange={(event) => setDifficulty(event.target.value)}>
                <option value="">Any difficulty</option>
                {DIFFICULTIES.map((id) => (
                  <option key={id} value={id}>
                    {difficultyLabel(id)}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Search">
              <input
                type="search"
                value={text}
                placeholder="Title or slug"
                onChange={(event) => setText(event.target.value)}
              />
            </Field>
          </div>
          {catalogue.status === 'loading' ? <Spinner label="Loading the bank…" /> : null}
          {catalogue.status === 'error' ? (
            catalogue.error instanceof ApiError && catalogue.error.isRouteMissing ? (
              <PendingApiNotice route="GET /api/v1/challenges">
                Meanwhile, add challenges by their slug on the right.
              </PendingApiNotice>
            ) : (
              <ErrorNotice error={catalogue.error} onRetry={catalogue.reload} />
            )
          ) : null}
          {catalogue.status === 'ready' ? (
            <>
              <p className="muted small" role="status">
                {visible.length} challenge{visible.length === 1 ? '' : 's'} match
              </p>
              <ul className="challenge-list">
                {visible.map((challenge) => (
                  <li key={challenge.slug} className="challenge-card">
                    <div className="challenge-card-main">
                      <h3>{challenge.title}</h3>
                      <p className="challenge-meta">
                        <span className="badge badge-type">{typeLabel(challenge.type)}</span>
                        <span className={`badge badge-${challenge.difficulty}`}>
                          {difficultyLabel(challenge.difficulty)}
                        </span>
                        <span className="muted">{minutesLabel(challenge.estimatedMinutes)}</span>
                        <code className="muted">{challenge.slug}</code>
                      </p>
                      {challenge.summary ? <p className="challenge-summary">{challenge.summary}</p> : null}
                      <p className="chips">
                        {challenge.competencies.map((id) => (
                          <span key={id} className="chip">
                            {competencyLabel(id)}
                          </span>
                        ))}
                      </p>
                    </div>
                    {picked.has(challenge.slug) ? (
                      <button
                        type="button"
                        className="button button-small"
                        aria-label={`Remove ${challenge.title}`}
                        onClick={() => remove(challenge.slug)}
                      >
                        Remove
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="button button-small button-primary"
                        aria-label={`Add ${challenge.title}`}
                        onClick={() => add({ challengeSlug: challenge.slug, weight: 1, challenge })}
                      >
                        Add
                      </button>
                    )}
                  </li>
                ))}
              </ul>
              {visible.length === 0 ? <p className="empty-inline">No challenge matches these filters.</p> : null}
            </>
          ) : null}
        </section>

        <section className="builder-plan card" aria-labelledby="plan-heading">
          <h2 id="plan-heading">Your assessment</h2>
          <form onSubmit={(event) => void create(event)}>
            <Field label="Title">
              <input
                required
                minLength={2}
                maxLength={200}
                value={title}
                placeholder="Lead backend engineer — screening"
                onChange={(event) => setTitle(event.target.value)}
              />
            </Field>

            <h3 className="plan-subheading">Challenges</h3>
            {items.length === 0 ? (
              <p className="empty-inline">
                Add challenges from the bank{catalogue.status === 'ready' ? '' : ' or by slug'}.
              </p>
            ) : (
              <ol className="plan-items">
                {items.map((item, index) => (
                  <li
                    key={item.challengeSlug}
                    className={unknownSlugs.has(item.challengeSlug) ? 'plan-item plan-item-invalid' : 'plan-item'}
                  >
                    <div className="plan-item-main">
                      <strong>{item.challenge?.title ?? item.challengeSlug}</strong>
                      <span className="muted small">
                        {item.challenge
                          ? `${typeLabel(item.challenge.type)} · ${difficultyLabel(item.challenge.difficulty)} · ${minutesLabel(item.challenge.estimatedMinutes)}`
                          : 'Added by slug'}
                        {unknownSlugs.has(item.challengeSlug) ? ' · not in the bank' : ''}
                      </span>
                    </div>
                    <label className="weight-field">
                      <span>Weight</span>
                      <input
                        type="number"
                        min={0.1}
                        max={100}
                        step={0.1}
                        value={item.weight}
                        aria-label={`Weight of ${item.challenge?.title ?? item.challengeSlug}`}
                        onChange={(event) => setWeight(item.challengeSlug, Number(event.target.value) || 1)}
                      />
                    </label>
                    <div className="plan-item-actions">
                      <button
                        type="button"
                        className="button button-icon"
                        aria-label={`Move ${item.challengeSlug} up`}
                        disabled={index === 0}
                        onClick={() => move(index, -1)}
                      >
                        ↑
                      </button>
                      <button
                        type="button"
                        className="button button-icon"
                        aria-label={`Move ${item.challengeSlug} down`}
                        disabled={index === items.length - 1}
                        onClick={() => move(index, 1)}
                      >
                        ↓
                      </button>
                      <button
                        type="button"
                        className="button button-icon"
                        aria-label={`Remove ${item.challengeSlug}`}
                        onClick={() => remove(item.challengeSlug)}
                      >
                        ×
                      </button>
                    </div>
                  </li>
                ))}
              </ol>
            )}

            <div className="estimate" role="status" aria-live="polite">
              <span>Estimated time</span>
              <strong>{minutesLabel(estimate)}</strong>
              {unknownEstimates > 0 ? (
                <span className="muted small">
                  {' '}
                  + {unknownEstimates} challenge{unknownEstimates === 1 ? '' : 's'} added by slug
                </span>
              ) : null}
            </div>

            <Field
              label="Time limit (minutes)"
              hint={`Suggested: ${suggestion} min (the estimate plus a margin).`}
              error={
                effectiveDuration < estimate ? 'Shorter than the estimated time: candidates may not finish.' : null
              }
            >
              <input
                type="number"
                min={5}
                max={600}
                step={5}
                required
                value={effectiveDuration}
                onChange={(event) => setDuration(Math.round(Number(event.target.value)) || 5)}
              />
            </Field>
            {error ? <ErrorNotice error={error} /> : null}
            <button type="submit" className="button button-primary button-block" disabled={busy || items.length === 0}>
              {busy ? 'Creating…' : 'Create assessment'}
            </button>
          </form>

          <form className="add-by-slug" onSubmit={addBySlug}>
            <Field
              label="Add a challenge by slug"
              hint="For private challenges or when you know the slug."
              error={slugError}
            >
              <input value={slug} placeholder="lru-cache" onChange={(event) => setSlug(event.target.value)} />
            </Field>
            <button type="submit" className="button">
              Add
            </button>
          </form>
        </section>
      </div>
    </div>
  );
}
