import type { ScoreChange } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { dateTimeLabel, scoreLabel } from '../ui/format.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';

const scoreOf = (score: number | null) => (score === null ? 'computed' : scoreLabel(score));

/**
 * Every change of this item's score, oldest first (`GET /sessions/:id/score-audit`): who changed it,
 * when, from what to what and why. `version` changes after an override so the trail reloads.
 */
export function ScoreAudit({ sessionId, itemId, version }: { sessionId: string; itemId: string; version: number }) {
  const audit = useRequest(() => staffApi.scoreAudit(sessionId), [sessionId, version]);
  return (
    <section className="score-audit" aria-label="Score changes">
      <RequestView request={audit} loading="Loading the score changes…" route="GET /api/v1/sessions/:id/score-audit">
        {(changes: ScoreChange[]) => {
          const mine = changes.filter((change) => change.itemId === itemId);
          if (mine.length === 0) return <p className="muted small">The score has not been changed by hand.</p>;
          return (
            <ol className="score-audit-list">
              {mine.map((change) => (
                <li key={change.id}>
                  <span>
                    <strong>
                      {scoreOf(change.from)} → {scoreOf(change.to)}
                    </strong>{' '}
                    <span className="muted">
                      by {change.by.name}, {dateTimeLabel(change.at)}
                    </span>
                  </span>
                  <span className="score-audit-reason">{change.reason}</span>
                </li>
              ))}
            </ol>
          );
        }}
      </RequestView>
    </section>
  );
}
