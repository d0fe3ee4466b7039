import { COMPETENCIES, type Comparison, type SessionResult } from '../api/api-types.js';
import { staffApi } from '../api/assay-services.js';
import { Link, useLocation } from '../routing/router.js';
import { competencyLabel, decisionLabel, percentileLabel, scoreLabel, statusLabel } from '../ui/format.js';
import { usePageTitle } from '../ui/page-title.js';
import { RequestView } from '../ui/request-view.js';
import { useRequest } from '../ui/use-request.js';
import { RadarChart, SERIES_COLORS } from './radar-chart.js';
import { competenciesOf } from './ranking.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 2 to 4 candidates side by side: totals, items, competencies, and a radar. */
export function ComparePage({ assessmentId }: { assessmentId: string }) {
  usePageTitle('Compare candidates');
  const { search } = useLocation();
  const ids = [...new Set((search.get('sessions') ?? '').split(',').filter((id) => UUID.test(id)))].slice(0, 4);
  const comparison = useRequest(() => staffApi.compare(assessmentId, ids), [assessmentId, ids.join(',')]);

  return (
    <div className="page page-wide">
      <div className="page-header">
        <div>
          <p className="breadcrumb">
            <Link to="/app/assessments">Assessments</Link> /{' '}
            <Link to={`/app/assessments/${assessmentId}/results`}>Results</Link> / Compare
          </p>
          <h1>Side by side</h1>
        </div>
      </div>
      {ids.length < 2 ? (
        <div className="empty-state">
          <h2>Pick 2 to 4 candidates</h2>
          <p>Choose them on the comparison board.</p>
          <Link to={`/app/assessments/${assessmentId}/results`} className="button button-primary">
            Back to the board
          </Link>
        </div>
      ) : (
        <RequestView request={comparison} loading="Comparing…" route="GET /api/v1/assessments/:id/compare">
          {(data) => <CompareView comparison={data} />}
        </RequestView>
      )}
    </div>
  );
}

function best(values: (number | null)[]): number | null {
  const numbers = values.filter((value): value is number => typeof value === 'number');
  return numbers.length > 1 ? Math.max(...numbers) : null;
}

function CompareView({ comparison }: { comparison: Comparison }) {
  const sessions: SessionResult[] = comparison.sessions;
  const competencies = comparison.competencies ?? competenciesOf(sessions, COMPETENCIES);
  const items =
    comparison.items ??
    sessions[0]?.items.map((item) => ({
      itemId: item.itemId,
      title: item.title ?? item.challengeSlug ?? item.itemId,
    })) ??
    [];
  const itemScore = (session: SessionResult, itemId: string) =>
    session.items.find((item) => item.itemId === itemId)?.score ?? null;
  const competencyScore = (session: SessionResult, id: string) => session.competencies[id] ?? null;

  const row = (label: string, values: (number | null)[]) => {
    const top = best(values);
    return (
      <tr key={label}>
        <th scope="row">{label}</th>
        {values.map((value, index) => (
          <td key={sessions[index].sessionId} className={`numeric${top !== null && value === top ? ' best' : ''}`}>
            {scoreLabel(value)}
          </td>
        ))}
      </tr>
    );
  };

  return (
    <div className="compare-layout">
      <section className="card" aria-labelledby="radar-heading">
        <h2 id="radar-heading">Competencies</h2>
        <RadarChart
          axes={competencies}
          series={sessions.map((session) => ({
            name: session.candidateName,
            values: competencies.map((id) => competencyScore(session, id)),
          }))}
        />
      </section>
      <section aria-labelledby="table-heading">
        <h2 id="table-heading" className="visually-hidden">
          Scores side by side
        </h2>
        <div className="table-wrap">
          <table className="data-table compare-table">
            <thead>
              <tr>
                <th scope="col">
                  <span className="visually-hidden">Measure</span>
                </th>
                {sessions.map((session, index) => (
                  <th key={session.sessionId} scope="col" className="numeric">
                    <span
                      className="legend-swatch"
                      style={{ background: SERIES_COLORS[index % SERIES_COLORS.length] }}
                      aria-hidden="true"
                    />
                    <Link to={`/app/sessions/${session.sessionId}`}>{session.candidateName}</Link>
                    <div className="muted small">
                      {statusLabel(session.status)} ·{' '}
                      {session.decision ? decisionLabel(session.decision) : 'not reviewed'}
                    </div>
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {row(
                'Total',
                sessions.map((session) => session.total),
              )}
              <tr>
                <th scope="row">Percentile</th>
                {sessions.map((session) => (
                  <td key={session.sessionId} className="numeric">
                    {percentileLabel(session.percentile)}
                  </td>
                ))}
              </tr>
              <tr className="group-row">
                <th scope="rowgroup" colSpan={sessions.length + 1}>
                  Items
                </th>
              </tr>
              {items.map((item) =>
                row(
                  item.title,
                  sessions.map((session) => itemScore(session, item.itemId)),
                ),
              )}
              <tr className="group-row">
                <th scope="rowgroup" colSpan={sessions.length + 1}>
                  Competencies
                </th>
              </tr>
              {competencies.map((id) =>
                row(
                  competencyLabel(id),
                  sessions.map((session) => competencyScore(session, id)),
                ),
              )}
            </tbody>
          </table>
        </div>
        <p className="muted small">The best score of each row is highlighted.</p>
      </section>
    </div>
  );
}
