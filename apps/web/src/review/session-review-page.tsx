import { useEffect, useMemo, useState } from 'react';
import type { LineComment, ReviewItem, RubricCriterion, SessionDetail } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { LiveConnection, type LiveStatus } from '../live/live-connection.js';
import type { LiveEvent } from '../live/live-events.js';
import { Link } from '../routing/router.js';
import { CodeEditor, editorLanguageOf } from '../ui/code-editor.js';
import { IntegrityMark } from '../ui/integrity-mark.js';
import { dateTimeLabel, languageLabel, scoreLabel, statusLabel, timeLabel, typeLabel } from '../ui/format.js';
import { MarkdownView } from '../ui/markdown-view.js';
import { usePageTitle } from '../ui/page-title.js';
import { RequestView } from '../ui/request-view.js';
import { TestList } from '../ui/test-list.js';
import { useRequest } from '../ui/use-request.js';
import { VerdictBadge } from '../ui/verdict-badge.js';
import { ActivityTimeline } from './activity-timeline.js';
import { AnswerView } from './answer-view.js';
import { DEFAULT_RUBRIC } from './default-rubric.js';
import { LineComments } from './line-comments.js';
import { PlaybackPanel } from './playback-panel.js';
import { RubricForm } from './rubric-form.js';
import { ScoreAudit } from './score-audit.js';
import { ScoreOverrideForm } from './score-override-form.js';

interface LiveDraft {
  code?: string;
  language?: string;
  answer?: Record<string, unknown>;
  at: number;
}

interface Activity {
  at: number;
  text: string;
}

/** The interviewer's room: each item's final work, tests, playback and comments; the rubric and decision. */
export function SessionReviewPage({ sessionId }: { sessionId: string }) {
  const session = useRequest(() => staffApi.getSession(sessionId), [sessionId]);
  usePageTitle(session.status === 'ready' ? `Review of ${session.data.candidateName}` : 'Session');
  return (
    <div className="page page-full">
      <RequestView request={session} loading="Loading the session…" route="GET /api/v1/sessions/:id">
        {(data) => <ReviewRoom session={data} onChange={session.update} onReload={session.reload} />}
      </RequestView>
    </div>
  );
}

/** Each item rated on its own rubric; the default one only for an item the server sent none for. */
function withRubrics(items: ReviewItem[], sessionRubric: RubricCriterion[] | undefined): ReviewItem[] {
  return items.map((item) => ({
    ...item,
    rubric: item.rubric && item.rubric.length > 0 ? item.rubric : (sessionRubric ?? DEFAULT_RUBRIC),
  }));
}

function ReviewRoom({
  session,
  onChange,
  onReload,
}: {
  session: SessionDetail;
  onChange: (change: (session: SessionDetail) => SessionDetail) => void;
  onReload: () => void;
}) {
  const items = useMemo(
    () => [...session.items].sort((a, b) => (a.position ?? 0) - (b.position ?? 0)),
    [session.items],
  );
  const [selectedId, setSelectedId] = useState(items[0]?.id ?? '');
  const selected = items.find((item) => item.id === selectedId) ?? items[0];
  const inProgress = session.status === 'in_progress';
  const { liveDrafts, activity, status } = useLiveWatch(session.id, inProgress, onReload);

  const updateItem = (itemId: string, change: (item: ReviewItem) => ReviewItem) =>
    onChange((current) => ({
      ...current,
      items: current.items.map((item) => (item.id === itemId ? change(item) : item)),
    }));

  return (
    <>
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app/sessions">Sessions</Link> / {session.candidateName}
          </p>
          <h1>{session.candidateName}</h1>
          <p className="muted">
            {session.assessmentTitle ? `${session.assessmentTitle} · ` : ''}
            {session.candidateEmail ? `${session.candidateEmail} · ` : ''}started {dateTimeLabel(session.startedAt)}
            {session.finishedAt ? ` · finished ${dateTimeLabel(session.finishedAt)}` : ''}
          </p>
        </div>
        <div className="session-score">
          <span className={`status status-${session.status}`}>{statusLabel(session.status)}</span>
          {inProgress ? <LiveBadge status={status} /> : null}
          <span className="session-total">
            <span className="muted small">Total</span>
            <strong>{scoreLabel(session.total)}</strong>
          </span>
        </div>
      </div>
      <IntegrityMark mark={session.integrityReview} />
      <div className="review-layout">
        <nav className="item-nav" aria-label="Items of the session">
          <ol>
            {items.map((item, index) => (
              <li key={item.id}>
                <button
                  type="button"
                  className="item-nav-button"
                  aria-current={item.id === selected?.id ? 'step' : undefined}
                  onClick={() => setSelectedId(item.id)}
                >
                  <span className="item-nav-text">
                    <span className="item-nav-title">
                      {index + 1}. {item.title}
                    </span>
                    <span className="item-nav-meta">
                      {typeLabel(item.type)} · {item.score === null ? 'pending' : scoreLabel(item.score)}
                      {item.overridden ? ' (overridden)' : ''}
                      {liveDrafts[item.id] ? ' · typing' : ''}
                    </span>
                  </span>
                </button>
              </li>
            ))}
          </ol>
          {inProgress ? <ActivityFeed activity={activity} /> : null}
        </nav>
        <div className="review-item">
          {selected ? (
            <ItemReview
              key={selected.id}
              sessionId={session.id}
              item={selected}
              liveDraft={liveDrafts[selected.id]}
              onItemChange={(change) => updateItem(selected.id, change)}
            />
          ) : (
            <p className="empty-inline">This session has no items.</p>
          )}
        </div>
        <aside className="review-side card">
          <RubricForm
            sessionId={session.id}
            items={withRubrics(items, session.rubric)}
            review={session.review}
            onSaved={(review) => onChange((current) => ({ ...current, review }))}
          />
        </aside>
      </div>
    </>
  );
}

function ItemReview({
  sessionId,
  item,
  liveDraft,
  onItemChange,
}: {
  sessionId: string;
  item: ReviewItem;
  liveDraft?: LiveDraft;
  onItemChange: (change: (item: ReviewItem) => ReviewItem) => void;
}) {
  const final = item.finalSubmission;
  const [cursorLine, setCursorLine] = useState(1);
  const [auditVersion, setAuditVersion] = useState(0);
  const [view, setView] = useState<'final' | 'live'>(liveDraft && !final ? 'live' : 'final');
  const code = final?.code ?? null;
  const comments = final?.comments ?? [];

  return (
    <article aria-labelledby={`review-item-${item.id}`}>
      <header className="review-item-header">
        <div>
          <h2 id={`review-item-${item.id}`}>{item.title}</h2>
          <p className="item-meta">
            <span className="badge badge-type">{typeLabel(item.type)}</span>
            <code className="muted">{item.challengeSlug}</code>
            {final?.verdict ? <VerdictBadge verdict={final.verdict} /> : null}
            <span>
              Score <strong>{item.score === null ? 'pending review' : scoreLabel(item.score)}</strong>
              {item.overridden ? <span className="badge badge-neutral">overridden</span> : null}
            </span>
          </p>
        </div>
        <div className="override-column">
          <ScoreOverrideForm
            sessionId={sessionId}
            itemId={item.id}
            current={item.score}
            onSaved={(score) => {
              onItemChange((current) => ({ ...current, score, overridden: true }));
              setAuditVersion((version) => version + 1);
            }}
          />
          <ScoreAudit sessionId={sessionId} itemId={item.id} version={auditVersion} />
        </div>
      </header>

      {item.statement ? (
        <details className="statement-details">
          <summary>Statement</summary>
          <MarkdownView source={item.statement} className="statement" />
        </details>
      ) : null}

      {liveDraft ? (
        <div className="view-switch" role="group" aria-label="Show">
          <button type="button" className="tab" aria-pressed={view === 'final'} onClick={() => setView('final')}>
            Final submission
          </button>
          <button type="button" className="tab" aria-pressed={view === 'live'} onClick={() => setView('live')}>
            Live draft · {timeLabel(liveDraft.at)}
          </button>
        </div>
      ) : null}

      {view === 'live' && liveDraft ? (
        <section aria-label="Live draft">
          {typeof liveDraft.code === 'string' ? (
            <CodeEditor
              value={liveDraft.code}
              language={editorLanguageOf(liveDraft.language)}
              label={`Live draft of ${item.title}`}
              readOnly
              minHeight="280px"
              maxHeight="520px"
            />
          ) : liveDraft.answer ? (
            <AnswerView type={item.type} answer={liveDraft.answer} material={item.material} />
          ) : null}
        </section>
      ) : final ? (
        <section aria-label="Final submission">
          <p className="muted small">
            Submitted {dateTimeLabel(final.submittedAt)}
            {final.language ? ` in ${languageLabel(final.language)}` : ''}.
          </p>
          {typeof code === 'string' ? (
            <div className="final-code">
              <CodeEditor
                value={code}
                language={editorLanguageOf(final.language)}
                label={`Final code of ${item.title}`}
                readOnly
                minHeight="240px"
                maxHeight="520px"
                markedLines={comments.map((comment) => comment.line)}
                onCursorLine={setCursorLine}
              />
              <LineComments
                submissionId={final.id}
                comments={comments}
                suggestedLine={cursorLine}
                lineCount={code.split('\n').length}
                onAdded={(comment: LineComment) =>
                  onItemChange((current) => ({
                    ...current,
                    finalSubmission: current.finalSubmission
                      ? { ...current.finalSubmission, comments: [...(current.finalSubmission.comments ?? []), comment] }
                      : current.finalSubmission,
                  }))
                }
              />
            </div>
          ) : final.answer ? (
            <AnswerView type={item.type} answer={final.answer} material={item.material} />
          ) : null}
          {final.tests.length > 0 ? (
            <section className="review-tests" aria-label="Test results">
              <h3>Tests</h3>
              <TestList tests={final.tests} staffView />
            </section>
          ) : null}
        </section>
      ) : (
        <p className="empty-inline">No submission on this item{item.draft ? '; the playback shows the drafts' : ''}.</p>
      )}

      <PlaybackPanel sessionId={sessionId} itemId={item.id} title={item.title} />
      <ActivityTimeline sessionId={sessionId} itemId={item.id} />
    </article>
  );
}

function LiveBadge({ status }: { status: LiveStatus }) {
  const live = status === 'live';
  return (
    <span className={`connection ${live ? 'connection-live' : 'connection-connected'}`} role="status">
      <span className="connection-dot" aria-hidden="true" />
      {live ? 'Watching live' : 'Live view connecting…'}
    </span>
  );
}

function ActivityFeed({ activity }: { activity: Activity[] }) {
  return (
    <section className="activity" aria-label="Live activity">
      <h3>Live activity</h3>
      {activity.length === 0 ? <p className="muted small">Events appear here as the candidate works.</p> : null}
      <ol aria-live="polite">
        {activity.map((entry, index) => (
          <li key={`${entry.at}-${index}`}>
            <span className="muted small">{timeLabel(entry.at)}</span> {entry.text}
          </li>
        ))}
      </ol>
    </section>
  );
}

/** Follows a session in progress: drafts as they are saved, results as they come, the end. */
function useLiveWatch(sessionId: string, active: boolean, onFinished: () => void) {
  const [liveDrafts, setLiveDrafts] = useState<Record<string, LiveDraft>>({});
  const [activity, setActivity] = useState<Activity[]>([]);
  const [status, setStatus] = useState<LiveStatus>('idle');

  useEffect(() => {
    if (!active) return;
    const live = new LiveConnection(() => staffApi.accessToken());
    const note = (text: string) => setActivity((current) => [{ at: Date.now(), text }, ...current].slice(0, 30));
    const stopStatus = live.onStatus(setStatus);
    const unsubscribe = live.subscribe({ sessionId }, (event: LiveEvent) => {
      const itemId = typeof event.data.itemId === 'string' ? event.data.itemId : null;
      switch (event.type) {
        case 'draft.updated':
          if (itemId) {
            setLiveDrafts((current) => ({
              ...current,
              [itemId]: {
                code: typeof event.data.code === 'string' ? event.data.code : undefined,
                language: typeof event.data.language === 'string' ? event.data.language : undefined,
                answer:
                  typeof event.data.answer === 'object' && event.data.answer !== null
                    ? (event.data.answer as Record<string, unknown>)
                    : undefined,
                at: Date.now(),
              },
            }));
          }
          break;
        case 'submission.queued':
          note(`${event.data.kind === 'run' ? 'Ran the samples' : 'Submitted'}`);
          break;
        case 'submission.finished':
          note(
            `Result: ${typeof event.data.verdict === 'string' ? event.data.verdict.toLowerCase().replace(/_/g, ' ') : 'finished'}`,
          );
          break;
        case 'session.finished':
          note('Finished the assessment');
          onFinished();
          break;
        case 'test.finished':
        case 'submission.running':
        case 'session.updated':
          break;
      }
    });
    return () => {
      unsubscribe();
      stopStatus();
      live.close();
    };
  }, [sessionId, active, onFinished]);

  return { liveDrafts, activity, status };
}
